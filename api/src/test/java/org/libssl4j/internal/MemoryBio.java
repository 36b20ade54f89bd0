package org.libssl4j.internal;

import java.util.Arrays;
import org.libssl4j.Bio;

/**
 * A memory BIO for the api module's tests (the bio module's MemBio depends on api): a byte queue with an optional
 * capacity, libssl's retry flags, and switches for EOF and a hard transport failure.
 *
 * <p>An empty BIO answers a read with -1 and should_retry/should_read, unless {@link #eofWhenEmpty} is set (then 0
 * and {@link #eof()}); a full one answers a write with -1 and should_retry/should_write, after taking what fits.
 */
final class MemoryBio implements Bio {
    private byte[] data = new byte[256];
    private int head;
    private int tail;
    private boolean retry;
    private boolean shouldRead;
    private boolean shouldWrite;

    /** The most bytes held at once; a write takes what fits. */
    int capacity = Integer.MAX_VALUE;
    /** An empty read is the end of the stream (0, eof) rather than a retry. */
    boolean eofWhenEmpty;
    /** Reads fail as a broken transport: -1, no retry flag, not at EOF (R08.7). */
    boolean failReads;
    /** Thrown by every write, as by a BIO with a bug. */
    RuntimeException throwOnWrite;

    MemoryBio() {
    }

    MemoryBio(int capacity) {
        this.capacity = capacity;
    }

    /** Bytes held. */
    int size() {
        return tail - head;
    }

    /** Appends raw bytes, whatever the capacity (bytes the peer sent). */
    MemoryBio put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, tail, bytes.length);
        tail += bytes.length;
        return this;
    }

    /** Removes and returns everything held. */
    byte[] take() {
        byte[] all = Arrays.copyOfRange(data, head, tail);
        head = 0;
        tail = 0;
        return all;
    }

    /** Everything held, left in place. */
    byte[] peekAll() {
        return Arrays.copyOfRange(data, head, tail);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        clearFlags();
        if (len == 0) {
            return 0;
        }
        if (failReads) {
            return -1;
        }
        if (size() == 0) {
            if (eofWhenEmpty) {
                return 0;
            }
            retry = true;
            shouldRead = true;
            return -1;
        }
        int n = Math.min(len, size());
        System.arraycopy(data, head, b, off, n);
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return n;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        clearFlags();
        if (throwOnWrite != null) {
            throw throwOnWrite;
        }
        int n = Math.min(len, capacity - size());
        if (n <= 0) {
            retry = true;
            shouldWrite = true;
            return -1;
        }
        ensure(n);
        System.arraycopy(b, off, data, tail, n);
        tail += n;
        return n;
    }

    private void ensure(int more) {
        if (tail + more > data.length) {
            int size = size();
            byte[] bigger = new byte[Math.max(data.length * 2, size + more)];
            System.arraycopy(data, head, bigger, 0, size);
            data = bigger;
            head = 0;
            tail = size;
        }
    }

    private void clearFlags() {
        retry = false;
        shouldRead = false;
        shouldWrite = false;
    }

    @Override
    public boolean shouldRetry() {
        return retry;
    }

    @Override
    public boolean shouldRead() {
        return shouldRead;
    }

    @Override
    public boolean shouldWrite() {
        return shouldWrite;
    }

    @Override
    public long pending() {
        return size();
    }

    @Override
    public boolean eof() {
        return eofWhenEmpty && size() == 0;
    }

    @Override
    public void close() {
    }
}
