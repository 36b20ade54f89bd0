package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Client certificates from files (VERIFY-13): {@code SSL_CTX_use_certificate_chain_file},
 * {@code SSL_CTX_use_PrivateKey_file} and {@code SSL_CTX_load_verify_locations} set up both sides of client
 * authentication against openssl, as a C program does, with no object-based setter.
 *
 * <p>Needs the {@code openssl} command-line tool (see {@link OpenSslProcess}).
 */
class OpenSslClientCertFilesTest extends OpenSslTestBase {

    static Stream<Arguments> cases() {
        return TestEngines.names().flatMap(engine -> Stream.of("TLSv1.2", "TLSv1.3").map(v -> Arguments.of(engine, v)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @DisplayName("VERIFY-13 a client whose certificate, key and trust come from PEM files is verified by s_server -Verify 1 -CAfile; a server set up from files with PEER | FAIL_IF_NO_PEER_CERT verifies s_client -cert -key and sees its certificate (capability CLIENT_AUTH)")
    @MethodSource("cases")
    void fromFiles(String engine, String version) throws Exception {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            assertThat(ctx.useCertificateChainFile(pems.client().certificateChain())).isEqualTo(1);
            assertThat(ctx.usePrivateKeyFile(pems.client().privateKey(), SslCtx.FILETYPE_PEM)).isEqualTo(1);
            assertThat(ctx.checkPrivateKey()).isEqualTo(1);
            assertThat(ctx.loadVerifyLocations(pems.ca().certificateChain())).isEqualTo(1);
            try (OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()),
                            "-Verify", "1", "-CAfile", pems.ca().certificateChain().toString(), Pems.versionFlag(version),
                            "-naccept", "1"));
                    SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
                exchange(conn, server, "s_server", "files");
                server.awaitStdout("Client certificate", WAIT);
                server.awaitStderr("verify return:1", WAIT); // s_server's verify callback prints to stderr
                assertThat(conn.ssl().getVersion()).isEqualTo(version);
            }
        }
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
                ServerSocketChannel listener = SocketConnection.listen()) {
            assertThat(ctx.useCertificateChainFile(pems.rsa().certificateChain())).isEqualTo(1);
            assertThat(ctx.usePrivateKeyFile(pems.rsa().privateKey(), SslCtx.FILETYPE_PEM)).isEqualTo(1);
            assertThat(ctx.loadVerifyLocations(pems.ca().certificateChain())).isEqualTo(1);
            ctx.setVerify(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT, null);
            try (OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), OpenSslBulkTest.concat(
                            Pems.certKey(pems.client()), "-quiet", Pems.versionFlag(version)));
                    SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
                assertThat(conn.ssl().getPeerCertificate()).isEqualTo(TestCerts.client().certificate());
                assertThat(conn.ssl().getVerifyResult()).isZero();
            }
        }
    }
}
