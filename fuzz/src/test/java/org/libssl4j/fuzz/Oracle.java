package org.libssl4j.fuzz;

import java.util.function.IntSupplier;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;

/**
 * What every call of a fuzz target must do, whatever the input: return (the targets' loops are bounded), throw
 * nothing (a TLS failure is a return value, README D1), and explain a return {@code <= 0} with a {@code getError}
 * code the situation allows, an SSL one with an error-queue entry (docs/SEMANTICS.md FUZZ-1).
 */
final class Oracle {
    private Oracle() {
    }

    /**
     * Runs one call on a cleared error queue and checks its outcome.
     *
     * @return the call's return value
     * @throws AssertionError if the outcome breaks the oracle; the message names the call and the queue
     */
    static int call(Ssl ssl, String what, IntSupplier call) {
        SslErrorQueue.clear();
        int rc;
        try {
            rc = call.getAsInt();
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw on " + ssl.engineName() + " instead of returning", e);
        }
        check(ssl, what, rc);
        return rc;
    }

    /** {@link #call}, for a call that must fail ({@code <= 0}), such as any call on a freed connection (CLOSE-1). */
    static void callFailing(Ssl ssl, String what, IntSupplier call) {
        int rc = call(ssl, what, call);
        if (rc > 0) {
            throw new AssertionError(what + " on " + ssl.engineName() + " returned " + rc + " where it must fail");
        }
    }

    /** Checks a return value {@code rc} of {@code what}, just made on a cleared queue. */
    static void check(Ssl ssl, String what, int rc) {
        if (rc > 0) {
            return;
        }
        SslError error = ssl.getError(rc);
        switch (error) {
            case WANT_READ, WANT_WRITE, ZERO_RETURN, SYSCALL -> {
                // SYSCALL: the BIO failed or ended (an empty queue is libssl's "unexpected EOF" too).
            }
            case SSL -> {
                if (SslErrorQueue.isEmpty()) {
                    throw new AssertionError(what + " on " + ssl.engineName() + " returned " + rc
                            + " with getError SSL but an empty error queue");
                }
            }
            default -> throw new AssertionError(what + " on " + ssl.engineName() + " returned " + rc
                    + " with getError " + error + "; error queue: " + SslErrorQueue.snapshot());
        }
    }

    /** Whether the error of {@code rc} ends the connection (SSL, SYSCALL or ZERO_RETURN), for a target's loop. */
    static boolean isFinal(Ssl ssl, int rc) {
        if (rc > 0) {
            return false;
        }
        SslError e = ssl.getError(rc);
        return e != SslError.WANT_READ && e != SslError.WANT_WRITE;
    }
}
