package org.libssl4j.internal;

import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * Whether the connection has failed for good (libssl's fatal state, R15.7), and the one way it gets there: an
 * entry on the thread's error queue that says why.
 */
final class Failure {
    private boolean fatal;
    private SslErrorEntry blamed;
    private int blamedAlert;

    boolean isFatal() {
        return fatal;
    }

    /**
     * Fails the connection, with the error-queue entry that says why: the application's refusal when one of its
     * callbacks refused the handshake ({@link #blame}), since the engine's own failure that follows is its echo.
     */
    void fail(int library, int reason, String detail, Throwable cause) {
        SslErrorQueue.push(blamed != null ? blamed : new SslErrorEntry(library, reason, null, detail, cause));
        blamed = null;
        fatal = true;
    }

    /**
     * An application callback refused the handshake: the failure the engine reports next is reported as this, and
     * if the engine goes on regardless, the state machine fails the handshake itself ({@link #isBlamed}).
     *
     * @param alert the alert libssl sends for it
     */
    void blame(int reason, int alert, String detail, Throwable cause) {
        blamed = new SslErrorEntry(SslErrorEntry.LIB_SSL, reason, null, detail, cause);
        blamedAlert = alert;
    }

    /** A callback refused the handshake and no failure has reported it yet. */
    boolean isBlamed() {
        return blamed != null;
    }

    int blamedReason() {
        return blamed.reason();
    }

    int blamedAlert() {
        return blamedAlert;
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
