package org.libssl4j.internal;

import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * Whether the connection has failed for good (libssl's fatal state, R15.7), and the one way it gets there: an
 * entry on the thread's error queue that says why.
 */
final class Failure {
    private boolean fatal;

    boolean isFatal() {
        return fatal;
    }

    /** Fails the connection, with the error-queue entry that says why. */
    void fail(int library, int reason, String detail, Throwable cause) {
        SslErrorQueue.push(new SslErrorEntry(library, reason, null, detail, cause));
        fatal = true;
    }

    /** A failure the state machine detects itself: fatal, no alert (R05.7, R10.1–R10.3). */
    void local(int reason) {
        fail(SslErrorEntry.LIB_SSL, reason, null, null);
    }

    /** Fails the connection with nothing on the queue: a close_notify where a handshake message was due, or free. */
    void silently() {
        fatal = true;
    }
}
