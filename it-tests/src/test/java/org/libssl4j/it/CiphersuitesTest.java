package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** {@code SSL_CTX_set_ciphersuites}: the TLS 1.3 suites (CIPHER-8..10). */
class CiphersuitesTest {

    @EngineTest
    @DisplayName("CIPHER-8 setCiphersuites restricts the TLS 1.3 suites: both sides limited to TLS_AES_256_GCM_SHA384 negotiate it, and a client limited to it fails against a server limited to TLS_AES_128_GCM_SHA256 with no shared cipher; unknown names are skipped, a list of none is 0 with 'no cipher match', names are case-sensitive (capability TLS1_3_CIPHERSUITES)")
    void restricts(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_CIPHERSUITES);
        try (SslCtx c = TestContexts.client(engine).only(SslVersion.TLS1_3_VERSION).build();
                SslCtx s = TestContexts.server(engine).only(SslVersion.TLS1_3_VERSION).build()) {
            assertThat(c.setCiphersuites("TLS_BOGUS:TLS_AES_256_GCM_SHA384")).isEqualTo(1);
            assertThat(s.setCiphersuites("TLS_AES_256_GCM_SHA384")).isEqualTo(1);
            try (TestPair p = TestPair.create(c, s, 0).handshake()) {
                assertThat(p.client().getCipherName()).isEqualTo("TLS_AES_256_GCM_SHA384");
            }
            assertThat(s.setCiphersuites("TLS_AES_128_GCM_SHA256")).isEqualTo(1);
            try (TestPair p = TestPair.create(c, s, 0)) {
                Fixtures.Verdict o = Fixtures.verdict(p);
                assertThat(o.server).as(o.toString()).isEqualTo(-1);
                assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.NO_SHARED_CIPHER);
                assertThat(o.client).as(o.toString()).isEqualTo(-1);
            }
            SslErrorQueue.clear();
            for (String none : new String[] {"TLS_BOGUS", "tls_aes_128_gcm_sha256", "ECDHE-RSA-AES128-GCM-SHA256"}) {
                assertThat(c.setCiphersuites(none)).as(none).isZero();
                assertReason(SslReason.NO_CIPHER_MATCH, "no cipher match");
                SslErrorQueue.clear();
            }
            try (TestPair p = TestPair.create(c, TestContexts.server(engine).only(SslVersion.TLS1_3_VERSION).build(), 0).handshake()) {
                assertThat(p.client().getCipherName()).as("the previous list stays").isEqualTo("TLS_AES_256_GCM_SHA384");
            }
        }
    }

    @EngineTest
    @DisplayName("CIPHER-9 setCiphersuites(\"\") leaves no TLS 1.3 suite: a connection that allows TLS 1.3 fails at once with 'no ciphers available', a client writing internal_error in a TLS 1.0 record, a server handshake_failure, as libssl 3.0.19; with TLS 1.2 as its highest version it connects")
    void emptyList(String engine) {
        try (SslCtx c = TestContexts.client(engine).build(); Ssl ssl = clientWithoutTls13(c)) {
            MemBio out = (MemBio) ssl.getWbio();
            assertResult(ssl, ssl.connect(), -1, SslError.SSL);
            assertReason(SslReason.NO_CIPHERS_AVAILABLE, "no ciphers available");
            assertThat(out.drain()).containsExactly(0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x50);
        }
        SslErrorQueue.clear();
        try (SslCtx s = TestContexts.server(engine).configure(x -> x.setCiphersuites("")).build(); Ssl ssl = s.newSsl()) {
            MemBio out = MemBio.create();
            ssl.setBio(MemBio.create(), out);
            SslErrorQueue.clear();
            assertResult(ssl, ssl.accept(), -1, SslError.SSL);
            assertReason(SslReason.NO_CIPHERS_AVAILABLE, "no ciphers available");
            assertThat(out.drain()).containsExactly(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28);
        }
        SslErrorQueue.clear();
        try (SslCtx c = TestContexts.client(engine).configure(x -> x.setCiphersuites("")).build();
                SslCtx s = TestContexts.server(engine).build()) {
            c.setMaxProtoVersion(SslVersion.TLS1_2_VERSION);
            try (TestPair p = TestPair.create(c, s, 0).handshake()) {
                assertThat(p.client().getVersion()).isEqualTo("TLSv1.2");
            }
        }
    }

    private static Ssl clientWithoutTls13(SslCtx c) {
        assertThat(c.setCiphersuites("")).isEqualTo(1);
        Ssl ssl = c.newSsl();
        ssl.setBio(MemBio.create(), MemBio.create());
        ssl.setTlsextHostName(TestCerts.HOST);
        SslErrorQueue.clear();
        return ssl;
    }

    @EngineTest
    @DisplayName("CIPHER-10 an engine without TLS1_3_CIPHERSUITES refuses a list with 0 and 'unsupported', keeping its own suites")
    void refusedWithoutCapability(String engine) {
        org.junit.jupiter.api.Assumptions.assumeFalse(Engines.get(engine).has(Capability.TLS1_3_CIPHERSUITES),
                engine + " has TLS1_3_CIPHERSUITES");
        try (SslCtx c = TestContexts.client(engine).build()) {
            SslErrorQueue.clear();
            assertThat(c.setCiphersuites("TLS_AES_256_GCM_SHA384")).isZero();
            assertReason(SslReason.UNSUPPORTED, "unsupported");
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("CIPHER-11 Ssl.setCipherList and Ssl.setCiphersuites choose one connection's suites: it negotiates its own while another of the context negotiates the context's; a string that selects nothing is 0 with 'no cipher match' and keeps the choice")
    void perConnection(String engine) {
        try (SslCtx c = TestContexts.client(engine).build(); SslCtx s = TestContexts.server(engine).build()) {
            assertThat(c.setCipherList("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384")).isEqualTo(1);
            c.setMaxProtoVersion(SslVersion.TLS1_2_VERSION);
            try (TestPair own = TestPair.create(c, s, 0); TestPair other = TestPair.create(c, s, 0)) {
                assertThat(own.client().setCipherList("ECDHE-RSA-AES256-GCM-SHA384")).isEqualTo(1);
                SslErrorQueue.clear();
                assertThat(own.client().setCipherList("NOTHING-AT-ALL")).isZero();
                assertReason(SslReason.NO_CIPHER_MATCH, "no cipher match");
                SslErrorQueue.clear();
                own.handshake();
                other.handshake();
                assertThat(own.client().getCipherName()).isEqualTo("ECDHE-RSA-AES256-GCM-SHA384");
                assertThat(other.client().getCipherName()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
            }
            c.setMaxProtoVersion(SslVersion.TLS1_3_VERSION);
            try (TestPair own = TestPair.create(c, s, 0)) {
                if (Engines.get(engine).has(Capability.TLS1_3_CIPHERSUITES)) {
                    assertThat(own.client().setCiphersuites("TLS_AES_256_GCM_SHA384")).isEqualTo(1);
                    own.handshake();
                    assertThat(own.client().getCipherName()).isEqualTo("TLS_AES_256_GCM_SHA384");
                } else {
                    assertThat(own.client().setCiphersuites("TLS_AES_256_GCM_SHA384")).isZero();
                    assertReason(SslReason.UNSUPPORTED, "unsupported");
                    SslErrorQueue.clear();
                    assertThat(own.client().setCiphersuites("")).isEqualTo(1);
                    assertResult(own.client(), own.client().connect(), -1, SslError.SSL);
                    assertReason(SslReason.NO_CIPHERS_AVAILABLE, "no ciphers available");
                }
            }
        }
        SslErrorQueue.clear();
    }
}
