package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslReason;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Key update and renegotiation started by s_client's interactive commands against our server: {@code k}/{@code K}
 * (s_client prints {@code KEYUPDATE} on stderr and sends the KeyUpdate with its next data) and {@code R} (prints
 * {@code RENEGOTIATING}; the ClientHello goes out with its next read or write). s_client runs without
 * {@code -quiet}, which would turn the commands off ({@code -ign_eof}).
 *
 * <p>Needs the {@code openssl} command-line tool: without it these tests fail, unless
 * {@code -Dlibssl4j.skipOpenssl=true} (see {@link OpenSslProcess}).
 */
class OpenSslClientCommandsTest extends OpenSslTestBase {
    @EngineTest
    @DisplayName("R12.3 s_client's 'k' (KeyUpdate, update_not_requested) on TLS 1.3: our server absorbs it and the connection keeps moving data")
    void keyUpdateNotRequested(String engine) throws Exception {
        keyUpdate(engine, "k");
    }

    @EngineTest
    @DisplayName("R12.3 s_client's 'K' (KeyUpdate, update_requested) on TLS 1.3: our server absorbs it, answers with its own KeyUpdate, and the connection keeps moving data")
    void keyUpdateRequested(String engine) throws Exception {
        keyUpdate(engine, "K");
    }

    private void keyUpdate(String engine, String command) throws Exception {
        try (SslCtx ctx = TestContexts.server(engine).tls13().build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-tls1_3", "-msg");
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            exchange(conn, client, "s_client", "before");
            client.writeLine(command);
            client.awaitStderr("KEYUPDATE", WAIT);
            exchange(conn, client, "s_client", "after");
            exchange(conn, client, "s_client", "and again");
            String out = client.stdoutText();
            assertThat(OpenSslProcess.count(out, ">>> TLS 1.3, Handshake [length 0005], KeyUpdate")).as("KeyUpdates s_client sent" + client.describe())
                    .isEqualTo(1);
            assertThat(OpenSslProcess.count(out, "<<< TLS 1.3, Handshake [length 0005], KeyUpdate")).as("KeyUpdates s_client received from us"
                    + client.describe()).isEqualTo(command.equals("K") ? 1 : 0);
            Ssl ssl = conn.ssl();
            assertThat(ssl.getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(ssl.shutdown()).isZero();
            SocketConnection.Result r = conn.readResult(new byte[100]);
            assertThat(r.error()).as("s_client answers our close_notify: " + r + conn.why()).isEqualTo(SslError.ZERO_RETURN);
        }
    }

    @EngineTest
    @DisplayName("R11.10 s_client's 'R' (client-initiated renegotiation) on TLS 1.2: our server answers with a no_renegotiation warning, s_client fails with no renegotiation and sends handshake_failure, our read returns 0/SSL")
    void clientRenegotiationRefused(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION_CONTROL);
        assertThat(clientRenegotiation(engine)).isEqualTo(Outcome.REFUSED_LIKE_LIBSSL);
    }

    @EngineTest
    @DisplayName("R11.10 R15.7 s_client's 'R' (client-initiated renegotiation) on TLS 1.2, any engine: refused as libssl does (R11.10), refused with a fatal alert and -1/SSL, or renegotiated with data flowing afterwards; never a hang")
    void clientRenegotiationAnyEngine(String engine) throws Exception {
        Outcome outcome = clientRenegotiation(engine);
        System.out.println("client-initiated renegotiation, engine " + engine + ": " + outcome);
    }

    /** What a server did with a client's renegotiation. */
    enum Outcome { REFUSED_LIKE_LIBSSL, REFUSED_FATALLY, RENEGOTIATED }

    private Outcome clientRenegotiation(String engine) throws Exception {
        try (SslCtx ctx = TestContexts.server(engine).tls12().build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-tls1_2", "-msg");
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            exchange(conn, client, "s_client", "before");
            client.writeLine("R");
            client.awaitStderr("RENEGOTIATING", WAIT);
            client.writeLine("from s_client after");
            Ssl ssl = conn.ssl();
            byte[] buf = new byte[100];
            SocketConnection.Result r = conn.readResult(buf);
            String what = r + conn.why();
            if (r.ret() > 0) {
                // The engine renegotiated: libssl does only with SSL_OP_ALLOW_CLIENT_RENEGOTIATION.
                assertThat(new String(buf, 0, r.ret(), StandardCharsets.US_ASCII)).as(what).isEqualTo("from s_client after\n");
                exchange(conn, client, "s_client", "after");
                String out = client.stdoutText();
                assertThat(OpenSslProcess.count(out, ">>> TLS 1.2, Handshake")).as(what).isPositive();
                assertThat(OpenSslProcess.count(out, "], ClientHello")).as("ClientHellos s_client sent" + what).isEqualTo(2);
                assertThat(OpenSslProcess.count(out, "], Finished")).as("Finished messages (2 per handshake)" + what).isEqualTo(4);
                return Outcome.RENEGOTIATED;
            }
            if (r.ret() == 0) {
                // R11.10: our no_renegotiation warning; s_client fails and sends handshake_failure (R09.3 here).
                assertThat(r.error()).as(what).isEqualTo(SslError.SSL);
                assertThat(r.reason()).as(what).isEqualTo(SslReason.SSLV3_ALERT_HANDSHAKE_FAILURE);
                client.awaitStdout("<<< TLS 1.2, Alert [length 0002], warning no_renegotiation", WAIT);
                client.awaitStderr(":no renegotiation:", WAIT);
                assertThat(ssl.getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
                return Outcome.REFUSED_LIKE_LIBSSL;
            }
            // A fatal refusal: -1/SSL with a reason and the connection failed (R15.7).
            assertThat(r.ret()).as(what).isEqualTo(-1);
            assertThat(r.error()).as(what).isEqualTo(SslError.SSL);
            assertThat(r.queue()).as(what).isNotEmpty();
            var capabilities = org.libssl4j.Engines.get(engine).capabilities();
            if (capabilities.contains(Capability.RENEGOTIATION)) {
                // The engine would follow it, so the state machine refuses (R11.10): "no renegotiation", with the
                // fatal alert only where the engine can seal a chosen one.
                assertThat(r.reason()).as(what).isEqualTo(SslReason.NO_RENEGOTIATION);
                if (capabilities.contains(Capability.ALERT_ON_REQUEST)) {
                    client.awaitStdout("<<< TLS 1.2, Alert [length 0002], fatal no_renegotiation", WAIT);
                }
            } else {
                // The engine's own refusal (conscrypt: BoringSSL's fatal no_renegotiation).
                client.awaitStdout("<<< TLS 1.2, Alert [length 0002], fatal", WAIT);
            }
            SocketConnection.Result later = conn.readResult(buf);
            assertThat(later.error()).as("R15.7 later read: " + later).isEqualTo(SslError.SYSCALL);
            assertThat(later.queue()).as("R15.7 later read").isEmpty();
            return Outcome.REFUSED_FATALLY;
        }
    }
}
