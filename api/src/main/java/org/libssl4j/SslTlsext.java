package org.libssl4j;

/**
 * The return values of the servername and ALPN select callbacks ({@code SSL_TLSEXT_ERR_*}), OpenSSL's values.
 */
public final class SslTlsext {
    /** {@code SSL_TLSEXT_ERR_OK}: go on (the ALPN callback has chosen a protocol). */
    public static final int ERR_OK = 0;
    /** {@code SSL_TLSEXT_ERR_ALERT_WARNING}: go on; libssl would send a warning alert, which TLS 1.3 forbids. */
    public static final int ERR_ALERT_WARNING = 1;
    /** {@code SSL_TLSEXT_ERR_ALERT_FATAL}: fail the handshake (unrecognized_name, no_application_protocol). */
    public static final int ERR_ALERT_FATAL = 2;
    /** {@code SSL_TLSEXT_ERR_NOACK}: go on without acknowledging the extension (no ALPN in the answer). */
    public static final int ERR_NOACK = 3;

    /** {@code SSL_AD_UNRECOGNIZED_NAME}: the alert a refusing servername callback sends. */
    public static final int AD_UNRECOGNIZED_NAME = 112;
    /** {@code SSL_AD_NO_APPLICATION_PROTOCOL}: the alert a refusing ALPN select callback sends. */
    public static final int AD_NO_APPLICATION_PROTOCOL = 120;
    /** {@code SSL_AD_INTERNAL_ERROR}. */
    public static final int AD_INTERNAL_ERROR = 80;

    private SslTlsext() {
    }
}
