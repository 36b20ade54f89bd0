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
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * libssl's connection state machine, written once for every engine: handshake on demand, the retry rules of
 * {@code SSL_write}, partial writes, one record per {@code SSL_read}, two-phase shutdown, fatal states and
 * {@code SSL_get_error}. The numbered rules of docs/SEMANTICS.md are cited where they decide a branch.
 *
 * <p>The shape follows libssl's own: {@link #write} is {@code ssl3_write_bytes}, {@link #read} is
 * {@code ssl3_read_bytes}, {@link #shutdown} is {@code ssl3_shutdown}, {@link #handshake} is the handshake
 * state machine, {@link #getError} is {@code SSL_get_error}. Records are framed here ({@link Inbound}) and
 * buffered here until the BIO takes them ({@link Outbound}); the engine only seals and opens.
 */
public final class StateMachine {
    /** Supplies the engine context when the first handshake step runs. */
    @FunctionalInterface
    public interface ContextSource {
        /** The context of the connection's {@code SslCtx}. */
        EngineContext get() throws EngineException;
    }

    private static final int ROLE_NONE = 0;
    private static final int ROLE_CLIENT = 1;
    private static final int ROLE_SERVER = 2;

    private static final int CONTENT_ALERT = 21;
    private static final int CONTENT_APPLICATION_DATA = 23;
    private static final int ALERT_CLOSE_NOTIFY = 0;
    private static final int ALERT_UNEXPECTED_MESSAGE = 10;
    private static final int ALERT_NO_RENEGOTIATION = 100;

    /** {@link #open} outcomes besides a positive count of application bytes. */
    private static final int OPENED_NOTHING = 0;
    private static final int OPENED_CLOSE_NOTIFY = -1;
    private static final int OPEN_FAILED = -2;

    /** The most empty records in a row before libssl gives up ("record too small"). */
    private static final int MAX_EMPTY_RECORDS = 32;

    /** {@link #handshake} outcome: application data arrived in the middle of a renegotiation (R11.6). */
    private static final int HANDSHAKE_DATA_ARRIVED = 2;

    private final SslMethod method;
    private final ContextSource contexts;
    private final boolean direct;

    private final Settings settings;

    // transport
    private Bio rbio;
    private Bio wbio;

    // connection state
    private int role = ROLE_NONE;
    private TlsEngine engine;
    private boolean started;
    private boolean handshakeDone;
    private final boolean canRenegotiate;
    /** The handshake negotiated TLS 1.3 (kept, so that no record asks the engine's session). */
    private boolean negotiatedTls13;
    private boolean fatal;
    private boolean closed;
    private boolean firstRecord = true;
    private int emptyRecords;
    private int shutdownBits;
    private boolean alertDispatch;
    /** SSL_renegotiate_pending: set by {@link #renegotiate}, cleared when the new handshake finishes (R11.2). */
    private boolean renegotiatePending;
    /** The asked-for renegotiation has begun (libssl starts it only once nothing is half-sent). */
    private boolean renegotiationStarted;
    /** The peer began a handshake (HelloRequest, ClientHello) while a write was half-sent; the engine waits for us. */
    private boolean peerHandshakeOwed;
    /** This server asked for a renegotiation whose HelloRequest is not sent yet. */
    private boolean helloRequestDue;
    /** This side's close_notify has been made (it may still wait in {@link #out}). */
    private boolean closeNotifyProduced;
    private int rwstate = Ssl.NOTHING;
    /** libssl's {@code BIO_set_retry_read} on its own account: a non-data record with AUTO_RETRY off (R11.12, R12.4). */
    private boolean forcedReadRetry;

    // the pending write (ssl3's wnum / wpend_*), R05
    /** An application record of the pending write was sealed and is not yet counted (it may be partly sent). */
    private boolean pendingApp;
    private int writtenBeforeRetry;
    private Object pendingBuffer;
    private int pendingOffset;
    private int pendingLength;

    // buffers
    private final Inbound in;
    private Outbound out;
    private final Plaintext plain;
    private byte[] wrappedArray;
    private ByteBuffer wrappedView;

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
        this.direct = direct;
        this.canRenegotiate = canRenegotiate;
        this.settings = settings;
        this.in = new Inbound(direct);
        this.plain = new Plaintext(direct);
    }

    // =========================================================================================================
    // set-up
    // =========================================================================================================

    public void setBio(Bio r, Bio w) {
        rbio = r;
        wbio = w;
    }

    public Bio rbio() {
        return rbio;
    }

    public Bio wbio() {
        return wbio;
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
        role = client ? ROLE_CLIENT : ROLE_SERVER;
    }

    public boolean isServer() {
        // Without a state, libssl answers from the method: TLS_method() can accept, so it counts as a server.
        return role == ROLE_SERVER || (role == ROLE_NONE && method != SslMethod.TLS_CLIENT);
    }

    // =========================================================================================================
    // handshake
    // =========================================================================================================

    public int connect() {
        if (role == ROLE_NONE) {
            setState(true);
        }
        return doHandshake();
    }

    public int accept() {
        if (role == ROLE_NONE) {
            setState(false);
        }
        return doHandshake();
    }

    /** {@code SSL_do_handshake}: R02.2, R01.5. */
    public int doHandshake() {
        if (role == ROLE_NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.CONNECTION_TYPE_NOT_SET, null);
            return -1;
        }
        forcedReadRetry = false;
        renegotiateCheck();
        if (!inInit() && !helloRequestDue) {
            return 1;
        }
        return settle(handshake());
    }

    /**
     * {@code ssl3_renegotiate_check}: a renegotiation asked for by {@link #renegotiate} begins with the next
     * read, write or handshake call, once nothing is half-sent. A client is then in init until the server has
     * answered; a server only owes its HelloRequest (R11.2).
     */
    private void renegotiateCheck() {
        boolean nothingHalfSent = !pendingApp && (out == null || out.isEmpty());
        if (peerHandshakeOwed && nothingHalfSent) {
            peerHandshakeOwed = false;
            handshakeDone = false;
        }
        if (renegotiatePending && !renegotiationStarted && !fatal && nothingHalfSent) {
            renegotiationStarted = true;
            try {
                if (!engine.renegotiate()) {
                    fail(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, "the engine refused a renegotiation it declared", null);
                    return;
                }
            } catch (EngineException e) {
                failFromEngine(e);
                return;
            } catch (RuntimeException e) {
                failFromEngine(internalError(e));
                return;
            }
            if (role == ROLE_CLIENT) {
                handshakeDone = false;
            } else {
                helloRequestDue = true;
            }
        }
    }

    /**
     * What a call other than a read makes of application data that arrived in the middle of a renegotiation:
     * libssl fails it, with "unexpected record"; only {@code SSL_read} may return such data (R11.6).
     */
    private int settle(int handshakeResult) {
        if (handshakeResult == HANDSHAKE_DATA_ARRIVED) {
            failWithAlert(SslReason.UNEXPECTED_RECORD, ALERT_UNEXPECTED_MESSAGE);
            return -1;
        }
        return handshakeResult;
    }

    public boolean isInitFinished() {
        return !inInit();
    }

    /** {@code SSL_in_init}: before and during a handshake, and for good after a fatal error (R15.7). */
    public boolean inInit() {
        return fatal || !handshakeDone;
    }

    public boolean inBefore() {
        return !started;
    }

    /**
     * The handshake state machine: sends what the engine has, feeds it what it waits for, one record at a
     * time, until this side is done. Like libssl's it first clears the thread's error queue.
     *
     * @return 1 when this side's handshake is done, {@link #HANDSHAKE_DATA_ARRIVED} when application data came
     *     in the middle of a renegotiation, -1 otherwise (see {@link #getError})
     */
    private int handshake() {
        if (fatal) {
            return -1;
        }
        SslErrorQueue.clear();
        if (engine == null && !startEngine()) {
            return -1;
        }
        started = true;
        try {
            while (true) {
                // A side that cannot write must still read when its engine waits for the peer: the peer may be
                // blocked writing to us (a TLS 1.3 client's compatibility ChangeCipherSpec goes out in the middle
                // of the server's flight), and libssl completes over a transport of any size.
                boolean writeBlocked = !out.isEmpty() && flush() <= 0;
                if (writeBlocked && (engine.status() != TlsEngine.Status.NEED_UNWRAP || helloRequestDue
                        || !wbio.shouldRetry())) {
                    return -1;
                }
                switch (engine.status()) {
                    case NEED_WRAP:
                        produce();
                        break;
                    case NEED_UNWRAP:
                        if (helloRequestDue) {
                            // R11.2: a server's HelloRequest is out; it does not wait for the client's answer.
                            helloRequestDue = false;
                            return 1;
                        }
                        if (fetchRecord() <= 0) {
                            if (writeBlocked && !fatal && rwstate == Ssl.READING && rbio.shouldRetry()) {
                                // Nothing to read either: what this side owes is the write, so say so (the retry
                                // flags of a BIO that is both rbio and wbio now speak of the read).
                                if (flush() > 0) {
                                    continue;
                                }
                            }
                            return -1;
                        }
                        if (plain.available() > 0 && in.type() == CONTENT_APPLICATION_DATA) {
                            // More application data while some is unread: it stays in the record buffer until the
                            // caller's read has taken what is there (one record per read, R06.4).
                            return HANDSHAKE_DATA_ARRIVED;
                        }
                        int opened = open();
                        if (opened == OPEN_FAILED) {
                            return -1;
                        }
                        if (opened == OPENED_CLOSE_NOTIFY) {
                            shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
                            return -1;
                        }
                        if (opened > 0) {
                            return HANDSHAKE_DATA_ARRIVED; // R11.6: the caller's read returns it
                        }
                        break;
                    case NOT_HANDSHAKING:
                        negotiatedTls13 = "TLSv1.3".equals(engine.protocol());
                        handshakeDone = true;
                        firstRecord = false;
                        renegotiatePending = false;
                        renegotiationStarted = false;
                        helloRequestDue = false;
                        return 1;
                    default:
                        throw new IllegalStateException("unknown engine status");
                }
            }
        } catch (EngineException e) {
            failFromEngine(e);
            return -1;
        } catch (RuntimeException e) {
            failFromEngine(internalError(e));
            return -1;
        }
    }

    private boolean startEngine() {
        try {
            EngineContext context = contexts.get();
            engine = context.newEngine(new ConnectionConfig(role == ROLE_CLIENT, settings.sniHostName,
                    settings.verifyHostName != null ? settings.verifyHostName : settings.sniHostName, settings.options, settings.minVersion, settings.maxVersion));
            out = new Outbound(direct, engine.maxRecordSize());
            engine.beginHandshake();
            return true;
        } catch (EngineException e) {
            fail(e.library(), e.reason(), e.detail(), e);
            return false;
        } catch (RuntimeException e) {
            fail(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, String.valueOf(e), e);
            return false;
        }
    }

    /** Lets the engine write its handshake or alert records into the (empty) outbound buffer. */
    private void produce() throws EngineException {
        while (true) {
            ByteBuffer space = out.space();
            int n = engine.wrapHandshake(space);
            if (n == TlsEngine.OVERFLOW) {
                out.grow();
                continue;
            }
            out.commit();
            return;
        }
    }

    // =========================================================================================================
    // write: ssl3_write_bytes
    // =========================================================================================================

    /** {@code SSL_write}: R01, R03.1, R03.3, R04, R05, R13. Exactly one of {@code array} and {@code bb} is set. */
    public int write(byte[] array, int off, int len, ByteBuffer bb) {
        if (role == ROLE_NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if ((shutdownBits & Ssl.SENT_SHUTDOWN) != 0) {
            rwstate = Ssl.NOTHING;
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PROTOCOL_IS_SHUTDOWN, null);
            return -1;
        }
        rwstate = Ssl.NOTHING; // ssl3_write_bytes clears it before anything else, a failed state included
        forcedReadRetry = false;
        if (fatal) {
            return -1;
        }
        Object buffer = array != null ? array : bb;
        int base = array != null ? off : bb.position();
        int tot = writtenBeforeRetry;
        // R05.3: a retry shorter than what was committed plus the pending record is "bad length", checked first.
        if (len < tot || (pendingApp && len < tot + pendingLength)) {
            fatalLocal(SslReason.BAD_LENGTH);
            return -1;
        }
        writtenBeforeRetry = 0;
        renegotiateCheck();
        if ((inInit() || helloRequestDue) && !pendingApp) {
            int r = settle(handshake());
            if (r <= 0) {
                writtenBeforeRetry = tot;
                return r;
            }
        }
        if (pendingApp) {
            // R05.1, R05.2: the retry must name the same buffer at the same place, unless AMWB.
            if ((settings.mode & SslMode.ACCEPT_MOVING_WRITE_BUFFER) == 0 && (pendingBuffer != buffer || pendingOffset != base + tot)) {
                fatalLocal(SslReason.BAD_WRITE_RETRY);
                return -1;
            }
            int r = out.isEmpty() ? 1 : flush();
            if (r <= 0) {
                writtenBeforeRetry = tot;
                return r;
            }
            pendingApp = false;
            tot += pendingLength;
        } else if (!out.isEmpty()) {
            // Records the engine sent on its own account (a ticket, a KeyUpdate) before application data.
            int r = flush();
            if (r <= 0) {
                writtenBeforeRetry = tot;
                return r;
            }
        }
        if (tot == len) {
            finishWrite(bb, tot);
            return tot;
        }
        int left = len - tot;
        try {
            while (true) {
                int sealed = seal(array, bb, base + tot, Math.min(left, settings.maxSendFragment));
                if (sealed == 0) {
                    int r = cannotSeal();
                    if (r <= 0) {
                        writtenBeforeRetry = tot;
                        return r;
                    }
                    continue;
                }
                pendingApp = true;
                pendingBuffer = buffer;
                pendingOffset = base + tot;
                pendingLength = sealed;
                int r = flush();
                if (r <= 0) {
                    writtenBeforeRetry = tot;
                    return r;
                }
                pendingApp = false;
                // R04.3, R04.4, R13.1: partial-write mode returns after one record, counting all committed since the call started.
                if (sealed == left || (settings.mode & SslMode.ENABLE_PARTIAL_WRITE) != 0) {
                    finishWrite(bb, tot + sealed);
                    return tot + sealed;
                }
                left -= sealed;
                tot += sealed;
            }
        } catch (EngineException e) {
            failFromEngine(e);
            return -1;
        } catch (RuntimeException e) {
            failFromEngine(internalError(e));
            return -1;
        }
    }

    /**
     * The engine took no application byte: it sent a record of its own first, a handshake (a renegotiation,
     * R11.4) is under way, or it can no longer send at all.
     *
     * @return 1 to try sealing again, else what the write returns
     */
    private int cannotSeal() throws EngineException {
        if (!out.isEmpty()) {
            return flush();
        }
        if (engine.isOutboundDone()) {
            // The engine closed its sending side on its own and sent its close_notify (SunJSSE does on a TLS 1.2
            // close_notify, engine-jdk README Q7): this side's shutdown is sent, as the bits must say.
            shutdownBits |= Ssl.SENT_SHUTDOWN;
            closeNotifyProduced = true;
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PROTOCOL_IS_SHUTDOWN, "the engine closed its sending side");
            return -1;
        }
        if (engine.status() == TlsEngine.Status.NOT_HANDSHAKING) {
            throw new IllegalStateException("the engine sealed nothing with no handshake under way");
        }
        handshakeDone = false;
        return settle(handshake());
    }

    private void finishWrite(ByteBuffer bb, int count) {
        pendingBuffer = null;
        if (bb != null) {
            bb.position(bb.position() + count);
        }
        releaseBuffersIfIdle();
    }

    /** Seals {@code len} bytes at {@code from} into one record; returns the bytes the engine took. */
    private int seal(byte[] array, ByteBuffer bb, int from, int len) throws EngineException {
        ByteBuffer src;
        int savedPos = 0;
        int savedLim = 0;
        if (array != null) {
            if (wrappedArray != array) {
                wrappedArray = array;
                wrappedView = ByteBuffer.wrap(array);
            }
            src = wrappedView;
            src.limit(from + len).position(from);
        } else {
            src = bb;
            savedPos = bb.position();
            savedLim = bb.limit();
            bb.limit(from + len).position(from);
        }
        try {
            ByteBuffer space = out.space();
            int before = src.position();
            engine.seal(src, space);
            int sealed = src.position() - before;
            out.commit();
            endRenegotiationIfDone();
            return sealed;
        } finally {
            if (bb != null) {
                bb.limit(savedLim).position(savedPos);
            }
        }
    }

    /** Hands held records to the write BIO; {@code rwstate} says who waits. */
    private int flush() {
        if (wbio == null) {
            fail(SslErrorEntry.LIB_SSL, SslReason.BIO_NOT_SET, null, null);
            return -1;
        }
        rwstate = Ssl.WRITING;
        int r = out.flush(wbio);
        if (r > 0) {
            rwstate = Ssl.NOTHING;
        }
        return r;
    }

    // =========================================================================================================
    // read: ssl3_read_bytes
    // =========================================================================================================

    /** {@code SSL_read} / {@code SSL_peek}: R01.4, R03.5, R04.5, R06, R07.2, R08, R09.3, R15.8. */
    public int read(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        if (role == ROLE_NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if ((shutdownBits & Ssl.RECEIVED_SHUTDOWN) != 0 && (fatal || plain.available() == 0)) {
            rwstate = Ssl.NOTHING;
            return 0; // data sent before the close_notify is read first (R07.2)
        }
        if (fatal) {
            return -1;
        }
        rwstate = Ssl.NOTHING;
        forcedReadRetry = false;
        renegotiateCheck();
        if (plain.available() == 0 && (inInit() || helloRequestDue)) {
            int r = handshake();
            if (r <= 0) {
                return r;
            }
        }
        return readRecords(array, off, len, bb, peek);
    }

    /** The loop of {@code ssl3_read_bytes}: one record at a time until application data or a reason to stop. */
    private int readRecords(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        try {
            while (true) {
                if (plain.available() > 0) {
                    return copyOut(array, off, len, bb, peek);
                }
                int r = fetchRecord();
                if (r <= 0) {
                    return r;
                }
                int opened = open();
                if (opened == OPEN_FAILED) {
                    return (shutdownBits & Ssl.RECEIVED_SHUTDOWN) != 0 ? 0 : -1;
                }
                if (opened == OPENED_CLOSE_NOTIFY) {
                    shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
                    return 0;
                }
                if (opened == OPENED_NOTHING) {
                    // libssl hands such records (tickets, KeyUpdate, HelloRequest) to its state machine, which
                    // clears the error queue (R15.2).
                    SslErrorQueue.clear();
                    if (engine.status() != TlsEngine.Status.NOT_HANDSHAKING && refusesClientRenegotiation()) {
                        // R11.10: a renegotiation the client starts is refused unless the server allows it. The
                        // engine would follow it, so the state machine refuses: fatally, since only an engine that
                        // seals a chosen alert can send libssl's no_renegotiation warning and carry on.
                        failWithAlert(SslReason.NO_RENEGOTIATION, ALERT_NO_RENEGOTIATION);
                        return -1;
                    }
                    if (engine.status() != TlsEngine.Status.NOT_HANDSHAKING && !negotiatedTls13) {
                        // The peer began a renegotiation (a HelloRequest, or a ClientHello this server allows):
                        // libssl's ssl3_renegotiate marks it pending here, until the new handshake ends (R11.2).
                        renegotiatePending = true;
                        renegotiationStarted = true;
                    }
                    if (engine.status() != TlsEngine.Status.NOT_HANDSHAKING && pendingApp) {
                        // libssl starts no handshake while a write is half-sent (ssl3_renegotiate_check): the
                        // answer is owed, and the first call after the write is finished begins it.
                        peerHandshakeOwed = true;
                        rwstate = Ssl.READING;
                        forcedReadRetry = true;
                        return -1;
                    }
                    if (engine.status() != TlsEngine.Status.NOT_HANDSHAKING) {
                        // The record started an exchange the engine must answer: a renegotiation (R11.4), a
                        // KeyUpdate, ... (R15.5).
                        handshakeDone = false;
                        int h = handshake();
                        if (h <= 0) {
                            return h;
                        }
                        if (h == HANDSHAKE_DATA_ARRIVED) {
                            continue; // R11.6: returned whatever AUTO_RETRY says
                        }
                    }
                    if ((settings.mode & SslMode.AUTO_RETRY) == 0 && in.buffered() == 0) {
                        // R11.12, R12.4: without AUTO_RETRY a non-data record ends the call, as if the BIO had said retry.
                        rwstate = Ssl.READING;
                        forcedReadRetry = true;
                        return -1;
                    }
                }
            }
        } catch (EngineException e) {
            failFromEngine(e);
            return -1;
        } catch (RuntimeException e) {
            failFromEngine(internalError(e));
            return -1;
        }
    }

    private int copyOut(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        int n = plain.copyTo(array, off, len, bb, peek);
        if (plain.available() == 0) {
            releaseBuffersIfIdle();
        }
        return n;
    }

    /**
     * Reads one whole record into {@link #in}, checking its header as libssl does.
     *
     * @return {@code > 0} when a record is there; else what the caller returns: the BIO's value, 0 at EOF, -1
     */
    private int fetchRecord() {
        if (rbio == null) {
            fail(SslErrorEntry.LIB_SSL, SslReason.READ_BIO_NOT_SET, null, null);
            return -1;
        }
        int r = fill(Inbound.HEADER);
        if (r <= 0) {
            return r;
        }
        int reason = checkHeader();
        if (reason != 0) {
            in.clear(); // the bad header is consumed: has_pending is 0, as in libssl
            return -1;
        }
        if (in.bodyLength() == 0 && in.type() != CONTENT_APPLICATION_DATA) {
            // An empty record carries nothing; libssl skips a few, then calls it an attack.
            in.consumeRecord();
            if (++emptyRecords > MAX_EMPTY_RECORDS) {
                failWithAlert(SslReason.RECORD_TOO_SMALL, ALERT_UNEXPECTED_MESSAGE);
                return -1;
            }
            return fetchRecord();
        }
        emptyRecords = 0;
        r = fill(Inbound.HEADER + in.bodyLength());
        if (r <= 0) {
            return r;
        }
        if (firstRecord && role == ROLE_SERVER && in.byteAt(Inbound.HEADER) != 1) {
            // R10.6: the first handshake message must be a ClientHello.
            failWithAlert(SslReason.UNEXPECTED_MESSAGE, ALERT_UNEXPECTED_MESSAGE);
            return -1;
        }
        firstRecord = false;
        return 1;
    }

    /** Reads until {@code want} bytes are held; maps a BIO failure to libssl's answer (R08.1, R08.5, R08.7). */
    private int fill(int want) {
        int r = in.fill(rbio, want, settings.readAhead);
        if (r > 0) {
            rwstate = Ssl.NOTHING;
            return r;
        }
        rwstate = Ssl.READING;
        if (rbio.shouldRetry() || !rbio.eof()) {
            return r; // WANT_READ, or a transport failure reported as SYSCALL with an empty queue (R08.7)
        }
        if ((settings.options & SslOptions.IGNORE_UNEXPECTED_EOF) != 0) {
            // R08.5, R08.6: EOF counts as close_notify. A record cut in half is never delivered; its bytes stay
            // (has_pending 1) and SSL_want stays READING, as in libssl.
            shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
            return 0;
        }
        rwstate = Ssl.NOTHING;
        fail(SslErrorEntry.LIB_SSL, SslReason.UNEXPECTED_EOF_WHILE_READING, null, null);
        return 0;
    }

    /** libssl's header checks ({@link HeaderRules}); a failure is fatal, with the alert libssl sends if any. */
    private int checkHeader() {
        long verdict = HeaderRules.check(in, firstRecord, role == ROLE_SERVER, handshakeDone, handshakeDone && negotiatedTls13);
        if (verdict == 0) {
            return 0;
        }
        int reason = (int) (verdict >>> 8);
        int alert = (int) (verdict & 0xFF);
        if (alert == HeaderRules.NO_ALERT) {
            fatalLocal(reason);
        } else {
            failWithAlert(reason, alert);
        }
        return reason;
    }

    /**
     * Lets the engine open the record held in {@link #in}.
     *
     * @return the count of application bytes now in {@link #plain}, or one of the {@code OPEN*} outcomes
     */
    private int open() throws EngineException {
        // A handshake record met while application data is unread (a renegotiation answered by a write) opens
        // beside it: that data stays readable.
        boolean beside = plain.available() > 0;
        ByteBuffer space = beside ? plain.scratch(engine.maxPlaintextSize()) : plain.space(engine.maxPlaintextSize());
        ByteBuffer record = in.record();
        int n;
        try {
            n = engine.open(record, space);
        } catch (EngineException e) {
            in.consumeRecord();
            failFromEngine(e);
            return OPEN_FAILED;
        }
        in.consumeRecord();
        endRenegotiationIfDone();
        if (n == TlsEngine.CLOSED) {
            return OPENED_CLOSE_NOTIFY;
        }
        if (beside) {
            if (n > 0) {
                throw new IllegalStateException("a non-application record gave application data");
            }
            return OPENED_NOTHING;
        }
        plain.opened(n);
        return n;
    }

    /**
     * A renegotiation this side asked for ends when the engine stops handshaking, in whichever call that happens
     * (a server's last flight may go out from a write, a client's Finished be read by a read): R11.2.
     */
    private void endRenegotiationIfDone() throws EngineException {
        if (renegotiationStarted && !helloRequestDue && engine.status() == TlsEngine.Status.NOT_HANDSHAKING) {
            renegotiatePending = false;
            renegotiationStarted = false;
        }
    }

    public int pending() {
        return plain.available();
    }

    public boolean hasPending() {
        return plain.available() > 0 || in.buffered() > 0;
    }

    // =========================================================================================================
    // shutdown: ssl3_shutdown
    // =========================================================================================================

    /** {@code SSL_shutdown}: R05.10, R07. */
    public int shutdown() {
        if (role == ROLE_NONE) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNINITIALIZED, null);
            return -1;
        }
        if (inInit()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.SHUTDOWN_WHILE_IN_INIT, null);
            return -1;
        }
        if (settings.quietShutdown) {
            shutdownBits = Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN;
            return 1;
        }
        forcedReadRetry = false;
        try {
            if ((shutdownBits & Ssl.SENT_SHUTDOWN) == 0) {
                shutdownBits |= Ssl.SENT_SHUTDOWN;
                alertDispatch = true;
                if (pendingApp) {
                    return -1; // R05.10: a write is pending; the alert waits (WANT_WRITE from the write's state).
                }
                if (dispatchCloseNotify() <= 0) {
                    return -1; // R07.8
                }
            } else if (alertDispatch) {
                if (dispatchCloseNotify() <= 0) {
                    return -1;
                }
            } else if ((shutdownBits & Ssl.RECEIVED_SHUTDOWN) == 0) {
                if (plain.available() > 0) {
                    // Unread application data is in the way of the peer's close_notify, as libssl sees it (R07.7).
                    fatalLocal(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
                    return -1;
                }
                awaitCloseNotify(); // R07.6, R07.7
                if ((shutdownBits & Ssl.RECEIVED_SHUTDOWN) == 0) {
                    return -1;
                }
            }
        } catch (EngineException e) {
            failFromEngine(e);
            return -1;
        } catch (RuntimeException e) {
            failFromEngine(internalError(e));
            return -1;
        }
        releaseBuffersIfIdle();
        return shutdownBits == (Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN) && !alertDispatch ? 1 : 0;
    }

    /**
     * Sends this side's close_notify, after whatever of the engine's own records is still waiting; a pending
     * application record in the way is a "bad write retry" (R05.10).
     */
    private int dispatchCloseNotify() throws EngineException {
        if (pendingApp) {
            fatalLocal(SslReason.BAD_WRITE_RETRY);
            return -1;
        }
        if (!out.isEmpty()) {
            int r = flush();
            if (r <= 0) {
                return r;
            }
        }
        if (!closeNotifyProduced) {
            closeNotifyProduced = true;
            engine.closeOutbound();
            if (!engine.isOutboundDone()) {
                produce();
                int r = flush();
                if (r <= 0) {
                    return r;
                }
            }
        }
        alertDispatch = false;
        return 1;
    }

    /** Reads records until the peer's close_notify; application data instead is fatal (R07.7). */
    private void awaitCloseNotify() throws EngineException {
        rwstate = Ssl.NOTHING;
        while ((shutdownBits & Ssl.RECEIVED_SHUTDOWN) == 0 && !fatal) {
            if (fetchRecord() <= 0) {
                return;
            }
            int opened = open();
            if (opened == OPEN_FAILED) {
                return;
            }
            if (opened == OPENED_CLOSE_NOTIFY) {
                shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
            } else if (opened > 0) {
                plain.discard();
                fatalLocal(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
            }
        }
    }

    public int getShutdown() {
        return shutdownBits;
    }

    public void setShutdown(int bits) {
        shutdownBits = bits;
    }

    // =========================================================================================================
    // errors: SSL_get_error and the fatal states
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
        if (rwstate == Ssl.READING) {
            if (forcedReadRetry || (rbio != null && rbio.shouldRead())) {
                return SslError.WANT_READ;
            }
            if (rbio != null && rbio.shouldWrite()) {
                return SslError.WANT_WRITE;
            }
        }
        if (rwstate == Ssl.WRITING && wbio != null) {
            if (wbio.shouldWrite()) {
                return SslError.WANT_WRITE;
            }
            if (wbio.shouldRead()) {
                return SslError.WANT_READ;
            }
        }
        // libssl: RECEIVED_SHUTDOWN with no warning alert other than close_notify (a fatal alert included).
        if ((shutdownBits & Ssl.RECEIVED_SHUTDOWN) != 0) {
            return SslError.ZERO_RETURN;
        }
        return SslError.SYSCALL;
    }

    public int want() {
        return rwstate;
    }

    /** A failure the state machine detects: fatal, no alert (R05.7, R10.1-R10.3). */
    private void fatalLocal(int reason) {
        fail(SslErrorEntry.LIB_SSL, reason, null, null);
    }

    /**
     * A record-layer failure the state machine found: fatal, and the alert libssl sends if no partial record is
     * in the way. Before the first record was accepted nothing is encrypted, so the alert is written here in
     * plaintext (R10.5, R10.6); later the engine seals it, if it can ({@code Capability.ALERT_ON_REQUEST}).
     *
     * @return {@code reason}
     */
    private int failWithAlert(int reason, int alert) {
        fail(SslErrorEntry.LIB_SSL, reason, null, null);
        if (out == null || !out.isEmpty() || wbio == null) {
            return reason;
        }
        if (firstRecord) {
            out.put(new byte[] {CONTENT_ALERT, 3, 3, 0, 2, 2, (byte) alert});
        } else {
            try {
                ByteBuffer space = out.space();
                if (engine.sealAlert(alert, space) > 0) {
                    out.commit();
                }
            } catch (EngineException | RuntimeException ignored) {
                // The connection is failed already; the alert is a courtesy.
            }
        }
        out.flush(wbio);
        return reason;
    }

    private void fail(int library, int reason, String detail, Throwable cause) {
        SslErrorQueue.push(new SslErrorEntry(library, reason, null, detail, cause));
        fatal = true;
    }

    /**
     * A failure the engine reported. A received fatal alert also sets RECEIVED_SHUTDOWN (R09.3); a local one
     * sends the engine's alert if no partial record is in the way.
     */
    private void failFromEngine(EngineException e) {
        if (e.receivedAlert() == ALERT_CLOSE_NOTIFY) {
            // A close_notify where the engine wanted a handshake message: libssl reports it as ZERO_RETURN.
            shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
            fatal = true;
            return;
        }
        fail(e.library(), e.reason(), e.detail(), e.getCause() != null ? e.getCause() : e);
        if (e.isAlertReceived()) {
            shutdownBits |= Ssl.RECEIVED_SHUTDOWN;
            return;
        }
        if (engine != null && out != null && out.isEmpty() && wbio != null) {
            try {
                for (int i = 0; i < 4 && engine.status() == TlsEngine.Status.NEED_WRAP; i++) {
                    produce();
                    if (out.flush(wbio) <= 0) {
                        break;
                    }
                }
            } catch (EngineException | RuntimeException ignored) {
                // The connection is failed already; the alert is a courtesy.
            }
        }
    }

    private static EngineException internalError(RuntimeException e) {
        return EngineException.of(SslReason.INTERNAL_ERROR, String.valueOf(e), e);
    }

    // =========================================================================================================
    // renegotiation and key update
    // =========================================================================================================

    /** {@code SSL_renegotiate}: R11.2, R11.11. */
    public int renegotiate() {
        if (role == ROLE_NONE || !handshakeDone || fatal || engine == null || negotiatedTls13) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.WRONG_SSL_VERSION, null);
            return 0;
        }
        if ((settings.options & SslOptions.NO_RENEGOTIATION) != 0) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.NO_RENEGOTIATION, null);
            return 0;
        }
        if (!canRenegotiate) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED, "the engine cannot renegotiate");
            return 0;
        }
        // Only the wish is recorded: the engine starts the handshake at the start of a later call, once nothing
        // is half-sent (renegotiateCheck), so a HelloRequest never overtakes the rest of a pending write.
        renegotiatePending = true;
        renegotiationStarted = false;
        return 1;
    }

    /**
     * A TLS 1.2 server that did not ask for a renegotiation meets one the client started: libssl refuses it
     * unless {@code SSL_OP_ALLOW_CLIENT_RENEGOTIATION} (and never with {@code SSL_OP_NO_RENEGOTIATION}). Engines
     * that cannot renegotiate refuse it themselves.
     */
    private boolean refusesClientRenegotiation() {
        return role == ROLE_SERVER && canRenegotiate && !negotiatedTls13 && !renegotiatePending
                && ((settings.options & SslOptions.ALLOW_CLIENT_RENEGOTIATION) == 0
                        || (settings.options & SslOptions.NO_RENEGOTIATION) != 0);
    }

    /** {@code SSL_renegotiate_pending}. */
    public boolean renegotiatePending() {
        return renegotiatePending;
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
    // settings and what was negotiated
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
        if (role == ROLE_CLIENT) {
            return settings.sniHostName;
        }
        return engine != null && started ? engine.requestedServerName() : null;
    }

    public String alpn() {
        return engine != null && handshakeDone ? engine.selectedAlpn() : null;
    }

    /** SSL_MODE_RELEASE_BUFFERS: an idle connection keeps no I/O buffer (R14.1: nothing observable changes). */
    private void releaseBuffersIfIdle() {
        if ((settings.mode & SslMode.RELEASE_BUFFERS) == 0) {
            return;
        }
        in.releaseIfEmpty();
        if (out != null) {
            out.releaseIfEmpty();
        }
        plain.releaseIfEmpty();
        wrappedArray = null;
        wrappedView = null;
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        fatal = true;
        rwstate = Ssl.NOTHING; // a freed connection waits for nothing
        forcedReadRetry = false;
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                // Freeing must not fail the caller; the engine's failure is kept where libssl keeps errors.
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, null, "engine close: " + e, e));
            }
        }
        plain.discard();
        plain.releaseIfEmpty();
        wrappedArray = null;
        wrappedView = null;
    }
}
