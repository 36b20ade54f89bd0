package org.libssl4j.testkit.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.libssl4j.Capability;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.SslVersion;

/**
 * The engines that {@code ServiceLoader} finds, as the arguments of JUnit 5 parameterized tests: alone
 * ({@link #names()}), with each TLS version ({@link #namesAndVersions()}), as client and server pairs
 * ({@link #pairs()}), or only those with (or without) a capability ({@link #namesWith}, {@link #namesWithout},
 * {@link #pairsWith}). A test method, or a whole class:
 *
 * <pre>{@code
 * @ParameterizedTest(name = "[{0}, {1}]")
 * @MethodSource("org.libssl4j.testkit.junit.TestEngines#namesAndVersions")
 * @DisplayName("R05.1 same-buffer retry continues the write")
 * void sameBufferRetry(String engine, int version) {
 *     TestEngines.assumeCapability(engine, Capability.ALPN);
 *     ...
 * }
 *
 * @ParameterizedClass(name = "[{0}]")
 * @MethodSource("org.libssl4j.testkit.junit.TestEngines#names")
 * class WriteRetryTest {
 *     @Parameter
 *     String engine;
 *     ...
 * }
 * }</pre>
 *
 * <p>Each case is then named after its engine (and version: {@code [jdk, TLSv1.3]}), after the test's own display
 * name, which starts with the rule it checks.
 *
 * <p>The system property {@value #REQUIRE_ENGINES_PROPERTY} (comma-separated names; blank means none) lists
 * engines that must be there: CI sets {@code -Dlibssl4j.requireEngines=jdk,bc,conscrypt} so that a silently
 * absent engine fails the build instead of shrinking it. A skip always names the capability it lacks, never the
 * engine ({@link #assumeCapability(String, Capability)}). A source filtered by capability gives only the engines
 * (or pairs) that fit; when none does, it gives one, so that the test skips once instead of once per engine or pair.
 */
public final class TestEngines {
    /** The system property naming the engines that must be available. */
    public static final String REQUIRE_ENGINES_PROPERTY = "libssl4j.requireEngines";
    /**
     * The system property that limits the run to some engines (comma-separated; blank means all found), to run
     * the suite for one engine while working on it: {@code -Dlibssl4j.testEngines=bc}.
     */
    public static final String TEST_ENGINES_PROPERTY = "libssl4j.testEngines";

    /** The TLS versions of {@link #namesAndVersions()}, newest first: TLS 1.3 and TLS 1.2. */
    public static final List<Integer> VERSIONS = List.of(SslVersion.TLS1_3_VERSION, SslVersion.TLS1_2_VERSION);

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
     * Every engine of {@link #names()} with every version of {@link #VERSIONS}, engine by engine: the source for a
     * test taking {@code (String engine, int version)}. The version is {@linkplain Named named} as OpenSSL names it,
     * so that {@code {1}} in the test's name shows {@code TLSv1.3}, and the method receives the version number
     * ({@code SslVersion.TLS1_3_VERSION}).
     */
    public static Stream<Arguments> namesAndVersions() {
        return names().flatMap(engine -> VERSIONS.stream().map(version -> Arguments.of(engine, version(version))));
    }

    /** {@code version} named as OpenSSL names it ({@code TLSv1.3}), for a test's arguments. */
    public static Named<Integer> version(int version) {
        return Named.of(SslVersion.name(version), version);
    }

    /** Every client engine of {@link #names()} with every server engine: {@code (String client, String server)}. */
    public static Stream<Arguments> pairs() {
        List<String> engines = names().collect(Collectors.toList());
        return engines.stream().flatMap(client -> engines.stream().map(server -> Arguments.of(client, server)));
    }

    /**
     * The engines of {@link #names()} that have {@code capability}, for a test that calls
     * {@link #assumeCapability} itself. When none has it, the first engine alone, whose test then skips once, naming
     * the capability, instead of once per engine. (A source that returned nothing would not do: surefire reports no
     * test at all for it.)
     */
    public static Stream<String> namesWith(Capability capability) {
        return orFirst(names().filter(engine -> Engines.get(engine).has(capability)), names());
    }

    /**
     * The engines of {@link #names()} that lack {@code capability}, for a test of the clean refusal that calls
     * {@link #assumeLacks} itself. When every engine has it, the first engine alone, whose test then skips once.
     */
    public static Stream<String> namesWithout(Capability capability) {
        return orFirst(names().filter(engine -> !Engines.get(engine).has(capability)), names());
    }

    /**
     * The pairs of {@link #pairs()} whose client engine has {@code clientCapability} and whose server engine has
     * {@code serverCapability}, for a test that calls {@link #assumeCapability} for each. When there is none, the
     * first pair alone, whose test then skips once, naming the capability.
     */
    public static Stream<Arguments> pairsWith(Capability clientCapability, Capability serverCapability) {
        return orFirst(pairs().filter(pair -> Engines.get((String) pair.get()[0]).has(clientCapability)
                && Engines.get((String) pair.get()[1]).has(serverCapability)), pairs());
    }

    /** The elements of {@code filtered}, or when there are none, the first of {@code all}. */
    private static <T> Stream<T> orFirst(Stream<T> filtered, Stream<T> all) {
        List<T> kept = filtered.collect(Collectors.toList());
        return kept.isEmpty() ? all.limit(1) : kept.stream();
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

    /**
     * Skips the current test if {@code engine} has {@code capability}, for tests of what an engine without it
     * does, with the message "engine NAME has capability CAPABILITY; this test is for engines without it".
     *
     * @throws IllegalArgumentException if there is no available engine of that name
     */
    public static void assumeLacks(String engine, Capability capability) {
        Assumptions.assumeFalse(Engines.get(engine).has(capability),
                () -> "engine " + engine + " has capability " + capability + "; this test is for engines without it");
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
