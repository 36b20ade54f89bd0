package org.libssl4j.bio;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Bio;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

class MemBioTest {

    @BeforeEach
    @AfterEach
    void clearErrorQueue() {
        SslErrorQueue.clear();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
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

    @Test
    @DisplayName("a new memory BIO is empty: pending 0, eof true, wpending 0, flush 1")
    void newBioIsEmpty() {
        MemBio bio = MemBio.create();
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(bio.wpending()).isZero();
        assertThat(bio.flush()).isEqualTo(1);
        assertThat(bio.toByteArray()).isEmpty();
        assertNoFlags(bio);
    }

    @Test
    @DisplayName("R08.8 an empty memory BIO reads -1 with retry and read flags by default")
    void emptyReadDefaultsToRetry() {
        MemBio bio = MemBio.create();
        byte[] b = new byte[8];
        assertThat(bio.read(b, 0, 8)).isEqualTo(-1);
        assertRetryRead(bio);
        assertThat(bio.eof()).isTrue();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("R08.8 setMemEofReturn(0): an empty read is end of stream, 0 without flags")
    void eofReturnZeroGivesNoFlags() {
        MemBio bio = MemBio.create();
        bio.setMemEofReturn(0);
        assertThat(bio.read(new byte[8], 0, 8)).isZero();
        assertNoFlags(bio);
        assertThat(bio.read(ByteBuffer.allocate(8))).isZero();
        assertNoFlags(bio);
    }

    @Test
    @DisplayName("setMemEofReturn with another negative value returns it with retry flags; positive is refused")
    void eofReturnOtherValues() {
        MemBio bio = MemBio.create();
        bio.setMemEofReturn(-7);
        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(-7);
        assertRetryRead(bio);
        bio.setMemEofReturn(-1);
        assertThat(bio.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        assertRetryRead(bio);
        assertThatThrownBy(() -> bio.setMemEofReturn(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @Test
    @DisplayName("writes take everything, reads return what is held in order, partial reads leave the rest")
    void writeThenRead() {
        MemBio bio = MemBio.create();
        assertThat(bio.write(ascii("hello "), 0, 6)).isEqualTo(6);
        assertThat(bio.write(ascii("xxworldxx"), 2, 5)).isEqualTo(5);
        assertThat(bio.pending()).isEqualTo(11);
        assertThat(bio.eof()).isFalse();

        byte[] b = new byte[20];
        assertThat(bio.read(b, 3, 4)).isEqualTo(4);
        assertThat(new String(b, 3, 4, US_ASCII)).isEqualTo("hell");
        assertThat(bio.pending()).isEqualTo(7);
        assertThat(bio.read(b, 0, 20)).isEqualTo(7);
        assertThat(new String(b, 0, 7, US_ASCII)).isEqualTo("o world");
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertNoFlags(bio);
    }

    @Test
    @DisplayName("every call clears the flags the previous call set")
    void flagsClearedByNextCall() {
        MemBio bio = MemBio.create();
        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertRetryRead(bio);
        assertThat(bio.write(ascii("ab"), 0, 2)).isEqualTo(2);
        assertNoFlags(bio);

        bio.drain();
        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertThat(bio.write(ByteBuffer.wrap(ascii("ab")))).isEqualTo(2);
        assertNoFlags(bio);

        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(1);
        assertNoFlags(bio);
        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(1);
        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertThat(bio.read(ByteBuffer.allocate(0))).isZero();
        assertNoFlags(bio);

        assertThat(bio.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertThat(bio.drain()).isEmpty();
        assertNoFlags(bio);
    }

    @Test
    @DisplayName("a zero-length read returns 0 without flags, also on an empty BIO; a zero-length write returns 0")
    void zeroLength() {
        MemBio bio = MemBio.create();
        assertThat(bio.read(new byte[4], 4, 0)).isZero();
        assertNoFlags(bio);
        assertThat(bio.read(ByteBuffer.allocate(0))).isZero();
        assertNoFlags(bio);
        assertThat(bio.write(new byte[4], 2, 0)).isZero();
        assertThat(bio.write(ByteBuffer.allocate(0))).isZero();
        assertNoFlags(bio);
        assertThat(bio.pending()).isZero();
    }

    @Test
    @DisplayName("toByteArray copies without consuming; drain returns everything and empties the BIO")
    void toByteArrayAndDrain() {
        MemBio bio = MemBio.create();
        bio.write(ascii("abcdef"), 0, 6);
        bio.read(new byte[2], 0, 2);
        byte[] copy = bio.toByteArray();
        assertThat(copy).isEqualTo(ascii("cdef"));
        copy[0] = 'X';
        assertThat(bio.toByteArray()).isEqualTo(ascii("cdef"));
        assertThat(bio.pending()).isEqualTo(4);
        assertThat(bio.drain()).isEqualTo(ascii("cdef"));
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(bio.drain()).isEmpty();
    }

    @Test
    @DisplayName("reset drops everything held from a writable BIO and leaves the retry flags alone")
    void resetWritable() {
        MemBio bio = MemBio.create();
        bio.write(ascii("abc"), 0, 3);
        bio.reset();
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(bio.read(new byte[3], 0, 3)).isEqualTo(-1);
        bio.reset();
        assertRetryRead(bio);
        assertThat(bio.write(ascii("de"), 0, 2)).isEqualTo(2);
        assertThat(bio.drain()).isEqualTo(ascii("de"));
    }

    @Test
    @DisplayName("of(data): reads the data, then 0 without flags (static data, as BIO_new_mem_buf)")
    void readOnlyReadsThenEof() {
        MemBio bio = MemBio.of(ascii("static"));
        assertThat(bio.pending()).isEqualTo(6);
        assertThat(bio.eof()).isFalse();
        byte[] b = new byte[10];
        assertThat(bio.read(b, 0, 4)).isEqualTo(4);
        assertThat(bio.read(b, 4, 6)).isEqualTo(2);
        assertThat(new String(b, 0, 6, US_ASCII)).isEqualTo("static");
        assertThat(bio.read(b, 0, 10)).isZero();
        assertNoFlags(bio);
        assertThat(bio.eof()).isTrue();

        bio.setMemEofReturn(-1);
        assertThat(bio.read(b, 0, 10)).isEqualTo(-1);
        assertRetryRead(bio);
    }

    @Test
    @DisplayName("of(data): writes fail with -1, no retry flags, and 'write to read only BIO' on the queue")
    void readOnlyRefusesWrites() {
        MemBio bio = MemBio.of(ascii("ro"));
        bio.read(new byte[5], 0, 5);
        bio.setMemEofReturn(-1);
        bio.read(new byte[5], 0, 5);
        assertRetryRead(bio);

        assertThat(bio.write(ascii("x"), 0, 1)).isEqualTo(-1);
        assertNoFlags(bio);
        SslErrorEntry e = SslErrorQueue.get();
        assertThat(e).isNotNull();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_BIO);
        assertThat(e.reason()).isEqualTo(126);
        assertThat(e.reasonString()).isEqualTo("write to read only BIO");
        assertThat(SslErrorQueue.isEmpty()).isTrue();

        assertThat(bio.write(ByteBuffer.wrap(ascii("yz")))).isEqualTo(-1);
        assertThat(SslErrorQueue.get().reason()).isEqualTo(126);
        // C checks read-only before the length, so even an empty write fails.
        assertThat(bio.write(new byte[0], 0, 0)).isEqualTo(-1);
        assertThat(SslErrorQueue.get().reason()).isEqualTo(126);
        assertThat(bio.pending()).isZero();
    }

    @Test
    @DisplayName("of(data) copies data; reset rewinds a read-only BIO to the start")
    void readOnlyCopiesAndRewinds() {
        byte[] data = ascii("abc");
        MemBio bio = MemBio.of(data);
        data[0] = 'X';
        assertThat(bio.drain()).isEqualTo(ascii("abc"));
        assertThat(bio.eof()).isTrue();
        bio.reset();
        assertThat(bio.pending()).isEqualTo(3);
        assertThat(bio.toByteArray()).isEqualTo(ascii("abc"));
        assertThat(MemBio.of(new byte[0]).eof()).isTrue();
        assertThatThrownBy(() -> MemBio.of(null)).isInstanceOf(NullPointerException.class).hasMessage("data");
    }

    @Test
    @DisplayName("the buffer grows for large writes and keeps every byte in order")
    void growsForLargeWrites() {
        MemBio bio = MemBio.create();
        byte[] big = new byte[100_000];
        new Random(1).nextBytes(big);
        assertThat(bio.write(big, 0, 1)).isEqualTo(1);
        assertThat(bio.write(big, 1, big.length - 1)).isEqualTo(big.length - 1);
        assertThat(bio.pending()).isEqualTo(big.length);
        assertThat(bio.drain()).isEqualTo(big);
    }

    @Test
    @DisplayName("steady traffic reuses the buffer: no growth, whether reads empty the BIO or lag behind")
    void steadyStateDoesNotReallocate() {
        MemBio bio = MemBio.create();
        byte[] chunk = new byte[700];
        byte[] sink = new byte[700];
        bio.write(chunk, 0, 700);
        bio.read(sink, 0, 700);
        int capacity = bio.capacity();
        for (int i = 0; i < 10_000; i++) {
            assertThat(bio.write(chunk, 0, 700)).isEqualTo(700);
            assertThat(bio.read(sink, 0, 700)).isEqualTo(700);
        }
        assertThat(bio.capacity()).isEqualTo(capacity);

        // A reader that stays 600 bytes behind, one byte at a time: the buffer settles at a bounded size
        // (compaction only when it frees half), and every byte still comes out in order.
        MemBio lagging = MemBio.create();
        byte[] one = new byte[1];
        int next = 0;
        int expected = 0;
        for (; next < 600; next++) {
            one[0] = (byte) next;
            lagging.write(one, 0, 1);
        }
        int settled = -1;
        for (int i = 0; i < 50_000; i++) {
            one[0] = (byte) next++;
            lagging.write(one, 0, 1);
            assertThat(lagging.read(one, 0, 1)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) expected++);
            if (i == 10_000) {
                settled = lagging.capacity();
            }
        }
        assertThat(lagging.capacity()).isEqualTo(settled).isLessThanOrEqualTo(2048);
        assertThat(lagging.pending()).isEqualTo(600);
    }

    @Test
    @DisplayName("random interleaving of array, heap and direct ByteBuffer calls keeps the byte stream intact")
    void randomInterleaving() {
        Random rnd = new Random(42);
        MemBio bio = MemBio.create();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            if (rnd.nextBoolean()) {
                byte[] data = new byte[rnd.nextInt(3000)];
                rnd.nextBytes(data);
                in.write(data, 0, data.length);
                int n;
                switch (rnd.nextInt(3)) {
                    case 0: n = bio.write(data, 0, data.length); break;
                    case 1: n = bio.write(ByteBuffer.wrap(data)); break;
                    default:
                        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
                        n = bio.write(direct);
                        assertThat(direct.hasRemaining()).isFalse();
                        break;
                }
                assertThat(n).isEqualTo(data.length);
            } else {
                int want = 1 + rnd.nextInt(4000);
                int expect = (int) Math.min(want, bio.pending());
                int n;
                byte[] got;
                switch (rnd.nextInt(3)) {
                    case 0:
                        got = new byte[want];
                        n = bio.read(got, 0, want);
                        break;
                    case 1: {
                        ByteBuffer heap = ByteBuffer.allocate(want);
                        n = bio.read(heap);
                        got = Arrays.copyOf(heap.array(), Math.max(n, 0));
                        break;
                    }
                    default: {
                        ByteBuffer direct = ByteBuffer.allocateDirect(want);
                        n = bio.read(direct);
                        got = new byte[Math.max(n, 0)];
                        direct.flip().get(got);
                        break;
                    }
                }
                if (expect == 0) {
                    assertThat(n).isEqualTo(-1);
                } else {
                    assertThat(n).isEqualTo(expect);
                    out.write(got, 0, n);
                }
            }
        }
        byte[] rest = bio.drain();
        out.write(rest, 0, rest.length);
        assertThat(out.toByteArray()).isEqualTo(in.toByteArray());
    }

    @Test
    @DisplayName("ByteBuffer write from a direct buffer and read into a direct buffer advance the positions")
    void directBuffers() {
        MemBio bio = MemBio.create();
        ByteBuffer src = ByteBuffer.allocateDirect(10);
        src.put(ascii("0123456789")).flip().position(2).limit(8);
        assertThat(bio.write(src)).isEqualTo(6);
        assertThat(src.position()).isEqualTo(8);

        ByteBuffer dst = ByteBuffer.allocateDirect(4);
        assertThat(bio.read(dst)).isEqualTo(4);
        assertThat(dst.position()).isEqualTo(4);
        byte[] got = new byte[4];
        dst.flip().get(got);
        assertThat(got).isEqualTo(ascii("2345"));

        ByteBuffer bigger = ByteBuffer.allocateDirect(10);
        assertThat(bio.read(bigger)).isEqualTo(2);
        assertThat(bigger.position()).isEqualTo(2);
        assertThat(bio.read(bigger)).isEqualTo(-1);
        assertThat(bigger.position()).isEqualTo(2);
        assertRetryRead(bio);
    }

    @Test
    @DisplayName("ByteBuffer read and write on heap slices honour arrayOffset and position")
    void heapSlices() {
        MemBio bio = MemBio.create();
        ByteBuffer src = ByteBuffer.wrap(ascii("..abcdef")).position(2).slice();
        src.position(1);
        assertThat(bio.write(src)).isEqualTo(5);
        assertThat(src.hasRemaining()).isFalse();

        byte[] backing = new byte[10];
        ByteBuffer dst = ByteBuffer.wrap(backing).position(3).slice();
        dst.position(1);
        assertThat(bio.read(dst)).isEqualTo(5);
        assertThat(dst.position()).isEqualTo(6);
        assertThat(new String(backing, 4, 5, US_ASCII)).isEqualTo("bcdef");
    }

    @Test
    @DisplayName("ByteBuffer arguments: null is NullPointerException naming it, a read-only target is refused")
    void byteBufferChecks() {
        MemBio bio = MemBio.create();
        assertThatThrownBy(() -> bio.read((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("dst");
        assertThatThrownBy(() -> bio.write((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("src");
        bio.write(ascii("a"), 0, 1);
        assertThatThrownBy(() -> bio.read(ByteBuffer.allocate(4).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThat(bio.pending()).isEqualTo(1);
        // A read-only source is fine to write from.
        assertThat(bio.write(ByteBuffer.wrap(ascii("bc")).asReadOnlyBuffer())).isEqualTo(2);
        assertThat(bio.drain()).isEqualTo(ascii("abc"));
    }

    @Test
    @DisplayName("D1 array arguments: null is NullPointerException, a bad range is IndexOutOfBoundsException naming off/len")
    void arrayChecks() {
        MemBio bio = MemBio.create();
        bio.write(ascii("abc"), 0, 3);
        assertThatThrownBy(() -> bio.read(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> bio.write(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> bio.read(new byte[4], -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("off -1");
        assertThatThrownBy(() -> bio.read(new byte[4], 0, -1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("len -1");
        assertThatThrownBy(() -> bio.read(new byte[4], 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("off 3, len 2 out of bounds for b.length 4");
        assertThatThrownBy(() -> bio.write(new byte[4], 5, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("off 5");
        assertThatThrownBy(() -> bio.write(new byte[4], 1, Integer.MAX_VALUE))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("len " + Integer.MAX_VALUE);
        // A refused call changes nothing.
        assertThat(bio.drain()).isEqualTo(ascii("abc"));
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("close drops the contents; later calls return 0 without flags; idempotent")
    void close() {
        MemBio bio = MemBio.create();
        bio.write(ascii("secret"), 0, 6);
        bio.read(new byte[6], 0, 6);
        bio.read(new byte[6], 0, 6);
        assertRetryRead(bio);
        bio.close();
        assertNoFlags(bio);
        bio.close();
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(bio.read(new byte[1], 0, 1)).isZero();
        assertThat(bio.write(ascii("x"), 0, 1)).isZero();
        assertThat(bio.write(ByteBuffer.wrap(ascii("x")))).isZero();
        assertThat(bio.read(ByteBuffer.allocate(1))).isZero();
        assertNoFlags(bio);
        assertThat(bio.toByteArray()).isEmpty();
        assertThat(SslErrorQueue.isEmpty()).isTrue();

        MemBio ro = MemBio.of(ascii("x"));
        ro.close();
        assertThat(ro.write(ascii("y"), 0, 1)).isZero();
        assertThat(ro.pending()).isZero();
    }

    @Test
    @DisplayName("works as a plain Bio through the interface, try-with-resources included")
    void asBio() {
        try (Bio bio = MemBio.create()) {
            assertThat(bio.write(ByteBuffer.wrap(ascii("hi")))).isEqualTo(2);
            assertThat(bio.pending()).isEqualTo(2);
            assertThat(bio.toString()).contains("pending=2");
        }
    }
}
