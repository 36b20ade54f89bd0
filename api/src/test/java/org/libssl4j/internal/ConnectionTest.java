package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.spi.EngineException;

/**
 * The public {@link Connection} (libssl's SSL object) over the {@link TestEngine}: a client and a server joined by
 * two memory BIOs, {@code toServer} (the client's write BIO, the server's read BIO) and {@code toClient}.
 */
class ConnectionTest {
    private final TestEngine.Context clientEngines = new TestEngine.Context();
    private final TestEngine.Context serverEngines = new TestEngine.Context();
    private final Settings clientSettings = settings();
    private final Settings serverSettings = settings();
    private final MemoryBio toServer = new MemoryBio();
    private final MemoryBio toClient = new MemoryBio();
    private Connection client;
    private Connection server;
    /** What the server has read, by {@link #drain()}. */
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private static Settings settings() {
        return new Settings(SslMode.AUTO_RETRY, 0, false, 16384, false, SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION);
    }

    @BeforeEach
    void setUp() {
        SslErrorQueue.clear();
        connect(false);
    }

    /** Makes the two connections anew, with their sides set; {@code renegotiation}: the engine has the capability. */
    private void connect(boolean renegotiation) {
        client = new Connection(SslMethod.TLS, clientEngines, false, renegotiation, clientSettings);
        server = new Connection(SslMethod.TLS, serverEngines, false, renegotiation, serverSettings);
        client.setBio(toClient, toServer);
        server.setBio(toServer, toClient);
        client.setState(true);
        server.setState(false);
    }

    private void handshake() {
        assertThat(client.connect()).isEqualTo(-1);
        assertThat(server.accept()).isEqualTo(1);
        assertThat(client.connect()).isEqualTo(1);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + i / 251);
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int write(Connection c, String s) {
        byte[] b = ascii(s);
        return c.write(b, 0, b.length, null);
    }

