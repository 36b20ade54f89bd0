package org.libssl4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The thread's error queue, as OpenSSL's {@code ERR_*} functions: every thread has its own queue, the oldest
 * entry comes out first, and it holds at most {@value #CAPACITY} entries (a newer entry pushes the oldest out,
 * as OpenSSL's ring does).
 *
 * <p>libssl4j never clears the queue behind the caller's back, except where libssl does (at the start of a
 * handshake step). A stale entry therefore changes what {@link Ssl#getError(int)} says, exactly as in C
 * (docs/SEMANTICS.md R15.2): clear the queue before a call whose error you will ask for.
 */
public final class SslErrorQueue {
    /** The most entries a thread's queue holds ({@code ERR_NUM_ERRORS}). */
    public static final int CAPACITY = 16;

    private static final ThreadLocal<Ring> QUEUE = ThreadLocal.withInitial(Ring::new);

    private SslErrorQueue() {
    }

    /** {@code ERR_get_error}: removes and returns the oldest entry, or null when the queue is empty. */
    public static SslErrorEntry get() {
        return QUEUE.get().poll();
    }

    /** {@code ERR_peek_error}: the oldest entry, left in place, or null. */
    public static SslErrorEntry peek() {
        return QUEUE.get().peekFirst();
    }

    /** {@code ERR_peek_last_error}: the newest entry, left in place, or null. */
    public static SslErrorEntry peekLast() {
        return QUEUE.get().peekLast();
    }

    /** {@code ERR_clear_error}: empties this thread's queue. */
    public static void clear() {
        QUEUE.get().clear();
    }

    /** Whether this thread's queue is empty. */
    public static boolean isEmpty() {
        return QUEUE.get().size == 0;
    }

    /** A copy of this thread's entries, oldest first; the queue is left as it is. */
    public static List<SslErrorEntry> snapshot() {
        return QUEUE.get().toList();
    }

    /**
     * {@code ERR_raise_data}: pushes an entry, for code outside the state machine (a user's BIO, say).
     *
     * @param library an {@code ERR_LIB_*} value, e.g. {@link SslErrorEntry#LIB_SYS}
     * @param reason the reason code
     * @param detail extra text, or null
     */
    public static void raise(int library, int reason, String detail) {
        push(new SslErrorEntry(library, reason, null, detail, null));
    }

    /** How many entries were ever pushed on this thread's queue: the API's check that a success adds none. */
    static long pushed() {
        return QUEUE.get().pushed;
    }

    /** Pushes {@code entry} on this thread's queue. */
    public static void push(SslErrorEntry entry) {
        if (entry == null) {
            throw new NullPointerException("entry");
        }
        QUEUE.get().add(entry);
    }

    /** A fixed ring: no allocation per entry beyond the entry itself. */
    private static final class Ring {
        private final SslErrorEntry[] slots = new SslErrorEntry[CAPACITY];
        private int head;
        private int size;
        private long pushed;

        void add(SslErrorEntry e) {
            pushed++;
            if (size == CAPACITY) {
                slots[head] = null;
                head = (head + 1) % CAPACITY;
                size--;
            }
            slots[(head + size) % CAPACITY] = e;
            size++;
        }

        SslErrorEntry poll() {
            if (size == 0) {
                return null;
            }
            SslErrorEntry e = slots[head];
            slots[head] = null;
            head = (head + 1) % CAPACITY;
            size--;
            return e;
        }

        SslErrorEntry peekFirst() {
            return size == 0 ? null : slots[head];
        }

        SslErrorEntry peekLast() {
            return size == 0 ? null : slots[(head + size - 1) % CAPACITY];
        }

        void clear() {
            while (size > 0) {
                poll();
            }
            head = 0;
        }

        List<SslErrorEntry> toList() {
            List<SslErrorEntry> l = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                l.add(slots[(head + i) % CAPACITY]);
            }
            return l;
        }
    }
}
