package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * One connection, libssl's {@code SSL} object ({@code ssl_lib.c}): it owns the connection's state, in named
 * holders, makes the checks libssl makes before its state machine runs (no connect or accept state, a side that
 * has sent its close_notify, a failed connection), answers {@code SSL_get_error}, {@code SSL_want}, the pending
 * counts and the shutdown bits, and hands each read, write, shutdown and handshake to the {@link StateMachine}.
 * {@code Ssl} is its public face.
 */
public final class Connection {
    /** Supplies the engine context when the first handshake step runs. */
    @FunctionalInterface
    public interface ContextSource {
        /** The context of the connection's {@code SslCtx}. */
        EngineContext get() throws EngineException;
    }

    /** The receiver of the info callback's events: the {@code Ssl}, which looks up its callback at each one. */
    public interface InfoSink {
        /** One event, as {@code InfoCallback.onInfo} takes it. */
        void info(int where, int ret);
    }

    /** The receiver of the message callback's reports ({@code MsgCallback.onMsg} without the connection). */
    public interface MsgSink {
        /** One record header or message. */
        void msg(boolean write, int version, int contentType, byte[] bytes);

        /** Whether a callback would be told now: else the records are not looked at. */
        boolean active();
    }

    /** The receiver of the key-log lines: the {@code Ssl}, which looks up its context's callback at each line. */
    public interface KeylogSink {
        /** Whether a callback is set now: a connection begun without one logs nothing. */
        boolean wanted();

        /** One line, as {@code KeylogCallback.onKeylog} takes it; does not throw. */
        void line(String line);
    }

    private final Settings settings;
    private final HandshakeState hs;
    private final Failure failure = new Failure();
    private final ShutdownState shutdown = new ShutdownState();
    private final PendingWrite pendingWrite = new PendingWrite();
    private final Renegotiation renegotiation;
    private final RecordLayer records;
    private final StateMachine machine;
    private boolean closed;

    /**
     * Makes one connection, with the settings it copies from its context.
     *
     * @param direct the engine works on direct buffers ({@code Capability.DIRECT_BUFFERS})
     * @param canRenegotiate the engine would follow a client's renegotiation ({@code Capability.RENEGOTIATION}), so
     *     the state machine must refuse one the options do not allow (R11.10)
     */
    public Connection(SslMethod method, ContextSource contexts, boolean direct, boolean canRenegotiate, Settings settings) {
        this.settings = settings;
        this.hs = new HandshakeState(method, settings);
        this.renegotiation = new Renegotiation(canRenegotiate, settings);
        this.records = new RecordLayer(direct, settings, shutdown, failure);
        this.machine = new StateMachine(contexts, settings, hs, failure, shutdown, pendingWrite, renegotiation, records);
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    public void setBio(Bio r, Bio w) {
        records.setBio(r, w);
    }

    public Bio rbio() {
        return records.rbio();
    }

    public Bio wbio() {
        return records.wbio();
    }

    public void setState(boolean client) {
        hs.setSide(client);
    }

    public boolean isServer() {
        return hs.isServer();
    }

    /** Where the info callback's events go ({@code SSL_set_info_callback}); null for nowhere. */
    public void setInfoSink(InfoSink sink) {
        records.info().setSink(sink);
    }

    /** Where the message callback's reports go ({@code SSL_set_msg_callback}); null for nowhere. */
    public void setMsgSink(MsgSink sink) {
        records.trace().setSink(sink);
    }

    /** Where the key-log lines go ({@code SSL_CTX_set_keylog_callback}); null for nowhere. */
    public void setKeylogSink(KeylogSink sink) {
        hs.setKeylogSink(sink);
    }

    /** What this connection, as a server, asks its application during the handshake ({@code ServerHooks}). */
    public void setServerHooks(org.libssl4j.spi.ServerHooks hooks) {
        hs.setServerHooks(hooks);
    }

    /**
     * An application callback refused the handshake (libssl's {@code SSLfatal(alert, reason)}): the engine's
     * failure that follows is reported as this, and an engine that goes on regardless is stopped.
     */
    public void callbackRefused(int reason, int alert, String detail, Throwable cause) {
        failure.blame(reason, alert, detail, cause);
    }

    /** Where the handshake stands and what it negotiated: version, cipher, peer, server name, ALPN. */
    public HandshakeState handshakeState() {
        return hs;
    }

    public boolean isInitFinished() {
        return !machine.inInit();
    }

    /** {@code SSL_in_init}: before and during a handshake, and for good after a fatal error (R15.7). */
    public boolean inInit() {
        return machine.inInit();
    }

    /** The connection failed for good (a fatal error, or it was freed). */
    public boolean failed() {
        return failure.isFatal() || closed;
    }

    public boolean inBefore() {
        return !hs.started();
    }

    // ---- the calls: ssl_lib.c's checks, then the state machine ----------------------------------------------

    /** {@code SSL_connect}: MISUSE-1 on a method that cannot connect. */
    public int connect() {
        return takeSideAndHandshake(true);
    }

    /** {@code SSL_accept}: MISUSE-1 on a method that cannot accept. */
    public int accept() {
        return takeSideAndHandshake(false);
    }

    private int takeSideAndHandshake(boolean client) {
        if (!hs.mayTakeSide(client)) {
            return undefinedFunction();
        }
        if (!hs.hasSide()) {
            hs.setSide(client);
        }
        return doHandshake();
    }

    /** {@code ssl_undefined_function}: 0, "called a function you should not call". */
    private static int undefinedFunction() {
        SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.SHOULD_NOT_HAVE_BEEN_CALLED, null);
        return 0;
    }

