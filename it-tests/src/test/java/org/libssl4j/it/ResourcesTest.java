package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslSession;
import org.libssl4j.SslVersion;
import org.libssl4j.bio.BioPair;

/**
 * Many connections in a row on every engine, and what they leave behind: every engine freed (counted by
 * {@link CountingEngine}), the heap after GC, the memory outside the heap (native engines) and the threads back near
 * where they started. Each test prints its figures at checkpoints ({@link ResourceProbe}).
 *
 * <p>The build runs a few thousand connections per engine. {@code -Dlibssl4j.resourceConnections=N} runs {@code N}
 * in each test (the README's figures come from {@code N = 100000}; raise JUnit's per-test timeout with
 * {@code -Djunit.jupiter.execution.timeout.default=30m}). {@code -Dlibssl4j.resourceLeak=true} keeps every connection
 * reachable, a deliberate leak the bounds must catch (this is how they were checked).
 */
class ResourcesTest {
    /** Connections per test for a long run; absent, each test's build count. */
    static final String CONNECTIONS_PROPERTY = "libssl4j.resourceConnections";
    /** True: keep every connection reachable, to show that the bounds catch a leak. */
    static final String LEAK_PROPERTY = "libssl4j.resourceLeak";

    /** Connections made and closed before any handshake (no engine yet) in the build: a few microseconds each. */
    private static final int MADE_IN_BUILD = 100_000;
    /**
     * Connections made, started (the engine made, its ClientHello written) and closed in the build: from 0.3 ms
     * (conscrypt) to 2.5 ms (jdk) each on the build machine, so fewer.
     */
    private static final int STARTED_IN_BUILD = 100;
    /** Whole conversations (TLS 1.2 handshake, resumed, data both ways) in the build: 2 to 8 ms each. */
    private static final int CONVERSATIONS_IN_BUILD = 100;
    /** Conversations dropped without close() in the build. */
    private static final int ABANDONED_IN_BUILD = 100;
    /** Figure lines per run: each costs a few full collections, so the build takes two and a long run ten. */
    private static final int CHECKPOINTS = Integer.getInteger(CONNECTIONS_PROPERTY) == null ? 2 : 10;
    /**
     * Heap growth allowed after GC: a connection that stays reachable holds tens of KiB (its engine, record
     * buffers), so a thousand of them break it; what is left is caches (sessions) and the JIT's noise.
     */
    private static final long HEAP_BOUND = 16L << 20;
    /**
     * Memory outside the heap allowed to grow by the end: generous, since the JVM's compilers and malloc's free lists
     * keep what they took (a run of the bc engine, which has no native memory, ends 170 MiB up; conscrypt's
     * conversations level off near 450 MiB by 5,000 and stay there through 50,000). A native connection kept per
     * connection (tens of KiB) breaks it in a long run; in the build the descriptor count catches conscrypt's.
     */
    private static final long NATIVE_BOUND = 768L << 20;
    /** How long the Cleaner may take to free abandoned connections once they are unreachable. */
    private static final long CLEANER_MILLIS = Integer.getInteger(CONNECTIONS_PROPERTY) == null ? 10_000 : 60_000;

    private final List<Object> leaked = new ArrayList<>();

    private static int count(int inBuild) {
        return Integer.getInteger(CONNECTIONS_PROPERTY, inBuild);
    }

    private void maybeLeak(Object o) {
        if (Boolean.getBoolean(LEAK_PROPERTY)) {
            leaked.add(o);
        }
    }

    private static boolean checkpoint(int done, int total) {
        return done % Math.max(1, total / CHECKPOINTS) == 0 || done == total;
    }

    @EngineTest
    @DisplayName("RES-1 connections made and closed, and made, started and closed, one after another: every engine freed at once; heap, native memory and threads stay bounded")
    void startedAndClosed(String engine) throws InterruptedException {
        CountingEngine counted = CountingEngine.of(engine);
        int total = count(STARTED_IN_BUILD);
        try (SslCtx ctx = Conversation.client(counted.engine(), SslVersion.TLS1_2_VERSION)) {
            for (int i = 0; i < 50; i++) {
                startAndClose(ctx); // warm-up: classes, the JIT, the Cleaner's thread
            }
            ResourceProbe probe = ResourceProbe.start("RES-1 " + engine);
            int made = count(MADE_IN_BUILD);
            for (int done = 1; done <= made; done++) {
                Ssl ssl = ctx.newSsl();
                maybeLeak(ssl);
                ssl.close();
            }
            probe.checkpoint(made);
            assertThat(counted.openEngines()).as("engines made without a handshake").isZero();
            for (int done = 1; done <= total; done++) {
                startAndClose(ctx);
                if (checkpoint(done, total)) {
                    assertThat(counted.openEngines()).as("engines left open after close()").isZero();
                    probe.checkpoint(made + done);
                }
            }
            probe.assertBounded(HEAP_BOUND, NATIVE_BOUND);
        }
        assertThat(counted.openContexts()).as("engine contexts left open").isZero();
    }

