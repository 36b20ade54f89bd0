package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.SslCtx;
import org.libssl4j.SslOptions;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * {@code SSL_OP_NO_TLSv1_2} and {@code SSL_OP_NO_TLSv1_3} on the wire (OPT-2): against an {@code openssl} peer that
 * takes both versions, the option decides which one is negotiated, on our server and on our client.
 *
 * <p>Needs the {@code openssl} command-line tool (see {@link OpenSslProcess}).
 */
class OpenSslOptionsTest extends OpenSslTestBase {

    /** engine, whether our side is the server, the option set. */
    static Stream<Arguments> cases() {
        return TestEngines.names().flatMap(engine -> Stream.of(true, false).flatMap(server -> Stream.of(
                Arguments.of(engine, server, "NO_TLSv1_3"), Arguments.of(engine, server, "NO_TLSv1_2"))));
    }

    @ParameterizedTest(name = "[{0}] our server {1}, {2}")
    @DisplayName("OPT-2 NO_TLSv1_3 makes a connection with an openssl peer that takes both versions TLSv1.2, NO_TLSv1_2 makes it TLSv1.3, on our server and our client; both sides report it")
    @MethodSource("cases")
    void versionOptions(String engine, boolean server, String option) throws Exception {
        long bits = option.equals("NO_TLSv1_3") ? SslOptions.NO_TLSv1_3 : SslOptions.NO_TLSv1_2;
        String expected = option.equals("NO_TLSv1_3") ? "TLSv1.2" : "TLSv1.3";
        if (server) {
            try (SslCtx ctx = TestContexts.server(engine).configure(c -> c.setOptions(bits)).build();
                    ServerSocketChannel listener = SocketConnection.listen();
                    OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener));
                    SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
                assertThat(conn.ssl().getVersion()).isEqualTo(expected);
                client.awaitStdout("New, " + expected + ", Cipher is", WAIT);
            }
        } else {
            try (SslCtx ctx = TestContexts.client(engine).configure(c -> c.setOptions(bits)).build();
                    OpenSslProcess peer = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()), "-naccept", "1"));
                    SocketConnection conn = SocketConnection.connect(ctx, peer.port(), peer::describe).handshake()) {
                assertThat(conn.ssl().getVersion()).isEqualTo(expected);
                exchange(conn, peer, "s_server", option);
            }
        }
    }

    @org.libssl4j.it.EngineTest
    @DisplayName("R15.14 our server refuses s_client -tls1_2 -fallback_scsv (a downgrade signalled by TLS_FALLBACK_SCSV): s_client reads tlsv1 alert inappropriate fallback, our server fails with inappropriate fallback")
    void fallbackScsvFromSClient(String engine) throws Exception {
        try (SslCtx ctx = TestContexts.server(engine).build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-tls1_2", "-fallback_scsv");
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe)) {
            int r = conn.handshakeResult();
            assertThat(r).as(client.describe()).isEqualTo(-1);
            assertThat(org.libssl4j.SslErrorQueue.peek().reason()).isEqualTo(org.libssl4j.SslReason.INAPPROPRIATE_FALLBACK);
            client.awaitStderr("tlsv1 alert inappropriate fallback", WAIT);
        }
        org.libssl4j.SslErrorQueue.clear();
    }
}
