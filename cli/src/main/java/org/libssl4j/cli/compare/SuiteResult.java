package org.libssl4j.cli.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of conformance tests gave for one engine, per behaviour area (a test class: {@code WriteTest} is the
 * area {@code Write}): passed, skipped with what the engine lacks, failed with why.
 */
public final class SuiteResult {
    /** One area's counts. */
    public static final class Area {
        int passed;
        int skipped;
        final Map<String, Integer> skippedFor = new TreeMap<>();
        final List<String> failures = new ArrayList<>();

        /** Tests that passed. */
        public int passed() {
            return passed;
        }

        /** Tests skipped: an assumption about the engine did not hold. */
        public int skipped() {
            return skipped;
        }

        /** Tests (or a class's set-up) that failed. */
        public int failed() {
            return failures.size();
        }

        /** Skips by what the engine lacks (a capability's name, else the assumption's message), with their counts. */
        public Map<String, Integer> skippedFor() {
            return Collections.unmodifiableMap(skippedFor);
        }

        /** One line per failure: the test's name and the first line of its message. */
        public List<String> failures() {
            return Collections.unmodifiableList(failures);
        }
    }

    /** One test's outcome: its name (display names from its class down), passed, skipped or failed, and why. */
    public record Test(String area, String name, Status status, String message) {
    }

    /** How a test ended. */
    public enum Status { PASSED, SKIPPED, FAILED }

    private final String engine;
    private final Map<String, Area> areas = new TreeMap<>();
    private final List<Test> tests = new ArrayList<>();
    private double seconds;

    SuiteResult(String engine) {
        this.engine = engine;
    }

    /** The engine the tests ran for. */
    public String engine() {
        return engine;
    }

    /** The areas by name. */
    public Map<String, Area> areas() {
        return Collections.unmodifiableMap(areas);
    }

    /** How long the run took. */
    public double seconds() {
        return seconds;
    }

    void seconds(double s) {
        seconds = s;
    }

    /** Every test, in the order they ended. */
    public List<Test> tests() {
        return Collections.unmodifiableList(tests);
    }

    void add(Test t) {
        tests.add(t);
        Area a = area(t.area());
        switch (t.status()) {
            case PASSED -> a.passed++;
            case SKIPPED -> {
                a.skipped++;
                a.skippedFor.merge(t.message(), 1, Integer::sum);
            }
            case FAILED -> a.failures.add(t.name() + ": " + t.message());
        }
    }

    Area area(String name) {
        return areas.computeIfAbsent(name, n -> new Area());
    }

    /** The sum over the areas. */
    public Area total() {
        Area t = new Area();
        for (Area a : areas.values()) {
            t.passed += a.passed;
            t.skipped += a.skipped;
            a.skippedFor.forEach((k, v) -> t.skippedFor.merge(k, v, Integer::sum));
            t.failures.addAll(a.failures);
        }
        return t;
    }

    /** True when nothing failed and something ran. */
    public boolean ok() {
        Area t = total();
        return t.failed() == 0 && t.passed() > 0;
    }
}
