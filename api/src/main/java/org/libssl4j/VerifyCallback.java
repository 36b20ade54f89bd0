package org.libssl4j;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The verify callback of {@code SSL_CTX_set_verify}: called once the peer's chain was checked, it may
 * overturn the verdict.
 */
@FunctionalInterface
public interface VerifyCallback {
    /**
     * Decides whether the peer's certificate chain is accepted.
     *
     * @param preverifyOk whether the chain passed the built-in checks (trust, validity, host name)
     * @param chain the peer's chain, leaf first
     * @param failure why the built-in checks failed, or null when they passed
     * @return true to accept the chain
     */
    boolean verify(boolean preverifyOk, List<X509Certificate> chain, String failure);
}
