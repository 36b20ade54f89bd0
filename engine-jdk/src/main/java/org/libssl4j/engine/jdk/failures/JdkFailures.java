package org.libssl4j.engine.jdk.failures;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLProtocolException;
import org.libssl4j.SslReason;
import org.libssl4j.engine.jsse.JsseFailures;
import org.libssl4j.spi.EngineException;

/**
 * Reads an {@link SSLException} that SunJSSE (JDK 17) raised as OpenSSL 3.0 would report the same failure: the
 * {@code ERR_get_error} reason the engine {@code jdk} puts on the error queue, or the alert the peer sent. Public API,
 * for an engine of one's own over SunJSSE (a {@code JsseBinding} whose {@code mapFailure} calls {@link #map}), as
 * the example engine and the command line's test engine are.
 *
 * <p>How SunJSSE words its failures (JDK 17 {@code sun.security.ssl}; see this module's README for the probes):
 * <ul>
 *   <li>A failure this side detected and answered with a fatal alert reads {@code "(<alert>) <diagnostic>"},
 *       the alert being the one SunJSSE queued for the peer ({@code Alert.createSSLException}).</li>
 *   <li>A few record-layer failures escape that wrapping and keep their bare text, e.g.
 *       {@code "Unrecognized SSL message, plaintext connection?"} (internal_error was queued) or
 *       {@code "Input record too big: max = 16709 len = 18437"} (unexpected_message was queued).</li>
 *   <li>A fatal alert from the peer reads {@code "(<alert>) Received fatal alert: <alert>"}; an alert number
 *       SunJSSE does not know reads {@code "(unexpected_message) Unknown alert description (<signed byte>)"};
 *       a fatal user_canceled reads {@code "(user_canceled) Received fatal close_notify alert"}.</li>
 * </ul>
 *
 * <p>Order of the mapping: received alerts; then the cause (a bad record MAC or padding, a certificate that failed
 * the trust manager); then the diagnostic text; then the alert SunJSSE sent; then the exception class. The last
 * resort is {@code SSL_R_SSL_HANDSHAKE_FAILURE} for an {@link SSLHandshakeException}, {@code SSL_R_UNEXPECTED_MESSAGE}
 * for an {@link SSLProtocolException}, {@code SSL_R_CERTIFICATE_VERIFY_FAILED} for an
 * {@link SSLPeerUnverifiedException}, and {@code ERR_R_INTERNAL_ERROR} for any other {@link SSLException}: an
 * unrecognised failure outside the handshake is most likely SunJSSE's own trouble. The detail is always the JDK
 * message (shortened), so nothing is lost when the guess is coarse.
 */
public final class JdkFailures {
    private JdkFailures() {
    }

    private static final String RECEIVED_FATAL = "Received fatal alert: ";
    private static final String UNKNOWN_ALERT = "Unknown alert description (";

