package org.libssl4j.engine.jsse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLProtocolException;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

/**
 * What every JSSE engine's failure mapping ({@link JsseBinding#mapFailure}) shares, written once: the received
 * alert, found by the provider's own {@link AlertReader} in the failure's cause chain ({@link #receivedAlert});
 * libssl's usual reason for a failure on which the provider sent a given alert; a reason by exception class when
 * nothing more is known; and the wording of the detail that goes on the error queue.
 */
public final class JsseFailures {
    /** The longest detail an engine keeps for the error queue ({@link #shorten}). */
    public static final int MAX_DETAIL = 240;

    private JsseFailures() {
    }

    /**
     * How one provider reports that its peer sent a fatal alert: what differs between providers (SunJSSE words it
     * in the message, bctls throws a {@code TlsFatalAlertReceived}, Conscrypt prints BoringSSL's reason
     * {@code 1000 + N}).
     */
    @FunctionalInterface
    public interface AlertReader {
        /**
         * Reads one throwable of a failure's cause chain.
         *
         * @return the description of the fatal alert the peer sent, if {@code t} reports one; {@code 0} if {@code t}
         *     reports that the peer closed (close_notify) before the handshake ended, which libssl reports as
         *     {@code SSL_ERROR_ZERO_RETURN} with an empty queue; else {@code -1}
         */
        int receivedAlert(Throwable t);
    }

    /**
     * The failure to report when {@code e} says that the peer sent a fatal alert, or null when it does not: the first
     * step of every engine's mapping. {@code reader} reads the chain of {@code e} (itself first, then its causes)
     * until it finds an alert; the state machine turns the result into libssl's reason for a received alert N
     * ({@code SSL_AD_REASON_OFFSET + N}), or, for a close_notify during the handshake, into
     * {@code SSL_ERROR_ZERO_RETURN}.
     */
    public static EngineException receivedAlert(SSLException e, AlertReader reader) {
        for (Throwable t : chain(e)) {
            int alert = reader.receivedAlert(t);
            if (alert >= 0) {
                return EngineException.alertReceived(alert, e);
            }
        }
        return null;
    }

    /** {@code e} and its causes, in order; a cause met again (a loop) ends the list. */
    public static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** {@code text} cut to {@value #MAX_DETAIL} characters, its end marked with "...". */
    public static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }

    /**
     * The detail of a failed certificate verification as every engine words it: the side whose certificate failed,
     * then the provider's text ({@code "server certificate: ..."} on a client), shortened.
     */
    public static String certificateDetail(boolean client, String text) {
        return shorten((client ? "server" : "client") + " certificate: " + text);
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
