package org.libssl4j.internal;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;

/**
 * Raw bytes read from the read BIO and not yet opened: at most one record without read-ahead, more with it.
 * Frames TLS records (5-byte header, then the body) so that the engine always gets exactly one whole record.
 */
final class Inbound {
    static final int HEADER = 5;
    /**
     * The largest record body libssl's read buffer takes (2^14 plaintext + 320 bytes of protection + 4); a longer
     * header is "packet length too long" before a byte of the body is read.
     */
    static final int MAX_BODY = 16384 + 320 + 4;
    static final int CAPACITY = HEADER + MAX_BODY;

    private final boolean direct;
    private ByteBuffer buf;
    private int start;
    private int end;

    Inbound(boolean direct) {
        this.direct = direct;
    }

    /** Bytes held: a partial or whole record, or (with read-ahead) several. */
    int buffered() {
        return end - start;
    }

    int type() {
        return buf.get(start) & 0xFF;
    }

    /** Rewrites the content type of the record held. */
    void setType(int type) {
        buf.put(start, (byte) type);
    }

    /** Inverts the last byte of the record held (its MAC or tag, in a protected record). */
    void spoilLastByte() {
        int last = start + HEADER + bodyLength() - 1;
        buf.put(last, (byte) ~buf.get(last));
    }

    int version() {
        return ((buf.get(start + 1) & 0xFF) << 8) | (buf.get(start + 2) & 0xFF);
    }

    int bodyLength() {
        return ((buf.get(start + 3) & 0xFF) << 8) | (buf.get(start + 4) & 0xFF);
    }

    /** The byte at {@code index} from the start of the current record. */
    int byteAt(int index) {
        return buf.get(start + index) & 0xFF;
    }

    /** Whether the first {@code n} bytes held start with {@code prefix} (ASCII). */
    boolean startsWith(String prefix) {
        if (buffered() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf.get(start + i) != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads from {@code bio} until {@code want} bytes are held. Without read-ahead it asks for exactly the
     * missing bytes, so the next record stays in the BIO (docs/SEMANTICS.md R06.5, R15.10).
     *
     * @return 1 when {@code want} bytes are held, else the BIO's return value ({@code <= 0})
     */
    int fill(Bio bio, int want, boolean readAhead) {
        while (buffered() < want) {
            ensure(want);
            int ask = readAhead ? buf.capacity() - end : want - buffered();
            buf.limit(end + ask).position(end);
            int n = bio.read(buf);
            buf.limit(buf.capacity()); // absolute reads of the header look past the request's limit
            if (n <= 0) {
                return n;
            }
            end += n;
        }
        return 1;
    }

    /** Makes room for {@code want} bytes from {@code start}: allocates, or moves a partial record to the front. */
    private void ensure(int want) {
        if (buf == null) {
            buf = direct ? ByteBuffer.allocateDirect(CAPACITY) : ByteBuffer.allocate(CAPACITY);
            start = 0;
            end = 0;
        } else if (start > 0 && start + want > buf.capacity()) {
            buf.limit(end).position(start);
            buf.compact();
            end -= start;
            start = 0;
        }
    }

    /** A view of the current whole record for the engine: position and limit set on the shared buffer. */
    ByteBuffer record() {
        buf.limit(start + HEADER + bodyLength()).position(start);
        return buf;
    }

    /** Drops the current record (after the engine opened it). */
    void consumeRecord() {
        buf.limit(buf.capacity());
        start += HEADER + bodyLength();
        if (start >= end) {
            start = 0;
            end = 0;
        }
    }

    /** Drops everything held (an EOF that cut a record counts as a clean close, R08.5). */
    void clear() {
        start = 0;
        end = 0;
    }

    /** Frees the buffer when nothing is held (SSL_MODE_RELEASE_BUFFERS). */
    void releaseIfEmpty() {
        if (buffered() == 0) {
            buf = null;
        }
    }
}
