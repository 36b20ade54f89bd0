package org.libssl4j.it;

import org.libssl4j.Bio;

/**
 * Two blocking BIOs joined back to back, for tests with a thread per side: a read waits for data, a write waits
 * for room, as on a blocking socket; neither ever sets a retry flag. Capacity is per direction.
 */
final class BlockingPipe {
    private final Direction aToB;
    private final Direction bToA;

    BlockingPipe(int capacity) {
        aToB = new Direction(capacity);
        bToA = new Direction(capacity);
    }

    /** The end that writes to {@link #b()} and reads what {@code b} wrote. */
    Bio a() {
        return new End(bToA, aToB);
    }

    Bio b() {
        return new End(aToB, bToA);
    }

    /** One direction: a bounded ring with blocking put and take. */
    private static final class Direction {
        private final byte[] ring;
        private int head;
        private int size;
        private boolean closed;

        Direction(int capacity) {
            ring = new byte[capacity];
        }

        synchronized int take(byte[] b, int off, int len) {
            while (size == 0 && !closed) {
                waitUninterruptibly();
            }
            if (size == 0) {
                return 0;
            }
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                b[off + i] = ring[(head + i) % ring.length];
            }
            head = (head + n) % ring.length;
            size -= n;
            notifyAll();
            return n;
        }

        synchronized int put(byte[] b, int off, int len) {
            while (size == ring.length && !closed) {
                waitUninterruptibly();
            }
            if (closed) {
                return -1;
            }
            int n = Math.min(len, ring.length - size);
            for (int i = 0; i < n; i++) {
                ring[(head + size + i) % ring.length] = b[off + i];
            }
            size += n;
            notifyAll();
            return n;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        synchronized int size() {
            return size;
        }

        synchronized boolean ended() {
            return closed && size == 0;
        }

        /** Waits for the other end; a test that blocks for more than 20 s has failed, so it fails loudly. */
        private void waitUninterruptibly() {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            try {
                wait(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while blocked", e);
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("blocked for 20 s: the other side never answered");
            }
        }
    }

    private static final class End implements Bio {
        private final Direction in;
        private final Direction out;

        End(Direction in, Direction out) {
            this.in = in;
            this.out = out;
        }

        @Override public int read(byte[] b, int off, int len) { return len == 0 ? 0 : in.take(b, off, len); }
        @Override public int write(byte[] b, int off, int len) { return len == 0 ? 0 : out.put(b, off, len); }
        @Override public boolean shouldRetry() { return false; }
        @Override public boolean shouldRead() { return false; }
        @Override public boolean shouldWrite() { return false; }
        @Override public long pending() { return in.size(); }
        @Override public boolean eof() { return in.ended(); }
        @Override public void close() {
            out.close();
        }
    }
}
