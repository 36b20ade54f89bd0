package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;

/**
 * Sealed records not yet taken by the write BIO. A record, once sealed, stays here until the BIO takes its
 * last byte: nothing sealed is ever dropped or sealed twice (docs/SEMANTICS.md, "where re-implementations go wrong" 9).
 */
final class Outbound {
    private final boolean direct;
    private final int baseCapacity;
    private int capacity;
    private ByteBuffer buf;
    private int pos;
    private int lim;

    /** Told of each record committed, for the message callback. */
    private final MsgTrace trace;

    Outbound(boolean direct, int capacity) {
        this(direct, capacity, null);
    }

    Outbound(boolean direct, int capacity, MsgTrace trace) {
        this.trace = trace;
        this.direct = direct;
        this.baseCapacity = capacity;
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return pos == lim;
    }

    /** Part of what is held has gone to the BIO: a record may be cut, so nothing can be put after it. */
    boolean partlySent() {
        return pos > 0;
    }

    /**
     * The buffer to seal into, positioned at the free space after what is held (a handshake flight gathers here, to
     * go to the BIO in one write); call {@link #commit} after.
     */
    ByteBuffer space() {
        if (buf == null || buf.capacity() < capacity) {
            ByteBuffer bigger = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
            if (buf != null) {
                buf.limit(lim).position(pos);
                bigger.put(buf);
            }
            lim = bigger.position();
            pos = 0;
            buf = bigger;
        }
        buf.limit(buf.capacity()).position(lim);
        return buf;
    }

    /** Records what the engine just wrote into {@link #space()}. */
    void commit() {
        if (buf.position() > lim) {
            if (trace != null && trace.on()) {
                trace.written(buf, lim, buf.position());
            }
            lim = buf.position();
        }
    }

    /** Doubles the capacity, for an engine that said its output did not fit; what is held is kept. */
    void grow() {
        capacity *= 2;
    }

    /** Back to the size of one record once a handshake is over, if a flight made the buffer grow. Only when empty. */
    void shrink() {
        if (capacity > baseCapacity && isEmpty()) {
            capacity = baseCapacity;
            buf = null;
        }
    }

    /** Appends raw bytes (a plaintext alert the state machine makes itself). */
    void put(byte[] bytes) {
        ByteBuffer b = space();
        b.put(bytes);
        commit();
    }

    /**
     * Hands held bytes to {@code bio} until it takes them all or refuses.
     *
     * @return 1 when everything was taken, else the BIO's return value ({@code <= 0})
     */
    int flush(Bio bio) {
        while (pos < lim) {
            buf.limit(lim).position(pos);
            int n = bio.write(buf);
            if (n <= 0) {
                return n;
            }
            pos += n;
        }
        pos = 0;
        lim = 0;
        return 1;
    }

    /** Forgets what is held, none of it sent (a failed handshake's flight: {@code RecordLayer.dropUnsentFlight}). */
    void clear() {
        if (partlySent()) {
            throw new IllegalStateException("a record is on its way to the BIO");
        }
        lim = 0;
    }

    /** Frees the buffer when nothing is held (SSL_MODE_RELEASE_BUFFERS). */
    void releaseIfEmpty() {
        if (isEmpty()) {
            buf = null;
        }
    }
}
