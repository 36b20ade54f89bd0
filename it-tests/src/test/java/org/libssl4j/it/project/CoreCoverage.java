package org.libssl4j.it.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a surefire run shows of the {@code [core]} rules: for each rule and engine, whether a test case that names
 * both passed. A case names its rules at the start of its name ({@link RuleIds#rulesIn}) and its engine in the
 * bracket that ends it: {@code R05.3 ...[jdk]}, {@code ...[jdk client, TLSv1.3]}, {@code ...[jdk server, 156]}. A
 * case of two engines ({@code [jdk client, bc server, ...]}) counts for neither: a [core] rule is shown by one
 * engine alone.
 */
final class CoreCoverage {
    private static final String ENGINE = "[a-z][a-z0-9_-]*";
    private static final Pattern LAST_BRACKET = Pattern.compile("\\[([^\\[\\]]*)\\]\\s*$");
    private static final Pattern FIRST = Pattern.compile("(" + ENGINE + ")(?: (?:client|server))?");
    private static final Pattern LATER = Pattern.compile("(" + ENGINE + ") (?:client|server)");

    private CoreCoverage() {
    }

    /** How a test case ended. */
    enum Status { PASSED, FAILED, SKIPPED }

    /** One {@code <testcase>} of a report. */
    record Case(String name, Status status) {
    }

    /** The test cases of one surefire XML report. */
    static List<Case> read(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList cases = f.newDocumentBuilder().parse(xml).getElementsByTagName("testcase");
            List<Case> out = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                out.add(new Case(c.getAttribute("name"), status(c)));
            }
            return out;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a surefire report: " + e.getMessage(), e);
        }
    }

    private static Status status(Element testcase) {
        Status s = Status.PASSED;
        for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeName()) {
                case "failure", "error", "rerunFailure", "rerunError" -> s = Status.FAILED;
                case "skipped" -> s = s == Status.FAILED ? s : Status.SKIPPED;
                default -> { }
            }
        }
        return s;
    }

    /** The engines a case's name names: none when it ends in no bracket of engines. */
    static Set<String> engines(String name) {
        Set<String> engines = new LinkedHashSet<>();
        Matcher m = LAST_BRACKET.matcher(name);
        if (!m.find()) {
            return engines;
        }
        String[] parts = m.group(1).split(", ");
        Matcher first = FIRST.matcher(parts[0]);
        if (!first.matches()) {
            return engines;
        }
        engines.add(first.group(1));
        for (int i = 1; i < parts.length; i++) {
            Matcher later = LATER.matcher(parts[i]);
            if (later.matches()) {
                engines.add(later.group(1));
            }
        }
        return engines;
    }

    /** Every engine some case names alone. */
    static Set<String> enginesIn(Collection<Case> cases) {
        Set<String> all = new TreeSet<>();
        for (Case c : cases) {
            all.addAll(engines(c.name()));
        }
        return all;
    }

    /**
     * For each core rule and engine without a passed case naming both, one line saying so and what the cases that
     * name both did. Empty when every rule is covered on every engine.
     */
    static List<String> uncovered(Set<String> coreRules, Set<String> engines, Collection<Case> cases) {
        record Named(Set<String> engines, Set<String> rules, Status status) {
        }
        List<Named> named = new ArrayList<>();
        for (Case c : cases) {
            named.add(new Named(engines(c.name()), RuleIds.rulesIn(c.name()), c.status()));
        }
        List<String> missing = new ArrayList<>();
        for (String rule : new TreeSet<>(coreRules)) {
            for (String engine : new TreeSet<>(engines)) {
                int failed = 0;
                int skipped = 0;
                boolean passed = false;
                for (Named c : named) {
                    if (c.engines().equals(Set.of(engine)) && c.rules().contains(rule)) {
                        switch (c.status()) {
                            case PASSED -> passed = true;
                            case FAILED -> failed++;
                            case SKIPPED -> skipped++;
                        }
                    }
                }
                if (!passed) {
                    missing.add(rule + " on " + engine + ": " + (failed + skipped == 0 ? "no test case names it"
                            : "no test case passed (" + failed + " failed, " + skipped + " skipped)"));
                }
            }
        }
        return missing;
    }
}
