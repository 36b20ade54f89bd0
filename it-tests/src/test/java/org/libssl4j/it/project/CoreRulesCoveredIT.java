package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every {@code [core]} rule of docs/SEMANTICS.md is named by a test case that passed, neither failed nor skipped, on
 * every engine of the run: the engines the surefire reports name, and every engine of
 * {@code -Dlibssl4j.requireEngines}. Failsafe runs it after surefire in {@code mvn verify}; it reads
 * {@code target/surefire-reports}, and skips, saying why, when surefire did not run the whole suite ({@code -Dtest}
 * given, reports missing).
 */
class CoreRulesCoveredIT {
    private static final Path REPORTS = Path.of("target", "surefire-reports");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");
    /** The conformance suite proper: the test classes of this package (not project, discovery or openssl). */
    private static final String SUITE_PACKAGE = "org.libssl4j.it";

    @Test
    @DisplayName("every [core] rule of docs/SEMANTICS.md has a passing test case on every engine")
    void everyCoreRuleCoveredOnEveryEngine() throws IOException {
        String only = System.getProperty("libssl4j.surefireTest", "");
        skipUnless(only.isBlank() || only.startsWith("${"), "surefire ran only -Dtest=" + only + ", not the whole suite");
        skipUnless(Files.isDirectory(REPORTS), "no surefire reports in " + REPORTS.toAbsolutePath());
        Set<String> missing = suiteClasses();
        missing.removeIf(c -> Files.isRegularFile(REPORTS.resolve("TEST-" + c + ".xml")));
        skipUnless(missing.isEmpty(), "surefire did not run the whole suite: no report for " + missing);

        List<CoreCoverage.Case> cases = new ArrayList<>();
        try (Stream<Path> reports = Files.list(REPORTS)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                    .collect(Collectors.toList())) {
                try (InputStream in = Files.newInputStream(report)) {
                    cases.addAll(CoreCoverage.read(in));
                }
            }
        }
        Set<String> engines = CoreCoverage.enginesIn(cases);
        Arrays.stream(System.getProperty("libssl4j.requireEngines", "").split(",")).map(String::trim)
                .filter(e -> !e.isEmpty() && !e.startsWith("${")).forEach(engines::add);
        Set<String> core = RuleIds.coreRules(RuleIds.rulesFile());
        System.out.printf("CoreRulesCoveredIT: %d [core] rules, engines %s, %d test cases%n", core.size(), engines,
                cases.size());
        assertThat(core).as("[core] rules in docs/SEMANTICS.md").isNotEmpty();
        assertThat(engines).as("engines named in " + REPORTS).isNotEmpty();
        assertThat(CoreCoverage.uncovered(core, engines, cases))
                .as("[core] rules without a passing test case on an engine (docs/SEMANTICS.md: a [core] rule holds on "
                        + "every engine, and a test case naming the rule shows it on each)").isEmpty();
    }

    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("CoreRulesCoveredIT skipped: " + why);
        }
        Assumptions.assumeTrue(condition, why);
    }

    /** The classes of the conformance suite that have tests, each of which a whole surefire run reports. */
    private static Set<String> suiteClasses() throws IOException {
        Set<String> names = new TreeSet<>();
        Path dir = TEST_CLASSES.resolve(SUITE_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.collect(Collectors.toList())) {
                String file = f.getFileName().toString();
                if (!file.endsWith("Test.class") || file.contains("$")) {
                    continue;
                }
                String name = SUITE_PACKAGE + "." + file.substring(0, file.length() - ".class".length());
                try {
                    Class<?> c = Class.forName(name, false, CoreRulesCoveredIT.class.getClassLoader());
                    boolean hasTests = Arrays.stream(c.getDeclaredMethods())
                            .anyMatch(m -> AnnotationSupport.isAnnotated(m, Testable.class));
                    if (hasTests && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                        names.add(name);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IOException("compiled but not loadable: " + name, e);
                }
            }
        }
        return names;
    }
}
