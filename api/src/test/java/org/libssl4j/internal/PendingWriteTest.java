package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslReason;

class PendingWriteTest {
    private final PendingWrite pw = new PendingWrite();
    private final byte[] buf = new byte[4096];

    /** A write of {@code firstRecords} whole records of 512 sent, then one of 512 sealed and pending. */
    private void committedThenPending(int firstRecords) {
        for (int i = 0; i < firstRecords; i++) {
            pw.recordSealed(buf, 10 + i * 512, 512);
            pw.recordSent();
        }
        pw.recordSealed(buf, 10 + firstRecords * 512, 512);
    }

    @Test
    @DisplayName("a fresh write has nothing committed and nothing sealed, and refuses no call")
    void fresh() {
        assertThat(pw.committed()).isZero();
        assertThat(pw.isRecordSealed()).isFalse();
        assertThat(pw.refuseRetry(0, new byte[1], 0, false)).isZero();
        assertThat(pw.refuseRetry(5, ByteBuffer.allocate(5), 3, false)).isZero();
    }

    @Test
    @DisplayName("R05.3 a retry shorter than committed plus the pending record is bad length")
    void shorterThanCommittedPlusPendingIsBadLength() {
        committedThenPending(2);
        assertThat(pw.committed()).isEqualTo(1024);
        assertThat(pw.refuseRetry(1535, buf, 10, false)).isEqualTo(SslReason.BAD_LENGTH);
        assertThat(pw.refuseRetry(1024, buf, 10, false)).isEqualTo(SslReason.BAD_LENGTH);
        assertThat(pw.refuseRetry(100, buf, 10, false)).isEqualTo(SslReason.BAD_LENGTH);
    }

    @Test
    @DisplayName("R05.3 a retry shorter than what was committed is bad length even with no record pending")
    void shorterThanCommittedWithoutPendingRecord() {
        pw.recordSealed(buf, 0, 512);
        pw.recordSent();
        assertThat(pw.isRecordSealed()).isFalse();
        assertThat(pw.refuseRetry(511, buf, 0, false)).isEqualTo(SslReason.BAD_LENGTH);
        assertThat(pw.refuseRetry(512, buf, 0, false)).isZero();
    }

    @Test
    @DisplayName("R05.3 the length is checked before the buffer, with or without AMWB")
    void lengthBeforeAddress() {
        committedThenPending(1);
        byte[] other = buf.clone();
        assertThat(pw.refuseRetry(1000, other, 10, false)).isEqualTo(SslReason.BAD_LENGTH);
        assertThat(pw.refuseRetry(1000, other, 10, true)).isEqualTo(SslReason.BAD_LENGTH);
        assertThat(pw.refuseRetry(1000, buf, 10, true)).isEqualTo(SslReason.BAD_LENGTH);
    }

    @Test
    @DisplayName("R05.4 a shorter retry that still covers the pending record is accepted")
    void shorterCoveringPendingIsAccepted() {
        committedThenPending(1);
        assertThat(pw.refuseRetry(1024, buf, 10, false)).isZero();
    }

    @Test
    @DisplayName("R05.5 a longer retry is accepted")
    void longerIsAccepted() {
        committedThenPending(1);
        assertThat(pw.refuseRetry(4000, buf, 10, false)).isZero();
    }

    @Test
    @DisplayName("R05.1 the same array at the same offset continues the write")
    void sameBufferSameOffset() {
        committedThenPending(3);
        assertThat(pw.refuseRetry(2048, buf, 10, false)).isZero();
    }

    @Test
    @DisplayName("R05.2 another array with the same content is bad write retry")
    void otherArrayIsBadWriteRetry() {
        committedThenPending(1);
        assertThat(pw.refuseRetry(1024, buf.clone(), 10, false)).isEqualTo(SslReason.BAD_WRITE_RETRY);
    }

    @Test
    @DisplayName("R05.2 the same array at another offset is bad write retry")
    void otherOffsetIsBadWriteRetry() {
        committedThenPending(1);
        assertThat(pw.refuseRetry(1024, buf, 11, false)).isEqualTo(SslReason.BAD_WRITE_RETRY);
        assertThat(pw.refuseRetry(1024, buf, 9, false)).isEqualTo(SslReason.BAD_WRITE_RETRY);
    }

