package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslSession;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Sessions against the openssl tool (SESS-3): our client resumes with {@code openssl s_server}, which says "Reused
 * session-id"; {@code openssl s_client -sess_out} then {@code -sess_in} resumes with our server and says "Reused".
 */
class OpenSslSessionTest extends OpenSslTestBase {
    static Stream<org.junit.jupiter.params.provider.Arguments> engineAndVersion() {
        return OpenSslFaultTest.engineAndVersion();
    }

    private static void assumeResumes(String engine, String version) {
        if (version.equals("TLSv1.3")) {
            TestEngines.assumeCapability(engine, Capability.TLS1_3_RESUMPTION);
        }
    }

    @ParameterizedTest(name = "[{0} client, {1}]")
    @DisplayName("SESS-3 OPENSSL-INTEROP our client offers its first session to s_server (setSession) and resumes it: sessionReused, and s_server says Reused session-id")
    @MethodSource("engineAndVersion")
    void ourClientResumes(String engine, String version) {
        assumeResumes(engine, version);
        try (SslCtx ctx = TestContexts.client(engine).only(version).build();
                OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()),
                        Pems.versionFlag(version), "-naccept", "2"))) {
            SslSession first;
            try (SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
                exchange(conn, server, "s_server", "first");
                assertThat(conn.ssl().sessionReused()).isFalse();
                first = conn.ssl().getSession();
                assertThat(first.isResumable()).isTrue();
                conn.ssl().shutdown(); // a connection that ends without close_notify may leave s_server's cache
            }
            try (SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe)) {
                conn.ssl().setSession(first);
                conn.handshake();
                exchange(conn, server, "s_server", "second");
                assertThat(conn.ssl().sessionReused()).as("our client").isTrue();
            }
            server.awaitStdout("Reused session-id", WAIT);
            assertThat(OpenSslProcess.count(server.stdoutText(), "Reused session-id")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "[{0} server, {1}]")
    @DisplayName("SESS-3 OPENSSL-INTEROP s_client -sess_out then -sess_in resumes with our server: s_client says Reused, our server sessionReused")
    @MethodSource("engineAndVersion")
    void openSslClientResumes(String engine, String version) throws Exception {
        assumeResumes(engine, version);
        Path sess = dir.resolve("session-" + engine + "-" + version + ".pem");
        try (SslCtx ctx = TestContexts.server(engine).only(version).build();
                ServerSocketChannel listener = SocketConnection.listen()) {
            try (OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener),
                        Pems.versionFlag(version), "-sess_out", sess.toString());
                    SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
                exchange(conn, client, "s_client", "first");
                assertThat(conn.ssl().sessionReused()).isFalse();
                assertThat(client.stdoutText()).contains("New, " + version);
            }
            assertThat(sess).exists();
            try (OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener),
                        Pems.versionFlag(version), "-sess_in", sess.toString());
                    SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
                exchange(conn, client, "s_client", "second");
                assertThat(conn.ssl().sessionReused()).as("our server").isTrue();
                assertThat(client.stdoutText()).contains("Reused, " + version);
            }
        }
    }
}