    /**
     * The alerts of JDK 17's {@code sun.security.ssl.Alert}: the name SunJSSE prints (its {@code description})
     * to the TLS alert number.
     */
    static final Map<String, Integer> ALERTS;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("close_notify", 0);
        m.put("unexpected_message", 10);
        m.put("bad_record_mac", 20);
        m.put("decryption_failed", 21);
        m.put("record_overflow", 22);
        m.put("decompression_failure", 30);
        m.put("handshake_failure", 40);
        m.put("no_certificate", 41);
        m.put("bad_certificate", 42);
        m.put("unsupported_certificate", 43);
        m.put("certificate_revoked", 44);
        m.put("certificate_expired", 45);
        m.put("certificate_unknown", 46);
        m.put("illegal_parameter", 47);
        m.put("unknown_ca", 48);
        m.put("access_denied", 49);
        m.put("decode_error", 50);
        m.put("decrypt_error", 51);
        m.put("export_restriction", 60);
        m.put("protocol_version", 70);
        m.put("insufficient_security", 71);
        m.put("internal_error", 80);
        m.put("inappropriate_fallback", 86);
        m.put("user_canceled", 90);
        m.put("no_renegotiation", 100);
        m.put("missing_extension", 109);
        m.put("unsupported_extension", 110);
        m.put("certificate_unobtainable", 111);
        m.put("unrecognized_name", 112);
        m.put("bad_certificate_status_response", 113);
        m.put("bad_certificate_hash_value", 114);
        m.put("unknown_psk_identity", 115);
        m.put("certificate_required", 116);
        m.put("no_application_protocol", 120);
        ALERTS = Collections.unmodifiableMap(m);
    }

    /** The number of a SunJSSE alert name ("unknown_ca" gives 48), or -1. */
    static int alertNumber(String name) {
        Integer n = ALERTS.get(name);
        return n != null ? n : -1;
    }

    /**
     * The alert SunJSSE sent (or, for a received alert, got) according to the {@code "(<alert>) "} prefix of the
     * message, or -1 when the message has no such prefix.
     */
    static int prefixAlert(String message) {
        if (message == null || !message.startsWith("(")) {
            return -1;
        }
        int end = message.indexOf(')');
        return end > 1 ? alertNumber(message.substring(1, end)) : -1;
    }

    /**
     * The alert the peer sent, if {@code message} is SunJSSE's report of a received fatal alert; 0 for a close_notify
     * during the handshake; else -1 (a {@link JsseFailures.AlertReader} of SunJSSE's messages).
     */
    static int receivedAlert(String message) {
        if (message == null) {
            return -1;
        }
        int i = message.indexOf(RECEIVED_FATAL);
        if (i >= 0) {
            String name = message.substring(i + RECEIVED_FATAL.length()).trim();
            int n = alertNumber(name);
            return n >= 0 ? n : prefixAlert(message);
        }
        i = message.indexOf(UNKNOWN_ALERT);
        if (i >= 0) {
            // Alert.AlertConsumer prints the description as a signed byte: 200 reads "-56".
            int end = message.indexOf(')', i);
            try {
                return Integer.parseInt(message.substring(i + UNKNOWN_ALERT.length(), end).trim()) & 0xFF;
            } catch (RuntimeException e) {
                return -1;
            }
        }
        if (message.contains("Received fatal close_notify alert")) {
            return 90; // a fatal user_canceled; SunJSSE's text says close_notify.
        }
        if (message.contains("Received close_notify during handshake")) {
            // The peer closed before the handshake ended. libssl reports this as SSL_ERROR_ZERO_RETURN with an
            // empty queue; SunJSSE calls it fatal and queues unexpected_message, which must not be sent.
            return 0;
        }
        return -1;
    }

    /**
     * Maps a failure SunJSSE raised to OpenSSL's reason.
     *
     * @param e what {@code SSLEngine.wrap}, {@code unwrap}, {@code beginHandshake} or {@code closeInbound} threw
     * @param client whether the failing engine is the client (used to word certificate failures and to tell a
     *     client's from a server's view of a bad cipher suite)
     */
    public static EngineException map(SSLException e, boolean client) {
        EngineException received = JsseFailures.receivedAlert(e, t -> receivedAlert(t.getMessage()));
        if (received != null) {
            return received;
        }
        String message = e.getMessage() != null ? e.getMessage() : "";
        String detail = JsseFailures.shorten(message);
        int sent = prefixAlert(message);
        String diagnostic = sent >= 0 ? message.substring(message.indexOf(')') + 1).trim() : message;
        if (diagnostic.equals("Unhandled exception") && e.getCause() != null && e.getCause().getMessage() != null) {
            // JDK 25's SSLEngineImpl.DelegatedTask raises internal_error "Unhandled exception" for an IOException a
            // task threw (an EC point not 04-prefixed), the IOException as its cause; JDK 17 gave its message (Q22).
            diagnostic = e.getCause().getMessage();
        }

        int reason = byCause(e, diagnostic);
        if (reason == 0) {
            reason = byDiagnostic(diagnostic, client);
        }
        if (reason == 0) {
            reason = JsseFailures.reasonForSentAlert(sent);
        }
        if (reason == 0) {
            reason = JsseFailures.reasonForClass(e);
        }
        if (reason == SslReason.CERTIFICATE_VERIFY_FAILED && !message.isEmpty()) {
            detail = JsseFailures.certificateDetail(client, diagnostic);
        }
        return EngineException.of(reason, detail.isEmpty() ? null : detail, e);
    }

    /** A reason the cause chain settles, or 0. */
    private static int byCause(SSLException e, String diagnostic) {
        for (Throwable t : JsseFailures.chain(e.getCause())) {
            if (t instanceof BadPaddingException) {
                // AEADBadTagException is one: "Tag mismatch!", and short or badly padded records.
                if (diagnostic.contains("no content type")) {
                    return SslReason.BAD_RECORD_TYPE; // a TLS 1.3 record whose inner plaintext is all zeros
                }
                return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                if (diagnostic.startsWith("Failed to produce")) {
                    return 0; // this side's own certificate could not be sent: not a verification
                }
                if (diagnostic.startsWith("Failed to parse")) {
                    return SslReason.BAD_PACKET; // libssl says ERR_R_ASN1_LIB, a common reason SslReason lacks
                }
                return SslReason.CERTIFICATE_VERIFY_FAILED;
            }
            if (t instanceof GeneralSecurityException && diagnostic.startsWith("Unexpected exception")) {
                return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC; // a decryption that failed otherwise
            }
        }
        return 0;
    }

    /** A reason the diagnostic text settles, or 0. The order matters: specific phrases first. */
    private static int byDiagnostic(String d, boolean client) {
        // Record layer (SSLEngineInputRecord, SSLEngineImpl.readRecord, TransportContext.dispatch).
        if (d.startsWith("Unrecognized SSL message") || d.startsWith("Unrecognized record version")) {
            return SslReason.WRONG_VERSION_NUMBER;
        }
        if (d.startsWith("Input record too big") || d.startsWith("Bad input record size")) {
            return SslReason.ENCRYPTED_LENGTH_TOO_LONG;
        }
        if (d.startsWith("Insufficient space in the buffer")) {
            // Record.verifyLength: a length inside a handshake message runs past its end (a ServerHello's
            // session_id length, say). A plain SSLException, no alert prefix; libssl: "length mismatch".
            return SslReason.LENGTH_MISMATCH;
        }
        if (d.startsWith("Insufficient buffer remaining for AEAD")) {
            return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
        }
        if (d.contains("no content type")) {
            return SslReason.BAD_RECORD_TYPE;
        }
        if (d.startsWith("Unknown handshake type")) {
            return SslReason.UNEXPECTED_MESSAGE;
        }
        if (d.startsWith("The certificate chain length")) {
            // CertificateMessage: more certificates than jdk.tls.maxCertificateChainLength (10). libssl: a chain over
            // the verify depth is "certificate verify failed" with verify error 22, certificate chain too long.
            return SslReason.CERTIFICATE_VERIFY_FAILED;
        }
        if (d.contains("exceeds the maximum allowed size")) {
            return SslReason.EXCESSIVE_MESSAGE_SIZE;
        }
        if (d.startsWith("Unknown content type") || d.startsWith("Unexpected content")
                || d.startsWith("Expecting a handshake fragment")
                || d.startsWith("Receiving application data before handshake complete")) {
            return SslReason.UNEXPECTED_RECORD;
        }
        if (d.startsWith("Cannot kickstart") || d.startsWith("Closed transport")) {
            return SslReason.PROTOCOL_IS_SHUTDOWN;
        }
        if (d.startsWith("closing inbound before receiving peer's close_notify")) {
            return SslReason.UNEXPECTED_EOF_WHILE_READING;
        }

        // Negotiation.
        if (d.startsWith("Only uncompressed point format supported")) {
            // ECUtil.decodePoint on a peer's EC key share whose first byte is not 04; KeyShareExtension catches only
            // GeneralSecurityException around it (README Q22). libssl 3.0.19: a server "bad key share", a client
            // "bad ecpoint", both with illegal_parameter.
            return client ? SslReason.BAD_ECPOINT : SslReason.BAD_KEY_SHARE;
        }
        if (d.startsWith("no cipher suites in common")) {
            return SslReason.NO_SHARED_CIPHER;
        }
        if (d.startsWith("Server selected improper ciphersuite")) {
            return SslReason.WRONG_CIPHER_RETURNED;
        }
        if (d.startsWith("Server returned wrong cipher suite for session")) {
            return SslReason.OLD_SESSION_CIPHER_NOT_RETURNED;
        }
        if (d.startsWith("Illegal cipher suite")) {
            return client ? SslReason.WRONG_CIPHER_RETURNED : SslReason.NO_SHARED_CIPHER;
        }
        if (d.contains("legacy_version field is not TLS 1.2")) {
            return SslReason.BAD_LEGACY_VERSION;
        }
        if (d.startsWith("Server resumed with wrong protocol version")) {
            return SslReason.SSL_SESSION_VERSION_MISMATCH;
        }
        if (d.startsWith("New session creation is disabled")) {
            return SslReason.SSL_HANDSHAKE_FAILURE;
        }
        if (d.contains("protocol version") || d.contains("protocol versions") || d.startsWith("Client requested protocol")
                || d.startsWith("Unsupported protocol version")) {
            return SslReason.UNSUPPORTED_PROTOCOL;
        }
        if (d.startsWith("No matching application layer protocol")) {
            return SslReason.NO_APPLICATION_PROTOCOL;
        }
        if (d.startsWith("Unrecognized server name indication")) {
            return SslReason.CALLBACK_FAILED; // libssl's answer when the servername callback refuses
        }

        // Certificates and signatures.
        if (d.startsWith("Empty client certificate chain")) {
            return SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE;
        }
        if (d.startsWith("Empty server certificate chain")) {
            return SslReason.CERTIFICATE_VERIFY_FAILED;
        }
        if (d.startsWith("The Finished message cannot be verified")) {
            return SslReason.DIGEST_CHECK_FAILED;
        }
        if (d.startsWith("Inappropriate finished message")) {
            return SslReason.BAD_DIGEST_LENGTH;
        }
        if (d.startsWith("Invalid signature algorithm") || d.startsWith("Unsupported signature algorithm")) {
            return SslReason.WRONG_SIGNATURE_TYPE;
        }
        if (d.startsWith("No supported signature algorithm") || d.startsWith("No available authentication scheme")
                || d.startsWith("No supported CertificateVerify signature algorithm")) {
            return SslReason.NO_SUITABLE_SIGNATURE_ALGORITHM;
        }
        if (d.startsWith("Cannot verify") || d.contains("invalid signature") || d.startsWith("Invalid signature o")
                || (d.startsWith("Invalid") && d.endsWith(" signature"))) {
            return SslReason.BAD_SIGNATURE;
        }

        // Renegotiation, EMS.
        if (d.startsWith("Unsafe renegotiation is not allowed")) {
            return SslReason.UNSAFE_LEGACY_RENEGOTIATION_DISABLED;
        }
        if (d.startsWith("Client initiated renegotiation is not allowed")
                || d.startsWith("Received handshake warning: no_renegotiation")) {
            return SslReason.NO_RENEGOTIATION;
        }
        if (d.startsWith("Received unexpected renegotiation handshake message")) {
            return SslReason.UNEXPECTED_MESSAGE;
        }
        if (d.contains("renegotiation") || d.contains("renegotiated_connection")) {
            return SslReason.RENEGOTIATION_MISMATCH;
        }
        if (d.contains("Extended Master Secret") || d.contains("extended_master_secret")) {
            return SslReason.INCONSISTENT_EXTMS;
        }

        // Change cipher spec.
        if (d.startsWith("Missing ChangeCipherSpec message")) {
            return SslReason.GOT_A_FIN_BEFORE_A_CCS;
        }
        if (d.startsWith("Malformed or unexpected ChangeCipherSpec")) {
            return SslReason.BAD_CHANGE_CIPHER_SPEC;
        }
        if (d.startsWith("Unexpected ChangeCipherSpec message")) {
            return SslReason.UNEXPECTED_CCS_MESSAGE;
        }

        // TLS 1.3 post-handshake and key exchange.
        if (d.startsWith("KeyUpdate has an unexpected length") || d.startsWith("Invalid KeyUpdate message value")) {
            return SslReason.BAD_KEY_UPDATE;
        }
        if (d.startsWith("Incorect PSK binder") || d.startsWith("Incorrect PSK binder")) {
            return SslReason.BINDER_DOES_NOT_VERIFY;
        }
        if (d.contains("does not comply") || d.contains("algorithm constraints") || d.startsWith("Could not generate")) {
            return SslReason.INSUFFICIENT_SECURITY;
        }
        if (d.contains("No mandatory signature_algorithms extension")) {
            return SslReason.MISSING_SIGALGS_EXTENSION;
        }
        if (d.startsWith("No supported_groups")) {
            return SslReason.MISSING_SUPPORTED_GROUPS_EXTENSION;
        }
        if ((d.startsWith("Unexpected") || d.contains("unexpected")) && d.contains(" extension")) {
            return SslReason.UNSOLICITED_EXTENSION;
        }
        if (d.contains("ECDH PublicKey") || d.contains("Point data") || d.contains("public point")) {
            return SslReason.BAD_ECPOINT;
        }
        if (d.startsWith("No common named group")) {
            // KeyShareExtension.HRRKeyShareProducer: a TLS 1.3 server with no key share it can take sets out to ask
            // for one (HelloRetryRequest) and finds no group the client offered among its own. libssl's server:
            // "no suitable key share" (final_key_share), with handshake_failure (engine-jdk README Q21).
            return SslReason.NO_SUITABLE_KEY_SHARE;
        }
        if (d.contains("named group") || d.contains("key_share") || d.contains("key share")) {
            return SslReason.BAD_KEY_SHARE;
        }
        if (d.contains("maximum fragment length")) {
            return SslReason.SSL3_EXT_INVALID_MAX_FRAGMENT_LENGTH;
        }

        // Malformed messages.
        if (d.contains(" extension")) {
            return SslReason.BAD_EXTENSION;
        }
        if (d.startsWith("Illegal handshake message") || d.contains("insufficient data") || d.contains("no sufficient data")
                || d.contains("extra data") || d.contains("incomplete") || d.contains("insufficient handshake body")
                || d.contains("insufficient ticket") || d.contains("not empty")) {
            return SslReason.LENGTH_MISMATCH;
        }
        if (d.startsWith("Unexpected") || d.startsWith("Unsupported handshake message")
                || d.startsWith("Unsupported post-handshake message") || d.startsWith("No more")) {
            return SslReason.UNEXPECTED_MESSAGE;
        }
        return 0;
    }
}
