package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslError;
import org.libssl4j.SslReason;

/** R09.13: a TLS 1.3 warning alert of an unknown description, from bctls's low-level client ({@link Tls13WarningAlert}). */
class WarningAlertTest {

    @EngineTest
    @DisplayName("R09.13 TLS 1.3: a warning alert of an unknown description (200) ends the connection as a fatal one: read returns 0, SSL, reason 1200 with SSL alert number 200, RECEIVED_SHUTDOWN")
    void tls13WarningAlertIsFatal(String engine) throws IOException {
        if (engine.equals("bc")) {
            Assumptions.abort("ledger BC-3 (docs/SEMANTICS.md section 7): bctls ignores a warning alert that is not "
                    + "close_notify, no_certificate or no_renegotiation, in TLS 1.3 too (TlsProtocol.handleAlertWarningMessage)");
        }
        if (engine.equals("conscrypt")) {
            Assumptions.abort("ledger CS-2 (docs/SEMANTICS.md section 7): BoringSSL refuses a TLS 1.3 warning alert as "
                    + "its own error, invalid alert (205), and sends decode_error");
        }
        Assumptions.assumeTrue(bctlsPresent(), "the peer that sends the alert is bctls's low-level client, and bctls "
                + "is not on the class path (a third-party engine's conformance run)");
        Tls13WarningAlert.Answer a = Tls13WarningAlert.send(engine);
        assertThat(a.ret()).as("read: " + a).isZero();
        assertThat(a.error()).isEqualTo(SslError.SSL);
        assertThat(a.entry().reason()).isEqualTo(SslReason.ofReceivedAlert(Tls13WarningAlert.UNKNOWN));
        assertThat(a.entry().reasonString()).isEqualTo("reason(1200)");
        assertThat(a.entry().detail()).isEqualTo("SSL alert number 200");
        assertThat(a.receivedShutdown()).as("RECEIVED_SHUTDOWN").isTrue();
    }

    private static boolean bctlsPresent() {
        try {
            Class.forName("org.bouncycastle.tls.crypto.TlsCrypto", false, WarningAlertTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
