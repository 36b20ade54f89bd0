package org.libssl4j.internal;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * libssl's connection state machine, written once for every engine: handshake on demand, the retry rules of
 * {@code SSL_write}, partial writes, one record per {@code SSL_read}, two-phase shutdown, fatal states and
 * {@code SSL_get_error}. The numbered rules of {@code docs/SEMANTICS.md} are cited where they decide a branch.
 *
 * <p>This class is the spine and follows libssl's own: {@link #write} is {@code ssl3_write_bytes}, {@link #read}
 * is {@code ssl3_read_bytes}, {@link #shutdown} is {@code ssl3_shutdown}, {@link #handshake} is the handshake
 * state machine, {@link #getError} is {@code SSL_get_error}. The state they juggle lives in named holders: the
 * {@link RecordLayer} (records in and out, alerts, what the connection waits for), the {@link PendingWrite}
 * (R05), the {@link Renegotiation} (R11), the {@link ShutdownState} (R07) and the {@link Failure}. Every call
 * that reaches the engine runs behind one guard ({@link #guarded}): whatever the engine throws becomes a failed
 * connection with an error-queue entry, never an exception out of the API.
 */
public final class StateMachine {
    /** Supplies the engine context when the first handshake step runs. */
    @FunctionalInterface
    public interface ContextSource {
        /** The context of the connection's {@code SslCtx}. */
        EngineContext get() throws EngineException;
    }

    private enum Role { NONE, CLIENT, SERVER }

    private static final int ALERT_NO_RENEGOTIATION = 100;
    /** {@link #handshake} outcome: application data arrived in the middle of a renegotiation (R11.6). */
    private static final int HANDSHAKE_DATA_ARRIVED = 2;

    // The calls that run behind the guard.
    private static final int CALL_HANDSHAKE = 0;
    private static final int CALL_WRITE = 1;
    private static final int CALL_READ = 2;
    private static final int CALL_PEEK = 3;
    private static final int CALL_SHUTDOWN = 4;

    private final SslMethod method;
    private final ContextSource contexts;
    private final Settings settings;
    private final Failure failure = new Failure();
    private final ShutdownState shutdown = new ShutdownState();
    private final PendingWrite pendingWrite = new PendingWrite();
    private final Renegotiation renegotiation;
    private final RecordLayer records;

    private Role role = Role.NONE;
    private TlsEngine engine;
    /** The first handshake step ran: {@code SSL_in_before} is false. */
    private boolean started;
    /** A handshake finished and no new one (a renegotiation, a KeyUpdate exchange) is under way. */
    private boolean handshakeDone;
    /** The handshake negotiated TLS 1.3 (kept, so that no record asks the engine's session). */
    private boolean negotiatedTls13;
    private boolean closed;

    /**
     * Makes the state machine of one connection, with the settings it copies from its context.
     *
     * @param direct the engine works on direct buffers ({@code Capability.DIRECT_BUFFERS})
     * @param canRenegotiate the engine would follow a client's renegotiation ({@code Capability.RENEGOTIATION}), so
     *     the state machine must refuse one the options do not allow (R11.10)
     */
    public StateMachine(SslMethod method, ContextSource contexts, boolean direct, boolean canRenegotiate, Settings settings) {
        this.method = method;
        this.contexts = contexts;
        this.settings = settings;
        this.renegotiation = new Renegotiation(canRenegotiate, settings);
        this.records = new RecordLayer(direct, settings, shutdown, failure);
    }

    // =========================================================================================================
    // set-up
    // =========================================================================================================

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
        if (client && !method.allowsClient()) {
            throw new IllegalStateException("a TLS_SERVER context cannot make a client connection");
        }
        if (!client && !method.allowsServer()) {
            throw new IllegalStateException("a TLS_CLIENT context cannot make a server connection");
        }
        if (started) {
            throw new IllegalStateException("the side cannot change after the handshake started");
        }
        role = client ? Role.CLIENT : Role.SERVER;
    }

    public boolean isServer() {
        // Without a state, libssl answers from the method: TLS_method() can accept, so it counts as a server.
        return role == Role.SERVER || (role == Role.NONE && method != SslMethod.TLS_CLIENT);
    }

    public boolean isInitFinished() {
        return !inInit();
    }

    /** {@code SSL_in_init}: before and during a handshake, and for good after a fatal error (R15.7). */
    public boolean inInit() {
        return failure.isFatal() || !handshakeDone;
    }

    public boolean inBefore() {
        return !started;
    }

    // =========================================================================================================
    // the calls, each behind the one guard
    // =========================================================================================================

    public int connect() {
        if (role == Role.NONE) {
            setState(true);
        }
        return doHandshake();
    }

    public int accept() {
        if (role == Role.NONE) {
            setState(false);
        }
        return doHandshake();
    }

    /** {@code SSL_do_handshake}: R02.2, R01.5. */
    public int doHandshake() {
        if (role == Role.NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.CONNECTION_TYPE_NOT_SET, null);
            return -1;
        }
        records.clearForcedRetry();
        return guarded(CALL_HANDSHAKE, null, 0, 0, null);
    }

    /** {@code SSL_write}: R01, R03.1, R03.3, R04, R05, R13. Exactly one of {@code array} and {@code bb} is set. */
    public int write(byte[] array, int off, int len, ByteBuffer bb) {
        if (role == Role.NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        records.resetWait(); // ssl3_write_bytes clears it before anything else, a failed state included
        if (shutdown.sent()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PROTOCOL_IS_SHUTDOWN, null);
            return -1;
        }
        return failure.isFatal() ? -1 : guarded(CALL_WRITE, array, off, len, bb);
    }

    /** {@code SSL_read} / {@code SSL_peek}: R01.4, R03.5, R04.5, R06, R07.2, R08, R09.3, R15.8. */
    public int read(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        if (role == Role.NONE) {
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
        return guarded(peek ? CALL_PEEK : CALL_READ, array, off, len, bb);
    }

    /** {@code SSL_shutdown}: R05.10, R07. */
    public int shutdown() {
        if (role == Role.NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if (inInit()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.SHUTDOWN_WHILE_IN_INIT, null);
            return -1;
        }
        if (settings.quietShutdown) {
            shutdown.quiet();
            return 1;
        }
        records.clearForcedRetry();
        return guarded(CALL_SHUTDOWN, null, 0, 0, null);
    }

    /**
     * The failure policy, in one place: whatever the engine (or a BIO) throws fails the connection with an
     * error-queue entry (an unexpected exception as "internal error") and the call returns -1.
     */
    private int guarded(int call, byte[] array, int off, int len, ByteBuffer bb) {
        try {
            switch (call) {
                case CALL_HANDSHAKE:
                    return handshakeCall();
                case CALL_WRITE:
                    return writeBytes(array, off, len, bb);
                case CALL_SHUTDOWN:
                    return shutdownCall();
                default:
                    return readBytes(array, off, len, bb, call == CALL_PEEK);
            }
        } catch (EngineException e) {
            records.engineFailed(e);
        } catch (RuntimeException e) {
            records.engineFailed(EngineException.of(SslReason.INTERNAL_ERROR, String.valueOf(e), e));
        }
        return -1;
    }

    // =========================================================================================================
    // handshake
    // =========================================================================================================

    private int handshakeCall() throws EngineException {
        renegotiateCheck();
        if (!inInit() && !renegotiation.helloRequestDue()) {
            return 1;
        }
        return settle(handshake());
    }

    /**
     * {@code ssl3_renegotiate_check}: a renegotiation asked for by {@link #renegotiate}, or owed to the peer,
     * begins with the next read, write or handshake call, once nothing is half-sent. A client is then in init
     * until the server has answered; a server only owes its HelloRequest (R11.2).
     */
    private void renegotiateCheck() throws EngineException {
        boolean nothingHalfSent = !pendingWrite.isRecordSealed() && !records.hasOutput();
        if (renegotiation.takeOwed(nothingHalfSent)) {
            handshakeDone = false;
        }
        if (failure.isFatal() || !renegotiation.dueToBegin(nothingHalfSent)) {
            return;
        }
        if (!engine.renegotiate()) {
            failure.fail(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, "the engine refused a renegotiation it declared", null);
            return;
        }
        renegotiation.begun(role == Role.SERVER);
        if (role == Role.CLIENT) {
            handshakeDone = false;
        }
    }

    /**
     * What a call other than a read makes of application data that arrived in the middle of a renegotiation:
     * libssl fails it, with "unexpected record"; only {@code SSL_read} may return such data (R11.6).
     */
    private int settle(int handshakeResult) {
        if (handshakeResult == HANDSHAKE_DATA_ARRIVED) {
            records.fatalAlert(SslReason.UNEXPECTED_RECORD, RecordLayer.ALERT_UNEXPECTED_MESSAGE);
            return -1;
        }
        return handshakeResult;
    }

    /**
     * The handshake state machine: sends what the engine has, feeds it what it waits for, one record at a
     * time, until this side is done. Like libssl's it first clears the thread's error queue.
     *
     * @return 1 when this side's handshake is done, {@link #HANDSHAKE_DATA_ARRIVED} when application data came
     *     in the middle of a renegotiation, -1 otherwise (see {@link #getError})
     */
    private int handshake() throws EngineException {
        if (failure.isFatal()) {
            return -1;
        }
        SslErrorQueue.clear();
        if (engine == null) {
            engine = contexts.get().newEngine(new ConnectionConfig(role == Role.CLIENT, settings.sniHostName,
                    settings.verifyHostName != null ? settings.verifyHostName : settings.sniHostName,
                    settings.options, settings.minVersion, settings.maxVersion));
            records.start(engine, role == Role.SERVER);
            engine.beginHandshake();
        }
        started = true;
        while (true) {
            // A side that cannot write must still read when its engine waits for the peer: the peer may be
            // blocked writing to us (a TLS 1.3 client's compatibility ChangeCipherSpec goes out in the middle of
            // the server's flight), and libssl completes over a transport of any size.
            boolean writeBlocked = records.hasOutput() && records.flush() <= 0;
            if (writeBlocked && (engine.status() != TlsEngine.Status.NEED_UNWRAP || renegotiation.helloRequestDue()
                    || !records.writeBioRetries())) {
                return -1;
            }
            switch (engine.status()) {
                case NEED_WRAP:
                    records.produce();
                    break;
                case NEED_UNWRAP:
                    if (renegotiation.helloRequestDue()) {
                        renegotiation.helloRequestSent(); // R11.2: the server does not wait for the answer
                        return 1;
                    }
                    if (records.fetchRecord(handshakeDone) <= 0) {
                        // Nothing to read either: what this side owes is the write, so say so (the retry flags
                        // of a BIO that is both rbio and wbio now speak of the read).
                        if (writeBlocked && !failure.isFatal() && records.readWouldRetry() && records.flush() > 0) {
                            continue;
                        }
                        return -1;
                    }
                    if (records.pending() > 0 && records.recordType() == RecordLayer.CONTENT_APPLICATION_DATA) {
                        // More application data while some is unread: it stays in the record buffer until the
                        // caller's read has taken what is there (one record per read, R06.4).
                        return HANDSHAKE_DATA_ARRIVED;
                    }
                    int opened = open();
                    if (opened == RecordLayer.OPENED_CLOSE_NOTIFY) {
                        shutdown.markReceived();
                    }
                    if (opened < 0) {
                        return -1;
                    }
                    if (opened > 0) {
                        return HANDSHAKE_DATA_ARRIVED; // R11.6: the caller's read returns it
                    }
                    break;
                case NOT_HANDSHAKING:
                    negotiatedTls13 = "TLSv1.3".equals(engine.protocol());
                    handshakeDone = true;
                    records.handshakeFinished(negotiatedTls13);
                    renegotiation.handshakeFinished();
                    return 1;
                default:
                    throw new IllegalStateException("unknown engine status");
            }
        }
    }

    /** Lets the engine open the record just fetched; a renegotiation may end with it. */
    private int open() throws EngineException {
        int opened = records.open();
        if (opened != RecordLayer.OPEN_FAILED) {
            renegotiation.checkEnded(engine);
        }
        return opened;
    }

    // =========================================================================================================
    // write: ssl3_write_bytes
    // =========================================================================================================

    private int writeBytes(byte[] array, int off, int len, ByteBuffer bb) throws EngineException {
        Object buffer = array != null ? array : bb;
        int base = array != null ? off : bb.position();
        // R05.1-R05.3: a retry is checked against what the last call committed, before anything else.
        int refused = pendingWrite.refuseRetry(len, buffer, base, (settings.mode & SslMode.ACCEPT_MOVING_WRITE_BUFFER) != 0);
        if (refused != 0) {
            failure.local(refused);
            return -1;
        }
        renegotiateCheck();
        if ((inInit() || renegotiation.helloRequestDue()) && !pendingWrite.isRecordSealed()) {
            int r = settle(handshake());
            if (r <= 0) {
                return r;
            }
        }
        // Sealed records go first: the pending application record, or the engine's own (a ticket, a KeyUpdate).
        if (records.hasOutput()) {
            int r = records.flush();
            if (r <= 0) {
                return r;
            }
        }
        if (pendingWrite.isRecordSealed()) {
            pendingWrite.recordSent();
        }
        while (pendingWrite.committed() < len) {
            int from = base + pendingWrite.committed();
            int sealed = seal(array, bb, from, Math.min(len - pendingWrite.committed(), settings.maxSendFragment));
            if (sealed == 0) {
                int r = cannotSeal();
                if (r <= 0) {
                    return r;
                }
                continue;
            }
            pendingWrite.recordSealed(buffer, from, sealed);
            int r = records.flush();
            if (r <= 0) {
                return r;
            }
            pendingWrite.recordSent();
            // R04.3, R04.4, R13.1: partial-write mode returns after one record, counting all committed since the call started.
            if ((settings.mode & SslMode.ENABLE_PARTIAL_WRITE) != 0) {
                break;
            }
        }
        int count = pendingWrite.committed();
        pendingWrite.finish();
        if (bb != null) {
            bb.position(bb.position() + count);
        }
        releaseBuffersIfIdle();
        return count;
    }

    /** Seals up to {@code len} bytes at {@code from} into one record; returns the bytes the engine took. */
    private int seal(byte[] array, ByteBuffer bb, int from, int len) throws EngineException {
        int position = bb != null ? bb.position() : 0;
        int limit = bb != null ? bb.limit() : 0;
        try {
            int sealed = records.seal(pendingWrite.source(array, bb, from, len));
            renegotiation.checkEnded(engine);
            return sealed;
        } finally {
            if (bb != null) {
                bb.limit(limit).position(position);
            }
        }
    }

    /**
     * The engine took no application byte: it sent a record of its own first, a handshake (a renegotiation,
     * R11.4) is under way, or it can no longer send at all.
     *
     * @return 1 to try sealing again, else what the write returns
     */
    private int cannotSeal() throws EngineException {
        if (records.hasOutput()) {
            return records.flush();
        }
        if (engine.isOutboundDone()) {
            // The engine closed its sending side on its own and sent its close_notify (SunJSSE does on a TLS 1.2
            // close_notify, engine-jdk README Q7): this side's shutdown is sent, as the bits must say.
            shutdown.sentByEngine();
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PROTOCOL_IS_SHUTDOWN, "the engine closed its sending side");
            return -1;
        }
        if (engine.status() == TlsEngine.Status.NOT_HANDSHAKING) {
            throw new IllegalStateException("the engine sealed nothing with no handshake under way");
        }
        handshakeDone = false;
        return settle(handshake());
    }

    // =========================================================================================================
    // read: ssl3_read_bytes
    // =========================================================================================================

    private int readBytes(byte[] array, int off, int len, ByteBuffer bb, boolean peek) throws EngineException {
        renegotiateCheck();
        if (records.pending() == 0 && (inInit() || renegotiation.helloRequestDue())) {
            int r = handshake();
            if (r <= 0) {
                return r;
            }
        }
        // One record at a time until application data or a reason to stop.
        while (records.pending() == 0) {
            int r = records.fetchRecord(handshakeDone);
            if (r <= 0) {
                return r;
            }
            int opened = open();
            if (opened == RecordLayer.OPEN_FAILED) {
                return shutdown.received() ? 0 : -1;
            }
            if (opened == RecordLayer.OPENED_CLOSE_NOTIFY) {
                shutdown.markReceived();
                return 0;
            }
            if (opened == RecordLayer.OPENED_NOTHING && (r = nonApplicationRecord()) <= 0) {
                return r;
            }
        }
        int n = records.copyOut(array, off, len, bb, peek);
        if (records.pending() == 0) {
            releaseBuffersIfIdle();
        }
        return n;
    }

    /**
     * A record that carried no application data (a ticket, a KeyUpdate, a HelloRequest, a ClientHello): libssl
     * hands it to its handshake state machine, which clears the error queue (R15.2) and answers what the peer
     * began (R11.4, R15.5).
     *
     * @return 1 to read on, else what the read returns
     */
    private int nonApplicationRecord() throws EngineException {
        SslErrorQueue.clear();
        if (engine.status() != TlsEngine.Status.NOT_HANDSHAKING) {
            if (renegotiation.refusesClient(role == Role.SERVER, negotiatedTls13)) {
                // R11.10: the engine would follow it, so the state machine refuses: fatally, since only an engine
                // that seals a chosen alert can send libssl's no_renegotiation warning and carry on.
                records.fatalAlert(SslReason.NO_RENEGOTIATION, ALERT_NO_RENEGOTIATION);
                return -1;
            }
            if (!negotiatedTls13) {
                renegotiation.peerBegan(); // ssl3_renegotiate marks it pending until the new handshake ends (R11.2)
            }
            if (pendingWrite.isRecordSealed()) {
                // libssl starts no handshake while a write is half-sent: the answer is owed (ssl3_renegotiate_check).
                renegotiation.owe();
                records.forceReadRetry();
                return -1;
            }
            handshakeDone = false;
            int h = handshake();
            if (h <= 0 || h == HANDSHAKE_DATA_ARRIVED) {
                return h == HANDSHAKE_DATA_ARRIVED ? 1 : h; // R11.6: that data is returned whatever AUTO_RETRY says
            }
        }
        if ((settings.mode & SslMode.AUTO_RETRY) == 0 && records.bufferedRecordBytes() == 0) {
            // R11.12, R12.4: without AUTO_RETRY a non-data record ends the call, as if the BIO had said retry.
            records.forceReadRetry();
            return -1;
        }
        return 1;
    }

    public int pending() {
        return records.pending();
    }

    public boolean hasPending() {
        return records.hasPending();
    }

    // =========================================================================================================
    // shutdown: ssl3_shutdown
    // =========================================================================================================

    private int shutdownCall() throws EngineException {
        if (!shutdown.sent()) {
            shutdown.beginSending();
            if (pendingWrite.isRecordSealed()) {
                return -1; // R05.10: a write is pending; the alert waits (WANT_WRITE from the write's state).
            }
        }
        if (shutdown.dispatching()) {
            if (dispatchCloseNotify() <= 0) {
                return -1; // R07.8
            }
        } else if (!shutdown.received()) {
            if (records.pending() > 0) {
                // Unread application data is in the way of the peer's close_notify, as libssl sees it (R07.7).
                failure.local(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
                return -1;
            }
            awaitCloseNotify(); // R07.6, R07.7
            if (!shutdown.received()) {
                return -1;
            }
        }
        releaseBuffersIfIdle();
        return shutdown.complete() ? 1 : 0;
    }

    /**
     * Sends this side's close_notify, after whatever of the engine's own records is still waiting; a pending
     * application record in the way is a "bad write retry" (R05.10).
     */
    private int dispatchCloseNotify() throws EngineException {
        if (pendingWrite.isRecordSealed()) {
            failure.local(SslReason.BAD_WRITE_RETRY);
            return -1;
        }
        if (records.hasOutput()) {
            int r = records.flush();
            if (r <= 0) {
                return r;
            }
        }
        if (shutdown.makeCloseNotify()) {
            engine.closeOutbound();
            if (!engine.isOutboundDone()) {
                records.produce();
                int r = records.flush();
                if (r <= 0) {
                    return r;
                }
            }
        }
        shutdown.dispatched();
        return 1;
    }

    /** Reads records until the peer's close_notify; application data instead is fatal (R07.7). */
    private void awaitCloseNotify() throws EngineException {
        records.resetWait();
        while (!shutdown.received() && !failure.isFatal()) {
            if (records.fetchRecord(handshakeDone) <= 0) {
                return;
            }
            int opened = open();
            if (opened == RecordLayer.OPEN_FAILED) {
                return;
            }
            if (opened == RecordLayer.OPENED_CLOSE_NOTIFY) {
                shutdown.markReceived();
            } else if (opened > 0) {
                records.discardPlaintext();
                failure.local(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
            }
        }
    }

    public int getShutdown() {
        return shutdown.bits();
    }

    public void setShutdown(int bits) {
        shutdown.setBits(bits);
    }

    // =========================================================================================================
    // SSL_get_error, renegotiation, key update
    // =========================================================================================================

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

    /** {@code SSL_renegotiate}: R11.2, R11.11. */
    public int renegotiate() {
        int refused = renegotiation.request(role != Role.NONE && handshakeDone && !failure.isFatal() && engine != null && !negotiatedTls13);
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

    public int keyUpdate(int type) {
        if (!handshakeDone || engine == null || !negotiatedTls13) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.WRONG_SSL_VERSION, null);
            return 0;
        }
        if (type != Ssl.KEY_UPDATE_NOT_REQUESTED && type != Ssl.KEY_UPDATE_REQUESTED) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.INVALID_KEY_UPDATE_TYPE, null);
            return 0;
        }
        SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED, "the engine cannot send a KeyUpdate on request");
        return 0;
    }

    public int getKeyUpdateType() {
        return Ssl.KEY_UPDATE_NONE;
    }

    // =========================================================================================================
    // what was negotiated, buffers, free
    // =========================================================================================================

    public String version() {
        String v = engine != null && handshakeDone ? engine.protocol() : null;
        return v != null ? v : "unknown";
    }

    public String cipherName() {
        return engine != null && handshakeDone ? CipherNames.toOpenSsl(engine.cipherSuite()) : null;
    }

    public List<X509Certificate> peerChain() {
        return engine != null && started ? engine.peerCertificates() : List.of();
    }

    /** {@code SSL_get_servername}: a client's own SNI name; on a server the name the client sent, once known. */
    public String servername() {
        if (role == Role.CLIENT) {
            return settings.sniHostName;
        }
        return engine != null && started ? engine.requestedServerName() : null;
    }

    public String alpn() {
        return engine != null && handshakeDone ? engine.selectedAlpn() : null;
    }

    /** SSL_MODE_RELEASE_BUFFERS: an idle connection keeps no I/O buffer (R14.1: nothing observable changes). */
    private void releaseBuffersIfIdle() {
        if ((settings.mode & SslMode.RELEASE_BUFFERS) != 0) {
            records.releaseIdleBuffers();
            pendingWrite.release();
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        failure.silently();
        records.close(); // a freed connection waits for nothing
        pendingWrite.release();
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
