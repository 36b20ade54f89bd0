package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestContexts;

/** TLS_FALLBACK_SCSV (RFC 7507) on the server side: a downgraded client's hello is refused (R15.14). */
class FallbackScsvTest {

    /** What a server of {@code engine} allowing up to {@code maxVersion} answers {@code hello}: its return and its bytes. */
    private static byte[] answer(String engine, int maxVersion, byte[] hello, int expectedRet, SslError expected) {
        try (SslCtx ctx = TestContexts.server(engine).configure(c -> c.setMaxProtoVersion(maxVersion)).build();
                Ssl ssl = ctx.newSsl()) {
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            ssl.setBio(in, out);
            ssl.setAcceptState();
            in.write(hello, 0, hello.length);
            SslErrorQueue.clear();
            assertResult(ssl, ssl.accept(), expectedRet, expected);
            return out.drain();
        }
    }

    private static byte[] tls12Hello(boolean scsv) {
        ClientHellos h = ClientHellos.tls12();
        h.cipherSuites = scsv ? ClientHellos.u16s(0xc02f, 0xc030, 0xc02b, 0xc02c, 0x5600) : h.cipherSuites;
        return h.record();
    }

    @EngineTest
    @DisplayName("R15.14 a server that allows TLS 1.3 refuses a TLS 1.2 ClientHello carrying TLS_FALLBACK_SCSV: -1, inappropriate fallback (373), a plaintext inappropriate_fallback alert (86), as s_server against s_client -tls1_2 -fallback_scsv (3.0.19); without the SCSV, or with TLS 1.2 as its highest version, it answers with its hello")
    void downgradeRefused(String engine) {
        byte[] sent = answer(engine, org.libssl4j.SslVersion.TLS1_3_VERSION, tls12Hello(true), -1, SslError.SSL);
        assertReason(SslReason.INAPPROPRIATE_FALLBACK, "inappropriate fallback");
        assertThat(sent).containsExactly(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x56);
        SslErrorQueue.clear();
        assertThat(answer(engine, org.libssl4j.SslVersion.TLS1_3_VERSION, tls12Hello(false), -1, SslError.WANT_READ)[0])
                .as("a ServerHello record").isEqualTo((byte) 22);
        assertThat(answer(engine, org.libssl4j.SslVersion.TLS1_2_VERSION, tls12Hello(true), -1, SslError.WANT_READ)[0])
                .as("a ServerHello record").isEqualTo((byte) 22);
    }
}
