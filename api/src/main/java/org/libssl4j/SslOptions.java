package org.libssl4j;

/** {@code SSL_OP_*} options for {@link SslCtx#setOptions(long)} and {@link Ssl#setOptions(long)}, with OpenSSL 3.0's values. */
public final class SslOptions {
    private SslOptions() {
    }

    /** {@code SSL_OP_NO_EXTENDED_MASTER_SECRET}. */
    public static final long NO_EXTENDED_MASTER_SECRET = 1L << 0;
    /** {@code SSL_OP_LEGACY_SERVER_CONNECT}. */
    public static final long LEGACY_SERVER_CONNECT = 1L << 2;
    /** {@code SSL_OP_IGNORE_UNEXPECTED_EOF}: a transport EOF without close_notify counts as close_notify. */
    public static final long IGNORE_UNEXPECTED_EOF = 1L << 7;
    /** {@code SSL_OP_ALLOW_CLIENT_RENEGOTIATION}: a server accepts renegotiation started by the client. */
    public static final long ALLOW_CLIENT_RENEGOTIATION = 1L << 8;
    /** {@code SSL_OP_NO_TICKET}: no stateless session tickets. */
    public static final long NO_TICKET = 1L << 14;
    /** {@code SSL_OP_NO_COMPRESSION}. */
    public static final long NO_COMPRESSION = 1L << 17;
    /** {@code SSL_OP_ENABLE_MIDDLEBOX_COMPAT}. */
    public static final long ENABLE_MIDDLEBOX_COMPAT = 1L << 20;
    /**
     * {@code SSL_OP_PRIORITIZE_CHACHA}: with {@link #CIPHER_SERVER_PREFERENCE}, a server whose client lists a
     * ChaCha20-Poly1305 suite first puts its own ChaCha20 suites first.
     */
    public static final long PRIORITIZE_CHACHA = 1L << 21;
    /** {@code SSL_OP_CIPHER_SERVER_PREFERENCE}: the server's cipher order wins. */
    public static final long CIPHER_SERVER_PREFERENCE = 1L << 22;
    /** {@code SSL_OP_NO_SSLv3}. */
    public static final long NO_SSLv3 = 1L << 25;
    /** {@code SSL_OP_NO_TLSv1}. */
    public static final long NO_TLSv1 = 1L << 26;
    /** {@code SSL_OP_NO_TLSv1_2}. */
    public static final long NO_TLSv1_2 = 1L << 27;
    /** {@code SSL_OP_NO_TLSv1_1}. */
    public static final long NO_TLSv1_1 = 1L << 28;
    /** {@code SSL_OP_NO_TLSv1_3}. */
    public static final long NO_TLSv1_3 = 1L << 29;
    /** {@code SSL_OP_NO_RENEGOTIATION}: refuse every renegotiation. */
    public static final long NO_RENEGOTIATION = 1L << 30;
    /** {@code SSL_OP_ALL}: OpenSSL's bug workarounds; kept for ported code, it changes nothing here. */
    public static final long ALL = (1L << 4) | (1L << 6) | (1L << 11) | (1L << 15) | (1L << 31);
}
