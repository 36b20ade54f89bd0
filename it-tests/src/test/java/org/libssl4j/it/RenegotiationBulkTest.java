package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;

import java.io.ByteArrayOutputStream;
import java.net.StandardSocketOptions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslOptions;
import org.libssl4j.testkit.Loopback;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Renegotiation (TLS 1.2) and KeyUpdate (TLS 1.3) during bulk transfer over real loopback sockets, blocking, with
 * {@link Ssl#setChannel} ({@code SSL_set_fd}); and what a blocking {@code SSL_write} promises (SSL_write(3): it
 * returns only when every byte is written or an error occurred; with a renegotiating peer WANT_READ may occur
 * unless AUTO_RETRY, SEMANTICS.md R11).
 *
 * <p>Each side runs on its own thread ({@link Loopback#run}). In the bulk tests each side loops: it writes one
 * chunk (only when it is not in a handshake: libssl lets application data through in the middle of a
 * renegotiation only to {@code SSL_read}, R11.6), then reads until a read times out ({@code SO_TIMEOUT}, a
 * WANT_READ), so that neither side can block the other; 8 MiB go each way at once, checked by SHA-256.
 */
@ExtendWith(ClearErrorQueue.class)
class RenegotiationBulkTest {
    private static final int BULK = 8 << 20;
    private static final int CHUNK = 32 * 1024;
    /** The polling read timeout of the bulk loops: a read that gets nothing for this long returns WANT_READ. */
    private static final int POLL_MILLIS = 10;
    /** The read timeout where a test must tell a timeout's WANT_READ from libssl's own. */
    private static final int LONG_TIMEOUT_MILLIS = 20_000;
    private static final long RUN_MILLIS = 45_000;
    /** Data offsets (bytes sent by the initiating side) at which a renegotiation, key update or refusal is tried. */
    private static final int[] OFFSETS = {BULK / 8, 3 * BULK / 8, 5 * BULK / 8};

    /** Every client engine with every server engine. */
    static Stream<Arguments> enginePairs() {
        List<String> engines = TestEngines.names().collect(Collectors.toList());
        List<Arguments> pairs = new ArrayList<>();
        for (String client : engines) {
            for (String server : engines) {
                pairs.add(Arguments.of(client, server));
            }
        }
        return pairs.stream();
    }

    private static void assumeLacks(String engine, Capability capability) {
        Assumptions.assumeFalse(Engines.get(engine).has(capability),
                () -> "engine " + engine + " has capability " + capability + "; this test is for engines without it");
    }

    private static SslCtx ctx(String engine, boolean server, int version, Consumer<SslCtx> extra) {
        TestContexts.Builder b = server ? TestContexts.server(engine) : TestContexts.client(engine);
        return b.only(version).configure(extra).build();
    }

    // =========================================================================================================
    // The bulk loop
    // =========================================================================================================

    /** Something a side does when its sent bytes first pass one of {@link #OFFSETS}. */
    interface MidTransfer {
        void at(Ssl ssl, int index);
    }

    /** One side of a concurrent bulk transfer on a blocking socket whose {@code SO_TIMEOUT} makes reads poll. */
    static final class Bulk implements Loopback.Side {
        final boolean isClient;
        final byte[] out;
        final int expectIn;
        final MidTransfer action;
        final MessageDigest inDigest;
        int sent;
        long received;
        int actionsDone;
        /** renegotiatePending went from true to false. */
        int renegotiationsFinished;
        /** The side was seen in init (isInitFinished false) after the first handshake, and then finished again. */
        int initEpisodes;
        int readWantReads;

        Bulk(boolean isClient, byte[] out, int expectIn, MidTransfer action) throws Exception {
            this.isClient = isClient;
            this.out = out;
            this.expectIn = expectIn;
            this.action = action;
            this.inDigest = MessageDigest.getInstance("SHA-256");
        }

        private boolean done(Ssl ssl) {
            return sent == out.length && received == expectIn && actionsDone == (action == null ? 0 : OFFSETS.length)
                    && ssl.isInitFinished() && !ssl.renegotiatePending();
        }

        @Override
        public void run(Ssl ssl) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS - 5_000);
            Loopback.handshake(ssl, deadline);
            byte[] buf = new byte[20_000];
            boolean wasPending = false;
            boolean wasInInit = false;
            while (!done(ssl)) {
                assertThat(System.nanoTime()).as("%s: sent %s, received %s, in init %s, pending %s", side(), sent,
                        received, ssl.inInit(), ssl.renegotiatePending()).isLessThan(deadline);
                if (action != null && actionsDone < OFFSETS.length && sent >= OFFSETS[actionsDone]
                        && ssl.isInitFinished() && !ssl.renegotiatePending()) {
                    action.at(ssl, actionsDone++);
                    SslErrorQueue.clear();
                }
                // A client's renegotiation (asked for, or under way) is driven by its reads; a write would meet the
                // server's data in the middle of the handshake, which libssl fails (R11.6).
                boolean mayWrite = ssl.isInitFinished() && !(isClient && ssl.renegotiatePending());
                if (sent < out.length && mayWrite) {
                    int len = Math.min(CHUNK, out.length - sent);
                    int r = ssl.write(out, sent, len);
                    assertThat(r).as("%s blocking write of %s at %s: %s, queue %s", side(), len, sent,
                            r > 0 ? "" : ssl.getError(r), SslErrorQueue.snapshot()).isEqualTo(len);
                    sent += r;
                }
                while (received < expectIn || !ssl.isInitFinished() || ssl.renegotiatePending()) {
                    int n = ssl.read(buf, 0, buf.length);
                    if (n > 0) {
                        assertThat(received + n).as(side() + " bytes received").isLessThanOrEqualTo(expectIn);
                        inDigest.update(buf, 0, n);
                        received += n;
                        continue;
                    }
                    assertThat(ssl.getError(n)).as("%s read %s at %s, queue %s", side(), n, received,
                            SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                    SslErrorQueue.clear();
                    readWantReads++;
                    break;
                }
                if (wasPending && !ssl.renegotiatePending()) {
                    renegotiationsFinished++;
                }
                wasPending = ssl.renegotiatePending();
                if (wasInInit && ssl.isInitFinished()) {
                    initEpisodes++;
                }
                wasInInit = !ssl.isInitFinished();
            }
            // close_notify both ways; the side that sends first reads the peer's.
            int r = ssl.shutdown();
            assertThat(r).as("%s shutdown, queue %s", side(), SslErrorQueue.snapshot()).isIn(0, 1);
            while (r == 0) {
                int n = ssl.read(buf, 0, buf.length);
                assertThat(n).as(side() + " data after the transfer").isLessThanOrEqualTo(0);
                SslError e = ssl.getError(n);
                SslErrorQueue.clear();
                if (e == SslError.ZERO_RETURN) {
                    break;
                }
                assertThat(e).as(side() + " waiting for close_notify").isEqualTo(SslError.WANT_READ);
                assertThat(System.nanoTime()).as(side() + " close_notify deadline").isLessThan(deadline);
            }
        }

        private String side() {
            return isClient ? "client" : "server";
        }

        byte[] digest() {
            return inDigest.digest();
        }
    }

    /** Random data of {@link #BULK} bytes. */
    private static byte[] random(long seed) {
        byte[] b = new byte[BULK];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    /** Runs a bulk transfer both ways and checks both SHA-256 sums. */
    private static void bulk(Loopback lb, Bulk client, Bulk server) throws Exception {
        lb.run(client, server, RUN_MILLIS);
        assertThat(server.digest()).as("SHA-256 of what the server got").isEqualTo(sha256(client.out));
        assertThat(client.digest()).as("SHA-256 of what the client got").isEqualTo(sha256(server.out));
        assertThat(client.sent).isEqualTo(BULK);
        assertThat(server.sent).isEqualTo(BULK);
    }

    /** What an initiator does at each offset: SSL_renegotiate, and a server's doHandshake sends the HelloRequest. */
    private static void renegotiateNow(Ssl ssl, int index) {
        assertThat(ssl.renegotiate()).as("renegotiate #%s, queue %s", index, SslErrorQueue.snapshot()).isEqualTo(1);
        assertThat(ssl.renegotiatePending()).as("renegotiate_pending after renegotiate").isTrue();
        if (ssl.isServer()) {
            // R11.2: the HelloRequest goes out and the call returns 1 at once.
            assertThat(ssl.doHandshake()).as("server doHandshake sends the HelloRequest").isEqualTo(1);
            assertThat(ssl.renegotiatePending()).isTrue();
        }
    }

    // =========================================================================================================
    // 1. Renegotiation during bulk transfer, engines that can
    // =========================================================================================================

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("enginePairs")
    @DisplayName("R11.2 BULK-RENEG the server renegotiates 3 times while 8 MiB go each way over blocking sockets; both SHA-256 match")
    void serverRenegotiatesDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION);
        try (SslCtx cctx = ctx(clientEngine, false, TLS12, c -> { });
             SslCtx sctx = ctx(serverEngine, true, TLS12, c -> { });
             Loopback lb = Loopback.openCounted(cctx, sctx, POLL_MILLIS)) {
            Bulk client = new Bulk(true, random(1), BULK, null);
            Bulk server = new Bulk(false, random(2), BULK, RenegotiationBulkTest::renegotiateNow);
            bulk(lb, client, server);
            assertThat(server.renegotiationsFinished).as("server renegotiate_pending 1 -> 0").isEqualTo(OFFSETS.length);
            assertThat(lb.server().renegotiatePending()).isFalse();
            assertThat(lb.client().renegotiatePending()).as("the client asked for none").isFalse();
            // On the wire (TLS 1.2 record headers are clear): after application data began, each renegotiation
            // carried handshake records both ways, a HelloRequest at least from the server and a ClientHello
            // at least from the client, and a ChangeCipherSpec each way.
            assertThat(lb.records(1, 22, true)).as("server handshake records after app data").isGreaterThanOrEqualTo(2L * OFFSETS.length);
            assertThat(lb.records(0, 22, true)).as("client handshake records after app data").isGreaterThanOrEqualTo(OFFSETS.length);
            assertThat(lb.records(0, 20, true)).as("client ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
            assertThat(lb.records(1, 20, true)).as("server ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
        }
    }

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("enginePairs")
    @DisplayName("R11.10 BULK-RENEG the client renegotiates 3 times during 8 MiB each way; the server allows it (ALLOW_CLIENT_RENEGOTIATION)")
    void clientRenegotiatesDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION);
        try (SslCtx cctx = ctx(clientEngine, false, TLS12, c -> { });
             SslCtx sctx = ctx(serverEngine, true, TLS12, c -> c.setOptions(SslOptions.ALLOW_CLIENT_RENEGOTIATION));
             Loopback lb = Loopback.openCounted(cctx, sctx, POLL_MILLIS)) {
            Bulk client = new Bulk(true, random(3), BULK, RenegotiationBulkTest::renegotiateNow);
            Bulk server = new Bulk(false, random(4), BULK, null);
            bulk(lb, client, server);
            assertThat(client.renegotiationsFinished).as("client renegotiate_pending 1 -> 0").isEqualTo(OFFSETS.length);
            assertThat(client.initEpisodes).as("client in init, then finished again").isEqualTo(OFFSETS.length);
            assertThat(lb.server().renegotiatePending()).as("the server asked for none").isFalse();
            assertThat(lb.records(0, 22, true)).as("client handshake records after app data").isGreaterThanOrEqualTo(2L * OFFSETS.length);
            assertThat(lb.records(1, 22, true)).as("server handshake records after app data").isGreaterThanOrEqualTo(2L * OFFSETS.length);
            assertThat(lb.records(0, 20, true)).as("client ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
            assertThat(lb.records(1, 20, true)).as("server ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
        }
    }

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("enginePairs")
    @DisplayName("R11.10 BULK-RENEG by default the server refuses a client's renegotiation during bulk: the client's read fails with no renegotiation")
    void clientRenegotiationRefusedByDefault(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION_CONTROL);
        try (SslCtx cctx = ctx(clientEngine, false, TLS12, c -> { });
             SslCtx sctx = ctx(serverEngine, true, TLS12, c -> { });
             Loopback lb = Loopback.open(cctx, sctx, POLL_MILLIS)) {
            byte[] up = Fixtures.bytes(1 << 20, 5);
            byte[] down = Fixtures.bytes(1 << 20, 6);
            SslError[] clientEnd = new SslError[1];
            int[] clientReason = new int[1];
            lb.run(ssl -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Loopback.handshake(ssl, deadline);
                assertThat(ssl.write(up, 0, up.length)).isEqualTo(up.length);
                assertThat(ssl.renegotiate()).isEqualTo(1);
                byte[] buf = new byte[20_000];
                long got = 0;
                while (true) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    int n = ssl.read(buf, 0, buf.length);
                    if (n > 0) {
                        got += n; // the server's data before its no_renegotiation warning (R11.6)
                        continue;
                    }
                    SslError e = ssl.getError(n);
                    if (e == SslError.WANT_READ) {
                        SslErrorQueue.clear();
                        continue;
                    }
                    clientEnd[0] = e;
                    clientReason[0] = SslErrorQueue.peek() == null ? 0 : SslErrorQueue.peek().reason();
                    break;
                }
                assertThat(got).isLessThanOrEqualTo(down.length);
            }, ssl -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Loopback.handshake(ssl, deadline);
                assertThat(ssl.write(down, 0, down.length)).isEqualTo(down.length);
                byte[] buf = new byte[20_000];
                long got = 0;
                // The server reads on: the client's ClientHello gets the warning, and the server carries on
                // until the client's handshake_failure alert ends the connection.
                while (true) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    int n = ssl.read(buf, 0, buf.length);
                    if (n > 0) {
                        got += n;
                        continue;
                    }
                    SslError e = ssl.getError(n);
                    SslErrorQueue.clear();
                    if (e != SslError.WANT_READ) {
                        break;
                    }
                }
                assertThat(got).as("the client's data before its ClientHello").isEqualTo(up.length);
            }, RUN_MILLIS);
            assertThat(clientEnd[0]).isEqualTo(SslError.SSL);
            assertThat(clientReason[0]).isEqualTo(org.libssl4j.SslReason.NO_RENEGOTIATION);
        }
    }

    // =========================================================================================================
    // 2. AUTO_RETRY on blocking sockets
    // =========================================================================================================

    /**
     * The server asks for a renegotiation and sends nothing else until it is done; its read (AUTO_RETRY off) takes
     * part in the new handshake and returns WANT_READ at its end; then it sends {@code after}. The client, reading,
     * meets the HelloRequest. Three rounds, with data before each. The client's read results go to {@code log}.
     */
    private static void helloRequestOnBlockingSocket(String engine, boolean clientAutoRetry, List<String> log) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (SslCtx cctx = ctx(engine, false, TLS12, c -> { });
             SslCtx sctx = ctx(engine, true, TLS12, c -> { });
             Loopback lb = Loopback.open(cctx, sctx, LONG_TIMEOUT_MILLIS)) {
            assertThat(lb.client().getMode() & SslMode.AUTO_RETRY).as("R11.1 AUTO_RETRY is the default").isNotZero();
            if (!clientAutoRetry) {
                lb.client().clearMode(SslMode.AUTO_RETRY);
            }
            lb.server().clearMode(SslMode.AUTO_RETRY);
            byte[] before = Fixtures.ascii("before the HelloRequest");
            byte[] after = Fixtures.ascii("after the renegotiation");
            lb.run(ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                byte[] buf = new byte[100];
                for (int round = 0; round < 3; round++) {
                    assertThat(readAll(ssl, buf, before.length)).isEqualTo(before);
                    long t0 = System.nanoTime();
                    int n = ssl.read(buf, 0, buf.length);
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    if (n > 0) {
                        log.add("data");
                        assertThat(Arrays.copyOf(buf, n)).isEqualTo(after);
                    } else {
                        SslError e = ssl.getError(n);
                        log.add(e.toString());
                        assertThat(e).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                        // libssl's own WANT_READ, not the socket's timeout: it came well before SO_TIMEOUT.
                        assertThat(millis).as("ms until WANT_READ").isLessThan(LONG_TIMEOUT_MILLIS / 2);
                        assertThat(ssl.isInitFinished()).as("the read did the whole renegotiation").isTrue();
                        assertThat(ssl.want()).isEqualTo(Ssl.READING);
                        SslErrorQueue.clear();
                        assertThat(readAll(ssl, buf, after.length)).as("the retry returns the data").isEqualTo(after);
                    }
                    assertThat(ssl.isInitFinished()).isTrue();
                }
            }, ssl -> {
                Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                for (int round = 0; round < 3; round++) {
                    assertThat(ssl.write(before, 0, before.length)).isEqualTo(before.length);
                    renegotiateNow(ssl, round);
                    // R11.4 on the server's side: its read answers the ClientHello, does the whole new handshake
                    // (blocking) and, AUTO_RETRY off, returns WANT_READ at its end.
                    int n = ssl.read(new byte[10], 0, 10);
                    assertThat(n).isEqualTo(-1);
                    assertThat(ssl.getError(n)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                    SslErrorQueue.clear();
                    assertThat(ssl.renegotiatePending()).as("R11.2 pending is 0 once the new handshake is done").isFalse();
                    assertThat(ssl.write(after, 0, after.length)).isEqualTo(after.length);
                }
            }, RUN_MILLIS);
        }
    }

    /** Reads exactly {@code n} bytes, each call must return data. */
    private static byte[] readAll(Ssl ssl, byte[] buf, int n) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (got.size() < n) {
            int r = ssl.read(buf, 0, Math.min(buf.length, n - got.size()));
            assertThat(r).as("read, %s, queue %s", r > 0 ? "" : ssl.getError(r), SslErrorQueue.snapshot()).isPositive();
            got.write(buf, 0, r);
        }
        return got.toByteArray();
    }

    @EngineTest
    @DisplayName("R11.4 blocking socket, AUTO_RETRY off: the read that meets a HelloRequest does the renegotiation and returns -1/WANT_READ; the retry returns the data")
    void autoRetryOffBlocking(String engine) throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        helloRequestOnBlockingSocket(engine, false, log);
        assertThat(log).containsExactly("WANT_READ", "WANT_READ", "WANT_READ");
    }

    @EngineTest
    @DisplayName("R11.1 blocking socket, AUTO_RETRY on (the default): the read that meets a HelloRequest does the renegotiation and returns the data")
    void autoRetryOnBlocking(String engine) throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        helloRequestOnBlockingSocket(engine, true, log);
        assertThat(log).containsExactly("data", "data", "data");
    }

    @EngineTest
    @DisplayName("R11.5 blocking socket: a client in the middle of a renegotiation writes 1 MiB in one call; the write finishes the handshake and returns the full length, whatever AUTO_RETRY")
    void blockingWriteFinishesRenegotiation(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        for (boolean autoRetry : new boolean[] {true, false}) {
            try (SslCtx cctx = ctx(engine, false, TLS12, c -> { });
                 SslCtx sctx = ctx(engine, true, TLS12, c -> { });
                 Loopback lb = Loopback.open(cctx, sctx, LONG_TIMEOUT_MILLIS)) {
                if (!autoRetry) {
                    lb.client().clearMode(SslMode.AUTO_RETRY);
                    lb.server().clearMode(SslMode.AUTO_RETRY);
                }
                byte[] early = Fixtures.ascii("sent after the HelloRequest");
                byte[] data = Fixtures.bytes(1 << 20, 7);
                lb.run(ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    byte[] buf = new byte[100];
                    // R11.6: the read takes the HelloRequest, sends a ClientHello, and returns the data that
                    // follows, while the client is in init.
                    int n = ssl.read(buf, 0, buf.length);
                    assertThat(n).as("AUTO_RETRY %s: %s", autoRetry, n > 0 ? "" : ssl.getError(n)).isEqualTo(early.length);
                    assertThat(ssl.isInitFinished()).as("client in the renegotiation").isFalse();
                    int w = ssl.write(data, 0, data.length);
                    assertThat(w).as("AUTO_RETRY %s: %s, queue %s", autoRetry, w > 0 ? "" : ssl.getError(w),
                            SslErrorQueue.snapshot()).isEqualTo(data.length);
                    assertThat(ssl.isInitFinished()).isTrue();
                }, ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    renegotiateNow(ssl, 0);
                    assertThat(ssl.write(early, 0, early.length)).isEqualTo(early.length);
                    byte[] buf = new byte[20_000];
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    while (got.size() < data.length) {
                        int n = ssl.read(buf, 0, buf.length);
                        if (n > 0) {
                            got.write(buf, 0, n);
                            continue;
                        }
                        assertThat(ssl.getError(n)).as("server read, queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                        assertThat(autoRetry).as("a WANT_READ with AUTO_RETRY on").isFalse();
                        SslErrorQueue.clear();
                    }
                    Fixtures.assertSameBytes(got.toByteArray(), data);
                    assertThat(ssl.renegotiatePending()).isFalse();
                }, RUN_MILLIS);
            }
        }
    }

    @EngineTest
    @DisplayName("R11.3 blocking socket: one write of 8 MiB while the server renegotiates returns 8 MiB; the client answers the HelloRequest only with its next read")
    void blockingWriteWhileServerRenegotiates(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        for (boolean autoRetry : new boolean[] {true, false}) {
            try (SslCtx cctx = ctx(engine, false, TLS12, c -> { });
                 SslCtx sctx = ctx(engine, true, TLS12, c -> { });
                 Loopback lb = Loopback.openCounted(cctx, sctx, LONG_TIMEOUT_MILLIS)) {
                if (!autoRetry) {
                    lb.client().clearMode(SslMode.AUTO_RETRY);
                }
                lb.server().clearMode(SslMode.AUTO_RETRY);
                byte[] data = Arrays.copyOf(random(16), BULK / 2);
                byte[] after = Fixtures.ascii("after the renegotiation");
                List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
                lb.run(ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    int w = ssl.write(data, 0, data.length);
                    assertThat(w).as("AUTO_RETRY %s: %s, queue %s", autoRetry, w > 0 ? "" : ssl.getError(w),
                            SslErrorQueue.snapshot()).isEqualTo(data.length);
                    assertThat(ssl.isInitFinished()).as("the write did not answer the HelloRequest").isTrue();
                    byte[] buf = new byte[100];
                    int n = ssl.read(buf, 0, buf.length);
                    if (n <= 0) {
                        log.add(ssl.getError(n).toString());
                        SslErrorQueue.clear();
                        n = ssl.read(buf, 0, buf.length);
                    }
                    assertThat(n).as("read, queue %s", SslErrorQueue.snapshot()).isEqualTo(after.length);
                    log.add("data");
                    assertThat(ssl.isInitFinished()).isTrue();
                }, ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    byte[] buf = new byte[20_000];
                    long got = 0;
                    boolean asked = false;
                    while (got < data.length) {
                        if (!asked && got >= data.length / 8) {
                            renegotiateNow(ssl, 0);
                            asked = true;
                        }
                        int n = ssl.read(buf, 0, buf.length);
                        assertThat(n).as("server read, %s", n > 0 ? "" : ssl.getError(n)).isPositive();
                        md.update(buf, 0, n);
                        got += n;
                    }
                    assertThat(md.digest()).isEqualTo(sha256(data));
                    assertThat(ssl.renegotiatePending()).as("R11.3 the client's write did not answer").isTrue();
                    // The client's next read answers; the server's read (AUTO_RETRY off) takes part and returns
                    // WANT_READ when the new handshake is done.
                    int n = ssl.read(buf, 0, buf.length);
                    assertThat(n).isEqualTo(-1);
                    assertThat(ssl.getError(n)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                    SslErrorQueue.clear();
                    assertThat(ssl.renegotiatePending()).isFalse();
                    assertThat(ssl.write(after, 0, after.length)).isEqualTo(after.length);
                }, RUN_MILLIS);
                assertThat(log).as("client reads, AUTO_RETRY " + autoRetry)
                        .isEqualTo(autoRetry ? List.of("data") : List.of("WANT_READ", "data"));
                assertThat(lb.records(0, 20, true)).as("client ChangeCipherSpec after app data").isEqualTo(1);
            }
        }
    }

    // =========================================================================================================
    // 3. A blocking write returns when every byte is written, or on an error
    // =========================================================================================================

    @EngineTest
    @DisplayName("SEED-6 blocking socket: one write of 2 MiB to a reader taking 1000 bytes a call returns 2 MiB, only once the reader has most of it")
    void blockingWriteToSlowReader(String engine) throws Exception {
        for (int version : new int[] {TLS12, TLS13}) {
            try (SslCtx cctx = ctx(engine, false, version, c -> { });
                 SslCtx sctx = ctx(engine, true, version, c -> { });
                 Loopback lb = Loopback.open(cctx, sctx, LONG_TIMEOUT_MILLIS)) {
                byte[] data = Fixtures.bytes(2 << 20, 8);
                AtomicLong readSoFar = new AtomicLong();
                long[] readWhenWriteReturned = new long[1];
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                lb.run(ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    int r = ssl.write(data, 0, data.length);
                    readWhenWriteReturned[0] = readSoFar.get();
                    assertThat(r).as("version %x: %s, queue %s", version, r > 0 ? "" : ssl.getError(r),
                            SslErrorQueue.snapshot()).isEqualTo(data.length);
                }, ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    byte[] buf = new byte[1000];
                    while (got.size() < data.length) {
                        int n = ssl.read(buf, 0, buf.length);
                        assertThat(n).as("read, %s", n > 0 ? "" : ssl.getError(n)).isPositive();
                        got.write(buf, 0, n);
                        readSoFar.addAndGet(n);
                    }
                }, RUN_MILLIS);
                Fixtures.assertSameBytes(got.toByteArray(), data);
                // The socket buffers (send and receive, which Linux doubles) and a record or two in the reader's
                // SSL hold the rest: the write cannot have returned before the reader had taken this much.
                long inTransit = 4L * Loopback.SOCKET_BUFFER + 4 * 16_709;
                assertThat(readWhenWriteReturned[0]).as("bytes read when the write returned")
                        .isGreaterThanOrEqualTo(data.length - inTransit);
            }
        }
    }

    @EngineTest
    @DisplayName("R08.7 blocking socket: a write of 8 MiB whose peer resets the connection mid-transfer returns -1 with SYSCALL, and the connection is failed")
    void blockingWritePeerReset(String engine) throws Exception {
        for (int version : new int[] {TLS12, TLS13}) {
            try (SslCtx cctx = ctx(engine, false, version, c -> { });
                 SslCtx sctx = ctx(engine, true, version, c -> { });
                 Loopback lb = Loopback.open(cctx, sctx, LONG_TIMEOUT_MILLIS)) {
                byte[] data = Fixtures.bytes(BULK, 9);
                int[] result = new int[1];
                SslError[] error = new SslError[1];
                List<SslErrorEntry> queue = new ArrayList<>();
                lb.run(ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    result[0] = ssl.write(data, 0, data.length);
                    error[0] = ssl.getError(result[0]);
                    queue.addAll(SslErrorQueue.snapshot());
                }, ssl -> {
                    Loopback.handshake(ssl, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                    byte[] buf = new byte[16_384];
                    long got = 0;
                    while (got < 100_000) {
                        int n = ssl.read(buf, 0, buf.length);
                        assertThat(n).isPositive();
                        got += n;
                    }
                    // Close with unread data and linger 0: the kernel sends a reset.
                    lb.serverChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
                    lb.serverChannel().close();
                }, RUN_MILLIS);
                assertThat(result[0]).as("version %x write result", version).isEqualTo(-1);
                assertThat(error[0]).as("getError, queue %s", queue).isEqualTo(SslError.SYSCALL);
                assertThat(queue).as("libssl leaves the queue empty on a transport failure (errno tells)").isEmpty();
                // The connection is failed: a later write fails at once (R15.7), no exception escapes.
                SslErrorQueue.clear();
                int again = lb.client().write(data, 0, 10);
                assertThat(again).isEqualTo(-1);
                assertThat(lb.client().getError(again)).isIn(SslError.SYSCALL, SslError.SSL);
            }
        }
    }

    // =========================================================================================================
    // 4. Refusals during bulk transfer, and KeyUpdate
    // =========================================================================================================

    /** Asserts a clean refusal (0, SSL, an SSL-library reason) that schedules nothing. */
    private static void assertRefusedCleanly(Ssl ssl, int ret, String what) {
        assertThat(ret).as(what + " result").isZero();
        assertThat(ssl.getError(ret)).as(what + " getError, queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.SSL);
        SslErrorEntry e = SslErrorQueue.peek();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
        assertThat(e.reasonString()).as("the refusal's reason").isNotBlank();
        SslErrorQueue.clear();
        assertThat(ssl.isInitFinished()).as(what + " schedules nothing").isTrue();
        assertThat(ssl.renegotiatePending()).as(what + " leaves nothing pending").isFalse();
        assertThat(ssl.getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
    }

    @EngineTest
    @DisplayName("R11.11 an engine without renegotiation refuses it on either side during 8 MiB each way over blocking sockets; the transfer goes on intact")
    void renegotiationRefusedDuringBulk(String engine) throws Exception {
        assumeLacks(engine, Capability.RENEGOTIATION);
        try (SslCtx cctx = ctx(engine, false, TLS12, c -> { });
             SslCtx sctx = ctx(engine, true, TLS12, c -> { });
             Loopback lb = Loopback.openCounted(cctx, sctx, POLL_MILLIS)) {
            MidTransfer refuse = (ssl, i) -> assertRefusedCleanly(ssl, ssl.renegotiate(), "renegotiate #" + i);
            Bulk client = new Bulk(true, random(10), BULK, refuse);
            Bulk server = new Bulk(false, random(11), BULK, refuse);
            bulk(lb, client, server);
            assertThat(client.actionsDone).isEqualTo(OFFSETS.length);
            assertThat(server.actionsDone).isEqualTo(OFFSETS.length);
            assertThat(lb.records(0, 22, true)).as("client handshake records after app data").isZero();
            assertThat(lb.records(1, 22, true)).as("server handshake records after app data").isZero();
        }
    }

    @EngineTest
    @DisplayName("R12.5 an engine without key update refuses it on either side during 8 MiB each way over blocking sockets; not fatal, the transfer goes on intact")
    void keyUpdateRefusedDuringBulk(String engine) throws Exception {
        assumeLacks(engine, Capability.KEY_UPDATE);
        try (SslCtx cctx = ctx(engine, false, TLS13, c -> { });
             SslCtx sctx = ctx(engine, true, TLS13, c -> { });
             Loopback lb = Loopback.open(cctx, sctx, POLL_MILLIS)) {
            MidTransfer refuse = (ssl, i) -> {
                int type = i % 2 == 0 ? Ssl.KEY_UPDATE_REQUESTED : Ssl.KEY_UPDATE_NOT_REQUESTED;
                assertRefusedCleanly(ssl, ssl.keyUpdate(type), "keyUpdate(" + type + ") #" + i);
                assertThat(ssl.inInit()).isFalse();
            };
            Bulk client = new Bulk(true, random(12), BULK, refuse);
            Bulk server = new Bulk(false, random(13), BULK, refuse);
            bulk(lb, client, server);
            assertThat(client.actionsDone).isEqualTo(OFFSETS.length);
            assertThat(server.actionsDone).isEqualTo(OFFSETS.length);
        }
    }

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("enginePairs")
    @DisplayName("R12.2 BULK-RENEG both sides update their keys 3 times during 8 MiB each way over blocking sockets; both SHA-256 match")
    void keyUpdateDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.KEY_UPDATE);
        TestEngines.assumeCapability(serverEngine, Capability.KEY_UPDATE);
        try (SslCtx cctx = ctx(clientEngine, false, TLS13, c -> { });
             SslCtx sctx = ctx(serverEngine, true, TLS13, c -> { });
             Loopback lb = Loopback.open(cctx, sctx, POLL_MILLIS)) {
            MidTransfer update = (ssl, i) -> {
                int type = i % 2 == 0 ? Ssl.KEY_UPDATE_REQUESTED : Ssl.KEY_UPDATE_NOT_REQUESTED;
                assertThat(ssl.keyUpdate(type)).as("keyUpdate(%s), queue %s", type, SslErrorQueue.snapshot()).isEqualTo(1);
                assertThat(ssl.getKeyUpdateType()).as("R12.1 scheduled").isEqualTo(type);
                assertThat(ssl.isInitFinished()).as("R12.1 in init until the next I/O").isFalse();
                // The bulk loop reads while in init; that I/O sends the update (R12.2), and done() waits for it.
            };
            Bulk client = new Bulk(true, random(14), BULK, update);
            Bulk server = new Bulk(false, random(15), BULK, update);
            bulk(lb, client, server);
            assertThat(lb.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(lb.server().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
        }
    }
}
