package org.libssl4j.cli.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.libssl4j.Capability;
import org.libssl4j.cli.EnginesCommand;
import org.libssl4j.cli.SpeedMeasurement;

/**
 * The comparison as sections of prose and tables, written three ways from one source: plain text for the
 * terminal, {@code report.md}, and a self-contained {@code report.html} (styles and charts inline, readable
 * offline). {@code report.json} is {@link JsonReport}.
 */
final class Report {
    /** A titled part of the report: a lead sentence, tables, lines (failures), and a chart. */
    record Section(String title, String lead, List<Table> tables, List<String> lines, String chart) {
    }

    private final Comparison c;
    final List<Section> sections = new ArrayList<>();

    Report(Comparison c) {
        this.c = c;
        build();
    }

    private void build() {
        List<String> names = c.compared();
        Table engines = new Table("engine", "provider", "runs here", "verdict");
        for (Comparison.EngineRow e : c.engines) {
            List<String> f = e.available() ? c.failures(e.name()) : List.of();
            engines.row(e.name(), e.version(), e.available() ? "yes" : "no: " + e.unavailableReason(),
                    !e.available() ? "not compared" : f.isEmpty() ? "PASS" : "FAIL (" + f.size() + ")");
        }
        sections.add(new Section("Engines", "Every engine ServiceLoader found; PASS means every check below passed.",
                List.of(engines), List.of(), null));

        List<String> head = new ArrayList<>(List.of("capability"));
        head.addAll(names);
        head.add("meaning");
        Table caps = new Table(head);
        for (Capability cap : Capability.values()) {
            List<String> row = new ArrayList<>(List.of(cap.name()));
            for (String n : names) {
                row.add(row(n).capabilities().contains(cap) ? "yes" : "-");
            }
            row.add(EnginesCommand.meaning(cap));
            caps.row(row);
        }
        sections.add(new Section("Capabilities", "What each engine promises, decided on this JVM (libssl4j engines -v).",
                List.of(caps), List.of(), null));

        sections.add(suiteSection("Conformance", "The conformance suite (the it-tests classes a third-party engine runs too), "
                + "per behaviour area: tests passed, skipped because the engine lacks a capability, failed.", c.conformance));

        sections.add(interopSection());

        if (c.openssl != null) {
            sections.add(suiteSection("Interop with OpenSSL", "The suite's tests against the openssl binary's s_server and "
                    + "s_client (" + c.openssl + "), per area.", c.opensslInterop));
        } else {
            sections.add(new Section("Interop with OpenSSL", "Not run: " + c.opensslAbsent + ".", List.of(), List.of(), null));
        }

        Table speed = new Table("engine", "protocol", "suite", "ours MB/s", "raw MB/s", "ratio", "ours hs/s", "raw hs/s", "ratio");
        for (SpeedMeasurement.Result r : c.speed) {
            speed.row(r.engine(), r.protocol(), r.openSslSuite(), rate(r.oursBulk()), rate(r.rawBulk()),
                    ratio(r.oursMegabytesPerSecond(), r.rawMegabytesPerSecond()), rate(r.oursHandshakes()),
                    rate(r.rawHandshakes()), ratio(r.oursHandshakesPerSecond(), r.rawHandshakesPerSecond()));
        }
        sections.add(new Section("Speed", "One thread through a BioPair: libssl4j's Ssl beside the same engine's raw SSLEngine "
                + "pinned to the same suite; the best of three rounds taken in turns after a warm-up, the worst in brackets "
                + "(ratio = best ours / best raw). Short rounds on a shared machine spread widely (JIT, GC): a quick look; "
                + "the bench module's JMH runs are the measurement.", List.of(speed), List.of(), "throughput.png"));
        if (c.speed.stream().anyMatch(r -> !Double.isNaN(r.oursHandshakesPerSecond()))) {
            sections.add(new Section("Handshakes", "Full handshakes (no resumption), client and server in one thread.",
                    List.of(), List.of(), "handshakes.png"));
        }

        Table memory = new Table("engine", "connections", "client KiB", "server KiB");
        for (IdleMemory.Result m : c.memory) {
            memory.row(m.engine(), String.valueOf(m.connections()), num(m.clientKib()), num(m.serverKib()));
        }
        sections.add(new Section("Idle memory", "Java heap held per idle connection (handshake done, nothing in flight), after "
                + "full collections; native memory (Conscrypt's BoringSSL state) is not on the Java heap and not counted.",
                List.of(memory), List.of(), "memory.png"));

        Table env = new Table("", "");
        c.environment.forEach((k, v) -> env.row(k, String.valueOf(v)));
        sections.add(new Section("Environment", "", List.of(env), List.of(), null));
    }

