package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslReason;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.AlwaysRetryBio;
import org.libssl4j.testkit.ChunkingBio;
import org.libssl4j.testkit.TestPair;

/**
 * Random faults on the transport (issue 14, item 2): for every engine, {@value #CI_MUTATIONS} seeded connections,
 * each with one fault on one direction's record stream ({@link RecordMutator}), under an always-retry BIO and
 * 1-byte re-framing at random, TLS 1.2 and 1.3, random data both ways, then close_notify both ways. Each outcome is
 * counted by the reason the reading side failed with; the rules are checked on every one (FAULT-1..5).
 * {@code -Dlibssl4j.faults=N} runs N per engine, {@code -Dlibssl4j.faultSeed=S} replays one.
 */
class TransportFaultTest {
    static final long CI_FIRST_SEED = 20261205L;
    static final int CI_MUTATIONS = 1000;
    /** Rounds without any movement before the harness closes the transport both ways, as a timeout would. */
    private static final int IDLE_ROUNDS_BEFORE_EOF = 40;
    /** Rounds without any movement after that which count as a hang. */
    private static final int IDLE_ROUNDS_AFTER_EOF = 200;
    private static final int MAX_ROUNDS = 200_000;
    private static final boolean TRACE = Boolean.getBoolean("libssl4j.faultTrace");

    @EngineTest
    @DisplayName("FAULT-1 FAULT-2 FAULT-3 FAULT-4 FAULT-5 seeded faults on the record stream (flips, cuts, drops, duplicates, reordering, oversized, zero-length, fragmented records, garbage, data after close_notify) under always-retry BIOs: libssl's answer, nothing from a bad record, no hang, no exception")
    void randomFaults(String engine) {
        Fixtures.Seeds seeds = Fixtures.seeds("libssl4j.faultSeed", "libssl4j.faults", CI_FIRST_SEED, CI_MUTATIONS);
        long first = seeds.first();
        int count = seeds.count();
        Map<Integer, SslCtx[]> contexts = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            for (int version : new int[] {Fixtures.TLS12, Fixtures.TLS13}) {
                contexts.put(version, new SslCtx[] {Fixtures.ctx(engine, false, version, c -> { }),
                        Fixtures.ctx(engine, true, version, c -> { })});
            }
            for (long seed = first; seed < first + count; seed++) {
                try {
                    String outcome = new Case(seed, contexts).run();
                    outcomes.merge(outcome, 1, Integer::sum);
                } catch (AssertionError | RuntimeException e) {
                    SslErrorQueue.clear();
                    failures.add("seed " + seed + ": " + e);
                }
            }
        } finally {
            contexts.values().forEach(cs -> Arrays.stream(cs).forEach(SslCtx::close));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        int notReached = outcomes.entrySet().stream().filter(o -> o.getKey().contains("(never reached)"))
                .mapToInt(Map.Entry::getValue).sum();
        System.out.printf("transport faults: engine %s, seeds %d..%d: %d mutations (%d applied, %d past the end of the"
                + " stream), %d failed, %d ms (%d ms CPU)%n", engine, first, first + count - 1, count, count - notReached,
                notReached, failures.size(), ms, cpuMs);
        outcomes.forEach((k, v) -> System.out.printf("  %5d  %s%n", v, k));
        failures.stream().limit(20).forEach(f -> System.out.println("  FAILED " + f));
        assertThat(failures).as("failed mutations (replay one with -Dlibssl4j.faultSeed=SEED)").isEmpty();
    }

    /** One connection with one fault. */
    private static final class Case {
        final long seed;
        final SplittableRandom rnd;
        final int version;
        final SslCtx clientCtx;
        final SslCtx serverCtx;
        final RecordMutator.Kind kind;
        final boolean clientSends;
        final String where;

        Case(long seed, Map<Integer, SslCtx[]> contexts) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            this.version = rnd.nextBoolean() ? Fixtures.TLS12 : Fixtures.TLS13;
            this.clientCtx = contexts.get(version)[0];
            this.serverCtx = contexts.get(version)[1];
            RecordMutator.Kind[] kinds = RecordMutator.Kind.values();
            this.kind = kinds[rnd.nextInt(kinds.length)];
            this.clientSends = rnd.nextBoolean();
            this.where = (version == Fixtures.TLS13 ? "TLSv1.3 " : "TLSv1.2 ") + kind + " on the "
                    + (clientSends ? "client's" : "server's") + " records";
        }

