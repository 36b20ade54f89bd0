package org.libssl4j.internal;

/**
 * One connection's settings ({@code SSL_set_mode}, {@code SSL_set_options}, read-ahead, ...): copied from its
 * context at {@code SSL_new}, changed by the {@code Ssl}'s setters, read by the {@link StateMachine}.
 */
public final class Settings {
    long mode;
    long options;
    boolean readAhead;
    int maxSendFragment;
    boolean quietShutdown;
    int minVersion;
    int maxVersion;
    String sniHostName;
    String verifyHostName;
    /** {@code SSL_set_session}: the engine context the session came from and its handle, or nulls. */
    org.libssl4j.spi.EngineContext resumeContext;
    Object resumeHandle;
    /** The context had {@code SSL_CTX_set_ciphersuites("")} at {@code SSL_new}, or the connection set it: no TLS 1.3 suite. */
    public boolean noTls13Suites;
    /** {@code SSL_set_cipher_list} and {@code SSL_set_ciphersuites}: the connection's suites, or null for the context's. */
    private java.util.List<String> tls12Suites;
    private java.util.List<String> tls13Suites;
    /** {@code SSL_set_verify} and {@code SSL_set_verify_depth}: what the connection changed, each part or not. */
    private int verifyMode = org.libssl4j.spi.PeerVerification.CONTEXT_MODE;
    private org.libssl4j.VerifyCallback verifyCallback;
    private int verifyDepth = org.libssl4j.spi.PeerVerification.CONTEXT_DEPTH;

    /** The settings a connection starts with, from its context. */
    public Settings(long mode, long options, boolean readAhead, int maxSendFragment, boolean quietShutdown,
                    int minVersion, int maxVersion) {
        this.mode = mode;
        this.options = options;
        this.readAhead = readAhead;
        this.maxSendFragment = maxSendFragment;
        this.quietShutdown = quietShutdown;
        this.minVersion = minVersion;
        this.maxVersion = maxVersion;
    }

    /** {@code SSL_set_session}: the session to offer, made by {@code context}; nulls for none. */
    public void setResumeSession(org.libssl4j.spi.EngineContext context, Object handle) {
        resumeContext = context;
        resumeHandle = handle;
    }

    /** {@code SSL_set_cipher_list}: the resolved TLS 1.2 suites (IANA names). */
    public void setCipherSuites(java.util.List<String> suites) {
        tls12Suites = suites;
    }

    /** {@code SSL_set_ciphersuites}: the TLS 1.3 suites; empty for none, which fails a TLS 1.3 handshake (CIPHER-9). */
    public void setTls13Suites(java.util.List<String> suites) {
        tls13Suites = suites;
        noTls13Suites = suites.isEmpty();
    }

    /** What the engine is told of the connection's own suites: null when it chose none. */
    org.libssl4j.spi.CipherChoice ciphers() {
        return tls12Suites == null && tls13Suites == null ? null
                : new org.libssl4j.spi.CipherChoice(tls12Suites, tls13Suites);
    }

    /** {@code SSL_set_verify}: the mode, and the callback unless null (libssl keeps the one it had). */
    public void setVerify(int mode, org.libssl4j.VerifyCallback callback) {
        verifyMode = mode;
        if (callback != null) {
            verifyCallback = callback;
        }
    }

    /** {@code SSL_set_verify_depth}. */
    public void setVerifyDepth(int depth) {
        verifyDepth = depth;
    }

    /** The connection's own mode, or {@code PeerVerification.CONTEXT_MODE}. */
    public int verifyMode() {
        return verifyMode;
    }

    /** The connection's own depth, or {@code PeerVerification.CONTEXT_DEPTH}. */
    public int verifyDepth() {
        return verifyDepth;
    }

    /** What the engine is told: null when the connection changed nothing of its context's verification. */
    org.libssl4j.spi.PeerVerification verification() {
        if (verifyMode == org.libssl4j.spi.PeerVerification.CONTEXT_MODE && verifyCallback == null
                && verifyDepth == org.libssl4j.spi.PeerVerification.CONTEXT_DEPTH) {
            return null;
        }
        return new org.libssl4j.spi.PeerVerification(verifyMode, verifyCallback, verifyDepth);
    }

    /** {@code SSL_set_mode}: returns the new mask. */
    public long setMode(long bits) {
        mode |= bits;
        return mode;
    }

    /** {@code SSL_clear_mode}: returns the new mask. */
    public long clearMode(long bits) {
        mode &= ~bits;
        return mode;
    }

    /** {@code SSL_get_mode}. */
    public long getMode() {
        return mode;
    }

    /** {@code SSL_set_options}: returns the new mask. */
    public long setOptions(long bits) {
        options |= bits;
        return options;
    }

    /** {@code SSL_clear_options}: returns the new mask. */
    public long clearOptions(long bits) {
        options &= ~bits;
        return options;
    }

    /** {@code SSL_get_options}. */
    public long getOptions() {
        return options;
    }

    /** {@code SSL_set_read_ahead}. */
    public void setReadAhead(boolean on) {
        readAhead = on;
    }

    /** {@code SSL_get_read_ahead}. */
    public boolean getReadAhead() {
        return readAhead;
    }

    /** {@code SSL_set_max_send_fragment}; the caller has checked the range. */
    public void setMaxSendFragment(int size) {
        maxSendFragment = size;
    }

    /** {@code SSL_set_quiet_shutdown}. */
    public void setQuietShutdown(boolean on) {
        quietShutdown = on;
    }

    /** {@code SSL_get_quiet_shutdown}. */
    public boolean getQuietShutdown() {
        return quietShutdown;
    }

    /** {@code SSL_set_min_proto_version}; takes effect at the handshake. */
    public void setMinProtoVersion(int version) {
        minVersion = version;
    }

    /** {@code SSL_set_max_proto_version}; takes effect at the handshake. */
    public void setMaxProtoVersion(int version) {
        maxVersion = version;
    }

    /** {@code SSL_set_tlsext_host_name}. */
    public void setSniHostName(String name) {
        sniHostName = name;
    }

    /** {@code SSL_set1_host}. */
    public void setVerifyHostName(String name) {
        verifyHostName = name;
    }
}
