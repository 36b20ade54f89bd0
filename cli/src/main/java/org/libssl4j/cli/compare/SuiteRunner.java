package org.libssl4j.cli.compare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.libssl4j.Capability;

/**
 * Runs test classes of the conformance kit (it-tests' test classes, in this jar) through the JUnit Platform
 * launcher, in this JVM, as {@code mvn verify} runs them: the engines under test are chosen by the kit's own
 * property {@code libssl4j.testEngines}. What the tests print goes to a log file, not to the terminal.
 */
final class SuiteRunner {
    /** The conformance suite: the kit's top-level test classes, the cross-engine matrix aside. */
    static final Selection CONFORMANCE = new Selection("org\\.libssl4j\\.it\\.[A-Z]\\w*Test", "org\\.libssl4j\\.it\\.InteropTest");
    /** The cross-engine matrix. */
    static final Selection INTEROP = new Selection("org\\.libssl4j\\.it\\.InteropTest", null);
    /** The tests against the {@code openssl} binary's s_server and s_client. */
    static final Selection OPENSSL = new Selection("org\\.libssl4j\\.it\\.openssl\\.\\w*Test", null);

    /** Test classes by name: those matching {@code include} and not {@code exclude}. */
    record Selection(String include, String exclude) {
    }

    private static final Pattern CAPABILITY = Pattern.compile("\\b(has |lacks )?(?:capability )?([A-Z][A-Z0-9_]{2,})\\b");
    private static final Set<String> CAPABILITIES = new HashSet<>();

    static {
        for (Capability c : Capability.values()) {
            CAPABILITIES.add(c.name());
        }
    }

    /** Told how many of the selected classes are done, of how many, and which one runs. */
    interface Listener {
        void progress(int done, int total, String running);
    }

    private SuiteRunner() {
    }

