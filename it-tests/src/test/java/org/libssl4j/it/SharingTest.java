package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslSession;
import org.libssl4j.SslVersion;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.NullEngineProvider;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestPair;

/**
 * What may be shared between threads (docs/THREADS.md): one client and one server context used by 8 threads at once,
 * their setters running meanwhile; a connection handed from thread to thread; the two ends of a BIO pair on two
 * threads; the error queue of each thread its own.
 *
 * <p>The build makes {@value #CONNECTIONS_IN_BUILD} connections per engine; {@code -Dlibssl4j.sharingConnections=N}
 * makes {@code N} (the README's figures come from {@code N = 10000}).
 */
class SharingTest {
    /** Connections in all for a long run; absent, {@link #CONNECTIONS_IN_BUILD}. */
    static final String CONNECTIONS_PROPERTY = "libssl4j.sharingConnections";
    /** Whole conversations per engine in the build: 2 to 8 ms each on the build machine's 2 cores. */
    private static final int CONNECTIONS_IN_BUILD = 160;
    private static final int THREADS = 8;
    /**
     * Setter calls the changing thread makes while the others converse: each makes a new settings generation (new
     * engine contexts, full handshakes), so the build makes 6 and a long run 16.
     */
    private static final int CHANGES = Integer.getInteger(CONNECTIONS_PROPERTY) == null ? 6 : 16;
    /** {@code newSsl()} calls per reading thread in the snapshot test; a few microseconds each. */
    private static final int SNAPSHOTS = 50_000;
    private static final int SNAPSHOT_READERS = 3;
    private static final long WAIT_SECONDS = 50;
    private static final org.libssl4j.Engine NULL_ENGINE = Engines.load(new NullEngineProvider());

