package org.libssl4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;

/**
 * The way a suite uses {@link TestEngines}: one run of the class per engine found. The source ignores
 * {@code -Dlibssl4j.requireEngines}, which names the real engines of the conformance suite and reaches every
 * module's tests from the command line; {@link TestEnginesTest} checks the requirement itself.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("engines")
class EngineParameterizationTest {
    static java.util.stream.Stream<String> engines() {
        return TestEngines.names(org.libssl4j.Engines.all(), "").stream();
    }

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
