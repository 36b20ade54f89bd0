package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

class RecordLayerTest {
    private static final byte[] CLIENT_HELLO = TestEngine.record(TestEngine.HANDSHAKE, TestEngine.CLIENT_HELLO);
    private static final byte[] TICKET = TestEngine.record(TestEngine.HANDSHAKE, TestEngine.TICKET);
    private static final byte[] EMPTY_HANDSHAKE = TestEngine.record(TestEngine.HANDSHAKE);

    private final Settings settings = new Settings(SslMode.AUTO_RETRY, 0, false, 16384, false, 0, 0);
    private final ShutdownState shutdown = new ShutdownState();
    private final Failure failure = new Failure();
    private final RecordLayer records = new RecordLayer(false, settings, shutdown, failure);
    private final MemoryBio rbio = new MemoryBio();
    private final MemoryBio wbio = new MemoryBio();
    private TestEngine engine;

    @BeforeEach
    void setUp() throws EngineException {
        SslErrorQueue.clear();
        records.setBio(rbio, wbio);
        start(true);
    }

    private void start(boolean server) throws EngineException {
        engine = new TestEngine(!server);
        engine.beginHandshake();
        records.start(engine, server);
    }

    private static byte[] data(String s) {
        return TestEngine.record(TestEngine.APPLICATION_DATA, s.getBytes(StandardCharsets.US_ASCII));
    }

    private String readAll() {
        byte[] b = new byte[records.pending()];
        records.copyOut(b, 0, b.length, null, false);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static int reason() {
        return SslErrorQueue.peek().reason();
    }

    /** The server has accepted its first record: later records are judged as libssl judges them after it. */
    private void pastFirstRecord() throws EngineException {
        rbio.put(CLIENT_HELLO);
        assertThat(records.fetchRecord(false)).isEqualTo(1);
        assertThat(records.open()).isEqualTo(RecordLayer.OPENED_NOTHING);
    }

    /** Fetches and opens one application data record carrying {@code s}. */
    private void opened(String s) throws EngineException {
        rbio.put(data(s));
        assertThat(records.fetchRecord(false)).isEqualTo(1);
        assertThat(records.open()).isEqualTo(s.length());
    }

    // ---- fetching records ---------------------------------------------------------------------------------

    @Test
    @DisplayName("no read BIO: -1, read bio not set, and the connection fails")
    void noReadBio() throws EngineException {
        records.setBio(null, wbio);
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(failure.isFatal()).isTrue();
        assertThat(reason()).isEqualTo(SslReason.READ_BIO_NOT_SET);
    }

    @Test
    @DisplayName("R06.1 an empty BIO that says retry: -1, want READING, WANT_READ, not failed")
    void emptyBio() throws EngineException {
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(records.want()).isEqualTo(Ssl.READING);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_READ);
        assertThat(records.readWouldRetry()).isTrue();
        assertThat(failure.isFatal()).isFalse();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a whole record: 1, its type readable, and the wait is over")
    void wholeRecord() throws EngineException {
        records.fetchRecord(false);
        rbio.put(CLIENT_HELLO);
        assertThat(records.fetchRecord(false)).isEqualTo(1);
        assertThat(records.recordType()).isEqualTo(TestEngine.HANDSHAKE);
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
        assertThat(records.waitingFor()).isNull();
    }

    @Test
    @DisplayName("R06.6 a header without its whole body: WANT_READ with the bytes held, nothing opened")
    void bodyIncomplete() throws EngineException {
        pastFirstRecord();
        byte[] rec = data("hello");
        rbio.put(Arrays.copyOf(rec, 7));
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_READ);
        assertThat(records.hasPending()).isTrue();
        assertThat(records.pending()).isZero();
        rbio.put(Arrays.copyOfRange(rec, 7, rec.length));
        assertThat(records.fetchRecord(false)).isEqualTo(1);
    }

    @Test
    @DisplayName("R08.1 EOF without close_notify after the handshake: 0, unexpected eof while reading, failed, no shutdown bit, waits for nothing")
    void unexpectedEof() throws EngineException {
        rbio.eofWhenEmpty = true;
        assertThat(records.fetchRecord(true)).isZero();
        assertThat(failure.isFatal()).isTrue();
        assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
        assertThat(shutdown.bits()).isZero();
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
    }

    @Test
    @DisplayName("R10.9 EOF in the handshake: the same failure, but the handshake's reader waits on the read")
    void unexpectedEofInHandshake() throws EngineException {
        rbio.eofWhenEmpty = true;
        assertThat(records.fetchRecord(false)).isZero();
        assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
        assertThat(records.want()).isEqualTo(Ssl.READING);
    }

