package org.libssl4j.bio;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.libssl4j.Bio;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * A memory BIO, as OpenSSL's {@code BIO_s_mem}: bytes written are kept in a growable buffer and read back in
 * the same order.
 *
 * <p>Writes always take everything offered. A read takes what is there; on an empty BIO it returns the
 * {@linkplain #setMemEofReturn(int) EOF return value}, {@code -1} by default with {@link #shouldRetry()} and
 * {@link #shouldRead()} set, so that libssl reports {@code WANT_READ} (docs/SEMANTICS.md R08.8). With
 * {@code setMemEofReturn(0)} an empty BIO is end of stream instead, which libssl reports as an unexpected EOF.
 *
 * <p>{@link #of(byte[])} makes a read-only BIO over fixed data, as {@code BIO_new_mem_buf}: writes to it fail.
 *
 * <p>Once {@linkplain #close() closed} the BIO holds nothing: reads and writes return {@code 0} without retry
 * flags and {@link #eof()} is true, as for an uninitialised BIO in C.
 *
 * <p>Not thread-safe: one thread at a time, as a {@code BIO} in C.
 */
public final class MemBio implements Bio {
    /** {@code BIO_R_WRITE_TO_READ_ONLY_BIO}: the reason a write to a {@link #of(byte[]) read-only} BIO raises. */
    static final int BIO_R_WRITE_TO_READ_ONLY_BIO = 126;

    private static final byte[] EMPTY = new byte[0];
    // The first allocation; small, because many memory BIOs carry a single handshake flight or record.
    private static final int MIN_CAPACITY = 256;
    // The largest array most JVMs allow (the bound ArrayList uses too).
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private final boolean readOnly;
    // Unread bytes are buf[rpos, wpos). A read only moves rpos; the space before it is reclaimed lazily, when a
    // write needs room, so a read never copies and steady traffic never allocates.
    private byte[] buf;
    private int rpos;
    private int wpos;
    private int eofReturn;
    // The only flags a memory BIO ever sets are retry + read (an empty read); shouldRetry() and shouldRead()
    // therefore share this one field.
    private boolean retryRead;
    private boolean closed;

    private MemBio(byte[] buf, int wpos, boolean readOnly, int eofReturn) {
        this.buf = buf;
        this.wpos = wpos;
        this.readOnly = readOnly;
        this.eofReturn = eofReturn;
    }

    /**
     * {@code BIO_new(BIO_s_mem())}: an empty, writable memory BIO whose empty reads return {@code -1} with the
     * retry flags set.
     *
     * @return a new memory BIO
     */
    public static MemBio create() {
        // No buffer until the first write: an idle BIO costs nothing.
        return new MemBio(EMPTY, 0, false, -1);
    }

    /**
     * {@code BIO_new_mem_buf}: a read-only memory BIO holding a copy of {@code data}. Writes fail with {@code -1},
     * no retry flags and "write to read only BIO" on the error queue. As in C, reading it empty returns
     * {@code 0} (end of stream) without retry flags, because retrying cannot bring more static data;
     * {@link #setMemEofReturn(int)} changes that. {@link #reset()} rewinds it to the start.
     *
     * <p>C shares the caller's memory; this copies it, so changing {@code data} later does not change the BIO.
     *
     * @param data the bytes to read
     * @return a new read-only memory BIO
     * @throws NullPointerException if {@code data} is null
     */
    public static MemBio of(byte[] data) {
        if (data == null) {
            throw new NullPointerException("data");
        }
        return new MemBio(data.clone(), data.length, true, 0);
    }

    /**
     * {@code BIO_set_mem_eof_return}: what a read on an empty BIO returns. Any value other than {@code 0}
     * also sets {@link #shouldRetry()} and {@link #shouldRead()}; {@code 0} means end of stream, without flags.
     *
     * <p>C also accepts a positive value, which makes an empty read claim bytes it never delivered; that breaks
     * the read contract, so it is refused here.
     *
     * @param value {@code 0} or a negative value, typically {@code -1} (the default of {@link #create()})
     * @throws IllegalArgumentException if {@code value} is positive
     */
    public void setMemEofReturn(int value) {
        if (value > 0) {
            throw new IllegalArgumentException("value must be 0 or negative: " + value);
        }
        eofReturn = value;
    }

    /**
     * {@code BIO_read} on a memory BIO: takes up to {@code len} bytes. On an empty BIO returns the
     * {@linkplain #setMemEofReturn(int) EOF return value}. A zero-length read returns {@code 0} without flags
     * (C would report an empty BIO even then; a zero-length request is not a read that could wait).
     */
    @Override
    public int read(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        retryRead = false;
        if (closed || len == 0) {
            return 0;
        }
        int n = Math.min(len, wpos - rpos);
        if (n == 0) {
            return emptyRead();
        }
        System.arraycopy(buf, rpos, b, off, n);
        consumed(n);
        return n;
    }

    /**
     * {@code BIO_read} into the remaining space of {@code dst}, as {@link #read(byte[], int, int)}; copies straight
     * from the BIO's buffer, heap or direct, without a temporary array.
     *
     * @throws NullPointerException if {@code dst} is null
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    @Override
    public int read(ByteBuffer dst) {
        Checks.readTarget(dst);
        retryRead = false;
        int len = dst.remaining();
        if (closed || len == 0) {
            return 0;
        }
        int n = Math.min(len, wpos - rpos);
        if (n == 0) {
            return emptyRead();
        }
        dst.put(buf, rpos, n);
        consumed(n);
        return n;
    }

    /**
     * {@code BIO_write} on a memory BIO: appends all {@code len} bytes and returns {@code len}; a memory BIO never
     * takes fewer. On a {@link #of(byte[]) read-only} BIO it returns {@code -1} without retry flags and pushes
     * "write to read only BIO" on the error queue (even for {@code len == 0}, as C checks that first).
     *
     * @throws OutOfMemoryError if the BIO would have to hold more than a Java array can
     */
    @Override
    public int write(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        retryRead = false;
        if (closed) {
            return 0;
        }
        if (readOnly) {
            return refuseWrite();
        }
        if (len == 0) {
            return 0;
        }
        ensureRoom(len);
        System.arraycopy(b, off, buf, wpos, len);
        wpos += len;
        return len;
    }

    /**
     * {@code BIO_write} of the remaining bytes of {@code src}, as {@link #write(byte[], int, int)}; copies straight
     * into the BIO's buffer, heap or direct, without a temporary array.
     *
     * @throws NullPointerException if {@code src} is null
     */
    @Override
    public int write(ByteBuffer src) {
        Checks.writeSource(src);
        retryRead = false;
        if (closed) {
            return 0;
        }
        if (readOnly) {
            return refuseWrite();
        }
        int len = src.remaining();
        if (len == 0) {
            return 0;
        }
        ensureRoom(len);
        src.get(buf, wpos, len);
        wpos += len;
        return len;
    }

    /** {@code BIO_should_retry}: the last read found the BIO empty and its EOF return value is not {@code 0}. */
    @Override
    public boolean shouldRetry() {
        return retryRead;
    }

    /** {@code BIO_should_read}: as {@link #shouldRetry()}; an empty read is the only thing a memory BIO waits on. */
    @Override
    public boolean shouldRead() {
        return retryRead;
    }

    /** {@code BIO_should_write}: always false, a memory BIO's writes never wait. */
    @Override
    public boolean shouldWrite() {
        return false;
    }

    /** {@code BIO_ctrl_pending} ({@code BIO_CTRL_PENDING}): the number of bytes held, ready to read. */
    @Override
    public long pending() {
        return wpos - rpos;
    }

    /** {@code BIO_eof} ({@code BIO_CTRL_EOF} on a memory BIO): true iff the BIO holds no bytes. */
    @Override
    public boolean eof() {
        return rpos == wpos;
    }

    /**
     * {@code BIO_reset}: a writable BIO drops everything it holds (and zeroes its buffer, as C does, so no
     * key material lingers); a {@link #of(byte[]) read-only} BIO rewinds to the start of its data. Retry flags
     * are left as they are: this is a control call, not I/O.
     */
    public void reset() {
        if (readOnly) {
            rpos = 0;
        } else {
            Arrays.fill(buf, (byte) 0);
            rpos = 0;
            wpos = 0;
        }
    }

    /**
     * {@code BIO_get_mem_data}: a copy of the bytes held, which stay in the BIO.
     *
     * @return the unread bytes, oldest first; an empty array when there are none
     */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buf, rpos, wpos);
    }

    /**
     * Reads everything the BIO holds in one go ({@code BIO_read} of {@code BIO_pending} bytes). Clears the retry
     * flags, and sets none even when the BIO is empty: there is no short read to retry.
     *
     * @return the bytes that were held, oldest first; an empty array when there were none
     */
    public byte[] drain() {
        retryRead = false;
        byte[] out = toByteArray();
        consumed(out.length);
        return out;
    }

    /**
     * {@code BIO_free}: zeroes and drops the buffer. Later reads and writes return {@code 0} without retry flags.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!readOnly) {
            // A read-only BIO holds a copy of public data; a writable one may hold secrets.
            Arrays.fill(buf, (byte) 0);
        }
        buf = EMPTY;
        rpos = 0;
        wpos = 0;
        retryRead = false;
        closed = true;
    }

    @Override
    public String toString() {
        return "MemBio[pending=" + pending() + (readOnly ? ", read-only" : "") + (closed ? ", closed" : "") + "]";
    }

    /** The buffer's current size, for tests that check growth and compaction. */
    int capacity() {
        return buf.length;
    }

    private int emptyRead() {
        if (eofReturn != 0) {
            retryRead = true;
        }
        return eofReturn;
    }

    private int refuseWrite() {
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_BIO, BIO_R_WRITE_TO_READ_ONLY_BIO,
                "write to read only BIO", null, null));
        return -1;
    }

    private void consumed(int n) {
        rpos += n;
        // An emptied writable BIO starts again at 0 for free, so the common write-all/read-all pattern never
        // compacts. A read-only BIO keeps its positions so that reset() can rewind.
        if (rpos == wpos && !readOnly) {
            rpos = 0;
            wpos = 0;
        }
    }

    /** Makes room for {@code len} more bytes at {@code wpos}, by compacting or growing, both amortised O(1) a byte. */
    private void ensureRoom(int len) {
        if (buf.length - wpos >= len) {
            return;
        }
        int pending = wpos - rpos;
        long needed = (long) pending + len;
        if (needed > MAX_CAPACITY) {
            throw new OutOfMemoryError("MemBio would hold " + needed + " bytes, more than an array can");
        }
        if (needed <= buf.length / 2) {
            // Compact only when that frees at least half the buffer: each compaction then moves fewer bytes than
            // must be written before the next one, so a slow reader cannot make every write copy the backlog.
            System.arraycopy(buf, rpos, buf, 0, pending);
        } else {
            long grown = Math.max(MIN_CAPACITY, 2L * buf.length);
            byte[] bigger = new byte[(int) Math.max(needed, Math.min(grown, MAX_CAPACITY))];
            System.arraycopy(buf, rpos, bigger, 0, pending);
            // As BUF_MEM_grow_clean: the old array may hold secrets and is garbage from now on.
            Arrays.fill(buf, (byte) 0);
            buf = bigger;
        }
        rpos = 0;
        wpos = pending;
    }
}
