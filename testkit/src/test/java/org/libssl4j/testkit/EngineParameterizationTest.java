package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;

/** The way the conformance suite uses {@link TestEngines}: one run of the class per engine found. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("org.libssl4j.testkit.TestEngines#names")
class EngineParameterizationTest {
    @Parameter
    String engine;

    @Test
    void runsForEachAvailableEngine() {
        assertThat(engine).isEqualTo("fake");
    }

    @Test
    void capabilitiesAreAskedOfTheEngine() {
        TestEngines.assumeCapability(engine, Capability.TLS1_2);
        assertThat(org.libssl4j.Engines.get(engine).has(Capability.TLS1_2)).isTrue();
    }
}
