package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** {@code SSL_set_verify} and {@code SSL_set_verify_depth}: one connection's verification apart from its context's (VERIFY-10..12). */
class ConnectionVerifyTest {

    @EngineVersionTest
    @DisplayName("VERIFY-10 Ssl.setVerify(NONE) lets one client connection accept an untrusted server, recording verify error 20, while another of the same context still fails; getVerifyMode reports each")
    void clientNone(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                SslCtx sctx = TestContexts.server(engine).identity(TestCerts.untrustedServer()).only(version).build();
                TestPair relaxed = TestPair.create(cctx, sctx, 0); TestPair strict = TestPair.create(cctx, sctx, 0)) {
            assertThat(relaxed.client().getVerifyMode()).isEqualTo(SslVerify.PEER);
            relaxed.client().setVerify(SslVerify.NONE, null);
            assertThat(relaxed.client().getVerifyMode()).isEqualTo(SslVerify.NONE);
            assertThat(strict.client().getVerifyMode()).isEqualTo(SslVerify.PEER);
            Fixtures.Verdict ok = Fixtures.verdict(relaxed);
            assertThat(ok.client).as(ok.toString()).isEqualTo(1);
            assertThat(relaxed.client().getVerifyResult()).isEqualTo(20);
            Fixtures.Verdict failed = Fixtures.verdict(strict);
            assertThat(failed.client).as(failed.toString()).isEqualTo(-1);
            assertThat(failed.clientError.reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("VERIFY-10 a connection's verify callback replaces its context's and may overturn the verdict both ways; setVerify with a null callback keeps the one in force")
    void connectionCallback(String engine) {
        List<String> seen = new ArrayList<>();
        try (SslCtx cctx = TestContexts.client(engine).build();
                SslCtx untrusted = TestContexts.server(engine).identity(TestCerts.untrustedServer()).build();
                SslCtx trusted = TestContexts.server(engine).build()) {
            cctx.setVerify(SslVerify.PEER, (ok, chain, why) -> {
                seen.add("context");
                return ok;
            });
            try (TestPair p = TestPair.create(cctx, untrusted, 0)) {
                p.client().setVerify(SslVerify.PEER, (ok, chain, why) -> {
                    seen.add("connection " + ok);
                    return true;
                });
                p.client().setVerify(SslVerify.PEER, null); // keeps the connection's callback, as libssl
                assertThat(Fixtures.verdict(p).client).isEqualTo(1);
            }
            assertThat(seen).containsExactly("connection false");
            try (TestPair p = TestPair.create(cctx, trusted, 0)) {
                p.client().setVerify(SslVerify.PEER, (ok, chain, why) -> false);
                Fixtures.Verdict o = Fixtures.verdict(p);
                assertThat(o.client).as(o.toString()).isEqualTo(-1);
                assertThat(p.client().getVerifyResult()).isEqualTo(50);
            }
            try (TestPair p = TestPair.create(cctx, trusted, 0).handshake()) {
                assertThat(seen).containsExactly("connection false", "context");
            }
        }
        SslErrorQueue.clear();
        assertThatThrownBy(() -> {
            try (SslCtx c = TestContexts.client(engine).build(); var ssl = c.newSsl()) {
                ssl.setVerify(0x10, null);
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @EngineVersionTest
    @DisplayName("VERIFY-11 Ssl.setVerify(PEER | FAIL_IF_NO_PEER_CERT) on one server connection of a context that asks for no certificate fails a client without one: peer did not return a certificate")
    void serverRequires(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.CLIENT_AUTH);
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                SslCtx sctx = TestContexts.server(engine).trust(TestCerts.ca().certificate()).only(version).build();
                TestPair demanding = TestPair.create(cctx, sctx, 0); TestPair plain = TestPair.create(cctx, sctx, 0)) {
            assertThat(demanding.server().getVerifyMode()).isEqualTo(SslVerify.NONE);
            demanding.server().setVerify(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT, null);
            Fixtures.Verdict o = Fixtures.verdict(demanding);
            assertThat(o.server).as(o.toString()).isEqualTo(-1);
            assertThat(o.serverError.reason()).as(o.toString()).isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
            assertThat(plain.handshake()).isSameAs(plain);
        }
        SslErrorQueue.clear();
    }

    @EngineVersionTest
    @DisplayName("VERIFY-12 Ssl.setVerifyDepth(1) refuses a chain with 2 intermediates on one connection (verify error 22) while the context's default depth accepts it on another; getVerifyDepth reports -1 then 1")
    void connectionDepth(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                SslCtx sctx = TestContexts.server(engine).identity(TestCerts.twoIntermediatesServer()).only(version).build();
                TestPair shallow = TestPair.create(cctx, sctx, 0); TestPair deep = TestPair.create(cctx, sctx, 0)) {
            assertThat(shallow.client().getVerifyDepth()).isEqualTo(-1);
            shallow.client().setVerifyDepth(1);
            assertThat(shallow.client().getVerifyDepth()).isEqualTo(1);
            Fixtures.Verdict refused = Fixtures.verdict(shallow);
            assertThat(refused.client).as(refused.toString()).isEqualTo(-1);
            assertThat(shallow.client().getVerifyResult()).isEqualTo(22);
            assertThat(deep.handshake()).isSameAs(deep);
            assertThat(deep.client().getVerifyResult()).isZero();
        }
        SslErrorQueue.clear();
    }

    @EngineVersionTest
    @DisplayName("VERIFY-15 a verify callback that throws fails that handshake: certificate verify failed, verify error 50 with the exception named; another connection of the context completes")
    void throwingCallback(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                SslCtx sctx = TestContexts.server(engine).only(version).build();
                TestPair bad = TestPair.create(cctx, sctx, 0); TestPair good = TestPair.create(cctx, sctx, 0)) {
            bad.client().setVerify(SslVerify.PEER, (ok, chain, why) -> {
                throw new IllegalStateException("boom");
            });
            Fixtures.Verdict o = Fixtures.verdict(bad);
            assertThat(o.client).as(o.toString()).isEqualTo(-1);
            assertThat(o.clientError.reason()).as(o.toString()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
            assertThat(o.clientError.detail()).as(o.toString()).contains("boom");
            assertThat(bad.client().getVerifyResult()).isEqualTo(50);
            SslErrorQueue.clear();
            assertThat(good.handshake()).isSameAs(good);
        }
        SslErrorQueue.clear();
    }
}
