package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.TestPair;

/** SSL_CTX_set_mode / SSL_set_mode: the default mode, inheritance, and modes without visible effect (R11.1, R14.1). */
class ModesTest {

    @EngineTest
    @DisplayName("R11.1 the default mode is exactly AUTO_RETRY (0x4) for TLS, TLS_CLIENT and TLS_SERVER contexts, and new connections inherit it")
    void defaultMode(String engine) {
        assertThat(SslMode.AUTO_RETRY).isEqualTo(0x4L);
        for (SslMethod method : new SslMethod[] {SslMethod.TLS, SslMethod.TLS_CLIENT, SslMethod.TLS_SERVER}) {
            try (SslCtx ctx = SslCtx.newCtx(method, engine); Ssl ssl = ctx.newSsl()) {
                assertThat(ctx.getMode()).as("mode of a new " + method + " context").isEqualTo(0x4L);
                assertThat(ssl.getMode()).as("mode of a new " + method + " connection").isEqualTo(0x4L);
            }
        }
    }

    @EngineTest
    @DisplayName("R11.1 setMode and clearMode on a context and a connection return the new mask")
    void setAndClearReturnMask(String engine) {
        for (SslMethod method : new SslMethod[] {SslMethod.TLS, SslMethod.TLS_CLIENT, SslMethod.TLS_SERVER}) {
            try (SslCtx ctx = SslCtx.newCtx(method, engine); Ssl ssl = ctx.newSsl()) {
                assertThat(ctx.setMode(SslMode.ENABLE_PARTIAL_WRITE)).isEqualTo(0x5L);
                assertThat(ctx.setMode(SslMode.RELEASE_BUFFERS | SslMode.ACCEPT_MOVING_WRITE_BUFFER)).isEqualTo(0x17L);
                assertThat(ctx.clearMode(SslMode.AUTO_RETRY)).isEqualTo(0x13L);
                assertThat(ctx.clearMode(SslMode.AUTO_RETRY)).as("clearing a bit that is not set").isEqualTo(0x13L);
                assertThat(ctx.getMode()).isEqualTo(0x13L);

                assertThat(ssl.setMode(SslMode.ACCEPT_MOVING_WRITE_BUFFER)).isEqualTo(0x6L);
                assertThat(ssl.setMode(SslMode.ACCEPT_MOVING_WRITE_BUFFER)).as("setting a bit that is set").isEqualTo(0x6L);
                assertThat(ssl.clearMode(SslMode.AUTO_RETRY | SslMode.ACCEPT_MOVING_WRITE_BUFFER)).isEqualTo(0x0L);
                assertThat(ssl.setMode(SslMode.SEND_FALLBACK_SCSV)).isEqualTo(0x80L);
                assertThat(ssl.getMode()).isEqualTo(0x80L);
                assertThat(ctx.getMode()).as("the context is unchanged by the connection's calls").isEqualTo(0x13L);
            }
        }
    }

    @EngineTest
    @DisplayName("R11.1 changing the context's mode later does not change existing connections; new ones take the new mode")
    void laterContextChange(String engine) {
        for (SslMethod method : new SslMethod[] {SslMethod.TLS, SslMethod.TLS_CLIENT, SslMethod.TLS_SERVER}) {
            try (SslCtx ctx = SslCtx.newCtx(method, engine); Ssl before = ctx.newSsl()) {
                assertThat(ctx.setMode(SslMode.RELEASE_BUFFERS)).isEqualTo(0x14L);
                assertThat(before.getMode()).as("existing connection after ctx.setMode").isEqualTo(0x4L);
                try (Ssl after = ctx.newSsl()) {
                    assertThat(after.getMode()).as("new connection after ctx.setMode").isEqualTo(0x14L);
                    assertThat(ctx.clearMode(SslMode.AUTO_RETRY | SslMode.RELEASE_BUFFERS)).isZero();
                    assertThat(before.getMode()).as("existing connection after ctx.clearMode").isEqualTo(0x4L);
                    assertThat(after.getMode()).as("existing connection after ctx.clearMode").isEqualTo(0x14L);
                }
                try (Ssl third = ctx.newSsl()) {
                    assertThat(third.getMode()).isZero();
                }
            }
        }
    }

