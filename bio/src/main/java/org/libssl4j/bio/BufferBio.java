package org.libssl4j.bio;

import org.libssl4j.Bio;

/**
 * A buffering filter BIO, as OpenSSL's {@code BIO_f_buffer}: writes collect in an output buffer that is passed on
 * to the {@linkplain #next() next BIO} when it is full or on {@link #flush()}; reads fill an input buffer from the
 * next BIO in blocks, so many small reads cost one read below.
 *
 * <p>As in {@code bf_buff.c}, a write returns how many bytes it took (buffered or passed on) and a read how many
 * it gave. When the next BIO cannot take or give bytes, its retry flags are copied to this BIO
 * ({@code BIO_copy_next_retry}); bytes already taken are never lost, they stay buffered until a later write or
 * flush passes them on. Once the buffer is empty, reads larger than it and writes of at least its size go straight
 * through.
 *
 * <p>Without a next BIO, and once {@linkplain #close() closed}, reads, writes and flushes return 0 without retry
 * flags. Not thread-safe: one thread at a time, as a {@code BIO} in C.
 */
public final class BufferBio implements Bio {
    /** {@code DEFAULT_BUFFER_SIZE} of {@code bf_buff.c}. */
    public static final int DEFAULT_BUFFER_SIZE = 4096;

    private Bio next;
    private final byte[] in;
    private int inOff;
    private int inLen;
    private final byte[] out;
    private int outOff;
    private int outLen;
    private final RetryFlags flags = new RetryFlags();
    private boolean closed;

    private BufferBio(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + size);
        }
        this.in = new byte[size];
        this.out = new byte[size];
    }

    /** {@code BIO_new(BIO_f_buffer())}: input and output buffers of {@value #DEFAULT_BUFFER_SIZE} bytes. */
    public static BufferBio create() {
        return new BufferBio(DEFAULT_BUFFER_SIZE);
    }

    /**
     * {@code BIO_new(BIO_f_buffer())} with {@code BIO_set_buffer_size(size)}.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static BufferBio create(int size) {
        return new BufferBio(size);
    }

    @Override
    public Bio next() {
        return next;
    }

    @Override
    public void setNext(Bio next) {
        this.next = next;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        flags.clear();
        if (next == null || len == 0 || closed) {
            return 0;
        }
        int given = 0;
        while (true) {
            if (inLen > 0) {
                int n = Math.min(inLen, len - given);
                System.arraycopy(in, inOff, b, off + given, n);
                inOff += n;
                inLen -= n;
                given += n;
                if (given == len) {
                    return given;
                }
            }
            // The buffer is empty: a request larger than the buffer reads straight into the caller's array.
            boolean straight = len - given > in.length;
            int r = straight ? next.read(b, off + given, len - given) : next.read(in, 0, in.length);
            if (r <= 0) {
                flags.copyFrom(next);
                return given > 0 ? given : r;
            }
            if (straight) {
                // bf_buff.c would read on until the request is full; returning what came keeps a blocking
                // transport from waiting for bytes the caller may not need yet.
                return given + r;
            }
            inOff = 0;
            inLen = r;
        }
    }

    @Override
    public int write(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        flags.clear();
        if (next == null || len == 0 || closed) {
            return 0;
        }
        int taken = 0;
        while (true) {
            int room = out.length - outOff - outLen;
            if (len - taken <= room) {
                System.arraycopy(b, off + taken, out, outOff + outLen, len - taken);
                outLen += len - taken;
                return len;
            }
            if (outLen > 0) {
                // Top the buffer up, then pass it on whole.
                System.arraycopy(b, off + taken, out, outOff + outLen, room);
                outLen += room;
                taken += room;
                int r = drain();
                if (r <= 0) {
                    return taken > 0 ? taken : r;
                }
                continue;
            }
            outOff = 0;
            // The buffer is empty: whole buffers' worth go straight to the next BIO.
            while (len - taken >= out.length) {
                int w = next.write(b, off + taken, len - taken);
                if (w <= 0) {
                    flags.copyFrom(next);
                    return taken > 0 ? taken : w;
                }
                taken += w;
            }
            if (taken == len) {
                return len;
            }
        }
    }

    /** Passes the output buffer on; returns 1 once it is empty, or the next BIO's failure with its flags. */
    private int drain() {
        while (outLen > 0) {
            int w = next.write(out, outOff, outLen);
            if (w <= 0) {
                flags.copyFrom(next);
                return w;
            }
            outOff += w;
            outLen -= w;
        }
        outOff = 0;
        return 1;
    }

    /** {@code BIO_flush}: passes every buffered byte on, then flushes the next BIO. */
    @Override
    public int flush() {
        flags.clear();
        if (next == null || closed) {
            return 0;
        }
        int r = drain();
        if (r <= 0) {
            return r;
        }
        r = next.flush();
        if (r <= 0) {
            flags.copyFrom(next);
        }
        return r;
    }

    @Override
    public boolean shouldRetry() {
        return flags.shouldRetry();
    }

    @Override
    public boolean shouldRead() {
        return flags.shouldRead();
    }

    @Override
    public boolean shouldWrite() {
        return flags.shouldWrite();
    }

    @Override
    public boolean shouldIoSpecial() {
        return flags.shouldIoSpecial();
    }

    /** The bytes in the input buffer, or when it is empty, what the next BIO has (as {@code bf_buff.c}). */
    @Override
    public long pending() {
        return inLen > 0 ? inLen : next == null ? 0 : next.pending();
    }

    /** The bytes in the output buffer, or when it is empty, what the next BIO holds unsent (as {@code bf_buff.c}). */
    @Override
    public long wpending() {
        return outLen > 0 ? outLen : next == null ? 0 : next.wpending();
    }

    /** End of stream once the input buffer is empty and the next BIO is at its end. */
    @Override
    public boolean eof() {
        return inLen == 0 && next != null && next.eof();
    }

    /**
     * {@code BIO_free}: drops the buffers; unflushed bytes are discarded, as in C. The next BIO is left alone. Later
     * reads, writes and flushes return 0 without retry flags (MISUSE-9). Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        inLen = 0;
        outLen = 0;
    }

    @Override
    public String toString() {
        return "BufferBio[in " + inLen + ", out " + outLen + " of " + out.length + "]";
    }
}
