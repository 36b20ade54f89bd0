package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libssl4j.SslCipher;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.it.ClearErrorQueue;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * Cipher strings in OpenSSL's syntax on each engine (CIPHER-5..7): resolved against the engine's suites as
 * {@code openssl ciphers -v} resolves them (run here; the test is skipped without the openssl binary), negotiated
 * in a handshake, and refused with "no cipher match" when they select nothing.
 */
@ExtendWith(ClearErrorQueue.class)
class OpenSslCipherStringTest {
    static final List<String> STRINGS = List.of("ECDHE+AESGCM:!aNULL:@STRENGTH", "HIGH:!aNULL:!MD5", "DEFAULT",
            "ALL:-kRSA:+AES128", "kRSA:ECDHE:@STRENGTH", "AES128-SHA:ECDHE+CHACHA20:DHE", "DEFAULT:!SHA1:@SECLEVEL=0",
            "FIPS", "HIGH:!FIPS", "FIPS+ECDHE:@STRENGTH");

    /** The TLS 1.2 suites (OpenSSL's names) {@code openssl ciphers -v STRING} prints, in its order. */
    private static List<String> openSsl(String str) throws IOException, InterruptedException {
        String binary;
        try {
            binary = OpenSslProcess.binary();
        } catch (AssertionError | RuntimeException e) {
            Assumptions.abort("skipped: the openssl binary is missing: " + e.getMessage());
            throw e;
        }
        Process p = new ProcessBuilder(binary, "ciphers", "-v", "--", str).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" +");
            if (f.length > 1 && !f[1].equals("TLSv1.3")) {
                names.add(f[0]);
            }
        }
        return names;
    }

    private static List<String> tls12(List<SslCipher> ciphers) {
        return ciphers.stream().filter(c -> !c.version().equals("TLSv1.3")).map(SslCipher::name)
                .collect(Collectors.toList());
    }

    @EngineTest
    @DisplayName("CIPHER-5 a cipher string resolves against an engine's suites as openssl ciphers -v resolves it, restricted to them, in the same order")
    void resolvesAsOpenSsl(String engine) throws Exception {
        Set<String> offered;
        try (SslCtx all = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            assertThat(all.setCipherList("ALL:COMPLEMENTOFALL")).isEqualTo(1);
            offered = Set.copyOf(tls12(all.getCipherList()));
        }
        assertThat(offered).contains("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384");
        for (String str : STRINGS) {
            List<String> expected = openSsl(str).stream().filter(offered::contains).collect(Collectors.toList());
            try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
                assertThat(ctx.setCipherList(str)).as(str).isEqualTo(1);
                List<SslCipher> list = ctx.getCipherList();
                assertThat(tls12(list)).as("%s on %s", str, engine).containsExactlyElementsOf(expected);
                // TLS 1.3 suites (setCiphersuites) come first, as openssl ciphers prints them.
                int firstTls12 = list.indexOf(SslCipher.of(expected.get(0)));
                assertThat(list.subList(0, firstTls12)).allMatch(c -> c.version().equals("TLSv1.3"));
                assertThat(ctx.getCiphers()).containsSubsequence(expected);
            }
        }
    }

    @EngineTest
    @DisplayName("CIPHER-6 TLS 1.2 handshakes negotiate the first common suite of a setCipherList string: the server's with CIPHER_SERVER_PREFERENCE, else the client's")
    void handshakeNegotiatesFirstCommonSuite(String engine) {
        String serverString = "ECDHE+AESGCM:!aNULL:@STRENGTH";
        try (SslCtx server = TestContexts.server(engine).only("TLSv1.2").configure(c -> {
                    assertThat(c.setCipherList(serverString)).isEqualTo(1);
                    c.setOptions(SslOptions.CIPHER_SERVER_PREFERENCE);
                }).build();
                SslCtx client = TestContexts.client(engine).only("TLSv1.2").build()) {
            List<String> clientOffer = client.getCiphers();
            String expected = tls12(server.getCipherList()).stream()
                    .filter(n -> SslCipher.of(n).authentication().equals("RSA") && clientOffer.contains(n))
                    .findFirst().orElseThrow();
            assertThat(expected).isEqualTo("ECDHE-RSA-AES256-GCM-SHA384");
            try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                assertThat(p.server().getCipherName()).isEqualTo(expected);
                assertThat(p.client().getCipherName()).isEqualTo(expected);
            }
        }
        String clientString = "ECDHE+AES128+AESGCM:ECDHE+AES256+AESGCM";
        try (SslCtx server = TestContexts.server(engine).only("TLSv1.2").build();
                SslCtx client = TestContexts.client(engine).only("TLSv1.2")
                        .configure(c -> assertThat(c.setCipherList(clientString)).isEqualTo(1)).build()) {
            List<String> serverAllows = server.getCiphers();
            String expected = tls12(client.getCipherList()).stream()
                    .filter(n -> SslCipher.of(n).authentication().equals("RSA") && serverAllows.contains(n))
                    .findFirst().orElseThrow();
            assertThat(expected).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
            try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                assertThat(p.server().getCipherName()).isEqualTo(expected);
            }
        }
    }

    @EngineTest
    @DisplayName("CIPHER-7 an unknown cipher name, or a string that selects nothing, gives 0 and no cipher match, and the list stays")
    void selectingNothingIsNoCipherMatch(String engine) {
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            assertThat(ctx.setCipherList("ECDHE-RSA-AES128-GCM-SHA256")).isEqualTo(1);
            for (String str : List.of("NO-SUCH-CIPHER", "ALL:!ALL", "TLS_RSA_WITH_AES_128_CBC_SHA", "ecdhe-rsa-aes128-gcm-sha256",
                    "AES128-SHA+DHE", "")) {
                SslErrorQueue.clear();
                assertThat(ctx.setCipherList(str)).as(str).isZero();
                assertThat(SslErrorQueue.peekLast().reason()).as(str).isEqualTo(SslReason.NO_CIPHER_MATCH);
                assertThat(SslErrorQueue.peekLast().reasonString()).isEqualTo("no cipher match");
            }
            SslErrorQueue.clear();
            assertThat(ctx.setCipherList("ALL:@NOSUCHCOMMAND")).isZero();
            assertThat(SslErrorQueue.peekLast().reason()).isEqualTo(SslReason.INVALID_COMMAND);
            assertThat(tls12(ctx.getCipherList())).containsExactly("ECDHE-RSA-AES128-GCM-SHA256");
        }
    }
}
