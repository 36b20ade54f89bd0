package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCb;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * libssl's record layer for one connection ({@code rec_layer_s3.c}, {@code ssl3_read_n}, {@code ssl3_get_record},
 * {@code ssl3_write_pending}, {@code ssl3_send_alert}): reads whole records from the read BIO and checks their
 * headers ({@link HeaderRules}), lets the engine open and seal them, holds sealed records until the write BIO
 * takes them, sends alerts, and remembers which BIO the connection waits for ({@code SSL_want}).
 */
final class RecordLayer {
    static final int CONTENT_APPLICATION_DATA = 23;
    private static final int CONTENT_HANDSHAKE = 22;
    private static final int CONTENT_CHANGE_CIPHER_SPEC = 20;
    static final int ALERT_UNEXPECTED_MESSAGE = 10;
    static final int ALERT_PROTOCOL_VERSION = 70;
    static final int ALERT_HANDSHAKE_FAILURE = 40;
    static final int ALERT_INTERNAL_ERROR = 80;
    static final int ALERT_INAPPROPRIATE_FALLBACK = 86;

    /** {@link #open} outcomes besides a positive count of application bytes. */
    static final int OPENED_NOTHING = 0;
    static final int OPENED_CLOSE_NOTIFY = -1;
    static final int OPEN_FAILED = -2;
    /** A TLS 1.2 application-data record with no byte in it: libssl reads on ("goto start"), as if nothing came. */
    static final int OPENED_EMPTY_DATA = -3;

    private static final int CONTENT_ALERT = 21;
    private static final int ALERT_CLOSE_NOTIFY = 0;
    /** The most empty records in a row before libssl gives up ("record too small"). */
    private static final int MAX_EMPTY_RECORDS = 32;

    private final Settings settings;
    private final ShutdownState shutdown;
    private final Failure failure;
    private final boolean direct;
    private final Inbound in;
    private final Plaintext plain;
    private Outbound out;
    private TlsEngine engine;
    private boolean server;
    private Bio rbio;
    private Bio wbio;

    private int rwstate = Ssl.NOTHING;
    /** libssl's {@code BIO_set_retry_read} on its own account: a non-data record with AUTO_RETRY off (R11.12, R12.4). */
    private boolean forcedReadRetry;
    private boolean firstRecord = true;
    private final InfoEvents info;
    private final MsgTrace trace;
    /** The current record's header is read and accepted, its body not yet whole. */
    private boolean headerTaken;
    private boolean tls13;
    /** A TLS 1.2 handshake has finished: every record from now on is protected. */
    private boolean tls12Protected;
    private int emptyRecords;

    RecordLayer(boolean direct, Settings settings, ShutdownState shutdown, Failure failure) {
        this.direct = direct;
        this.settings = settings;
        this.shutdown = shutdown;
        this.failure = failure;
        this.in = new Inbound(direct);
        this.plain = new Plaintext(direct);
        this.info = new InfoEvents(failure);
        this.trace = new MsgTrace(info);
    }

    /** The message callback's view of the records. */
    MsgTrace trace() {
        return trace;
    }

    /** The info callback's events, which the state machine shares. */
    InfoEvents info() {
        return info;
    }

    void setBio(Bio r, Bio w) {
        rbio = r;
        wbio = w;
    }

    Bio rbio() {
        return rbio;
    }

    Bio wbio() {
        return wbio;
    }

    /** The engine is made: records are sealed and opened by it from now on. */
    void start(TlsEngine engine, boolean server) {
        this.engine = engine;
        this.server = server;
        this.out = new Outbound(direct, engine.maxRecordSize(), trace);
        trace.offering(settings.maxVersion);
    }

    /** A handshake finished: the first record is behind, and the version is known. */
    void handshakeFinished(boolean tls13) {
        this.tls13 = tls13;
        this.tls12Protected = !tls13;
        firstRecord = false;
        out.shrink();
    }

    // ---------------------------------------------------------------------------------------------------------
    // waiting: SSL_want and the retry half of SSL_get_error
    // ---------------------------------------------------------------------------------------------------------

    int want() {
        return rwstate;
    }

