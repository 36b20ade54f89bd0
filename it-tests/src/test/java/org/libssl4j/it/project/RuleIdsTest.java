package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/SEMANTICS.md is the one place where rule IDs are defined: every ID cited in a {@code .java} file of any
 * module or in a README is defined there, exactly once. The grammar is {@link RuleIds}'.
 */
class RuleIdsTest {

    /** An ID no rules file defines, built so that this file's own scan does not find it. */
    private static final String UNDEFINED_RULE = "R" + "99.9";

    @Test
    @DisplayName("every rule ID cited in the sources (main and test, every module) and the READMEs is defined in docs/SEMANTICS.md")
    void everyCitedIdIsDefined() {
        Path root = RuleIds.projectRoot();
        Set<String> defined = RuleIds.definitions(RuleIds.rulesFile()).stream().map(RuleIds.Definition::id)
                .collect(Collectors.toSet());
        Map<String, Set<String>> undefined = new TreeMap<>();
        List<Path> files = RuleIds.citingFiles(root);
        for (Path file : files) {
            Set<String> cited = RuleIds.cited(RuleIds.read(file), file.toString().endsWith(".java"));
            for (String id : RuleIds.undefined(cited, defined)) {
                undefined.computeIfAbsent(id, k -> new TreeSet<>()).add(root.relativize(file).toString());
            }
        }
        assertThat(files).as("files read").hasSizeGreaterThan(100);
        assertThat(undefined).as("IDs cited (and where) that docs/SEMANTICS.md does not define; define them there, "
                + "or fix the citation").isEmpty();
    }

    @Test
    @DisplayName("docs/SEMANTICS.md defines each ID exactly once, every one of the grammar")
    void definedOnce() {
        List<RuleIds.Definition> defs = RuleIds.definitions(RuleIds.rulesFile());
        Map<String, Long> counts = defs.stream().collect(Collectors.groupingBy(RuleIds.Definition::id, TreeMap::new,
                Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("IDs defined more than once").isEmpty();
        assertThat(defs.stream().map(RuleIds.Definition::id).filter(id -> !RuleIds.wellFormed(id)))
                .as("definitions whose ID is not of the grammar").isEmpty();
        assertThat(counts).containsKeys("R01.1", "R15.13", "D1", "D2", "SEED-1", "SEED-20", "NL-EXPLORE", "INTEROP");
        assertThat(RuleIds.coreRules(RuleIds.rulesFile())).contains("R05.3").doesNotContain("R11.2", "R01.3");
    }

    @Test
    @DisplayName("the parsing can fail: a synthetic citation of an undefined rule, family or check is reported")
    void undefinedIsReported() {
        String doc = "- **R05.3** [core] a rule\n- **VERIFY-1** a check\n- **INTEROP** a named check\n";
        Set<String> defined = RuleIds.definitions(doc).stream().map(RuleIds.Definition::id).collect(Collectors.toSet());
        assertThat(defined).containsExactlyInAnyOrder("R05.3", "VERIFY-1", "INTEROP");

        String source = "/** As " + UNDEFINED_RULE + " says, and R05.3, VERIFY-1 and VERIFY-" + "7. */\n"
                + "@DisplayName(\"INTEROP a test\") void a() {}\n"
                + "@DisplayName(\"R05.3 BULK-" + "NOPE another\") void b() {}\n";
        assertThat(RuleIds.undefined(RuleIds.cited(source, true), defined))
                .containsExactly("BULK-" + "NOPE", UNDEFINED_RULE, "VERIFY-" + "7");
        assertThat(RuleIds.undefined(Set.of("R" + "05", "R" + "06"), defined)).containsExactly("R" + "06");
    }

    @Test
    @DisplayName("the grammar: whole IDs only, standards' names and ordinary capitals are not IDs")
    void grammar() {
        Function<String, Set<String>> cited = text -> RuleIds.cited(text, false);
        assertThat(cited.apply("R05.1, R05.10; R09.5-R09.7, R04.1–R04.5 (R07/R08). D2. SEED-3/7, NL-1's"))
                .containsExactly("R05.1", "R05.10", "R09.5", "R09.7", "R04.1", "R04.5", "R07", "R08", "D2", "SEED-3", "NL-1");
        assertThat(cited.apply("SHA-256, AES-128, RSA-2048, UTF-8, ISO-8859-1, P-256, (D)TLS-2.3, TLS_AES_128, "
                + "ECDHE-RSA-AES128-GCM-SHA256, 0xD1, XR05.3, Q5-Q7")).isEmpty();
        assertThat(RuleIds.rulesIn("R05.10 a retry[jdk]")).containsExactly("R05.10");
        assertThat(RuleIds.namedChecks("OPENSSL-INTEROP R07.1 R07.2 our client")).containsExactly("OPENSSL-INTEROP");
        assertThat(RuleIds.namedChecks("R11.2 BULK-RENEG the server")).containsExactly("BULK-RENEG");
        assertThat(RuleIds.namedChecks("OPENSSL-INTEROP SNI: s_server")).containsExactly("OPENSSL-INTEROP");
        assertThat(RuleIds.namedChecks("R08.1 EOF without close_notify")).isEmpty();
        assertThat(RuleIds.namedChecks("README example runs")).isEmpty();
        assertThat(RuleIds.namedChecks("D2 CERTIFICATE_ALERTS is declared")).isEmpty();
        assertThat(RuleIds.wellFormed("R05.3")).isTrue();
        assertThat(RuleIds.wellFormed("R05")).isFalse();
        assertThat(RuleIds.wellFormed("SHA")).isFalse();
    }
}
