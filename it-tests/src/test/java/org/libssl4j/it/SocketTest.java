package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertResult;

import java.io.ByteArrayOutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SocketBio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.BufferBio;
import org.libssl4j.bio.SslBio;
import org.libssl4j.testkit.Loopback;
import org.libssl4j.testkit.LoopbackSockets;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;

/**
 * Blocking sockets through {@link Ssl#setChannel}: calls block until they can finish, a read timeout
 * ({@code SO_TIMEOUT}) is reported as libssl reports {@code SO_RCVTIMEO} (WANT_READ, the connection intact), and
 * the end of a connection is told apart as docs/SEMANTICS.md R07/R08 say. Also the BIO chain buffer → ssl → socket.
 * Every blocking read has a timeout, so no case can hang.
 */
class SocketTest {
    private static final int TIMEOUT_MS = 10_000;
    /** How long the two threads of a {@link Loopback} test may take. */
    private static final long RUN_MS = 45_000;

    /** A connected client and server over blocking loopback sockets; the handshake ran on two threads. */
    private static final class Connection implements AutoCloseable {
        final LoopbackSockets sockets;
        final SslCtx clientCtx;
        final SslCtx serverCtx;
        final Ssl client;
        final Ssl server;

        Connection(String engine) throws Exception {
            sockets = LoopbackSockets.open().timeout(TIMEOUT_MS);
            clientCtx = TestContexts.client(engine).build();
            serverCtx = TestContexts.server(engine).build();
            client = clientCtx.newSsl();
            client.setTlsextHostName(TestCerts.HOST);
            client.setChannel(sockets.client());
            server = serverCtx.newSsl();
            server.setChannel(sockets.server());
            CompletableFuture<Integer> accepted = CompletableFuture.supplyAsync(server::accept);
            assertThat(client.connect()).as("connect on a blocking socket: " + SslErrorQueue.snapshot()).isEqualTo(1);
            assertThat(accepted.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).as("accept on a blocking socket").isEqualTo(1);
        }