    @EngineTest
    @DisplayName("THREAD-1 THREAD-2 one client and one server context shared by 8 threads making connections at once, their setters running meanwhile: every handshake completes, every byte arrives as sent, sessions resume across threads")
    void sharedContexts(String engine) throws Exception {
        int total = Integer.getInteger(CONNECTIONS_PROPERTY, CONNECTIONS_IN_BUILD);
        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger changes = new AtomicInteger();
        // The latest client session of each version, offered by whichever thread comes next (SslSession is immutable).
        AtomicReferenceArray<SslSession> latest = new AtomicReferenceArray<>(2);
        long start = System.nanoTime();
        try (SslCtx server = Conversation.server(Engines.get(engine));
             SslCtx client = Conversation.client(Engines.get(engine), SslVersion.TLS1_3_VERSION)) {
            AtomicBoolean done = new AtomicBoolean();
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                int share = total / THREADS + (t < total % THREADS ? 1 : 0);
                work.add(() -> {
                    Random random = new Random(0x5_4A2E_D000L + thread);
                    for (int i = 0; i < share; i++) {
                        // Even threads speak TLS 1.3 and odd ones TLS 1.2, each offering the latest session of its version.
                        int v = thread % 2;
                        Conversation.Result r = Conversation.run(client, server, latest.get(v), random,
                                v == 0 ? SslVersion.TLS1_3_VERSION : SslVersion.TLS1_2_VERSION, true);
                        latest.set(v, r.session());
                        resumed.addAndGet(r.resumed() ? 1 : 0);
                        made.incrementAndGet();
                    }
                    return null;
                });
            }
            work.add(() -> {
                // Setters the API allows while connections are made (THREAD-2): each call makes a new settings
                // generation, so the connections made after it start without the sessions of the one before.
                for (int k = 1; k <= CHANGES && !done.get(); k++) {
                    while (made.get() < (long) total * k / (CHANGES + 1) && !done.get()) {
                        Thread.sleep(1);
                    }
                    client.setVerifyDepth(10 + k);
                    if (k % 2 == 1) {
                        server.setOptions(SslOptions.CIPHER_SERVER_PREFERENCE);
                    } else {
                        server.clearOptions(SslOptions.CIPHER_SERVER_PREFERENCE);
                    }
                    changes.incrementAndGet();
                }
                return null;
            });
            runAll(work, done, WAIT_SECONDS + total / 20); // a long run's thousands get 50 ms more each
        }
        System.out.printf("[THREAD-1 %s] %,d connections by %d threads, %,d resumed, %d setter changes meanwhile, %,d ms%n", engine,
                made.get(), THREADS, resumed.get(), changes.get(), (System.nanoTime() - start) / 1_000_000);
        assertThat(made.get()).isEqualTo(total);
        assertThat(resumed.get()).as("sessions resumed (across threads and TLS 1.2 at least)").isPositive();
    }

    /** The race is the API's own (the settings a connection copies), so it runs once, on the null engine. */
    @Test
    @DisplayName("THREAD-2 a context's setters racing newSsl() on other threads: every connection copies the settings of one moment, all earlier setter calls and no later one")
    void settersRacingNewSsl() throws Exception {
        // The writer sets the verify depth to k, then moves a two-bit Gray counter in the options to k (one call
        // each, so the counter never passes through another value). A copy of one moment has the counter at k - 1
        // or k for depth k; a connection that copied the depth and the options at different moments can see it ahead.
        long bitA = SslOptions.PRIORITIZE_CHACHA;
        long bitB = SslOptions.CIPHER_SERVER_PREFERENCE;
        try (SslCtx ctx = SslCtx.newCtx(org.libssl4j.SslMethod.TLS_CLIENT, NULL_ENGINE)) {
            ctx.setVerifyDepth(0);
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger torn = new AtomicInteger();
            List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch readersDone = new CountDownLatch(SNAPSHOT_READERS);
            List<Callable<Void>> work = new ArrayList<>();
            work.add(() -> {
                for (int k = 1; readersDone.getCount() > 0 && !done.get(); k++) {
                    int depth = k % 1000; // setVerifyDepth takes any int; kept small and positive
                    ctx.setVerifyDepth(depth);
                    int from = gray(depth - 1);
                    int to = gray(depth);
                    long flipped = (from ^ to) == 1 ? bitA : bitB;
                    if ((to & (flipped == bitA ? 1 : 2)) != 0) {
                        ctx.setOptions(flipped);
                    } else {
                        ctx.clearOptions(flipped);
                    }
                }
                return null;
            });
            for (int r = 0; r < SNAPSHOT_READERS; r++) {
                work.add(() -> {
                    try {
                        for (int i = 0; i < SNAPSHOTS; i++) {
                            try (Ssl ssl = ctx.newSsl()) {
                                int depth = ssl.getVerifyDepth();
                                long o = ssl.getOptions();
                                int counter = ((o & bitA) != 0 ? 1 : 0) | ((o & bitB) != 0 ? 2 : 0);
                                int ahead = Math.floorMod(ungray(counter) - depth, 4);
                                if (ahead != 0 && ahead != 3) {
                                    if (torn.incrementAndGet() <= 3) {
                                        examples.add("depth " + depth + " with the counter of depth " + (depth + ahead));
                                    }
                                }
                            }
                        }
                    } finally {
                        readersDone.countDown();
                    }
                    return null;
                });
            }
            runAll(work, done, WAIT_SECONDS);
            assertThat(torn.get()).as("connections whose copy mixes two moments: %s", examples).isZero();
        }
    }

    /** Depth 0 (the start) counts as counter 0; the writer's first depth is 1. */
    private static int gray(int k) {
        int m = Math.floorMod(k, 4);
        return m ^ (m >> 1);
    }

    private static int ungray(int g) {
        return g ^ (g >> 1);
    }

    @EngineTest
    @DisplayName("THREAD-3 THREAD-4 a connection moves between threads one at a time, the two ends of a BIO pair run on two threads at once, and each thread's error queue holds only its own failures")
    void handOverAndErrorQueues(String engine) throws Exception {
        try (SslCtx server = Conversation.server(Engines.get(engine));
             SslCtx client = Conversation.client(Engines.get(engine), SslVersion.TLS1_3_VERSION);
             SslCtx untrusting = org.libssl4j.SslCtx.newCtx(org.libssl4j.SslMethod.TLS_CLIENT, Engines.get(engine))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // Handshake on this thread, data on another, freed on a third: the executor orders each hand-over.
                TestPair p = TestPair.create(client, server, 0).handshake();
                Random random = new Random(0x7EAD_0001L);
                int sent = pool.submit(() -> Conversation.send(p.client(), p.server(), random, "client to server on a pool thread"))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(sent).isPositive();
                pool.submit(p::close).get(WAIT_SECONDS, TimeUnit.SECONDS);

                // Client and server of one BIO pair, each on its own thread at the same time.
                BioPair pair = BioPair.create();
                try (Ssl c = client.newSsl(); Ssl s = server.newSsl()) {
                    c.setBio(pair.first(), pair.first());
                    s.setBio(pair.second(), pair.second());
                    c.setTlsextHostName(TestCerts.HOST);
                    c.setConnectState();
                    s.setAcceptState();
                    byte[] data = new byte[64 * 1024];
                    new Random(0x7EAD_0002L).nextBytes(data);
                    Future<byte[]> received = pool.submit(() -> drive(s, null, data.length));
                    Future<byte[]> echoed = pool.submit(() -> drive(c, data, 0));
                    assertThat(received.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("bytes the server thread read").isEqualTo(data);
                    assertThat(echoed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
                }

                // A failure on one thread is queued there only (THREAD-4).
                SslErrorQueue.clear();
                Future<List<SslErrorEntry>> failed = pool.submit(() -> {
                    SslErrorQueue.clear();
                    try (TestPair bad = TestPair.create(untrusting, server, 0)) {
                        VerifyOutcome o = handshakeOutcome(bad);
                        assertThat(o.clientError).as("the untrusting client's handshake").isEqualTo(SslError.SSL);
                        return o.clientQueue;
                    }
                });
                List<SslErrorEntry> theirs = failed.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(theirs).extracting(SslErrorEntry::reason).contains(SslReason.CERTIFICATE_VERIFY_FAILED);
                assertThat(SslErrorQueue.snapshot()).as("this thread's queue after another thread's failure").isEmpty();
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** The client's return, error and queue after driving a pair's handshake until it fails or completes. */
    private record VerifyOutcome(SslError clientError, List<SslErrorEntry> clientQueue) {
    }

    private static VerifyOutcome handshakeOutcome(TestPair p) {
        for (int round = 0; round < TestPair.MAX_HANDSHAKE_ROUNDS; round++) {
            int c = p.client().doHandshake();
            SslError ce = p.client().getError(c);
            if (c <= 0 && ce != SslError.WANT_READ && ce != SslError.WANT_WRITE) {
                return new VerifyOutcome(ce, SslErrorQueue.snapshot());
            }
            p.server().doHandshake();
            if (c == 1) {
                return new VerifyOutcome(SslError.NONE, SslErrorQueue.snapshot());
            }
        }
        throw new AssertionError("handshake neither failed nor completed");
    }

    /**
     * Drives one end on its own thread: the handshake, then writes {@code toWrite} (if any) or reads {@code toRead}
     * bytes, retrying on WANT_READ/WANT_WRITE until the other thread moves, within {@link #WAIT_SECONDS}.
     */
    private static byte[] drive(Ssl ssl, byte[] toWrite, int toRead) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        int r;
        while ((r = ssl.doHandshake()) != 1) {
            retryOrFail(ssl, r, deadline, "handshake");
        }
        if (toWrite != null) {
            int off = 0;
            while (off < toWrite.length) {
                int w = ssl.write(toWrite, off, Math.min(4096, toWrite.length - off));
                if (w > 0) {
                    off += w;
                } else {
                    retryOrFail(ssl, w, deadline, "write");
                }
            }
            return new byte[0];
        }
        byte[] got = new byte[toRead];
        int n = 0;
        while (n < toRead) {
            int g = ssl.read(got, n, toRead - n);
            if (g > 0) {
                n += g;
            } else {
                retryOrFail(ssl, g, deadline, "read");
            }
        }
        return got;
    }

    private static void retryOrFail(Ssl ssl, int ret, long deadline, String what) throws InterruptedException {
        SslError e = ssl.getError(ret);
        if (e != SslError.WANT_READ && e != SslError.WANT_WRITE) {
            throw new AssertionError(what + " failed: " + ret + ", error " + e + ", queue " + SslErrorQueue.snapshot());
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError(what + " made no progress within " + WAIT_SECONDS + " s");
        }
        SslErrorQueue.clear();
        Thread.onSpinWait();
        Thread.yield();
    }

    /** Runs every task on a thread of its own, waits for all within {@code seconds}, and rethrows the first failure. */
    private static void runAll(List<Callable<Void>> work, AtomicBoolean done, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : work) {
                futures.add(pool.submit(task));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Exception first = null;
            for (Future<Void> f : futures) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    done.set(true);
                    if (first == null) {
                        first = e.getCause() instanceof Exception ex ? ex : e;
                        if (e.getCause() instanceof AssertionError ae) {
                            throw ae;
                        }
                    }
                }
            }
            done.set(true);
            if (first != null) {
                throw first;
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
            if (!pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("threads still running after " + WAIT_SECONDS + " s");
            }
        }
    }
}
