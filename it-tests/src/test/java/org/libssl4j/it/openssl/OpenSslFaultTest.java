package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * A peer that closes early, is killed, resets the connection, stalls mid-record or sends garbage, over real sockets:
 * the real {@code openssl} (killed, or told to close with s_server's {@code Q}), openssl behind a {@link RecordRelay}
 * that cuts or corrupts one of its records, or a plain Java socket. Each gets the answer docs/SEMANTICS.md gives, never a
 * hang: sockets have a 200 ms {@code SO_TIMEOUT} and every loop a deadline.
 *
 * <p>Needs the {@code openssl} command-line tool: without it these tests fail, unless
 * {@code -Dlibssl4j.skipOpenssl=true} (see {@link OpenSslProcess}).
 */
class OpenSslFaultTest extends OpenSslTestBase {
    static Stream<Arguments> engineAndVersion() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : TestEngines.names().collect(Collectors.toList())) {
            for (String version : new String[] {"TLSv1.3", "TLSv1.2"}) {
                cases.add(Arguments.of(engine, version));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> closes() {
        return engineAndVersion().flatMap(a -> Stream.of("kill", "Q").map(how -> Arguments.of(a.get()[0], a.get()[1], how)));
    }

    static Stream<Arguments> cuts() {
        return engineAndVersion().flatMap(a -> Stream.of(RecordRelay.Cut.STALL, RecordRelay.Cut.EOF, RecordRelay.Cut.RESET,
                RecordRelay.Cut.CORRUPT).map(cut -> Arguments.of(a.get()[0], a.get()[1], cut)));
    }

    static SslCtx clientCtx(String engine, String version) {
        return TestContexts.client(engine).only(version).build();
    }

    static SslCtx serverCtx(String engine, String version) {
        return TestContexts.server(engine).only(version).build();
    }

    static OpenSslProcess sServer(String version) {
        return OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()), Pems.versionFlag(version), "-naccept", "1"));
    }

    /** R08.1 and R08.3 on {@code ssl}: the read gave 0/SSL "unexpected eof while reading"; afterwards SYSCALL. */
    static void assertUnexpectedEof(SocketConnection conn, SocketConnection.Result r) {
        Ssl ssl = conn.ssl();
        assertThat(r.ret()).as("read at the peer's EOF: " + r + conn.why()).isZero();
        assertThat(r.error()).as("getError at the peer's EOF: " + r + conn.why()).isEqualTo(SslError.SSL);
        assertThat(r.reason()).as("reason: " + r.queue()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
        assertThat(ssl.getShutdown()).as("R08.1 getShutdown").isZero();
        // R08.3: the connection is failed.
        SslErrorQueue.clear();
        int w = ssl.write(new byte[] {1}, 0, 1);
        assertThat(w).as("R08.3 write afterwards").isEqualTo(-1);
        assertThat(ssl.getError(w)).as("R08.3 write afterwards").isEqualTo(SslError.SYSCALL);
        assertThat(SslErrorQueue.snapshot()).as("R08.3 queue after the write").isEmpty();
        int s = ssl.shutdown();
        assertThat(s).as("R08.3 shutdown afterwards").isEqualTo(-1);
        assertThat(ssl.getError(s)).isEqualTo(SslError.SSL);
        assertThat(SslErrorQueue.peek().reason()).as("R08.3 shutdown reason " + SslErrorQueue.snapshot())
                .isEqualTo(SslReason.SHUTDOWN_WHILE_IN_INIT);
    }

    // ---- the openssl peer goes away --------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0} client, {1}, s_server {2}]")
    @DisplayName("R08.1 R08.3 s_server killed (SIGKILL) or closing its socket (command Q) mid-stream: our read returns the data, then 0/SSL unexpected eof while reading")
    @MethodSource("closes")
    void serverGoesAway(String engine, String version, String how) {
        try (SslCtx ctx = clientCtx(engine, version);
                OpenSslProcess server = sServer(version);
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            server.writeLine("sent before the close");
            assertThat(conn.readUntil("sent before the close\n")).isEqualTo("sent before the close\n");
            if (how.equals("kill")) {
                server.kill();
            } else {
                server.writeLine("Q");
                server.awaitStdout("DONE", WAIT);
            }
            assertUnexpectedEof(conn, conn.readResult(new byte[100]));
        }
    }

    @ParameterizedTest(name = "[{0} server, {1}]")
    @DisplayName("R08.1 R08.3 s_client killed (SIGKILL) mid-stream: our server reads the data, then 0/SSL unexpected eof while reading")
    @MethodSource("engineAndVersion")
    void clientKilled(String engine, String version) throws Exception {
        try (SslCtx ctx = serverCtx(engine, version);
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-quiet", Pems.versionFlag(version));
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            client.write("sent before the kill\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(conn.readUntil("sent before the kill\n")).isEqualTo("sent before the kill\n");
            client.kill();
            assertUnexpectedEof(conn, conn.readResult(new byte[100]));
        }
    }

    @ParameterizedTest(name = "[{0} client, {1}]")
    @DisplayName("R08.1 openssl takes our close without close_notify for an unexpected eof (s_server reports it)")
    @MethodSource("engineAndVersion")
    void weGoAway(String engine, String version) {
        try (SslCtx ctx = clientCtx(engine, version);
                OpenSslProcess server = sServer(version)) {
            try (SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
                server.awaitStdout("CIPHER is", WAIT);
                conn.writeAll("last words\n".getBytes(StandardCharsets.US_ASCII));
                server.awaitStdout("last words", WAIT);
                // Read what s_server sent (TLS 1.3 tickets): closing a socket with unread data sends a reset, not a FIN.
                server.writeLine("bye");
                conn.readUntil("bye\n");
            }
            server.awaitStderr("unexpected eof while reading", WAIT);
            server.awaitStdout("ERROR", WAIT);
        }
    }

    // ---- a relay cuts, stalls or corrupts one of s_server's records ----------------------------------------

    @ParameterizedTest(name = "[{0} client, {1}, {2}]")
    @DisplayName("R06.6 R08.1 R08.7 R09.1 a record from s_server stalled mid-record (WANT_READ, has_pending), cut by EOF (0/SSL unexpected eof), by a reset (-1/SYSCALL, empty queue) or corrupted (-1/SSL bad record mac, alert to s_server)")
    @MethodSource("cuts")
    void cutRecord(String engine, String version, RecordRelay.Cut cut) throws Exception {
        try (SslCtx ctx = clientCtx(engine, version);
                OpenSslProcess server = sServer(version);
                RecordRelay relay = new RecordRelay(server.port());
                SocketConnection conn = SocketConnection.connect(ctx, relay.port(), server::describe).handshake()) {
            server.awaitStdout("CIPHER is", WAIT);
            server.writeLine("first");
            conn.readUntil("first\n");
            relay.arm(cut);
            server.writeLine("second, the one the relay interferes with");
            relay.awaitCut();
            Ssl ssl = conn.ssl();
            switch (cut) {
                case STALL: {
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    do {
                        // Each read waits SO_TIMEOUT; the half record is on its way, so a few reads at most.
                        SslErrorQueue.clear();
                        int r = ssl.read(new byte[100], 0, 100);
                        assertThat(r).as("read of a stalled record" + conn.why()).isEqualTo(-1);
                        assertThat(ssl.getError(r)).as("R06.6 read of a stalled record (SO_TIMEOUT)" + conn.why())
                                .isEqualTo(SslError.WANT_READ);
                    } while (!ssl.hasPending() && System.nanoTime() < deadline);
                    assertThat(ssl.hasPending()).as("R06.6 hasPending with half a record held").isTrue();
                    assertThat(ssl.pending()).as("R06.6 pending with half a record held").isZero();
                    relay.release();
                    assertThat(conn.readUntil("interferes with\n")).isEqualTo("second, the one the relay interferes with\n");
                    conn.writeAll("still here\n".getBytes(StandardCharsets.US_ASCII));
                    server.awaitStdout("still here", WAIT);
                    break;
                }
                case EOF:
                    assertUnexpectedEof(conn, conn.readResult(new byte[100]));
                    break;
                case RESET: {
                    SocketConnection.Result r = conn.readResult(new byte[100]);
                    assertThat(r.ret()).as("R08.7 read at a reset: " + r + conn.why()).isEqualTo(-1);
                    assertThat(r.error()).as("R08.7 read at a reset: " + r + conn.why()).isEqualTo(SslError.SYSCALL);
                    assertThat(r.queue()).as("R08.7 the queue after a reset").isEmpty();
                    assertThat(ssl.getShutdown()).isZero();
                    break;
                }
                case CORRUPT: {
                    SocketConnection.Result r = conn.readResult(new byte[100]);
                    assertThat(r.ret()).as("R09.1 read of a corrupted record: " + r + conn.why()).isEqualTo(-1);
                    assertThat(r.error()).as("R09.1 read of a corrupted record: " + r + conn.why()).isEqualTo(SslError.SSL);
                    assertThat(r.reason()).as("R09.1 reason: " + r.queue()).isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
                    server.awaitStderr("alert bad record mac", WAIT);
                    SslErrorQueue.clear();
                    int w = ssl.write(new byte[] {1}, 0, 1);
                    assertThat(ssl.getError(w)).as("R09.9 write afterwards").isEqualTo(SslError.SYSCALL);
                    break;
                }
                default:
                    throw new IllegalArgumentException(cut.toString());
            }
        }
    }

    // ---- garbage from a plain socket --------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R10.8 a server that answers the ClientHello with HTTP: our client fails with wrong version number and sends no alert")
    void httpServer(String engine) throws Exception {
        try (SslCtx ctx = clientCtx(engine, "TLSv1.3"); ServerSocket ss = new ServerSocket()) {
            ss.bind(new InetSocketAddress("127.0.0.1", 0));
            ss.setSoTimeout(20_000);
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout(20_000);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return readToEof(s.getInputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SocketConnection conn = SocketConnection.connect(ctx, ss.getLocalPort(), () -> "")) {
                int r = conn.handshakeResult();
                assertThat(r).as("handshake" + conn.why()).isEqualTo(-1);
                assertThat(conn.ssl().getError(r)).as("handshake" + conn.why()).isEqualTo(SslError.SSL);
                assertThat(SslErrorQueue.peek().reason()).as(conn.why()).isEqualTo(SslReason.WRONG_VERSION_NUMBER);
            }
            List<Integer> types = recordTypes(received.get(30, TimeUnit.SECONDS));
            assertThat(types).as("record types we sent: the ClientHello (22), no alert (21)").doesNotContain(21).contains(22);
        }
    }

    static Stream<Arguments> garbage() {
        return TestEngines.names().flatMap(engine -> Stream.of(
                Arguments.of(engine, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", SslReason.HTTP_REQUEST, "R10.1"),
                Arguments.of(engine, "CONNECT localhost:443 HTTP/1.1\r\n\r\n", SslReason.HTTPS_PROXY_REQUEST, "R10.2"),
                Arguments.of(engine, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", SslReason.WRONG_VERSION_NUMBER, "R10.3")));
    }

    @ParameterizedTest(name = "{3} [{0} server, {2}]")
    @DisplayName("R10.1 R10.2 R10.3 garbage from a plain socket client: our server fails with libssl's reason and sends no alert")
    @MethodSource("garbage")
    void garbageClient(String engine, String bytes, int reason, String rule) throws Exception {
        try (SslCtx ctx = serverCtx(engine, "TLSv1.3"); ServerSocketChannel listener = SocketConnection.listen();
                Socket peer = new Socket("127.0.0.1", SocketConnection.port(listener))) {
            peer.setSoTimeout(20_000);
            peer.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            peer.getOutputStream().flush();
            try (SocketConnection conn = SocketConnection.accept(ctx, listener, () -> "")) {
                int r = conn.handshakeResult();
                assertThat(r).as(rule + " handshake" + conn.why()).isEqualTo(-1);
                assertThat(conn.ssl().getError(r)).as(rule + " handshake" + conn.why()).isEqualTo(SslError.SSL);
                assertThat(SslErrorQueue.peek().reason()).as(rule + conn.why()).isEqualTo(reason);
            }
            assertThat(readToEof(peer.getInputStream())).as(rule + ": no alert, nothing at all").isEmpty();
        }
    }

    @EngineTest
    @DisplayName("R10.4 a client that stalls after 3 bytes of its first record: our server's handshake returns -1/WANT_READ with has_pending, and goes on when the rest comes")
    void stalledClientHello(String engine) throws Exception {
        try (SslCtx ctx = serverCtx(engine, "TLSv1.3"); ServerSocketChannel listener = SocketConnection.listen();
                Socket peer = new Socket("127.0.0.1", SocketConnection.port(listener))) {
            peer.setSoTimeout(20_000);
            peer.getOutputStream().write(new byte[] {22, 3, 1});
            peer.getOutputStream().flush();
            try (SocketConnection conn = SocketConnection.accept(ctx, listener, () -> "")) {
                int r = conn.ssl().doHandshake();
                assertThat(r).as("R10.4 handshake" + conn.why()).isEqualTo(-1);
                assertThat(conn.ssl().getError(r)).as("R10.4 handshake (SO_TIMEOUT)" + conn.why()).isEqualTo(SslError.WANT_READ);
                assertThat(conn.ssl().hasPending()).as("R10.4 has_pending").isTrue();
                peer.getOutputStream().write("\0\5GET /".getBytes(StandardCharsets.ISO_8859_1));
                peer.getOutputStream().flush();
                r = conn.handshakeResult();
                assertThat(conn.ssl().getError(r)).as("the handshake goes on with what comes" + conn.why()).isEqualTo(SslError.SSL);
            }
        }
    }

    static byte[] readToEof(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the peer neither closed nor sent within the timeout; got " + out.size() + " bytes", e);
        } catch (IOException e) {
            // a reset ends the stream too
        }
        return out.toByteArray();
    }

    /** The content types of the TLS records in {@code b}. */
    static List<Integer> recordTypes(byte[] b) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 5 <= b.length; ) {
            types.add(b[i] & 0xff);
            i += 5 + (((b[i + 3] & 0xff) << 8) | (b[i + 4] & 0xff));
        }
        return types;
    }
}
