package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.SslReason;

/**
 * The write libssl remembers between an {@code SSL_write} that could not finish and its retry ({@code ssl3}'s
 * {@code wnum} and {@code wpend_*}), R05: how much of the call is already committed in whole records, and the
 * application record sealed from the caller's buffer but not yet wholly in the transport.
 *
 * <p>Invariants: {@link #committed()} only grows during one write and is 0 between writes; a sealed record
 * names the buffer and offset it was sealed from, and its length, until {@link #recordSent()} counts it.
 */
final class PendingWrite {
    private int committed;
    private boolean recordSealed;
    private Object buffer;
    private int offset;
    private int length;

    // A reusable view of the caller's array, so that sealing from the same array allocates nothing.
    private byte[] wrappedArray;
    private ByteBuffer wrappedView;

    /** Bytes of the current call that are in the transport already (libssl's {@code wnum}). */
    int committed() {
        return committed;
    }

    /** An application record of this write is sealed and not yet counted; it may be partly sent. */
    boolean isRecordSealed() {
        return recordSealed;
    }

    /**
     * The checks libssl makes of a retry, R05.1–R05.3: a retry shorter than what was committed plus the pending
     * record is "bad length"; with a record pending, another buffer or offset is "bad write retry", unless the
     * caller allowed a moving buffer (AMWB).
     *
     * @param base where the caller's data starts (the array offset, or the buffer's position)
     * @return the reason the retry is refused, or 0
     */
    int refuseRetry(int len, Object buffer, int base, boolean movingBufferAllowed) {
        if (len < committed || (recordSealed && len < committed + length)) {
            return SslReason.BAD_LENGTH;
        }
        if (recordSealed && !movingBufferAllowed && (this.buffer != buffer || offset != base + committed)) {
            return SslReason.BAD_WRITE_RETRY;
        }
        return 0;
    }

    /** One record of {@code length} bytes was sealed from {@code buffer} at {@code offset}. */
    void recordSealed(Object buffer, int offset, int length) {
        this.recordSealed = true;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** The sealed record is wholly in the transport: it counts as committed. */
    void recordSent() {
        recordSealed = false;
        committed += length;
    }

    /** The write returned its count: nothing is remembered for a retry. */
    void finish() {
        committed = 0;
        recordSealed = false;
        buffer = null;
    }

    /**
     * The caller's bytes {@code [from, from + len)} as a buffer the engine seals from: a reused view of the array,
     * or the caller's own buffer narrowed; {@link #restore} gives the caller's buffer back its position and limit.
     */
    ByteBuffer source(byte[] array, ByteBuffer bb, int from, int len) {
        ByteBuffer src;
        if (array != null) {
            if (wrappedArray != array) {
                wrappedArray = array;
                wrappedView = ByteBuffer.wrap(array);
            }
            src = wrappedView;
        } else {
            src = bb;
        }
        src.limit(from + len).position(from);
        return src;
    }

    /** Drops the view of the caller's array (SSL_MODE_RELEASE_BUFFERS, or the connection freed). */
    void release() {
        wrappedArray = null;
        wrappedView = null;
    }
}
