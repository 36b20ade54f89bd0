package org.libssl4j.bench;

import java.util.ServiceLoader;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.engine.jsse.JsseProbe;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

/**
 * What deciding an engine's capabilities on the running JVM ({@link JsseProbe}) costs a user, for the README: run it
 * in a fresh JVM per engine, since the first probe is the one that pays the provider's class loading.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.libssl4j.bench.ProbeCost jdk</pre>
 *
 * prints the probe's time as the JVM's first TLS work (cold), the first libssl4j handshake after it, and a second
 * probe's time once the provider is warm (what the probe adds to a user's start-up beyond their own first handshake). A start-up figure, not a throughput one: JMH is not the tool for it.
 */
public final class ProbeCost {
    private ProbeCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ProbeCost ENGINE   (jdk, bc or conscrypt)");
            System.exit(2);
        }
        String name = args[0];
        TestIdentity server = TestCerts.serverEc(); // certificates are made before anything is timed
        EngineProvider provider = null;
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                provider = p;
            }
        }
        if (provider == null) {
            System.err.println("no engine named " + name);
            System.exit(2);
        }
        Engine engine = Engines.get(name);
        long start = System.nanoTime();
        engine.capabilities(); // the probe, as the JVM's first TLS work
        double cold = (System.nanoTime() - start) / 1e6;
        long t0 = System.nanoTime();
        try (SslCtx c = TestContexts.client(name).tls13().build();
             SslCtx s = TestContexts.server(name).tls13().identity(server).build();
             TestPair p = TestPair.create(c, s, 0)) {
            p.handshake();
        }
        double first = (System.nanoTime() - t0) / 1e6;
        double warm = probe(provider);
        System.out.printf("%s (%s): probe cold %.0f ms; first handshake after it %.0f ms; probe again %.0f ms%n",
                name, engine.version(), cold, first, warm);
    }

    /** Loads a fresh factory from {@code provider} and returns how long its probe took, in milliseconds. */
    private static double probe(EngineProvider provider) throws Exception {
        EngineFactory f = provider.load();
        if (!(f instanceof JsseEngineFactory) || ((JsseEngineFactory) f).probeResult() == null) {
            throw new IllegalStateException(provider.name() + " does not probe its capabilities");
        }
        return ((JsseEngineFactory) f).probeResult().elapsedNanos() / 1e6;
    }
}
