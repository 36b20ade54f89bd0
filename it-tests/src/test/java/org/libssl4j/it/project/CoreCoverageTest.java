package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CoreCoverage}, the reading behind {@link CoreRulesCoveredIT}, on small reports made here. */
class CoreCoverageTest {

    private static List<CoreCoverage.Case> report(String testcases) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"org.libssl4j.it.WriteTest\" tests=\"9\">\n"
                + testcases + "</testsuite>\n";
        return CoreCoverage.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a core rule that passed on jdk but was skipped on bc is reported for bc, with what happened there")
    void skippedOnOneEngine() throws IOException {
        List<CoreCoverage.Case> cases = report(""
                + "  <testcase name=\"R05.3 a shorter retry is bad length[jdk]\" classname=\"c\" time=\"0.1\"/>\n"
                + "  <testcase name=\"R05.3 a shorter retry is bad length[bc]\" classname=\"c\" time=\"0\">\n"
                + "    <skipped message=\"engine bc lacks capability X\"/>\n"
                + "  </testcase>\n");
        assertThat(CoreCoverage.enginesIn(cases)).containsExactly("bc", "jdk");
        assertThat(CoreCoverage.uncovered(Set.of("R05.3"), CoreCoverage.enginesIn(cases), cases))
                .containsExactly("R05.3 on bc: no test case passed (0 failed, 1 skipped)");
    }

    @Test
    @DisplayName("failed cases, rules never named, engines required but absent, and R05.1 not taken from R05.10 are reported")
    void failuresAndAbsences() throws IOException {
        List<CoreCoverage.Case> cases = report(""
                + "  <testcase name=\"R05.10 shutdown after WANT_WRITE[jdk]\" classname=\"c\"/>\n"
                + "  <testcase name=\"R05.2 another buffer is bad write retry[jdk]\" classname=\"c\">\n"
                + "    <failure message=\"expected: 1\" type=\"AssertionError\">trace</failure>\n"
                + "    <system-out>out</system-out>\n"
                + "  </testcase>\n"
                + "  <testcase name=\"R05.2 another buffer is bad write retry[jdk]\" classname=\"c\">\n"
                + "    <error message=\"boom\" type=\"IllegalStateException\"/>\n"
                + "  </testcase>\n");
        assertThat(cases).extracting(CoreCoverage.Case::status).containsExactly(CoreCoverage.Status.PASSED,
                CoreCoverage.Status.FAILED, CoreCoverage.Status.FAILED);
        assertThat(CoreCoverage.uncovered(Set.of("R05.1", "R05.2", "R05.10"), Set.of("jdk", "conscrypt"), cases))
                .containsExactly(
                        "R05.1 on conscrypt: no test case names it",
                        "R05.1 on jdk: no test case names it",
                        "R05.10 on conscrypt: no test case names it",
                        "R05.2 on conscrypt: no test case names it",
                        "R05.2 on jdk: no test case passed (2 failed, 0 skipped)");
    }

    @Test
    @DisplayName("engines are read from the bracket that ends a case's name; a case of two engines covers neither")
    void enginesOfACase() throws IOException {
        assertThat(CoreCoverage.engines("R05.3 x[jdk]")).containsExactly("jdk");
        assertThat(CoreCoverage.engines("R08.1 y[conscrypt client, TLSv1.3]")).containsExactly("conscrypt");
        assertThat(CoreCoverage.engines("R10.1 R10.2 z R10.1 [bc server, 156]")).containsExactly("bc");
        assertThat(CoreCoverage.engines("INTEROP w[jdk client, bc server, TLSv1.2, RSA]")).containsExactly("jdk", "bc");
        assertThat(CoreCoverage.engines("R07.1 v[jdk client, openssl s_server, TLSv1.3, RSA]")).containsExactly("jdk");
        assertThat(CoreCoverage.engines("SEED-SOCKET u[jdk, TLSv1.3, seed 42]")).containsExactly("jdk");
        assertThat(CoreCoverage.engines("CLOSE-1 close() frees the engine")).isEmpty();
        assertThat(CoreCoverage.engines("entryStillTrue(Difference) jdk JDK-1 alert")).isEmpty();
        List<CoreCoverage.Case> cases = report(""
                + "  <testcase name=\"R07.1 first shutdown returns 0[jdk client, bc server]\" classname=\"c\"/>\n"
                + "  <testcase name=\"R07.1 first shutdown returns 0[bc client, bc server]\" classname=\"c\"/>\n");
        assertThat(CoreCoverage.uncovered(Set.of("R07.1"), Set.of("jdk", "bc"), cases))
                .containsExactly("R07.1 on jdk: no test case names it");
    }
}
