package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslReason;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.ForwardingBio;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Renegotiation and key update started by s_server's interactive commands ({@code r}, {@code R}, {@code k},
 * {@code K} on its stdin; s_server prints {@code SSL_do_handshake -> 1} once it has sent the HelloRequest or the
 * KeyUpdate, and with {@code -msg} every handshake message it sends ({@code >>>}) and receives ({@code <<<})).
 *
 * <p>Needs the {@code openssl} command-line tool: without it these tests fail, unless
 * {@code -Dlibssl4j.skipOpenssl=true} (see {@link OpenSslProcess}).
 */
class OpenSslCommandsTest extends OpenSslTestBase {
    private static OpenSslProcess sServer(String versionFlag) {
        return OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()), versionFlag, "-naccept", "1", "-msg"));
    }

    @EngineTest
    @DisplayName("R11.4 R11.5 s_server's 'r' (HelloRequest) on TLS 1.2: an engine with RENEGOTIATION renegotiates and the connection keeps moving data")
    void renegotiate(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        renegotiation(engine, "r", false);
    }

    @EngineTest
    @DisplayName("R11.4 R11.5 s_server's 'R' (HelloRequest, then a CertificateRequest) on TLS 1.2: an engine with RENEGOTIATION renegotiates, offering its session as libssl's client does (resumed: no CertificateRequest; else it presents its client certificate), and the connection keeps moving data")
    void renegotiateWithClientCert(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        renegotiation(engine, "R", true);
    }

    private void renegotiation(String engine, String command, boolean clientCert) {
        TestContexts.Builder c = TestContexts.client(engine).tls12();
        if (clientCert) {
            c.identity(TestCerts.client());
        }
        try (SslCtx ctx = c.build();
                OpenSslProcess server = sServer("-tls1_2");
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            exchange(conn, server, "s_server", "before");
            server.writeLine(command);
            server.awaitStdout("SSL_do_handshake -> 1", WAIT);
            assertThat(server.stdoutText()).contains(">>> TLS 1.2, Handshake [length 0004], HelloRequest");
            // Our read takes the HelloRequest and drives the new handshake; s_server then sends a line.
            exchange(conn, server, "s_server", "after");
            String out = server.stdoutText();
            assertThat(OpenSslProcess.count(out, "], ClientHello")).as("ClientHellos s_server received" + server.describe()).isEqualTo(2);
            assertThat(OpenSslProcess.count(out, "], Finished")).as("Finished messages (2 per handshake)" + server.describe()).isEqualTo(4);
            // A full handshake has a ServerKeyExchange; an abbreviated one (a resumption) has none.
            boolean resumed = OpenSslProcess.count(out, "], ServerKeyExchange") == 1;
            if (clientCert && !resumed) {
                assertThat(out).as(server.describe()).contains(">>> TLS 1.2, Handshake", "], CertificateRequest")
                        .contains("<<< TLS 1.2, Handshake", "], CertificateVerify");
            } else if (clientCert) {
                // libssl's TLS client answers a HelloRequest with an abbreviated handshake (R11.5): no certificate
                assertThat(out).as(server.describe()).doesNotContain("], CertificateRequest");
            }
            assertThat(conn.ssl().isInitFinished()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R11.8 R11.9 R15.7 s_server's 'r' (HelloRequest) on TLS 1.2 to an engine without RENEGOTIATION: refused with libssl's no_renegotiation warning (data goes on, then s_server's handshake_failure: 0/SSL) or failed at once with -1/SSL and a reason; never a hang")
    void renegotiationRefused(String engine) {
        TestEngines.assumeLacks(engine, Capability.RENEGOTIATION);
        try (SslCtx ctx = TestContexts.client(engine).tls12().build();
                OpenSslProcess server = sServer("-tls1_2");
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            exchange(conn, server, "s_server", "before");
            server.writeLine("r");
            server.awaitStdout("SSL_do_handshake -> 1", WAIT);
            server.writeLine("from s_server after");
            Ssl ssl = conn.ssl();
            SocketConnection.Result first = conn.readResult(new byte[100]);
            if (first.ret() > 0) {
                // libssl's refusal (R11.8): a no_renegotiation warning, and the data that follows is returned ...
                assertThat(first.ret()).as("R11.8 the data after the HelloRequest").isEqualTo("from s_server after\n".length());
                server.awaitStdout("<<< TLS 1.2, Alert [length 0002], warning no_renegotiation", WAIT);
                // ... then s_server fails with "no renegotiation" and sends handshake_failure (R11.9).
                server.awaitStderr("no renegotiation", WAIT);
                SocketConnection.Result alert = conn.readResult(new byte[100]);
                assertThat(alert.ret()).as("R11.9 read after s_server's alert: " + alert + conn.why()).isZero();
                assertThat(alert.error()).as("R11.9 " + alert + conn.why()).isEqualTo(SslError.SSL);
                assertThat(alert.reason()).as("R11.9 " + alert).isEqualTo(SslReason.SSLV3_ALERT_HANDSHAKE_FAILURE);
                assertThat(ssl.getShutdown() & Ssl.RECEIVED_SHUTDOWN).as("R09.3 RECEIVED_SHUTDOWN").isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            } else {
                // The engine cannot answer with a warning: the read fails cleanly, with a reason, and the connection
                // is failed (R15.7); s_server gets a fatal alert.
                assertThat(first.ret()).as("read at the HelloRequest: " + first + conn.why()).isEqualTo(-1);
                assertThat(first.error()).as("read at the HelloRequest: " + first + conn.why()).isEqualTo(SslError.SSL);
                assertThat(first.queue()).as("a reason on the queue").isNotEmpty();
                server.awaitStdout("<<< TLS 1.2, Alert [length 0002], fatal", WAIT);
                SocketConnection.Result later = conn.readResult(new byte[100]);
                assertThat(later.error()).as("R15.7 later read: " + later).isEqualTo(SslError.SYSCALL);
                assertThat(later.queue()).as("R15.7 later read").isEmpty();
            }
            assertThat(server.awaitExit(WAIT)).as(server.describe()).isZero();
        }
    }

    @EngineTest
    @DisplayName("R12.3 s_server's 'k' (KeyUpdate, update_not_requested) on TLS 1.3: every engine absorbs it and the connection keeps moving data")
    void keyUpdateNotRequested(String engine) {
        keyUpdate(engine, "k");
    }

    @EngineTest
    @DisplayName("R12.3 s_server's 'K' (KeyUpdate, update_requested) on TLS 1.3: every engine absorbs it, answers with its own KeyUpdate, and the connection keeps moving data")
    void keyUpdateRequested(String engine) {
        keyUpdate(engine, "K");
    }

    @EngineTest
    @DisplayName("R12.7 a read that takes in a KeyUpdate(update_requested) writes nothing, even into a full transport; the answer goes out with the next write")
    void keyUpdateAnsweredByTheNextWrite(String engine) {
        try (SslCtx ctx = TestContexts.client(engine).tls13().build();
                OpenSslProcess server = sServer("-tls1_3");
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            exchange(conn, server, "s_server", "before");
            int received = keyUpdatesReceived(server);
            Ssl ssl = conn.ssl();
            Bio socket = ssl.getWbio();
            FullTransport full = new FullTransport(socket);
            ssl.setWbio(full);
            server.writeLine("K");
            server.awaitStdout("SSL_do_handshake -> 1", WAIT);
            server.writeLine("data");
            // Any read that wanted to write would return WANT_WRITE here, and readExactly accepts only WANT_READ.
            assertThat(new String(conn.readExactly(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("data\n");
            assertThat(full.writes).as("writes the reads tried").isZero();
            assertThat(keyUpdatesReceived(server))
                    .as("KeyUpdates s_server received before our next write").isEqualTo(received);
            ssl.setWbio(socket);
            exchange(conn, server, "s_server", "after");
            assertThat(keyUpdatesReceived(server) - received)
                    .as("KeyUpdates s_server received with our next write" + server.describe()).isEqualTo(1);
        }
    }

    /** A transport that takes nothing: every write asks to be retried, as a full socket does. */
    private static final class FullTransport extends ForwardingBio {
        int writes;

        FullTransport(Bio socket) {
            super(socket);
        }

        @Override
        public int write(byte[] b, int off, int len) {
            writes++;
            return -1;
        }

        @Override
        public boolean shouldRetry() {
            return true;
        }

        @Override
        public boolean shouldRead() {
            return false;
        }

        @Override
        public boolean shouldWrite() {
            return true;
        }

        @Override
        public void close() {
            // The socket stays the connection's: it is put back as the write BIO.
        }
    }

    /** The KeyUpdate messages s_server has received so far, as its {@code -msg} trace shows them. */
    private static int keyUpdatesReceived(OpenSslProcess server) {
        return OpenSslProcess.count(server.stdoutText(), "<<< TLS 1.3, Handshake [length 0005], KeyUpdate");
    }

    private void keyUpdate(String engine, String command) {
        try (SslCtx ctx = TestContexts.client(engine).tls13().build();
                OpenSslProcess server = sServer("-tls1_3");
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            exchange(conn, server, "s_server", "before");
            int received = keyUpdatesReceived(server);
            server.writeLine(command);
            server.awaitStdout("SSL_do_handshake -> 1", WAIT);
            assertThat(server.stdoutText()).as(server.describe()).contains(">>> TLS 1.3, Handshake [length 0005], KeyUpdate");
            exchange(conn, server, "s_server", "after");
            exchange(conn, server, "s_server", "and again");
            int answered = keyUpdatesReceived(server) - received;
            assertThat(answered).as("KeyUpdates s_server received from us after its " + command + server.describe())
                    .isEqualTo(command.equals("K") ? 1 : 0);
            Ssl ssl = conn.ssl();
            assertThat(ssl.getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(ssl.shutdown()).isZero();
            SocketConnection.Result r = conn.readResult(new byte[100]);
            assertThat(r.error()).as("s_server answers our close_notify: " + r + conn.why()).isEqualTo(SslError.ZERO_RETURN);
        }
    }
}
