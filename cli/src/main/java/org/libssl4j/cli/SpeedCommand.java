package org.libssl4j.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.bio.BioPair;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.engine.jsse.ProbeIdentity;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j speed [-engine all|e] [-seconds n] [-bytes n] [-handshakes]}: bulk throughput (and full handshakes
 * per second) in one thread through a {@code BioPair}, libssl4j's {@code Ssl} beside the same engine's raw
 * {@code SSLEngine} in a plain wrap/unwrap loop, so the cost of our layer shows as the ratio: after a warm-up of
 * each, the better of two rounds taken in turns. A quick look on the machine at hand: JMH in the bench module is the
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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private String suite;
    private String protocol;

    /** The IANA suite and protocol libssl4j negotiates on {@code e} by default. */
    private static String[] negotiated(Engine e, ProbeIdentity id) {
        SslCtx[] ctx = contexts(e, id);
        Ssl[] ssl = connect(ctx, BioPair.create());
        String[] result = {org.libssl4j.SslCipher.standardName(ssl[0].getCipherName()), ssl[0].getVersion()};
        ssl[0].close();
        ssl[1].close();
        ctx[0].close();
        ctx[1].close();
        return result;
    }

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || bytes <= 0) {
            throw new IllegalArgumentException("-seconds and -bytes must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Engine> engines = new ArrayList<>();
        if (engine.equals("all")) {
            engines.addAll(Engines.available());
        } else {
            engines.add(Engines.get(engine));
        }
        ProbeIdentity id = ProbeIdentity.create();
        long nanos = (long) (seconds * 1e9);
        out.printf("%-10s %-24s %12s %12s %8s%s%n", "engine", "suite", "ours MB/s", "raw MB/s", "ratio",
                handshakes ? String.format(" %10s %10s %8s", "ours hs/s", "raw hs/s", "ratio") : "");
        for (Engine e : engines) {
            JsseEngineFactory raw = rawFactory(e.name());
            // The raw engines are pinned to what libssl4j negotiated on this engine, so both move the same cipher.
            String[] negotiated = negotiated(e, id);
            suite = negotiated[0];
            protocol = negotiated[1];
            long warm = Math.min(nanos / 2, 500_000_000L);
            double[] bulk = side(warm, nanos, t -> oursBulk(e, id, t), raw == null ? null : t -> rawBulk(raw, id, t));
            String line = String.format("%-10s %-24s %12.1f %12.1f %8.2f", e.name(), ssl(suite), bulk[0], bulk[1], bulk[0] / bulk[1]);
            if (handshakes) {
                double[] hs = side(warm, nanos, t -> oursHandshakes(e, id, t), raw == null ? null : t -> rawHandshakes(raw, id, t));
                line += String.format(" %10.1f %10.1f %8.2f", hs[0], hs[1], hs[0] / hs[1]);
            }
            out.println(line);
            out.flush();
        }
        return 0;
    }

    /** One measurement: a rate over {@code nanos}. */
    private interface Measure {
        double run(long nanos) throws Exception;
    }

    /**
     * Ours and raw side by side: a warm-up of each, then the better of two rounds taken in turns, so neither side
     * runs colder; raw is NaN when the engine has no raw form.
     */
    private static double[] side(long warm, long nanos, Measure ours, Measure raw) throws Exception {
        ours.run(warm);
        if (raw != null) {
            raw.run(warm);
        }
        double best = 0;
        double bestRaw = raw != null ? 0 : Double.NaN;
        for (int round = 0; round < 2; round++) {
            best = Math.max(best, ours.run(nanos / 2));
            if (raw != null) {
                bestRaw = Math.max(bestRaw, raw.run(nanos / 2));
            }
        }
        return new double[] {best, bestRaw};
    }

    private static String ssl(String iana) {
        return org.libssl4j.SslCipher.openSslName(iana);
    }

    /** A fresh factory of the engine's provider, for its raw SSLContext; null if it is not JSSE-based. */
    private static JsseEngineFactory rawFactory(String name) throws Exception {
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                EngineFactory f = p.load();
                return f instanceof JsseEngineFactory ? (JsseEngineFactory) f : null;
            }
        }
        return null;
    }

    // ---- libssl4j ------------------------------------------------------------------------------------------

    private static SslCtx[] contexts(Engine e, ProbeIdentity id) {
        SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, e);
        client.setVerify(SslVerify.NONE, null); // the throwaway certificate cannot be trusted; speed, not security
        SslCtx server = SslCtx.newCtx(SslMethod.TLS_SERVER, e);
        server.useCertificate(id.certificate());
        server.usePrivateKey(id.key());
        return new SslCtx[] {client, server};
    }

    private static Ssl[] connect(SslCtx[] ctx, BioPair pair) {
        Ssl c = ctx[0].newSsl();
        Ssl s = ctx[1].newSsl();
        c.setBio(pair.first(), pair.first());
        s.setBio(pair.second(), pair.second());
        c.setConnectState();
        s.setAcceptState();
        int rc = 0;
        int rs = 0;
        for (int i = 0; i < 100 && (rc != 1 || rs != 1); i++) {
            SslErrorQueue.clear();
            if (rc != 1) {
                rc = c.doHandshake();
            }
            if (rs != 1) {
                rs = s.doHandshake();
            }
        }
        if (rc != 1 || rs != 1) {
            throw new IllegalStateException("handshake failed: " + SslErrorQueue.get());
        }
        return new Ssl[] {c, s};
    }

    private double oursBulk(Engine e, ProbeIdentity id, long nanos) {
        SslCtx[] ctx = contexts(e, id);
        BioPair pair = BioPair.create();
        Ssl[] ssl = connect(ctx, pair);
        byte[] data = new byte[bytes];
        byte[] sink = new byte[16384];
        long moved = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            int w;
            while ((w = ssl[0].write(data, 0, data.length)) <= 0) {
                if (ssl[0].getError(w) != SslError.WANT_WRITE) {
                    throw new IllegalStateException("write failed: " + SslErrorQueue.get());
                }
                moved += drain(ssl[1], sink);
            }
            moved += drain(ssl[1], sink);
        }
        double mbps = moved / ((System.nanoTime() - start) / 1e9) / 1e6;
        ssl[0].close();
        ssl[1].close();
        ctx[0].close();
        ctx[1].close();
        return mbps;
    }

    private static long drain(Ssl server, byte[] sink) {
        long n = 0;
        int r;
        while ((r = server.read(sink, 0, sink.length)) > 0) {
            n += r;
        }
        SslErrorQueue.clear();
        return n;
    }

    private static double oursHandshakes(Engine e, ProbeIdentity id, long nanos) {
        SslCtx[] ctx = contexts(e, id);
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Ssl[] ssl = connect(ctx, BioPair.create());
            ssl[0].close();
            ssl[1].close();
            count++;
        }
        ctx[0].close();
        ctx[1].close();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    // ---- the raw SSLEngine ---------------------------------------------------------------------------------

    /** A client and a server engine joined by two buffers, driven by hand. */
    private static final class Raw {
        final SSLEngine client;
        final SSLEngine server;
        final ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        final ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        final ByteBuffer app = ByteBuffer.allocate(1 << 17);

        Raw(SSLContext c, SSLContext s, String suite, String protocol) throws SSLException {
            client = c.createSSLEngine();
            client.setUseClientMode(true);
            client.setEnabledCipherSuites(new String[] {suite});
            client.setEnabledProtocols(new String[] {protocol});
            server = s.createSSLEngine();
            server.setUseClientMode(false);
            client.beginHandshake();
            server.beginHandshake();
            for (int i = 0; i < 100 && !(idle(client) && idle(server) && toServer.position() == 0 && toClient.position() == 0); i++) {
                step(client, toServer, toClient);
                step(server, toClient, toServer);
            }
        }

        private static boolean idle(SSLEngine e) {
            return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
        }

        private void step(SSLEngine e, ByteBuffer out, ByteBuffer in) throws SSLException {
            Runnable task;
            while ((task = e.getDelegatedTask()) != null) {
                task.run();
            }
            while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                if (e.wrap(ByteBuffer.allocate(0), out).bytesProduced() == 0) {
                    break;
                }
            }
            in.flip();
            while (in.hasRemaining()) {
                app.clear();
                SSLEngineResult r = e.unwrap(in, app);
                while ((task = e.getDelegatedTask()) != null) {
                    task.run();
                }
                if (r.bytesConsumed() == 0) {
                    break;
                }
            }
            in.compact();
        }
    }

    private double rawBulk(JsseEngineFactory f, ProbeIdentity id, long nanos) throws Exception {
        Raw raw = new Raw(f.newRawContext(null), f.newRawContext(id), suite, protocol);
        ByteBuffer data = ByteBuffer.allocate(bytes);
        long moved = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            data.clear();
            while (data.hasRemaining()) {
                raw.toServer.clear();
                raw.client.wrap(data, raw.toServer);
                raw.toServer.flip();
                while (raw.toServer.hasRemaining()) {
                    raw.app.clear();
                    SSLEngineResult r = raw.server.unwrap(raw.toServer, raw.app);
                    moved += r.bytesProduced();
                    if (r.bytesConsumed() == 0) {
                        break;
                    }
                }
            }
        }
        return moved / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private double rawHandshakes(JsseEngineFactory f, ProbeIdentity id, long nanos) throws Exception {
        SSLContext c = f.newRawContext(null);
        SSLContext s = f.newRawContext(id);
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            new Raw(c, s, suite, protocol);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
