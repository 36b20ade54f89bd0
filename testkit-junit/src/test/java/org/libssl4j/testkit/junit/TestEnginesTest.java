package org.libssl4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.EngineInfo;
import org.libssl4j.SslVersion;
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

    @Test
    void namesAndVersionsGiveEachEngineWithEachVersionNamedAsOpenSsl() {
        List<List<Object>> cases = withoutProperties(() -> TestEngines.namesAndVersions()
                .map(a -> List.of(a.get()[0], ((Named<?>) a.get()[1]).getName(), ((Named<?>) a.get()[1]).getPayload()))
                .collect(Collectors.toList()));
        assertThat(cases).containsExactly(List.of("fake", "TLSv1.3", SslVersion.TLS1_3_VERSION),
                List.of("fake", "TLSv1.2", SslVersion.TLS1_2_VERSION));
    }

    @Test
    void pairsAreEveryClientWithEveryServer() {
        assertThat(withoutProperties(() -> TestEngines.pairs().map(a -> List.of(a.get())).collect(Collectors.toList())))
                .containsExactly(List.of("fake", "fake"));
        assertThat(withoutProperties(() -> TestEngines.pairsWith(Capability.TLS1_2, Capability.TLS1_3)
                .map(a -> List.of(a.get())).collect(Collectors.toList()))).containsExactly(List.of("fake", "fake"));
    }

    @Test
    void aSourceFilteredByCapabilityKeepsTheEnginesThatFit() {
        assertThat(withoutProperties(() -> TestEngines.namesWith(Capability.TLS1_3).collect(Collectors.toList())))
                .containsExactly("fake");
        assertThat(withoutProperties(() -> TestEngines.namesWithout(Capability.RENEGOTIATION).collect(Collectors.toList())))
                .containsExactly("fake");
    }

    @Test
    void aSourceFilteredToNothingGivesOneEngineForTheTestToSkip() {
        assertThat(withoutProperties(() -> TestEngines.namesWith(Capability.RENEGOTIATION).collect(Collectors.toList())))
                .containsExactly("fake");
        assertThat(withoutProperties(() -> TestEngines.namesWithout(Capability.TLS1_2).collect(Collectors.toList())))
                .containsExactly("fake");
        assertThat(withoutProperties(() -> TestEngines.pairsWith(Capability.TLS1_3, Capability.KEY_UPDATE)
                .map(a -> List.of(a.get())).collect(Collectors.toList()))).containsExactly(List.of("fake", "fake"));
    }

    @Test
    void assumeLacksNamesWhatIsThere() {
        TestEngines.assumeLacks("fake", Capability.RENEGOTIATION);
        assertThatThrownBy(() -> TestEngines.assumeLacks("fake", Capability.TLS1_3))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("engine fake has capability TLS1_3; this test is for engines without it");
    }

    /**
     * A test whose capability-filtered source fits no engine is one skipped test that names the capability, as
     * surefire reports it, not one per engine, nor none.
     */
    @Test
    void aTestThatNoEngineCanTakeIsSkippedOnce() {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        withoutProperties(() -> {
            org.junit.platform.launcher.core.LauncherFactory.create().execute(
                    org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                            .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Sample.class))
                            .configurationParameter("junit.jupiter.conditions.deactivate", "*")
                            .build(),
                    new org.junit.platform.launcher.TestExecutionListener() {
                        @Override
                        public void executionFinished(org.junit.platform.launcher.TestIdentifier id,
                                org.junit.platform.engine.TestExecutionResult result) {
                            if (id.isTest()) {
                                events.add(id.getLegacyReportingName() + " " + result.getStatus()
                                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
                            }
                        }
                    });
            return null;
        });
        assertThat(events).containsExactlyInAnyOrder("withTls13(String)[1] SUCCESSFUL",
                "withRenegotiation(String)[1] ABORTED: Assumption failed: engine fake lacks capability RENEGOTIATION");
    }

    /** Run by {@link #aTestThatNoEngineCanTakeIsSkippedOnce} through the launcher, not by surefire. */
    @org.junit.jupiter.api.Disabled("run through the launcher by aTestThatNoEngineCanTakeIsSkippedOnce")
    static class Sample {
        static java.util.stream.Stream<String> tls13() {
            return TestEngines.namesWith(Capability.TLS1_3);
        }

        static java.util.stream.Stream<String> renegotiating() {
            return TestEngines.namesWith(Capability.RENEGOTIATION);
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "[{0}]")
        @org.junit.jupiter.params.provider.MethodSource("tls13")
        void withTls13(String engine) {
            TestEngines.assumeCapability(engine, Capability.TLS1_3);
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "[{0}]")
        @org.junit.jupiter.params.provider.MethodSource("renegotiating")
        void withRenegotiation(String engine) {
            TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
            throw new AssertionError("no engine here renegotiates");
        }
    }

    /** Runs {@code body} with neither engine property set: the build's -D options reach this module's tests too. */
    private static <T> T withoutProperties(java.util.function.Supplier<T> body) {
        String required = System.getProperty(TestEngines.REQUIRE_ENGINES_PROPERTY);
        String only = System.getProperty(TestEngines.TEST_ENGINES_PROPERTY);
        System.clearProperty(TestEngines.REQUIRE_ENGINES_PROPERTY);
        System.clearProperty(TestEngines.TEST_ENGINES_PROPERTY);
        try {
            return body.get();
        } finally {
            restore(TestEngines.REQUIRE_ENGINES_PROPERTY, required);
            restore(TestEngines.TEST_ENGINES_PROPERTY, only);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
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
