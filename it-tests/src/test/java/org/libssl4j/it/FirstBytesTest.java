package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;

/**
 * What a connection does with a first record that is not the TLS it waits for: HTTP, proxy requests, other
 * bytes, an incomplete header, an overlong header, the wrong record or message type (R10). The peer is played by
 * the test through two memory BIOs, so that what the connection writes back (an alert, or nothing) is seen as is.
 */
class FirstBytesTest {

    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;
    private static final int ALERT_UNEXPECTED_MESSAGE = 10;
    private static final int ALERT_RECORD_OVERFLOW = 22;

    /** A server connection in the accept state reading {@code in} and writing {@code out}. */
    private static final class Server implements AutoCloseable {
        final SslCtx ctx;
        final Ssl ssl;
        final MemBio in = MemBio.create();
        final MemBio out = MemBio.create();

        Server(String engine) {
            ctx = TestContexts.server(engine).build();
            ssl = ctx.newSsl();
            ssl.setBio(in, out);
            ssl.setAcceptState();
        }

        /** Puts {@code bytes} where the server reads, then calls {@code accept()}. */
        int feedAndAccept(byte[] bytes) {
            in.write(bytes, 0, bytes.length);
            SslErrorQueue.clear();
            return ssl.accept();
        }

        @Override
        public void close() {
            ssl.close();
            ctx.close();
        }
    }

    /** A client connection that has sent its ClientHello (drained from {@code out}) and waits on {@code in}. */
    private static final class Client implements AutoCloseable {
        final SslCtx ctx;
        final Ssl ssl;
        final MemBio in = MemBio.create();
        final MemBio out = MemBio.create();

        Client(String engine) {
            ctx = TestContexts.client(engine).build();
            ssl = ctx.newSsl();
            ssl.setBio(in, out);
            ssl.setConnectState();
            ssl.setTlsextHostName(TestCerts.HOST);
            assertResult(ssl, ssl.connect(), -1, SslError.WANT_READ);
            assertThat(out.drain().length).as("ClientHello bytes").isGreaterThan(0);
        }

        @Override
        public void close() {
            ssl.close();
            ctx.close();
        }
    }

    /** Asserts the server's first record was refused with {@code reason} and that nothing was written back. */
    private static void assertRefusedSilently(String engine, byte[] first, int reason, String text) {
        try (Server s = new Server(engine)) {
            assertResult(s.ssl, s.feedAndAccept(first), -1, SslError.SSL);
            assertReason(reason, text);
            assertThat(s.out.pending()).as("bytes written back (no alert expected)").isZero();
        }
        SslErrorQueue.clear();
    }