    /** A new call begins: it waits for nothing yet. */
    void resetWait() {
        rwstate = Ssl.NOTHING;
        forcedReadRetry = false;
    }

    /** A new handshake call begins: no retry of libssl's own is left over. */
    void clearForcedRetry() {
        forcedReadRetry = false;
    }

    /** The call ends as if the read BIO had said retry (R11.12, R12.4, a handshake owed). */
    void forceReadRetry() {
        rwstate = Ssl.READING;
        forcedReadRetry = true;
    }

    /** The call ends on a write the BIO refused for good, whatever was read after it (D4). */
    void writeFailed() {
        rwstate = Ssl.WRITING;
    }

    /** What the connection waits for, as {@code SSL_get_error} reads it from the BIO's retry flags; null if nothing. */
    SslError waitingFor() {
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
        return null;
    }

    /** The read BIO asked for a retry (rather than failing or ending). */
    boolean readWouldRetry() {
        return rwstate == Ssl.READING && rbio.shouldRetry();
    }

    boolean writeBioRetries() {
        return wbio != null && wbio.shouldRetry();
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading records
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Reads one whole record, checking its header as libssl does.
     *
     * @param afterHandshake a handshake has finished and no new one is under way
     * @return {@code > 0} when a record is there; else what the caller returns: the BIO's value, 0 at EOF, -1
     */
    int fetchRecord(boolean afterHandshake) {
        int r = fetch(afterHandshake);
        if (r <= 0 && !afterHandshake) {
            // libssl's handshake message reader says SSL_READING whenever the record layer returned <= 0, fatal
            // failures included (R10.9); after the handshake a fatal failure waits for nothing.
            rwstate = Ssl.READING;
        }
        return r;
    }

    private int fetch(boolean afterHandshake) {
        if (rbio == null) {
            failure.fail(SslErrorEntry.LIB_SSL, SslReason.READ_BIO_NOT_SET, null, null);
            return -1;
        }
        while (true) {
            int r = fill(Inbound.HEADER);
            if (r <= 0) {
                return r;
            }
            if (refusedHeader(afterHandshake)) {
                in.clear(); // the bad header is consumed: has_pending is 0, as in libssl
                return -1;
            }
            if (in.bodyLength() > 0 || in.type() == CONTENT_APPLICATION_DATA) {
                break;
            }
            // An empty record carries nothing; libssl skips a few, then calls it an attack.
            in.consumeRecord();
            if (++emptyRecords > MAX_EMPTY_RECORDS) {
                fatalAlert(SslReason.RECORD_TOO_SMALL, ALERT_UNEXPECTED_MESSAGE);
                return -1;
            }
        }
        emptyRecords = 0;
        // The header is taken, as libssl moves it from its read buffer into the record: alone it is not pending (R06.9).
        headerTaken = true;
        int r = fill(Inbound.HEADER + in.bodyLength());
        if (r <= 0) {
            return r;
        }
        headerTaken = false;
        if (firstRecord && server && (in.type() != CONTENT_HANDSHAKE || in.byteAt(Inbound.HEADER) != 1)) {
            // R10.6: anything but a ClientHello first is refused once the record is read whole (R10.10), as
            // libssl's state machine refuses it after its record layer took the record.
            in.consumeRecord();
            fatalAlert(SslReason.UNEXPECTED_MESSAGE, ALERT_UNEXPECTED_MESSAGE);
            return -1;
        }
        if (firstRecord && server && FallbackScsv.refused(in, FallbackScsv.highestVersion(settings))) {
            in.consumeRecord();
            fatalAlert(SslReason.INAPPROPRIATE_FALLBACK, ALERT_INAPPROPRIATE_FALLBACK); // R15.14
            return -1;
        }
        firstRecord = false;
        if (tls12Protected && (in.type() < CONTENT_CHANGE_CIPHER_SPEC || in.type() > CONTENT_APPLICATION_DATA)) {
            // R09.11: libssl decrypts a TLS 1.2 record before it looks at the type, and the type is in what the MAC
            // covers, so an unknown type fails as "bad record mac". Handed on as application data with its tag
            // spoiled (the type it was sealed with is unknown: it may even be application data), the record fails
            // every engine's MAC check the same way, and every engine sends libssl's bad_record_mac.
            in.setType(CONTENT_APPLICATION_DATA);
            in.spoilLastByte();
        }
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
            shutdown.markReceived();
            return 0;
        }
        rwstate = Ssl.NOTHING;
        failure.fail(SslErrorEntry.LIB_SSL, SslReason.UNEXPECTED_EOF_WHILE_READING, null, null);
        return 0;
    }

