package org.libssl4j.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.libssl4j.Capability;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;

/**
 * Runs a test class once per engine that {@code ServiceLoader} finds, with JUnit 5's class parameterization:
 *
 * <pre>{@code
 * @ParameterizedClass(name = "[{0}]")
 * @MethodSource("org.libssl4j.testkit.TestEngines#names")
 * class WriteRetryTest {
 *     @Parameter
 *     String engine;
 *
 *     @Test
 *     @DisplayName("R05.1 same-buffer retry continues the write")
 *     void sameBufferRetry() {
 *         TestEngines.assumeCapability(engine, Capability.TLS1_3);
 *         try (TestPair p = TestPair.create(engine)) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>({@code org.junit.jupiter.params.ParameterizedClass}, {@code org.junit.jupiter.params.Parameter},
 * {@code org.junit.jupiter.params.provider.MethodSource}; the field must not be final.) Each run of the
 * class is then named after its engine, {@code [jdk]}; the tests inside it keep their own display names.
 *
 * <p>The system property {@value #REQUIRE_ENGINES_PROPERTY} (comma-separated names; blank means none) lists
 * engines that must be there: CI sets {@code -Dlibssl4j.requireEngines=jdk,bc,conscrypt} so that a silently
 * absent engine fails the build instead of shrinking it. A skip always names the capability it lacks, never the
 * engine ({@link #assumeCapability(String, Capability)}).
 */
public final class TestEngines {
    /** The system property naming the engines that must be available. */
    public static final String REQUIRE_ENGINES_PROPERTY = "libssl4j.requireEngines";
    /**
     * The system property that limits the run to some engines (comma-separated; blank means all found), to run
     * the suite for one engine while working on it: {@code -Dlibssl4j.testEngines=bc}.
     */
    public static final String TEST_ENGINES_PROPERTY = "libssl4j.testEngines";

    private TestEngines() {
    }

    /**
     * The names of the available engines, highest priority first: the source for {@code @MethodSource}.
     *
     * @throws AssertionError if an engine named by {@value #REQUIRE_ENGINES_PROPERTY} was not found or is
     *     unavailable (the message says which and why), or if no engine is available at all: a suite must not
     *     pass having run nothing
     */
    public static Stream<String> names() {
        List<String> only = parse(System.getProperty(TEST_ENGINES_PROPERTY, ""));
        // A run limited to some engines requires only those of the required ones that it runs: a build's
        // -Dlibssl4j.requireEngines reaches every module's tests, a third party's kit run included.
        String required = parse(System.getProperty(REQUIRE_ENGINES_PROPERTY, "")).stream()
                .filter(name -> only.isEmpty() || only.contains(name))
                .collect(Collectors.joining(","));
        List<String> names = names(Engines.all(), required).stream()
                .filter(name -> only.isEmpty() || only.contains(name))
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            throw new AssertionError("-D" + TEST_ENGINES_PROPERTY + "=" + String.join(",", only)
                    + " names no available engine, so no test would run; " + describe(Engines.all()));
        }
        return names.stream();
    }

    /** {@link #names()} over {@code all} engines with the property's value {@code required}; for tests. */
    static List<String> names(List<? extends EngineInfo> all, String required) {
        List<String> problems = new ArrayList<>();
        for (String name : parse(required)) {
            EngineInfo info = all.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
            if (info == null) {
                problems.add("required engine '" + name + "' was not found by ServiceLoader (is its module on the "
                        + "test class path?)");
            } else if (!info.isAvailable()) {
                problems.add("required engine '" + name + "' is unavailable: " + info.unavailableReason());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("; ", problems) + " [-D" + REQUIRE_ENGINES_PROPERTY + "="
                    + required + "; " + describe(all) + "]");
        }
        List<String> names = all.stream().filter(EngineInfo::isAvailable).map(EngineInfo::name)
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            throw new AssertionError("no libssl4j engine is available, so no test would run; " + describe(all));
        }
        return names;
    }

    /**
     * Skips the current test unless {@code engine} has {@code capability}, with the message
     * "engine NAME lacks capability CAPABILITY".
     *
     * @throws IllegalArgumentException if there is no available engine of that name
     */
    public static void assumeCapability(String engine, Capability capability) {
        Assumptions.assumeTrue(Engines.get(engine).has(capability),
                () -> "engine " + engine + " lacks capability " + capability);
    }

    /** The comma-separated names in {@code value}, trimmed, without blanks and repeats. */
    static List<String> parse(String value) {
        return Arrays.stream(value == null ? new String[0] : value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }

    private static String describe(List<? extends EngineInfo> all) {
        if (all.isEmpty()) {
            return "ServiceLoader found no org.libssl4j.spi.EngineProvider";
        }
        return "found: " + all.stream()
                .map(i -> i.isAvailable() ? i.name() + " (available)" : i.name() + " (unavailable: " + i.unavailableReason() + ")")
                .collect(Collectors.joining(", "));
    }
}