    /**
     * Runs {@code selection} for {@code engines} (comma-separated) with the extra system properties {@code props},
     * tallied per engine (the engine of a test is the {@code [name]} of its class's invocation) and area.
     *
     * @param progress told of each class as it starts and ends
     * @param log where the tests' output goes
     */
    static Map<String, SuiteResult> run(Selection selection, List<String> engines, Map<String, String> props,
            Path log, Listener progress) throws IOException {
        List<DiscoverySelector> selectors = List.of(org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage("org.libssl4j.it"));
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(ClassNameFilter.includeClassNamePatterns(selection.include()));
        if (selection.exclude() != null) {
            b.filters(ClassNameFilter.excludeClassNamePatterns(selection.exclude()));
        }
        LauncherDiscoveryRequest request = b.build();
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, String> all = new LinkedHashMap<>(props);
        all.put("libssl4j.testEngines", String.join(",", engines));
        all.put("libssl4j.requireEngines", "");
        all.forEach((k, v) -> saved.put(k, System.getProperty(k)));
        Files.createDirectories(log.getParent());
        PrintStream out = System.out;
        PrintStream err = System.err;
        Tally tally = new Tally(engines, progress);
        long start = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(log); PrintStream capture = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            all.forEach(System::setProperty);
            System.setOut(capture);
            System.setErr(capture);
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, tally);
        } finally {
            System.setOut(out);
            System.setErr(err);
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        tally.results.values().forEach(r -> r.seconds(seconds));
        return tally.results;
    }

    /**
     * Why a test was skipped, from its assumption's message: the capability the engine lacks ({@code KEY_UPDATE}),
     * or {@code has RENEGOTIATION} for a test of engines without one; else the message's first line.
     */
    static String skipReason(String message) {
        if (message == null || message.isBlank()) {
            return "skipped";
        }
        Matcher m = CAPABILITY.matcher(message);
        while (m.find()) {
            if (CAPABILITIES.contains(m.group(2))) {
                return "has ".equals(m.group(1)) ? "has " + m.group(2) : m.group(2);
            }
        }
        String first = message.lines().findFirst().orElse("").strip();
        return first.startsWith("Assumption failed: ") ? first.substring("Assumption failed: ".length()) : first;
    }

    /** The area of a test class: its simple name without {@code Test}. */
    static String area(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested >= 0) {
            simple = simple.substring(0, nested);
        }
        return simple.endsWith("Test") && simple.length() > 4 ? simple.substring(0, simple.length() - 4) : simple;
    }

    /** Counts results per engine and area, and reports progress by top-level class. */
    private static final class Tally implements TestExecutionListener {
        final Map<String, SuiteResult> results = new LinkedHashMap<>();
        final List<String> engines;
        final Listener progress;
        final Set<String> classes = new HashSet<>();
        TestPlan plan;
        int classesDone;

        Tally(List<String> engines, Listener progress) {
            this.engines = engines;
            this.progress = progress;
            engines.forEach(e -> results.put(e, new SuiteResult(e)));
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier c : testPlan.getChildren(root)) {
                    classes.add(c.getUniqueId());
                }
            }
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (classes.contains(id.getUniqueId())) {
                progress.progress(classesDone, classes.size(), area(className(id).orElse(id.getDisplayName())));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            // A disabled test or container: counted once for its area, for every engine it would have run on.
            String area = className(id).map(SuiteRunner::area).orElse(id.getDisplayName());
            for (String engine : enginesOf(id)) {
                results.get(engine).add(new SuiteResult.Test(area, name(id), SuiteResult.Status.SKIPPED, skipReason(reason)));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (classes.contains(id.getUniqueId())) {
                classesDone++;
                progress.progress(classesDone, classes.size(), "");
            }
            Optional<String> cls = className(id);
            boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
            if (cls.isEmpty() || (!id.isTest() && !failed)) {
                return;
            }
            SuiteResult.Test t = switch (result.getStatus()) {
                case SUCCESSFUL -> new SuiteResult.Test(area(cls.get()), name(id), SuiteResult.Status.PASSED, "");
                case ABORTED -> new SuiteResult.Test(area(cls.get()), name(id), SuiteResult.Status.SKIPPED,
                        skipReason(result.getThrowable().map(Throwable::getMessage).orElse(null)));
                case FAILED -> new SuiteResult.Test(area(cls.get()), name(id), SuiteResult.Status.FAILED,
                        firstLine(result.getThrowable().orElse(null)));
            };
            for (String engine : enginesOf(id)) {
                results.get(engine).add(t);
            }
        }

        /** The engine named by an ancestor's {@code [engine]} (or {@code [engine, TLSv1.3]}) display name; every engine of the run when none is. */
        private List<String> enginesOf(TestIdentifier id) {
            for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
                String engine = engineOf(at.getDisplayName());
                if (engine != null) {
                    return List.of(engine);
                }
            }
            return engines;
        }

        /** The test's display names from its class down, without the engine of its invocation ({@code [TLSv1.3]} stays). */
        private String name(TestIdentifier id) {
            List<String> parts = new ArrayList<>();
            for (TestIdentifier at = id; at != null && at.getParentId().isPresent(); at = plan.getParent(at).orElse(null)) {
                String n = at.getDisplayName();
                String engine = engineOf(n);
                if (engine == null) {
                    parts.add(0, n);
                } else if (n.length() > engine.length() + 2) {
                    parts.add(0, "[" + n.substring(engine.length() + 1, n.length() - 1).strip() + "]");
                }
            }
            return String.join(" > ", parts);
        }

        /** The engine of an invocation named {@code [engine]} or {@code [engine, more]}, if it is one of the run's; else null. */
        private String engineOf(String displayName) {
            if (!displayName.startsWith("[") || !displayName.endsWith("]")) {
                return null;
            }
            String inside = displayName.substring(1, displayName.length() - 1);
            int comma = inside.indexOf(',');
            String engine = comma < 0 ? inside : inside.substring(0, comma);
            return results.containsKey(engine) ? engine : null;
        }

        private static Optional<String> className(TestIdentifier id) {
            TestSource s = id.getSource().orElse(null);
            if (s instanceof MethodSource m) {
                return Optional.of(m.getClassName());
            }
            if (s instanceof ClassSource c) {
                return Optional.of(c.getClassName());
            }
            return Optional.empty();
        }

        private static String firstLine(Throwable t) {
            if (t == null) {
                return "failed";
            }
            String m = t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
            String line = m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
            return line.length() > 200 ? line.substring(0, 197) + "..." : line;
        }
    }
}
