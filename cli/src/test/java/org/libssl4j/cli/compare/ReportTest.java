package org.libssl4j.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.cli.SpeedMeasurement;

/** The report from a comparison made by hand: a failing engine, odd text, figures not measured. */
class ReportTest {

    private static Comparison comparison() {
        Comparison c = new Comparison();
        c.engines.add(new Comparison.EngineRow("good", "Good 1.0", true, null, EnumSet.of(Capability.TLS1_3)));
        c.engines.add(new Comparison.EngineRow("bad", "Bad <2.0> \"beta\"", true, null, EnumSet.of(Capability.TLS1_2)));
        c.engines.add(new Comparison.EngineRow("gone", "?", false, "no native library", EnumSet.noneOf(Capability.class)));
        SuiteResult good = new SuiteResult("good");
        good.add(new SuiteResult.Test("Write", "R05.1 retry", SuiteResult.Status.PASSED, ""));
        good.add(new SuiteResult.Test("Write", "R05.2 key update", SuiteResult.Status.SKIPPED, "KEY_UPDATE"));
        SuiteResult bad = new SuiteResult("bad");
        bad.add(new SuiteResult.Test("Write", "R05.1 retry", SuiteResult.Status.FAILED, "expected: 1\nbut was: -1"));
        bad.add(new SuiteResult.Test("Read", "R1 read", SuiteResult.Status.PASSED, ""));
        c.conformance.put("good", good);
        c.conformance.put("bad", bad);
        c.interop.add(new Comparison.InteropCase("good", "bad", "TLSv1.3", "RSA", SuiteResult.Status.PASSED, ""));
        c.interop.add(new Comparison.InteropCase("bad", "good", "TLSv1.2", "ECDSA", SuiteResult.Status.FAILED, "handshake failed"));
        c.opensslAbsent = "no openssl binary found";
        c.speed.add(new SpeedMeasurement.Result("good", "TLS_AES_128_GCM_SHA256", "TLSv1.3", 16384, new SpeedMeasurement.Rate(100, 80),
                SpeedMeasurement.Rate.NONE, new SpeedMeasurement.Rate(50, 45), SpeedMeasurement.Rate.NONE));
        c.memory.add(new IdleMemory.Result("good", 10, 12.5, 13.25));
        c.environment.put("java", "17");
        return c;
    }

    @Test
    void aFailureInAnyCheckFailsItsEnginesAndTheRun() {
        Comparison c = comparison();
        assertThat(c.compared()).containsExactly("good", "bad");
        assertThat(c.failures("good")).singleElement().asString().startsWith("interop bad client, good server, TLSv1.2, ECDSA");
        assertThat(c.failures("bad")).hasSize(2).first().asString().startsWith("conformance: R05.1 retry: expected: 1");
        assertThat(c.allPassed()).isFalse();
        c.interop.remove(1);
        c.conformance.remove("bad");
        assertThat(c.allPassed()).isTrue();
    }

    @Test
    void textMarkdownAndHtmlSayTheSame() {
        Report r = new Report(comparison());
        String text = r.text();
        assertThat(text).contains("| good   | Good 1.0").contains("FAIL (2)").contains("not compared")
                .contains("no native library").contains("| Write ").contains("1 passed, 1 skipped").contains("0 passed, 1 FAILED")
                .contains("KEY_UPDATE x1").contains("FAILED on bad: R05.1 retry: expected: 1 but was: -1")
                .contains("Not run: no openssl binary found.").contains("| n/a ").contains("| 100 (80.0) ").contains("12.5").contains("13.3");
        String md = r.markdown(Map.of("throughput.png", new byte[] {1}));
        assertThat(md).contains("## Conformance").contains("![Speed](throughput.png)").doesNotContain("memory.png");
        String html = r.html(Map.of("memory.png", new byte[] {1, 2, 3}));
        assertThat(html).contains("Bad &lt;2.0&gt; &quot;beta&quot;").contains("src=\"data:image/png;base64,AQID\"")
                .contains("<td class=\"fail\">FAIL (2)</td>").doesNotContain("<2.0>");
    }

    @Test
    void jsonEscapesTextAndWritesNullForWhatWasNotMeasured() {
        String json = JsonReport.of(comparison());
        assertThat(json).contains("\"version\": \"Bad <2.0> \\\"beta\\\"\"").contains("\"rawMegabytesPerSecond\": null")
                .contains("\"best\": 100.0").contains("\"worst\": 80.0").contains("\"passed\": false").contains("\"binary\": null")
                .contains("expected: 1\\nbut was: -1").doesNotContain("NaN");
    }

    @Test
    void skipReasonsNameTheCapability() {
        assertThat(SuiteRunner.skipReason("Assumption failed: engine bc lacks capability RENEGOTIATION")).isEqualTo("RENEGOTIATION");
        assertThat(SuiteRunner.skipReason("engine jdk has capability TLS1_3_HALF_CLOSE; this test is for engines without it"))
                .isEqualTo("has TLS1_3_HALF_CLOSE");
        assertThat(SuiteRunner.skipReason("Assumption failed: openssl 1.1 has no -ktls\nmore")).isEqualTo("openssl 1.1 has no -ktls");
        assertThat(SuiteRunner.area("org.libssl4j.it.WriteTest")).isEqualTo("Write");
        assertThat(SuiteRunner.area("org.libssl4j.it.openssl.OpenSslBulkTest$Nested")).isEqualTo("OpenSslBulk");
    }
}