    /** SSL_new, a BIO pair, SSL_connect once (the engine is made and writes its ClientHello), SSL_free. */
    private void startAndClose(SslCtx ctx) {
        Ssl ssl = ctx.newSsl();
        BioPair pair = BioPair.create();
        ssl.setBio(pair.first(), pair.first());
        ssl.setConnectState();
        int r = ssl.doHandshake();
        assertThat(ssl.getError(r)).as("first doHandshake of a client").isEqualTo(SslError.WANT_READ);
        assertThat(pair.second().pending()).as("ClientHello bytes").isPositive();
        maybeLeak(ssl);
        ssl.close();
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("RES-2 whole conversations (handshake, resumption, data both ways checked) closed one after another free every engine; heap, native memory and threads stay bounded")
    void conversationsClosed(String engine) throws InterruptedException {
        CountingEngine counted = CountingEngine.of(engine);
        int total = count(CONVERSATIONS_IN_BUILD);
        Random random = new Random(0x5E55_1047L);
        int resumed = 0;
        long bytes = 0;
        try (SslCtx server = Conversation.server(counted.engine()); SslCtx client = Conversation.client(counted.engine(), SslVersion.TLS1_2_VERSION)) {
            SslSession session = null;
            for (int i = 0; i < 20; i++) {
                session = Conversation.run(client, server, session, random).session();
            }
            ResourceProbe probe = ResourceProbe.start("RES-2 " + engine);
            for (int done = 1; done <= total; done++) {
                // The deliberate leak: connections neither freed nor let go.
                boolean leak = Boolean.getBoolean(LEAK_PROPERTY);
                Conversation.Result r = Conversation.run(client, server, session, random, 0, !leak);
                maybeLeak(r);
                session = r.session();
                resumed += r.resumed() ? 1 : 0;
                bytes += r.bytes();
                if (checkpoint(done, total)) {
                    assertThat(counted.openEngines()).as("engines left open after close()").isZero();
                    probe.checkpoint(done);
                }
            }
            System.out.printf("[RES-2 %s] %,d conversations, %,d resumed, %,d bytes checked%n", engine, total, resumed, bytes);
            probe.assertBounded(HEAP_BOUND, NATIVE_BOUND);
        }
        assertThat(counted.openContexts()).as("engine contexts left open").isZero();
    }

    @EngineTest
    @DisplayName("RES-3 conversations dropped without close() are freed by the Cleaner: every engine and engine context, with heap, native memory and threads bounded")
    void abandoned(String engine) throws InterruptedException {
        CountingEngine counted = CountingEngine.of(engine);
        int total = count(ABANDONED_IN_BUILD);
        Random random = new Random(0xAB4D_0E0DL);
        SslCtx server = Conversation.server(counted.engine());
        SslCtx client = Conversation.client(counted.engine(), SslVersion.TLS1_2_VERSION);
        SslSession session = null;
        for (int i = 0; i < 20; i++) {
            session = abandon(client, server, session, random);
        }
        awaitFreed(counted, false);
        ResourceProbe probe = ResourceProbe.start("RES-3 " + engine);
        for (int done = 1; done <= total; done++) {
            session = abandon(client, server, session, random);
            if (checkpoint(done, total)) {
                probe.figures(done);
            }
        }
        session = null;
        server.close();
        client.close();
        awaitFreed(counted, true);
        probe.checkpoint(total);
        assertThat(counted.openEngines()).as("engines the Cleaner did not free").isZero();
        assertThat(counted.openContexts()).as("engine contexts left open after the last connection was freed").isZero();
        // No bound on the resident set here: thousands of dropped conscrypt connections wait for each collection
        // (10,000 descriptors at the peak of a long run), and malloc keeps the memory they gave back.
        probe.assertBounded(HEAP_BOUND, Long.MAX_VALUE);
    }

    /** A whole conversation whose connections are dropped, never closed; returns the client's session. */
    private SslSession abandon(SslCtx client, SslCtx server, SslSession offer, Random random) {
        Conversation.Result r = Conversation.run(client, server, offer, random, 0, false); // never closed: the point
        maybeLeak(r);
        return r.session();
    }

    /**
     * Collects until the Cleaner has freed every unreachable connection's engine (and, with {@code contexts}, every
     * engine context), at most {@link #CLEANER_MILLIS}. It collects again only when the count stopped falling: a
     * collection stops every thread, the Cleaner's too, and thousands of frees take it a while.
     */
    private static void awaitFreed(CountingEngine counted, boolean contexts) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + CLEANER_MILLIS * 1_000_000;
        int last = Integer.MAX_VALUE;
        int open;
        while ((open = counted.openEngines() + (contexts ? counted.openContexts() : 0)) > 0 && System.nanoTime() < deadline) {
            if (open >= last) {
                System.gc();
            }
            last = open;
            Thread.sleep(20);
        }
        System.out.printf("[RES-3] freed after %d ms: %d engines, %d contexts open%n", (System.nanoTime() - start) / 1_000_000,
                counted.openEngines(), counted.openContexts());
    }
}
