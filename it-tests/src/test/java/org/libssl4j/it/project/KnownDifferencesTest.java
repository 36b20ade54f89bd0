package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * The known-differences ledger: what an engine observably does differently from libssl where no capability can
 * express it, with the observed behaviour and why. Each entry is checked: it fails when the engine stops
 * behaving that way, so the ledger cannot go stale. (Differences a capability expresses are in the engines'
 * READMEs and tested through the capability.)
 */
class KnownDifferencesTest {

    /** One entry: the engine, what libssl does, what the engine does, why, and a check that observes it. */
    record Difference(String engine, String id, String libssl, String observed, String why, Supplier<String> observe) {
        @Override
        public String toString() {
            return engine + " " + id;
        }
    }

    static Stream<Difference> ledger() {
        List<Difference> ledger = new ArrayList<>();
        ledger.add(new Difference("jdk", "JDK-1 alert for an untrusted server chain",
                "the client sends unknown_ca (48): the server reads \"tlsv1 alert unknown ca\"",
                "sslv3 alert certificate unknown",
                "SunJSSE 17 chooses the alert from the CertPathValidatorException reason and has no case for "
                        + "NO_TRUST_ANCHOR (CertificateMessage.getCertificateAlert); engine-jdk README, Capabilities",
                () -> serverReasonForUntrustedChain("jdk")));
        ledger.add(new Difference("bc", "BC-1 alert for an untrusted server chain",
                "the client sends unknown_ca (48): the server reads \"tlsv1 alert unknown ca\"",
                "sslv3 alert certificate unknown",
                "bctls's ProvSSLEngine.checkServerTrusted turns every CertificateException into certificate_unknown "
                        + "(46), whatever the cause; engine-bc README Q5 (so bc lacks CERTIFICATE_ALERTS too)",
                () -> serverReasonForUntrustedChain("bc")));
        ledger.add(new Difference("bc", "BC-2 alert for a ClientHello bctls cannot read",
                "the server sends decode_error (50)",
                "alert 80",
                "bctls's TlsProtocol.safeReadFullRecord raises internal_error (80) for every IOException that is not a "
                        + "TlsFatalAlert, and a short read in its parsers is an EOFException; engine-bc README Q13",
                () -> alertFor("bc", org.libssl4j.it.ClientHellos.emptyKeyShareRecord())));
        ledger.add(new Difference("bc", "BC-4 no alert for a ClientHello bctls cannot parse as a whole",
                "the server sends decode_error (50)",
                "no plaintext alert",
                "bctls's ClientHello.parse raises decode_error before the server has a write version, and "
                        + "RecordStream.writeRecord writes nothing without one; engine-bc README Q13, Q19",
                () -> alertFor("bc", org.libssl4j.it.ClientHellos.cutShortRecord())));
        ledger.add(new Difference("bc", "BC-3 a TLS 1.3 warning alert of an unknown description",
                "the read returns 0 with SSL_ERROR_SSL, reason 1200 (SSL alert number 200)",
                "-1 WANT_READ (empty queue)",
                "bctls's TlsProtocol.handleAlertWarningMessage acts only on close_notify, no_certificate and "
                        + "no_renegotiation; engine-bc README Q15",
                () -> warningAlert("bc")));
        ledger.add(new Difference("conscrypt", "CS-2 a TLS 1.3 warning alert of an unknown description",
                "the read returns 0 with SSL_ERROR_SSL, reason 1200 (SSL alert number 200)",
                "-1 SSL invalid alert",
                "BoringSSL's tls_open_record refuses any TLS 1.3 warning alert with SSL_R_BAD_ALERT and decode_error",
                () -> warningAlert("conscrypt")));
        ledger.add(new Difference("conscrypt", "CS-1 alert for an untrusted server chain",
                "the client sends unknown_ca (48): the server reads \"tlsv1 alert unknown ca\"",
                "sslv3 alert certificate unknown",
                "Conscrypt reports every trust manager failure to BoringSSL as certificate_unknown (46); "
                        + "engine-conscrypt README (so conscrypt lacks CERTIFICATE_ALERTS too)",
                () -> serverReasonForUntrustedChain("conscrypt")));
        ledger.add(new Difference("conscrypt", "CS-3 an ALPN select callback that refuses (ALPN-4)",
                "the server sends no_application_protocol (120): the client's handshake fails with \"tlsv1 alert no application protocol\"",
                "the client waits for the server's flight: -1 WANT_READ",
                "Conscrypt's ApplicationProtocolSelectorAdapter turns a null choice into -1, which its native callback "
                        + "answers as SSL_TLSEXT_ERR_NOACK; the state machine fails the server and drops its flight; "
                        + "engine-conscrypt README Q17",
                () -> refusedAlpn("conscrypt")));
        ledger.add(new Difference("conscrypt", "CS-4 TLS 1.3 resumption with SSL_OP_NO_TICKET",
                "the server issues stateful tickets (the session id in its cache): the offered session resumes",
                "a full handshake",
                "BoringSSL has no stateful TLS 1.3 tickets: with SSL_OP_NO_TICKET it sends no NewSessionTicket at all, "
                        + "so nothing resumes; engine-conscrypt README Q18",
                () -> tls13ResumptionWithoutTickets("conscrypt")));
        return ledger.stream();
    }

