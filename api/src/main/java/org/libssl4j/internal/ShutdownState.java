package org.libssl4j.internal;

import org.libssl4j.Ssl;

/**
 * The shutdown state of one connection ({@code SSL_get_shutdown}'s bits, libssl's {@code alert_dispatch}): R07.
 *
 * <p>Invariants: once this side's close_notify is made it is never made again; {@code dispatching} implies
 * {@code SENT_SHUTDOWN}; {@link #complete()} only when both bits are set and nothing is left to dispatch.
 */
final class ShutdownState {
    private int bits;
    private boolean dispatching;
    private boolean closeNotifyMade;

    /** {@code SSL_get_shutdown}. */
    int bits() {
        return bits;
    }

    /** {@code SSL_set_shutdown}: the caller's word, as in libssl. */
    void setBits(int bits) {
        this.bits = bits;
    }

    boolean sent() {
        return (bits & Ssl.SENT_SHUTDOWN) != 0;
    }

    boolean received() {
        return (bits & Ssl.RECEIVED_SHUTDOWN) != 0;
    }

    /** The peer's close_notify arrived (or its fatal alert, or EOF counted as one). */
    void markReceived() {
        bits |= Ssl.RECEIVED_SHUTDOWN;
    }

    /** {@code SSL_shutdown}'s first call: SENT_SHUTDOWN, and the close_notify is to be dispatched. */
    void beginSending() {
        bits |= Ssl.SENT_SHUTDOWN;
        dispatching = true;
    }

    /** The engine closed its sending side on its own and sent its close_notify. */
    void sentByEngine() {
        bits |= Ssl.SENT_SHUTDOWN;
        closeNotifyMade = true;
    }

    /** The close_notify is still to be handed to the transport. */
    boolean dispatching() {
        return dispatching;
    }

    /** Whether the close_notify must still be made; from now on it counts as made. */
    boolean makeCloseNotify() {
        if (closeNotifyMade) {
            return false;
        }
        closeNotifyMade = true;
        return true;
    }

    /** The close_notify is in the transport. */
    void dispatched() {
        dispatching = false;
    }

    /** {@code SSL_set_quiet_shutdown}: both bits, nothing sent. */
    void quiet() {
        bits = Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN;
    }

    /** Both sides' close_notify are done: {@code SSL_shutdown} returns 1. */
    boolean complete() {
        return bits == (Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN) && !dispatching;
    }
}
