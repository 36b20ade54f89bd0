package org.libssl4j;

/** {@code SSL_VERIFY_*} flags for {@link SslCtx#setVerify(int, VerifyCallback)}, with OpenSSL's values. */
public final class SslVerify {
    private SslVerify() {
    }

    /** {@code SSL_VERIFY_NONE}: a client does not check the server; a server asks for no client certificate. */
    public static final int NONE = 0x00;
    /** {@code SSL_VERIFY_PEER}: check the peer's certificate (a server asks the client for one). */
    public static final int PEER = 0x01;
    /** {@code SSL_VERIFY_FAIL_IF_NO_PEER_CERT}: a server fails the handshake when the client sends none. */
    public static final int FAIL_IF_NO_PEER_CERT = 0x02;
    /** {@code SSL_VERIFY_CLIENT_ONCE}: a server does not ask again on renegotiation. */
    public static final int CLIENT_ONCE = 0x04;
    /** {@code SSL_VERIFY_POST_HANDSHAKE}. */
    public static final int POST_HANDSHAKE = 0x08;
}
