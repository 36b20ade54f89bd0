package org.libssl4j.bio;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libssl4j.Bio;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

class BioPairTest {

    @BeforeEach
    @AfterEach
    void clearErrorQueue() {
        SslErrorQueue.clear();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }

    private static byte[] seq(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static void assertNoFlags(Bio bio) {
        assertThat(bio.shouldRetry()).as("shouldRetry").isFalse();
        assertThat(bio.shouldRead()).as("shouldRead").isFalse();
        assertThat(bio.shouldWrite()).as("shouldWrite").isFalse();
        assertThat(bio.shouldIoSpecial()).as("shouldIoSpecial").isFalse();
    }

    private static void assertRetryRead(Bio bio) {
        assertThat(bio.shouldRetry()).as("shouldRetry").isTrue();
        assertThat(bio.shouldRead()).as("shouldRead").isTrue();
        assertThat(bio.shouldWrite()).as("shouldWrite").isFalse();
    }

    private static void assertRetryWrite(Bio bio) {
        assertThat(bio.shouldRetry()).as("shouldRetry").isTrue();
        assertThat(bio.shouldRead()).as("shouldRead").isFalse();
        assertThat(bio.shouldWrite()).as("shouldWrite").isTrue();
    }

    @Test
    @DisplayName("R15.9 the default write buffer is 17408 on both halves; 0 means the default")
    void defaultSizes() {
        BioPair pair = BioPair.create();
        assertThat(BioPair.DEFAULT_WRITE_BUF_SIZE).isEqualTo(17408);
        assertThat(pair.first().writeBufSize()).isEqualTo(17408);
        assertThat(pair.second().writeBufSize()).isEqualTo(17408);
        assertThat(pair.first().writeGuarantee()).isEqualTo(17408);
        assertThat(pair.second().writeGuarantee()).isEqualTo(17408);

        BioPair sized = BioPair.create(0, 100);
        assertThat(sized.first().writeBufSize()).isEqualTo(17408);
        assertThat(sized.second().writeBufSize()).isEqualTo(100);
        assertThat(sized.second().writeGuarantee()).isEqualTo(100);
        assertThat(BioPair.create(5, 0).second().writeBufSize()).isEqualTo(17408);
    }

    @Test
    @DisplayName("negative sizes are IllegalArgumentException naming the argument")
    void negativeSizes() {
        assertThatThrownBy(() -> BioPair.create(-1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeFirst");
        assertThatThrownBy(() -> BioPair.create(10, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeSecond");
    }

    @Test
    @DisplayName("first() and second() are stable; a fresh pair has nothing pending, no eof, flush 1")
    void freshPair() {
        BioPair pair = BioPair.create();
        assertThat(pair.first()).isSameAs(pair.first()).isNotSameAs(pair.second());
        assertThat(pair.second()).isSameAs(pair.second());
        for (BioPair.Half h : Arrays.asList(pair.first(), pair.second())) {
            assertThat(h.pending()).isZero();
            assertThat(h.wpending()).isZero();
            assertThat(h.eof()).isFalse();
            assertThat(h.readRequest()).isZero();
            assertThat(h.flush()).isEqualTo(1);
            assertNoFlags(h);
        }
    }

    @Test
    @DisplayName("what one half writes the other reads, both ways; pending and wpending follow")
    void bothDirections() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(a.write(ascii("ping"), 0, 4)).isEqualTo(4);
        assertThat(a.wpending()).isEqualTo(4);
        assertThat(a.pending()).isZero();
        assertThat(b.pending()).isEqualTo(4);
        assertThat(b.wpending()).isZero();
        assertThat(a.writeGuarantee()).isEqualTo(17408 - 4);

        assertThat(b.write(ascii("pong!"), 0, 5)).isEqualTo(5);
        assertThat(a.pending()).isEqualTo(5);

        byte[] buf = new byte[10];
        assertThat(b.read(buf, 0, 10)).isEqualTo(4);
        assertThat(new String(buf, 0, 4, US_ASCII)).isEqualTo("ping");
        assertThat(a.wpending()).isZero();
        assertThat(a.writeGuarantee()).isEqualTo(17408);
        assertThat(a.read(buf, 2, 3)).isEqualTo(3);
        assertThat(new String(buf, 2, 3, US_ASCII)).isEqualTo("pon");
        assertThat(a.pending()).isEqualTo(2);
        assertThat(b.wpending()).isEqualTo(2);
        assertNoFlags(a);
        assertNoFlags(b);
    }

    @Test
    @DisplayName("R15.9 a write takes as many bytes as fit; a write to a full buffer is -1 with retry and write")
    void partialAndFullWrites() {
        BioPair pair = BioPair.create(10, 10);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(a.write(seq(0, 15), 0, 15)).isEqualTo(10);
        assertNoFlags(a);
        assertThat(a.writeGuarantee()).isZero();
        assertThat(a.wpending()).isEqualTo(10);

        assertThat(a.write(seq(10, 5), 0, 5)).isEqualTo(-1);
        assertRetryWrite(a);
        assertThat(SslErrorQueue.isEmpty()).isTrue();

        byte[] got = new byte[4];
        assertThat(b.read(got, 0, 4)).isEqualTo(4);
        assertThat(got).isEqualTo(seq(0, 4));
        assertThat(a.writeGuarantee()).isEqualTo(4);
        assertThat(a.write(seq(10, 5), 0, 5)).isEqualTo(4);
        assertNoFlags(a);

        byte[] rest = new byte[20];
        assertThat(b.read(rest, 0, 20)).isEqualTo(10);
        assertThat(Arrays.copyOf(rest, 10)).isEqualTo(seq(4, 10));
    }

    @Test
    @DisplayName("R15.9 a read from an empty pair is -1 with retry and read; the peer's readRequest says how much")
    void emptyRead() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(b.read(new byte[100], 0, 100)).isEqualTo(-1);
        assertRetryRead(b);
        assertThat(b.eof()).isFalse();
        assertThat(a.readRequest()).isEqualTo(100);
        assertThat(b.readRequest()).isZero();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("R15.10 read request: 5 while the reader waits for a header, then the rest of the record")
    void readRequestFollowsTheReader() {
        BioPair pair = BioPair.create();
        BioPair.Half network = pair.first();
        BioPair.Half internal = pair.second();
        byte[] header = new byte[5];
        byte[] body = new byte[27];

        assertThat(internal.read(header, 0, 5)).isEqualTo(-1);
        assertThat(network.readRequest()).isEqualTo(5);

        // Writing answers the request.
        assertThat(network.write(seq(0, 5), 0, 5)).isEqualTo(5);
        assertThat(network.readRequest()).isZero();
        assertThat(internal.read(header, 0, 5)).isEqualTo(5);

        assertThat(internal.read(body, 0, 27)).isEqualTo(-1);
        assertThat(network.readRequest()).isEqualTo(27);

        // Part of the record arrives: the reader takes it and then asks for what is still missing.
        assertThat(network.write(seq(5, 10), 0, 10)).isEqualTo(10);
        assertThat(network.readRequest()).isZero();
        assertThat(internal.read(body, 0, 27)).isEqualTo(10);
        assertThat(network.readRequest()).isZero();
        assertThat(internal.read(body, 10, 17)).isEqualTo(-1);
        assertThat(network.readRequest()).isEqualTo(17);

        assertThat(network.write(seq(15, 17), 0, 17)).isEqualTo(17);
        assertThat(internal.read(body, 10, 17)).isEqualTo(17);
        assertThat(body).isEqualTo(seq(5, 27));
        assertThat(network.readRequest()).isZero();
    }

    @Test
    @DisplayName("read request is capped at the writer's buffer size and reset by the peer's next read or resetReadRequest")
    void readRequestCapAndReset() {
        BioPair pair = BioPair.create(10, 20);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(b.read(new byte[100], 0, 100)).isEqualTo(-1);
        assertThat(a.readRequest()).isEqualTo(10);
        assertThat(a.read(ByteBuffer.allocate(100))).isEqualTo(-1);
        assertThat(b.readRequest()).isEqualTo(20);

        // Any later read by the requester replaces the request, even a zero-length one.
        assertThat(b.read(new byte[0], 0, 0)).isZero();
        assertThat(a.readRequest()).isZero();

        assertThat(b.read(ByteBuffer.allocate(3))).isEqualTo(-1);
        assertThat(a.readRequest()).isEqualTo(3);
        a.resetReadRequest();
        assertThat(a.readRequest()).isZero();

        // A zero-length write does not answer the request; a full-buffer write attempt does.
        assertThat(b.read(new byte[3], 0, 3)).isEqualTo(-1);
        assertThat(a.write(new byte[0], 0, 0)).isZero();
        assertThat(a.readRequest()).isEqualTo(3);
        assertThat(a.write(ByteBuffer.allocate(0))).isZero();
        assertThat(a.readRequest()).isEqualTo(3);
        assertThat(a.write(ByteBuffer.wrap(seq(0, 2)))).isEqualTo(2);
        assertThat(a.readRequest()).isZero();
    }

    @Test
    @DisplayName("every call clears the flags the previous call on that half set")
    void flagsClearedByNextCall() {
        BioPair pair = BioPair.create(4, 4);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(a.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertRetryRead(a);
        assertThat(a.write(seq(0, 4), 0, 4)).isEqualTo(4);
        assertNoFlags(a);
        assertThat(a.write(seq(0, 1), 0, 1)).isEqualTo(-1);
        assertRetryWrite(a);
        assertThat(a.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertRetryRead(a);
        assertThat(a.write(ByteBuffer.allocate(1))).isEqualTo(-1);
        assertRetryWrite(a);
        assertThat(a.write(new byte[0], 0, 0)).isZero();
        assertNoFlags(a);
        // The other half's flags are its own.
        assertThat(b.read(new byte[1], 0, 1)).isEqualTo(1);
        assertNoFlags(b);
        assertThat(a.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        assertRetryRead(a);
        assertThat(a.read(ByteBuffer.allocate(0))).isZero();
        assertNoFlags(a);
    }

    @Test
    @DisplayName("zero-length reads and writes return 0 without flags, on empty and full buffers alike")
    void zeroLength() {
        BioPair pair = BioPair.create(2, 2);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(b.read(new byte[1], 1, 0)).isZero();
        assertNoFlags(b);
        a.write(seq(0, 2), 0, 2);
        assertThat(a.write(seq(0, 2), 2, 0)).isZero();
        assertNoFlags(a);
        assertThat(b.pending()).isEqualTo(2);
    }

    @Test
    @DisplayName("R15.9 shutdownWr: writes fail with -1 and 'broken pipe', the peer reads the rest then 0 with eof")
    void shutdownWr() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(a.write(ascii("last"), 0, 4)).isEqualTo(4);
        a.shutdownWr();
        a.shutdownWr();
        assertThat(a.writeGuarantee()).isZero();
        assertThat(a.wpending()).isEqualTo(4);

        assertThat(a.write(ascii("more"), 0, 4)).isEqualTo(-1);
        assertNoFlags(a);
        SslErrorEntry e = SslErrorQueue.get();
        assertThat(e).isNotNull();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_BIO);
        assertThat(e.reason()).isEqualTo(124);
        assertThat(e.reasonString()).isEqualTo("broken pipe");
        assertThat(e.detail()).isNull();
        assertThat(e.cause()).isNull();
        assertThat(SslErrorQueue.isEmpty()).isTrue();

        assertThat(a.write(ByteBuffer.wrap(ascii("more")))).isEqualTo(-1);
        assertThat(SslErrorQueue.get().reason()).isEqualTo(124);
        // As in C, an empty write returns 0 before looking at the shutdown.
        assertThat(a.write(new byte[0], 0, 0)).isZero();
        assertThat(SslErrorQueue.isEmpty()).isTrue();

        assertThat(b.eof()).isFalse();
        byte[] got = new byte[10];
        assertThat(b.read(got, 0, 10)).isEqualTo(4);
        assertThat(new String(got, 0, 4, US_ASCII)).isEqualTo("last");
        assertThat(b.eof()).isTrue();
        assertThat(b.read(got, 0, 10)).isZero();
        assertNoFlags(b);
        assertThat(b.read(ByteBuffer.allocate(10))).isZero();
        assertNoFlags(b);
        assertThat(a.readRequest()).isZero();

        // Half-close: the other direction still works.
        assertThat(a.eof()).isFalse();
        assertThat(b.write(ascii("reply"), 0, 5)).isEqualTo(5);
        assertThat(a.read(got, 0, 10)).isEqualTo(5);
        assertThat(a.read(got, 0, 10)).isEqualTo(-1);
        assertRetryRead(a);
    }

    @Test
    @DisplayName("the ring wraps around: writes and reads that cross the end keep the bytes in order")
    void wrapAround() {
        BioPair pair = BioPair.create(16, 16);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        byte[] got = new byte[16];
        assertThat(a.write(seq(0, 10), 0, 10)).isEqualTo(10);
        assertThat(b.read(got, 0, 6)).isEqualTo(6);
        // Unread bytes sit at [6, 10); this write fills [10, 16) and wraps to [0, 4).
        assertThat(a.write(seq(10, 12), 0, 12)).isEqualTo(12);
        assertThat(a.writeGuarantee()).isZero();
        assertThat(a.write(seq(22, 1), 0, 1)).isEqualTo(-1);
        // This read crosses the end of the ring.
        assertThat(b.read(got, 0, 16)).isEqualTo(16);
        assertThat(got).isEqualTo(seq(6, 16));
        assertThat(a.wpending()).isZero();
    }

    @Test
    @DisplayName("the ring wraps around through heap and direct ByteBuffers too")
    void wrapAroundByteBuffers() {
        for (boolean direct : new boolean[] {false, true}) {
            BioPair pair = BioPair.create(16, 16);
            BioPair.Half a = pair.first();
            BioPair.Half b = pair.second();
            ByteBuffer src = direct ? ByteBuffer.allocateDirect(30) : ByteBuffer.allocate(30);
            src.put(seq(0, 30)).flip();
            src.limit(10);
            assertThat(a.write(src)).isEqualTo(10);
            assertThat(src.position()).isEqualTo(10);

            ByteBuffer dst = direct ? ByteBuffer.allocateDirect(30) : ByteBuffer.allocate(30);
            dst.limit(6);
            assertThat(b.read(dst)).isEqualTo(6);
            assertThat(dst.position()).isEqualTo(6);

            src.limit(30);
            // 20 remain but only 12 fit: the count taken, and the position moves by exactly that.
            assertThat(a.write(src)).isEqualTo(12);
            assertThat(src.position()).isEqualTo(22);
            assertThat(a.write(src)).isEqualTo(-1);
            assertRetryWrite(a);
            assertThat(src.position()).isEqualTo(22);

            dst.limit(30);
            assertThat(b.read(dst)).isEqualTo(16);
            assertThat(dst.position()).isEqualTo(22);
            assertThat(b.read(dst)).isEqualTo(-1);
            assertRetryRead(b);
            assertThat(dst.position()).isEqualTo(22);
            byte[] got = new byte[22];
            dst.flip().get(got);
            assertThat(got).as(direct ? "direct" : "heap").isEqualTo(seq(0, 22));
        }
    }

    @Test
    @DisplayName("ByteBuffer calls on heap slices honour arrayOffset and position")
    void heapSlices() {
        BioPair pair = BioPair.create(8, 8);
        ByteBuffer src = ByteBuffer.wrap(ascii("--abcdefghij")).position(2).slice();
        src.position(1);
        assertThat(pair.first().write(src)).isEqualTo(8);
        assertThat(src.position()).isEqualTo(9);

        byte[] backing = new byte[12];
        ByteBuffer dst = ByteBuffer.wrap(backing).position(2).slice();
        dst.position(1);
        assertThat(pair.second().read(dst)).isEqualTo(8);
        assertThat(dst.position()).isEqualTo(9);
        assertThat(new String(backing, 3, 8, US_ASCII)).isEqualTo("bcdefghi");
    }

    @Test
    @DisplayName("a long random stream through a tiny ring, mixing array, heap and direct calls, arrives intact")
    void randomStream() {
        Random rnd = new Random(7);
        BioPair pair = BioPair.create(7, 13);
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        byte[] data = new byte[50_000];
        rnd.nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sent = 0;
        while (out.size() < data.length) {
            if (sent < data.length && rnd.nextBoolean()) {
                int want = Math.min(1 + rnd.nextInt(20), data.length - sent);
                int free = a.writeGuarantee();
                int n;
                switch (rnd.nextInt(3)) {
                    case 0: n = a.write(data, sent, want); break;
                    case 1: n = a.write(ByteBuffer.wrap(data, sent, want)); break;
                    default: n = a.write(ByteBuffer.allocateDirect(want).put(data, sent, want).flip()); break;
                }
                assertThat(n).isEqualTo(free == 0 ? -1 : Math.min(want, free));
                if (n > 0) {
                    sent += n;
                }
            } else {
                int want = 1 + rnd.nextInt(20);
                long avail = b.pending();
                byte[] got = new byte[want];
                int n;
                switch (rnd.nextInt(3)) {
                    case 0: n = b.read(got, 0, want); break;
                    case 1: n = b.read(ByteBuffer.wrap(got)); break;
                    default: {
                        ByteBuffer d = ByteBuffer.allocateDirect(want);
                        n = b.read(d);
                        d.flip().get(got, 0, d.remaining());
                        break;
                    }
                }
                assertThat(n).isEqualTo(avail == 0 ? -1 : (int) Math.min(want, avail));
                if (n > 0) {
                    out.write(got, 0, n);
                }
            }
        }
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    @DisplayName("closing either half dissolves the pair: reads and writes return 0 without flags, eof true")
    void close() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        a.write(ascii("lost"), 0, 4);
        b.write(ascii("gone"), 0, 4);
        assertThat(b.read(new byte[0], 0, 0)).isZero();
        b.read(new byte[10], 0, 10);
        b.read(new byte[10], 0, 10);
        assertRetryRead(b);

        a.close();
        a.close();
        for (BioPair.Half h : Arrays.asList(a, b)) {
            assertThat(h.read(new byte[4], 0, 4)).isZero();
            assertNoFlags(h);
            assertThat(h.read(ByteBuffer.allocate(4))).isZero();
            assertThat(h.write(ascii("x"), 0, 1)).isZero();
            assertThat(h.write(ByteBuffer.wrap(ascii("x")))).isZero();
            assertNoFlags(h);
            assertThat(h.pending()).isZero();
            assertThat(h.wpending()).isZero();
            assertThat(h.eof()).isTrue();
            assertThat(h.writeGuarantee()).isZero();
            assertThat(h.readRequest()).isZero();
            assertThat(h.writeBufSize()).isEqualTo(17408);
            assertThat(h.toString()).contains("closed");
        }
        b.close();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("ByteBuffer arguments: null is NullPointerException naming it, a read-only target is refused")
    void byteBufferChecks() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        assertThatThrownBy(() -> a.read((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("dst");
        assertThatThrownBy(() -> a.write((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("src");
        pair.second().write(ascii("z"), 0, 1);
        assertThatThrownBy(() -> a.read(ByteBuffer.allocateDirect(2).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThat(a.pending()).isEqualTo(1);
        assertThat(a.write(ByteBuffer.wrap(ascii("ro")).asReadOnlyBuffer())).isEqualTo(2);
    }

    @Test
    @DisplayName("D1 array arguments: null is NullPointerException, a bad range is IndexOutOfBoundsException naming off/len")
    void arrayChecks() {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        pair.second().read(new byte[4], 0, 4);
        assertThat(a.readRequest()).isEqualTo(4);
        assertThatThrownBy(() -> a.read(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> a.write(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> a.read(new byte[2], -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("off -1");
        assertThatThrownBy(() -> a.write(new byte[2], 0, -3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("len -3");
        assertThatThrownBy(() -> a.write(new byte[2], 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("off 1, len 2 out of bounds for b.length 2");
        // A refused call changes nothing, not even the peer's request.
        assertThat(a.readRequest()).isEqualTo(4);
        assertThat(a.wpending()).isZero();
    }

    @Test
    @DisplayName("two threads, one per half, move 2 MB through small rings in both directions")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneThreadPerHalf() throws Exception {
        BioPair pair = BioPair.create(1000, 333);
        int total = 2 * 1024 * 1024;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<long[]> first = pool.submit(() -> pump(pair.first(), total, 1));
            Future<long[]> second = pool.submit(() -> pump(pair.second(), total, 2));
            long[] r1 = first.get(60, TimeUnit.SECONDS);
            long[] r2 = second.get(60, TimeUnit.SECONDS);
            // Each side received exactly what the other sent.
            assertThat(r1[1]).isEqualTo(r2[0]);
            assertThat(r2[1]).isEqualTo(r1[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code total} seeded bytes and receives {@code total}; returns {sent CRC, received CRC}. */
    private static long[] pump(BioPair.Half half, int total, long seed) {
        Random rnd = new Random(seed);
        byte[] out = new byte[total];
        rnd.nextBytes(out);
        CRC32 sentCrc = new CRC32();
        sentCrc.update(out);
        CRC32 gotCrc = new CRC32();
        byte[] in = new byte[777];
        int sent = 0;
        int got = 0;
        while (sent < total || got < total) {
            boolean progress = false;
            if (sent < total) {
                int n = half.write(out, sent, Math.min(500, total - sent));
                if (n > 0) {
                    sent += n;
                    progress = true;
                } else if (!half.shouldRetry() || !half.shouldWrite()) {
                    throw new AssertionError("write failed without retry: " + n);
                }
            }
            if (got < total) {
                int n = half.read(in, 0, in.length);
                if (n > 0) {
                    gotCrc.update(in, 0, n);
                    got += n;
                    progress = true;
                } else if (!half.shouldRetry() || !half.shouldRead()) {
                    throw new AssertionError("read failed without retry: " + n);
                }
            }
            if (!progress) {
                Thread.yield();
            }
        }
        return new long[] {sentCrc.getValue(), gotCrc.getValue()};
    }
}