    @Test
    @DisplayName("R05.2 another ByteBuffer, or the same one at another position, is bad write retry")
    void byteBufferIdentity() {
        ByteBuffer bb = ByteBuffer.allocate(2048);
        pw.recordSealed(bb, 7, 512);
        assertThat(pw.refuseRetry(512, bb, 7, false)).isZero();
        assertThat(pw.refuseRetry(512, bb, 8, false)).isEqualTo(SslReason.BAD_WRITE_RETRY);
        assertThat(pw.refuseRetry(512, ByteBuffer.allocate(2048), 7, false)).isEqualTo(SslReason.BAD_WRITE_RETRY);
    }

    @Test
    @DisplayName("R05.2 with AMWB another buffer or offset continues the write")
    void movingBufferAllowed() {
        committedThenPending(1);
        assertThat(pw.refuseRetry(1024, buf.clone(), 10, true)).isZero();
        assertThat(pw.refuseRetry(1024, buf, 99, true)).isZero();
    }

    @Test
    @DisplayName("R05.2 with no record pending only the length is checked, not the buffer")
    void noPendingRecordNoAddressCheck() {
        pw.recordSealed(buf, 0, 512);
        pw.recordSent();
        assertThat(pw.refuseRetry(1024, new byte[1024], 0, false)).isZero();
    }

    @Test
    @DisplayName("a sealed record counts as committed only once it is sent")
    void recordSentCommits() {
        pw.recordSealed(buf, 0, 300);
        assertThat(pw.isRecordSealed()).isTrue();
        assertThat(pw.committed()).isZero();
        pw.recordSent();
        assertThat(pw.isRecordSealed()).isFalse();
        assertThat(pw.committed()).isEqualTo(300);
        pw.recordSealed(buf, 300, 200);
        pw.recordSent();
        assertThat(pw.committed()).isEqualTo(500);
    }

    @Test
    @DisplayName("finish forgets the write: nothing committed, nothing pending, a new write of any buffer is accepted")
    void finishForgets() {
        committedThenPending(2);
        pw.finish();
        assertThat(pw.committed()).isZero();
        assertThat(pw.isRecordSealed()).isFalse();
        assertThat(pw.refuseRetry(1, new byte[1], 0, false)).isZero();
    }

    @Test
    @DisplayName("source narrows a reused view of the caller's array to the bytes asked for")
    void sourceOfArray() {
        ByteBuffer a = pw.source(buf, null, 100, 50);
        assertThat(a.array()).isSameAs(buf);
        assertThat(a.position()).isEqualTo(100);
        assertThat(a.limit()).isEqualTo(150);
        a.position(150);
        ByteBuffer b = pw.source(buf, null, 200, 10);
        assertThat(b).isSameAs(a);
        assertThat(b.position()).isEqualTo(200);
        assertThat(b.limit()).isEqualTo(210);
    }

    @Test
    @DisplayName("source makes a new view for another array")
    void sourceOfAnotherArray() {
        ByteBuffer a = pw.source(buf, null, 0, 1);
        byte[] other = new byte[10];
        ByteBuffer b = pw.source(other, null, 2, 3);
        assertThat(b).isNotSameAs(a);
        assertThat(b.array()).isSameAs(other);
        assertThat(b.position()).isEqualTo(2);
        assertThat(b.limit()).isEqualTo(5);
    }

    @Test
    @DisplayName("source narrows the caller's own ByteBuffer")
    void sourceOfByteBuffer() {
        ByteBuffer bb = ByteBuffer.allocateDirect(64);
        ByteBuffer s = pw.source(null, bb, 8, 16);
        assertThat(s).isSameAs(bb);
        assertThat(s.position()).isEqualTo(8);
        assertThat(s.limit()).isEqualTo(24);
    }

    @Test
    @DisplayName("release drops the view: the same array then gets a new one")
    void releaseDropsView() {
        ByteBuffer a = pw.source(buf, null, 0, 1);
        pw.release();
        assertThat(pw.source(buf, null, 0, 1)).isNotSameAs(a);
    }
}
