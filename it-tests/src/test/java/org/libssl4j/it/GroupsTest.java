package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Key-exchange groups and signature algorithms: {@code SSL_CTX_set1_groups_list}, {@code SSL_CTX_set1_sigalgs_list}
 * and {@code SSL_get_negotiated_group}, with libssl's reasons (observed with OpenSSL 3.0.19's s_server/s_client).
 */
class GroupsTest {

    private static SslCtx server(String engine, TestIdentity id, int version) {
        return TestContexts.server(engine).identity(id).only(version).build();
    }

    private static SslCtx client(String engine, int version) {
        return TestContexts.client(engine).only(version).build();
    }

    private static Fixtures.Verdict handshake(SslCtx clientCtx, SslCtx serverCtx) {
        try (TestPair p = TestPair.create(clientCtx, serverCtx, 0)) {
            return Fixtures.verdict(p);
        }
    }

    /** Both sides restricted to {@code list}: the handshake succeeds and both report {@code expected}. */
    private static void negotiates(String engine, int version, TestIdentity id, String list, String expected) {
        SslCtx c = client(engine, version);
        SslCtx s = server(engine, id, version);
        assertThat(c.set1GroupsList(list)).isEqualTo(1);
        assertThat(s.set1GroupsList(list)).isEqualTo(1);
        try (TestPair p = TestPair.create(c, s, 0).handshake()) {
            if (Engines.get(engine).has(Capability.NEGOTIATED_GROUP)) {
                assertThat(p.client().getNegotiatedGroup()).isEqualTo(expected);
                assertThat(p.server().getNegotiatedGroup()).isEqualTo(expected);
            } else {
                assertThat(p.client().getNegotiatedGroup()).isNull();
            }
        }
    }

