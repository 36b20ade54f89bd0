package org.libssl4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * engine-bc's two design questions, measured side by side in one JVM, one thread, in memory:
 * BCJSSE's SSLEngine (as engine-bc ships it, through libssl4j, and raw) against bctls's own non-blocking
 * TlsClientProtocol/TlsServerProtocol, and JcaTlsCrypto (JDK providers, BC fallback) against BcTlsCrypto;
 * libssl4j on the jdk engine as the reference.
 *
 * <ul>
 *   <li>{@code bulk}: one op = a 16 KiB application write by the client, read completely by the server
 *       (MB/s = ops/s x 16384 / 10^6);
 *   <li>{@code handshake}: one op = a new client and server and a full TLS 1.3 handshake (no resumption).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
public class EngineBench {
    public static final int WRITE_SIZE = 16 * 1024;

    @State(Scope.Thread)
    public static class HandshakeState {
        @Param({"libssl4j-bc", "bcjsse-raw", "bctls-lowlevel-jca", "bctls-lowlevel-bc", "libssl4j-jdk"})
        public String impl;

        @Param({"ec", "rsa"})
        public String cert;

        Driver driver;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            driver = Drivers.create(impl, cert);
            driver.handshakeOnce();
            driver.connect();
            System.out.println("\n# handshake " + impl + " " + cert + ": " + driver.describe());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            driver.close();
        }
    }

    @State(Scope.Thread)
    public static class BulkState {
        @Param({"libssl4j-bc", "bcjsse-raw", "bctls-lowlevel-jca", "bctls-lowlevel-bc", "libssl4j-jdk"})
        public String impl;

        Driver driver;
        final byte[] data = new byte[WRITE_SIZE];

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            new Random(42).nextBytes(data);
            driver = Drivers.create(impl, "ec");
            driver.connect();
            System.out.println("\n# bulk " + impl + ": " + driver.describe());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            driver.close();
        }
    }

    @Benchmark
    public void handshake(HandshakeState s) throws Exception {
        s.driver.handshakeOnce();
    }

    @Benchmark
    public int bulk(BulkState s) throws Exception {
        return s.driver.transfer(s.data);
    }
}
