package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.BulkTransfer.BULK;
import static org.libssl4j.it.BulkTransfer.OFFSETS;
import static org.libssl4j.it.BulkTransfer.POLL_MILLIS;
import static org.libssl4j.it.BulkTransfer.RUN_MILLIS;
import static org.libssl4j.it.BulkTransfer.assertRefusedCleanly;
import static org.libssl4j.it.BulkTransfer.bulk;
import static org.libssl4j.it.BulkTransfer.random;
import static org.libssl4j.it.BulkTransfer.sha256;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslOptions;
import org.libssl4j.it.BulkTransfer.MidTransfer;
import org.libssl4j.testkit.Loopback;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * TLS 1.2 renegotiation over real loopback sockets, blocking, with {@link Ssl#setChannel} ({@code SSL_set_fd}):
 * during a bulk transfer of 8 MiB each way ({@link BulkTransfer}), started by the server or the client, allowed or
 * refused; and blocking reads and writes that meet one, with AUTO_RETRY on and off (SSL_write(3): a blocking write
 * returns only when every byte is written or an error occurred; with a renegotiating peer WANT_READ may occur unless
 * AUTO_RETRY, docs/SEMANTICS.md R11).
 *
 * <p>The tests run on the engines with RENEGOTIATION (R11.11: on those without it), and on pairs of them, not on
 * every engine to skip most: a test that no engine of the run can take runs on one, which skips it, naming the
 * capability.
 */
@ExtendWith(ClearErrorQueue.class)
class RenegotiationBulkTest {
    /** The read timeout where a test must tell a timeout's WANT_READ from libssl's own. */
    private static final int LONG_TIMEOUT_MILLIS = 20_000;

    /** Engines with RENEGOTIATION. */
    static Stream<String> renegotiating() {
        return TestEngines.namesWith(Capability.RENEGOTIATION);
    }

    /** Engines without RENEGOTIATION. */
    static Stream<String> notRenegotiating() {
        return TestEngines.namesWithout(Capability.RENEGOTIATION);
    }

    /** Client and server engines that both have RENEGOTIATION. */
    static Stream<Arguments> renegotiatingPairs() {
        return TestEngines.pairsWith(Capability.RENEGOTIATION, Capability.RENEGOTIATION);
    }

    /** A client engine with RENEGOTIATION and a server engine that can refuse a client's (RENEGOTIATION_CONTROL). */
    static Stream<Arguments> refusingPairs() {
        return TestEngines.pairsWith(Capability.RENEGOTIATION, Capability.RENEGOTIATION_CONTROL);
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
    @MethodSource("renegotiatingPairs")
    @DisplayName("R11.2 BULK-RENEG the server renegotiates 3 times while 8 MiB go each way over blocking sockets; both SHA-256 match")
    void serverRenegotiatesDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION);
        try (Loopback lb = Loopback.openCounted(TestContexts.client(clientEngine).tls12(),
                TestContexts.server(serverEngine).tls12(), POLL_MILLIS)) {
            BulkTransfer.Sides sides = bulk(lb, 1, null, RenegotiationBulkTest::renegotiateNow);
            assertThat(sides.server().renegotiationsFinished).as("server renegotiate_pending 1 -> 0").isEqualTo(OFFSETS.length);
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
    @MethodSource("renegotiatingPairs")
    @DisplayName("R11.10 BULK-RENEG the client renegotiates 3 times during 8 MiB each way; the server allows it (ALLOW_CLIENT_RENEGOTIATION)")
    void clientRenegotiatesDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION);
        try (Loopback lb = Loopback.openCounted(TestContexts.client(clientEngine).tls12(),
                TestContexts.server(serverEngine).tls12().configure(c -> c.setOptions(SslOptions.ALLOW_CLIENT_RENEGOTIATION)),
                POLL_MILLIS)) {
            BulkTransfer.Sides sides = bulk(lb, 3, RenegotiationBulkTest::renegotiateNow, null);
            assertThat(sides.client().renegotiationsFinished).as("client renegotiate_pending 1 -> 0").isEqualTo(OFFSETS.length);
            // Whether a renegotiation is seen "in init" between two calls depends on the schedule (a flight goes in
            // one write, so one read may carry a whole renegotiation): the count above and the ChangeCipherSpec
            // records below prove each of the three.
            assertThat(lb.server().renegotiatePending()).as("the server asked for none").isFalse();
            assertThat(lb.records(0, 22, true)).as("client handshake records after app data").isGreaterThanOrEqualTo(2L * OFFSETS.length);
            assertThat(lb.records(1, 22, true)).as("server handshake records after app data").isGreaterThanOrEqualTo(2L * OFFSETS.length);
            assertThat(lb.records(0, 20, true)).as("client ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
            assertThat(lb.records(1, 20, true)).as("server ChangeCipherSpec after app data").isEqualTo(OFFSETS.length);
        }
    }

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("refusingPairs")
    @DisplayName("R11.10 BULK-RENEG by default the server refuses a client's renegotiation during bulk: the client's read fails with no renegotiation")
    void clientRenegotiationRefusedByDefault(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.RENEGOTIATION);
        TestEngines.assumeCapability(serverEngine, Capability.RENEGOTIATION_CONTROL);
        try (Loopback lb = Loopback.open(TestContexts.client(clientEngine).tls12(),
                TestContexts.server(serverEngine).tls12(), POLL_MILLIS)) {
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
        try (Loopback lb = Loopback.open(TestContexts.client(engine).tls12(),
                TestContexts.server(engine).tls12(), LONG_TIMEOUT_MILLIS)) {
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

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("renegotiating")
    @DisplayName("R11.4 blocking socket, AUTO_RETRY off: the read that meets a HelloRequest does the renegotiation and returns -1/WANT_READ; the retry returns the data")
    void autoRetryOffBlocking(String engine) throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        helloRequestOnBlockingSocket(engine, false, log);
        assertThat(log).containsExactly("WANT_READ", "WANT_READ", "WANT_READ");
    }

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("renegotiating")
    @DisplayName("R11.1 blocking socket, AUTO_RETRY on (the default): the read that meets a HelloRequest does the renegotiation and returns the data")
    void autoRetryOnBlocking(String engine) throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        helloRequestOnBlockingSocket(engine, true, log);
        assertThat(log).containsExactly("data", "data", "data");
    }

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("renegotiating")
    @DisplayName("R11.5 blocking socket: a client in the middle of a renegotiation writes 1 MiB in one call; the write finishes the handshake and returns the full length, whatever AUTO_RETRY")
    void blockingWriteFinishesRenegotiation(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        for (boolean autoRetry : new boolean[] {true, false}) {
            try (Loopback lb = Loopback.open(TestContexts.client(engine).tls12(),
                    TestContexts.server(engine).tls12(), LONG_TIMEOUT_MILLIS)) {
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

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("renegotiating")
    @DisplayName("R11.3 blocking socket: one write of 8 MiB while the server renegotiates returns 8 MiB; the client answers the HelloRequest only with its next read")
    void blockingWriteWhileServerRenegotiates(String engine) throws Exception {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        for (boolean autoRetry : new boolean[] {true, false}) {
            try (Loopback lb = Loopback.openCounted(TestContexts.client(engine).tls12(),
                    TestContexts.server(engine).tls12(), LONG_TIMEOUT_MILLIS)) {
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
    // 3. Engines without renegotiation
    // =========================================================================================================

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("notRenegotiating")
    @DisplayName("R11.11 an engine without renegotiation refuses it on either side during 8 MiB each way over blocking sockets; the transfer goes on intact")
    void renegotiationRefusedDuringBulk(String engine) throws Exception {
        TestEngines.assumeLacks(engine, Capability.RENEGOTIATION);
        try (Loopback lb = Loopback.openCounted(TestContexts.client(engine).tls12(),
                TestContexts.server(engine).tls12(), POLL_MILLIS)) {
            MidTransfer refuse = (ssl, i) -> assertRefusedCleanly(ssl, ssl.renegotiate(), "renegotiate #" + i);
            BulkTransfer.Sides sides = bulk(lb, 10, refuse, refuse);
            assertThat(sides.client().actionsDone).isEqualTo(OFFSETS.length);
            assertThat(sides.server().actionsDone).isEqualTo(OFFSETS.length);
            assertThat(lb.records(0, 22, true)).as("client handshake records after app data").isZero();
            assertThat(lb.records(1, 22, true)).as("server handshake records after app data").isZero();
        }
    }
}
