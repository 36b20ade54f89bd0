package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Peer verification: safe defaults (README D2), verify modes and callback, and OpenSSL's reasons for failures. */
class VerifyTest {

    /** Runs the handshake until one side fails; returns the client's failure entry (or null if both finished). */
    private static Fixtures.Verdict handshake(SslCtx clientCtx, SslCtx serverCtx) {
        try (TestPair p = TestPair.create(clientCtx, serverCtx, 0)) {
            return Fixtures.verdict(p);
        }
    }

    private static SslCtx server(String engine, TestIdentity id, int version) {
        return TestContexts.server(engine).identity(id).only(version).build();
    }

    private static SslCtx client(String engine, int version) {
        return TestContexts.client(engine).only(version).build();
    }

    @EngineVersionTest
    @DisplayName("D2 a client verifies by default: an untrusted server fails with certificate verify failed, verify error 20")
    void untrustedFails(String engine, int version) {
        Fixtures.Verdict o = handshake(client(engine, version), server(engine, TestCerts.untrustedServer(), version));
        assertThat(o.client).as(o.toString()).isEqualTo(-1);
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        assertThat(o.clientError.reasonString()).isEqualTo("certificate verify failed");
        assertThat(o.clientError.detail()).contains("num=20").contains("unable to get local issuer certificate");
        assertThat(o.server).as(o.toString()).isEqualTo(-1);
        assertThat(o.serverError.reason()).as("the server receives an alert: " + o).isGreaterThan(1000);
    }

