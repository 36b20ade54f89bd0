package org.libssl4j;

import java.nio.ByteBuffer;

/**
 * A basic I/O abstraction, as OpenSSL's {@code BIO}: the transport that an {@link Ssl} reads records from
 * and writes records to.
 *
 * <p>The return convention is C's: {@code > 0} is a byte count, {@code 0} is end of stream (or a zero-length
 * request), {@code -1} is a failure whose cause the retry flags tell. After a call that returned {@code <= 0},
 * {@link #shouldRetry()} says whether the call may succeed later, and {@link #shouldRead()} /
 * {@link #shouldWrite()} say what the caller must wait for ({@code BIO_should_retry},
 * {@code BIO_should_read}, {@code BIO_should_write}). Every call clears the flags the previous call set.
 *
 * <p>The socket BIO, {@link SocketBio}, is here beside {@link Ssl}, which needs it for {@code SSL_set_fd}; the other
 * implementations live in the {@code libssl4j-bio} module ({@code MemBio}, {@code BioPair}, ...); a user may
 * write their own. To report a failure with a reason, an implementation may push an entry with
 * {@link SslErrorQueue#raise(int, int, String)}.
 */
public interface Bio extends AutoCloseable {

    /**
     * Reads up to {@code len} bytes ({@code BIO_read}).
     *
     * @return the number of bytes read, {@code 0} at end of stream, {@code -1} on failure (see the retry flags)
     * @throws NullPointerException if {@code b} is null
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not describe a range of {@code b}
     */
    int read(byte[] b, int off, int len);

    /**
     * Writes up to {@code len} bytes ({@code BIO_write}); a BIO may take fewer than offered.
     *
     * @return the number of bytes taken, or {@code <= 0} on failure (see the retry flags)
     * @throws NullPointerException if {@code b} is null
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not describe a range of {@code b}
     */
    int write(byte[] b, int off, int len);

    /**
     * Reads into the remaining space of {@code dst}, advancing its position by the count returned.
     * The default copies through a heap array when {@code dst} has none; implementations override it to avoid that.
     *
     * @return as {@link #read(byte[], int, int)}
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only, before anything is read
     */
    default int read(ByteBuffer dst) {
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException(); // before reading, so that no byte is lost
        }
        if (dst.hasArray()) {
            int n = read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] tmp = new byte[dst.remaining()];
        int n = read(tmp, 0, tmp.length);
        if (n > 0) {
            dst.put(tmp, 0, n);
        }
        return n;
    }

    /**
     * Writes the remaining bytes of {@code src}, advancing its position by the count taken.
     * The default copies through a heap array when {@code src} has none; implementations override it to avoid that.
     *
     * @return as {@link #write(byte[], int, int)}
     */
    default int write(ByteBuffer src) {
        if (src.hasArray()) {
            int n = write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            if (n > 0) {
                src.position(src.position() + n);
            }
            return n;
        }
        byte[] tmp = new byte[src.remaining()];
        src.duplicate().get(tmp);
        int n = write(tmp, 0, tmp.length);
        if (n > 0) {
            src.position(src.position() + n);
        }
        return n;
    }

    /** {@code BIO_should_retry}: the last failed call may succeed if repeated later. */
    boolean shouldRetry();

    /** {@code BIO_should_read}: the last call should be retried once there is data to read. */
    boolean shouldRead();

    /** {@code BIO_should_write}: the last call should be retried once there is room to write. */
    boolean shouldWrite();

    /** {@code BIO_should_io_special}: the last call waits for something else (a connect, say). */
    default boolean shouldIoSpecial() {
        return false;
    }

    /** {@code BIO_ctrl_pending}: bytes that can be read at once. */
    long pending();

    /** {@code BIO_ctrl_wpending}: bytes written but not yet passed on. */
    default long wpending() {
        return 0;
    }

    /**
     * {@code BIO_flush}: passes on buffered bytes.
     *
     * @return {@code 1} on success, {@code <= 0} on failure (see the retry flags)
     */
    default int flush() {
        return 1;
    }

    /** {@code BIO_eof}: the source has ended; a read returning {@code <= 0} without retry flags is end of stream. */
    boolean eof();

    // ---- chains -------------------------------------------------------------------------------------------

    /**
     * {@code BIO_next}: the BIO this one passes data to, or null. Only a filter BIO ({@code BufferBio},
     * {@code SslBio}) has one; a source/sink BIO (memory, pair, socket) ends a chain.
     */
    default Bio next() {
        return null;
    }

    /**
     * {@code BIO_set_next}: makes {@code next} the BIO this filter passes data to (null detaches it).
     *
     * @throws UnsupportedOperationException if this is a source/sink BIO, which passes data to nothing
     */
    default void setNext(Bio next) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is a source/sink BIO: only a filter BIO (BufferBio, SslBio) can have a next BIO");
    }

    /**
     * {@code BIO_push}: appends {@code append} to the end of the chain that starts at this BIO, and returns this
     * BIO, so that {@code buffer.push(ssl).push(socket)} reads as the chain it builds.
     *
     * @throws NullPointerException if {@code append} is null
     * @throws IllegalArgumentException if {@code append}, or a BIO after it, is already part of this chain (a loop)
     * @throws UnsupportedOperationException if the last BIO of this chain is a source/sink BIO
     */
    default Bio push(Bio append) {
        if (append == null) {
            throw new NullPointerException("append");
        }
        java.util.Set<Bio> chain = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Bio last = this;
        for (Bio b = this; b != null && chain.add(b); b = b.next()) {
            last = b;
        }
        for (Bio b = append; b != null; b = b.next()) {
            if (chain.contains(b)) {
                throw new IllegalArgumentException("the BIO or one after it is already in this chain; pushing it would make a loop");
            }
            chain.add(b);
        }
        last.setNext(append);
        return this;
    }

    /**
     * {@code BIO_pop}: detaches this BIO from the BIO after it, and returns that BIO (or null). Called on the head
     * of a chain, it removes the head and leaves the rest intact. Unlike C, a BIO does not know the one before
     * it: to take a BIO out of the middle of a chain, also {@link #setNext} the previous BIO to what this returns.
     */
    default Bio pop() {
        Bio next = next();
        if (next != null) {
            setNext(null);
        }
        return next;
    }

    /** {@code BIO_free_all}: closes this BIO and every BIO after it in its chain, head first. */
    default void closeAll() {
        Bio b = this;
        while (b != null) {
            Bio next = b.next();
            b.close();
            b = next;
        }
    }

    /** {@code BIO_free}: releases the BIO. Idempotent. */
    @Override
    void close();
}
