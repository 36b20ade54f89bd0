package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslVersion;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * The key log against libssl's own: {@code openssl s_server} and {@code s_client} with {@code -keylogfile} write what
 * {@code SSL_CTX_set_keylog_callback} gives them; our side of the same connection must log the same lines
 * (KEYLOG-6).
 *
 * <p>Needs the {@code openssl} command-line tool, as {@link OpenSslTestBase} says.
 */
class OpenSslKeylogTest extends OpenSslTestBase {

    @EngineTest
    @DisplayName("KEYLOG-6 against s_server -keylogfile, TLS 1.2 and 1.3: our client logs exactly the lines libssl's server wrote")
    void client(String engine) throws IOException {
        logsAsLibssl(engine, false);
    }

    @EngineTest
    @DisplayName("KEYLOG-6 against s_client -keylogfile, TLS 1.2 and 1.3: our server logs exactly the lines libssl's client wrote")
    void server(String engine) throws IOException {
        logsAsLibssl(engine, true);
    }

    /** One connection per version between our side ({@code ourServer} or our client) and libssl's, both logging. */
    private static void logsAsLibssl(String engine, boolean ourServer) throws IOException {
        TestEngines.assumeCapability(engine, Capability.KEYLOG);
        for (int version : new int[] {SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION}) {
            Path file = dir.resolve("keylog-" + ourServer + "-" + engine + "-" + version + ".txt");
            List<String> ours = new CopyOnWriteArrayList<>();
            TestContexts.Builder b = ourServer ? TestContexts.server(engine) : TestContexts.client(engine);
            try (SslCtx ctx = b.only(version).build()) {
                ctx.setKeylogCallback((ssl, line) -> ours.add(line));
                if (ourServer) {
                    try (ServerSocketChannel listener = SocketConnection.listen();
                            OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-keylogfile",
                                    file.toString());
                            SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
                        exchange(conn, client, "s_client", "keylog");
                    }
                } else {
                    try (OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()),
                            "-naccept", "1", "-keylogfile", file.toString()));
                            SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
                        server.awaitStdout("CIPHER is", WAIT);
                        exchange(conn, server, "s_server", "keylog");
                    }
                }
                assertSameLines(ours, file, version);
            }
        }
    }

    /** The lines of libssl's key-log file (its comment line left out) are ours, in some order. */
    private static void assertSameLines(List<String> ours, Path file, int version) throws IOException {
        List<String> theirs = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertThat(theirs).as("libssl's lines, " + SslVersion.name(version)).isNotEmpty();
        assertThat(ours).as(SslVersion.name(version)).containsExactlyInAnyOrderElementsOf(theirs);
    }
}
