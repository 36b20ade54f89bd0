package org.libssl4j.engine.bc;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.crypto.BadPaddingException;
import javax.net.ssl.SSLException;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;
import org.bouncycastle.tls.crypto.TlsCryptoException;
import org.libssl4j.SslReason;
import org.libssl4j.engine.jsse.JsseFailures;
import org.libssl4j.spi.EngineException;

/**
 * Reads an {@link SSLException} that BCJSSE (bctls 1.84) raised as OpenSSL 3.0 would report the same failure.
 *
 * <p>How BCJSSE reports its failures (see this module's README, Q2 and Q3, for the probes):
 * <ul>
 *   <li>{@code ProvSSLEngine} wraps whatever {@code TlsProtocol} threw in a plain {@code new SSLException(cause)},
 *       so the message is the cause's {@code toString()} and the class says nothing.</li>
 *   <li>A failure this side detected is a {@link TlsFatalAlert} whose {@link TlsFatalAlert#getAlertDescription()}
 *       is the alert bctls sends; its message is {@code "<name>(<n>)"} or {@code "<name>(<n>); <detail>"}; most
 *       handshake failures carry no detail. Its cause, if any, is the JCA failure behind it (an
 *       {@code AEADBadTagException}, a {@code CertificateException} from the trust manager).</li>
 *   <li>A fatal alert from the peer is a {@link TlsFatalAlertReceived}.</li>
 *   <li>{@code closeInbound()} before the peer's close_notify throws {@link TlsNoCloseNotifyException}.</li>
 * </ul>
 *
 * <p>Order of the mapping: received alerts; a close_notify that ends a handshake; a peer's message bctls could not
 * read or use but answered with internal_error ({@link #peerMessage}, README Q13, Q14); the cause (bad record MAC, a
 * certificate that failed the trust manager); the detail text; the alert bctls sent, read as the jdk engine reads
 * SunJSSE's (so both engines give the same reason for the same cause); last {@code ERR_R_INTERNAL_ERROR}. The
 * detail kept for the error queue is bctls's message.
 */
final class BcFailures {
    private BcFailures() {
    }

    /** Where bctls raised an alert, by the top frame of its {@link TlsFatalAlert}: classes. */
    private static final String TLS_PROTOCOL = "org.bouncycastle.tls.TlsProtocol";
    private static final String PROV_TLS_SERVER = "org.bouncycastle.jsse.provider.ProvTlsServer";
    /** bctls's SNI host name, whose constructor decodes the client's host_name as UTF-8. */
    private static final String SNI_HOST_NAME = "org.bouncycastle.jsse.BCSNIHostName";

    /**
     * Maps a failure BCJSSE raised to OpenSSL's reason.
     *
     * @param e what {@code SSLEngine.wrap}, {@code unwrap}, {@code beginHandshake} or {@code closeInbound} threw
     * @param client whether the failing engine is the client
     */
    static EngineException map(SSLException e, boolean client) {
        EngineException received = JsseFailures.receivedAlert(e, BcFailures::receivedAlert);
        if (received != null) {
            return received;
        }
        TlsFatalAlert fatal = null;
        for (Throwable t : JsseFailures.chain(e)) {
            if (t instanceof TlsNoCloseNotifyException) {
                return EngineException.of(SslReason.UNEXPECTED_EOF_WHILE_READING, t.getMessage(), e);
            }
            if (t instanceof TlsFatalAlert && fatal == null) {
                fatal = (TlsFatalAlert) t;
            }
        }
        int peer = peerMessage(e);
        if (peer != 0) {
            // bctls raised internal_error (80) for a message of the peer's it could not read or use (README Q13).
            String m = message(e);
            return EngineException.of(peer, JsseFailures.shorten(m.isEmpty() ? "internal_error(80)" : m), e);
        }
        if (fatal == null) {
            // Not bctls's protocol failure: an SSLException bctls made itself, or an IOException it wrapped.
            String m = message(e);
            return EngineException.of(SslReason.INTERNAL_ERROR, m.isEmpty() ? null : JsseFailures.shorten(m), e);
        }
        int alert = fatal.getAlertDescription() & 0xFF;
        if ((alert == 40 || alert == 116) && thrownBy(fatal, PROV_TLS_SERVER, "notifyClientCertificate")) {
            // ProvTlsServer.notifyClientCertificate: the client sent no certificate and one is required. bctls sends
            // handshake_failure (TLS 1.2) or certificate_required (TLS 1.3) and says nothing more.
            return EngineException.of(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE, fatal.getMessage(), e);
        }
        if (alert == 80 && fatal.getStackTrace().length > 0
                && fatal.getStackTrace()[0].getMethodName().equals("skipServerCredentials")) {
            // TLS 1.2: a ServerKeyExchange or ServerHelloDone where the server's Certificate must come. The key
            // exchange's skipServerCredentials raises internal_error; libssl says "unexpected message" (README Q20).
            return EngineException.of(SslReason.UNEXPECTED_MESSAGE, fatal.getMessage(), e);
        }
        String detail = detail(fatal);
        int reason = byCause(fatal);
        if (reason == 0) {
            reason = byDetail(detail);
        }
        if (reason == 0) {
            reason = JsseFailures.reasonForSentAlert(alert);
        }
        if (reason == 0) {
            reason = SslReason.INTERNAL_ERROR;
        }
        if (reason == SslReason.CERTIFICATE_VERIFY_FAILED && detail.startsWith("Certificate chain longer than maximum")) {
            // libssl's verify error 22 for a chain over the verify depth; bctls's limit is 10 certificates.
            return EngineException.of(reason, JsseFailures.certificateDetail(client,
                    "verify error:num=22:certificate chain too long; " + fatal.getMessage()), e);
        }
        String text = reason == SslReason.CERTIFICATE_VERIFY_FAILED
                ? JsseFailures.certificateDetail(client, fatal.getMessage()) : JsseFailures.shorten(fatal.getMessage());
        return EngineException.of(reason, text, e);
    }

