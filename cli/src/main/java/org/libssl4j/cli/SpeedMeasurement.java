package org.libssl4j.cli;

import java.nio.ByteBuffer;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.libssl4j.Engine;
import org.libssl4j.Ssl;
import org.libssl4j.SslCipher;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.bio.BioPair;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.engine.jsse.ProbeIdentity;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * Bulk throughput and full handshakes per second of one engine, in one thread through a {@code BioPair}:
 * libssl4j's {@code Ssl} beside the same engine's raw {@code SSLEngine} in a plain wrap/unwrap loop, pinned to the
 * suite and protocol libssl4j negotiated, so the cost of our layer shows as the ratio. Each figure is the better of
 * three rounds taken in turns after a warm-up
 * of each, with the worst round beside it to show the spread. What {@code speed} prints and {@code compare} reports.
 */
public final class SpeedMeasurement {
    /** A rate measured over several rounds: the best round, and the worst, which shows the spread. */
    public record Rate(double best, double worst) {
        /** Not measured. */
        public static final Rate NONE = new Rate(Double.NaN, Double.NaN);

        boolean measured() {
            return !Double.isNaN(best);
        }
    }

    /**
     * One engine's figures; the raw ones are {@link Rate#NONE} when the engine is not JSSE-based, the handshake ones
     * when they were not measured.
     */
    public record Result(String engine, String suite, String protocol, int bytesPerWrite,
            Rate oursBulk, Rate rawBulk, Rate oursHandshakes, Rate rawHandshakes) {
        /** OpenSSL's name of the suite. */
        public String openSslSuite() {
            return SslCipher.openSslName(suite);
        }

        /** libssl4j's best bulk rate, MB/s. */
        public double oursMegabytesPerSecond() {
            return oursBulk.best();
        }

        /** The raw SSLEngine's best bulk rate, MB/s; NaN if not measured. */
        public double rawMegabytesPerSecond() {
            return rawBulk.best();
        }

        /** libssl4j's best handshake rate; NaN if not measured. */
        public double oursHandshakesPerSecond() {
            return oursHandshakes.best();
        }

        /** The raw SSLEngine's best handshake rate; NaN if not measured. */
        public double rawHandshakesPerSecond() {
            return rawHandshakes.best();
        }
    }

    /** Rounds per figure, ours and raw taken in turns. */
    private static final int ROUNDS = 3;

    private final Engine engine;
    private final ProbeIdentity id;
    private final int bytes;
    private final String suite;
    private final String protocol;
    private JsseEngineFactory raw;
    private boolean rawLooked;

    private SpeedMeasurement(Engine engine, ProbeIdentity id, int bytes) {
        this.engine = engine;
        this.id = id;
        this.bytes = bytes;
        // The raw engines are pinned to what libssl4j negotiated on this engine, so both move the same cipher.
        String[] negotiated = negotiated(engine, id);
        this.suite = negotiated[0];
        this.protocol = negotiated[1];
    }

    /**
     * Measures {@code engine}: {@code seconds} per figure, writes of {@code bytes}, and handshakes if asked.
     *
     * @throws IllegalArgumentException if {@code seconds} or {@code bytes} is not positive
     */
    public static Result measure(Engine engine, ProbeIdentity id, double seconds, int bytes, boolean handshakes) throws Exception {
        if (!(seconds > 0) || bytes <= 0) {
            throw new IllegalArgumentException("seconds and bytes must be positive");
        }
        SpeedMeasurement m = new SpeedMeasurement(engine, id, bytes);
        long nanos = (long) (seconds * 1e9);
        long warm = Math.min(nanos / 2, 500_000_000L);
        boolean hasRaw = m.raw() != null;
        Rate[] bulk = side(warm, nanos, m::oursBulk, hasRaw ? m::rawBulk : null);
        Rate[] hs = handshakes ? side(warm, nanos, m::oursHandshakes, hasRaw ? m::rawHandshakes : null)
                : new Rate[] {Rate.NONE, Rate.NONE};
        return new Result(engine.name(), m.suite, m.protocol, bytes, bulk[0], bulk[1], hs[0], hs[1]);
    }

    /** The IANA suite and protocol libssl4j negotiates on {@code e} by default. */
    private static String[] negotiated(Engine e, ProbeIdentity id) {
        SslCtx[] ctx = MeasuredPair.contexts(e, id);
        Ssl[] ssl = MeasuredPair.connect(ctx, BioPair.create());
        String[] result = {SslCipher.standardName(ssl[0].getCipherName()), ssl[0].getVersion()};
        ssl[0].close();
        ssl[1].close();
        ctx[0].close();
        ctx[1].close();
        return result;
    }

    /** A fresh factory of the engine's provider, for its raw SSLContext; null if it is not JSSE-based. */
    private JsseEngineFactory raw() throws Exception {
        if (!rawLooked) {
            rawLooked = true;
            for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
                if (p.name().equals(engine.name())) {
                    EngineFactory f = p.load();
                    raw = f instanceof JsseEngineFactory ? (JsseEngineFactory) f : null;
                }
            }
        }
        return raw;
    }

    /** One measurement: a rate over {@code nanos}. */
    private interface Measure {
        double run(long nanos) throws Exception;
    }

    /**
     * Ours and raw side by side: a warm-up of each, then rounds taken in turns, so neither side runs colder; raw is
     * {@link Rate#NONE} when the engine has no raw form.
     */
    private static Rate[] side(long warm, long nanos, Measure ours, Measure raw) throws Exception {
        ours.run(warm);
        if (raw != null) {
            raw.run(warm);
        }
        double[] o = new double[ROUNDS];
        double[] r = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            o[round] = ours.run(nanos / ROUNDS);
            r[round] = raw != null ? raw.run(nanos / ROUNDS) : Double.NaN;
        }
        return new Rate[] {rate(o), raw != null ? rate(r) : Rate.NONE};
    }

    private static Rate rate(double[] rounds) {
        return new Rate(java.util.Arrays.stream(rounds).max().orElseThrow(), java.util.Arrays.stream(rounds).min().orElseThrow());
    }

    // ---- libssl4j ------------------------------------------------------------------------------------------

    private double oursBulk(long nanos) {
        SslCtx[] ctx = MeasuredPair.contexts(engine, id);
        BioPair pair = BioPair.create();
        Ssl[] ssl = MeasuredPair.connect(ctx, pair);
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

    private double oursHandshakes(long nanos) {
        SslCtx[] ctx = MeasuredPair.contexts(engine, id);
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Ssl[] ssl = MeasuredPair.connect(ctx, BioPair.create());
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

    private double rawBulk(long nanos) throws Exception {
        Raw raw = new Raw(raw().newRawContext(null), raw().newRawContext(id), suite, protocol);
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

    private double rawHandshakes(long nanos) throws Exception {
        SSLContext c = raw().newRawContext(null);
        SSLContext s = raw().newRawContext(id);
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            new Raw(c, s, suite, protocol);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
