package org.libssl4j.engine.conscrypt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.cert.CertificateException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import org.libssl4j.SslReason;
import org.libssl4j.engine.jsse.JsseFailures;
import org.libssl4j.spi.EngineException;

/**
 * Reads an {@link SSLException} that Conscrypt 2.5 raised as OpenSSL 3.0 would report the same failure.
 *
 * <p>How Conscrypt words its failures (see this module's README, "Failure mapping", for the probes):
 * <ul>
 *   <li>A failure inside BoringSSL is thrown by the JNI layer as
 *       {@code "<op> error: ssl=0x…: Failure in SSL library, usually a protocol error\n"} followed by BoringSSL's
 *       first queued error, {@code "error:<8 hex digits>:SSL routines:OPENSSL_internal:<REASON> (<file>:<line> …)"},
 *       as an {@link SSLProtocolException} that Conscrypt wraps into an {@link SSLHandshakeException} (handshake)
 *       or an {@link SSLException} (afterwards). The packed code is {@code ERR_PACK(lib, reason)}: the library in
 *       the top byte (16 is {@code ERR_LIB_SSL}), the reason in the low 12 bits.</li>
 *   <li>A fatal alert from the peer is the BoringSSL reason {@code 1000 + N} ({@code SSL_AD_REASON_OFFSET}, the
 *       same convention as OpenSSL), e.g. {@code error:10000410:…:SSLV3_ALERT_HANDSHAKE_FAILURE} for N = 40.</li>
 *   <li>A failure inside a Java callback (the trust manager, the key manager) is rethrown as Java raised it, with
 *       the original exception as the cause; {@code JsseEngine} maps libssl4j's own {@code VerifyFailure} before
 *       this class is asked.</li>
 *   <li>A few failures are Conscrypt's own Java code: {@code "Engine has already been closed"},
 *       {@code "Unable to parse TLS packet header"}, {@code "SNI match failed: <name>"}, {@code "No enabled
 *       protocols; …"}.</li>
 * </ul>
 *
 * <p>Order of the mapping: a received alert (by code); a close_notify during the handshake
 * ({@link #closedDuringHandshake}); the BoringSSL reason name, translated where BoringSSL's name differs from
 * OpenSSL's or where the jdk engine reports the same cause differently ({@link #TRANSLATED}), else the OpenSSL
 * reason of the same name; Conscrypt's own messages; the cause chain; and last the exception class, with the jdk
 * engine's fallbacks. The detail is BoringSSL's error line without pointers, so nothing is lost when the guess is
 * coarse.
 */
final class ConscryptFailures {
    private ConscryptFailures() {
    }

    /** {@code ERR_LIB_SSL} in BoringSSL's packed error codes. */
    static final int ERR_LIB_SSL = 16;

    /** BoringSSL's and OpenSSL's offset of reasons that report a received alert ({@code SSL_AD_REASON_OFFSET}). */
    static final int ALERT_OFFSET = 1000;

    /** {@code error:<code>:<lib>:<func>:<REASON>} as BoringSSL's {@code ERR_error_string_n} prints it. */
    private static final Pattern BORINGSSL_ERROR =
            Pattern.compile("error:([0-9a-fA-F]{8}):([^:\\n]*):([^:\\n]*):([A-Za-z0-9_]+)(?: \\(([^ )]*))?");

    /**
     * BoringSSL reason names whose OpenSSL 3.0 counterpart has another name, or for which the jdk engine reports
     * another reason for the same cause (local failures must read alike on every engine). Names not listed map
     * to the OpenSSL reason of the same name, if {@link SslReason} has one.
     */
    static final Map<String, Integer> TRANSLATED;

