package org.libssl4j.it;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.libssl4j.SslErrorQueue;

/**
 * Every conformance test starts with the thread's error queue empty, as a C test starts with {@code ERR_clear_error()}:
 * part of {@link EngineTest}, and on the few classes whose tests are parameterized otherwise.
 */
public final class ClearErrorQueue implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        SslErrorQueue.clear();
    }
}