    @EngineVersionTest
    @DisplayName("GROUP-1 a client and a server restricted to X25519 negotiate it, and to P-256 likewise (capability GROUPS_LIST)")
    void restrictedGroupsNegotiate(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.GROUPS_LIST);
        if (version == Fixtures.TLS13) {
            // On TLS 1.2 the groups also limit the ECDSA certificate's curve (RFC 8422): libssl's server with a P-256
            // certificate and X25519 only finds no shared cipher, as s_server -groups X25519 -tls1_2 does.
            negotiates(engine, version, TestCerts.serverEc(), "X25519", "x25519");
        }
        negotiates(engine, version, TestCerts.serverRsa(), "X25519", "x25519");
        negotiates(engine, version, TestCerts.serverEc(), "P-256", "secp256r1");
        negotiates(engine, version, TestCerts.serverRsa(), "secp384r1", "secp384r1");
    }

    @EngineVersionTest
    @DisplayName("GROUP-2 a client offering X25519 only and a server taking P-256 only fail: no suitable key share on TLS 1.3, no shared cipher on TLS 1.2; the client reads sslv3 alert handshake failure (capability GROUPS_LIST)")
    void noSharedGroup(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.GROUPS_LIST);
        SslCtx c = client(engine, version);
        SslCtx s = server(engine, TestCerts.serverEc(), version);
        assertThat(c.set1GroupsList("X25519")).isEqualTo(1);
        assertThat(s.set1GroupsList("P-256")).isEqualTo(1);
        failsWith(handshake(c, s), version == Fixtures.TLS13 ? SslReason.NO_SUITABLE_KEY_SHARE : SslReason.NO_SHARED_CIPHER);
    }

    /** Both sides failed: the server with {@code serverReason}, the client reading handshake_failure. */
    private static void failsWith(Fixtures.Verdict o, int serverReason) {
        assertThat(o.server).as(o.toString()).isEqualTo(-1);
        assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(serverReason);
        assertThat(o.client).as(o.toString()).isEqualTo(-1);
        assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.SSLV3_ALERT_HANDSHAKE_FAILURE);
    }

    @EngineTest
    @DisplayName("GROUP-3 an unknown group name gives 0 and SSL passed invalid argument (group 'x' cannot be set); a duplicate or an empty element gives 0 with nothing on the queue; the list is case-sensitive")
    void unknownGroup(String engine) {
        SslCtx c = client(engine, Fixtures.TLS13);
        SslErrorQueue.clear();
        assertThat(c.set1GroupsList("X25519:bogus")).isZero();
        SslErrorEntry e = SslErrorQueue.get();
        assertThat(e).isNotNull();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
        assertThat(e.reason()).isEqualTo(SslReason.PASSED_INVALID_ARGUMENT);
        assertThat(e.reasonString()).isEqualTo("passed invalid argument");
        assertThat(e.detail()).contains("group 'bogus' cannot be set");
        assertThat(SslErrorQueue.get()).isNull();
        assertThat(c.set1GroupsList("p-256")).isZero();
        assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.PASSED_INVALID_ARGUMENT);
        for (String silent : new String[] {"X25519:X25519", "P-256:prime256v1", "", "X25519:", ":X25519"}) {
            assertThat(c.set1GroupsList(silent)).as(silent).isZero();
            assertThat(SslErrorQueue.get()).as(silent).isNull();
        }
    }

    @EngineVersionTest
    @DisplayName("GROUP-4 the negotiated group is reported on both sides, the same (capability NEGOTIATED_GROUP)")
    void negotiatedGroupReported(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.NEGOTIATED_GROUP);
        try (TestPair p = TestPair.create(client(engine, version), server(engine, TestCerts.serverEc(), version), 0)) {
            assertThat(p.client().getNegotiatedGroup()).isNull();
            p.handshake();
            assertThat(p.client().getNegotiatedGroup()).isIn("x25519", "secp256r1", "secp384r1", "x448");
            assertThat(p.server().getNegotiatedGroup()).isEqualTo(p.client().getNegotiatedGroup());
        }
    }

    @EngineTest
    @DisplayName("GROUP-5 an engine without GROUPS_LIST or SIGALGS_LIST refuses a valid list with 0 and unsupported on the queue")
    void refusedWithoutCapability(String engine) {
        SslCtx c = client(engine, Fixtures.TLS13);
        SslErrorQueue.clear();
        int groups = c.set1GroupsList("X25519:P-256");
        if (Engines.get(engine).has(Capability.GROUPS_LIST)) {
            assertThat(groups).isEqualTo(1);
        } else {
            assertThat(groups).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.UNSUPPORTED);
        }
        int sigalgs = c.set1SigalgsList("ecdsa_secp256r1_sha256:rsa_pss_rsae_sha256");
        if (Engines.get(engine).has(Capability.SIGALGS_LIST)) {
            assertThat(sigalgs).isEqualTo(1);
        } else {
            assertThat(sigalgs).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.UNSUPPORTED);
        }
        assertThat(SslErrorQueue.get()).isNull();
    }

    @EngineVersionTest
    @DisplayName("SIGALG-1 a client restricted to ecdsa_secp256r1_sha256 completes the handshake with an ECDSA P-256 server (capability SIGALGS_LIST)")
    void sigalgsEcdsa(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.SIGALGS_LIST);
        SslCtx c = client(engine, version);
        assertThat(c.set1SigalgsList("ecdsa_secp256r1_sha256")).isEqualTo(1);
        try (TestPair p = TestPair.create(c, server(engine, TestCerts.serverEc(), version), 0).handshake()) {
            assertThat(p.client().getPeerCertificate()).isEqualTo(TestCerts.serverEc().certificate());
        }
    }

    @EngineVersionTest
    @DisplayName("SIGALG-2 a client restricted to rsa_pss_rsae_sha256 fails against an ECDSA-only server: no suitable signature algorithm on TLS 1.3, no shared cipher on TLS 1.2; the client reads sslv3 alert handshake failure (capability SIGALGS_LIST)")
    void sigalgsMismatch(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.SIGALGS_LIST);
        SslCtx c = client(engine, version);
        assertThat(c.set1SigalgsList("rsa_pss_rsae_sha256")).isEqualTo(1);
        failsWith(handshake(c, server(engine, TestCerts.serverEc(), version)), version == Fixtures.TLS13
                ? SslReason.NO_SUITABLE_SIGNATURE_ALGORITHM : SslReason.NO_SHARED_CIPHER);
    }

    @EngineTest
    @DisplayName("SIGALG-3 an unknown signature algorithm, a duplicate or an empty list gives 0 with nothing on the queue, as libssl; TLS 1.3 names and ALG+HASH are taken")
    void unknownSigalg(String engine) {
        SslCtx c = client(engine, Fixtures.TLS13);
        SslErrorQueue.clear();
        for (String bad : new String[] {"bogus", "ecdsa_secp256r1_sha256:ECDSA+SHA256", "", "ecdsa_sha1",
                "ECDSA_SECP256R1_SHA256"}) {
            assertThat(c.set1SigalgsList(bad)).as(bad).isZero();
            assertThat(SslErrorQueue.get()).as(bad).isNull();
        }
        if (Engines.get(engine).has(Capability.SIGALGS_LIST)) {
            assertThat(c.set1SigalgsList("ECDSA+SHA256:RSA-PSS+SHA256:rsa_pkcs1_sha256:ed25519")).isEqualTo(1);
        }
    }
}
