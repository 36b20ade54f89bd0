package org.libssl4j.engine.jsse;

import org.libssl4j.VerifyCallback;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.PeerVerification;

/**
 * One connection's peer verification while its engine runs: what {@code SSL_set_verify} and
 * {@code SSL_set_verify_depth} changed of its context's ({@link PeerVerification}), and where the verdict is kept for
 * {@code SSL_get_verify_result}. The context's {@link VerifyingTrustManager} is shared by all its connections, so it
 * finds the running one's through {@link VerifyingTrustManager#CURRENT}.
 */
final class PeerCheck {
    private final PeerVerification own;
    /** {@code SSL_get_verify_result}: the last {@code X509_V_*} code recorded. */
    int result;

    /** @param own what the connection changed, or null for nothing */
    PeerCheck(PeerVerification own) {
        this.own = own;
    }

    int mode(int contextMode) {
        return own == null ? contextMode : own.modeOr(contextMode);
    }

    VerifyCallback callback(ContextConfig config) {
        return own == null ? config.verifyCallback() : own.callbackOr(config.verifyCallback());
    }

    int depth(ContextConfig config) {
        return own == null ? config.effectiveVerifyDepth() : own.effectiveDepthOr(config.effectiveVerifyDepth());
    }
}