    @Test
    @DisplayName("R08.1 EOF in the middle of a record is the same unexpected eof")
    void unexpectedEofMidRecord() throws EngineException {
        rbio.put(Arrays.copyOf(CLIENT_HELLO, 3));
        rbio.eofWhenEmpty = true;
        assertThat(records.fetchRecord(false)).isZero();
        assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
    }

    @Test
    @DisplayName("R08.5 with IGNORE_UNEXPECTED_EOF an EOF is a close_notify: 0, RECEIVED_SHUTDOWN, not failed, the cut record kept")
    void ignoredEof() throws EngineException {
        settings.options = SslOptions.IGNORE_UNEXPECTED_EOF;
        rbio.put(Arrays.copyOf(CLIENT_HELLO, 3));
        rbio.eofWhenEmpty = true;
        assertThat(records.fetchRecord(false)).isZero();
        assertThat(shutdown.received()).isTrue();
        assertThat(failure.isFatal()).isFalse();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
        assertThat(records.want()).isEqualTo(Ssl.READING);
        assertThat(records.hasPending()).isTrue();
    }

    @Test
    @DisplayName("R08.7 a read that fails without retry or EOF returns the BIO's value, not failed, queue empty, waits for nothing")
    void transportFailure() throws EngineException {
        rbio.failReads = true;
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(failure.isFatal()).isFalse();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
        assertThat(records.waitingFor()).isNull();
        assertThat(records.readWouldRetry()).isFalse();
    }

    @Test
    @DisplayName("R10.3 a refused first header: -1, failed, no alert written, and the bad bytes consumed")
    void refusedHeaderNoAlert() throws EngineException {
        rbio.put("hello world".getBytes(StandardCharsets.US_ASCII));
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(failure.isFatal()).isTrue();
        assertThat(reason()).isEqualTo(SslReason.WRONG_VERSION_NUMBER);
        assertThat(wbio.size()).isZero();
        assertThat(records.bufferedRecordBytes()).isZero();
    }

