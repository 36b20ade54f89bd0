package org.libssl4j.spi;

import org.libssl4j.VerifyCallback;

/**
 * What one connection changed of its context's peer verification ({@code SSL_set_verify},
 * {@code SSL_set_verify_depth}); each part not changed says so, and the engine takes the context's.
 *
 * @param mode the {@code SslVerify} bits, or {@link #CONTEXT_MODE} for the context's (for the connection's side)
 * @param callback the verify callback, or null for the context's
 * @param depth the verify depth as {@code SSL_set_verify_depth} takes it (negative: libssl's 100), or
 *     {@link #CONTEXT_DEPTH} for the context's
 */
public record PeerVerification(int mode, VerifyCallback callback, int depth) {
    /** {@link #mode} when the connection keeps its context's mode. */
    public static final int CONTEXT_MODE = -1;
    /** {@link #depth} when the connection keeps its context's depth. */
    public static final int CONTEXT_DEPTH = Integer.MIN_VALUE;

    /**
     * The mode in force.
     *
     * @param contextMode the context's mode for the connection's side
     * @return this connection's mode, or {@code contextMode}
     */
    public int modeOr(int contextMode) {
        return mode == CONTEXT_MODE ? contextMode : mode;
    }

    /**
     * The verify callback in force.
     *
     * @param contextCallback the context's callback, possibly null
     * @return this connection's callback, or {@code contextCallback}
     */
    public VerifyCallback callbackOr(VerifyCallback contextCallback) {
        return callback == null ? contextCallback : callback;
    }

    /**
     * The greatest number of intermediate certificates allowed.
     *
     * @param contextDepth the context's effective depth ({@code ContextConfig.effectiveVerifyDepth()})
     * @return this connection's effective depth, or {@code contextDepth}
     */
    public int effectiveDepthOr(int contextDepth) {
        if (depth == CONTEXT_DEPTH) {
            return contextDepth;
        }
        return depth < 0 ? ContextConfig.DEFAULT_VERIFY_DEPTH : depth;
    }
}