        String run() {
            try (TestPair p = TestPair.create(clientCtx, serverCtx, 100 + rnd.nextInt(20_000))) {
                BioPair.Half senderHalf = clientSends ? p.clientBio() : p.serverBio();
                RecordMutator mutator = new RecordMutator(senderHalf, senderHalf::shutdownWr, kind, rnd.nextInt(7),
                        rnd.nextLong());
                Side client = new Side("client", p.client(), rnd.nextInt(8_000));
                Side server = new Side("server", p.server(), rnd.nextInt(8_000));
                wire(client, p.clientBio(), clientSends ? mutator : p.clientBio());
                wire(server, p.serverBio(), clientSends ? p.serverBio() : mutator);
                Side sender = clientSends ? client : server;
                Side reader = clientSends ? server : client;
                sender.afterShutdown = mutator::appendAfterClose;
                client.peerTotal = server.total;
                server.peerTotal = client.total;
                drive(p, mutator, client, server);
                client.checkReceived(server.data);
                server.checkReceived(client.data);
                String label = where.replaceFirst(" on the .*", "") + (mutator.applied() ? "" : " (never reached)");
                checkRules(mutator, reader, sender);
                if (Boolean.getBoolean("libssl4j.faultTrace")) {
                    System.out.println("  seed " + seed + " " + where + " " + mutator + ": reader " + reader.outcome()
                            + "; sender " + sender.outcome());
                }
                return label + ": reader " + reader.outcome() + "; sender " + sender.outcome();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
        }

        /** The transport of one side: its read and write BIOs, each behind an always-retry BIO or 1-byte pieces at random. */
        private void wire(Side side, Bio read, Bio write) {
            Bio r = read;
            Bio w = write;
            switch (rnd.nextInt(4)) {
                case 0 -> r = new AlwaysRetryBio(r, rnd.nextLong(), 2);
                case 1 -> r = new ChunkingBio(r, rnd.nextLong(), 1);
                default -> { }
            }
            if (rnd.nextInt(3) == 0) {
                w = new AlwaysRetryBio(w, rnd.nextLong(), 2);
            }
            side.ssl.setBio(r, w);
            if (rnd.nextBoolean()) {
                side.ssl.setMode(SslMode.ENABLE_PARTIAL_WRITE);
            }
            side.random = new SplittableRandom(rnd.nextLong());
            side.data = Fixtures.bytes(side.total, (int) seed ^ side.name.hashCode());
        }

        private void drive(TestPair p, RecordMutator mutator, Side client, Side server) {
            int idle = 0;
            boolean eof = false;
            String before = state(p, mutator, client, server);
            for (int round = 0; round < MAX_ROUNDS; round++) {
                client.step();
                mutator.pump();
                server.step();
                mutator.pump();
                if (client.terminal() && server.terminal()) {
                    return;
                }
                String now = state(p, mutator, client, server);
                idle = now.equals(before) ? idle + 1 : 0;
                before = now;
                if (!eof && idle > IDLE_ROUNDS_BEFORE_EOF) {
                    // Nothing moves (a dropped or held record, a cut): the transport closes, as a timeout would.
                    eof = true;
                    idle = 0;
                    p.clientBio().shutdownWr();
                    p.serverBio().shutdownWr();
                } else if (eof && idle > IDLE_ROUNDS_AFTER_EOF) {
                    break;
                }
            }
            throw new AssertionError("hang: no end after the transport closed: client " + client.outcome()
                    + ", server " + server.outcome());
        }

        private static String state(TestPair p, RecordMutator mutator, Side client, Side server) {
            return p.clientBio().pending() + "/" + p.serverBio().pending() + "/" + mutator.queued() + "/"
                    + client.progress() + "/" + server.progress();
        }

        /** The rules a fault's reader must follow, where the fault decides the answer. */
        private void checkRules(RecordMutator mutator, Side reader, Side sender) {
            if (!mutator.applied() || kind == RecordMutator.Kind.FRAGMENT || kind == RecordMutator.Kind.AFTER_CLOSE) {
                // FAULT-3: no fault (or a legal re-framing, or bytes behind close_notify): a clean connection.
                assertThat(reader.clean() && sender.clean()).as("FAULT-3 both sides close cleanly with every byte: reader "
                        + reader.outcome() + ", sender " + sender.outcome()).isTrue();
                return;
            }
            if (kind == RecordMutator.Kind.OVERSIZE) {
                // FAULT-4 (R09.7, R10.5): judged on the header alone.
                assertThat(reader.failureReason).as("FAULT-4 an oversized record: reader " + reader.outcome())
                        .isEqualTo(SslReason.PACKET_LENGTH_TOO_LONG);
            }
            if (kind == RecordMutator.Kind.CUT && !reader.clean()) {
                // FAULT-5 (R08.1, R08.4): a stream that stops mid-record, or before close_notify, is an unexpected EOF.
                assertThat(reader.failureReason).as("FAULT-5 a cut stream: reader " + reader.outcome())
                        .isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
            }
        }
    }

