package org.libssl4j.engine.jsse;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLProtocolException;
import org.libssl4j.SslReason;

/**
 * The fallbacks every JSSE engine's failure mapping ends with, written once: libssl's usual reason for a failure
 * on which the provider sent a given alert, and a reason by exception class when nothing more is known.
 */
public final class JsseFailures {
    private JsseFailures() {
    }

    /** The usual libssl reason for a local failure on which the provider sent {@code alert}, or 0 if none fits. */
    public static int reasonForSentAlert(int alert) {
        switch (alert) {
            case 10: return SslReason.UNEXPECTED_MESSAGE;
            case 20:
            case 21: return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
            case 22: return SslReason.ENCRYPTED_LENGTH_TOO_LONG;
            case 30: return SslReason.BAD_DECOMPRESSION;
            case 40: return SslReason.SSL_HANDSHAKE_FAILURE;
            case 41: return SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE;
            case 42:
            case 43:
            case 44:
            case 45:
            case 46:
            case 48:
            case 111:
            case 113:
            case 114: return SslReason.CERTIFICATE_VERIFY_FAILED;
            case 47: return SslReason.BAD_PACKET;
            case 50: return SslReason.LENGTH_MISMATCH;
            case 51: return SslReason.DIGEST_CHECK_FAILED;
            case 70: return SslReason.UNSUPPORTED_PROTOCOL;
            case 71: return SslReason.INSUFFICIENT_SECURITY;
            case 80: return SslReason.INTERNAL_ERROR;
            case 86: return SslReason.INAPPROPRIATE_FALLBACK;
            case 100: return SslReason.NO_RENEGOTIATION;
            case 109: return SslReason.BAD_EXTENSION;
            case 110: return SslReason.UNSOLICITED_EXTENSION;
            case 112: return SslReason.CALLBACK_FAILED;
            case 115: return SslReason.PSK_IDENTITY_NOT_FOUND;
            case 116: return SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE;
            case 120: return SslReason.NO_APPLICATION_PROTOCOL;
            default: return 0; // 49, 60, 90 and unknown: not sent on a provider's own failures
        }
    }

    /** The last resort, by the exception's class. */
    public static int reasonForClass(SSLException e) {
        if (e instanceof SSLHandshakeException) {
            return SslReason.SSL_HANDSHAKE_FAILURE;
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return SslReason.CERTIFICATE_VERIFY_FAILED;
        }
        if (e instanceof SSLProtocolException) {
            return SslReason.UNEXPECTED_MESSAGE;
        }
        return SslReason.INTERNAL_ERROR;
    }
}
