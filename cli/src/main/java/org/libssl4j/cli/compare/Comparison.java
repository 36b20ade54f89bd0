package org.libssl4j.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libssl4j.Capability;
import org.libssl4j.cli.SpeedMeasurement;

/** Everything one {@code compare} run found, in the order the report shows it. */
final class Comparison {
    /** An engine as found: its provider's version, whether it runs here (or why not), its capabilities. */
    record EngineRow(String name, String version, boolean available, String unavailableReason, Set<Capability> capabilities) {
    }

    /** One case of the cross-engine matrix. */
    record InteropCase(String client, String server, String version, String key, SuiteResult.Status status, String message) {
    }

    private static final Pattern INTEROP_NAME = Pattern.compile("\\[(\\w+) client, (\\w+) server, (TLSv1\\.[0-9]), (\\w+)\\]");

    /** How the run was made: when, on which JVM and machine, and how long. */
    final Map<String, Object> environment = new LinkedHashMap<>();
    final List<EngineRow> engines = new ArrayList<>();
    final Map<String, SuiteResult> conformance = new LinkedHashMap<>();
    final List<InteropCase> interop = new ArrayList<>();
    /** The openssl binary's version line, or null when there is none (then {@link #opensslAbsent} says why). */
    String openssl;
    String opensslAbsent;
    final Map<String, SuiteResult> opensslInterop = new LinkedHashMap<>();
    final List<SpeedMeasurement.Result> speed = new ArrayList<>();
    final List<IdleMemory.Result> memory = new ArrayList<>();
    /** Steps that could not be made for an engine (a measurement that threw), by engine. */
    final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** The engines compared, those available and selected. */
    List<String> compared() {
        return engines.stream().filter(EngineRow::available).map(EngineRow::name).toList();
    }

    /** Adds the matrix's cases from a run of the interop test, by the test's display name. */
    void addInterop(SuiteResult run) {
        for (SuiteResult.Test t : run.tests()) {
            Matcher m = INTEROP_NAME.matcher(t.name());
            if (m.find()) {
                interop.add(new InteropCase(m.group(1), m.group(2), m.group(3), m.group(4), t.status(), t.message()));
            } else if (t.status() == SuiteResult.Status.FAILED) {
                interop.add(new InteropCase("?", "?", "?", "?", t.status(), t.name() + ": " + t.message()));
            }
        }
    }

    /** The failures of {@code engine}, every check: conformance, interop as client or server, openssl interop. */
    List<String> failures(String engine) {
        List<String> f = new ArrayList<>(errors.getOrDefault(engine, List.of()));
        SuiteResult c = conformance.get(engine);
        if (c != null) {
            c.total().failures().forEach(x -> f.add("conformance: " + x));
            if (c.total().passed() == 0) {
                f.add("conformance: no test passed");
            }
        }
        for (InteropCase i : interop) {
            if (i.status() == SuiteResult.Status.FAILED && (i.client().equals(engine) || i.server().equals(engine) || i.client().equals("?"))) {
                f.add("interop " + i.client() + " client, " + i.server() + " server, " + i.version() + ", " + i.key() + ": " + i.message());
            }
        }
        SuiteResult o = opensslInterop.get(engine);
        if (o != null) {
            o.total().failures().forEach(x -> f.add("openssl interop: " + x));
        }
        return f;
    }

    /** True when every compared engine passed every check. */
    boolean allPassed() {
        return compared().stream().allMatch(e -> failures(e).isEmpty());
    }
}