    @EngineTest
    @DisplayName("R14.1 RELEASE_BUFFERS changes no return value, getError, pending or has_pending, and no byte (TLS 1.3)")
    void releaseBuffersTls13(String engine) {
        releaseBuffers(engine, TLS13);
    }

    @EngineTest
    @DisplayName("R14.1 RELEASE_BUFFERS changes no return value, getError, pending or has_pending, and no byte (TLS 1.2)")
    void releaseBuffersTls12(String engine) {
        releaseBuffers(engine, TLS12);
    }

    @EngineSourceTest
    @DisplayName("R14.1 RELEASE_BUFFERS changes no return value, getError, pending or has_pending, and no byte, with every kind of buffer the data calls take (TLS 1.3 and 1.2)")
    void releaseBuffersEveryKind(String engine, BufferKind kind) {
        releaseBuffers(engine, TLS13, kind);
        releaseBuffers(engine, TLS12, kind);
    }

    private static void releaseBuffers(String engine, int version) {
        releaseBuffers(engine, version, BufferKind.ARRAY);
    }

    /**
     * The script with RELEASE_BUFFERS, its writes from {@code kind} and its reads and peeks into it (a heap buffer
     * for a read-only source), against the script without, on arrays.
     */
    private static void releaseBuffers(String engine, int version, BufferKind kind) {
        Transcript without = transcript(engine, version, false, BufferKind.ARRAY);
        Transcript with = transcript(engine, version, true, kind);
        assertThat(without.modes).as("mode without RELEASE_BUFFERS").allMatch(m -> (m & SslMode.RELEASE_BUFFERS) == 0);
        assertThat(with.modes).as("mode with RELEASE_BUFFERS").allMatch(m -> (m & SslMode.RELEASE_BUFFERS) != 0);
        assertThat(with.steps.size()).as("transcript length").isEqualTo(without.steps.size());
        for (int i = 0; i < with.steps.size(); i++) {
            assertThat(with.steps.get(i)).as("step " + i + " with RELEASE_BUFFERS").isEqualTo(without.steps.get(i));
        }
        Fixtures.assertSameBytes(with.toServer, with.sentToServer);
        Fixtures.assertSameBytes(with.toClient, with.sentToClient);
        Fixtures.assertSameBytes(without.toServer, without.sentToServer);
        Fixtures.assertSameBytes(without.toClient, without.sentToClient);
        assertThat(with.toServer.length).as("bytes that reached the server").isEqualTo(without.toServer.length);
    }

    /** What one scripted run recorded: each step's result, and the bytes sent and received each way. */
    private static final class Transcript {
        final List<String> steps = new ArrayList<>();
        final List<Long> modes = new ArrayList<>();
        final ByteArrayOutputStream sentServer = new ByteArrayOutputStream();
        final ByteArrayOutputStream gotServer = new ByteArrayOutputStream();
        final ByteArrayOutputStream sentClient = new ByteArrayOutputStream();
        final ByteArrayOutputStream gotClient = new ByteArrayOutputStream();
        byte[] sentToServer;
        byte[] toServer;
        byte[] sentToClient;
        byte[] toClient;
        BufferKind kind;
        BufferKind readKind;

        /** Records a call's result and the connection's state right after it, the queue cleared for the next call. */
        int record(String what, Ssl ssl, int ret) {
            steps.add(what + " -> " + ret + "/" + ssl.getError(ret) + " pending=" + ssl.pending()
                    + " hasPending=" + ssl.hasPending() + " shutdown=" + ssl.getShutdown()
                    + " queue=" + SslErrorQueue.snapshot().stream().map(e -> e.reason()).toList());
            SslErrorQueue.clear();
            return ret;
        }
    }