    /** Whether a TLS 1.3 client of {@code engine} resumes against a NO_TICKET server of {@code engine}. */
    private static String tls13ResumptionWithoutTickets(String engine) {
        try (SslCtx client = TestContexts.client(engine).tls13().build();
                SslCtx server = TestContexts.server(engine).tls13().build()) {
            server.setOptions(org.libssl4j.SslOptions.NO_TICKET);
            org.libssl4j.SslSession first;
            try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                byte[] buf = new byte[16];
                p.server().write(new byte[] {1}, 0, 1); // the client's read takes any ticket before the byte
                for (int i = 0; i < 5 && p.client().read(buf, 0, buf.length) <= 0; i++) {
                    SslErrorQueue.clear();
                }
                first = p.client().getSession();
            }
            try (TestPair p = TestPair.create(client, server, 0)) {
                p.client().setSession(first);
                p.handshake();
                return p.server().sessionReused() ? "resumed" : "a full handshake";
            }
        }
    }

    /** How a client of {@code engine} ends when its server's ALPN select callback refuses. */
    private static String refusedAlpn(String engine) {
        try (SslCtx server = TestContexts.server(engine).tls13().build();
                SslCtx client = TestContexts.client(engine).tls13().build()) {
            client.setAlpnProtos(java.util.List.of("h2"));
            server.setAlpnSelectCb((ssl, out, offered) -> org.libssl4j.SslTlsext.ERR_ALERT_FATAL);
            try (TestPair p = TestPair.create(client, server, 0)) {
                int c = 0;
                for (int i = 0; i < 5; i++) {
                    SslErrorQueue.clear();
                    c = p.client().doHandshake();
                    p.server().doHandshake();
                }
                SslErrorQueue.clear();
                c = p.client().doHandshake();
                SslErrorEntry e = SslErrorQueue.peek();
                return c == 1 ? "the client finished" : p.client().getError(c) == SslError.WANT_READ
                        ? "the client waits for the server's flight: -1 WANT_READ" : "-1 " + p.client().getError(c) + " " + e;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledger")
    void entryStillTrue(Difference d) {
        Assumptions.assumeTrue(Engines.all().stream().anyMatch(e -> e.name().equals(d.engine()) && e.isAvailable()),
                "engine " + d.engine() + " is not on the class path");
        String seen = d.observe().get();
        assertThat(seen).as("%s: libssl: %s; the ledger says: %s (%s). If the engine now behaves like libssl, "
                + "remove the entry.", d.id(), d.libssl(), d.observed(), d.why()).isEqualTo(d.observed());
    }

    /** What a TLS 1.3 server of {@code engine} answers to a warning alert of description 200. */
    private static String warningAlert(String engine) {
        try {
            return org.libssl4j.it.Tls13WarningAlert.send(engine).toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The alert a server of {@code engine} sends for the ClientHello record {@code hello}. */
    private static String alertFor(String engine, byte[] hello) {
        try (SslCtx ctx = TestContexts.server(engine).build(); Ssl ssl = ctx.newSsl()) {
            org.libssl4j.bio.MemBio in = org.libssl4j.bio.MemBio.create();
            org.libssl4j.bio.MemBio out = org.libssl4j.bio.MemBio.create();
            ssl.setBio(in, out);
            ssl.setAcceptState();
            in.write(hello, 0, hello.length);
            SslErrorQueue.clear();
            ssl.accept();
            SslErrorQueue.clear();
            byte[] sent = out.drain();
            return sent.length == 7 && sent[0] == 21 ? "alert " + (sent[6] & 0xFF) : "no plaintext alert";
        }
    }

    /** What the server's error queue says when a client of {@code engine} rejects its untrusted chain. */
    private static String serverReasonForUntrustedChain(String engine) {
        try (SslCtx client = TestContexts.client(engine).tls13().build();
             SslCtx server = TestContexts.server("jdk").identity(TestCerts.untrustedServer()).tls13().build();
             TestPair p = TestPair.create(client, server, 0)) {
            for (int i = 0; i < 10; i++) {
                SslErrorQueue.clear();
                p.client().doHandshake();
                SslErrorQueue.clear();
                int r = p.server().doHandshake();
                if (r <= 0 && p.server().getError(r) == SslError.SSL) {
                    SslErrorEntry e = SslErrorQueue.peek();
                    SslErrorQueue.clear();
                    return e.reasonString();
                }
            }
            return "no failure on the server";
        }
    }
}
