package org.libssl4j;

/** {@code SSL_MODE_*} flags for {@link SslCtx#setMode(long)} and {@link Ssl#setMode(long)}, with OpenSSL's values. */
public final class SslMode {
    private SslMode() {
    }

    /** {@code SSL_MODE_ENABLE_PARTIAL_WRITE}: {@code write} succeeds once one record is written. */
    public static final long ENABLE_PARTIAL_WRITE = 0x1L;
    /** {@code SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER}: a retried write may pass another buffer with the same bytes. */
    public static final long ACCEPT_MOVING_WRITE_BUFFER = 0x2L;
    /** {@code SSL_MODE_AUTO_RETRY}: reads and writes go on past non-application records. On by default. */
    public static final long AUTO_RETRY = 0x4L;
    /** {@code SSL_MODE_NO_AUTO_CHAIN}: do not build the certificate chain automatically. */
    public static final long NO_AUTO_CHAIN = 0x8L;
    /** {@code SSL_MODE_RELEASE_BUFFERS}: drop the I/O buffers while the connection is idle. */
    public static final long RELEASE_BUFFERS = 0x10L;
    /** {@code SSL_MODE_SEND_FALLBACK_SCSV}: the client signals a version fallback. */
    public static final long SEND_FALLBACK_SCSV = 0x80L;
}
