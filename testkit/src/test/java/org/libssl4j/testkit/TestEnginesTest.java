package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.EngineInfo;
import org.opentest4j.TestAbortedException;

/** Discovery here sees the test engines "fake" (available) and "broken" (unavailable), from META-INF/services. */
class TestEnginesTest {

    @Test
    void namesAreTheAvailableEngines() {
        assertThat(TestEngines.names(List.of(info("a", true), info("b", false), info("c", true)), ""))
                .containsExactly("a", "c");
        assertThat(TestEngines.names(org.libssl4j.Engines.all(), "fake")).containsExactly("fake");
    }

    @Test
    void aRequiredEngineThatIsUnavailableFailsWithItsReason() {
        assertThatThrownBy(() -> TestEngines.names(org.libssl4j.Engines.all(), "fake, broken"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("required engine 'broken' is unavailable: no native library for this platform")
                .hasMessageNotContaining("'fake'");
    }

    @Test
    void aRequiredEngineThatIsMissingFails() {
        assertThatThrownBy(() -> TestEngines.names(List.of(info("jdk", true)), "jdk,conscrypt"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("required engine 'conscrypt' was not found")
                .hasMessageContaining("found: jdk (available)");
    }

    @Test
    void noEngineAtAllFailsRatherThanRunNothing() {
        assertThatThrownBy(() -> TestEngines.names(List.of(), ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no libssl4j engine is available");
        assertThatThrownBy(() -> TestEngines.names(List.of(info("broken", false)), " "))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken (unavailable: down)");
    }

    @Test
    void requiredNamesAreTrimmedAndBlankMeansNone() {
        assertThat(TestEngines.parse(" jdk , bc,,jdk ")).containsExactly("jdk", "bc");
        assertThat(TestEngines.parse("  ")).isEmpty();
        assertThat(TestEngines.parse(null)).isEmpty();
    }

    @Test
    void namesReadsTheSystemProperty() {
        String old = System.getProperty(TestEngines.REQUIRE_ENGINES_PROPERTY);
        try {
            System.setProperty(TestEngines.REQUIRE_ENGINES_PROPERTY, "broken");
            assertThatThrownBy(TestEngines::names).hasMessageContaining("'broken' is unavailable");
            System.clearProperty(TestEngines.REQUIRE_ENGINES_PROPERTY);
            assertThat(TestEngines.names()).containsExactly("fake");
        } finally {
            if (old == null) {
                System.clearProperty(TestEngines.REQUIRE_ENGINES_PROPERTY);
            } else {
                System.setProperty(TestEngines.REQUIRE_ENGINES_PROPERTY, old);
            }
        }
    }

    @Test
    void assumeCapabilityNamesWhatIsMissing() {
        TestEngines.assumeCapability("fake", Capability.TLS1_3);
        assertThatThrownBy(() -> TestEngines.assumeCapability("fake", Capability.RENEGOTIATION))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("engine fake lacks capability RENEGOTIATION");
    }

    private static EngineInfo info(String name, boolean available) {
        return new EngineInfo() {
            @Override public String name() { return name; }
            @Override public boolean isAvailable() { return available; }
            @Override public String unavailableReason() { return available ? null : "down"; }
            @Override public Throwable unavailableCause() { return null; }
            @Override public Set<Capability> capabilities() { return Set.of(); }
            @Override public String version() { return "1"; }
            @Override public int priority() { return 0; }
        };
    }
}