    /**
     * bctls's report of an alert from the peer, in one throwable of a failure's chain (a
     * {@link JsseFailures.AlertReader}): a {@link TlsFatalAlertReceived} is the alert it names. The handshake_failure
     * that {@code TlsProtocol.handleAlertWarningMessage} raises is a close_notify before the handshake finished
     * (bctls sends handshake_failure): libssl sees the peer's close, SSL_ERROR_ZERO_RETURN with an empty error
     * queue, which the state machine gives for a received alert 0 (as for SunJSSE, jdk README Q4).
     */
    static int receivedAlert(Throwable t) {
        if (t instanceof TlsFatalAlertReceived) {
            return ((TlsFatalAlertReceived) t).getAlertDescription() & 0xFF;
        }
        if (t instanceof TlsFatalAlert && ((TlsFatalAlert) t).getAlertDescription() == 40
                && thrownBy(t, TLS_PROTOCOL, "handleAlertWarningMessage")) {
            return 0;
        }
        return -1;
    }

    /** The message without the class name that {@code new SSLException(cause)} puts in front. */
    private static String message(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : "";
        Throwable c = e.getCause();
        if (c != null && m.equals(c.toString())) {
            return c.getMessage() != null ? c.getMessage() : "";
        }
        return m;
    }

    /** bctls's detail after {@code "<name>(<n>); "}, or "" when it gave none. */
    private static String detail(TlsFatalAlert f) {
        String m = f.getMessage() != null ? f.getMessage() : "";
        int i = m.indexOf("); ");
        return i >= 0 ? m.substring(i + 3).trim() : "";
    }