    @Test
    @DisplayName("R10.5 a first header too long: packet length too long, and a plaintext record_overflow alert")
    void refusedHeaderPlaintextAlert() throws EngineException {
        rbio.put(new byte[] {22, 3, 1, (byte) 0xFF, (byte) 0xFF});
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.PACKET_LENGTH_TOO_LONG);
        assertThat(wbio.take()).containsExactly(21, 3, 3, 0, 2, 2, 22);
    }

    @Test
    @DisplayName("R10.6 application data before the ClientHello: unexpected message, and a plaintext unexpected_message alert")
    void dataBeforeClientHello() throws EngineException {
        rbio.put(data("x"));
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_MESSAGE);
        assertThat(wbio.take()).containsExactly(21, 3, 3, 0, 2, 2, 10);
        assertThat(records.hasPending()).as("R10.10: the record was read whole").isFalse();
        assertThat(records.want()).as("R10.9").isEqualTo(Ssl.READING);
    }

    @Test
    @DisplayName("R06.9 a complete header with no body byte is not pending; one to four header bytes, or part of the body, are")
    void headerAloneIsNotPending() throws EngineException {
        pastFirstRecord();
        byte[] record = data("hello");
        for (int n = 1; n <= record.length; n++) {
            rbio.put(new byte[] {record[n - 1]});
            if (n < record.length) {
                assertThat(records.fetchRecord(true)).isEqualTo(-1);
                assertThat(records.hasPending()).as("after %d bytes", n).isEqualTo(n != 5);
            }
        }
        assertThat(records.fetchRecord(true)).isEqualTo(1);
    }

    @Test
    @DisplayName("R10.6 a first handshake message that is not a ClientHello: unexpected message, and a plaintext unexpected_message alert")
    void firstMessageNotClientHello() throws EngineException {
        rbio.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.SERVER_HELLO));
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_MESSAGE);
        assertThat(wbio.take()).containsExactly(21, 3, 3, 0, 2, 2, 10);
        assertThat(records.hasPending()).as("R10.10: the record was read whole").isFalse();
    }

    @Test
    @DisplayName("R10.6 a client's first record may be anything the header rules let through")
    void clientFirstRecord() throws EngineException {
        start(false);
        rbio.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.SERVER_HELLO));
        assertThat(records.fetchRecord(false)).isEqualTo(1);
    }

    @Test
    @DisplayName("R10.6 only the first record must be a ClientHello: a later handshake message is accepted")
    void laterRecordsNotChecked() throws EngineException {
        pastFirstRecord();
        rbio.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.SERVER_HELLO));
        assertThat(records.fetchRecord(false)).isEqualTo(1);
        assertThat(records.open()).isEqualTo(RecordLayer.OPENED_NOTHING);
        opened("x");
    }

    @Test
    @DisplayName("R09.5 after the handshake a refused header's alert is sealed by an engine that seals alerts on request")
    void alertSealedAfterHandshake() throws EngineException {
        pastFirstRecord();
        records.handshakeFinished(true);
        engine.alertOnRequest = true;
        rbio.put(TICKET);
        assertThat(records.fetchRecord(true)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.BAD_RECORD_TYPE);
        assertThat(wbio.take()).isEqualTo(TestEngine.fatalAlert(10));
    }

    @Test
    @DisplayName("R09.5 after the handshake an engine that cannot seal a chosen alert sends none, and the connection fails alike")
    void noAlertWithoutCapability() throws EngineException {
        pastFirstRecord();
        records.handshakeFinished(true);
        rbio.put(TICKET);
        assertThat(records.fetchRecord(true)).isEqualTo(-1);
        assertThat(failure.isFatal()).isTrue();
        assertThat(reason()).isEqualTo(SslReason.BAD_RECORD_TYPE);
        assertThat(wbio.size()).isZero();
    }

    @Test
    @DisplayName("R09.6 the version rule applies only to a call made after the handshake")
    void versionRuleAfterHandshakeOnly() throws EngineException {
        pastFirstRecord();
        records.handshakeFinished(false);
        byte[] old = data("x");
        old[2] = 1;
        rbio.put(old);
        assertThat(records.fetchRecord(false)).as("a renegotiation is under way").isEqualTo(1);
        assertThat(records.open()).isEqualTo(1);
        records.copyOut(new byte[1], 0, 1, null, false);
        rbio.put(old);
        assertThat(records.fetchRecord(true)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.WRONG_VERSION_NUMBER);
    }

    @Test
    @DisplayName("up to 32 empty records in a row are skipped, and a record in between starts the count again")
    void emptyRecordsSkipped() throws EngineException {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 32; i++) {
                rbio.put(EMPTY_HANDSHAKE);
            }
            rbio.put(CLIENT_HELLO);
            assertThat(records.fetchRecord(false)).isEqualTo(1);
            assertThat(records.open()).isZero();
        }
        assertThat(failure.isFatal()).isFalse();
    }

    @Test
    @DisplayName("the 33rd empty record in a row is record too small, with unexpected_message")
    void tooManyEmptyRecords() throws EngineException {
        for (int i = 0; i < 33; i++) {
            rbio.put(EMPTY_HANDSHAKE);
        }
        rbio.put(CLIENT_HELLO);
        assertThat(records.fetchRecord(false)).isEqualTo(-1);
        assertThat(reason()).isEqualTo(SslReason.RECORD_TOO_SMALL);
        assertThat(wbio.take()).containsExactly(21, 3, 3, 0, 2, 2, 10);
    }

    @Test
    @DisplayName("R03.5 an empty application data record is a record, not skipped")
    void emptyApplicationDataIsARecord() throws EngineException {
        start(false);
        rbio.put(TestEngine.record(TestEngine.APPLICATION_DATA));
        assertThat(records.fetchRecord(false)).isEqualTo(1);
        assertThat(records.recordType()).isEqualTo(TestEngine.APPLICATION_DATA);
    }

    // ---- opening records ----------------------------------------------------------------------------------

    @Test
    @DisplayName("R06.2 opened application data is pending; a read takes it, a peek leaves it (R06.7)")
    void openApplicationData() throws EngineException {
        pastFirstRecord();
        rbio.put(data("hello"));
        records.fetchRecord(false);
        assertThat(records.pending()).as("not opened yet").isZero();
        assertThat(records.open()).isEqualTo(5);
        assertThat(records.pending()).isEqualTo(5);
        assertThat(records.hasPending()).isTrue();
        byte[] two = new byte[2];
        assertThat(records.copyOut(two, 0, 2, null, true)).isEqualTo(2);
        assertThat(records.pending()).isEqualTo(5);
        ByteBuffer bb = ByteBuffer.allocate(2);
        assertThat(records.copyOut(null, 0, 2, bb, false)).isEqualTo(2);
        assertThat(bb.position()).isEqualTo(2);
        assertThat(new String(bb.array(), StandardCharsets.US_ASCII)).isEqualTo("he");
        assertThat(records.pending()).isEqualTo(3);
        assertThat(readAll()).isEqualTo("llo");
        assertThat(records.hasPending()).isFalse();
    }

    @Test
    @DisplayName("R07.2 the peer's close_notify opens as OPENED_CLOSE_NOTIFY and is consumed")
    void openCloseNotify() throws EngineException {
        pastFirstRecord();
        rbio.put(TestEngine.closeNotify());
        records.fetchRecord(false);
        assertThat(records.open()).isEqualTo(RecordLayer.OPENED_CLOSE_NOTIFY);
        assertThat(records.hasPending()).isFalse();
    }

    @Test
    @DisplayName("R09.3 a fatal alert received: OPEN_FAILED, RECEIVED_SHUTDOWN, failed with the alert's reason, nothing sent")
    void openFatalAlert() throws EngineException {
        pastFirstRecord();
        rbio.put(TestEngine.fatalAlert(40));
        records.fetchRecord(false);
        assertThat(records.open()).isEqualTo(RecordLayer.OPEN_FAILED);
        assertThat(shutdown.received()).isTrue();
        assertThat(failure.isFatal()).isTrue();
        SslErrorEntry e = SslErrorQueue.peek();
        assertThat(e.reason()).isEqualTo(SslReason.ofReceivedAlert(40));
        assertThat(e.detail()).isEqualTo("SSL alert number 40");
        assertThat(wbio.size()).isZero();
        assertThat(records.hasPending()).as("the record is consumed").isFalse();
    }

    @Test
    @DisplayName("a close_notify where the engine wanted a handshake message: RECEIVED_SHUTDOWN, failed with nothing on the queue")
    void closeNotifyInHandshake() throws EngineException {
        rbio.put(CLIENT_HELLO);
        records.fetchRecord(false);
        engine.failOn(TestEngine.Op.OPEN, EngineException.alertReceived(0, null));
        assertThat(records.open()).isEqualTo(RecordLayer.OPEN_FAILED);
        assertThat(shutdown.received()).isTrue();
        assertThat(failure.isFatal()).isTrue();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("R09.1 a local engine failure fails the connection and sends the engine's own alert")
    void localFailureSendsEnginesAlert() throws EngineException {
        rbio.put(CLIENT_HELLO);
        records.fetchRecord(false);
        IllegalStateException cause = new IllegalStateException("mac");
        engine.failOn(TestEngine.Op.OPEN, EngineException.of(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC, null, cause));
        engine.alertToSend = 20;
        assertThat(records.open()).isEqualTo(RecordLayer.OPEN_FAILED);
        assertThat(failure.isFatal()).isTrue();
        assertThat(shutdown.received()).isFalse();
        assertThat(reason()).isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        assertThat(SslErrorQueue.peek().cause()).isSameAs(cause);
        assertThat(wbio.take()).isEqualTo(TestEngine.fatalAlert(20));
    }

    @Test
    @DisplayName("R05.7 no alert goes out while part of a record is still waiting for the BIO")
    void noAlertBehindPartialRecord() throws EngineException {
        start(false);
        records.produce();
        wbio.capacity = 2;
        assertThat(records.flush()).isEqualTo(-1);
        engine.alertToSend = 20;
        records.engineFailed(EngineException.of(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC, null, null));
        records.fatalAlert(SslReason.RECORD_TOO_SMALL, 10);
        assertThat(failure.isFatal()).isTrue();
        wbio.capacity = Integer.MAX_VALUE;
        assertThat(records.flush()).isEqualTo(1);
        assertThat(wbio.take()).as("the handshake record alone").isEqualTo(CLIENT_HELLO);
    }

    @Test
    @DisplayName("R11.6 a handshake record met while application data is unread opens beside it: the data stays")
    void openBesideUnread() throws EngineException {
        pastFirstRecord();
        opened("abc");
        rbio.put(TICKET);
        records.fetchRecord(false);
        assertThat(records.open()).isEqualTo(RecordLayer.OPENED_NOTHING);
        assertThat(records.pending()).isEqualTo(3);
        assertThat(readAll()).isEqualTo("abc");
    }

    // ---- writing records ----------------------------------------------------------------------------------

    @Test
    @DisplayName("MISUSE-2 no write BIO: -1, nothing on the queue, waiting for nothing, and the connection goes on")
    void noWriteBio() throws EngineException {
        records.setBio(rbio, null);
        assertThat(records.flush()).isEqualTo(-1);
        assertThat(failure.isFatal()).isFalse();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
        assertThat(records.writeBioRetries()).isFalse();
    }

    @Test
    @DisplayName("R15.11 a full BIO: -1, want WRITING, WANT_WRITE; once it drains the flush ends the wait")
    void flushIntoFullBio() throws EngineException {
        start(false);
        assertThat(records.hasOutput()).isFalse();
        records.produce();
        assertThat(records.hasOutput()).isTrue();
        wbio.capacity = 0;
        assertThat(records.flush()).isEqualTo(-1);
        assertThat(records.want()).isEqualTo(Ssl.WRITING);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_WRITE);
        assertThat(records.writeBioRetries()).isTrue();
        wbio.capacity = Integer.MAX_VALUE;
        assertThat(records.flush()).isEqualTo(1);
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
        assertThat(records.waitingFor()).isNull();
        assertThat(records.hasOutput()).isFalse();
        assertThat(wbio.take()).isEqualTo(CLIENT_HELLO);
    }

    @Test
    @DisplayName("produce grows the outbound buffer until the engine's record fits")
    void produceGrows() throws EngineException {
        engine = new TestEngine(true);
        engine.beginHandshake();
        engine.maxRecordSize = 2;
        records.start(engine, false);
        records.produce();
        records.flush();
        assertThat(wbio.take()).isEqualTo(CLIENT_HELLO);
    }

    @Test
    @DisplayName("seal returns the bytes the engine took, and holds its record for the BIO")
    void seal() throws EngineException {
        pastFirstRecord();
        records.produce(); // the server's flight: the engine is done
        records.flush();
        wbio.take();
        ByteBuffer src = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(records.seal(src)).isEqualTo(5);
        assertThat(src.hasRemaining()).isFalse();
        records.flush();
        assertThat(wbio.take()).isEqualTo(data("hello"));
    }

    @Test
    @DisplayName("an engine that cannot seal now takes nothing and holds nothing")
    void sealNothing() throws EngineException {
        ByteBuffer src = ByteBuffer.wrap(new byte[3]);
        assertThat(records.seal(src)).isZero();
        assertThat(src.position()).isZero();
        assertThat(records.hasOutput()).isFalse();
    }

    // ---- what the connection waits for --------------------------------------------------------------------

    @Test
    @DisplayName("R15.5 a read that waits on a BIO whose last call wanted to write says WANT_WRITE")
    void readingButBioWantsWrite() throws EngineException {
        MemoryBio both = new MemoryBio(0);
        records.setBio(both, both);
        records.fetchRecord(false);
        both.write(new byte[1], 0, 1);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_WRITE);
    }

    @Test
    @DisplayName("a write that waits on a BIO whose last call wanted to read says WANT_READ")
    void writingButBioWantsRead() throws EngineException {
        MemoryBio both = new MemoryBio(0);
        records.setBio(both, both);
        start(false);
        records.produce();
        records.flush();
        both.read(new byte[1], 0, 1);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_READ);
    }

    @Test
    @DisplayName("R11.12 a forced read retry says WANT_READ whatever the BIO says; a new handshake call drops it")
    void forcedReadRetry() throws EngineException {
        records.forceReadRetry();
        assertThat(records.want()).isEqualTo(Ssl.READING);
        assertThat(records.waitingFor()).isEqualTo(SslError.WANT_READ);
        records.clearForcedRetry();
        assertThat(records.want()).isEqualTo(Ssl.READING);
        assertThat(records.waitingFor()).isNull();
    }

    @Test
    @DisplayName("a new call waits for nothing")
    void resetWait() throws EngineException {
        records.fetchRecord(false);
        records.resetWait();
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
        assertThat(records.waitingFor()).isNull();
        records.forceReadRetry();
        records.resetWait();
        assertThat(records.waitingFor()).isNull();
    }

    // ---- buffers ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R14.1 releasing idle buffers keeps unread application data and a held record")
    void releaseIdleBuffers() throws EngineException {
        pastFirstRecord();
        opened("abc");
        rbio.put(Arrays.copyOf(data("de"), 4));
        records.fetchRecord(false);
        records.releaseIdleBuffers();
        assertThat(readAll()).isEqualTo("abc");
        assertThat(records.hasPending()).isTrue();
    }

    @Test
    @DisplayName("a closed record layer waits for nothing and holds no plaintext")
    void close() throws EngineException {
        pastFirstRecord();
        opened("abc");
        records.forceReadRetry();
        records.close();
        assertThat(records.pending()).isZero();
        assertThat(records.want()).isEqualTo(Ssl.NOTHING);
        assertThat(records.waitingFor()).isNull();
    }
}
