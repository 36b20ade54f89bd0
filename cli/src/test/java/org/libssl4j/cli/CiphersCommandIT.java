package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.cli.EnginesCommandIT.jar;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.libssl4j.cli.EnginesCommandIT.Run;

/** {@code libssl4j ciphers}, run as a user runs it. */
class CiphersCommandIT {

    @Test
    void everyEngineListsItsSuitesWithOpenSslNamesTls13First() throws Exception {
        for (String engine : List.of("jdk", "bc", "conscrypt")) {
            Run r = jar("ciphers", "-engine", engine);
            assertThat(r.exit()).as(engine + ": " + r.err()).isZero();
            String[] names = r.out().trim().split(":");
            assertThat(names).as(engine).contains("TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                    "ECDHE-ECDSA-AES256-GCM-SHA384");
            assertThat(names[0]).as(engine + " lists TLS 1.3 first").startsWith("TLS_");
            assertThat(names).as(engine).noneMatch(n -> n.endsWith("SCSV"));
        }
    }

    @Test
    void verboseDescribesEachSuite() throws Exception {
        Run r = jar("ciphers", "-engine", "jdk", "-v");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^TLS_AES_256_GCM_SHA384 +TLSv1\\.3 +Kx=any +Au=any +Enc=AESGCM\\(256\\) +Mac=AEAD$")
                .containsPattern("(?m)^ECDHE-RSA-AES128-GCM-SHA256 +TLSv1\\.2 +Kx=ECDH +Au=RSA +Enc=AESGCM\\(128\\) +Mac=AEAD$");
    }

    @Test
    void aCipherStringSelects() throws Exception {
        Run r = jar("ciphers", "-engine", "bc", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).endsWith(":ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Run none = jar("ciphers", "-engine", "jdk", "NOT-A-CIPHER");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().trim()).startsWith("ciphers: no cipher match in 'NOT-A-CIPHER'").doesNotContain("\tat ");
        Run engine = jar("ciphers", "-engine", "nope");
        assertThat(engine.exit()).isEqualTo(1);
        assertThat(engine.err().trim()).startsWith("ciphers: no libssl4j engine named 'nope'").contains("found: ");
        assertThat(engine.err().lines().count()).isEqualTo(1);
    }
}
