package org.libssl4j.engine.conscrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

/** The mapping of Conscrypt's failures, on messages copied from probes of Conscrypt 2.5.2 (see the README). */
class ConscryptFailuresTest {

    /** A failure as Conscrypt's JNI layer words it, wrapped as Conscrypt's engine wraps it. */
    private static SSLException boring(String errors, boolean handshake) {
        String m = "Read error: ssl=0x7f0608463e38: Failure in SSL library, usually a protocol error\n" + errors;
        SSLProtocolException cause = new SSLProtocolException(m);
        SSLException e = handshake ? new SSLHandshakeException(m) : new SSLException(m);
        e.initCause(cause);
        return e;
    }

    private static String line(String code, String name, String where) {
        return "error:" + code + ":SSL routines:OPENSSL_internal:" + name + " (" + where + " 0x7f0608461cc8:0x00000001)";
    }

    @Test
    void receivedAlertsAreReason1000PlusN() {
        EngineException e = ConscryptFailures.map(
                boring(line("10000416", "SSLV3_ALERT_CERTIFICATE_UNKNOWN", "../ssl/tls_record.cc:594"), true), true);
        assertThat(e.isAlertReceived()).isTrue();
        assertThat(e.receivedAlert()).isEqualTo(46);
        assertThat(e.reason()).isEqualTo(SslReason.SSLV3_ALERT_CERTIFICATE_UNKNOWN);
        assertThat(e.detail()).isEqualTo("SSL alert number 46");

        assertThat(ConscryptFailures.map(boring(line("10000410", "SSLV3_ALERT_HANDSHAKE_FAILURE", "x.cc:1"), true), true)
                .receivedAlert()).isEqualTo(40);
        assertThat(ConscryptFailures.map(boring(line("1000045c", "TLSV1_ALERT_CERTIFICATE_REQUIRED", "x.cc:1"), false),
                true).receivedAlert()).isEqualTo(116);
        // An alert BoringSSL has no name for: ERR_error_string prints the number.
        String unnamed = "error:100004b0:SSL routines:OPENSSL_internal:reason(1200) (../ssl/tls_record.cc:594 0x1:0x1)";
        assertThat(ConscryptFailures.map(boring(unnamed, false), true).receivedAlert()).isEqualTo(200);
        // A fatal close_notify is alert 0, which the state machine reports as ZERO_RETURN.
        assertThat(ConscryptFailures.map(boring(line("100003e8", "SSLV3_ALERT_CLOSE_NOTIFY", "x.cc:1"), true), true)
                .receivedAlert()).isZero();
    }

    @Test
    void warningCloseNotifyDuringTheHandshakeIsACleanClose() {
        EngineException e = ConscryptFailures.map(
                boring(line("100000d7", "SSL_HANDSHAKE_FAILURE", "../ssl/ssl_lib.cc:1013"), true), true);
        assertThat(e.receivedAlert()).isZero();
        // The same reason raised by the handshake itself is a local failure.
        EngineException other = ConscryptFailures.map(
                boring(line("100000d7", "SSL_HANDSHAKE_FAILURE", "../ssl/handshake_client.cc:700"), true), true);
        assertThat(other.isAlertReceived()).isFalse();
        assertThat(other.reason()).isEqualTo(SslReason.SSL_HANDSHAKE_FAILURE);
    }

    @Test
    void theFirstSslErrorCountsNotTheCipherLibrarys() {
        String errors = "error:1e000065:Cipher functions:OPENSSL_internal:BAD_DECRYPT (../crypto/fipsmodule/cipher/"
                + "e_aes.c:1068 0x7f3b68db9700:0x00000000)\n"
                + line("1000008b", "DECRYPTION_FAILED_OR_BAD_RECORD_MAC", "../ssl/tls_record.cc:298");
        EngineException e = ConscryptFailures.map(boring(errors, false), true);
        assertThat(e.reason()).isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        assertThat(e.detail()).isEqualTo("error:1000008b:SSL routines:OPENSSL_internal:"
                + "DECRYPTION_FAILED_OR_BAD_RECORD_MAC (../ssl/tls_record.cc:298)");
    }