    /**
     * Whether {@code t} was made in {@code type.method}. Most of bctls's alerts carry no text, and the same alert
     * number means different things in different places; the place tells them apart (bctls 1.84 is pinned).
     */
    private static boolean thrownBy(Throwable t, String type, String method) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals(type) && frames[0].getMethodName().equals(method);
    }

    /** Classes whose parsing of a peer's extension reads past its end (an {@code EOFException}). */
    private static final String[] EXTENSION_PARSERS = {
        "org.bouncycastle.tls.TlsExtensionsUtils", "org.bouncycastle.tls.ServerName", "org.bouncycastle.tls.ServerNameList",
        "org.bouncycastle.tls.CertificateStatusRequest", "org.bouncycastle.tls.OCSPStatusRequest",
        "org.bouncycastle.tls.OfferedPsks",
    };

    /**
     * libssl's reason for a peer's message that bctls could not read or use but answered with internal_error (80),
     * or 0 (README Q13). bctls's {@code TlsProtocol.safeReadFullRecord} turns every {@code IOException} that is not
     * a {@code TlsFatalAlert}, and every {@code RuntimeException}, into internal_error:
     * <ul>
     *   <li>an {@code EOFException}: a length inside the message runs past its end ({@code TlsUtils.readUint16},
     *       {@code readFully}). libssl: "length mismatch" for the key_share list, "bad extension" for the body of
     *       another extension, "length mismatch" elsewhere (its alert is decode_error);</li>
     *   <li>the {@code TlsCryptoException} "cannot calculate secret" of {@code JceX25519Domain} / {@code JceX448Domain}
     *       (a key share of small order): libssl "bad key share" (illegal_parameter);</li>
     *   <li>anything but a {@code TlsFatalAlert} thrown while {@code Certificate.parse} reads a certificate that is
     *       not DER (bcprov's {@code IllegalArgumentException}, {@code TlsCryptoException} "unable to decode
     *       certificate"): libssl {@code ERR_R_ASN1_LIB}, "bad packet" here as on engine-jdk (bad_certificate);</li>
     *   <li>the {@code NullPointerException} of {@code ProvTlsServer.selectServerCredentials13} when the client's
     *       signature_algorithms holds no scheme bctls knows: libssl "no shared signature algorithms"
     *       (handshake_failure);</li>
     *   <li>the {@code IllegalArgumentException} "Invalid UTF-8 input" of {@code BCSNIHostName}'s constructor, when
     *       the key manager asks for a client's server_name whose host_name is not UTF-8 (README Q19): "bad
     *       extension", libssl's reason for a server_name it refuses (it takes any name without a zero byte).</li>
     * </ul>
     */
    static int peerMessage(Throwable e) {
        for (Throwable t : JsseFailures.chain(e)) {
            StackTraceElement[] frames = t.getStackTrace();
            if (t instanceof java.io.EOFException) {
                boolean extension = false;
                for (StackTraceElement f : frames) {
                    if (f.getMethodName().startsWith("readKeyShare")) {
                        return SslReason.LENGTH_MISMATCH;
                    }
                    for (String c : EXTENSION_PARSERS) {
                        extension |= f.getClassName().equals(c);
                    }
                }
                return extension ? SslReason.BAD_EXTENSION : SslReason.LENGTH_MISMATCH;
            }
            if (t instanceof TlsCryptoException && frames.length > 0
                    && frames[0].getMethodName().equals("calculateECDHAgreement")) {
                return SslReason.BAD_KEY_SHARE;
            }
            if (!(t instanceof TlsFatalAlert) && parsesCertificate(frames)) {
                return SslReason.BAD_PACKET; // libssl: ERR_R_ASN1_LIB, which SslReason lacks (as engine-jdk)
            }
            if (t instanceof NullPointerException && frames.length > 0
                    && frames[0].getClassName().equals("org.bouncycastle.jsse.provider.ProvTlsServer")
                    && frames[0].getMethodName().equals("selectServerCredentials13")) {
                return SslReason.NO_SHARED_SIGNATURE_ALGORITHMS;
            }
            if (t instanceof IllegalArgumentException && passesThrough(frames, SNI_HOST_NAME, "<init>")) {
                return SslReason.BAD_EXTENSION;
            }
        }
        return 0;
    }

    /** Whether {@code frames} pass through bctls's reading of a Certificate message ({@code Certificate.parse}). */
    private static boolean parsesCertificate(StackTraceElement[] frames) {
        return passesThrough(frames, "org.bouncycastle.tls.Certificate", "parse");
    }

    /** Whether one of {@code frames} is {@code type.method}. */
    private static boolean passesThrough(StackTraceElement[] frames, String type, String method) {
        for (StackTraceElement f : frames) {
            if (f.getClassName().equals(type) && f.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** A reason the cause chain settles, or 0. */
    private static int byCause(TlsFatalAlert fatal) {
        for (Throwable t : JsseFailures.chain(fatal.getCause())) {
            if (t instanceof BadPaddingException) {
                return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC; // AEADBadTagException is one
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return SslReason.CERTIFICATE_VERIFY_FAILED;
            }
            if (t instanceof GeneralSecurityException && (fatal.getAlertDescription() == 20)) {
                return SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
            }
        }
        return 0;
    }

    /** A reason bctls's detail text settles, or 0. */
    private static int byDetail(String d) {
        if (d.isEmpty()) {
            return 0;
        }
        if (d.contains("no selectable cipher suite") || d.startsWith("No selectable cipher suite")) {
            return SslReason.NO_SHARED_CIPHER;
        }
        if (d.startsWith("ServerHello selected invalid cipher suite") || d.startsWith("invalid cipher suite for selected version")) {
            return SslReason.WRONG_CIPHER_RETURNED;
        }
        if (d.startsWith("invalid version selected")) {
            return SslReason.UNSUPPORTED_PROTOCOL;
        }
        if (d.startsWith("invalid key_share selected")) {
            return SslReason.BAD_KEY_SHARE;
        }
        if (d.startsWith("Invalid PSK binder")) {
            return SslReason.BINDER_DOES_NOT_VERIFY;
        }
        if (d.startsWith("Unrequested extension in")) {
            return SslReason.UNSOLICITED_EXTENSION;
        }
        if (d.startsWith("Invalid extension") || d.startsWith("Repeated extension") || d.startsWith("missing extension")
                || d.contains("MUST be last in ClientHello")) {
            return SslReason.BAD_EXTENSION;
        }
        if (d.contains("Extended Master Secret") || d.contains("extended_master_secret")) {
            return SslReason.INCONSISTENT_EXTMS;
        }
        if (d.startsWith("Renegotiation requires secure_renegotiation") || d.startsWith("Renegotiation cannot use")) {
            return SslReason.UNSAFE_LEGACY_RENEGOTIATION_DISABLED;
        }
        if (d.startsWith("Handshake message length exceeds the maximum")) {
            return SslReason.EXCESSIVE_MESSAGE_SIZE; // over 32768 bytes (Q14); libssl's limit is max_cert_list
        }
        if (d.startsWith("Certificate chain longer than maximum")) {
            return SslReason.CERTIFICATE_VERIFY_FAILED; // over 10 certificates (Q14); libssl: verify depth
        }
        if (d.startsWith("Handshake message of unrecognized type")) {
            return SslReason.UNEXPECTED_MESSAGE;
        }
        if (d.startsWith("Sequence numbers exhausted")) {
            return SslReason.INTERNAL_ERROR;
        }
        return 0;
    }
}