    /** libssl's header checks; a failure is fatal, with the alert libssl sends if any. */
    private boolean refusedHeader(boolean afterHandshake) {
        long verdict = HeaderRules.check(in, firstRecord, afterHandshake, afterHandshake && tls13);
        if (verdict == 0) {
            return false;
        }
        int reason = (int) (verdict >>> 8);
        int alert = (int) (verdict & 0xFF);
        if (alert == HeaderRules.NO_ALERT) {
            failure.local(reason);
        } else {
            fatalAlert(reason, alert);
        }
        return true;
    }

    /** The content type of the record just fetched. */
    int recordType() {
        return in.type();
    }

    /** Bytes of the peer's are here to be read: held already, or waiting in the read BIO. */
    boolean readable() {
        return in.buffered() > 0 || (rbio != null && rbio.pending() > 0);
    }

    /** Bytes of a next record already read from the BIO. */
    int bufferedRecordBytes() {
        return in.buffered();
    }

    /**
     * Lets the engine open the record just fetched. A handshake record met while application data is unread (a
     * renegotiation answered by a write) opens beside it: that data stays readable.
     *
     * @return the count of application bytes now readable, or one of the {@code OPEN*} outcomes
     */
    int open() throws EngineException {
        boolean beside = plain.available() > 0;
        // Only TLS 1.2 shows the content type outside the encryption; a TLS 1.3 record's type is the engine's secret.
        boolean applicationData = in.type() == CONTENT_APPLICATION_DATA && !tls13;
        ByteBuffer space = beside ? plain.scratch(engine.maxPlaintextSize()) : plain.space(engine.maxPlaintextSize());
        int n;
        if (trace.on()) {
            trace.read(in.record());
        }
        try {
            n = engine.open(in.record(), space);
        } catch (EngineException e) {
            in.consumeRecord();
            engineFailed(e);
            return OPEN_FAILED;
        }
        in.consumeRecord();
        if (n == TlsEngine.CLOSED) {
            alert(false, SslCb.AL_WARNING, ALERT_CLOSE_NOTIFY);
            return OPENED_CLOSE_NOTIFY;
        }
        if (beside) {
            if (n > 0) {
                throw new IllegalStateException("a non-application record gave application data");
            }
            return OPENED_NOTHING;
        }
        plain.opened(n);
        return n == 0 && applicationData ? OPENED_EMPTY_DATA : n;
    }

    /** {@code SSL_pending}: application bytes opened and not yet read. */
    int pending() {
        return plain.available();
    }

    /** {@code SSL_has_pending}: opened bytes, or bytes of a record not yet opened. */
    boolean hasPending() {
        return plain.available() > 0 || in.buffered() > (headerTaken ? Inbound.HEADER : 0);
    }

    /** Copies (or peeks) opened application bytes to the caller. */
    int copyOut(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        return plain.copyTo(array, off, len, bb, peek);
    }

    /** Drops opened application bytes nobody will read. */
    void discardPlaintext() {
        plain.discard();
    }

    // ---------------------------------------------------------------------------------------------------------
    // writing records
    // ---------------------------------------------------------------------------------------------------------

    /** Sealed records wait for the write BIO. */
    boolean hasOutput() {
        return out != null && !out.isEmpty();
    }

    /** Lets the engine write its handshake or alert records into the (empty) outbound buffer. */
    void produce() throws EngineException {
        while (engine.wrapHandshake(out.space()) == TlsEngine.OVERFLOW) {
            out.grow();
        }
        out.commit();
    }

    /** Seals one record from {@code src}; returns the bytes the engine took. */
    int seal(ByteBuffer src) throws EngineException {
        int before = src.position();
        engine.seal(src, out.space());
        out.commit();
        return src.position() - before;
    }

