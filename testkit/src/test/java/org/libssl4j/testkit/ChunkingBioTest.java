package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.libssl4j.bio.BioPair;
import org.libssl4j.bio.MemBio;

class ChunkingBioTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20240601})
    void bytesArriveOnceAndInOrder(long seed) {
        byte[] data = randomBytes(seed, 50_000);
        MemBio mem = MemBio.create();
        ChunkingBio writer = new ChunkingBio(mem, seed, 700, 0.3);
        ChunkingBio reader = new ChunkingBio(mem, seed + 1, 300, 0.3);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int sent = 0;
        for (int rounds = 0; got.size() < data.length; rounds++) {
            assertThat(rounds).as("progress").isLessThan(1_000_000);
            if (sent < data.length) {
                int n = writer.write(data, sent, data.length - sent);
                if (n > 0) {
                    sent += n;
                } else {
                    assertThat(writer.shouldRetry()).isTrue();
                    assertThat(writer.shouldWrite()).isTrue();
                    assertThat(writer.shouldRead()).isFalse();
                }
            }
            int r = reader.read(buf, 0, buf.length);
            if (r > 0) {
                got.write(buf, 0, r);
            } else {
                assertThat(reader.shouldRetry()).isTrue();
                assertThat(reader.shouldRead()).isTrue();
                assertThat(reader.shouldWrite()).isFalse();
            }
        }
        assertThat(got.toByteArray()).isEqualTo(data);
    }

    @Test
    void piecesAreAtMostMaxChunkAndVary() {
        MemBio mem = MemBio.create();
        ChunkingBio bio = new ChunkingBio(mem, 7, 10);
        List<Integer> sizes = new ArrayList<>();
        byte[] data = new byte[1000];
        for (int off = 0; off < data.length; ) {
            int n = bio.write(data, off, data.length - off);
            assertThat(n).isBetween(1, 10);
            sizes.add(n);
            off += n;
        }
        assertThat(mem.pending()).isEqualTo(1000);
        assertThat(sizes.stream().distinct().count()).isGreaterThan(3);
        // Never more than asked for.
        assertThat(bio.read(new byte[3], 0, 3)).isBetween(1, 3);
    }

    @Test
    void sameSeedSameChoices() {
        assertThat(sizes(99)).isEqualTo(sizes(99));
        assertThat(sizes(99)).isNotEqualTo(sizes(100));
    }

    private static List<Integer> sizes(long seed) {
        ChunkingBio bio = new ChunkingBio(MemBio.create(), seed, 50, 0.2);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(bio.write(new byte[100], 0, 100));
        }
        return out;
    }

    @Test
    void passThroughReportsTheInnerFlags() {
        BioPair pair = BioPair.create(16, 16);
        ChunkingBio bio = new ChunkingBio(pair.first(), 5, 100);
        // Empty pair: the inner read fails with retry + read.
        assertThat(bio.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(bio.shouldRetry()).isTrue();
        assertThat(bio.shouldRead()).isTrue();
        // Fill the 16-byte buffer, then the inner write fails with retry + write.
        byte[] data = new byte[16];
        for (int off = 0; off < 16; ) {
            off += bio.write(data, off, 16 - off);
        }
        assertThat(bio.write(data, 0, 1)).isEqualTo(-1);
        assertThat(bio.shouldRetry()).isTrue();
        assertThat(bio.shouldWrite()).isTrue();
        assertThat(bio.shouldRead()).isFalse();
        // A success clears them.
        assertThat(pair.second().read(new byte[16], 0, 16)).isEqualTo(16);
        assertThat(bio.write(data, 0, 1)).isEqualTo(1);
        assertThat(bio.shouldRetry()).isFalse();
    }

    @Test
    void refusalsDoNotTouchTheInnerBio() {
        MemBio mem = MemBio.create();
        ChunkingBio bio = new ChunkingBio(mem, 3, 100, 0.9);
        long taken = 0;
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            int n = bio.write(new byte[10], 0, 10);
            if (n < 0) {
                refused++;
            } else {
                taken += n;
            }
        }
        assertThat(refused).isBetween(150, 199);
        assertThat(mem.pending()).isEqualTo(taken);
    }

    @Test
    void zeroLengthCallsPassThroughUnrefused() {
        MemBio mem = MemBio.create();
        ChunkingBio bio = new ChunkingBio(mem, 3, 100, 0.999);
        assertThat(bio.write(new byte[1], 0, 0)).isZero();
        assertThat(bio.read(new byte[1], 0, 0)).isZero();
    }

    @Test
    void toStringNamesTheSeed() {
        assertThat(new ChunkingBio(MemBio.create(), 123456789L, 8, 0.25).toString())
                .contains("seed=123456789").contains("maxChunk=8").contains("0.25");
    }

    @Test
    void argumentsAreChecked() {
        MemBio mem = MemBio.create();
        assertThatThrownBy(() -> new ChunkingBio(mem, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingBio(mem, 1, 5, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingBio(mem, 1, 5).read(null, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ChunkingBio(mem, 1, 5).write(new byte[2], 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    static byte[] randomBytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