    /** {@code SSL_do_handshake}: R02.2, R01.5, MISUSE-1. */
    public int doHandshake() {
        if (hs.undefined()) {
            return undefinedFunction();
        }
        if (!hs.hasSide()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.CONNECTION_TYPE_NOT_SET, null);
            return -1;
        }
        records.clearForcedRetry();
        return machine.run(StateMachine.CALL_HANDSHAKE, null, 0, 0, null);
    }

    /** {@code SSL_write}: R01, R03.1, R03.3, R04, R05, R13. Exactly one of {@code array} and {@code bb} is set. */
    public int write(byte[] array, int off, int len, ByteBuffer bb) {
        if (!hs.hasSide()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        records.resetWait(); // cleared before anything else, a failed state included
        if (shutdown.sent()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PROTOCOL_IS_SHUTDOWN, null);
            return -1;
        }
        return failure.isFatal() ? -1 : machine.run(StateMachine.CALL_WRITE, array, off, len, bb);
    }

    /** {@code SSL_read} / {@code SSL_peek}: R01.4, R03.5, R04.5, R06, R07.2, R08, R09.3, R15.8. */
    public int read(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        if (!hs.hasSide()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if (shutdown.received() && (failure.isFatal() || records.pending() == 0)) {
            records.resetWait();
            return 0; // data sent before the close_notify is read first (R07.2)
        }
        if (failure.isFatal()) {
            return -1;
        }
        records.resetWait();
        return machine.run(peek ? StateMachine.CALL_PEEK : StateMachine.CALL_READ, array, off, len, bb);
    }

    /** {@code SSL_shutdown}: R05.10, R07. */
    public int shutdown() {
        if (!hs.hasSide()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if (machine.inInit()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.SHUTDOWN_WHILE_IN_INIT, null);
            return -1;
        }
        if (settings.quietShutdown) {
            shutdown.quiet();
            return 1;
        }
        records.clearForcedRetry();
        return machine.run(StateMachine.CALL_SHUTDOWN, null, 0, 0, null);
    }

    // ---- what the caller asks between calls -----------------------------------------------------------------

    /** {@code SSL_get_error}: R15.1-R15.4, R07.11, R09.4, R15.8. */
    public SslError getError(int ret) {
        if (ret > 0) {
            return SslError.NONE;
        }
        SslErrorEntry oldest = SslErrorQueue.peek();
        if (oldest != null) {
            return oldest.library() == SslErrorEntry.LIB_SYS ? SslError.SYSCALL : SslError.SSL;
        }
        SslError waiting = records.waitingFor();
        if (waiting != null) {
            return waiting;
        }
        // libssl: RECEIVED_SHUTDOWN with no warning alert other than close_notify (a fatal alert included).
        return shutdown.received() ? SslError.ZERO_RETURN : SslError.SYSCALL;
    }

    public int want() {
        return records.want();
    }

    public int pending() {
        return records.pending();
    }

    public boolean hasPending() {
        return records.hasPending();
    }

    public int getShutdown() {
        return shutdown.bits();
    }

    public void setShutdown(int bits) {
        shutdown.setBits(bits);
    }

    /** {@code SSL_renegotiate}: R11.2, R11.11. */
    public int renegotiate() {
        int refused = renegotiation.request(hs.done() && !failure.isFatal() && !hs.tls13());
        if (refused != 0) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, refused, refused == SslReason.UNSUPPORTED ? "the engine cannot renegotiate" : null);
            return 0;
        }
        return 1;
    }

    /** {@code SSL_renegotiate_pending}. */
    public boolean renegotiatePending() {
        return renegotiation.isPending();
    }

    /** {@code SSL_key_update}: refused, with libssl's reason (R12.5), since {@code Capability.KEY_UPDATE} is reserved. */
    public int keyUpdate(int type) {
        return hs.keyUpdate(type);
    }

    public int getKeyUpdateType() {
        return Ssl.KEY_UPDATE_NONE;
    }

    /** {@code SSL_free}: idempotent; the connection is failed for good and its engine freed. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        failure.silently();
        records.close(); // a freed connection waits for nothing
        pendingWrite.release();
        TlsEngine engine = hs.engine();
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                // Freeing must not fail the caller; the engine's failure is kept where libssl keeps errors.
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, null, "engine close: " + e, e));
            }
        }
    }
}
