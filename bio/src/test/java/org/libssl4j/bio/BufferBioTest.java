package org.libssl4j.bio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Bio;

/** {@link BufferBio} and chains: what {@code bf_buff.c} and {@code BIO_push}/{@code BIO_pop} do. */
class BufferBioTest {

    @Test
    @DisplayName("small writes stay in the buffer until flush; wpending counts them")
    void writesWaitForFlush() {
        MemBio sink = MemBio.create();
        BufferBio buf = BufferBio.create(16);
        assertThat(buf.push(sink)).isSameAs(buf);
        assertThat(buf.next()).isSameAs(sink);

        assertThat(buf.write(new byte[] {1, 2, 3}, 0, 3)).isEqualTo(3);
        assertThat(sink.pending()).isZero();
        assertThat(buf.wpending()).isEqualTo(3);
        assertThat(buf.flush()).isEqualTo(1);
        assertThat(buf.wpending()).isZero();
        byte[] got = new byte[3];
        assertThat(sink.read(got, 0, 3)).isEqualTo(3);
        assertThat(got).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("a write that overflows the buffer passes whole buffers on; large writes go straight through")
    void overflowPassesOn() {
        MemBio sink = MemBio.create();
        BufferBio buf = BufferBio.create(16);
        buf.push(sink);
        byte[] data = random(100, 1);
        assertThat(buf.write(data, 0, 10)).isEqualTo(10);
        assertThat(buf.write(data, 10, 90)).isEqualTo(90);
        // 10 buffered, topped up to 16 and passed on, then the remaining 84 (>= one buffer) straight through
        assertThat(sink.pending()).isEqualTo(100);
        assertThat(buf.wpending()).isZero();
        buf.flush();
        byte[] got = new byte[100];
        assertThat(sink.read(got, 0, 100)).isEqualTo(100);
        assertThat(got).isEqualTo(data);
    }

    @Test
    @DisplayName("a next BIO that cannot take bytes: its retry flags are copied, and no byte taken is lost or doubled")
    void retryLosesNothing() {
        BioPair pair = BioPair.create(8, 8);
        BufferBio buf = BufferBio.create(16);
        buf.push(pair.first());
        byte[] data = random(200, 2);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] tmp = new byte[64];
        int off = 0;
        int guard = 0;
        while (off < data.length || buf.wpending() > 0) {
            assertThat(guard++).isLessThan(10_000);
            if (off < data.length) {
                int w = buf.write(data, off, Math.min(13, data.length - off));
                if (w > 0) {
                    off += w;
                } else {
                    assertThat(w).isEqualTo(-1);
                    assertThat(buf.shouldRetry()).isTrue();
                    assertThat(buf.shouldWrite()).isTrue();
                }
            } else if (buf.flush() <= 0) {
                assertThat(buf.shouldRetry()).isTrue();
                assertThat(buf.shouldWrite()).isTrue();
            }
            int r = pair.second().read(tmp, 0, 5);
            if (r > 0) {
                received.write(tmp, 0, r);
            }
        }
        int r;
        while ((r = pair.second().read(tmp, 0, tmp.length)) > 0) {
            received.write(tmp, 0, r);
        }
        assertThat(received.toByteArray()).isEqualTo(data);
    }

    @Test
    @DisplayName("reads come out of a buffer filled in blocks; pending counts buffered bytes; retry flags copied")
    void readsBuffer() {
        MemBio source = MemBio.create();
        byte[] data = random(50, 3);
        source.write(data, 0, data.length);
        BufferBio buf = BufferBio.create(16);
        buf.push(source);

        byte[] one = new byte[1];
        assertThat(buf.read(one, 0, 1)).isEqualTo(1);
        assertThat(one[0]).isEqualTo(data[0]);
        assertThat(source.pending()).isEqualTo(50 - 16);
        assertThat(buf.pending()).as("its own buffer first, as bf_buff.c").isEqualTo(15);

        byte[] rest = new byte[49];
        int n = 0;
        while (n < 49) {
            int r = buf.read(rest, n, 49 - n);
            assertThat(r).isPositive();
            n += r;
        }
        assertThat(rest).isEqualTo(Arrays.copyOfRange(data, 1, 50));

        assertThat(buf.read(one, 0, 1)).isEqualTo(-1);
        assertThat(buf.shouldRetry()).isTrue();
        assertThat(buf.shouldRead()).isTrue();

        source.setMemEofReturn(0);
        assertThat(buf.read(one, 0, 1)).isZero();
        assertThat(buf.shouldRetry()).isFalse();
        assertThat(buf.eof()).isTrue();
    }

    @Test
    @DisplayName("pop detaches the head and returns the rest; closeAll closes the whole chain")
    void chains() {
        BufferBio outer = BufferBio.create();
        BufferBio inner = BufferBio.create();
        MemBio sink = MemBio.create();
        outer.push(inner).push(sink);
        assertThat(outer.next()).isSameAs(inner);
        assertThat(inner.next()).isSameAs(sink);
        assertThatThrownBy(() -> outer.push(inner)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outer.push(null)).isInstanceOf(NullPointerException.class);

        assertThat(outer.pop()).isSameAs(inner);
        assertThat(outer.next()).isNull();
        assertThat(outer.write(new byte[1], 0, 1)).isZero(); // no next BIO: nothing to do

        inner.write(new byte[] {4}, 0, 1);
        inner.closeAll();
        assertThat(inner.wpending()).isZero();
        assertThat(sink.eof()).isTrue(); // a closed memory BIO holds nothing
    }

    @Test
    @DisplayName("a read into a read-only ByteBuffer throws before reading: no buffered byte is lost")
    void readOnlyBufferLosesNothing() {
        MemBio source = MemBio.create();
        source.write(new byte[] {1, 2, 3, 4, 5}, 0, 5);
        BufferBio buf = BufferBio.create(16);
        buf.push(source);
        assertThatThrownBy(() -> buf.read(ByteBuffer.allocate(8).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        byte[] got = new byte[5];
        assertThat(buf.read(got, 0, 5)).isEqualTo(5);
        assertThat(got).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("push refuses a loop from either side, and a chain stays walkable")
    void pushRefusesLoops() {
        BufferBio a = BufferBio.create();
        BufferBio b = BufferBio.create();
        BufferBio c = BufferBio.create();
        b.push(a);
        assertThatThrownBy(() -> a.push(b)).isInstanceOf(IllegalArgumentException.class);
        a.push(c);
        assertThatThrownBy(() -> c.push(b)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.push(c)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.next()).isSameAs(a);
        assertThat(a.next()).isSameAs(c);
        assertThat(c.next()).isNull();
        b.closeAll(); // terminates
    }

    @Test
    @DisplayName("programming errors throw at once")
    void programmingErrors() {
        assertThatThrownBy(() -> BufferBio.create(0)).isInstanceOf(IllegalArgumentException.class);
        Bio buf = BufferBio.create();
        assertThatThrownBy(() -> buf.read(null, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> buf.write(new byte[1], 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
