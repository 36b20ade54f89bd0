package org.libssl4j.bio;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * Two connected BIOs, as OpenSSL's {@code BIO_new_bio_pair}: what one {@link Half} writes, the other reads.
 * Typically one half is given to an {@code Ssl} and the application moves bytes between the other half and the
 * network.
 *
 * <p>Each half writes into a ring buffer of its own, of a fixed size, which its peer reads (as
 * {@code crypto/bio/bss_bio.c}). A write takes as many bytes as fit and returns that count; on a full buffer it
 * returns {@code -1} with {@link Bio#shouldRetry()} and {@link Bio#shouldWrite()} set. A read on an empty half
 * returns {@code -1} with {@link Bio#shouldRetry()} and {@link Bio#shouldRead()} set, and records how many bytes
 * it wanted ({@link Half#readRequest()} on the peer). After {@link Half#shutdownWr()} the peer reads what is left,
 * then {@code 0} with {@link Bio#eof()} true (docs/SEMANTICS.md R15.9).
 *
 * <p>Closing either half dissolves the pair, as {@code BIO_free} does in C: both halves drop their bytes, and
 * their reads and writes return {@code 0} without retry flags.
 *
 * <p>Threads: like a {@code BIO} in C a pair is meant for one thread. All state is guarded by one lock shared
 * by both halves, so two threads may each drive one half (one thread per half; a half's retry flags belong to the
 * thread that made the last call on it). Nothing blocks: an empty or full half still returns {@code -1} at once.
 */
public final class BioPair {
    /** The write buffer size that {@code 0} stands for: 17408 bytes, enough for one TLS record, as in C. */
    public static final int DEFAULT_WRITE_BUF_SIZE = 17 * 1024;

    /** {@code BIO_R_BROKEN_PIPE}: the reason a write after {@link Half#shutdownWr()} raises. */
    static final int BIO_R_BROKEN_PIPE = 124;

    // Guards both halves: a read on one half changes the other's ring, so there is one lock, not two. A private
    // object rather than `this`, so that code synchronizing on the public BioPair cannot interfere.
    private final Object lock = new Object();
    private final Half first;
    private final Half second;
    // Set by closing either half (bio_destroy_pair); guarded by lock.
    private boolean dissolved;

    private BioPair(int sizeFirst, int sizeSecond) {
        first = new Half(this, "first", sizeFirst);
        second = new Half(this, "second", sizeSecond);
        first.peer = second;
        second.peer = first;
    }

    /**
     * {@code BIO_new_bio_pair(&a, 0, &b, 0)}: a pair whose halves both have a write buffer of
     * {@value #DEFAULT_WRITE_BUF_SIZE} bytes.
     *
     * @return a new pair
     */
    public static BioPair create() {
        return create(0, 0);
    }

    /**
     * {@code BIO_new_bio_pair(&a, sizeFirst, &b, sizeSecond)}: a pair with the given write buffer sizes.
     *
     * @param sizeFirst the size of the buffer {@link #first()} writes into; {@code 0} means
     *     {@value #DEFAULT_WRITE_BUF_SIZE}
     * @param sizeSecond the size of the buffer {@link #second()} writes into; {@code 0} means
     *     {@value #DEFAULT_WRITE_BUF_SIZE}
     * @return a new pair
     * @throws IllegalArgumentException if a size is negative
     */
    public static BioPair create(int sizeFirst, int sizeSecond) {
        return new BioPair(bufferSize(sizeFirst, "sizeFirst"), bufferSize(sizeSecond, "sizeSecond"));
    }

    /**
     * The first BIO of the pair ({@code *bio1} of {@code BIO_new_bio_pair}).
     *
     * @return the first half; always the same object
     */
    public Half first() {
        return first;
    }

    /**
     * The second BIO of the pair ({@code *bio2} of {@code BIO_new_bio_pair}).
     *
     * @return the second half; always the same object
     */
    public Half second() {
        return second;
    }

    private static int bufferSize(int size, String name) {
        if (size < 0) {
            throw new IllegalArgumentException(name + " must be 0 (the default) or positive: " + size);
        }
        return size == 0 ? DEFAULT_WRITE_BUF_SIZE : size;
    }

    /**
     * One BIO of a {@link BioPair} ({@code BIO_s_bio}). It writes into its own ring buffer and reads from its
     * peer's. See {@link BioPair} for the return values and flags.
     */
    public static final class Half implements Bio {
        private final BioPair pair;
        private final String name;
        private Half peer;

        // What this half writes and the peer reads, as bss_bio.c's struct bio_bio_st. All guarded by pair.lock.
        // The unread bytes are ring[offset, offset + len) modulo size.
        private final int size;
        private byte[] ring;
        private int offset;
        private int len;
        private boolean writeShutdown;
        // Bytes the peer asked for in its last read that failed on an empty ring; reported on this half because
        // this half is the one that can satisfy it (BIO_ctrl_get_read_request).
        private int request;

        // This half's retry flags, for the thread driving it; also guarded by pair.lock.
        private boolean retry;
        private boolean retryRead;
        private boolean retryWrite;

        private Half(BioPair pair, String name, int size) {
            this.pair = pair;
            this.name = name;
            this.size = size;
            this.ring = new byte[size];
        }

        /**
         * {@code BIO_read} on a pair half: takes up to {@code len} of the bytes the peer wrote. Returns {@code -1}
         * with retry + read flags when there are none (and records {@code len}, at most the peer's buffer size,
         * as the peer's {@link #readRequest()}), {@code 0} when there are none and the peer has
         * {@linkplain #shutdownWr() shut down} writing. A zero-length read returns {@code 0} without flags.
         */
        @Override
        public int read(byte[] b, int off, int len) {
            Checks.range(b, off, len);
            synchronized (pair.lock) {
                clearFlags();
                if (pair.dissolved) {
                    return 0;
                }
                Half src = peer;
                // A new read supersedes the last unsatisfied request, whatever it finds.
                src.request = 0;
                if (len == 0) {
                    return 0;
                }
                if (src.len == 0) {
                    return emptyRead(src, len);
                }
                int n = Math.min(len, src.len);
                int chunk = Math.min(n, src.size - src.offset);
                System.arraycopy(src.ring, src.offset, b, off, chunk);
                if (chunk < n) {
                    // The bytes wrap around the end of the ring.
                    System.arraycopy(src.ring, 0, b, off + chunk, n - chunk);
                }
                src.consume(n);
                return n;
            }
        }

        /**
         * {@code BIO_read} into the remaining space of {@code dst}, as {@link #read(byte[], int, int)}; copies
         * straight from the ring, heap or direct, without a temporary array.
         *
         * @throws NullPointerException if {@code dst} is null
         * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
         */
        @Override
        public int read(ByteBuffer dst) {
            Checks.readTarget(dst);
            synchronized (pair.lock) {
                clearFlags();
                if (pair.dissolved) {
                    return 0;
                }
                Half src = peer;
                src.request = 0;
                int len = dst.remaining();
                if (len == 0) {
                    return 0;
                }
                if (src.len == 0) {
                    return emptyRead(src, len);
                }
                int n = Math.min(len, src.len);
                int chunk = Math.min(n, src.size - src.offset);
                dst.put(src.ring, src.offset, chunk);
                if (chunk < n) {
                    dst.put(src.ring, 0, n - chunk);
                }
                src.consume(n);
                return n;
            }
        }

        /**
         * {@code BIO_write} on a pair half: puts as many of the {@code len} bytes as fit into this half's buffer
         * and returns that count. Returns {@code -1} with retry + write flags when the buffer is full, and
         * {@code -1} without flags, with "broken pipe" on the error queue, after {@link #shutdownWr()}. A
         * zero-length write returns {@code 0} without flags. Clears this half's {@link #readRequest()}.
         */
        @Override
        public int write(byte[] b, int off, int len) {
            Checks.range(b, off, len);
            synchronized (pair.lock) {
                clearFlags();
                if (pair.dissolved || len == 0) {
                    return 0;
                }
                int n = room(len);
                if (n <= 0) {
                    return n;
                }
                int at = writeOffset();
                int chunk = Math.min(n, size - at);
                System.arraycopy(b, off, ring, at, chunk);
                if (chunk < n) {
                    System.arraycopy(b, off + chunk, ring, 0, n - chunk);
                }
                this.len += n;
                return n;
            }
        }

        /**
         * {@code BIO_write} of the remaining bytes of {@code src}, as {@link #write(byte[], int, int)}: takes as many
         * as fit and advances {@code src} by that count; copies straight into the ring, heap or direct, without a
         * temporary array.
         *
         * @throws NullPointerException if {@code src} is null
         */
        @Override
        public int write(ByteBuffer src) {
            Checks.writeSource(src);
            synchronized (pair.lock) {
                clearFlags();
                int len = src.remaining();
                if (pair.dissolved || len == 0) {
                    return 0;
                }
                int n = room(len);
                if (n <= 0) {
                    return n;
                }
                int at = writeOffset();
                int chunk = Math.min(n, size - at);
                src.get(ring, at, chunk);
                if (chunk < n) {
                    src.get(ring, 0, n - chunk);
                }
                this.len += n;
                return n;
            }
        }

        /** {@code BIO_should_retry}: the last call found the ring empty (read) or full (write). */
        @Override
        public boolean shouldRetry() {
            synchronized (pair.lock) {
                return retry;
            }
        }

        /** {@code BIO_should_read}: the last read found nothing to read; retry once the peer has written. */
        @Override
        public boolean shouldRead() {
            synchronized (pair.lock) {
                return retryRead;
            }
        }

        /** {@code BIO_should_write}: the last write found this half's buffer full; retry once the peer has read. */
        @Override
        public boolean shouldWrite() {
            synchronized (pair.lock) {
                return retryWrite;
            }
        }

        /** {@code BIO_ctrl_pending}: the bytes the peer wrote that this half can read now. */
        @Override
        public long pending() {
            synchronized (pair.lock) {
                return pair.dissolved ? 0 : peer.len;
            }
        }

        /** {@code BIO_ctrl_wpending}: the bytes this half wrote that the peer has not read yet. */
        @Override
        public long wpending() {
            synchronized (pair.lock) {
                return len;
            }
        }

        /** {@code BIO_flush}: nothing to do, written bytes are readable at once; returns {@code 1}. */
        @Override
        public int flush() {
            return 1;
        }

        /**
         * {@code BIO_eof}: the peer has {@linkplain #shutdownWr() shut down} writing and this half has read
         * everything it wrote; also true once the pair is dissolved.
         */
        @Override
        public boolean eof() {
            synchronized (pair.lock) {
                return pair.dissolved || (peer.len == 0 && peer.writeShutdown);
            }
        }

        /**
         * {@code BIO_ctrl_get_write_guarantee}: how many bytes the next write on this half will surely take, the
         * free space in its buffer; {@code 0} after {@link #shutdownWr()} or once the pair is dissolved.
         *
         * @return the free space in this half's write buffer
         */
        public int writeGuarantee() {
            synchronized (pair.lock) {
                return pair.dissolved || writeShutdown ? 0 : size - len;
            }
        }

        /**
         * {@code BIO_ctrl_get_read_request}: how many bytes the <em>peer</em> asked for in its last read, if that
         * read failed for lack of data ({@code -1} with retry + read), capped at this half's buffer size; else
         * {@code 0}. As in C it is asked of the half that can supply the bytes: with an {@code Ssl} on the
         * internal half, the network half's read request is what the {@code Ssl} waits for, 5 for a record
         * header and then the rest of the record (docs/SEMANTICS.md R15.10). Reset to {@code 0} by the next write on
         * this half and the next read on the peer.
         *
         * @return the bytes the peer is waiting for, or {@code 0}
         */
        public int readRequest() {
            synchronized (pair.lock) {
                return request;
            }
        }

        /**
         * {@code BIO_ctrl_reset_read_request}: forgets the peer's unsatisfied {@link #readRequest()}, for instance
         * after probing the peer with a read that was only meant to see whether data had arrived.
         */
        public void resetReadRequest() {
            synchronized (pair.lock) {
                request = 0;
            }
        }

        /**
         * {@code BIO_get_write_buf_size}: the size of the ring buffer this half writes into.
         *
         * @return the size given to {@link BioPair#create(int, int)}, or {@value BioPair#DEFAULT_WRITE_BUF_SIZE}
         */
        public int writeBufSize() {
            return size;
        }

        /**
         * {@code BIO_shutdown_wr}: this half will write no more, like {@code shutdown(fd, SHUT_WR)}. Its later
         * writes return {@code -1} with "broken pipe" on the error queue; the peer reads the bytes already
         * written, then {@code 0} with {@link #eof()} true. Idempotent.
         */
        public void shutdownWr() {
            synchronized (pair.lock) {
                writeShutdown = true;
            }
        }

        /**
         * {@code BIO_free}: dissolves the pair ({@code bio_destroy_pair}). Both halves drop the bytes they hold;
         * from then on their reads and writes return {@code 0} without retry flags, {@link #eof()} is true and
         * the counts are {@code 0}. Idempotent, on either half.
         */
        @Override
        public void close() {
            synchronized (pair.lock) {
                clearFlags();
                if (pair.dissolved) {
                    return;
                }
                pair.dissolved = true;
                pair.first.drop();
                pair.second.drop();
            }
        }

        @Override
        public String toString() {
            synchronized (pair.lock) {
                return "BioPair.Half[" + name + ", pending=" + pending() + ", wpending=" + len
                        + ", writeBufSize=" + size + (writeShutdown ? ", shut down for writing" : "")
                        + (pair.dissolved ? ", closed" : "") + "]";
            }
        }

        private void clearFlags() {
            retry = false;
            retryRead = false;
            retryWrite = false;
        }

        /** The read found {@code src}'s ring empty: end of stream if {@code src} shut down, else wait for it. */
        private int emptyRead(Half src, int wanted) {
            if (src.writeShutdown) {
                return 0;
            }
            retry = true;
            retryRead = true;
            // Never more than the writer can deliver in one write, so a writer sizing its write by the request
            // cannot be told to write more than fits.
            src.request = Math.min(wanted, src.size);
            return -1;
        }

        /**
         * How many of {@code wanted} bytes this half's ring takes now; or {@code -1}, with the flags or the error
         * entry set, when it takes none.
         */
        private int room(int wanted) {
            // Any write attempt answers the peer's request, as in C: the peer is told again on its next read.
            request = 0;
            if (writeShutdown) {
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_BIO, BIO_R_BROKEN_PIPE, "broken pipe",
                        null, null));
                return -1;
            }
            if (len == size) {
                retry = true;
                retryWrite = true;
                return -1;
            }
            return Math.min(wanted, size - len);
        }

        /** Where the next byte written goes: just past the unread bytes, wrapping. */
        private int writeOffset() {
            int at = offset + len;
            return at >= size ? at - size : at;
        }

        /** The peer has read {@code n} of this half's bytes. */
        private void consume(int n) {
            len -= n;
            if (len == 0) {
                // Restart at 0 so that the next writes are contiguous and wrap as rarely as possible.
                offset = 0;
            } else {
                offset += n;
                if (offset >= size) {
                    offset -= size;
                }
            }
        }

        private void drop() {
            ring = null;
            offset = 0;
            len = 0;
            request = 0;
        }
    }
}
