package org.libssl4j.testkit;

import java.util.List;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * One call on an {@link Ssl} with what libssl says about it: the return value, {@code getError} of it and the
 * error queue, taken at once, before another call can change them. Failure messages are made of these.
 */
record Outcome(String side, String call, int rc, SslError error, List<SslErrorEntry> queue) {

    /** Nothing was called on this side yet. */
    static Outcome none(String side) {
        return new Outcome(side, "nothing", 0, SslError.NONE, List.of());
    }

    /**
     * Records {@code rc} of a call that was just made on {@code ssl}. Callers clear the error queue before the
     * call: a stale entry would change what {@code getError} says (docs/SEMANTICS.md R15.2).
     */
    static Outcome of(String side, String call, Ssl ssl, int rc) {
        SslError error = ssl.getError(rc);
        return new Outcome(side, call, rc, error, SslErrorQueue.snapshot());
    }

    /** Whether the call only has to be repeated: success, WANT_READ or WANT_WRITE. */
    boolean retryable() {
        return rc > 0 || error == SslError.WANT_READ || error == SslError.WANT_WRITE;
    }

    @Override
    public String toString() {
        return side + " " + call + " returned " + rc + ", getError " + error + ", error queue " + queue;
    }
}