    /** One side of a case: writes its data, closes, reads to the peer's close_notify, or fails. */
    private static final class Side {
        final String name;
        final Ssl ssl;
        final int total;
        int peerTotal;
        byte[] data;
        SplittableRandom random;
        Runnable afterShutdown = () -> { };
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final byte[] buf = new byte[20_000];
        int sent;
        int pendingLen = -1;
        boolean shutdownSent;
        boolean peerClosed;
        String failure;
        int failureReason;
        int calls;

        Side(String name, Ssl ssl, int total) {
            this.name = name;
            this.ssl = ssl;
            this.total = total;
        }

        boolean terminal() {
            return failure != null || (shutdownSent && peerClosed);
        }

        boolean clean() {
            return failure == null && shutdownSent && peerClosed && sent == data.length;
        }

        String progress() {
            return sent + ":" + received.size() + ":" + shutdownSent + ":" + peerClosed + ":" + ssl.isInitFinished()
                    + ":" + (failure != null);
        }

        String outcome() {
            return failure != null ? failure : clean() ? "clean" : "unfinished";
        }

        void step() {
            if (terminal()) {
                return;
            }
            SslErrorQueue.clear();
            if (!ssl.isInitFinished() && sent == 0) {
                int r = ssl.doHandshake();
                if (r != 1 && !retry("doHandshake", r)) {
                    return;
                }
            }
            if (sent < data.length) {
                int len = pendingLen >= 0 ? pendingLen : Math.min(data.length - sent, 1 + random.nextInt(20_000));
                int r = ssl.write(data, sent, len);
                if (TRACE) {
                    System.out.println("    " + name + " write " + len + " -> " + r);
                }
                if (r > 0) {
                    sent += r;
                    pendingLen = -1;
                } else if (retry("write", r)) {
                    pendingLen = len;
                } else {
                    return;
                }
            } else if (!shutdownSent && ssl.isInitFinished() && received.size() == peerTotal) {
                // Both ways done before either closes: no half-close (R07.3 is a capability for TLS 1.2).
                int r = ssl.shutdown();
                if (TRACE) {
                    System.out.println("    " + name + " shutdown " + r + " " + ssl.getError(r));
                }
                if (r >= 0) {
                    shutdownSent = true;
                    afterShutdown.run();
                } else if (!retry("shutdown", r)) {
                    return;
                }
            }
            if (!peerClosed) {
                int want = 1 + random.nextInt(buf.length - 1);
                int n = ssl.read(buf, 0, want);
                if (TRACE && n != -1) {
                    System.out.println("    " + name + " read " + n + " " + ssl.getError(n) + " " + SslErrorQueue.snapshot());
                }
                if (n > 0) {
                    received.write(buf, 0, n);
                } else if (n == 0 && ssl.getError(n) == SslError.ZERO_RETURN) {
                    peerClosed = true;
                    // Whatever follows close_notify is never read (FAULT-3): a read again is 0 / ZERO_RETURN.
                    int again = ssl.read(buf, 0, buf.length);
                    SslError e = ssl.getError(again);
                    if (again != 0 || e != SslError.ZERO_RETURN) {
                        throw new AssertionError(name + ": a read after close_notify gave " + again + " " + e);
                    }
                } else {
                    retry("read", n);
                }
            }
        }

        /** True if {@code ret} asks for a retry; else records the failure (FAULT-2) and returns false. */
        private boolean retry(String call, int ret) {
            SslError e = ssl.getError(ret);
            if (e == SslError.WANT_READ || e == SslError.WANT_WRITE) {
                return true;
            }
            List<SslErrorEntry> queue = SslErrorQueue.snapshot();
            SslErrorEntry entry = queue.isEmpty() ? null : queue.get(queue.size() - 1);
            if (e == SslError.SSL) {
                // FAULT-2: a TLS failure names its reason on the queue, and never as an engine's internal error.
                assertThat(entry).as(name + " " + call + " -> " + ret + " SSL with an empty queue").isNotNull();
                if (entry.reason() == SslReason.INTERNAL_ERROR) {
                    throw new AssertionError(name + " " + call + " -> " + ret + " " + queue, entry.cause());
                }
                failureReason = entry.reason();
            }
            failure = call + " " + e + (entry == null ? "" : " " + entry.reasonString());
            SslErrorQueue.clear();
            return false;
        }

        void checkReceived(byte[] peerData) {
            byte[] got = received.toByteArray();
            // FAULT-1: what was delivered is a prefix of what the peer sent: nothing from a bad record, nothing twice.
            assertThat(got.length).as(name + " received more than was sent").isLessThanOrEqualTo(peerData.length);
            if (!Arrays.equals(got, 0, got.length, peerData, 0, got.length)) {
                throw new AssertionError("FAULT-1 " + name + " received bytes the peer did not send at that place");
            }
        }
    }
}
