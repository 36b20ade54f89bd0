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
