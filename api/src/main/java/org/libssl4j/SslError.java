package org.libssl4j;

/**
 * The result of {@link Ssl#getError(int)}: OpenSSL's {@code SSL_ERROR_*} codes, with {@link #code()} equal to
 * OpenSSL's number so that ported code keeps its numbers.
 */
public enum SslError {
    /** {@code SSL_ERROR_NONE}: the call succeeded. */
    NONE(0),
    /** {@code SSL_ERROR_SSL}: a failure in the TLS library; the error queue holds the reason. */
    SSL(1),
    /** {@code SSL_ERROR_WANT_READ}: repeat the call once the read BIO has data. */
    WANT_READ(2),
    /** {@code SSL_ERROR_WANT_WRITE}: repeat the call once the write BIO has room. */
    WANT_WRITE(3),
    /** {@code SSL_ERROR_WANT_X509_LOOKUP}: a certificate callback asked to be called again. */
    WANT_X509_LOOKUP(4),
    /** {@code SSL_ERROR_SYSCALL}: a transport failure or an end of stream with no reason on the queue. */
    SYSCALL(5),
    /** {@code SSL_ERROR_ZERO_RETURN}: the peer closed the TLS connection (close_notify received). */
    ZERO_RETURN(6),
    /** {@code SSL_ERROR_WANT_CONNECT}: the BIO is still connecting. */
    WANT_CONNECT(7),
    /** {@code SSL_ERROR_WANT_ACCEPT}: the BIO is still accepting. */
    WANT_ACCEPT(8),
    /** {@code SSL_ERROR_WANT_ASYNC}. */
    WANT_ASYNC(9),
    /** {@code SSL_ERROR_WANT_ASYNC_JOB}. */
    WANT_ASYNC_JOB(10),
    /**
     * {@code SSL_ERROR_WANT_CLIENT_HELLO_CB}: the client-hello callback asked to be called again. Reserved: never
     * returned until {@link Capability#HANDSHAKE_CALLBACKS} has an SPI hook.
     */
    WANT_CLIENT_HELLO_CB(11),
    /**
     * {@code SSL_ERROR_WANT_RETRY_VERIFY}: the verify callback asked to be called again. Reserved: never returned
     * until {@link Capability#HANDSHAKE_CALLBACKS} has an SPI hook.
     */
    WANT_RETRY_VERIFY(12);

    private final int code;

    SslError(int code) {
        this.code = code;
    }

    /** OpenSSL's numeric value of this code. */
    public int code() {
        return code;
    }

    /**
     * The constant with OpenSSL's numeric value {@code code}.
     *
     * @throws IllegalArgumentException if no {@code SSL_ERROR_*} has that value
     */
    public static SslError ofCode(int code) {
        for (SslError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("no SSL_ERROR_* has the value " + code);
    }
}
