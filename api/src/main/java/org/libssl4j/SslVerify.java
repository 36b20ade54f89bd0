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

    /**
     * {@code X509_verify_cert_error_string}: OpenSSL 3.0's text for an {@code X509_V_*} code, as
     * {@link Ssl#getVerifyResult()} returns it, for the codes libssl4j produces; "error number N" for another, as
     * OpenSSL reads a code it does not know.
     */
    public static String errorString(long code) {
        switch ((int) code) {
            case 0: return "ok";
            case 1: return "unspecified certificate verification error";
            case 2: return "unable to get issuer certificate";
            case 9: return "certificate is not yet valid";
            case 10: return "certificate has expired";
            case 18: return "self-signed certificate";
            case 19: return "self-signed certificate in certificate chain";
            case 20: return "unable to get local issuer certificate";
            case 21: return "unable to verify the first certificate";
            case 22: return "certificate chain too long";
            case 50: return "application verification failure";
            case 62: return "hostname mismatch";
            default: return "error number " + code;
        }
    }
}