    static {
        Map<String, Integer> m = new HashMap<>();
        // Record layer.
        m.put("DECRYPTION_FAILED", SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        m.put("RECORD_TOO_LARGE", SslReason.ENCRYPTED_LENGTH_TOO_LONG);
        m.put("INVALID_OUTER_RECORD_TYPE", SslReason.BAD_RECORD_TYPE);
        m.put("APPLICATION_DATA_INSTEAD_OF_HANDSHAKE", SslReason.UNEXPECTED_RECORD);
        m.put("APPLICATION_DATA_ON_SHUTDOWN", SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
        m.put("BAD_ALERT", SslReason.INVALID_ALERT);
        m.put("TOO_MANY_WARNING_ALERTS", SslReason.TOO_MANY_WARN_ALERTS);
        m.put("EXCESS_HANDSHAKE_DATA", SslReason.NOT_ON_RECORD_BOUNDARY);
        m.put("BAD_HANDSHAKE_RECORD", SslReason.UNEXPECTED_MESSAGE);
        m.put("WRONG_MESSAGE_TYPE", SslReason.UNEXPECTED_MESSAGE);
        // Malformed messages: the jdk engine reports decode errors as "length mismatch".
        m.put("DECODE_ERROR", SslReason.LENGTH_MISMATCH);
        m.put("INVALID_MESSAGE", SslReason.LENGTH_MISMATCH);
        m.put("CLIENTHELLO_PARSE_FAILED", SslReason.LENGTH_MISMATCH);
        m.put("CANNOT_PARSE_LEAF_CERT", SslReason.BAD_PACKET);
        // Extensions.
        m.put("ERROR_PARSING_EXTENSION", SslReason.BAD_EXTENSION);
        m.put("ERROR_ADDING_EXTENSION", SslReason.BAD_EXTENSION);
        m.put("PARSE_TLSEXT", SslReason.BAD_EXTENSION);
        m.put("CLIENTHELLO_TLSEXT", SslReason.BAD_EXTENSION);
        m.put("SERVERHELLO_TLSEXT", SslReason.BAD_EXTENSION);
        m.put("DUPLICATE_EXTENSION", SslReason.BAD_EXTENSION);
        m.put("MISSING_EXTENSION", SslReason.BAD_EXTENSION);
        m.put("PRE_SHARED_KEY_MUST_BE_LAST", SslReason.BAD_EXTENSION);
        m.put("PSK_IDENTITY_BINDER_COUNT_MISMATCH", SslReason.BAD_EXTENSION);
        m.put("INVALID_ALPN_PROTOCOL", SslReason.BAD_EXTENSION);
        m.put("UNEXPECTED_EXTENSION", SslReason.UNSOLICITED_EXTENSION);
        m.put("DUPLICATE_KEY_SHARE", SslReason.BAD_KEY_SHARE);
        m.put("MISSING_KEY_SHARE", SslReason.BAD_KEY_SHARE);
        m.put("NO_SHARED_GROUP", SslReason.NO_SHARED_GROUPS);
        // Versions and suites.
        m.put("WRONG_SSL_VERSION", SslReason.UNSUPPORTED_PROTOCOL);
        m.put("SECOND_SERVERHELLO_VERSION_MISMATCH", SslReason.UNSUPPORTED_PROTOCOL);
        m.put("NO_SUPPORTED_VERSIONS_ENABLED", SslReason.NO_PROTOCOLS_AVAILABLE);
        m.put("DOWNGRADE_DETECTED", SslReason.INAPPROPRIATE_FALLBACK);
        m.put("TLS13_DOWNGRADE", SslReason.INAPPROPRIATE_FALLBACK);
        m.put("OLD_SESSION_VERSION_NOT_RETURNED", SslReason.SSL_SESSION_VERSION_MISMATCH);
        m.put("OLD_SESSION_PRF_HASH_MISMATCH", SslReason.OLD_SESSION_CIPHER_NOT_RETURNED);
        m.put("HANDSHAKE_FAILURE_ON_CLIENT_HELLO", SslReason.SSL_HANDSHAKE_FAILURE);
        m.put("CONNECTION_REJECTED", SslReason.SSL_HANDSHAKE_FAILURE);
        m.put("CIPHER_OR_HASH_UNAVAILABLE", SslReason.NO_CIPHERS_AVAILABLE);
        // Certificates and signatures.
        m.put("INVALID_SIGNATURE_ALGORITHM", SslReason.WRONG_SIGNATURE_TYPE);
        m.put("NO_COMMON_SIGNATURE_ALGORITHMS", SslReason.NO_SUITABLE_SIGNATURE_ALGORITHM);
        m.put("TLS_PEER_DID_NOT_RESPOND_WITH_CERTIFICATE_LIST", SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        m.put("PEER_ERROR_UNSUPPORTED_CERTIFICATE_TYPE", SslReason.UNKNOWN_CERTIFICATE_TYPE);
        m.put("KEY_USAGE_BIT_INCORRECT", SslReason.CERTIFICATE_VERIFY_FAILED);
        m.put("CERTIFICATE_AND_PRIVATE_KEY_MISMATCH", SslReason.PRIVATE_KEY_MISMATCH);
        m.put("OCSP_CB_ERROR", SslReason.OCSP_CALLBACK_FAILURE);
        // Extended master secret.
        m.put("EMS_STATE_INCONSISTENT", SslReason.INCONSISTENT_EXTMS);
        m.put("RENEGOTIATION_EMS_MISMATCH", SslReason.INCONSISTENT_EXTMS);
        m.put("RESUMED_EMS_SESSION_WITHOUT_EMS_EXTENSION", SslReason.INCONSISTENT_EXTMS);
        m.put("RESUMED_NON_EMS_SESSION_WITH_EMS_EXTENSION", SslReason.INCONSISTENT_EXTMS);
        // Library trouble.
        m.put("MALLOC_FAILURE", SslReason.INTERNAL_ERROR);
        m.put("PRIVATE_KEY_OPERATION_FAILED", SslReason.INTERNAL_ERROR);
        TRANSLATED = Collections.unmodifiableMap(m);
    }

    /** The OpenSSL reasons by name ({@code SslReason}'s constants, which are named after {@code SSL_R_*}). */
    private static final Map<String, Integer> BY_NAME;

    static {
        Map<String, Integer> m = new HashMap<>();
        for (Field f : SslReason.class.getFields()) {
            int mod = f.getModifiers();
            if (f.getType() == int.class && Modifier.isStatic(mod) && Modifier.isFinal(mod)) {
                try {
                    m.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new ExceptionInInitializerError(e);
                }
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    /** One BoringSSL error as printed in a Conscrypt message. */
    static final class BoringError {
        final int code;
        final String name;
        final String line;

        BoringError(int code, String name, String line) {
            this.code = code;
            this.name = name;
            this.line = line;
        }

        int library() {
            return code >>> 24;
        }

        int reason() {
            return code & 0xFFF;
        }
    }

    /** The first BoringSSL error of the SSL library in the messages of {@code e} and its causes, or null. */
    static BoringError boringError(Throwable e) {
        BoringError first = null;
        for (Throwable t : JsseFailures.chain(e)) {
            BoringError b = boringError(t.getMessage());
            if (b != null && b.library() == ERR_LIB_SSL) {
                return b;
            }
            if (first == null) {
                first = b;
            }
        }
        return first;
    }

    /** The first BoringSSL error of the SSL library printed in {@code message}, else the first of any, or null. */
    private static BoringError boringError(String message) {
        if (message == null) {
            return null;
        }
        BoringError first = null;
        Matcher x = BORINGSSL_ERROR.matcher(message);
        while (x.find()) {
            BoringError b = new BoringError((int) Long.parseLong(x.group(1), 16), x.group(4),
                    "error:" + x.group(1) + ":" + x.group(2) + ":" + x.group(3) + ":" + x.group(4)
                            + (x.group(5) != null ? " (" + x.group(5) + ")" : ""));
            if (b.library() == ERR_LIB_SSL) {
                return b;
            }
            if (first == null) {
                first = b;
            }
        }
        return first;
    }

    /**
     * Conscrypt's report of an alert from the peer, in the message of one throwable of a failure's chain (a
     * {@link JsseFailures.AlertReader}): BoringSSL's reason {@code 1000 + N} is the alert N; a close_notify during
     * the handshake ({@link #closedDuringHandshake}) is 0, which the state machine reports as libssl does, as
     * SSL_ERROR_ZERO_RETURN with an empty queue; else -1.
     */
    static int receivedAlert(Throwable t) {
        BoringError b = boringError(t.getMessage());
        int alert = receivedAlert(b);
        return alert >= 0 ? alert : closedDuringHandshake(b) ? 0 : -1;
    }

    /**
     * The number of the fatal alert the peer sent, if {@code b} reports one; else -1. BoringSSL reports a received
     * alert N as the SSL reason 1000 + N, named {@code SSLV3_ALERT_…}/{@code TLSV1_ALERT_…}.
     */
    static int receivedAlert(BoringError b) {
        if (b == null || b.library() != ERR_LIB_SSL) {
            return -1;
        }
        int r = b.reason();
        if (r >= ALERT_OFFSET && r < ALERT_OFFSET + 256) {
            return r - ALERT_OFFSET;
        }
        return -1;
    }

    /**
     * Whether {@code b} is BoringSSL's report of a peer that sent a (warning) close_notify during the handshake.
     * BoringSSL's handshake then returns 0 with {@code SSL_ERROR_ZERO_RETURN}; Conscrypt drives the handshake from
     * {@code SSL_read}, and {@code ssl_read_impl} turns that 0 into {@code SSL_R_SSL_HANDSHAKE_FAILURE}, raised in
     * {@code ssl_lib.cc}. Every other handshake failure is raised in the handshake's own files
     * ({@code handshake_client.cc}, {@code tls13_server.cc}...) with a specific reason. A fatal close_notify is
     * the received alert {@code SSLV3_ALERT_CLOSE_NOTIFY} instead.
     */
    static boolean closedDuringHandshake(BoringError b) {
        return b != null && b.library() == ERR_LIB_SSL && "SSL_HANDSHAKE_FAILURE".equals(b.name)
                && b.line.contains("ssl_lib.cc:");
    }

    /** OpenSSL's reason for a BoringSSL reason name, or 0 when there is none. */
    static int byName(String name) {
        Integer r = TRANSLATED.get(name);
        if (r == null) {
            r = BY_NAME.get(name);
        }
        return r == null || (r >= ALERT_OFFSET && r < ALERT_OFFSET + 256) ? 0 : r;
    }

    /**
     * Maps a failure Conscrypt raised to OpenSSL's reason.
     *
     * @param e what {@code SSLEngine.beginHandshake}, {@code wrap} or {@code unwrap} threw
     * @param client whether the failing engine is the client (used to word certificate failures)
     */
    static EngineException map(SSLException e, boolean client) {
        EngineException received = JsseFailures.receivedAlert(e, ConscryptFailures::receivedAlert);
        if (received != null) {
            return received;
        }
        String message = e.getMessage() != null ? e.getMessage() : "";
        BoringError b = boringError(e);
        int reason = b != null && b.library() == ERR_LIB_SSL ? byName(b.name) : 0;
        if (reason == 0) {
            reason = byMessage(message);
        }
        if (reason == 0) {
            reason = byCause(e);
        }
        if (reason == 0 && b != null && b.library() != ERR_LIB_SSL) {
            reason = SslReason.INTERNAL_ERROR; // only another BoringSSL library (EVP, X509...) spoke: its own trouble
        }
        if (reason == 0) {
            reason = JsseFailures.reasonForClass(e);
        }
        String detail = b != null ? b.line : shorten(message);
        if (reason == SslReason.CERTIFICATE_VERIFY_FAILED && b == null && !message.isEmpty()) {
            detail = JsseFailures.certificateDetail(client, message);
        }
        return EngineException.of(reason, detail.isEmpty() ? null : shorten(detail), e);
    }

    /** Conscrypt's own (Java) failures, or 0. */
    private static int byMessage(String m) {
        if (m.startsWith("Engine has already been closed") || m.startsWith("Connection closed")) {
            return SslReason.PROTOCOL_IS_SHUTDOWN;
        }
        if (m.startsWith("Unable to parse TLS packet header")) {
            return SslReason.WRONG_VERSION_NUMBER;
        }
        if (m.startsWith("SNI match failed")) {
            return SslReason.CALLBACK_FAILED; // libssl's answer when the servername callback refuses
        }
        if (m.startsWith("No enabled protocols")) {
            return SslReason.NO_PROTOCOLS_AVAILABLE;
        }
        return 0;
    }

    /** A reason the cause chain settles, or 0. */
    private static int byCause(SSLException e) {
        for (Throwable t : JsseFailures.chain(e.getCause())) {
            if (t instanceof CertificateException) {
                return SslReason.CERTIFICATE_VERIFY_FAILED; // a trust manager other than libssl4j's refused
            }
        }
        return 0;
    }

    /** One line without native pointers ({@code ssl=0x…}, {@code 0x…:0x…}), {@link JsseFailures#shorten shortened}. */
    static String shorten(String s) {
        return JsseFailures.shorten(s.replaceAll("ssl=0x[0-9a-fA-F]+: ", "")
                .replaceAll(" 0x[0-9a-fA-F]+:0x[0-9a-fA-F]+", "").replace('\n', ' ').trim());
    }
}