        @Override
        public void close() {
            client.close();
            server.close();
            clientCtx.close();
            serverCtx.close();
            sockets.close();
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET on blocking sockets connect/accept return 1, and the channel is what getChannel returns")
    void blockingHandshake(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            assertThat(c.client.isInitFinished()).isTrue();
            assertThat(c.server.isInitFinished()).isTrue();
            assertThat(c.client.getChannel()).isSameAs(c.sockets.client());
            assertThat(c.sockets.client().isBlocking()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET a blocking read waits for data written later, and returns it without WANT_READ")
    void readWaitsForData(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                byte[] b = new byte[64];
                int n = c.server.read(b, 0, b.length);
                return n > 0 ? new String(b, 0, n, StandardCharsets.US_ASCII) : "read " + n + " " + c.server.getError(n);
            });
            byte[] hello = Fixtures.ascii("hello");
            assertThat(c.client.write(hello, 0, hello.length)).isEqualTo(hello.length);
            assertThat(read.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo("hello");
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET a blocking write of 1 MiB returns 1 MiB while the peer reads in small pieces")
    void blockingWriteIsWhole(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            c.sockets.client().setOption(StandardSocketOptions.SO_SNDBUF, 8192);
            byte[] data = Fixtures.bytes(1 << 20, 7);
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                byte[] b = new byte[1000];
                while (got.size() < data.length) {
                    int n = c.server.read(b, 0, b.length);
                    if (n <= 0) {
                        break;
                    }
                    got.write(b, 0, n);
                }
                return got.toByteArray();
            });
            assertThat(c.client.write(data, 0, data.length)).isEqualTo(data.length);
            Fixtures.assertSameBytes(read.get(TIMEOUT_MS, TimeUnit.MILLISECONDS), data);
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET a blocking read past SO_TIMEOUT returns -1/WANT_READ with an empty queue; the connection goes on")
    void readTimeout(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            c.sockets.server().socket().setSoTimeout(200);
            byte[] b = new byte[16];
            long start = System.nanoTime();
            int r = c.server.read(b, 0, b.length);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertResult(c.server, r, -1, SslError.WANT_READ);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertThat(waited).as("waited for the timeout").isGreaterThanOrEqualTo(150);
            assertThat(c.server.want()).isEqualTo(Ssl.READING);

            byte[] later = Fixtures.ascii("later");
            assertThat(c.client.write(later, 0, later.length)).isEqualTo(later.length);
            c.sockets.server().socket().setSoTimeout(TIMEOUT_MS);
            assertThat(c.server.read(b, 0, b.length)).isEqualTo(later.length);
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET a handshake whose peer never answers times out with -1/WANT_READ, not a hang, and is still in init")
    void handshakeTimeout(String engine) throws Exception {
        try (LoopbackSockets sockets = LoopbackSockets.open().timeout(200);
                SslCtx ctx = TestContexts.client(engine).build()) {
            Ssl client = ctx.newSsl();
            client.setTlsextHostName(TestCerts.HOST);
            client.setChannel(sockets.client());
            assertResult(client, client.connect(), -1, SslError.WANT_READ);
            assertThat(client.isInitFinished()).isFalse();
            assertThat(client.inInit()).isTrue();
            ByteBuffer hello = ByteBuffer.allocate(5);
            sockets.server().read(hello);
            assertThat(hello.get(0)).as("the ClientHello went out: a handshake record").isEqualTo((byte) 22);
            client.close();
        }
    }

    @EngineTest
    @DisplayName("R07.2 a blocking read returns 0/ZERO_RETURN when the peer sends close_notify")
    void readEndsAtCloseNotify(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            assertThat(c.client.shutdown()).isZero();
            int r = c.server.read(new byte[8], 0, 8);
            assertResult(c.server, r, 0, SslError.ZERO_RETURN);
            assertThat(c.server.getShutdown() & Ssl.RECEIVED_SHUTDOWN).isNotZero();
        }
    }

    @EngineTest
    @DisplayName("R08.1 a blocking read returns 0/SSL \"unexpected eof while reading\" when the peer closes the socket without close_notify")
    void readEndsAtEof(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            // A FIN without close_notify. (close() could send RST instead, if session tickets sit unread.)
            c.sockets.client().shutdownOutput();
            int r = c.server.read(new byte[8], 0, 8);
            assertResult(c.server, r, 0, SslError.SSL);
            Fixtures.assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
            assertThat(c.server.getShutdown()).isZero();
        }
    }

    @EngineTest
    @DisplayName("R08.7 a reset connection makes read return -1/SYSCALL with an empty queue, and is not fatal")
    void readEndsAtReset(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            c.sockets.client().setOption(StandardSocketOptions.SO_LINGER, 0);
            c.sockets.client().close(); // linger 0: RST instead of FIN
            int r = c.server.read(new byte[8], 0, 8);
            assertResult(c.server, r, -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).as("queue: " + SslErrorQueue.snapshot()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET the chain buffer -> ssl -> socket: BIO_do_handshake, buffered writes reach the peer on flush, reads come back through the chain")
    void bufferSslSocketChain(String engine) throws Exception {
        try (LoopbackSockets sockets = LoopbackSockets.open().timeout(TIMEOUT_MS);
                SslCtx cctx = TestContexts.client(engine).build();
                SslCtx sctx = TestContexts.server(engine).build()) {
            Ssl server = sctx.newSsl();
            server.setAcceptState();
            server.setChannel(sockets.server());
            // The server echoes each line it reads until close_notify.
            CompletableFuture<Integer> echo = CompletableFuture.supplyAsync(() -> {
                byte[] b = new byte[4096];
                int lines = 0;
                while (true) {
                    int n = server.read(b, 0, b.length);
                    if (n <= 0) {
                        return server.getError(n) == SslError.ZERO_RETURN ? lines : -1;
                    }
                    for (int i = 0; i < n; i++) {
                        lines += b[i] == '\n' ? 1 : 0;
                    }
                    if (server.write(b, 0, n) != n) {
                        return -2;
                    }
                }
            });

            SslBio ssl = SslBio.create(cctx, true);
            ssl.ssl().setTlsextHostName(TestCerts.HOST);
            BufferBio chain = BufferBio.create();
            chain.push(ssl).push(SocketBio.of(sockets.client()));
            assertThat(chain.next()).isSameAs(ssl);
            assertThat(ssl.ssl().getRbio()).isInstanceOf(SocketBio.class);
            assertThat(ssl.ssl().getChannel()).as("SSL_get_fd through a SocketBio").isSameAs(sockets.client());
            assertThat(ssl.doHandshake()).as("BIO_do_handshake " + SslErrorQueue.snapshot()).isEqualTo(1);

            StringBuilder sent = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                byte[] line = Fixtures.ascii("line " + i + "\n");
                assertThat(chain.write(line, 0, line.length)).isEqualTo(line.length);
                sent.append("line ").append(i).append('\n');
            }
            assertThat(chain.wpending()).as("small writes wait in the buffer").isPositive();
            assertThat(chain.flush()).isEqualTo(1);
            assertThat(chain.wpending()).isZero();

            StringBuilder got = new StringBuilder();
            byte[] b = new byte[100];
            while (got.length() < sent.length()) {
                // Never ask for more than is coming: like bf_buff.c, a buffer BIO waits until a request is full.
                int n = chain.read(b, 0, Math.min(b.length, sent.length() - got.length()));
                assertThat(n).as("read through the chain: " + SslErrorQueue.snapshot()).isPositive();
                got.append(new String(b, 0, n, StandardCharsets.US_ASCII));
            }
            assertThat(got.toString()).isEqualTo(sent.toString());

            chain.closeAll(); // BIO_free_all: the SSL BIO sends close_notify and frees its connection
            assertThat(echo.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(100);
            assertThat(sockets.client().isOpen()).as("SocketBio.of leaves the channel open").isTrue();
            server.close();
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET an SSL BIO on a non-blocking socket turns WANT_READ into retry + read flags")
    void sslBioRetryFlags(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            c.sockets.client().configureBlocking(false);
            SslBio bio = SslBio.of(c.client);
            assertThat(bio.read(new byte[8], 0, 8)).isEqualTo(-1);
            assertThat(bio.shouldRetry()).isTrue();
            assertThat(bio.shouldRead()).isTrue();
            assertThat(bio.shouldWrite()).isFalse();
            assertThat(bio.eof()).isFalse();
            SslErrorEntry none = SslErrorQueue.peek();
            assertThat(none).isNull();

            // BIO_NOCLOSE: closing the SSL BIO leaves the caller's connection alone (bio_ssl.c since 3.0.1).
            bio.close();
            assertThat(c.client.getShutdown()).isZero();
            c.sockets.client().configureBlocking(true);
            byte[] still = Fixtures.ascii("still open");
            assertThat(c.client.write(still, 0, still.length)).isEqualTo(still.length);
            byte[] b = new byte[32];
            assertThat(c.server.read(b, 0, b.length)).isEqualTo(still.length);
        }
    }

    @EngineTest
    @DisplayName("SEED-SOCKET an SSL BIO asks the connection's current BIOs: flush and wpending the write BIO, pending and eof the read BIO")
    void sslBioUsesCurrentBios(String engine) throws Exception {
        try (Connection c = new Connection(engine)) {
            SslBio bio = SslBio.of(c.client);
            org.libssl4j.bio.MemBio sink = org.libssl4j.bio.MemBio.create();
            BufferBio buffered = BufferBio.create();
            buffered.push(sink);
            org.libssl4j.bio.MemBio source = org.libssl4j.bio.MemBio.create();
            source.write(new byte[] {1, 2}, 0, 2);
            c.client.setBio(source, buffered);
            buffered.write(new byte[] {7, 7, 7}, 0, 3);
            assertThat(bio.wpending()).isEqualTo(3);
            assertThat(bio.pending()).isEqualTo(2);
            assertThat(bio.flush()).isEqualTo(1);
            assertThat(sink.pending()).isEqualTo(3);
            source.setMemEofReturn(0);
            source.read(new byte[2], 0, 2);
            assertThat(bio.eof()).isEqualTo(source.eof());
        }
    }

    // A blocking write returns when every byte is written, or on an error (each side on its own thread).

    /** A client and a server on {@code engine} pinned to {@code version}, over loopback sockets; no handshake yet. */
    private static Loopback loopback(String engine, int version) throws java.io.IOException {
        return Loopback.open(TestContexts.client(engine).only(version), TestContexts.server(engine).only(version), TIMEOUT_MS);
    }

    @EngineVersionTest
    @DisplayName("SEED-6 blocking socket: one write of 2 MiB to a reader taking 1000 bytes a call returns 2 MiB, only once the reader has most of it")
    void blockingWriteToSlowReader(String engine, int version) throws Exception {
        try (Loopback lb = loopback(engine, version)) {
            byte[] data = Fixtures.bytes(2 << 20, 8);
            AtomicLong readSoFar = new AtomicLong();
            long[] readWhenWriteReturned = new long[1];
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            lb.run(ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                int r = ssl.write(data, 0, data.length);
                readWhenWriteReturned[0] = readSoFar.get();
                assertThat(r).as("%s, queue %s", r > 0 ? "" : ssl.getError(r), SslErrorQueue.snapshot())
                        .isEqualTo(data.length);
            }, ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                byte[] buf = new byte[1000];
                while (got.size() < data.length) {
                    int n = ssl.read(buf, 0, buf.length);
                    assertThat(n).as("read, %s", n > 0 ? "" : ssl.getError(n)).isPositive();
                    got.write(buf, 0, n);
                    readSoFar.addAndGet(n);
                }
            }, RUN_MS);
            Fixtures.assertSameBytes(got.toByteArray(), data);
            // The socket buffers (send and receive, which Linux doubles) and a record or two in the reader's
            // SSL hold the rest: the write cannot have returned before the reader had taken this much.
            long inTransit = 4L * Loopback.SOCKET_BUFFER + 4 * 16_709;
            assertThat(readWhenWriteReturned[0]).as("bytes read when the write returned")
                    .isGreaterThanOrEqualTo(data.length - inTransit);
        }
    }

    @EngineVersionTest
    @DisplayName("R08.7 blocking socket: a write of 8 MiB whose peer resets the connection mid-transfer returns -1 with SYSCALL, and the connection is failed")
    void blockingWritePeerReset(String engine, int version) throws Exception {
        try (Loopback lb = loopback(engine, version)) {
            byte[] data = Fixtures.bytes(8 << 20, 9);
            int[] result = new int[1];
            SslError[] error = new SslError[1];
            List<SslErrorEntry> queue = new ArrayList<>();
            lb.run(ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                result[0] = ssl.write(data, 0, data.length);
                error[0] = ssl.getError(result[0]);
                queue.addAll(SslErrorQueue.snapshot());
            }, ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                byte[] buf = new byte[16_384];
                long got = 0;
                while (got < 100_000) {
                    int n = ssl.read(buf, 0, buf.length);
                    assertThat(n).isPositive();
                    got += n;
                }
                // Close with unread data and linger 0: the kernel sends a reset.
                lb.serverChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
                lb.serverChannel().close();
            }, RUN_MS);
            assertThat(result[0]).as("write result").isEqualTo(-1);
            assertThat(error[0]).as("getError, queue %s", queue).isEqualTo(SslError.SYSCALL);
            assertThat(queue).as("libssl leaves the queue empty on a transport failure (errno tells)").isEmpty();
            // The connection is failed: a later write fails at once (R15.7), no exception escapes.
            SslErrorQueue.clear();
            int again = lb.client().write(data, 0, 10);
            assertThat(again).isEqualTo(-1);
            assertThat(lb.client().getError(again)).isIn(SslError.SYSCALL, SslError.SSL);
        }
    }
}
