package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Client certificates with verification required, SNI and ALPN, each as the openssl peer reports it: s_server prints
 * {@code Client certificate}, {@code Hostname in TLS extension: "localhost"} and {@code ALPN protocols advertised by
 * the client: ...}; s_client prints {@code ALPN protocol: ...}. (s_server negotiates no ALPN once {@code -servername}
 * has switched it to its second context, so SNI and ALPN are checked with separate servers.)
 *
 * <p>Needs the {@code openssl} command-line tool: without it these tests fail, unless
 * {@code -Dlibssl4j.skipOpenssl=true} (see {@link OpenSslProcess}).
 */
class OpenSslPeerInfoTest extends OpenSslTestBase {
    static Stream<org.junit.jupiter.params.provider.Arguments> engineAndVersion() {
        return OpenSslFaultTest.engineAndVersion();
    }


    private static OpenSslProcess verifyingServer(String version) {
        return OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()), Pems.versionFlag(version), "-naccept", "1",
                "-Verify", "1", "-CAfile", pems.ca().certificateChain().toString(), "-verify_return_error"));
    }

    @ParameterizedTest(name = "[{0} client, {1}]")
    @DisplayName("OPENSSL-INTEROP our client presents its certificate to s_server -Verify (verification required), which accepts it")
    @MethodSource("engineAndVersion")
    void clientCertificateToServer(String engine, String version) {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        try (SslCtx ctx = TestContexts.client(engine).identity(TestCerts.client()).only(version).build();
                OpenSslProcess server = verifyingServer(version);
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.writeLine("verified");
            conn.readUntil("verified\n");
            server.awaitStdout("Client certificate", WAIT);
            server.awaitStdout("CIPHER is", WAIT); // printed after the certificate; the pipe may not have it yet
            server.awaitStderr("depth=0 O = libssl4j test, CN = libssl4j test client\nverify return:1", WAIT);
            assertThat(server.stderrText()).as(server.describe()).doesNotContain("verify error");
        }
    }

    @ParameterizedTest(name = "[{0} client, {1}]")
    @DisplayName("R09.3 our client without a certificate against s_server -Verify: s_server refuses it, and we get 0/SSL with its alert (certificate required on TLS 1.3, handshake failure on TLS 1.2), never a hang")
    @MethodSource("engineAndVersion")
    void noClientCertificate(String engine, String version) {
        try (SslCtx ctx = TestContexts.client(engine).only(version).build();
                OpenSslProcess server = verifyingServer(version);
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe)) {
            int r = conn.handshakeResult();
            SslError e;
            List<org.libssl4j.SslErrorEntry> queue;
            if (r == 1) {
                // TLS 1.3: the client is done before the server has checked its (empty) Certificate.
                SocketConnection.Result read = conn.readResult(new byte[100]);
                r = read.ret();
                e = read.error();
                queue = read.queue();
            } else {
                e = conn.ssl().getError(r);
                queue = SslErrorQueue.snapshot();
            }
            String what = r + "/" + e + " " + queue + server.describe();
            assertThat(e).as(what).isEqualTo(SslError.SSL);
            assertThat(queue).as(what).isNotEmpty();
            assertThat(queue.get(0).reason()).as(what).isEqualTo(version.equals("TLSv1.3")
                    ? SslReason.TLSV13_ALERT_CERTIFICATE_REQUIRED : SslReason.SSLV3_ALERT_HANDSHAKE_FAILURE);
            server.awaitStderr("peer did not return a certificate", WAIT);
        }
    }

    @ParameterizedTest(name = "[{0} server, {1}]")
    @DisplayName("OPENSSL-INTEROP our server requires a client certificate and verifies s_client's")
    @MethodSource("engineAndVersion")
    void clientCertificateFromClient(String engine, String version) throws Exception {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        try (SslCtx ctx = TestContexts.server(engine).requireClientCert().only(version).build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), OpenSslBulkTest.concat(
                        Pems.certKey(pems.client()), "-quiet", Pems.versionFlag(version)));
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            client.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            conn.readUntil("hello\n");
            assertThat(conn.ssl().getPeerCertificate()).isEqualTo(TestCerts.client().certificate());
        }
    }

    @ParameterizedTest(name = "[{0} server, {1}]")
    @DisplayName("OPENSSL-INTEROP our server requires a client certificate; s_client has none: our handshake fails with -1/SSL peer did not return a certificate, never a hang")
    @MethodSource("engineAndVersion")
    void clientWithoutCertificate(String engine, String version) throws Exception {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        try (SslCtx ctx = TestContexts.server(engine).requireClientCert().only(version).build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-quiet", Pems.versionFlag(version));
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe)) {
            int r = conn.handshakeResult();
            String what = r + " " + SslErrorQueue.snapshot() + client.describe();
            assertThat(r).as(what).isEqualTo(-1);
            assertThat(conn.ssl().getError(r)).as(what).isEqualTo(SslError.SSL);
            assertThat(SslErrorQueue.peek().reason()).as(what).isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        }
    }

    @EngineTest
    @DisplayName("OPENSSL-INTEROP SNI: s_server -servername reports the host name our client sends and switches context")
    void sniToServer(String engine) {
        TestEngines.assumeCapability(engine, Capability.SNI);
        try (SslCtx ctx = TestContexts.client(engine).build();
                OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()),
                        OpenSslBulkTest.concat(new String[] {"-cert2", pems.ec().certificateChain().toString(), "-key2",
                                pems.ec().privateKey().toString()}, "-servername", TestCerts.HOST, "-naccept", "1")));
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("Hostname in TLS extension: \"" + TestCerts.HOST + "\"", WAIT);
            server.awaitStdout("Switching server context.", WAIT);
            assertThat(conn.ssl().getPeerCertificate()).as("the certificate of the context SNI chose")
                    .isEqualTo(TestCerts.serverEc().certificate());
        }
    }

    @EngineTest
    @DisplayName("OPENSSL-INTEROP ALPN: s_server -alpn reports what our client offers and selects, and our client sees the selection")
    void alpnToServer(String engine) {
        TestEngines.assumeCapability(engine, Capability.ALPN);
        try (SslCtx ctx = TestContexts.client(engine).configure(c -> c.setAlpnProtos(List.of("h2", "http/1.1"))).build();
                OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()),
                        "-alpn", "http/1.1", "-naccept", "1"));
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("ALPN protocols advertised by the client: h2, http/1.1", WAIT);
            server.awaitStdout("ALPN protocols selected: http/1.1", WAIT);
            assertThat(conn.ssl().getAlpnSelected()).isEqualTo("http/1.1");
        }
    }

    @EngineTest
    @DisplayName("OPENSSL-INTEROP SNI and ALPN from s_client -servername -alpn: our server sees the name and selects the protocol s_client reports")
    void sniAndAlpnFromClient(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.SNI);
        TestEngines.assumeCapability(engine, Capability.ALPN);
        try (SslCtx ctx = TestContexts.server(engine).configure(c -> c.setAlpnProtos(List.of("http/1.1"))).build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-servername", TestCerts.HOST,
                        "-alpn", "h2,http/1.1");
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            assertThat(conn.ssl().getServername()).isEqualTo(TestCerts.HOST);
            assertThat(conn.ssl().getAlpnSelected()).isEqualTo("http/1.1");
            client.awaitStdout("ALPN protocol: http/1.1", WAIT);
        }
    }
}
