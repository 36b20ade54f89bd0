package org.libssl4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.libssl4j.Engine;
import org.libssl4j.engine.jsse.ProbeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j speed [-engine all|e] [-seconds n] [-bytes n] [-handshakes]}: bulk throughput (and full handshakes
 * per second) in one thread through a {@code BioPair}, libssl4j's {@code Ssl} beside the same engine's raw
 * {@code SSLEngine} ({@link SpeedMeasurement}). A quick look on the machine at hand: JMH in the bench module is the
 * measurement.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Bulk MB/s and handshakes/s per engine: libssl4j beside the raw SSLEngine.")
final class SpeedCommand implements Callable<Integer> {
    @Option(names = "-engine", paramLabel = "NAME", defaultValue = "all", description = "an engine, or all (default)")
    String engine;

    @Option(names = "-seconds", paramLabel = "N", defaultValue = "2", description = "seconds per measurement (default 2)")
    double seconds;

    @Option(names = "-bytes", paramLabel = "N", defaultValue = "16384", description = "bytes per write (default 16384)")
    int bytes;

    @Option(names = "-handshakes", description = "also full handshakes per second")
    boolean handshakes;

    @com.google.inject.Inject
    EngineChoice choice;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || bytes <= 0) {
            throw new IllegalArgumentException("-seconds and -bytes must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Engine> engines = new ArrayList<>();
        if (engine.equals("all")) {
            engines.addAll(choice.all());
        } else {
            engines.add(choice.get(engine));
        }
        ProbeIdentity id = ProbeIdentity.create();
        out.printf("%-10s %-24s %12s %12s %8s%s%n", "engine", "suite", "ours MB/s", "raw MB/s", "ratio",
                handshakes ? String.format(" %10s %10s %8s", "ours hs/s", "raw hs/s", "ratio") : "");
        for (Engine e : engines) {
            SpeedMeasurement.Result r = SpeedMeasurement.measure(e, id, seconds, bytes, handshakes);
            String line = String.format("%-10s %-24s %12.1f %12.1f %8.2f", e.name(), r.openSslSuite(),
                    r.oursMegabytesPerSecond(), r.rawMegabytesPerSecond(), r.oursMegabytesPerSecond() / r.rawMegabytesPerSecond());
            if (handshakes) {
                line += String.format(" %10.1f %10.1f %8.2f", r.oursHandshakesPerSecond(), r.rawHandshakesPerSecond(),
                        r.oursHandshakesPerSecond() / r.rawHandshakesPerSecond());
            }
            out.println(line);
            out.flush();
        }
        return 0;
    }
}