    @EngineVersionTest
    @DisplayName("D2 an expired server certificate fails with certificate has expired, and the server receives certificate_expired (capability CERTIFICATE_ALERTS)")
    void expiredFails(String engine, int version) {
        Fixtures.Verdict o = handshake(client(engine, version), server(engine, TestCerts.expiredServer(), version));
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        assertThat(o.clientError.detail()).contains("num=10").contains("certificate has expired");
        if (Engines.get(engine).has(Capability.CERTIFICATE_ALERTS)) {
            assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.SSLV3_ALERT_CERTIFICATE_EXPIRED);
            assertThat(o.serverError.reasonString()).isEqualTo("sslv3 alert certificate expired");
        } else {
            assertThat(o.serverError.reason()).as("the server receives an alert: " + o).isGreaterThan(1000);
        }
    }

    @EngineVersionTest
    @DisplayName("D2 a server certificate for another name fails with hostname mismatch, and the server receives bad_certificate (capability CERTIFICATE_ALERTS)")
    void wrongHostFails(String engine, int version) {
        Fixtures.Verdict o = handshake(client(engine, version), server(engine, TestCerts.wrongHostServer(), version));
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        assertThat(o.clientError.detail()).contains("num=62").contains("hostname mismatch");
        if (Engines.get(engine).has(Capability.CERTIFICATE_ALERTS)) {
            assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.SSLV3_ALERT_BAD_CERTIFICATE);
        } else {
            assertThat(o.serverError.reason()).as("the server receives an alert: " + o).isGreaterThan(1000);
        }
    }

    @EngineTest
    @DisplayName("D2 CERTIFICATE_ALERTS is declared exactly when this JVM's provider sends certificate_expired and bad_certificate on TLS 1.2 and 1.3")
    void certificateAlertsCapabilityIsWhatThisJvmDoes(String engine) {
        boolean asLibssl = true;
        StringBuilder seen = new StringBuilder();
        for (int version : new int[] {TLS13, TLS12}) {
            Fixtures.Verdict expired = handshake(client(engine, version), server(engine, TestCerts.expiredServer(), version));
            Fixtures.Verdict wrongHost = handshake(client(engine, version), server(engine, TestCerts.wrongHostServer(), version));
            int e = expired.serverError == null ? 0 : expired.serverError.reason();
            int w = wrongHost.serverError == null ? 0 : wrongHost.serverError.reason();
            asLibssl &= e == SslReason.SSLV3_ALERT_CERTIFICATE_EXPIRED && w == SslReason.SSLV3_ALERT_BAD_CERTIFICATE;
            seen.append(" version 0x").append(Integer.toHexString(version)).append(": expired ").append(e)
                    .append(", wrong host ").append(w);
        }
        assertThat(Engines.get(engine).has(Capability.CERTIFICATE_ALERTS))
                .as("declared CERTIFICATE_ALERTS vs what the server received on %s (%s):%s", engine,
                        Engines.get(engine).version(), seen)
                .isEqualTo(asLibssl);
    }

    @EngineTest
    @DisplayName("D2 a verifying client with no host name to check fails rather than accept any name")
    void noHostNameFails(String engine) {
        try (SslCtx cctx = client(engine, TLS13); SslCtx sctx = server(engine, TestCerts.serverRsa(), TLS13)) {
            BioPair pair = BioPair.create();
            Ssl c = cctx.newSsl();
            Ssl s = sctx.newSsl();
            c.setBio(pair.first(), pair.first());
            s.setBio(pair.second(), pair.second());
            c.setConnectState();
            s.setAcceptState();
            int r = 0;
            for (int i = 0; i < 5; i++) {
                SslErrorQueue.clear();
                r = c.doHandshake();
                if (r == 1 || c.getError(r) != SslError.WANT_READ) {
                    break;
                }
                s.doHandshake();
            }
            assertThat(c.getError(r)).isEqualTo(SslError.SSL);
            assertThat(SslErrorQueue.peek().reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
            assertThat(SslErrorQueue.peek().detail()).contains("no host name");
        }
    }

    @EngineTest
    @DisplayName("D2 verification off is one call: setVerify(NONE) accepts an untrusted server; setHostNameCheck(false) keeps the chain check")
    void turningItOff(String engine) {
        SslCtx none = client(engine, TLS13);
        none.setVerify(SslVerify.NONE, null);
        assertThat(handshake(none, server(engine, TestCerts.untrustedServer(), TLS13)).client).isEqualTo(1);
        SslCtx noName = client(engine, TLS13);
        noName.setHostNameCheck(false);
        assertThat(handshake(noName, server(engine, TestCerts.wrongHostServer(), TLS13)).client).isEqualTo(1);
        SslCtx noName2 = client(engine, TLS13);
        noName2.setHostNameCheck(false);
        assertThat(handshake(noName2, server(engine, TestCerts.untrustedServer(), TLS13)).client).isEqualTo(-1);
    }

    @EngineTest
    @DisplayName("D2 a TLS_CLIENT context and the client side of a TLS context verify; TLS 1.2 is the lowest version by default")
    void defaults(String engine) {
        try (SslCtx c = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine); SslCtx t = SslCtx.newCtx(SslMethod.TLS, engine);
             SslCtx s = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            assertThat(c.getVerifyMode()).isEqualTo(SslVerify.PEER);
            assertThat(t.getVerifyMode()).isEqualTo(SslVerify.PEER);
            assertThat(s.getVerifyMode()).isEqualTo(SslVerify.NONE);
            assertThat(c.getMinProtoVersion()).isEqualTo(TLS12);
            assertThat(c.getHostNameCheck()).isTrue();
        }
        SslCtx generic = SslCtx.newCtx(SslMethod.TLS, engine);
        generic.addTrustedCertificate(TestCerts.ca().certificate());
        Fixtures.Verdict o = handshake(generic, server(engine, TestCerts.untrustedServer(), TLS13));
        assertThat(o.client).as("the client side of a TLS context verifies").isEqualTo(-1);
    }

    @EngineTest
    @DisplayName("VERIFY-1 the verify callback sees the verdict and may overturn it either way")
    void callback(String engine) {
        AtomicReference<String> seen = new AtomicReference<>();
        SslCtx accepting = client(engine, TLS13);
        accepting.setVerify(SslVerify.PEER, (ok, chain, failure) -> {
            seen.set(ok + " " + chain.size() + " " + failure);
            return true;
        });
        assertThat(handshake(accepting, server(engine, TestCerts.untrustedServer(), TLS13)).client).isEqualTo(1);
        assertThat(seen.get()).startsWith("false ").contains("unable to get local issuer certificate");
        SslCtx refusing = client(engine, TLS13);
        refusing.setVerify(SslVerify.PEER, (ok, chain, failure) -> false);
        Fixtures.Verdict o = handshake(refusing, server(engine, TestCerts.serverRsa(), TLS13));
        assertThat(o.clientError.detail()).contains("num=50").contains("application verification failure");
    }

    @EngineVersionTest
    @DisplayName("VERIFY-2 a server that requires a client certificate fails without one (peer did not return a certificate) and accepts one it trusts")
    void clientCertificates(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        SslCtx sctx = TestContexts.server(engine).requireClientCert().trust(TestCerts.ca().certificate()).build();
        SslCtx cctx = client(engine, version);
        Fixtures.Verdict o = handshake(cctx, sctx);
        assertThat(o.server).as(o.toString()).isEqualTo(-1);
        assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        assertThat(o.client).as(o.toString()).isEqualTo(-1);
        SslCtx withCert = TestContexts.client(engine).identity(TestCerts.client()).build();
        SslCtx sctx2 = TestContexts.server(engine).requireClientCert().trust(TestCerts.ca().certificate()).build();
        try (TestPair p = TestPair.create(withCert, sctx2, 0).handshake()) {
            assertThat(p.server().getPeerCertificate().getSubjectX500Principal().getName()).contains("CN=");
            assertThat(p.server().getPeerCertChain()).isNotEmpty();
        }
    }

    @EngineTest
    @DisplayName("VERIFY-3 no shared protocol version fails with unsupported protocol on the server and tlsv1 alert protocol version on the client")
    void noSharedVersion(String engine) {
        Fixtures.Verdict o = handshake(client(engine, TLS13), server(engine, TestCerts.serverRsa(), TLS12));
        assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.UNSUPPORTED_PROTOCOL);
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.TLSV1_ALERT_PROTOCOL_VERSION);
        assertThat(o.clientError.reasonString()).isEqualTo("tlsv1 alert protocol version");
    }

    @EngineTest
    @DisplayName("VERIFY-4 no shared cipher fails with no shared cipher on the server and sslv3 alert handshake failure on the client")
    void noSharedCipher(String engine) {
        SslCtx c = client(engine, TLS12);
        assertThat(c.setCipherList("ECDHE-ECDSA-AES128-GCM-SHA256")).isEqualTo(1);
        Fixtures.Verdict o = handshake(c, server(engine, TestCerts.serverRsa(), TLS12));
        assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.NO_SHARED_CIPHER);
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.SSLV3_ALERT_HANDSHAKE_FAILURE);
    }

    @EngineVersionTest
    @DisplayName("VERIFY-5 what was negotiated: version, OpenSSL cipher name and the peer's certificate, for RSA and ECDSA")
    void negotiated(String engine, int version) {
        for (TestIdentity id : List.of(TestCerts.serverRsa(), TestCerts.serverEc())) {
            try (TestPair p = TestPair.create(client(engine, version), server(engine, id, version), 0).handshake()) {
                assertThat(p.client().getVersion()).isEqualTo(version == TLS13 ? "TLSv1.3" : "TLSv1.2");
                String cipher = p.client().getCipherName();
                if (version == TLS13) {
                    assertThat(cipher).startsWith("TLS_");
                } else {
                    assertThat(cipher).startsWith(id == TestCerts.serverEc() ? "ECDHE-ECDSA-" : "ECDHE-RSA-");
                }
                assertThat(p.server().getCipherName()).isEqualTo(cipher);
                assertThat(p.client().getPeerCertificate()).isEqualTo(id.certificate());
            }
        }
    }
}