    /** One read of up to 100 bytes, as a string; fails the test unless it returns data. */
    private static String read(Connection c) {
        byte[] b = new byte[100];
        int n = c.read(b, 0, b.length, null, false);
        assertThat(n).as("read").isPositive();
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    private static int read(Connection c, int len) {
        return c.read(new byte[Math.max(len, 1)], 0, len, null, false);
    }

    /** The server reads what there is, into {@link #received}, until it would wait. */
    private void drain() {
        byte[] b = new byte[16384];
        int n;
        while ((n = server.read(b, 0, b.length, null, false)) > 0) {
            received.write(b, 0, n);
        }
        assertThat(server.getError(n)).isEqualTo(SslError.WANT_READ);
    }

    /** The server reads what there is; all it has read in the test is {@code expected}. */
    private void assertServerGot(byte[] expected) {
        drain();
        assertThat(received.toByteArray()).isEqualTo(expected);
    }

    /** The plaintext lengths of the records in {@code wire}. */
    private static List<Integer> recordLengths(byte[] wire) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < wire.length; ) {
            int len = ((wire[at + 3] & 0xFF) << 8) | (wire[at + 4] & 0xFF);
            lengths.add(len);
            at += 5 + len;
        }
        return lengths;
    }

    private static int reason() {
        return SslErrorQueue.peek().reason();
    }

    /** {@code ret} is -1 and the connection says {@code error}. */
    private static void assertFails(Connection c, int ret, SslError error) {
        assertThat(ret).isEqualTo(-1);
        assertThat(c.getError(ret)).isEqualTo(error);
    }

    /** {@code ret} is -1 with SSL_ERROR_SSL and {@code reason} as the oldest entry. */
    private static void assertFailsWith(Connection c, int ret, int reason) {
        assertFails(c, ret, SslError.SSL);
        assertThat(reason()).isEqualTo(reason);
    }

    @Nested
    @DisplayName("Connection: the guard")
    class Guard {
        /** Runs the call that reaches {@code op} first. */
        private int callReaching(TestEngine.Op op) {
            switch (op) {
                case BEGIN:
                case STATUS:
                    return client.connect();
                case SEAL:
                    return write(client, "abc");
                default:
                    write(client, "abc");
                    return read(server, 100);
            }
        }

        @ParameterizedTest
        @EnumSource(value = TestEngine.Op.class, names = {"BEGIN", "STATUS", "SEAL", "OPEN"})
        @DisplayName("an engine's RuntimeException is -1, SSL_ERROR_SSL, internal error, and a failed connection, never an exception")
        void runtimeException(TestEngine.Op op) {
            if (op == TestEngine.Op.SEAL || op == TestEngine.Op.OPEN) {
                handshake();
            }
            RuntimeException boom = new IllegalArgumentException("boom");
            clientEngines.setup = e -> e.failOn(op, boom);
            clientEngines.made.forEach(e -> e.failOn(op, boom));
            serverEngines.made.forEach(e -> e.failOn(op, boom));
            Connection failing = op == TestEngine.Op.OPEN ? server : client;

            int[] ret = new int[1];
            assertThatCode(() -> ret[0] = callReaching(op)).doesNotThrowAnyException();
            assertFailsWith(failing, ret[0], SslReason.INTERNAL_ERROR);
            SslErrorEntry e = SslErrorQueue.peek();
            assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
            assertThat(e.reasonString()).isEqualTo("internal error");
            assertThat(e.cause()).isSameAs(boom);

            // R15.7: failed for good
            SslErrorQueue.clear();
            assertThat(failing.isInitFinished()).isFalse();
            assertThat(failing.inInit()).isTrue();
            assertFails(failing, write(failing, "x"), SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }

        @Test
        @DisplayName("a BIO's RuntimeException is caught alike: -1, internal error, a failed connection")
        void bioThrows() {
            handshake();
            RuntimeException boom = new IllegalStateException("bio");
            toServer.throwOnWrite = boom;
            int[] ret = new int[1];
            assertThatCode(() -> ret[0] = write(client, "abc")).doesNotThrowAnyException();
            assertFailsWith(client, ret[0], SslReason.INTERNAL_ERROR);
            assertThat(SslErrorQueue.peek().cause()).isSameAs(boom);
            assertThat(client.isInitFinished()).isFalse();
        }

        @Test
        @DisplayName("an engine's EngineException puts its own library, reason and detail on the queue")
        void engineException() {
            clientEngines.setup = e -> e.failOn(TestEngine.Op.OPEN,
                    EngineException.of(SslErrorEntry.LIB_X509, SslReason.CERTIFICATE_VERIFY_FAILED, "untrusted", null));
            client.connect();
            server.accept();
            assertFailsWith(client, client.connect(), SslReason.CERTIFICATE_VERIFY_FAILED);
            assertThat(SslErrorQueue.peek().library()).isEqualTo(SslErrorEntry.LIB_X509);
            assertThat(SslErrorQueue.peek().detail()).isEqualTo("untrusted");
            assertThat(client.isInitFinished()).isFalse();
        }
    }

    @Nested
    @DisplayName("Connection: before a side is set")
    class Uninitialized {
        private Connection fresh;

        @BeforeEach
        void freshConnection() {
            fresh = new Connection(SslMethod.TLS, clientEngines, false, false, clientSettings);
            fresh.setBio(toClient, toServer);
        }

        @Test
        @DisplayName("R02.1 write, read, peek and shutdown fail at once with uninitialized, and send nothing")
        void uninitialized() {
            assertFailsWith(fresh, write(fresh, "abc"), SslReason.UNINITIALIZED);
            SslErrorQueue.clear();
            assertFailsWith(fresh, read(fresh, 10), SslReason.UNINITIALIZED);
            SslErrorQueue.clear();
            assertFailsWith(fresh, fresh.read(new byte[10], 0, 10, null, true), SslReason.UNINITIALIZED);
            SslErrorQueue.clear();
            assertFailsWith(fresh, fresh.shutdown(), SslReason.UNINITIALIZED);
            assertThat(toServer.size()).isZero();
            assertThat(clientEngines.made).isEmpty();
            assertThat(fresh.inBefore()).isTrue();
        }

        @Test
        @DisplayName("R02.2 a handshake without a side fails with connection type not set")
        void connectionTypeNotSet() {
            assertFailsWith(fresh, fresh.doHandshake(), SslReason.CONNECTION_TYPE_NOT_SET);
            assertThat(clientEngines.made).isEmpty();
        }

        @Test
        @DisplayName("R02.3 the failure is not fatal: once a side is set the next call starts the handshake")
        void notFatal() {
            write(fresh, "abc");
            fresh.doHandshake();
            SslErrorQueue.clear();
            fresh.setState(true);
            assertFails(fresh, write(fresh, "abc"), SslError.WANT_READ);
            assertThat(toServer.take()).isEqualTo(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.CLIENT_HELLO));
        }

        @Test
        @DisplayName("connect and accept set the side themselves when none is set")
        void connectAndAcceptSetTheSide() {
            assertFails(fresh, fresh.connect(), SslError.WANT_READ);
            assertThat(fresh.isServer()).isFalse();
            Connection acceptor = new Connection(SslMethod.TLS, serverEngines, false, false, serverSettings);
            acceptor.setBio(toServer, toClient);
            assertThat(acceptor.accept()).isEqualTo(1);
            assertThat(acceptor.isServer()).isTrue();
        }
    }

    @Nested
    @DisplayName("Connection: the handshake")
    class Handshake {
        @Test
        @DisplayName("R01.5 connect and accept return 1 once their own side is done; the state says so")
        void handshakeStates() {
            assertThat(client.inBefore()).isTrue();
            assertThat(client.inInit()).isTrue();
            assertFails(client, client.connect(), SslError.WANT_READ);
            assertThat(client.inBefore()).isFalse();
            assertThat(client.want()).isEqualTo(Ssl.READING);
            assertThat(server.accept()).isEqualTo(1);
            assertThat(server.isInitFinished()).isTrue();
            assertThat(client.isInitFinished()).isFalse();
            assertThat(client.connect()).isEqualTo(1);
            assertThat(client.isInitFinished()).isTrue();
            assertThat(client.inInit()).isFalse();
            assertThat(client.handshakeState().version()).isEqualTo("TLSv1.2");
        }

        @Test
        @DisplayName("R01.5 a handshake call on a finished connection returns 1 and does no I/O")
        void finishedHandshakeNoIo() {
            handshake();
            toClient.put(TestEngine.record(TestEngine.APPLICATION_DATA, (byte) 1));
            assertThat(client.doHandshake()).isEqualTo(1);
            assertThat(toServer.size()).isZero();
            assertThat(toClient.size()).isEqualTo(6);
        }

        @Test
        @DisplayName("R01.1 a write before the handshake starts it, WANT_READ; the same call repeated finishes it and writes")
        void writeStartsHandshake() {
            byte[] data = ascii("hello");
            assertFails(client, client.write(data, 0, 5, null), SslError.WANT_READ);
            assertThat(toServer.peekAll()).isEqualTo(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.CLIENT_HELLO));
            assertThat(server.accept()).isEqualTo(1);
            assertThat(client.write(data, 0, 5, null)).isEqualTo(5);
            assertThat(read(server)).isEqualTo("hello");
        }

        @Test
        @DisplayName("R03.3 a zero-length write before the handshake still drives it")
        void zeroWriteDrivesHandshake() {
            assertFails(client, client.write(new byte[0], 0, 0, null), SslError.WANT_READ);
            assertThat(toServer.size()).isPositive();
        }

        @Test
        @DisplayName("R01.3 a server's read drives the accept side, then waits for data (R01.4)")
        void readDrivesAccept() {
            client.connect();
            assertFails(server, read(server, 10), SslError.WANT_READ);
            assertThat(server.isInitFinished()).isTrue();
            assertThat(client.connect()).isEqualTo(1);
        }

        @Test
        @DisplayName("R07.9 shutdown before the handshake is done fails with shutdown while in init")
        void shutdownWhileInInit() {
            assertFailsWith(client, client.shutdown(), SslReason.SHUTDOWN_WHILE_IN_INIT);
            client.connect();
            SslErrorQueue.clear();
            assertFailsWith(client, client.shutdown(), SslReason.SHUTDOWN_WHILE_IN_INIT);
        }

        @Test
        @DisplayName("R10.1 an HTTP request to a server fails the accept with http request, and no alert is sent")
        void httpRequest() {
            toServer.put(ascii("GET / HTTP/1.1\r\n\r\n"));
            assertFailsWith(server, server.accept(), SslReason.HTTP_REQUEST);
            assertThat(toClient.size()).isZero();
        }

        @Test
        @DisplayName("R12.5 a key update on TLS 1.2 returns 0 with wrong ssl version; none is ever scheduled")
        void keyUpdate() {
            handshake();
            assertThat(client.keyUpdate(Ssl.KEY_UPDATE_REQUESTED)).isZero();
            assertThat(reason()).isEqualTo(SslReason.WRONG_SSL_VERSION);
            assertThat(client.getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(client.isInitFinished()).isTrue();
        }
    }

    @Nested
    @DisplayName("Connection: reads and writes")
    class ReadWrite {
        @BeforeEach
        void handshaken() {
            handshake();
        }

        @Test
        @DisplayName("R06.1 a read with nothing there is -1, WANT_READ, want READING")
        void nothingToRead() {
            assertFails(server, read(server, 10), SslError.WANT_READ);
            assertThat(server.want()).isEqualTo(Ssl.READING);
        }

        @Test
        @DisplayName("a round trip both ways, with arrays and with ByteBuffers whose positions advance")
        void roundTrip() {
            assertThat(write(client, "ping")).isEqualTo(4);
            assertThat(read(server)).isEqualTo("ping");
            ByteBuffer src = ByteBuffer.wrap(ascii("xxpongxx"), 2, 4);
            assertThat(server.write(null, 0, src.remaining(), src)).isEqualTo(4);
            assertThat(src.position()).isEqualTo(6);
            ByteBuffer dst = ByteBuffer.allocateDirect(10);
            assertThat(client.read(null, 0, dst.remaining(), dst, false)).isEqualTo(4);
            assertThat(dst.position()).isEqualTo(4);
            dst.flip();
            byte[] got = new byte[4];
            dst.get(got);
            assertThat(got).isEqualTo(ascii("pong"));
        }

        @Test
        @DisplayName("R06.4 one read never returns data of two records")
        void oneRecordPerRead() {
            write(client, "first");
            write(client, "second");
            assertThat(read(server)).isEqualTo("first");
            assertThat(read(server)).isEqualTo("second");
        }

        @Test
        @DisplayName("R06.3 after a partial read the rest of the record is pending")
        void partialRead() {
            write(client, "abcdef");
            byte[] b = new byte[2];
            assertThat(server.read(b, 0, 2, null, false)).isEqualTo(2);
            assertThat(server.pending()).isEqualTo(4);
            assertThat(server.hasPending()).isTrue();
            assertThat(read(server)).isEqualTo("cdef");
            assertThat(server.pending()).isZero();
            assertThat(server.hasPending()).isFalse();
        }

        @Test
        @DisplayName("R06.7 a peek leaves the bytes: pending is the whole record, and the read returns the same")
        void peek() {
            write(client, "abc");
            byte[] b = new byte[10];
            assertThat(server.read(b, 0, 10, null, true)).isEqualTo(3);
            assertThat(server.pending()).isEqualTo(3);
            assertThat(read(server)).isEqualTo("abc");
            assertFails(server, server.read(b, 0, 10, null, true), SslError.WANT_READ);
        }

        @Test
        @DisplayName("R06.5 without read-ahead the next record stays in the BIO; with it, it is held inside")
        void readAhead() {
            write(client, "one");
            write(client, "two");
            read(server);
            assertThat(server.hasPending()).isFalse();
            assertThat(toServer.size()).isEqualTo(8);
            serverSettings.readAhead = true;
            write(client, "three");
            read(server);
            assertThat(server.hasPending()).isTrue();
            assertThat(server.pending()).isZero();
            assertThat(read(server)).isEqualTo("three");
        }

        @Test
        @DisplayName("R03.1 a zero-length write after the handshake returns 0, SSL_ERROR_SYSCALL, sends nothing")
        void zeroWrite() {
            assertThat(client.write(new byte[0], 0, 0, null)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertThat(toServer.size()).isZero();
        }

        @Test
        @DisplayName("R03.5 a zero-length read takes and opens a waiting record: 0, SYSCALL, and the record is pending")
        void zeroRead() {
            assertFails(server, read(server, 0), SslError.WANT_READ);
            write(client, "abc");
            assertThat(read(server, 0)).isZero();
            assertThat(server.getError(0)).isEqualTo(SslError.SYSCALL);
            assertThat(server.pending()).isEqualTo(3);
        }

        @Test
        @DisplayName("R13.2 a whole write is cut into records of 16384 at most")
        void wholeWriteRecords() {
            assertThat(client.write(bytes(50000), 0, 50000, null)).isEqualTo(50000);
            assertThat(recordLengths(toServer.take())).containsExactly(16384, 16384, 16384, 848);
        }

        @Test
        @DisplayName("R13.5 max_send_fragment sets the record size: 5000 goes as 4 x 1024 + 904")
        void maxSendFragment() {
            clientSettings.maxSendFragment = 1024;
            assertThat(client.write(bytes(5000), 0, 5000, null)).isEqualTo(5000);
            assertThat(recordLengths(toServer.take())).containsExactly(1024, 1024, 1024, 1024, 904);
        }

        @Test
        @DisplayName("R13.1 partial-write mode returns one record's length: min(len, 16384)")
        void partialWriteMode() {
            clientSettings.mode |= SslMode.ENABLE_PARTIAL_WRITE;
            assertThat(client.write(bytes(50000), 0, 50000, null)).isEqualTo(16384);
            assertThat(client.write(bytes(16385), 0, 16385, null)).isEqualTo(16384);
            assertThat(client.write(bytes(100), 0, 100, null)).isEqualTo(100);
            assertThat(recordLengths(toServer.take())).containsExactly(16384, 16384, 100);
        }

        @Test
        @DisplayName("R11.12 without AUTO_RETRY a record without data ends the read, WANT_READ; the next read returns the data")
        void ticketWithoutAutoRetry() {
            clientSettings.mode = 0;
            toClient.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.TICKET));
            write(server, "data");
            assertFails(client, read(client, 10), SslError.WANT_READ);
            assertThat(read(client)).isEqualTo("data");
        }

        @Test
        @DisplayName("R11.12 without AUTO_RETRY an empty TLS 1.2 application-data record is data, not a record without data: the read reads on")
        void emptyApplicationRecordWithoutAutoRetry() {
            clientSettings.mode = 0;
            toClient.put(TestEngine.record(TestEngine.APPLICATION_DATA));
            write(server, "data");
            assertThat(read(client)).isEqualTo("data");
        }

        @Test
        @DisplayName("R15.2 an empty TLS 1.2 application-data record leaves the caller's error queue alone (only records without data clear it)")
        void emptyApplicationRecordKeepsQueue() {
            toClient.put(TestEngine.record(TestEngine.APPLICATION_DATA));
            write(server, "data");
            SslErrorQueue.raise(SslErrorEntry.LIB_SYS, 104, null);
            assertThat(read(client)).isEqualTo("data");
            assertThat(SslErrorQueue.peek()).isNotNull();
            assertThat(SslErrorQueue.peek().library()).isEqualTo(SslErrorEntry.LIB_SYS);
        }

        @Test
        @DisplayName("R11.12 with AUTO_RETRY, or with read-ahead, a record without data is absorbed")
        void ticketAbsorbed() {
            toClient.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.TICKET));
            write(server, "one");
            assertThat(read(client)).isEqualTo("one");
            clientSettings.mode = 0;
            clientSettings.readAhead = true;
            toClient.put(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.TICKET));
            write(server, "two");
            assertThat(read(client)).isEqualTo("two");
        }

        @Test
        @DisplayName("R14.1 RELEASE_BUFFERS changes no answer")
        void releaseBuffers() {
            clientSettings.mode |= SslMode.RELEASE_BUFFERS;
            serverSettings.mode |= SslMode.RELEASE_BUFFERS;
            write(client, "abcdef");
            byte[] b = new byte[2];
            assertThat(server.read(b, 0, 2, null, false)).isEqualTo(2);
            assertThat(server.pending()).isEqualTo(4);
            assertThat(read(server)).isEqualTo("cdef");
            assertThat(write(client, "again")).isEqualTo(5);
            assertThat(read(server)).isEqualTo("again");
        }
    }

    @Nested
    @DisplayName("Connection: writes into a small transport")
    class PartialWrites {
        private final byte[] data = bytes(1200);

        /** A write of 1200 in records of 512 into a BIO of 600: the first record goes, the second is pending. */
        private void blockedInSecondRecord() {
            blockedInSecondRecord(data);
        }

        private void blockedInSecondRecord(byte[] buf) {
            handshake();
            clientSettings.maxSendFragment = 512;
            toServer.capacity = 600;
            assertFails(client, client.write(buf, 0, 1200, null), SslError.WANT_WRITE);
            assertThat(client.want()).isEqualTo(Ssl.WRITING);
            assertThat(toServer.size()).isEqualTo(600);
        }

        private void unblock() {
            toServer.capacity = Integer.MAX_VALUE;
        }

        @Test
        @DisplayName("R04.1 without partial-write mode a write returns the full length only once every byte is in the transport")
        void wholeWrite() {
            handshake();
            clientSettings.maxSendFragment = 512;
            toServer.capacity = 1000;
            byte[] big = bytes(5000);
            int r;
            int blocked = 0;
            while ((r = client.write(big, 0, big.length, null)) <= 0) {
                assertThat(client.getError(r)).isEqualTo(SslError.WANT_WRITE);
                blocked++;
                drain();
            }
            assertThat(r).isEqualTo(5000);
            assertThat(blocked).isGreaterThan(3);
            assertServerGot(big);
        }

        @Test
        @DisplayName("R15.11 a write that can never drain keeps returning WANT_WRITE, never a hard error")
        void neverDrains() {
            blockedInSecondRecord();
            for (int i = 0; i < 3; i++) {
                assertFails(client, client.write(data, 0, 1200, null), SslError.WANT_WRITE);
            }
            assertThat(client.isInitFinished()).isTrue();
        }

        @Test
        @DisplayName("R04.4 in partial-write mode a retried write returns everything committed since it first started")
        void partialModeRetry() {
            handshake();
            clientSettings.mode |= SslMode.ENABLE_PARTIAL_WRITE;
            clientSettings.maxSendFragment = 512;
            toServer.capacity = 300;
            assertFails(client, client.write(data, 0, 1200, null), SslError.WANT_WRITE);
            unblock();
            assertThat(client.write(data, 0, 1200, null)).isEqualTo(1024);
            assertServerGot(Arrays.copyOf(data, 1024));
        }

        @Test
        @DisplayName("R05.1 the same call repeated finishes the write and returns the full length")
        void sameRetry() {
            blockedInSecondRecord();
            unblock();
            assertThat(client.write(data, 0, 1200, null)).isEqualTo(1200);
            assertServerGot(data);
        }

        @Test
        @DisplayName("R05.2 a retry with another array of the same bytes is bad write retry, and fatal without an alert (R05.7)")
        void otherArray() {
            blockedInSecondRecord();
            unblock();
            assertFailsWith(client, client.write(data.clone(), 0, 1200, null), SslReason.BAD_WRITE_RETRY);
            assertThat(toServer.size()).as("no alert, nothing more").isEqualTo(600);
            // R05.8: failed for good, SYSCALL with an empty queue
            SslErrorQueue.clear();
            assertFails(client, client.write(data, 0, 1200, null), SslError.SYSCALL);
            assertFails(client, read(client, 10), SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertFailsWith(client, client.shutdown(), SslReason.SHUTDOWN_WHILE_IN_INIT);
            assertThat(client.isInitFinished()).isFalse();
        }

        @Test
        @DisplayName("R05.2 a retry with the same array at another offset is bad write retry")
        void otherOffset() {
            byte[] wide = bytes(1300);
            blockedInSecondRecord(wide);
            assertFailsWith(client, client.write(wide, 1, 1200, null), SslReason.BAD_WRITE_RETRY);
        }

        @Test
        @DisplayName("R05.2 with AMWB a retry with another array continues, and the pending record keeps its bytes")
        void movingBuffer() {
            clientSettings.mode |= SslMode.ACCEPT_MOVING_WRITE_BUFFER;
            blockedInSecondRecord();
            unblock();
            byte[] moved = data.clone();
            Arrays.fill(moved, 0, 1024, (byte) 0);
            assertThat(client.write(moved, 0, 1200, null)).isEqualTo(1200);
            drain();
            byte[] expected = data.clone();
            System.arraycopy(moved, 1024, expected, 1024, 176);
            assertThat(received.toByteArray()).isEqualTo(expected);
        }

        @Test
        @DisplayName("R05.3 a retry shorter than committed plus the pending record is bad length, with or without AMWB")
        void shorterThanPending() {
            blockedInSecondRecord();
            assertFailsWith(client, client.write(data, 0, 1023, null), SslReason.BAD_LENGTH);
            clientSettings.mode |= SslMode.ACCEPT_MOVING_WRITE_BUFFER;
            connect(false);
            toServer.take();
            toClient.take();
            SslErrorQueue.clear();
            blockedInSecondRecord();
            assertFailsWith(client, client.write(data.clone(), 0, 1000, null), SslReason.BAD_LENGTH);
        }

        @Test
        @DisplayName("R05.4 a shorter retry that covers the pending record is cut to the new length")
        void shorterCovering() {
            blockedInSecondRecord();
            unblock();
            assertThat(client.write(data, 0, 1024, null)).isEqualTo(1024);
            assertServerGot(Arrays.copyOf(data, 1024));
        }

        @Test
        @DisplayName("R05.5 a longer retry is accepted: the pending record keeps its size and the rest follows")
        void longer() {
            byte[] wider = bytes(2000);
            blockedInSecondRecord(wider);
            unblock();
            assertThat(client.write(wider, 0, 2000, null)).isEqualTo(2000);
            assertThat(recordLengths(Arrays.copyOfRange(toServer.peekAll(), 517, toServer.size())))
                    .as("the pending record, then new ones").containsExactly(512, 512, 464);
            assertServerGot(wider);
        }

        @Test
        @DisplayName("R05.6 new bytes at the same address are not detected: the pending record carries the old ones")
        void contentChanged() {
            blockedInSecondRecord();
            unblock();
            byte[] original = data.clone();
            Arrays.fill(data, (byte) 0x55);
            assertThat(client.write(data, 0, 1200, null)).isEqualTo(1200);
            drain();
            byte[] expected = Arrays.copyOf(original, 1200);
            Arrays.fill(expected, 1024, 1200, (byte) 0x55);
            assertThat(received.toByteArray()).isEqualTo(expected);
        }

        @Test
        @DisplayName("R05.9 after WANT_WRITE a read works, and the write then resumes with the same arguments")
        void readWhileWritePending() {
            blockedInSecondRecord();
            write(server, "meanwhile");
            assertThat(read(client)).isEqualTo("meanwhile");
            unblock();
            assertThat(client.write(data, 0, 1200, null)).isEqualTo(1200);
        }

        @Test
        @DisplayName("R05.1 a ByteBuffer write keeps its position until it succeeds, then advances by the count")
        void byteBufferRetry() {
            handshake();
            clientSettings.maxSendFragment = 512;
            toServer.capacity = 600;
            ByteBuffer src = ByteBuffer.wrap(data);
            assertFails(client, client.write(null, 0, src.remaining(), src), SslError.WANT_WRITE);
            assertThat(src.position()).isZero();
            assertThat(src.limit()).isEqualTo(1200);
            unblock();
            assertThat(client.write(null, 0, src.remaining(), src)).isEqualTo(1200);
            assertThat(src.position()).isEqualTo(1200);
            assertServerGot(data);
        }

        @Test
        @DisplayName("R05.10 shutdown with a write pending: WANT_WRITE with SENT_SHUTDOWN, then bad write retry, then protocol is shutdown")
        void shutdownWithWritePending() {
            blockedInSecondRecord();
            assertFails(client, client.shutdown(), SslError.WANT_WRITE);
            assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN);
            unblock();
            assertFailsWith(client, client.shutdown(), SslReason.BAD_WRITE_RETRY);
            SslErrorQueue.clear();
            assertFailsWith(client, client.write(data, 0, 1200, null), SslReason.PROTOCOL_IS_SHUTDOWN);
            assertThat(toServer.size()).as("the pending record is abandoned").isEqualTo(600);
        }
    }

    @Nested
    @DisplayName("Connection: shutdown")
    class Shutdown {
        @BeforeEach
        void handshaken() {
            handshake();
        }

        @Test
        @DisplayName("R07.1 the first shutdown sends close_notify, returns 0 with SENT_SHUTDOWN, and getError says SYSCALL")
        void firstShutdown() {
            assertThat(client.shutdown()).isZero();
            assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN);
            assertThat(client.getError(0)).isEqualTo(SslError.SYSCALL);
            assertThat(toServer.take()).isEqualTo(TestEngine.closeNotify());
        }

        @Test
        @DisplayName("R07.2 the receiver reads the data sent before close_notify, then 0 and ZERO_RETURN, again and again")
        void receiverReadsDataFirst() {
            write(client, "last words");
            client.shutdown();
            assertThat(read(server)).isEqualTo("last words");
            assertThat(read(server, 10)).isZero();
            assertThat(server.getError(0)).isEqualTo(SslError.ZERO_RETURN);
            assertThat(server.getShutdown()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(read(server, 10)).isZero();
            assertThat(server.read(new byte[1], 0, 1, null, true)).isZero();
            // R07.11
            assertThat(server.getError(-1)).isEqualTo(SslError.ZERO_RETURN);
        }

        @Test
        @DisplayName("R07.2 data read partly before close_notify arrives is still all returned")
        void pendingDataBeforeCloseNotify() {
            write(client, "abcdef");
            client.shutdown();
            byte[] b = new byte[2];
            server.read(b, 0, 2, null, false);
            assertThat(read(server)).isEqualTo("cdef");
            assertThat(read(server, 10)).isZero();
        }

        @Test
        @DisplayName("R07.6 a second shutdown before the peer's close_notify is WANT_READ; R07.4 the peer's returns 1; then 1")
        void twoPhase() {
            assertThat(client.shutdown()).isZero();
            assertFails(client, client.shutdown(), SslError.WANT_READ);
            assertThat(read(server, 10)).isZero();
            assertThat(server.shutdown()).isEqualTo(1);
            assertThat(server.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(toClient.peekAll()).isEqualTo(TestEngine.closeNotify());
            assertThat(client.shutdown()).isEqualTo(1);
            assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(client.shutdown()).as("and stays so").isEqualTo(1);
        }

        @Test
        @DisplayName("R07.3 after receiving close_notify a side may still write, and the side that sent it still reads")
        void halfClose() {
            client.shutdown();
            assertThat(read(server, 10)).isZero();
            assertThat(write(server, "late")).isEqualTo(4);
            assertThat(read(client)).isEqualTo("late");
        }

        @Test
        @DisplayName("R07.5 a write after this side's shutdown is protocol is shutdown")
        void writeAfterShutdown() {
            client.shutdown();
            assertFailsWith(client, write(client, "x"), SslReason.PROTOCOL_IS_SHUTDOWN);
        }

        @Test
        @DisplayName("R07.10 a quiet shutdown returns 1, sets both bits and sends nothing; R07.5 then no write")
        void quietShutdown() {
            clientSettings.quietShutdown = true;
            assertThat(client.shutdown()).isEqualTo(1);
            assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(toServer.size()).isZero();
            assertFailsWith(client, write(client, "x"), SslReason.PROTOCOL_IS_SHUTDOWN);
        }

        @Test
        @DisplayName("R07.7 application data read by shutdown instead of close_notify is fatal")
        void dataAfterCloseNotify() {
            assertThat(server.shutdown()).isZero();
            write(client, "surprise");
            assertFailsWith(server, server.shutdown(), SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
            assertThat(server.pending()).isZero();
            SslErrorQueue.clear();
            assertFails(server, read(server, 10), SslError.SYSCALL);
        }

        @Test
        @DisplayName("R07.7 unread application data in the way of the peer's close_notify is fatal too")
        void unreadDataInTheWay() {
            write(client, "abcdef");
            server.read(new byte[2], 0, 2, null, false);
            assertThat(server.shutdown()).isZero();
            assertFailsWith(server, server.shutdown(), SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
        }

        @Test
        @DisplayName("R07.8 a shutdown into a full transport is WANT_WRITE with SENT_SHUTDOWN set; the retry returns 0")
        void shutdownIntoFullTransport() {
            toServer.capacity = 0;
            assertFails(client, client.shutdown(), SslError.WANT_WRITE);
            assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN);
            toServer.capacity = Integer.MAX_VALUE;
            assertThat(client.shutdown()).isZero();
            assertThat(toServer.take()).as("one close_notify").isEqualTo(TestEngine.closeNotify());
        }

        @Test
        @DisplayName("setShutdown sets the bits without sending anything")
        void setShutdown() {
            client.setShutdown(Ssl.RECEIVED_SHUTDOWN);
            assertThat(client.getShutdown()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(read(client, 10)).isZero();
            assertThat(toServer.size()).isZero();
        }
    }

    @Nested
    @DisplayName("Connection: EOF and alerts")
    class EofAndAlerts {
        @Test
        @DisplayName("R08.1 EOF without close_notify: read returns 0, unexpected eof while reading, no shutdown bit; R08.3 then failed")
        void unexpectedEof() {
            handshake();
            toClient.eofWhenEmpty = true;
            assertThat(read(client, 10)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.SSL);
            assertThat(reason()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
            assertThat(client.getShutdown()).isZero();
            SslErrorQueue.clear();
            assertFails(client, read(client, 10), SslError.SYSCALL);
            assertFails(client, write(client, "x"), SslError.SYSCALL);
            assertFailsWith(client, client.shutdown(), SslReason.SHUTDOWN_WHILE_IN_INIT);
        }

        @Test
        @DisplayName("R08.5 with IGNORE_UNEXPECTED_EOF an EOF is a close: 0, ZERO_RETURN, RECEIVED_SHUTDOWN; writes go on, shutdown returns 1")
        void ignoredEof() {
            handshake();
            clientSettings.options |= SslOptions.IGNORE_UNEXPECTED_EOF;
            toClient.put(Arrays.copyOf(TestEngine.record(TestEngine.APPLICATION_DATA, ascii("cut")), 6));
            toClient.eofWhenEmpty = true;
            assertThat(read(client, 10)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.ZERO_RETURN);
            assertThat(client.getShutdown()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(write(client, "still")).isEqualTo(5);
            assertThat(read(server)).isEqualTo("still");
            assertThat(client.shutdown()).isEqualTo(1);
        }

        @Test
        @DisplayName("R08.4 EOF during the handshake fails it with unexpected eof while reading")
        void eofInHandshake() {
            client.connect();
            toClient.eofWhenEmpty = true;
            assertFailsWith(client, client.connect(), SslReason.UNEXPECTED_EOF_WHILE_READING);
        }

        @Test
        @DisplayName("R08.6 with IGNORE_UNEXPECTED_EOF an EOF during the handshake is -1 and ZERO_RETURN, and so is a later write")
        void ignoredEofInHandshake() {
            clientSettings.options |= SslOptions.IGNORE_UNEXPECTED_EOF;
            client.connect();
            toClient.eofWhenEmpty = true;
            assertFails(client, client.connect(), SslError.ZERO_RETURN);
            assertFails(client, write(client, "x"), SslError.ZERO_RETURN);
        }

        @Test
        @DisplayName("R08.7 a transport read failure is SYSCALL with an empty queue, and not fatal")
        void transportFailure() {
            handshake();
            toClient.failReads = true;
            assertFails(client, read(client, 10), SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertThat(write(client, "ok")).isEqualTo(2);
            toClient.failReads = false;
            write(server, "back");
            assertThat(read(client)).isEqualTo("back");
        }

        @Test
        @DisplayName("R09.3 a fatal alert received: read 0 with its reason; R15.8 then ZERO_RETURN; R09.4 a write is -1 ZERO_RETURN")
        void fatalAlertReceived() {
            handshake();
            toClient.put(TestEngine.fatalAlert(40));
            assertThat(read(client, 10)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.SSL);
            assertThat(reason()).isEqualTo(SslReason.ofReceivedAlert(40));
            assertThat(SslErrorQueue.peek().detail()).isEqualTo("SSL alert number 40");
            assertThat(client.getShutdown()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            SslErrorQueue.clear();
            assertThat(read(client, 10)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.ZERO_RETURN);
            assertFails(client, write(client, "x"), SslError.ZERO_RETURN);
            assertFailsWith(client, client.shutdown(), SslReason.SHUTDOWN_WHILE_IN_INIT);
        }
    }

    @Nested
    @DisplayName("Connection: getError and the error queue")
    class ErrorQueue {
        @Test
        @DisplayName("R15.1 a positive return is NONE whatever is on the queue")
        void positiveIsNone() {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.BAD_LENGTH, null);
            assertThat(client.getError(1)).isEqualTo(SslError.NONE);
            assertThat(client.getError(5000)).isEqualTo(SslError.NONE);
        }

        @Test
        @DisplayName("R15.2 a stale entry turns WANT_READ into SSL, or SYSCALL when it is of ERR_LIB_SYS")
        void staleEntry() {
            handshake();
            int r = read(server, 10);
            assertThat(server.getError(r)).isEqualTo(SslError.WANT_READ);
            SslErrorQueue.raise(SslErrorEntry.LIB_SYS, 104, null);
            assertThat(server.getError(r)).isEqualTo(SslError.SYSCALL);
            SslErrorQueue.clear();
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.BAD_LENGTH, null);
            assertThat(server.getError(r)).isEqualTo(SslError.SSL);
        }

        @Test
        @DisplayName("R15.3 the value of a return of 0 or less does not change the answer")
        void valueDoesNotMatter() {
            handshake();
            read(server, 10);
            assertThat(server.getError(0)).isEqualTo(SslError.WANT_READ);
            assertThat(server.getError(-1)).isEqualTo(SslError.WANT_READ);
            assertThat(server.getError(-5)).isEqualTo(SslError.WANT_READ);
        }

        @Test
        @DisplayName("R15.4 on a fresh connection, and after a successful call, a return of 0 or less is SYSCALL")
        void freshIsSyscall() {
            assertThat(client.getError(0)).isEqualTo(SslError.SYSCALL);
            assertThat(client.getError(-1)).isEqualTo(SslError.SYSCALL);
            handshake();
            write(client, "x");
            assertThat(client.getError(-1)).isEqualTo(SslError.SYSCALL);
        }

        @Test
        @DisplayName("R15.2 a handshake step clears the queue first, as libssl's does")
        void handshakeClearsQueue() {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.BAD_LENGTH, null);
            assertFails(client, client.connect(), SslError.WANT_READ);
        }
    }

    @Nested
    @DisplayName("Connection: renegotiation")
    class Renegotiation {
        @Test
        @DisplayName("R11.11 refused: wrong ssl version before the handshake and on TLS 1.3, no renegotiation with the option, unsupported without the capability")
        void refused() {
            connect(true);
            assertThat(client.renegotiate()).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.WRONG_SSL_VERSION);
            handshake();
            clientSettings.options |= SslOptions.NO_RENEGOTIATION;
            assertThat(client.renegotiate()).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.NO_RENEGOTIATION);
            assertThat(client.renegotiatePending()).isFalse();

            connect(false);
            clientSettings.options = 0;
            handshake();
            assertThat(client.renegotiate()).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.UNSUPPORTED);

            connect(true);
            clientEngines.setup = e -> e.protocol = "TLSv1.3";
            handshake();
            assertThat(client.renegotiate()).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.WRONG_SSL_VERSION);
        }

        @Test
        @DisplayName("R11.2 a server's renegotiation: HelloRequest sent at once, pending until the new handshake ends on both sides (R11.4)")
        void serverRenegotiates() {
            connect(true);
            handshake();
            assertThat(server.renegotiate()).isEqualTo(1);
            assertThat(server.renegotiatePending()).isTrue();
            assertThat(server.doHandshake()).isEqualTo(1);
            assertThat(toClient.peekAll()).isEqualTo(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.HELLO_REQUEST));
            assertThat(server.renegotiatePending()).isTrue();
            // R11.4: the client's read answers with a ClientHello and waits
            assertFails(client, read(client, 10), SslError.WANT_READ);
            assertThat(client.isInitFinished()).isFalse();
            assertThat(client.renegotiatePending()).isTrue();
            assertFails(server, read(server, 10), SslError.WANT_READ);
            assertThat(server.renegotiatePending()).isFalse();
            assertFails(client, read(client, 10), SslError.WANT_READ);
            assertThat(client.isInitFinished()).isTrue();
            assertThat(client.renegotiatePending()).isFalse();
            write(client, "after");
            assertThat(read(server)).isEqualTo("after");
        }

        /** The server has asked for a renegotiation and sent its HelloRequest. */
        private void helloRequestSent() {
            connect(true);
            handshake();
            assertThat(server.renegotiate()).isEqualTo(1);
            assertThat(server.doHandshake()).isEqualTo(1);
        }

        @Test
        @DisplayName("R11.4 during the client's renegotiation its write is WANT_READ; R11.5 the write that gets the reply finishes it and writes")
        void clientWriteDuringRenegotiation() {
            helloRequestSent();
            assertFails(client, read(client, 10), SslError.WANT_READ);
            assertFails(client, write(client, "x"), SslError.WANT_READ);
            assertThat(toServer.size()).as("the ClientHello only").isEqualTo(6);
            assertFails(server, read(server, 10), SslError.WANT_READ);
            assertThat(write(client, "x")).isEqualTo(1);
            assertThat(client.isInitFinished()).isTrue();
            assertThat(read(server)).isEqualTo("x");
        }

        @Test
        @DisplayName("R11.6 application data after a HelloRequest, before the new handshake, is returned by the read though in init")
        void dataAfterHelloRequest() {
            helloRequestSent();
            clientSettings.mode = 0;
            toClient.put(TestEngine.record(TestEngine.APPLICATION_DATA, ascii("early")));
            assertThat(read(client)).isEqualTo("early");
            assertThat(client.isInitFinished()).isFalse();
        }

        @Test
        @DisplayName("R15.5 a read that must send its ClientHello into a full transport is WANT_WRITE; the retry sends it and is WANT_READ")
        void readWantsWrite() {
            helloRequestSent();
            toServer.capacity = 0;
            assertFails(client, read(client, 10), SslError.WANT_WRITE);
            toServer.capacity = Integer.MAX_VALUE;
            assertFails(client, read(client, 10), SslError.WANT_READ);
            assertThat(toServer.take()).isEqualTo(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.CLIENT_HELLO));
        }

        @Test
        @DisplayName("R07.2 a close_notify that a write meets while data is unread: the data is still read first, then 0")
        void closeNotifyBehindUnreadData() {
            helloRequestSent();
            toClient.put(TestEngine.record(TestEngine.APPLICATION_DATA, ascii("abc")));
            toClient.put(TestEngine.closeNotify());
            byte[] one = new byte[1];
            assertThat(client.read(one, 0, 1, null, false)).isEqualTo(1);
            assertThat(client.pending()).isEqualTo(2);
            assertFails(client, write(client, "x"), SslError.ZERO_RETURN);
            assertThat(client.getShutdown()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(read(client)).isEqualTo("bc");
            assertThat(read(client, 10)).isZero();
            assertThat(client.getError(0)).isEqualTo(SslError.ZERO_RETURN);
        }

        @Test
        @DisplayName("R11.10 a client's renegotiation is refused by default with no renegotiation")
        void clientRenegotiationRefused() {
            connect(true);
            handshake();
            assertThat(client.renegotiate()).isEqualTo(1);
            assertFails(client, client.doHandshake(), SslError.WANT_READ);
            assertFailsWith(server, read(server, 10), SslReason.NO_RENEGOTIATION);
        }

        @Test
        @DisplayName("R11.10 with SSL_OP_ALLOW_CLIENT_RENEGOTIATION on the server a client's renegotiation succeeds")
        void clientRenegotiationAllowed() {
            serverSettings.options |= SslOptions.ALLOW_CLIENT_RENEGOTIATION;
            connect(true);
            handshake();
            assertThat(client.renegotiate()).isEqualTo(1);
            assertFails(client, client.doHandshake(), SslError.WANT_READ);
            assertFails(server, read(server, 10), SslError.WANT_READ);
            assertThat(client.doHandshake()).isEqualTo(1);
            assertThat(client.renegotiatePending()).isFalse();
            assertThat(client.isInitFinished()).isTrue();
        }
    }

    @Nested
    @DisplayName("Connection: close")
    class Close {
        @Test
        @DisplayName("close frees the engine once, and later calls fail as on a fatal error without throwing")
        void close() {
            handshake();
            write(server, "unread");
            read(client, 0);
            assertThat(client.pending()).isEqualTo(6);
            client.close();
            client.close();
            TestEngine engine = clientEngines.engine();
            assertThat(engine.closeCalls).isEqualTo(1);
            assertThat(client.pending()).isZero();
            assertThat(client.want()).isEqualTo(Ssl.NOTHING);
            assertThat(client.inInit()).isTrue();
            assertFails(client, write(client, "x"), SslError.SYSCALL);
            assertFails(client, read(client, 10), SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }

        @Test
        @DisplayName("close frees an engine whose handshake failed to begin")
        void closeAfterFailedBegin() {
            clientEngines.setup = e -> e.failOn(TestEngine.Op.BEGIN, EngineException.of(SslReason.INTERNAL_ERROR, "no", null));
            client.connect();
            client.close();
            assertThat(clientEngines.engine().closeCalls).isEqualTo(1);
        }

        @Test
        @DisplayName("an engine that throws from close leaves an internal error entry, and nothing is thrown")
        void engineCloseThrows() {
            handshake();
            RuntimeException boom = new IllegalStateException("close");
            clientEngines.engine().failOn(TestEngine.Op.CLOSE, boom);
            assertThatCode(client::close).doesNotThrowAnyException();
            SslErrorEntry e = SslErrorQueue.peek();
            assertThat(e.reason()).isEqualTo(SslReason.INTERNAL_ERROR);
            assertThat(e.detail()).startsWith("engine close: ");
            assertThat(e.cause()).isSameAs(boom);
        }

        @Test
        @DisplayName("close before any handshake has no engine to free")
        void closeFresh() {
            assertThatCode(client::close).doesNotThrowAnyException();
            assertThat(clientEngines.made).isEmpty();
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }
    }
}
