package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.FaultBio;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** Every statement of the SSL_write(3) manual page (numbered in this module's README), on every engine. */
class SeedTest {

    @EngineTest
    @DisplayName("SEED-1 write puts num bytes of buf into the connection")
    void writesNumBytes(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] buf = Fixtures.bytes(5000, 50);
            assertThat(p.client().write(buf, 1000, 3000)).isEqualTo(3000);
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), Arrays.copyOfRange(buf, 1000, 4000));
        }
    }

    @EngineTest
    @DisplayName("SEED-2 write negotiates the session when connect or accept has not")
    void writeNegotiates(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertThat(p.client().isInitFinished()).isFalse();
            byte[] data = Fixtures.ascii("negotiated by write");
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                p.server().read(new byte[0], 0, 0);
            }
            assertThat(p.client().isInitFinished()).isTrue();
            assertThat(new String(Fixtures.drain(p.server()), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("negotiated by write");
        }
        try (TestPair p = Fixtures.pair(engine, TLS13, 0).handshake()) {
            long before = p.clientBio().pending();
            byte[] data = Fixtures.ascii("after connect");
            assertThat(p.client().write(data, 0, data.length)).as("no handshake left to do").isEqualTo(data.length);
        }
    }

    @EngineTest
    @DisplayName("SEED-4 what write does depends on the BIO: a full pair wants to write, a memory BIO takes all, a blocking one blocks")
    void dependsOnBio(String engine) throws Exception {
        byte[] data = Fixtures.bytes(100_000, 51);
        try (TestPair p = Fixtures.connected(engine)) {
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
        }
        try (TestPair p = Fixtures.connected(engine)) {
            p.client().setWbio(MemBio.create());
            assertResult(p.client(), p.client().write(data, 0, data.length), 100_000, SslError.NONE);
        }
        assertThat(blockingTransfer(engine, data)).isEqualTo(100_000);
    }

    @EngineTest
    @DisplayName("SEED-5 the connection must be set to client or server mode before the first read or write")
    void modeFirst(String engine) {
        try (SslCtx ctx = TestContexts.client(engine).build(); Ssl ssl = ctx.newSsl()) {
            ssl.setBio(MemBio.create(), MemBio.create());
            assertResult(ssl, ssl.write(new byte[1], 0, 1), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
            SslErrorQueue.clear();
            ssl.setConnectState();
            ssl.setTlsextHostName("localhost");
            assertResult(ssl, ssl.write(new byte[1], 0, 1), -1, SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("SEED-6 with a blocking BIO write returns only once the whole write, handshake included, is done")
    void blockingWrite(String engine) throws Exception {
        byte[] data = Fixtures.bytes(200_000, 52);
        assertThat(blockingTransfer(engine, data)).isEqualTo(200_000);
    }

    /** A client thread writes {@code data} in one call over a 4 KiB blocking pipe; returns that call's result. */
    private static int blockingTransfer(String engine, byte[] data) throws Exception {
        BlockingPipe pipe = new BlockingPipe(4096);
        try (SslCtx cctx = TestContexts.client(engine).build(); SslCtx sctx = TestContexts.server(engine).build();
             Ssl client = cctx.newSsl(); Ssl server = sctx.newSsl()) {
            client.setBio(pipe.a(), pipe.a());
            server.setBio(pipe.b(), pipe.b());
            client.setConnectState();
            client.setTlsextHostName("localhost");
            server.setAcceptState();
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[20_000];
                while (got.size() < data.length) {
                    int n = server.read(buf, 0, buf.length);
                    if (n <= 0) {
                        throw new AssertionError("server read " + n + " " + server.getError(n) + " " + SslErrorQueue.snapshot());
                    }
                    got.write(buf, 0, n);
                }
                return got.toByteArray();
            });
            int r = client.write(data, 0, data.length);
            Fixtures.assertSameBytes(received.get(20, TimeUnit.SECONDS), data);
            return r;
        }
    }

    @EngineTest
    @DisplayName("SEED-8 with a non-blocking BIO write returns when the BIO cannot go on, and getError says WANT_READ or WANT_WRITE")
    void nonBlockingWants(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            byte[] data = Fixtures.bytes(100_000, 53);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
            int r;
            do {
                p.server().read(new byte[0], 0, 0);
                r = p.client().write(data, 0, data.length);
            } while (r <= 0 && p.client().getError(r) == SslError.WANT_READ);
            assertResult(p.client(), r, -1, SslError.WANT_WRITE);
        }
    }

    @EngineTest
    @DisplayName("SEED-9 a write can cause reads: the handshake's write takes the server's flight from the read BIO")
    void writeReads(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            byte[] data = Fixtures.ascii("x");
            p.client().write(data, 0, 1);
            p.server().read(new byte[0], 0, 0);
            assertThat(p.clientBio().pending()).as("server flight waiting").isGreaterThan(0);
            assertThat(p.client().write(data, 0, 1)).isEqualTo(1);
            assertThat(p.clientBio().pending()).as("read by the write").isZero();
        }
    }

    @EngineTest
    @DisplayName("SEED-10 the caller repeats the call after satisfying what it wants; without that the call wants the same again")
    void repeatAfterAction(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            byte[] data = Fixtures.ascii("repeat");
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
            p.server().read(new byte[0], 0, 0); // the action: the peer answers
            assertResult(p.client(), p.client().write(data, 0, data.length), data.length, SslError.NONE);
        }
    }

    @EngineTest
    @DisplayName("SEED-11 with a non-blocking socket nothing is to be done but wait with select() for what getError names")
    void nonBlockingSocket(String engine) throws Exception {
        byte[] data = Fixtures.bytes(512 << 10, 54);
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SslCtx cctx = TestContexts.client(engine).build(); SslCtx sctx = TestContexts.server(engine).build()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel c = SocketChannel.open(listener.getLocalAddress());
            SocketChannel s = listener.accept();
            c.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 65536);
            s.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 65536);
            try (Selector selector = Selector.open(); Ssl client = cctx.newSsl(); Ssl server = sctx.newSsl()) {
                c.configureBlocking(false);
                s.configureBlocking(false);
                client.setChannel(c); // SSL_set_fd: the product's socket BIO, non-blocking as the channel is
                server.setChannel(s);
                client.setConnectState();
                client.setTlsextHostName("localhost");
                server.setAcceptState();
                SelectionKey ck = c.register(selector, 0);
                SelectionKey sk = s.register(selector, 0);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[32768];
                int sent = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                boolean sawWantWrite = false;
                while (got.size() < data.length) {
                    assertThat(System.nanoTime()).as("transfer within 20 s").isLessThan(deadline);
                    ck.interestOps(0);
                    sk.interestOps(0);
                    if (sent < data.length) {
                        int r = client.write(data, sent, Math.min(data.length - sent, 65536));
                        if (r > 0) {
                            sent += r;
                            continue; // the server reads only when the client cannot go on
                        } else {
                            SslError e = client.getError(r);
                            assertThat(e).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                            sawWantWrite |= e == SslError.WANT_WRITE;
                            ck.interestOps(e == SslError.WANT_READ ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
                        }
                    }
                    int n = server.read(buf, 0, buf.length);
                    if (n > 0) {
                        got.write(buf, 0, n);
                        continue;
                    }
                    SslError e = server.getError(n);
                    assertThat(e).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                    sk.interestOps(e == SslError.WANT_READ ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
                    selector.select(10);
                    selector.selectedKeys().clear();
                }
                Fixtures.assertSameBytes(got.toByteArray(), data);
                assertThat(sawWantWrite).as("the socket filled up at least once").isTrue();
            } finally {
                c.close();
                s.close();
            }
        }
    }

    @EngineTest
    @DisplayName("SEED-12 with a BIO pair the data must be moved out of the BIO before the write can go on")
    void pairNeedsMoving(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] data = Fixtures.bytes(60_000, 55);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                got.writeBytes(Fixtures.drain(p.server())); // retrieving data out of the BIO lets it go on
            }
            got.writeBytes(Fixtures.drain(p.server()));
            assertThat(r).isEqualTo(data.length);
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("SEED-13 by default write succeeds only once all num bytes are written")
    void completeOnly(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] data = Fixtures.bytes(70_000, 56);
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                Fixtures.drain(p.server());
            }
            assertThat(r).isEqualTo(70_000);
        }
    }

    @EngineTest
    @DisplayName("SEED-14 with ENABLE_PARTIAL_WRITE a write succeeds with a partial count; the caller starts a new write with the rest")
    void partialWrites(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(70_000, 57);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int off = 0;
            int partial = 0;
            while (off < data.length) {
                int r = p.client().write(data, off, data.length - off);
                if (r > 0) {
                    partial += r < data.length - off ? 1 : 0;
                    off += r;
                } else {
                    got.writeBytes(Fixtures.drain(p.server()));
                }
            }
            got.writeBytes(Fixtures.drain(p.server()));
            assertThat(partial).isGreaterThan(0);
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("SEED-15 a partial write is the size of a message block, 16 kB")
    void messageBlock(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 100_000)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            assertThat(p.client().write(new byte[50_000], 0, 50_000)).isEqualTo(16384);
        }
    }

    @EngineTest
    @DisplayName("SEED-16 a write repeated after WANT_READ or WANT_WRITE must have the same arguments")
    void sameArguments(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(60_000, 58);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            Fixtures.drain(p.server());
            assertResult(p.client(), p.client().write(data.clone(), 0, data.length), -1, SslError.SSL);
            assertReason(SslReason.BAD_WRITE_RETRY, "bad write retry");
        }
    }

    @EngineTest
    @DisplayName("SEED-17 num=0 is undefined in C; here it returns 0 with SYSCALL after the handshake and drives it before")
    void zeroBytes(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertResult(p.client(), p.client().write(new byte[1], 0, 0), -1, SslError.WANT_READ);
            p.handshake();
            Fixtures.settle(p);
            assertResult(p.client(), p.client().write(new byte[1], 0, 0), 0, SslError.SYSCALL);
        }
    }

    @EngineTest
    @DisplayName("SEED-18 a return value above 0 is the number of bytes actually written")
    void positiveIsCount(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 100_000)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            int r = p.client().write(new byte[40_000], 0, 40_000);
            assertThat(r).isPositive();
            assertThat(Fixtures.drain(p.server())).hasSize(r);
        }
    }

    @EngineTest
    @DisplayName("SEED-19 a return value of 0 or less means closed, failed or waiting, and getError tells which")
    void nonPositiveMeansAskGetError(String engine) {
        try (TestPair p = Fixtures.connected(engine)) { // waiting
            assertResult(p.client(), p.client().write(new byte[100_000], 0, 100_000), -1, SslError.WANT_WRITE);
        }
        try (TestPair p = Fixtures.connected(engine)) { // failed
            p.client().shutdown();
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.SSL);
        }
        SslErrorQueue.clear();
        try (TestPair p = Fixtures.connected(engine)) { // closed by the peer's fatal alert
            FaultBio bio = new FaultBio(p.clientBio());
            bio.flipByte(FaultBio.RecordFilter.applicationData(0), 20);
            p.client().setWbio(bio);
            p.client().write(new byte[100], 0, 100);
            p.server().read(new byte[200], 0, 200);
            p.client().read(new byte[10], 0, 10);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.ZERO_RETURN);
        }
    }

    @EngineTest
    @DisplayName("SEED-20 0 and -1 are not told apart: getError says whether a call is retryable")
    void zeroAndMinusOne(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            int r = p.client().write(new byte[100_000], 0, 100_000);
            assertThat(r).isEqualTo(-1);
            assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
            assertThat(p.client().getError(0)).as("the same answer for 0").isEqualTo(SslError.WANT_WRITE);
            int bad = p.client().write(new byte[100_000], 0, 100_000); // another buffer: -1 that is not retryable
            assertThat(bad).isEqualTo(-1);
            assertThat(p.client().getError(bad)).isEqualTo(SslError.SSL);
        }
    }

    @EngineTest
    @DisplayName("SEED-3 a renegotiation the peer asks for is performed transparently during write")
    void renegotiationDuringWrite(String engine) {
        org.libssl4j.testkit.junit.TestEngines.assumeCapability(engine, org.libssl4j.Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertThat(p.server().doHandshake()).isEqualTo(1); // HelloRequest out
            p.client().read(new byte[1], 0, 1); // the client takes it and answers
            SslErrorQueue.clear();
            byte[] data = Fixtures.bytes(20_000, 59);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int r;
            int rounds = 0;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                assertThat(p.client().getError(r)).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                got.writeBytes(Fixtures.drain(p.server())); // the server answers and takes what arrives
                assertThat(++rounds).isLessThan(20);
            }
            assertThat(r).isEqualTo(data.length);
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
            assertThat(p.client().isInitFinished()).isTrue();
            assertThat(p.server().renegotiatePending()).isFalse();
        }
    }

    @EngineTest
    @DisplayName("SEED-7 on a blocking BIO a renegotiation may give WANT_READ, unless AUTO_RETRY carries on")
    void blockingRenegotiation(String engine) throws Exception {
        org.libssl4j.testkit.junit.TestEngines.assumeCapability(engine, org.libssl4j.Capability.RENEGOTIATION);
        for (boolean autoRetry : new boolean[] {false, true}) {
            BlockingPipe pipe = new BlockingPipe(4096);
            try (SslCtx cctx = TestContexts.client(engine).tls12().build(); SslCtx sctx = TestContexts.server(engine).tls12().build();
                 Ssl client = cctx.newSsl(); Ssl server = sctx.newSsl()) {
                client.setBio(pipe.a(), pipe.a());
                server.setBio(pipe.b(), pipe.b());
                client.setConnectState();
                client.setTlsextHostName("localhost");
                server.setAcceptState();
                if (!autoRetry) {
                    client.clearMode(SslMode.AUTO_RETRY);
                }
                // The server asks for the renegotiation, then reads only when bytes are there, so that it answers
                // while the client's blocking read waits; without AUTO_RETRY its read returns once the new
                // handshake is done, and it sends "pong".
                Bio serverBio = server.getRbio();
                server.clearMode(SslMode.AUTO_RETRY);
                CompletableFuture<Integer> serverSide = CompletableFuture.supplyAsync(() -> {
                    if (server.accept() != 1 || server.renegotiate() != 1 || server.doHandshake() != 1) {
                        throw new AssertionError("server: " + SslErrorQueue.snapshot());
                    }
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (server.renegotiatePending() && System.nanoTime() < deadline) {
                        if (serverBio.pending() > 0) {
                            server.read(new byte[1], 0, 0);
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                    byte[] pong = "pong".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    return server.write(pong, 0, pong.length);
                });
                assertThat(client.connect()).isEqualTo(1);
                byte[] buf = new byte[10];
                int n = client.read(buf, 0, buf.length);
                if (autoRetry) {
                    assertThat(n).as("read carried on past the renegotiation").isEqualTo(4);
                } else {
                    assertResult(client, n, -1, SslError.WANT_READ);
                    assertThat(client.isInitFinished()).isTrue();
                    assertThat(client.read(buf, 0, buf.length)).isEqualTo(4);
                }
                assertThat(serverSide.get(20, TimeUnit.SECONDS)).isEqualTo(4);
            }
        }
    }
}
