package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.SslCb;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * libssl's state machine for one connection, written once for every engine: handshake on demand, the retry rules
 * of {@code SSL_write}, partial writes, one record per {@code SSL_read}, two-phase shutdown. The numbered rules of
 * {@code docs/SEMANTICS.md} are cited where they decide a branch.
 *
 * <p>This class is the spine and follows libssl's own: {@link #writeBytes} is {@code ssl3_write_bytes},
 * {@link #readBytes} is {@code ssl3_read_bytes}, {@link #shutdownCall} is {@code ssl3_shutdown}, {@link #handshake}
 * is the handshake state machine. What {@code ssl_lib.c} does before them, and {@code SSL_get_error}, is the
 * {@link Connection}'s. The state they juggle lives in named holders: the {@link HandshakeState}, the
 * {@link RecordLayer} (records in and out, alerts, what the connection waits for), the {@link PendingWrite} (R05),
 * the {@link Renegotiation} (R11), the {@link ShutdownState} (R07) and the {@link Failure}. Every call runs behind
 * one guard ({@link #run}): whatever the engine throws becomes a failed connection with an error-queue entry,
 * never an exception out of the API.
 */
final class StateMachine {
    /** How many waiting records a failed handshake write may open in search of the peer's alert (D4). */
    private static final int RECORDS_READ_AFTER_A_FAILED_WRITE = 8;

    static final int CALL_HANDSHAKE = 0;
    static final int CALL_WRITE = 1;
    static final int CALL_READ = 2;
    static final int CALL_PEEK = 3;
    static final int CALL_SHUTDOWN = 4;

    private static final int ALERT_NO_RENEGOTIATION = 100;
    /** {@link #handshake} outcome: application data arrived in the middle of a renegotiation (R11.6). */
    private static final int HANDSHAKE_DATA_ARRIVED = 2;

    private final Connection.ContextSource contexts;
    private final Settings settings;
    private final HandshakeState hs;
    private final Failure failure;
    private final ShutdownState shutdown;
    private final PendingWrite pendingWrite;
    private final Renegotiation renegotiation;
    private final RecordLayer records;
    private final InfoEvents info;
    /** The engine, once the first handshake step made it (kept from {@link #hs} for the hot path). */
    private TlsEngine engine;

    StateMachine(Connection.ContextSource contexts, Settings settings, HandshakeState hs, Failure failure,
                 ShutdownState shutdown, PendingWrite pendingWrite, Renegotiation renegotiation, RecordLayer records) {
        this.contexts = contexts;
        this.settings = settings;
        this.hs = hs;
        this.failure = failure;
        this.shutdown = shutdown;
        this.pendingWrite = pendingWrite;
        this.renegotiation = renegotiation;
        this.records = records;
        this.info = records.info();
    }

    /** {@code SSL_in_init}: before and during a handshake, and for good after a fatal error (R15.7). */
    boolean inInit() {
        return failure.isFatal() || !hs.done();
    }

    /**
     * Runs one call ({@code CALL_*}) behind the failure policy, in one place: whatever the engine (or a BIO) throws
     * fails the connection with an error-queue entry (an unexpected exception as "internal error"); the call
     * returns -1.
     */
    int run(int call, byte[] array, int off, int len, ByteBuffer bb) {
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
        } catch (EngineException | RuntimeException e) {
            failOn(e);
        }
        return -1;
    }

    /** What the engine (or a BIO) threw fails the connection; an unexpected exception as "internal error". */
    private void failOn(Exception e) {
        records.engineFailed(e instanceof EngineException ? (EngineException) e
                : EngineException.of(SslReason.INTERNAL_ERROR, String.valueOf(e), e));
    }

    // ---- handshake ------------------------------------------------------------------------------------------

    private int handshakeCall() throws EngineException {
        renegotiateCheck();
        if (!inInit() && !renegotiation.helloRequestDue()) {
            return 1;
        }
        return settle(handshake());
    }

    /** {@code ssl3_renegotiate_check}: a renegotiation asked for, or owed to the peer, may begin now (R11.2). */
    private void renegotiateCheck() throws EngineException {
        boolean nothingHalfSent = !pendingWrite.isRecordSealed() && !records.hasOutput();
        if (renegotiation.beginIfDue(engine, nothingHalfSent, !hs.isClient(), failure)) {
            hs.reenter();
            info.emit(SslCb.HANDSHAKE_START, 1);
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
     *     in the middle of a renegotiation, -1 otherwise (see {@link Connection#getError})
     */
    private int handshake() throws EngineException {
        if (failure.isFatal()) {
            return -1;
        }
        info.handshakeRunning(true);
        int r;
        try {
            r = handshakeSteps();
        } catch (EngineException | RuntimeException e) {
            failOn(e); // here rather than in run(), so that its alert event comes before the EXIT
            r = -1;
        } finally {
            info.handshakeRunning(false);
        }
        info.emit(side() | SslCb.EXIT, r == HANDSHAKE_DATA_ARRIVED ? -1 : r);
        return r;
    }

    /** {@code SSL_ST_CONNECT} or {@code SSL_ST_ACCEPT}, for the info callback. */
    private int side() {
        return hs.isClient() ? SslCb.ST_CONNECT : SslCb.ST_ACCEPT;
    }

    private int handshakeSteps() throws EngineException {
        SslErrorQueue.clear();
        if (!hs.started()) {
            info.emit(SslCb.HANDSHAKE_START, 1);
            engine = hs.start(contexts);
            records.start(engine, !hs.isClient());
            int refused = hs.setupFailure();
            if (refused != 0) {
                // libssl's alerts, measured on 3.0.19: protocol_version; for no cipher a client's internal_error in a
                // TLS 1.0 record (it has no version yet), a server's handshake_failure.
                if (refused == SslReason.NO_PROTOCOLS_AVAILABLE) {
                    records.fatalAlert(refused, RecordLayer.ALERT_PROTOCOL_VERSION);
                } else if (hs.isClient()) {
                    records.fatalAlert(refused, RecordLayer.ALERT_INTERNAL_ERROR, 1);
                } else {
                    records.fatalAlert(refused, RecordLayer.ALERT_HANDSHAKE_FAILURE);
                }
                return -1;
            }
        }
        while (true) {
            TlsEngine.Status status = engine.status();
            if (failure.isBlamed()) {
                // The application refused (a servername or ALPN callback). An engine that fails on it does so by
                // its next wrap at the latest, with its alert; one that goes on (Conscrypt ignores a refusing ALPN
                // choice) is stopped here, and the flight it made for a handshake that failed is not sent.
                if (status == TlsEngine.Status.NEED_WRAP) {
                    records.produce();
                    continue;
                }
                records.dropUnsentFlight();
                records.fatalAlert(failure.blamedReason(), failure.blamedAlert());
                return -1;
            }
            // A flight goes to the BIO in one write, as libssl buffers it (R01.6): nothing is flushed while the
            // engine has more to wrap, or more of the peer's flight is here to read first (an engine may wrap a
            // TLS 1.3 compatibility ChangeCipherSpec in the middle of the server's flight). A side that cannot
            // write must still read when its engine waits for the peer: the peer may be blocked writing to us, and
            // libssl completes over a transport of any size.
            boolean hold = status == TlsEngine.Status.NEED_WRAP
                    || (status == TlsEngine.Status.NEED_UNWRAP && !renegotiation.helloRequestDue() && records.readable());
            boolean writeBlocked = !hold && records.hasOutput() && records.flush() <= 0;
            if (writeBlocked && (status != TlsEngine.Status.NEED_UNWRAP || renegotiation.helloRequestDue()
                    || !records.writeBioRetries())) {
                if (!records.writeBioRetries()) {
                    readWhyThePeerClosed();
                }
                return -1;
            }
            switch (status) {
                case NEED_WRAP:
                    records.produce();
                    info.emit(side() | SslCb.LOOP, 1);
                    break;
                case NEED_UNWRAP:
                    if (renegotiation.helloRequestDue()) {
                        renegotiation.helloRequestSent(); // R11.2: the server does not wait for the answer
                        return 1;
                    }
                    if (records.fetchRecord(hs.done()) <= 0) {
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
                        return -1;
                    }
                    if (opened == RecordLayer.OPEN_FAILED) {
                        return -1;
                    }
                    if (opened > 0) {
                        return HANDSHAKE_DATA_ARRIVED; // R11.6: the caller's read returns it
                    }
                    info.emit(side() | SslCb.LOOP, 1);
                    break; // a handshake record, or an empty application-data one
                case NOT_HANDSHAKING:
                    hs.finished(engine.protocol());
                    records.handshakeFinished(hs.tls13());
                    renegotiation.handshakeFinished();
                    info.emit(SslCb.HANDSHAKE_DONE, 1);
                    return 1;
                default:
                    throw new IllegalStateException("unknown engine status");
            }
        }
    }

    /**
     * A handshake write failed for good (a closed transport). The peer may have said why before it closed: the
     * whole records already here are opened, so that its alert is reported rather than SYSCALL (D4). Without one,
     * the call still reports the failed write.
     */
    private void readWhyThePeerClosed() throws EngineException {
        for (int i = 0; i < RECORDS_READ_AFTER_A_FAILED_WRITE && records.readable() && !failure.isFatal(); i++) {
            if (records.fetchRecord(false) <= 0) {
                break;
            }
            int opened = open();
            if (opened == RecordLayer.OPENED_CLOSE_NOTIFY) {
                shutdown.markReceived();
                return;
            }
        }
        if (!failure.isFatal()) {
            engine.status(); // an engine that keeps a received alert for its next wrap reports it here (bc, Q2)
        }
        if (!failure.isFatal()) {
            records.writeFailed();
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

    // ---- write: ssl3_write_bytes -----------------------------------------------------------------------------

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
        hs.reenter();
        return settle(handshake());
    }

    // ---- read: ssl3_read_bytes -------------------------------------------------------------------------------

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
            int r = records.fetchRecord(hs.done());
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
            // OPENED_EMPTY_DATA: an empty application-data record; libssl reads on, the queue and AUTO_RETRY untouched.
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
     * began (R11.4, R15.5), except a KeyUpdate, answered by the next write (R12.7).
     *
     * @return 1 to read on, else what the read returns
     */
    private int nonApplicationRecord() throws EngineException {
        SslErrorQueue.clear();
        // In TLS 1.3 the only message an engine wants to answer at once is a KeyUpdate(update_requested); libssl
        // only marks its answer due, and the next write sends it (R12.7), so the read writes nothing.
        if (!hs.tls13() && engine.status() != TlsEngine.Status.NOT_HANDSHAKING) {
            if (renegotiation.refusesClient(!hs.isClient(), hs.tls13())) {
                // R11.10: the engine would follow it, so the state machine refuses: fatally, since only an engine
                // that seals a chosen alert can send libssl's no_renegotiation warning and carry on.
                records.fatalAlert(SslReason.NO_RENEGOTIATION, ALERT_NO_RENEGOTIATION);
                return -1;
            }
            if (!hs.tls13()) {
                renegotiation.peerBegan(); // ssl3_renegotiate marks it pending until the new handshake ends (R11.2)
            }
            if (pendingWrite.isRecordSealed()) {
                // libssl starts no handshake while a write is half-sent: the answer is owed (ssl3_renegotiate_check).
                renegotiation.owe();
                records.forceReadRetry();
                return -1;
            }
            hs.reenter();
            info.emit(SslCb.HANDSHAKE_START, 1); // the peer's renegotiation
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

    // ---- shutdown: ssl3_shutdown -----------------------------------------------------------------------------

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
                records.alert(true, SslCb.AL_WARNING, 0);
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
            if (records.fetchRecord(hs.done()) <= 0) {
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

    /** SSL_MODE_RELEASE_BUFFERS: an idle connection keeps no I/O buffer (R14.1: nothing observable changes). */
    void releaseBuffersIfIdle() {
        if ((settings.mode & SslMode.RELEASE_BUFFERS) != 0) {
            records.releaseIdleBuffers();
            pendingWrite.release();
        }
    }

}
