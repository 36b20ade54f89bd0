package org.libssl4j.cli.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.libssl4j.Capability;
import org.libssl4j.Engine;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.cli.SpeedMeasurement;
import org.libssl4j.engine.jsse.ProbeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j compare [--engines a,b] [--full] [--out dir]}: the main job. For every engine found (or those
 * named): capabilities side by side; the conformance suite through the JUnit Platform launcher, per behaviour area;
 * the cross-engine interop matrix; interop with the {@code openssl} binary when there is one; speed and idle memory.
 * Prints the comparison, writes {@code report.html}, {@code report.md}, {@code report.json} and the charts to the
 * folder. Exit code 0 when every engine passed every check, 1 when one failed (or the run could not be made),
 * 2 on a usage error.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the TLS engines: capabilities, conformance, interop, speed and idle memory, with a report.",
                "Exit code 0 when every engine passes every check, 1 when one fails, 2 on a usage error."})
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--engines", split = ",", paramLabel = "NAME", description = "the engines to compare (default: every one found)")
    List<String> only;

    @Option(names = "--full", description = "the long version: longer speed runs, more connections, 1000 explored schedules")
    boolean full;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "libssl4j-report", description = "the report's folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--openssl", paramLabel = "FILE", defaultValue = "openssl", description = "the openssl binary for interop (default: openssl on the PATH)")
    String openssl;

    /** Every available engine by name, as Guice binds them ({@code Libssl4jModule}). */
    @com.google.inject.Inject
    Map<String, Engine> byName;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        writable(out);
        Comparison c = new Comparison();
        List<Engine> engines = select(c);
        String opensslVersion = opensslVersion();
        if (opensslVersion != null) {
            c.openssl = opensslVersion;
        } else {
            c.opensslAbsent = "no " + openssl + " binary found (install OpenSSL, or name it with --openssl)";
        }
        environment(c);

        int steps = engines.size() * (opensslVersion != null ? 4 : 3) + 1;
        // Taken now: while the suite runs, System.err is its log file.
        Progress progress = new Progress(System.err, Progress.isTerminal(), steps);
        ProbeIdentity id = ProbeIdentity.create();
        double seconds = full ? 2 : 1;
        int connections = full ? 1000 : 200;
        for (Engine e : engines) {
            progress.start("speed " + e.name());
            try {
                SpeedMeasurement.Result r = SpeedMeasurement.measure(e, id, seconds, 16384, true);
                c.speed.add(r);
                progress.end(String.format("%.0f MB/s, %.0f handshakes/s", r.oursMegabytesPerSecond(), r.oursHandshakesPerSecond()));
            } catch (Exception | AssertionError x) {
                error(c, e, "speed", x);
                progress.end("failed: " + x);
            }
            progress.start("idle memory " + e.name());
            try {
                IdleMemory.Result r = IdleMemory.measure(e, id, connections);
                c.memory.add(r);
                progress.end(String.format("client %.1f KiB, server %.1f KiB", r.clientKib(), r.serverKib()));
            } catch (Exception | AssertionError x) {
                error(c, e, "idle memory", x);
                progress.end("failed: " + x);
            }
        }
        List<String> names = engines.stream().map(Engine::name).toList();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("libssl4j.schedules", String.valueOf(full ? 1000 : 30));
        props.put("libssl4j.faults", String.valueOf(full ? 1000 : 50));
        // The build's counts of these issue-14 tests would add seconds to a comparison; --full runs them. (The shared
        // connections stay at the build's 160: fewer leave bc, which resumes TLS 1.2 only, nothing to resume.)
        props.put("libssl4j.socketSchedules", String.valueOf(full ? 8 : 2));
        props.put("libssl4j.hellos", String.valueOf(full ? 300 : 60));
        // The API checks error-queue hygiene (QUEUE-1) only with assertions on, which this JVM runs without.
        props.put("libssl4j.queueCheck", "optional");
        props.put("libssl4j.openssl", opensslVersion != null ? openssl : "");
        props.put("libssl4j.skipOpenssl", "false");
        Path logs = out.resolve("logs");

        progress.start("interop " + String.join(",", names));
        // The matrix is one parameterized method with no engine of its own: each engine's tally holds every case.
        SuiteResult matrix = SuiteRunner.run(SuiteRunner.INTEROP, names, props, logs.resolve("interop.log"),
                (done, total, running) -> progress.within(total == 0 ? 0 : (double) done / total, running)).get(names.get(0));
        c.addInterop(matrix);
        progress.end(c.interop.stream().filter(i -> i.status() == SuiteResult.Status.PASSED).count() + "/" + c.interop.size() + " passed");

        for (Engine e : engines) {
            suite(progress, "conformance " + e.name(), SuiteRunner.CONFORMANCE, e, props, logs.resolve("conformance-" + e.name() + ".log"), c.conformance);
        }
        if (opensslVersion != null) {
            for (Engine e : engines) {
                suite(progress, "openssl interop " + e.name(), SuiteRunner.OPENSSL, e, props, logs.resolve("openssl-" + e.name() + ".log"), c.opensslInterop);
            }
        }
        c.environment.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        Report report = new Report(c);
        Map<String, byte[]> charts;
        String chartsFailed = null;
        try {
            charts = Charts.draw(c);
        } catch (Exception | Error e) {
            // Java's 2D graphics need fontconfig and one font; a bare container may have neither.
            charts = Map.of();
            chartsFailed = "the charts could not be drawn (" + e + "); a machine without fonts needs fontconfig and "
                    + "a font, e.g. apt-get install fontconfig fonts-dejavu-core";
        }
        List<Path> files = report.write(out, charts);
        progress.finish();

        stdout.print(report.text());
        stdout.println("Report: " + out.toAbsolutePath().resolve("report.html") + " (and report.md, report.json, "
                + String.join(", ", charts.keySet()) + "; the tests' output in logs/)");
        List<String> verdicts = new ArrayList<>();
        for (String n : names) {
            int failures = c.failures(n).size();
            verdicts.add(n + " " + (failures == 0 ? "PASS" : "FAIL (" + failures + ")"));
        }
        stdout.println("Verdict: " + String.join(", ", verdicts));
        stdout.flush();
        if (chartsFailed != null) {
            spec.commandLine().getErr().println("compare: " + chartsFailed);
            return org.libssl4j.cli.Main.FAILED;
        }
        return files.isEmpty() || !c.allPassed() ? org.libssl4j.cli.Main.FAILED : 0;
    }

    /** The engines to compare: every one found, or those named (each must be found and run here). */
    private List<Engine> select(Comparison c) {
        List<EngineInfo> all = Engines.all();
        if (all.isEmpty()) {
            throw new IllegalStateException("no engine found: put libssl4j-engine-jdk (or -bc, -conscrypt) on the class path");
        }
        List<String> found = all.stream().map(EngineInfo::name).toList();
        if (only != null) {
            for (String name : only) {
                EngineInfo e = all.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
                if (e == null) {
                    throw new IllegalArgumentException("--engines " + name + ": no such engine (found: " + String.join(", ", found) + ")");
                }
                if (!e.isAvailable()) {
                    throw new IllegalArgumentException("--engines " + name + ": unavailable here: " + e.unavailableReason());
                }
            }
        }
        List<Engine> engines = new ArrayList<>();
        for (EngineInfo e : all) {
            if (only != null && !only.contains(e.name())) {
                continue;
            }
            EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
            Engine engine = byName.get(e.name());
            if (engine != null) {
                caps.addAll(engine.capabilities());
                engines.add(engine);
            }
            c.engines.add(new Comparison.EngineRow(e.name(), e.version(), engine != null, e.unavailableReason(), caps));
        }
        if (engines.isEmpty()) {
            throw new IllegalStateException("no engine runs here: " + String.join("; ",
                    c.engines.stream().map(r -> r.name() + ": " + r.unavailableReason()).toList()));
        }
        return engines;
    }

    /** Fails at once, not after the run, when the report cannot be written to {@code dir}. */
    private static void writable(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.deleteIfExists(java.nio.file.Files.createTempFile(dir, ".compare", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot write the report there (" + e + ")");
        }
    }

    /** The first line of {@code openssl version}, or null when there is no such binary that runs. */
    private String opensslVersion() {
        try {
            Process p = new ProcessBuilder(openssl, "version").redirectErrorStream(true).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !line.isBlank() ? line.strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void environment(Comparison c) {
        Runtime rt = Runtime.getRuntime();
        c.environment.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        c.environment.put("libssl4j", new org.libssl4j.cli.Main.Version().getVersion()[0]);
        c.environment.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        c.environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        c.environment.put("cores", rt.availableProcessors());
        c.environment.put("max heap MiB", rt.maxMemory() >> 20);
        c.environment.put("openssl", c.openssl != null ? c.openssl : c.opensslAbsent);
        c.environment.put("mode", full ? "--full" : "default (--full for the long version)");
    }

    private static void error(Comparison c, Engine e, String step, Throwable x) {
        c.errors.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(step + ": " + x);
    }

    private static void suite(Progress progress, String step, SuiteRunner.Selection selection, Engine e, Map<String, String> props,
            Path log, Map<String, SuiteResult> into) throws IOException {
        progress.start(step);
        SuiteResult r = SuiteRunner.run(selection, List.of(e.name()), props, log,
                (done, total, running) -> progress.within(total == 0 ? 0 : (double) done / total, running)).get(e.name());
        into.put(e.name(), r);
        SuiteResult.Area t = r.total();
        progress.end(t.passed() + " passed, " + t.skipped() + " skipped, " + t.failed() + " failed");
    }
}