    /** Hands held records to the write BIO; {@link #want()} says who waits. */
    int flush() {
        if (wbio == null) {
            // libssl's buffering BIO holds the flight and its flush fails: -1, SYSCALL with an empty queue, and
            // not fatal: the records wait for a BIO to be set (MISUSE-2).
            rwstate = Ssl.NOTHING;
            return -1;
        }
        rwstate = Ssl.WRITING;
        int r = out.flush(wbio);
        if (r > 0) {
            rwstate = Ssl.NOTHING;
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // failures and alerts
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Drops a handshake flight none of which has gone to the BIO, when the handshake failed before it could go:
     * the peer must not take it for a server that goes on. Never application data: only the handshake calls it.
     */
    void dropUnsentFlight() {
        if (out != null && !out.partlySent()) {
            out.clear();
        }
    }

    /**
     * A record-layer failure: fatal, and the alert libssl sends if no partial record is in the way. Before the
     * first record was accepted nothing is encrypted, so the alert is written here in plaintext (R10.5, R10.6);
     * later the engine seals it, if it can ({@code Capability.ALERT_ON_REQUEST}).
     */
    void fatalAlert(int reason, int alert) {
        fatalAlert(reason, alert, 3);
    }

    /** As {@link #fatalAlert(int, int)}, a plaintext alert in a record of version 3.{@code recordMinor}. */
    void fatalAlert(int reason, int alert, int recordMinor) {
        failure.local(reason);
        if (out == null || out.partlySent() || wbio == null) {
            return; // a record cut in the middle is in the way
        }
        if (firstRecord) {
            out.put(new byte[] {CONTENT_ALERT, 3, (byte) recordMinor, 0, 2, 2, (byte) alert});
            info.alert(true, SslCb.AL_FATAL, alert);
        } else {
            try {
                if (engine.sealAlert(alert, out.space()) > 0) {
                    out.commit();
                    alert(true, SslCb.AL_FATAL, alert);
                }
            } catch (EngineException | RuntimeException ignored) {
                // The connection is failed already; the alert is a courtesy.
            }
        }
        out.flush(wbio);
    }

    /**
     * An alert sent or received: the info callback's event, and the message callback's report where its record was
     * protected (a plaintext one was reported from its bytes).
     */
    void alert(boolean written, int level, int description) {
        info.alert(written, level, description);
        trace.protectedAlert(written, level, description);
    }

    /**
     * A failure the engine reported. A received fatal alert also sets RECEIVED_SHUTDOWN (R09.3); a local one
     * sends the engine's alert if no partial record is in the way.
     */
    void engineFailed(EngineException e) {
        if (e.receivedAlert() == ALERT_CLOSE_NOTIFY) {
            // A close_notify where the engine wanted a handshake message: libssl reports it as ZERO_RETURN.
            alert(false, SslCb.AL_WARNING, ALERT_CLOSE_NOTIFY);
            shutdown.markReceived();
            failure.silently();
            return;
        }
        failure.fail(e.library(), e.reason(), e.detail(), e.getCause() != null ? e.getCause() : e);
        if (e.isAlertReceived()) {
            alert(false, SslCb.AL_FATAL, e.receivedAlert());
            shutdown.markReceived();
            return;
        }
        if (engine == null || out == null || out.partlySent() || wbio == null) {
            return; // a record cut in the middle is in the way
        }
        try {
            // Whole records still held (part of a flight) go first, then the engine's alert.
            for (int i = 0; i < 4 && engine.status() == TlsEngine.Status.NEED_WRAP; i++) {
                produce();
            }
            out.flush(wbio);
        } catch (EngineException | RuntimeException ignored) {
            // The connection is failed already; the alert is a courtesy.
        }
    }

    /** Frees every buffer that holds nothing (SSL_MODE_RELEASE_BUFFERS). */
    void releaseIdleBuffers() {
        in.releaseIfEmpty();
        if (out != null) {
            out.releaseIfEmpty();
        }
        plain.releaseIfEmpty();
    }

    /** The connection is freed: waits for nothing, holds no plaintext. */
    void close() {
        resetWait();
        plain.discard();
        plain.releaseIfEmpty();
    }
}
