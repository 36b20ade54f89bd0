package org.libssl4j.it.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The grammar of rule IDs, in one place, and the reading of docs/SEMANTICS.md, where every ID is defined (its section
 * 9 says the same in words). {@link RuleIdsTest} checks the citations with it, {@link CoreRulesCoveredIT} the
 * surefire reports.
 */
final class RuleIds {
    /** A rule of libssl semantics: {@code R05.3}. */
    static final String RULE = "R\\d{2}\\.\\d+";
    /** A group of rules, cited as a whole: {@code R05}. Defined when one of its rules is. */
    static final String GROUP = "R\\d{2}";
    /** A deliberate difference from OpenSSL: {@code D1}. */
    static final String DEVIATION = "D\\d+";
    /** A numbered rule of another family: {@code SEED-12}, {@code NL-8}, {@code VERIFY-2}, {@code BC-1}. */
    static final String NUMBERED = "[A-Z]{2,}(?:-[A-Z]{2,})*-\\d+";
    /** A named check, read only from test display names: {@code INTEROP}, {@code BULK-RENEG}. */
    static final String NAMED = "[A-Z]{2,}(?:-[A-Z]{2,})*";

    /**
     * Words of an ID's shape that are not IDs: standards' names ({@code SHA-256}, {@code AES-128}, {@code RSA-2048},
     * {@code UTF-8}, {@code ISO-8859-1}) and a display name's first word that is no check's name.
     */
    static final Set<String> NOT_IDS = Set.of("SHA", "AES", "RSA", "UTF", "ISO", "README");

    /** The numbered forms anywhere in a text; not inside a word, and not a number followed by a decimal (TLS-2.3). */
    private static final Pattern CITED = Pattern.compile(
            "(?<![\\w.])(" + RULE + "|" + GROUP + "|" + DEVIATION + "|" + NUMBERED + ")(?!\\w|\\.\\d)");
    private static final Pattern NUMBERED_ID = Pattern.compile(RULE + "|" + GROUP + "|" + DEVIATION + "|" + NUMBERED);
    private static final Pattern NAMED_ID = Pattern.compile(NAMED);
    private static final Pattern RULE_ID = Pattern.compile(RULE);
    private static final Pattern DISPLAY_NAME =
            Pattern.compile("@(?:org\\.junit\\.jupiter\\.api\\.)?DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A definition in docs/SEMANTICS.md: a list item that starts with the ID in bold, then maybe its tag. */
    private static final Pattern DEFINITION = Pattern.compile("^- \\*\\*([A-Z][A-Z0-9.-]*)\\*\\*(?: \\[([^\\]]+)\\])?");

    private RuleIds() {
    }

    /** One ID defined in the rules file, with its tag ({@code core}, {@code cap: renegotiation}, ...) or null. */
    record Definition(String id, String tag) {
    }

    /**
     * The IDs a file cites: the numbered forms anywhere, and, in a {@code .java} file, the named checks that begin
     * a {@code @DisplayName} (its first word, or a hyphenated word among the IDs it starts with).
     */
    static Set<String> cited(String text, boolean java) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CITED.matcher(text);
        while (m.find()) {
            String id = m.group(1);
            if (!NOT_IDS.contains(id.substring(0, id.indexOf('-') < 0 ? id.length() : id.indexOf('-')))) {
                ids.add(id);
            }
        }
        if (java) {
            Matcher d = DISPLAY_NAME.matcher(text);
            while (d.find()) {
                ids.addAll(namedChecks(d.group(1)));
            }
        }
        return ids;
    }

    /** The named checks a display name begins with: {@code INTEROP ...}, {@code R11.2 BULK-RENEG ...}. */
    static List<String> namedChecks(String displayName) {
        List<String> named = new ArrayList<>();
        String[] words = displayName.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (NUMBERED_ID.matcher(w).matches()) {
                continue;
            }
            if (NAMED_ID.matcher(w).matches() && (i == 0 || w.contains("-")) && !NOT_IDS.contains(w)) {
                named.add(w);
                continue;
            }
            break;
        }
        return named;
    }

    /** The rules ({@code Rnn.m}) a test case's name cites, as whole IDs: R05.1 is not in "R05.10". */
    static Set<String> rulesIn(String testName) {
        return cited(testName, false).stream().filter(id -> RULE_ID.matcher(id).matches())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every definition in the rules file, in order, duplicates kept; fenced blocks (the appendix) are not read. */
    static List<Definition> definitions(String doc) {
        List<Definition> defs = new ArrayList<>();
        boolean fenced = false;
        for (String line : doc.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = DEFINITION.matcher(line);
            if (!fenced && m.find()) {
                defs.add(new Definition(m.group(1), m.group(2)));
            }
        }
        return defs;
    }

    /** Whether a defined ID is of the grammar (a numbered form, not a group, or a named check). */
    static boolean wellFormed(String id) {
        return (NUMBERED_ID.matcher(id).matches() && !id.matches(GROUP) || NAMED_ID.matcher(id).matches())
                && !NOT_IDS.contains(id);
    }

    /** The cited IDs that no definition covers; a group {@code Rnn} is covered by any {@code Rnn.m}. */
    static Set<String> undefined(Set<String> cited, Set<String> defined) {
        Set<String> missing = new TreeSet<>();
        for (String id : cited) {
            boolean ok = id.matches(GROUP) ? defined.stream().anyMatch(d -> d.startsWith(id + ".")) : defined.contains(id);
            if (!ok) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** The {@code [core]} rules of the rules file. */
    static Set<String> coreRules(String doc) {
        return definitions(doc).stream().filter(d -> "core".equals(d.tag())).map(Definition::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The project's root: the parent of the module directory the tests run in. */
    static Path projectRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("it-tests"))) {
            throw new IllegalStateException("not the project root (tests run in the it-tests module): " + root);
        }
        return root;
    }

    /** docs/SEMANTICS.md, read. */
    static String rulesFile() {
        return read(projectRoot().resolve("docs").resolve("SEMANTICS.md"));
    }

    /** Every {@code .java} file under a {@code src} directory of any module, and every README.md, outside target/. */
    static List<Path> citingFiles(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                Path rel = root.relativize(p);
                for (Path part : rel) {
                    String s = part.toString();
                    if (s.equals("target") || s.startsWith(".")) {
                        return false;
                    }
                }
                String name = p.getFileName().toString();
                return name.equals("README.md") || name.endsWith(".java") && rel.toString().contains("src");
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
