package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboundTest {
    private static final byte[] FIRST = TestEngine.record(TestEngine.APPLICATION_DATA, (byte) 1, (byte) 2, (byte) 3);
    private static final byte[] SECOND = TestEngine.record(TestEngine.HANDSHAKE, (byte) 9, (byte) 8);

    private final MemoryBio bio = new MemoryBio();
    private final Inbound in = new Inbound(false);

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    @DisplayName("R06.5 without read-ahead the header, then exactly the body, are read: the next record stays in the BIO")
    void withoutReadAheadOneRecord() {
        bio.put(concat(FIRST, SECOND));
        assertThat(in.fill(bio, Inbound.HEADER, false)).isEqualTo(1);
        assertThat(in.buffered()).isEqualTo(5);
        assertThat(in.type()).isEqualTo(TestEngine.APPLICATION_DATA);
        assertThat(in.version()).isEqualTo(0x0303);
        assertThat(in.bodyLength()).isEqualTo(3);
        assertThat(in.fill(bio, Inbound.HEADER + in.bodyLength(), false)).isEqualTo(1);
        assertThat(in.buffered()).isEqualTo(FIRST.length);
        assertThat(bio.peekAll()).isEqualTo(SECOND);
        assertThat(bytesOf(in.record())).isEqualTo(FIRST);
        assertThat(in.byteAt(Inbound.HEADER)).isEqualTo(1);
    }

    @Test
    @DisplayName("R06.5 with read-ahead everything the BIO has is pulled in; records are then framed one by one")
    void withReadAhead() {
        bio.put(concat(FIRST, SECOND));
        assertThat(in.fill(bio, Inbound.HEADER, true)).isEqualTo(1);
        assertThat(bio.size()).isZero();
        assertThat(in.buffered()).isEqualTo(FIRST.length + SECOND.length);
        assertThat(bytesOf(in.record())).isEqualTo(FIRST);
        in.consumeRecord();
        assertThat(in.buffered()).isEqualTo(SECOND.length);
        assertThat(in.type()).isEqualTo(TestEngine.HANDSHAKE);
        assertThat(in.fill(bio, Inbound.HEADER + in.bodyLength(), true)).as("held already: no read").isEqualTo(1);
        assertThat(bytesOf(in.record())).isEqualTo(SECOND);
        in.consumeRecord();
        assertThat(in.buffered()).isZero();
    }

    @Test
    @DisplayName("R10.4 fewer bytes than asked: the BIO's retry value comes back and the bytes read stay held")
    void partialHeaderStays() {
        bio.put(Arrays.copyOf(FIRST, 3));
        assertThat(in.fill(bio, Inbound.HEADER, false)).isEqualTo(-1);
        assertThat(bio.shouldRetry()).isTrue();
        assertThat(in.buffered()).isEqualTo(3);
        bio.put(Arrays.copyOfRange(FIRST, 3, FIRST.length));
        assertThat(in.fill(bio, Inbound.HEADER, false)).isEqualTo(1);
        assertThat(in.bodyLength()).isEqualTo(3);
        assertThat(bio.size()).as("the body stays in the BIO").isEqualTo(3);
    }

    @Test
    @DisplayName("R08.1 at the end of the stream fill returns the BIO's 0")
    void eof() {
        bio.eofWhenEmpty = true;
        assertThat(in.fill(bio, Inbound.HEADER, false)).isZero();
        assertThat(in.buffered()).isZero();
    }

    @Test
    @DisplayName("startsWith looks at the bytes held, and is false when fewer are held than the prefix")
    void startsWith() {
        bio.put("GET /".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        in.fill(bio, 3, false);
        assertThat(in.startsWith("GET")).isTrue();
        assertThat(in.startsWith("GET ")).as("only 3 bytes held").isFalse();
        in.fill(bio, 5, false);
        assertThat(in.startsWith("GET ")).isTrue();
        assertThat(in.startsWith("PUT ")).isFalse();
    }

    @Test
    @DisplayName("a record cut by the end of the buffer is moved to the front so that a whole record fits")
    void compactsPartialRecord() {
        byte[] small = TestEngine.record(TestEngine.APPLICATION_DATA, new byte[10]);
        byte[] bigBody = new byte[Inbound.MAX_BODY];
        for (int i = 0; i < bigBody.length; i++) {
            bigBody[i] = (byte) i;
        }
        byte[] big = TestEngine.record(TestEngine.APPLICATION_DATA, bigBody);
        bio.put(concat(small, big));
        assertThat(in.fill(bio, Inbound.HEADER, true)).isEqualTo(1);
        assertThat(in.buffered()).isEqualTo(Inbound.CAPACITY);
        in.consumeRecord();
        assertThat(in.bodyLength()).isEqualTo(Inbound.MAX_BODY);
        assertThat(in.fill(bio, Inbound.HEADER + in.bodyLength(), true)).isEqualTo(1);
        assertThat(bytesOf(in.record())).isEqualTo(big);
        assertThat(bio.size()).isZero();
    }

    @Test
    @DisplayName("R08.5 clear drops every byte held, a partial record included")
    void clear() {
        bio.put(Arrays.copyOf(FIRST, 4));
        in.fill(bio, Inbound.HEADER, false);
        in.clear();
        assertThat(in.buffered()).isZero();
    }

    @Test
    @DisplayName("R14.1 releaseIfEmpty keeps a partial record, and a released buffer is made again for the next record")
    void releaseIfEmpty() {
        bio.put(Arrays.copyOf(FIRST, 4));
        in.fill(bio, Inbound.HEADER, false);
        in.releaseIfEmpty();
        assertThat(in.buffered()).isEqualTo(4);
        bio.put(Arrays.copyOfRange(FIRST, 4, FIRST.length));
        in.fill(bio, FIRST.length, false);
        assertThat(bytesOf(in.record())).isEqualTo(FIRST);
        in.consumeRecord();
        in.releaseIfEmpty();
        bio.put(SECOND);
        assertThat(in.fill(bio, SECOND.length, false)).isEqualTo(1);
        assertThat(bytesOf(in.record())).isEqualTo(SECOND);
    }

    @Test
    @DisplayName("a direct Inbound hands the engine a direct buffer")
    void direct() {
        Inbound d = new Inbound(true);
        bio.put(FIRST);
        d.fill(bio, FIRST.length, false);
        assertThat(d.record().isDirect()).isTrue();
        assertThat(bytesOf(d.record())).isEqualTo(FIRST);
    }
}