    /**
     * The same script with and without RELEASE_BUFFERS on both sides: a handshake driven by a write, writes of
     * several sizes through a small BIO pair (so that some want to write), partial reads, peeks, writes both
     * ways, and the two-phase shutdown.
     */
    private static Transcript transcript(String engine, int version, boolean release, BufferKind kind) {
        Transcript t = new Transcript();
        t.kind = kind;
        t.readKind = kind == BufferKind.READ_ONLY ? BufferKind.HEAP : kind;
        long extra = release ? SslMode.RELEASE_BUFFERS : 0;
        try (TestPair p = Fixtures.pair(engine, version, 6000, ctx -> ctx.setMode(extra), ctx -> ctx.setMode(extra))) {
            Ssl c = p.client();
            Ssl s = p.server();

            // The handshake, on demand from the client's first write.
            byte[] hello = Fixtures.bytes(300, 1);
            BufferKind.Source helloSrc = kind.source(hello);
            int r;
            int rounds = 0;
            while ((r = t.record("c.write(300)", c, helloSrc.write(c))) <= 0) {
                t.record("s.read(100)", s, readInto(t, s, 100, t.gotServer));
                assertThat(++rounds).as("handshake rounds").isLessThan(20);
            }
            t.sentServer.write(hello, 0, r);
            for (int i = 0; i < 3; i++) {
                t.record("s.read(100)", s, readInto(t, s, 100, t.gotServer));
            }
            t.record("c.read(10)", c, readInto(t, c, 10, t.gotClient));

            // Writes of several sizes; the server reads in small pieces, peeks, and drains on WANT_WRITE.
            int[] sizes = {1, 1000, 5000, 16384, 16385, 40_000, 7};
            int seed = 2;
            for (int size : sizes) {
                byte[] data = Fixtures.bytes(size, seed++);
                BufferKind.Source src = kind.source(data);
                int calls = 0;
                while ((r = t.record("c.write(" + size + ")", c, src.write(c))) <= 0) {
                    t.record("s.peek(50)", s, peek(t, s, 50));
                    t.record("s.read(3000)", s, readInto(t, s, 3000, t.gotServer));
                    t.record("s.read(20000)", s, readInto(t, s, 20_000, t.gotServer));
                    assertThat(++calls).as("retries of a write of " + size).isLessThan(200);
                }
                t.sentServer.write(data, 0, r);
                t.record("s.peek(10)", s, peek(t, s, 10));
                t.record("s.read(10)", s, readInto(t, s, 10, t.gotServer));
                for (int i = 0; i < 30; i++) {
                    if (t.record("s.read(4000)", s, readInto(t, s, 4000, t.gotServer)) <= 0) {
                        break;
                    }
                }
            }

            // The other way, with partial-write mode on the server.
            t.modes.add(s.setMode(SslMode.ENABLE_PARTIAL_WRITE));
            byte[] back = Fixtures.bytes(30_000, 99);
            BufferKind.Source backSrc = kind.source(back);
            int off = 0;
            while (off < back.length) {
                r = t.record("s.write(" + (back.length - off) + ")", s, backSrc.write(s));
                if (r > 0) {
                    t.sentClient.write(back, off, r);
                    off += r;
                }
                t.record("c.read(9000)", c, readInto(t, c, 9000, t.gotClient));
                t.record("c.read(20000)", c, readInto(t, c, 20_000, t.gotClient));
            }
            for (int i = 0; i < 10; i++) {
                if (t.record("c.read(20000)", c, readInto(t, c, 20_000, t.gotClient)) <= 0) {
                    break;
                }
            }

            // Shutdown, client first.
            t.record("c.shutdown()", c, c.shutdown());
            t.record("c.shutdown()", c, c.shutdown());
            t.record("s.read(100)", s, readInto(t, s, 100, t.gotServer));
            t.record("s.shutdown()", s, s.shutdown());
            t.record("c.shutdown()", c, c.shutdown());
            t.record("c.read(100)", c, readInto(t, c, 100, t.gotClient));
            t.modes.add(c.getMode());
            t.modes.add(s.getMode());
        }
        t.sentToServer = t.sentServer.toByteArray();
        t.toServer = t.gotServer.toByteArray();
        t.sentToClient = t.sentClient.toByteArray();
        t.toClient = t.gotClient.toByteArray();
        return t;
    }

    /** A read of up to {@code len} bytes into the transcript's kind of buffer, keeping what it returned in {@code sink}. */
    private static int readInto(Transcript t, Ssl ssl, int len, ByteArrayOutputStream sink) {
        BufferKind.Dest dest = t.readKind.dest(len);
        int n = dest.read(ssl);
        sink.writeBytes(dest.bytes());
        return n;
    }

    /** A peek of up to {@code len} bytes into the transcript's kind of buffer. */
    private static int peek(Transcript t, Ssl ssl, int len) {
        return t.readKind.dest(len).peek(ssl);
    }
}
