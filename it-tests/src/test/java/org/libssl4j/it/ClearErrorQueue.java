package org.libssl4j.it;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.libssl4j.Ssl;
import org.libssl4j.SslErrorQueue;

/**
 * Every conformance test starts with the thread's error queue empty, as a C test starts with {@code ERR_clear_error()}:
 * part of {@link EngineTest}, and on the few classes whose tests are parameterized otherwise. It also makes sure that
 * the API checks every call the test makes: with assertions on for {@code org.libssl4j}, a call that succeeds having
 * pushed an entry on the thread's error queue throws (docs/SEMANTICS.md QUEUE-1), so a test cannot pass with a stale
 * entry behind a success.
 */
public final class ClearErrorQueue implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        // compare runs the suite inside its own JVM, without -ea, and says so with libssl4j.queueCheck=optional.
        if (!Ssl.class.desiredAssertionStatus() && !"optional".equals(System.getProperty("libssl4j.queueCheck"))) {
            throw new AssertionError("QUEUE-1: run the conformance suite with assertions enabled (-ea, surefire's default)"
                    + " so that every successful call is checked to leave the error queue as it found it");
        }
        SslErrorQueue.clear();
    }
}
