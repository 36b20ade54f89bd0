package org.libssl4j.internal;

import java.nio.ByteBuffer;

/**
 * The application bytes of the last record opened and not yet read: what {@code SSL_pending} counts. One record
 * at most (R06.4); the engine opens the next only once this is empty.
 */
final class Plaintext {
    private final boolean direct;
    private ByteBuffer buf;
    /** Where a record that carries no application data opens while {@link #buf} still holds unread bytes. */
    private ByteBuffer scratch;
    private int pos;
    private int lim;

    Plaintext(boolean direct) {
        this.direct = direct;
    }

    /** Bytes opened and not yet read. */
    int available() {
        return lim - pos;
    }

    /** The (empty) buffer for the engine to open a record into, with at least {@code capacity} bytes of room. */
    ByteBuffer space(int capacity) {
        if (lim > pos) {
            throw new IllegalStateException("a record opened while plaintext is unread");
        }
        if (buf == null || buf.capacity() < capacity) {
            buf = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        }
        pos = 0;
        lim = 0;
        buf.limit(buf.capacity()).position(0);
        return buf;
    }

    /**
     * A buffer for the engine to open a non-application record into (a handshake record during a renegotiation)
     * while the bytes of the last one are unread; they stay where they are.
     */
    ByteBuffer scratch(int capacity) {
        if (scratch == null || scratch.capacity() < capacity) {
            scratch = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        }
        scratch.clear();
        return scratch;
    }

    /** Records that the engine opened {@code n} bytes into {@link #space}. */
    void opened(int n) {
        lim = n;
    }

    /**
     * Copies up to {@code len} bytes into {@code array} (when not null) or {@code bb}; a peek leaves them here.
     *
     * @return the bytes copied
     */
    int copyTo(byte[] array, int off, int len, ByteBuffer bb, boolean peek) {
        int n = Math.min(len, lim - pos);
        if (array != null) {
            buf.get(pos, array, off, n);
        } else {
            // Absolute on both sides: this buffer's position and limit stay as the engine left them.
            bb.put(bb.position(), buf, pos, n);
            bb.position(bb.position() + n);
        }
        if (!peek) {
            pos += n;
            if (pos == lim) {
                pos = 0;
                lim = 0;
            }
        }
        return n;
    }

    /** Forgets the unread bytes (the connection failed). */
    void discard() {
        pos = 0;
        lim = 0;
    }

    /** Frees the buffer when nothing is held (SSL_MODE_RELEASE_BUFFERS). */
    void releaseIfEmpty() {
        if (lim == pos) {
            buf = null;
            scratch = null;
        }
    }
}
