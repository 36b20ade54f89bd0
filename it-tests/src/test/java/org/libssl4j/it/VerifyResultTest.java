package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCtx;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

/** {@code SSL_get_verify_result} (VERIFY-8) and {@code SSL_CTX_set_verify_depth} (VERIFY-9). */
class VerifyResultTest {

    /** The handshake's verdict and the client's verify result. */
    private record Outcome(Fixtures.Verdict verdict, long result, long before) {
    }

    private static Outcome run(String engine, int version, TestIdentity server, Consumer<SslCtx> clientSetup) {
        SslCtx cctx = TestContexts.client(engine).only(version).build();
        clientSetup.accept(cctx);
        SslCtx sctx = TestContexts.server(engine).identity(server).only(version).build();
        try (TestPair p = TestPair.create(cctx, sctx, 0)) {
            long before = p.client().getVerifyResult();
            Fixtures.Verdict v = Fixtures.verdict(p);
            return new Outcome(v, p.client().getVerifyResult(), before);
        }
    }

    private static final Consumer<SslCtx> NONE = ctx -> ctx.setVerify(SslVerify.NONE, null);

    @EngineVersionTest
    @DisplayName("VERIFY-8 a good chain: the handshake succeeds and getVerifyResult is 0 (X509_V_OK), as it is before any verification")
    void good(String engine, int version) {
        Outcome o = run(engine, version, TestCerts.serverRsa(), ctx -> { });
        assertThat(o.verdict.client).as(o.verdict.toString()).isEqualTo(1);
        assertThat(o.before).isZero();
        assertThat(o.result).isZero();
        assertThat(SslVerify.errorString(o.result)).isEqualTo("ok");
    }

    /** With SSL_VERIFY_NONE the handshake succeeds and the code is recorded. */
    private static void acceptedWithNone(String engine, int version, TestIdentity server, int code, String text) {
        Outcome o = run(engine, version, server, NONE);
        assertThat(o.verdict.client).as(o.verdict.toString()).isEqualTo(1);
        assertThat(o.result).isEqualTo(code);
        assertThat(SslVerify.errorString(o.result)).isEqualTo(text);
    }

    @EngineVersionTest
    @DisplayName("VERIFY-8 with SSL_VERIFY_NONE the handshake succeeds and getVerifyResult records the failure: expired 10, untrusted 20, another name 62")
    void recordedWithNone(String engine, int version) {
        acceptedWithNone(engine, version, TestCerts.expiredServer(), 10, "certificate has expired");
        acceptedWithNone(engine, version, TestCerts.untrustedServer(), 20, "unable to get local issuer certificate");
        acceptedWithNone(engine, version, TestCerts.wrongHostServer(), 62, "hostname mismatch");
    }

    @EngineVersionTest
    @DisplayName("VERIFY-8 a failed verification leaves its code: an expired server with SSL_VERIFY_PEER fails and getVerifyResult is 10")
    void failedPeer(String engine, int version) {
        Outcome o = run(engine, version, TestCerts.expiredServer(), ctx -> { });
        assertThat(o.verdict.client).as(o.verdict.toString()).isEqualTo(-1);
        assertThat(o.result).isEqualTo(10);
    }

    @EngineVersionTest
    @DisplayName("VERIFY-9 setVerifyDepth counts intermediates: a chain with 2 is accepted at depth 2 and refused at depth 1 with certificate verify failed, verify error 22")
    void depth(String engine, int version) {
        Outcome ok = run(engine, version, TestCerts.twoIntermediatesServer(), ctx -> ctx.setVerifyDepth(2));
        assertThat(ok.verdict.client).as(ok.verdict.toString()).isEqualTo(1);
        assertThat(ok.result).isZero();
        Outcome byDefault = run(engine, version, TestCerts.twoIntermediatesServer(), ctx -> { });
        assertThat(byDefault.verdict.client).as(byDefault.verdict.toString()).isEqualTo(1);
        Outcome tooLong = run(engine, version, TestCerts.twoIntermediatesServer(), ctx -> ctx.setVerifyDepth(1));
        assertThat(tooLong.verdict.client).as(tooLong.verdict.toString()).isEqualTo(-1);
        assertThat(tooLong.verdict.clientError.reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        assertThat(tooLong.verdict.clientError.reasonString()).isEqualTo("certificate verify failed");
        assertThat(tooLong.verdict.clientError.detail()).contains("num=22").contains("certificate chain too long");
        assertThat(tooLong.result).isEqualTo(22);
        assertThat(SslVerify.errorString(22)).isEqualTo("certificate chain too long");
        Outcome none = run(engine, version, TestCerts.twoIntermediatesServer(), ctx -> {
            ctx.setVerifyDepth(1);
            ctx.setVerify(SslVerify.NONE, null);
        });
        assertThat(none.verdict.client).as(none.verdict.toString()).isEqualTo(1);
        assertThat(none.result).isEqualTo(22);
    }
}