    private Comparison.EngineRow row(String name) {
        return c.engines.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private Section suiteSection(String title, String lead, Map<String, SuiteResult> results) {
        List<String> head = new ArrayList<>(List.of("area"));
        head.addAll(results.keySet());
        Table t = new Table(head);
        List<String> areas = results.values().stream().flatMap(r -> r.areas().keySet().stream()).distinct().sorted().toList();
        for (String area : areas) {
            List<String> row = new ArrayList<>(List.of(area));
            results.values().forEach(r -> row.add(cell(r.areas().get(area))));
            t.row(row);
        }
        List<String> total = new ArrayList<>(List.of("total"));
        results.values().forEach(r -> total.add(cell(r.total()) + String.format(" (%.0f s)", r.seconds())));
        t.row(total);
        Table skipped = new Table("engine", "skipped: the capability lacked (has X: a test for engines without X), times");
        List<String> failures = new ArrayList<>();
        results.forEach((engine, r) -> {
            Map<String, Integer> why = r.total().skippedFor();
            if (!why.isEmpty()) {
                skipped.row(engine, why.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
            }
            r.total().failures().forEach(f -> failures.add("FAILED on " + engine + ": " + f.replace('\n', ' ')));
        });
        List<Table> tables = skipped.isEmpty() ? List.of(t) : List.of(t, skipped);
        return new Section(title, lead, tables, failures, null);
    }

    private static String cell(SuiteResult.Area a) {
        if (a == null) {
            return "-";
        }
        String s = a.passed() + " passed";
        if (a.skipped() > 0) {
            s += ", " + a.skipped() + " skipped";
        }
        if (a.failed() > 0) {
            s += ", " + a.failed() + " FAILED";
        }
        return s;
    }

    private Section interopSection() {
        List<String> names = c.compared();
        List<String> head = new ArrayList<>(List.of("client \\ server"));
        head.addAll(names);
        Table t = new Table(head);
        List<String> failures = new ArrayList<>();
        for (String client : names) {
            List<String> row = new ArrayList<>(List.of(client));
            for (String server : names) {
                List<Comparison.InteropCase> cell = c.interop.stream()
                        .filter(i -> i.client().equals(client) && i.server().equals(server)).toList();
                long passed = cell.stream().filter(i -> i.status() == SuiteResult.Status.PASSED).count();
                long failed = cell.stream().filter(i -> i.status() == SuiteResult.Status.FAILED).count();
                row.add(cell.isEmpty() ? "-" : passed + "/" + cell.size() + (failed > 0 ? " FAILED" : ""));
            }
            t.row(row);
        }
        for (Comparison.InteropCase i : c.interop) {
            if (i.status() == SuiteResult.Status.FAILED) {
                failures.add("FAILED: " + i.client() + " client, " + i.server() + " server, " + i.version() + ", " + i.key() + ": " + i.message().replace('\n', ' '));
            }
        }
        return new Section("Interop between engines", "Every client engine with every server engine, TLS 1.2 and 1.3, RSA and "
                + "ECDSA certificates (4 cases a cell): handshake, 4 MiB each way checked by SHA-256, close_notify both ways.",
                List.of(t), failures, null);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }

    private static String rate(SpeedMeasurement.Rate r) {
        return Double.isNaN(r.best()) ? "n/a" : num(r.best()) + " (" + num(r.worst()) + ")";
    }

    private static String ratio(double ours, double raw) {
        return Double.isNaN(ours) || Double.isNaN(raw) || raw == 0 ? "n/a" : String.format("%.2f", ours / raw);
    }

    /** The report as plain text for the terminal: the Markdown tables without the charts. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            b.append(s.title()).append('\n');
            if (!s.lead().isEmpty()) {
                b.append(s.lead()).append('\n');
            }
            s.tables().forEach(t -> b.append(t.markdown()));
            s.lines().forEach(l -> b.append(l).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    /** {@code report.md}, with the charts as images beside it. */
    String markdown(Map<String, byte[]> charts) {
        StringBuilder b = new StringBuilder("# libssl4j compare\n\n");
        for (Section s : sections) {
            b.append("## ").append(s.title()).append("\n\n");
            if (!s.lead().isEmpty()) {
                b.append(s.lead()).append("\n\n");
            }
            s.tables().forEach(t -> b.append(t.markdown()).append('\n'));
            s.lines().forEach(l -> b.append("- ").append(l).append('\n'));
            if (!s.lines().isEmpty()) {
                b.append('\n');
            }
            if (s.chart() != null && charts.containsKey(s.chart())) {
                b.append("![").append(s.title()).append("](").append(s.chart()).append(")\n\n");
            }
        }
        return b.toString();
    }

    /** {@code report.html}: one file, the charts inline as data URIs. */
    String html(Map<String, byte[]> charts) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>libssl4j compare</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#1a202c;padding:0 1em}
                table{border-collapse:collapse;margin:.5em 0 1em}
                th,td{border:1px solid #cbd5e0;padding:.25em .6em;text-align:left;vertical-align:top;font-size:.92em}
                th{background:#edf2f7} td.yes{color:#276749} td.fail{color:#c53030;font-weight:bold}
                li.fail{color:#c53030} img{max-width:100%;border:1px solid #e2e8f0}
                </style></head><body>
                <h1>libssl4j compare</h1>
                """);
        for (Section s : sections) {
            b.append("<h2>").append(Table.Html.escape(s.title())).append("</h2>\n");
            if (!s.lead().isEmpty()) {
                b.append("<p>").append(Table.Html.escape(s.lead())).append("</p>\n");
            }
            s.tables().forEach(t -> b.append(t.html()));
            if (!s.lines().isEmpty()) {
                b.append("<ul>\n");
                s.lines().forEach(l -> b.append("<li class=\"fail\">").append(Table.Html.escape(l)).append("</li>\n"));
                b.append("</ul>\n");
            }
            if (s.chart() != null && charts.containsKey(s.chart())) {
                b.append("<p><img alt=\"").append(Table.Html.escape(s.title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(charts.get(s.chart()))).append("\"></p>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    /** Writes report.html, report.md, report.json and the charts into {@code dir}; returns the files written. */
    List<Path> write(Path dir, Map<String, byte[]> charts) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve("report.html"), html(charts), StandardCharsets.UTF_8));
        written.add(Files.writeString(dir.resolve("report.md"), markdown(charts), StandardCharsets.UTF_8));
        written.add(Files.writeString(dir.resolve("report.json"), JsonReport.of(c), StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
            written.add(Files.write(dir.resolve(chart.getKey()), chart.getValue()));
        }
        return written;
    }
}
