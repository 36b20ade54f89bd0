package org.libssl4j.cli;

import com.google.inject.ProvisionException;

/** Guice wraps what a provider throws; the command line reports the provider's own exception. */
final class GuiceErrors {
    private GuiceErrors() {
    }

    static RuntimeException cause(ProvisionException e) {
        Throwable c = e.getCause();
        return c instanceof RuntimeException ? (RuntimeException) c : e;
    }
}
