package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The resolver against {@code openssl ciphers -v} (OpenSSL 3.0.19), captured by capture-openssl-ciphers.sh into
 * openssl-ciphers-v.txt for the strings of cipher-strings.txt.
 */
class CipherStringsTest {
    /** OpenSSL's default TLS 1.3 ciphersuites, which {@code openssl ciphers} prints before the others. */
    private static final List<String> TLS13 = List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256");

    static Map<String, List<String>> captured() throws IOException {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CipherStringsTest.class.getResourceAsStream("openssl-ciphers-v.txt"), StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("> ")) {
                    current = new ArrayList<>();
                    cases.put(line.substring(2), current);
                } else if (current != null) {
                    current.add(line);
                }
            }
        }
        return cases;
    }

    private static String norm(String line) {
        return line.trim().replaceAll(" +", " ");
    }

    @TestFactory
    @DisplayName("CIPHER-4 each cipher string resolves as openssl ciphers -v resolves it (captured)")
    List<DynamicTest> resolvesAsOpenSsl() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : captured().entrySet()) {
            String str = c.getKey();
            tests.add(DynamicTest.dynamicTest("CIPHER-4 " + str, () -> {
                List<String> expected = c.getValue().stream().map(CipherStringsTest::norm).collect(Collectors.toList());
                boolean supportedOnly = str.startsWith("-s ");
                CipherStrings.Result r = CipherStrings.resolve(supportedOnly ? str.substring(3) : str, null);
                if (expected.equals(List.of("! ERROR"))) {
                    assertThat(r.ok()).as("%s fails", str).isFalse();
                    assertThat(r.suites()).isEmpty();
                    return;
                }
                assertThat(r.ok()).as("%s resolves", str).isTrue();
                List<String> actual = new ArrayList<>();
                if (supportedOnly) {
                    // -s: what a connection may use: the security level's suites, without PSK and SRP (no callbacks).
                    expected = expected.stream().filter(l -> !l.contains("TLSv1.3")).collect(Collectors.toList());
                    for (CipherSuites.Suite s : r.suites()) {
                        if (s.allowedAt(r.securityLevel()) && s.auBit() != CipherSuites.A_PSK
                                && s.auBit() != CipherSuites.A_SRP && (s.kxBit() & (CipherSuites.K_RSAPSK
                                | CipherSuites.K_SRP)) == 0) {
                            actual.add(norm(s.description()));
                        }
                    }
                } else {
                    TLS13.forEach(n -> actual.add(norm(CipherSuites.byName(n).description())));
                    r.suites().forEach(s -> actual.add(norm(s.description())));
                }
                assertThat(actual).as(str).containsExactlyElementsOf(expected);
            }));
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests;
    }

    @Test
    @DisplayName("CIPHER-4 a string resolves against the suites an engine has: the same order, without the others")
    void restrictedToAvailable() {
        List<CipherSuites.Suite> some = List.of(CipherSuites.byName("AES128-SHA"),
                CipherSuites.byName("ECDHE-RSA-AES128-GCM-SHA256"), CipherSuites.byName("ECDHE-RSA-AES256-SHA"));
        assertThat(CipherStrings.resolve("kRSA:ECDHE+AES", some).suites()).extracting(CipherSuites.Suite::name)
                .containsExactly("AES128-SHA", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-SHA");
        assertThat(CipherStrings.resolve("CAMELLIA:ECDHE-ECDSA-AES128-SHA", some).ok()).isFalse();
    }
}
