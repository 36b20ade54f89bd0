package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundTest {
    private final Outbound out = new Outbound(false, 64);

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    @DisplayName("a fresh Outbound is empty and offers its whole capacity")
    void fresh() {
        assertThat(out.isEmpty()).isTrue();
        ByteBuffer space = out.space();
        assertThat(space.position()).isZero();
        assertThat(space.remaining()).isEqualTo(64);
        assertThat(out.isEmpty()).as("asking for space holds nothing").isTrue();
    }

    @Test
    @DisplayName("commit holds what was written into the space; a commit with nothing written holds nothing")
    void commit() {
        out.space();
        out.commit();
        assertThat(out.isEmpty()).isTrue();
        out.space().put(bytes(10, 0));
        out.commit();
        assertThat(out.isEmpty()).isFalse();
    }

    @Test
    @DisplayName("flush hands everything to a BIO that takes it, and is then empty")
    void flushAll() {
        MemoryBio bio = new MemoryBio();
        out.put(bytes(20, 5));
        assertThat(out.flush(bio)).isEqualTo(1);
        assertThat(out.isEmpty()).isTrue();
        assertThat(bio.take()).isEqualTo(bytes(20, 5));
        assertThat(out.flush(bio)).as("nothing held: nothing to do").isEqualTo(1);
        assertThat(bio.size()).isZero();
    }

    @Test
    @DisplayName("R04.2 a full BIO takes part of a record; the rest stays, and no byte is sent twice or dropped")
    void flushPartial() {
        MemoryBio bio = new MemoryBio(7);
        byte[] record = bytes(20, 1);
        out.put(record);
        assertThat(out.flush(bio)).isEqualTo(-1);
        assertThat(bio.shouldWrite()).isTrue();
        assertThat(out.isEmpty()).isFalse();
        ByteBuffer got = ByteBuffer.allocate(20);
        got.put(bio.take());
        assertThat(out.flush(bio)).isEqualTo(-1);
        got.put(bio.take());
        assertThat(out.flush(bio)).isEqualTo(1);
        got.put(bio.take());
        assertThat(got.array()).isEqualTo(record);
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a BIO that takes no byte leaves everything held")
    void flushZero() {
        Outbound o = new Outbound(false, 64);
        o.put(bytes(5, 0));
        assertThat(o.flush(new MemoryBio(0))).isEqualTo(-1);
        assertThat(o.isEmpty()).isFalse();
        MemoryBio bio = new MemoryBio();
        assertThat(o.flush(bio)).isEqualTo(1);
        assertThat(bio.take()).isEqualTo(bytes(5, 0));
    }

    @Test
    @DisplayName("grow doubles the capacity for an engine whose record did not fit")
    void grow() {
        out.grow();
        assertThat(out.space().remaining()).isEqualTo(128);
        out.grow();
        assertThat(out.space().remaining()).isEqualTo(256);
    }

    @Test
    @DisplayName("after a flush the next record starts at the front of the buffer")
    void spaceAfterFlush() {
        out.put(bytes(30, 0));
        out.flush(new MemoryBio());
        assertThat(out.space().position()).isZero();
        assertThat(out.space().remaining()).isEqualTo(64);
    }

    @Test
    @DisplayName("R14.1 releaseIfEmpty keeps held bytes, and a released Outbound works again")
    void releaseIfEmpty() {
        out.put(bytes(9, 3));
        out.releaseIfEmpty();
        MemoryBio bio = new MemoryBio();
        assertThat(out.flush(bio)).isEqualTo(1);
        assertThat(bio.take()).isEqualTo(bytes(9, 3));
        out.releaseIfEmpty();
        out.put(bytes(4, 7));
        out.flush(bio);
        assertThat(bio.take()).isEqualTo(bytes(4, 7));
    }

    @Test
    @DisplayName("a direct Outbound seals into a direct buffer")
    void direct() {
        assertThat(new Outbound(true, 16).space().isDirect()).isTrue();
        assertThat(out.space().isDirect()).isFalse();
    }
}
