package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCipher;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.it.EngineTest;

/**
 * {@code SslCtx.getCiphers()} names and {@code SslCipher.description} against the openssl tool's own
 * ({@code openssl ciphers -v -stdname}): every suite an engine offers has OpenSSL's name and description.
 */
class OpenSslCipherNamesTest extends OpenSslTestBase {
    /** OpenSSL's table: IANA name → its {@code ciphers -v} line (name first). */
    private static final Map<String, String> OPENSSL = new HashMap<>();

    @BeforeAll
    static void openSslTable() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(OpenSslProcess.binary(), "ciphers", "-v", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" - ", 2);
            if (parts.length == 2) {
                OPENSSL.put(parts[0].trim(), parts[1].trim().replaceAll(" +", " "));
            }
        }
        assertThat(OPENSSL).containsKey("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @EngineTest
    @DisplayName("CIPHER-1 every suite an engine offers has OpenSSL's name and OpenSSL's description (SSL_CIPHER_description)")
    void namesAndDescriptionsAreOpenSsls(String engine) {
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            List<String> names = ctx.getCiphers();
            assertThat(names).isNotEmpty();
            for (String name : names) {
                String iana = SslCipher.standardName(name);
                assertThat(OPENSSL).as("OpenSSL knows %s", iana).containsKey(iana);
                assertThat(SslCipher.description(name).replaceAll(" +", " ")).isEqualTo(OPENSSL.get(iana));
            }
        }
    }
}
