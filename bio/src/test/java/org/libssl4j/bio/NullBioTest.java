package org.libssl4j.bio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Bio;
import org.libssl4j.SslErrorQueue;

class NullBioTest {

    private static void assertNoFlags(Bio bio) {
        assertThat(bio.shouldRetry()).isFalse();
        assertThat(bio.shouldRead()).isFalse();
        assertThat(bio.shouldWrite()).isFalse();
        assertThat(bio.shouldIoSpecial()).isFalse();
    }

    @Test
    @DisplayName("reads return 0 (end of stream) without flags, and eof is true")
    void readsAreEndOfStream() {
        NullBio bio = NullBio.create();
        byte[] b = {1, 2, 3};
        assertThat(bio.read(b, 0, 3)).isZero();
        assertThat(b).containsExactly(1, 2, 3);
        assertNoFlags(bio);
        assertThat(bio.eof()).isTrue();
        assertThat(bio.pending()).isZero();
        assertThat(bio.wpending()).isZero();
        assertThat(bio.flush()).isEqualTo(1);

        ByteBuffer heap = ByteBuffer.allocate(4);
        assertThat(bio.read(heap)).isZero();
        assertThat(heap.position()).isZero();
        ByteBuffer direct = ByteBuffer.allocateDirect(4);
        assertThat(bio.read(direct)).isZero();
        assertThat(direct.position()).isZero();
        assertNoFlags(bio);
    }

    @Test
    @DisplayName("writes swallow everything and return len; a ByteBuffer is consumed to its limit")
    void writesSwallowEverything() {
        NullBio bio = NullBio.create();
        assertThat(bio.write(new byte[10], 2, 7)).isEqualTo(7);
        assertThat(bio.write(new byte[10], 10, 0)).isZero();
        assertThat(bio.write(new byte[100_000], 0, 100_000)).isEqualTo(100_000);

        ByteBuffer heap = ByteBuffer.allocate(10).position(3).limit(8);
        assertThat(bio.write(heap)).isEqualTo(5);
        assertThat(heap.position()).isEqualTo(8);
        ByteBuffer direct = ByteBuffer.allocateDirect(6);
        assertThat(bio.write(direct)).isEqualTo(6);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(bio.write(direct)).isZero();
        assertThat(bio.write(ByteBuffer.allocate(3).asReadOnlyBuffer())).isEqualTo(3);

        assertNoFlags(bio);
        assertThat(bio.pending()).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("D1 arguments are checked as by any BIO: NullPointerException and IndexOutOfBoundsException naming them")
    void argumentChecks() {
        NullBio bio = NullBio.create();
        assertThatThrownBy(() -> bio.read(null, 0, 0)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> bio.write(null, 0, 0)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> bio.read(new byte[3], 2, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("off 2, len 2 out of bounds for b.length 3");
        assertThatThrownBy(() -> bio.write(new byte[3], -1, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("off -1");
        assertThatThrownBy(() -> bio.write(new byte[3], 0, -1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("len -1");
        assertThatThrownBy(() -> bio.read((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("dst");
        assertThatThrownBy(() -> bio.write((ByteBuffer) null))
                .isInstanceOf(NullPointerException.class).hasMessage("src");
        assertThatThrownBy(() -> bio.read(ByteBuffer.allocate(1).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    @DisplayName("close is idempotent and changes nothing")
    void close() {
        NullBio bio = NullBio.create();
        bio.close();
        bio.close();
        assertThat(bio.write(new byte[2], 0, 2)).isEqualTo(2);
        assertThat(bio.read(new byte[2], 0, 2)).isZero();
        assertThat(bio.eof()).isTrue();
        assertThat(NullBio.create()).isNotSameAs(bio);
        assertThat(bio).hasToString("NullBio");
    }
}
