package org.libssl4j.engine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

/** The parts of failure mapping the three engines share. */
class JsseFailuresTest {
    /** A reader as an engine writes one: here, a message "alert N" anywhere in the chain. */
    private static int reader(Throwable t) {
        String m = t.getMessage();
        return m != null && m.startsWith("alert ") ? Integer.parseInt(m.substring(6)) : -1;
    }

    @Test
    void theReaderIsAskedAlongTheCauseChainAndItsFirstAlertIsTheReceivedAlert() {
        SSLException e = new SSLException("wrapped", new IllegalStateException("alert 46", new RuntimeException("alert 40")));
        EngineException mapped = JsseFailures.receivedAlert(e, JsseFailuresTest::reader);
        assertThat(mapped.isAlertReceived()).isTrue();
        assertThat(mapped.receivedAlert()).isEqualTo(46);
        assertThat(mapped.getCause()).isSameAs(e);
    }

    @Test
    void zeroIsACloseNotifyDuringTheHandshakeAndNoAlertIsNull() {
        assertThat(JsseFailures.receivedAlert(new SSLException("alert 0"), JsseFailuresTest::reader).receivedAlert())
                .isZero();
        assertThat(JsseFailures.receivedAlert(new SSLHandshakeException("local"), JsseFailuresTest::reader)).isNull();
    }

    @Test
    void aCauseLoopEndsTheChain() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(JsseFailures.chain(a)).containsExactly(a, b);
        assertThat(JsseFailures.chain(null)).isEmpty();
    }

    @Test
    void detailsAreShortenedAndCertificateFailuresNameTheSide() {
        String longText = "x".repeat(300);
        assertThat(JsseFailures.shorten(longText)).hasSize(JsseFailures.MAX_DETAIL).endsWith("...");
        assertThat(JsseFailures.shorten("short")).isEqualTo("short");
        assertThat(JsseFailures.certificateDetail(true, "expired")).isEqualTo("server certificate: expired");
        assertThat(JsseFailures.certificateDetail(false, "expired")).isEqualTo("client certificate: expired");
        assertThat(JsseFailures.reasonForSentAlert(40)).isEqualTo(SslReason.SSL_HANDSHAKE_FAILURE);
    }
}