    /** Asserts the server's first record was refused with {@code reason} and a plaintext fatal {@code alert}. */
    private static void assertRefusedWithAlert(String engine, byte[] first, int reason, String text, int alert) {
        try (Server s = new Server(engine)) {
            assertResult(s.ssl, s.feedAndAccept(first), -1, SslError.SSL);
            assertReason(reason, text);
            byte[] sent = s.out.drain();
            assertThat(sent.length).as("bytes written back: one plaintext alert record").isEqualTo(7);
            assertThat(sent[0]).as("record type").isEqualTo((byte) ALERT);
            assertThat(sent[1]).as("record major version").isEqualTo((byte) 3);
            assertThat((sent[3] << 8) | sent[4]).as("record length").isEqualTo(2);
            assertThat(sent[5]).as("alert level (fatal)").isEqualTo((byte) 2);
            assertThat(sent[6] & 0xFF).as("alert description").isEqualTo(alert);
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("R10.1 a first record starting GET, POST, HEAD or PUT fails accept with http request and no alert")
    void httpRequest(String engine) {
        for (String method : new String[] {"GET", "POST", "HEAD", "PUT"}) {
            byte[] request = Fixtures.ascii(method + " / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertRefusedSilently(engine, request, SslReason.HTTP_REQUEST, "http request");
        }
    }

    @EngineTest
    @DisplayName("R10.2 a first record starting CONNE fails accept with https proxy request and no alert")
    void proxyRequest(String engine) {
        byte[] request = Fixtures.ascii("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n");
        assertRefusedSilently(engine, request, SslReason.HTTPS_PROXY_REQUEST, "https proxy request");
    }

    @EngineTest
    @DisplayName("R10.3 other bytes that are not a TLS header (text, zeros, major version 4) give wrong version number and no alert")
    void notTls(String engine) {
        byte[][] firsts = {
            Fixtures.ascii("hello there, this is not TLS\r\n"),
            Fixtures.ascii("GETX / HTTP/1.1\r\n\r\n"),
            new byte[32],
            {HANDSHAKE, 4, 1, 0, 4, 1, 0, 0, 0},
        };
        for (byte[] first : firsts) {
            assertRefusedSilently(engine, first, SslReason.WRONG_VERSION_NUMBER, "wrong version number");
        }
    }

    @EngineTest
    @DisplayName("R10.4 fewer than 5 bytes want to read with has_pending 1; the rest of the header then decides")
    void incompleteHeader(String engine) {
        byte[][] starts = {{HANDSHAKE}, {HANDSHAKE, 3, 1}, {HANDSHAKE, 3, 1, 0}, Fixtures.ascii("GET")};
        for (byte[] start : starts) {
            try (Server s = new Server(engine)) {
                assertResult(s.ssl, s.feedAndAccept(start), -1, SslError.WANT_READ);
                assertThat(s.ssl.hasPending()).as("has_pending after " + start.length + " bytes").isTrue();
                assertThat(s.ssl.pending()).isZero();
                assertThat(s.out.pending()).as("bytes written back").isZero();
                assertResult(s.ssl, s.ssl.accept(), -1, SslError.WANT_READ);
                assertThat(s.ssl.hasPending()).isTrue();
            }
        }
        // The header completed later is judged as a whole: "GET" + " /" is an HTTP request.
        try (Server s = new Server(engine)) {
            assertResult(s.ssl, s.feedAndAccept(Fixtures.ascii("GET")), -1, SslError.WANT_READ);
            assertResult(s.ssl, s.feedAndAccept(Fixtures.ascii(" / HTTP/1.1\r\n\r\n")), -1, SslError.SSL);
            assertReason(SslReason.HTTP_REQUEST, "http request");
            assertThat(s.out.pending()).isZero();
        }
    }

    @EngineTest
    @DisplayName("R10.5 a handshake record header with a length over the maximum gives packet length too long and a plaintext record_overflow alert")
    void overlongFirstRecord(String engine) {
        for (int length : new int[] {0x4801, 0xFFFF}) {
            byte[] header = {HANDSHAKE, 3, 1, (byte) (length >> 8), (byte) length};
            assertRefusedWithAlert(engine, header, SslReason.PACKET_LENGTH_TOO_LONG, "packet length too long",
                    ALERT_RECORD_OVERFLOW);
        }
    }

    @EngineTest
    @DisplayName("R10.6 application data or an alert before the ClientHello, or another handshake message, give unexpected message and a plaintext unexpected_message alert")
    void unexpectedFirstMessage(String engine) {
        byte[][] firsts = {
            {APPLICATION_DATA, 3, 3, 0, 5, 1, 2, 3, 4, 5},
            {ALERT, 3, 1, 0, 2, 1, 0},
            {HANDSHAKE, 3, 1, 0, 4, 2, 0, 0, 0}, // a ServerHello header
            {HANDSHAKE, 3, 3, 0, 4, 20, 0, 0, 0}, // a Finished header
        };
        for (byte[] first : firsts) {
            assertRefusedWithAlert(engine, first, SslReason.UNEXPECTED_MESSAGE, "unexpected message",
                    ALERT_UNEXPECTED_MESSAGE);
        }
    }

    @EngineTest
    @DisplayName("R10.9 a handshake whose record read failed waits on the read, fatal failures included: want() is READING (an HTTP request, EOF mid-handshake)")
    void failedHandshakeReadWantsRead(String engine) {
        try (Server s = new Server(engine)) {
            assertResult(s.ssl, s.feedAndAccept(Fixtures.ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), -1, SslError.SSL);
            assertReason(SslReason.HTTP_REQUEST, "http request");
            assertThat(s.ssl.want()).isEqualTo(Ssl.READING);
        }
        try (Client c = new Client(engine)) {
            c.in.setMemEofReturn(0); // the transport reaches end of stream
            SslErrorQueue.clear();
            assertResult(c.ssl, c.ssl.connect(), -1, SslError.SSL);
            assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
            assertThat(c.ssl.want()).isEqualTo(Ssl.READING);
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("R10.10 a first record refused for its type or first message is read whole: its body leaves the BIO and has_pending is 0")
    void refusedFirstRecordIsReadWhole(String engine) {
        byte[][] firsts = {
            {APPLICATION_DATA, 3, 3, 0, 5, 'h', 'e', 'l', 'l', 'o'},
            {HANDSHAKE, 3, 1, 0, 4, 2, 0, 0, 0}, // a ServerHello
        };
        for (byte[] first : firsts) {
            try (Server s = new Server(engine)) {
                assertResult(s.ssl, s.feedAndAccept(first), -1, SslError.SSL);
                assertReason(SslReason.UNEXPECTED_MESSAGE, "unexpected message");
                assertThat(s.in.pending()).as("bytes left in the read BIO").isZero();
                assertThat(s.ssl.hasPending()).isFalse();
                assertThat(s.out.drain()).hasSize(7);
            }
            SslErrorQueue.clear();
        }
    }

    @EngineTest
    @DisplayName("R10.8 a client whose first record is HTTP/1.1 ... fails with wrong version number and sends no alert")
    void clientGetsHttp(String engine) {
        try (Client c = new Client(engine)) {
            byte[] reply = Fixtures.ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            c.in.write(reply, 0, reply.length);
            SslErrorQueue.clear();
            assertResult(c.ssl, c.ssl.connect(), -1, SslError.SSL);
            assertReason(SslReason.WRONG_VERSION_NUMBER, "wrong version number");
            assertThat(c.out.pending()).as("bytes written back (no alert expected)").isZero();
        }
    }
}