    @Test
    void sameNamedReasons() {
        assertThat(reasonOf("NO_SHARED_CIPHER")).isEqualTo(SslReason.NO_SHARED_CIPHER);
        assertThat(reasonOf("UNSUPPORTED_PROTOCOL")).isEqualTo(SslReason.UNSUPPORTED_PROTOCOL);
        assertThat(reasonOf("PEER_DID_NOT_RETURN_A_CERTIFICATE")).isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        assertThat(reasonOf("WRONG_VERSION_NUMBER")).isEqualTo(SslReason.WRONG_VERSION_NUMBER);
        assertThat(reasonOf("ENCRYPTED_LENGTH_TOO_LONG")).isEqualTo(SslReason.ENCRYPTED_LENGTH_TOO_LONG);
        assertThat(reasonOf("NO_RENEGOTIATION")).isEqualTo(SslReason.NO_RENEGOTIATION);
        assertThat(reasonOf("NO_CERTIFICATE_SET")).isEqualTo(SslReason.NO_CERTIFICATE_SET);
        assertThat(reasonOf("INTERNAL_ERROR")).isEqualTo(SslReason.INTERNAL_ERROR);
    }

    @Test
    void translatedReasonsReadAsTheJdkEngineReadsTheSameCause() {
        assertThat(reasonOf("DECODE_ERROR")).isEqualTo(SslReason.LENGTH_MISMATCH);
        assertThat(reasonOf("WRONG_SSL_VERSION")).isEqualTo(SslReason.UNSUPPORTED_PROTOCOL);
        assertThat(reasonOf("DECRYPTION_FAILED")).isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        assertThat(reasonOf("UNEXPECTED_EXTENSION")).isEqualTo(SslReason.UNSOLICITED_EXTENSION);
        assertThat(reasonOf("NO_COMMON_SIGNATURE_ALGORITHMS")).isEqualTo(SslReason.NO_SUITABLE_SIGNATURE_ALGORITHM);
        assertThat(reasonOf("INVALID_OUTER_RECORD_TYPE")).isEqualTo(SslReason.BAD_RECORD_TYPE);
        assertThat(reasonOf("APPLICATION_DATA_ON_SHUTDOWN")).isEqualTo(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY);
        for (Integer r : ConscryptFailures.TRANSLATED.values()) {
            assertThat(org.libssl4j.SslReason.text(r)).as("reason %s has a text", r).isNotBlank();
        }
    }

    @Test
    void unknownNamesFallBackOnTheClass() {
        assertThat(reasonOf("SOMETHING_NEW")).isEqualTo(SslReason.SSL_HANDSHAKE_FAILURE);
        EngineException e = ConscryptFailures.map(boring(line("100000ff", "SOMETHING_NEW", "x.cc:1"), false), true);
        assertThat(e.reason()).isEqualTo(SslReason.INTERNAL_ERROR);
    }

    @Test
    void conscryptsOwnMessages() {
        assertThat(ConscryptFailures.map(new SSLHandshakeException("Engine has already been closed"), true).reason())
                .isEqualTo(SslReason.PROTOCOL_IS_SHUTDOWN);
        assertThat(ConscryptFailures.map(new SSLException("Unable to parse TLS packet header"), false).reason())
                .isEqualTo(SslReason.WRONG_VERSION_NUMBER);
        assertThat(ConscryptFailures.map(new SSLHandshakeException("SNI match failed: x"), false).reason())
                .isEqualTo(SslReason.CALLBACK_FAILED);
    }

    @Test
    void aTrustManagerFailureIsAVerifyFailure() {
        SSLHandshakeException e = new SSLHandshakeException("Unknown authType: GENERIC");
        e.initCause(new CertificateException("Unknown authType: GENERIC"));
        EngineException m = ConscryptFailures.map(e, true);
        assertThat(m.reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        assertThat(m.detail()).isEqualTo("server certificate: Unknown authType: GENERIC");
    }

    @Test
    void detailsLoseTheirPointers() {
        assertThat(ConscryptFailures.shorten("Read error: ssl=0x7f0608463e38: Failure\nerror:1 (a.cc:1 0x7f06:0x0001)"))
                .isEqualTo("Read error: Failure error:1 (a.cc:1)");
        assertThat(ConscryptFailures.shorten("x".repeat(500))).hasSize(240).endsWith("...");
    }

    private static int reasonOf(String name) {
        return ConscryptFailures.map(boring(line("100000ff", name, "../ssl/handshake_server.cc:1"), true), true).reason();
    }
}
