package org.libssl4j.it;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslOptions;
import org.libssl4j.testkit.AlwaysRetryBio;
import org.libssl4j.testkit.ChunkingBio;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * One random schedule, replayable from its seed: a client and a server of one engine over a {@code BioPair} of
 * random capacity, with random versions and modes, driven in one thread by random calls (writes and reads of random
 * sizes, with arrays and every kind of {@code ByteBuffer}, peeks, pending counts, handshakes, renegotiations where
 * the engine has them), over a transport that may answer "retry" before every transfer or move single bytes
 * (docs/SEMANTICS.md FAULT-3), then drained and closed in two phases. Every delivered byte is checked against the
 * sender's stream and every return value against the rules; a schedule that stops moving is a failure.
 *
 * <p>{@link #run} returns null when the schedule held, else what went wrong, with everything needed to read it.
 */
final class ScheduleExplorer {
    /** How many calls the random phase makes. */
    private static final int RANDOM_STEPS = 400;

    private final String engine;
    private final long seed;
    /** SplittableRandom mixes its seed: neighbouring seeds give unrelated schedules (java.util.Random's do not). */
    private final SplittableRandom rnd;
    private final StringBuilder log = new StringBuilder();

    private ScheduleExplorer(String engine, long seed) {
        this.engine = engine;
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
    }

    /** Runs the schedule {@code seed} on {@code engine}: null if it held, else the failure and the schedule's log. */
    static String run(String engine, long seed) {
        ScheduleExplorer x = new ScheduleExplorer(engine, seed);
        try {
            x.explore();
            return null;
        } catch (AssertionError | RuntimeException e) {
            SslErrorQueue.clear();
            String tail = x.log.length() > 3000 && !Boolean.getBoolean("libssl4j.fullLog") ? "..." + x.log.substring(x.log.length() - 3000) : x.log.toString();
            return "engine " + engine + " seed " + seed + ": " + e + "\n  schedule (last calls): " + tail;
        }
    }

    /** One side: what it must send (a stream made from the seed), its write in progress, and what it read. */
    private final class Side {
        final String name;
        final Ssl ssl;
        final byte[] stream;
        final boolean partial;
        final boolean moving;
        int committed;
        int received;
        /** The write in progress: the object, where, how many; retried with these unless AMWB lets it move. */
        Object pendingBuffer;
        int pendingOff;
        int pendingLen;
        /** The first handshake is done: being in init again means a renegotiation. */
        boolean handshook;
        /** A peek's bytes, which the next read must return first. */
        byte[] peeked = new byte[0];

        Side(String name, Ssl ssl, int total, long salt, long mode) {
            this.name = name;
            this.ssl = ssl;
            this.stream = new byte[total];
            new Random(seed ^ salt).nextBytes(stream);
            this.partial = (mode & SslMode.ENABLE_PARTIAL_WRITE) != 0;
            this.moving = (mode & SslMode.ACCEPT_MOVING_WRITE_BUFFER) != 0;
        }

        boolean writing() {
            return pendingBuffer != null;
        }

        boolean allSent() {
            return committed == stream.length && !writing();
        }
    }

    private Side client;
    private Side server;
    private int capacity;
    private boolean renegotiation;
    private boolean clientMayRenegotiate;

    private void explore() {
        boolean tls12 = Engines.get(engine).has(Capability.TLS1_2);
        boolean tls13 = Engines.get(engine).has(Capability.TLS1_3);
        int version = tls13 && (!tls12 || rnd.nextBoolean()) ? Fixtures.TLS13 : Fixtures.TLS12;
        capacity = capacity();
        int most = capacity < 64 ? 3000 : capacity < 2000 ? 30_000 : 150_000;
        long clientMode = mode();
        long serverMode = mode();
        renegotiation = version == Fixtures.TLS12 && Engines.get(engine).has(Capability.RENEGOTIATION) && rnd.nextInt(3) == 0;
        clientMayRenegotiate = renegotiation && rnd.nextBoolean();
        boolean clientReadAhead = rnd.nextInt(4) == 0;
        boolean serverReadAhead = rnd.nextInt(4) == 0;
        int clientFragment = fragment();
        int serverFragment = fragment();
        log.append(String.format("version 0x%x, pair %d, client mode 0x%x%s%s, server mode 0x%x%s%s%s; ", version, capacity,
                clientMode, clientReadAhead ? " read-ahead" : "", clientFragment > 0 ? " fragment " + clientFragment : "",
                serverMode, serverReadAhead ? " read-ahead" : "", serverFragment > 0 ? " fragment " + serverFragment : "",
                renegotiation ? (clientMayRenegotiate ? " renegotiation both ways" : " server renegotiation") : ""));
        TestContexts.Builder cb = TestContexts.client(engine).only(version).mode(clientMode);
        TestContexts.Builder sb = TestContexts.server(engine).only(version).mode(serverMode);
        if (clientMayRenegotiate) {
            sb.configure(ctx -> ctx.setOptions(SslOptions.ALLOW_CLIENT_RENEGOTIATION));
        }
        try (SslCtx cctx = cb.build(); SslCtx sctx = sb.build(); TestPair p = TestPair.create(cctx, sctx, capacity)) {
            p.client().setReadAhead(clientReadAhead);
            p.server().setReadAhead(serverReadAhead);
            if (clientFragment > 0) {
                p.client().setMaxSendFragment(clientFragment);
            }
            if (serverFragment > 0) {
                p.server().setMaxSendFragment(serverFragment);
            }
            if (transport(p)) {
                most = Math.min(most, 20_000); // single-byte reads cost a call per byte
            }
            client = new Side("client", p.client(), rnd.nextInt(most + 1), 0x5eed1L, clientMode);
            server = new Side("server", p.server(), rnd.nextInt(most + 1), 0x5eed2L, serverMode);
            log.append("client sends ").append(client.stream.length).append(", server sends ").append(server.stream.length).append("\n  ");
            for (int step = 0; step < RANDOM_STEPS; step++) {
                boolean clientMoves = rnd.nextBoolean();
                randomCall(clientMoves ? client : server, clientMoves ? server : client);
            }
            drain(p);
            close(p);
        }
    }

    /**
     * The transport faults that leave a connection whole (docs/SEMANTICS.md FAULT-3), at random: a retry before
     * every real transfer, or reads of single bytes and writes of at most 64; else none.
     *
     * @return whether reads move single bytes
     */
    private boolean transport(TestPair p) {
        switch (rnd.nextInt(4)) {
            case 0:
                log.append("always-retry BIOs; ");
                p.client().setBio(new AlwaysRetryBio(p.clientBio(), rnd.nextLong(), 2), new AlwaysRetryBio(p.clientBio(), rnd.nextLong(), 2));
                p.server().setBio(new AlwaysRetryBio(p.serverBio(), rnd.nextLong(), 2), new AlwaysRetryBio(p.serverBio(), rnd.nextLong(), 2));
                return false;
            case 1:
                log.append("1-byte reads; ");
                p.client().setBio(new ChunkingBio(p.clientBio(), rnd.nextLong(), 1), new ChunkingBio(p.clientBio(), rnd.nextLong(), 64));
                p.server().setBio(new ChunkingBio(p.serverBio(), rnd.nextLong(), 1), new ChunkingBio(p.serverBio(), rnd.nextLong(), 64));
                return true;
            default:
                return false;
        }
    }

    private int capacity() {
        switch (rnd.nextInt(8)) {
            case 0: return 1 + rnd.nextInt(5);          // tiny: the handshake still completes
            case 1: return 6 + rnd.nextInt(58);
            case 2: return 64 + rnd.nextInt(2000);
            case 3: return 4096;
            case 4: return 17_408;                       // BIO_new_bio_pair's default
            case 5: return 16_000 + rnd.nextInt(2000);   // around one record
            case 6: return 65_536;
            default: return 2000 + rnd.nextInt(40_000);
        }
    }

    private long mode() {
        return randomMode(rnd);
    }

    /** A random mode: AUTO_RETRY (cleared a quarter of the time), partial writes, moving buffers, RELEASE_BUFFERS. */
    static long randomMode(SplittableRandom rnd) {
        long mode = SslMode.AUTO_RETRY;
        if (rnd.nextInt(4) == 0) {
            mode &= ~SslMode.AUTO_RETRY;
        }
        if (rnd.nextBoolean()) {
            mode |= SslMode.ENABLE_PARTIAL_WRITE;
        }
        if (rnd.nextInt(3) == 0) {
            mode |= SslMode.ACCEPT_MOVING_WRITE_BUFFER;
        }
        if (rnd.nextInt(4) == 0) {
            mode |= SslMode.RELEASE_BUFFERS;
        }
        return mode;
    }

    private int fragment() {
        return rnd.nextInt(4) == 0 ? 512 + rnd.nextInt(16384 - 512 + 1) : 0;
    }

    /**
     * A side in a renegotiation (asked for or met: renegotiate_pending, or in init after its first handshake) is
     * driven by reads, and by retries of a write it had begun, as libssl requires: a write or
     * {@code SSL_do_handshake} that meets application data from the peer there fails with "unexpected record"
     * (libssl's {@code ossl_statem_app_data_allowed} lets only {@code SSL_read} take it; the state machine's
     * {@code settle}).
     */
    private static boolean renegotiating(Side s) {
        return s.handshook && (s.ssl.inInit() || s.ssl.renegotiatePending());
    }

    private void randomCall(Side me, Side peer) {
        me.handshook |= me.ssl.isInitFinished();
        if (renegotiating(me) && !me.writing()) {
            read(me, peer, rnd.nextInt(5) == 0);
            return;
        }
        int what = rnd.nextInt(100);
        if (what < 35) {
            write(me);
        } else if (what < 70) {
            read(me, peer, false);
        } else if (what < 78) {
            read(me, peer, true);
        } else if (what < 88) {
            counts(me);
        } else if (what < 92) {
            handshake(me);
        } else if (renegotiation && (me == server || clientMayRenegotiate)) {
            renegotiate(me);
        } else {
            write(me);
        }
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    private void write(Side s) {
        if (s.allSent()) {
            return;
        }
        if (!s.writing()) {
            int left = s.stream.length - s.committed;
            int len = 1 + rnd.nextInt(Math.min(left, rnd.nextInt(4) == 0 ? 70_000 : 20_000));
            newWrite(s, len);
        } else if (s.moving && rnd.nextInt(3) == 0) {
            // AMWB: the retry may name another buffer holding the same bytes.
            newWrite(s, s.pendingLen);
        }
        retryWrite(s);
    }

    /** A new buffer of some kind, holding the next {@code len} bytes of the stream. */
    private void newWrite(Side s, int len) {
        byte[] bytes = Arrays.copyOfRange(s.stream, s.committed, s.committed + len);
        switch (rnd.nextInt(5)) {
            case 0: {
                int off = rnd.nextInt(8);
                byte[] array = new byte[off + len + rnd.nextInt(8)];
                System.arraycopy(bytes, 0, array, off, len);
                s.pendingBuffer = array;
                s.pendingOff = off;
                break;
            }
            case 1:
                s.pendingBuffer = ByteBuffer.wrap(bytes);
                break;
            case 2:
                s.pendingBuffer = ByteBuffer.allocateDirect(len).put(bytes).flip();
                break;
            case 3:
                s.pendingBuffer = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
                break;
            default: {
                int off = 1 + rnd.nextInt(16);
                ByteBuffer big = ByteBuffer.allocate(off + len + 3);
                big.position(off);
                big.put(bytes);
                s.pendingBuffer = big.position(off).limit(off + len).slice();
                break;
            }
        }
        s.pendingLen = len;
    }

    private void retryWrite(Side s) {
        SslErrorQueue.clear();
        int r;
        String kind;
        if (s.pendingBuffer instanceof byte[]) {
            kind = "array";
            r = s.ssl.write((byte[]) s.pendingBuffer, s.pendingOff, s.pendingLen);
        } else {
            ByteBuffer bb = (ByteBuffer) s.pendingBuffer;
            kind = bb.isDirect() ? "direct" : bb.isReadOnly() ? "read-only" : "heap";
            int before = bb.position();
            r = s.ssl.write(bb);
            check(bb.position() == before + Math.max(r, 0), "a ByteBuffer write moved its position by %d for %d",
                    bb.position() - before, r);
        }
        log.append(s.name).append(" write ").append(kind).append(' ').append(s.pendingLen).append(" = ").append(r).append("; ");
        if (r > 0) {
            check(SslErrorQueue.isEmpty(), "%s write returned %d with the queue %s", s.name, r, SslErrorQueue.snapshot());
            check(r <= s.pendingLen, "%s write returned %d for %d", s.name, r, s.pendingLen);
            check(s.partial || r == s.pendingLen, "%s write returned %d of %d without partial-write mode", s.name, r, s.pendingLen);
            s.committed += r;
            s.pendingBuffer = null;
            return;
        }
        SslError e = s.ssl.getError(r);
        check(r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE), "%s write returned %d, %s, queue %s",
                s.name, r, e, SslErrorQueue.snapshot());
        if (s.pendingBuffer instanceof ByteBuffer) {
            return; // the same object at the same position: the retry rule's Java spelling
        }
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private void read(Side me, Side peer, boolean peek) {
        int len = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(16) : 1 + rnd.nextInt(rnd.nextBoolean() ? 2000 : 20_000);
        byte[] got;
        SslErrorQueue.clear();
        int r;
        String kind;
        switch (rnd.nextInt(4)) {
            case 0: {
                kind = "heap";
                ByteBuffer bb = ByteBuffer.allocate(len);
                r = peek ? me.ssl.peek(bb) : me.ssl.read(bb);
                got = bytesOf(bb, r);
                break;
            }
            case 1: {
                kind = "direct";
                ByteBuffer bb = ByteBuffer.allocateDirect(len);
                r = peek ? me.ssl.peek(bb) : me.ssl.read(bb);
                got = bytesOf(bb, r);
                break;
            }
            case 2: {
                kind = "slice";
                ByteBuffer big = ByteBuffer.allocate(len + 9);
                ByteBuffer bb = big.position(5).limit(5 + len).slice();
                r = peek ? me.ssl.peek(bb) : me.ssl.read(bb);
                got = bytesOf(bb, r);
                break;
            }
            default: {
                kind = "array";
                int off = rnd.nextInt(8);
                byte[] array = new byte[off + len];
                r = peek ? me.ssl.peek(array, off, len) : me.ssl.read(array, off, len);
                got = r > 0 ? Arrays.copyOfRange(array, off, off + r) : new byte[0];
                break;
            }
        }
        log.append(me.name).append(peek ? " peek " : " read ").append(kind).append(' ').append(len).append(" = ").append(r).append("; ");
        if (r > 0) {
            check(SslErrorQueue.isEmpty(), "%s read returned %d with the queue %s", me.name, r, SslErrorQueue.snapshot());
            check(r <= len && r <= 16_384, "%s read returned %d for %d", me.name, r, len);
            int offered = peer.committed + (peer.writing() ? peer.pendingLen : 0);
            check(me.received + r <= offered, "%s read %d bytes at %d, more than the peer offered (%d)",
                    me.name, r, me.received, offered);
            int mismatch = Arrays.mismatch(got, Arrays.copyOfRange(peer.stream, me.received, me.received + r));
            check(mismatch < 0, "%s read wrong bytes at stream offset %d", me.name, me.received + Math.max(mismatch, 0));
            int prefix = Math.min(me.peeked.length, r);
            check(Arrays.equals(got, 0, prefix, me.peeked, 0, prefix), "%s: a read after a peek returned other bytes", me.name);
            int pending = me.ssl.pending();
            if (peek) {
                me.peeked = got;
                check(pending >= r, "%s pending() %d after peeking %d", me.name, pending, r);
            } else {
                me.received += r;
                me.peeked = me.peeked.length > r ? Arrays.copyOfRange(me.peeked, r, me.peeked.length) : new byte[0];
                check(r == len || pending == 0, "%s read %d of %d, yet pending() says %d more of the record", me.name, r, len, pending);
            }
            return;
        }
        SslError e = me.ssl.getError(r);
        check(r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE), "%s %s returned %d, %s, queue %s",
                me.name, peek ? "peek" : "read", r, e, SslErrorQueue.snapshot());
    }

    private static byte[] bytesOf(ByteBuffer bb, int r) {
        if (r <= 0) {
            return new byte[0];
        }
        bb.flip();
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    private void counts(Side s) {
        int pending = s.ssl.pending();
        boolean has = s.ssl.hasPending();
        log.append(s.name).append(" pending ").append(pending).append(has ? " has" : "").append("; ");
        check(pending >= 0 && pending <= 16_384, "%s pending() %d", s.name, pending);
        check(pending == 0 || has, "%s pending() %d but hasPending() false", s.name, pending);
    }

    private void handshake(Side s) {
        SslErrorQueue.clear();
        int r = s.ssl.doHandshake();
        log.append(s.name).append(" doHandshake = ").append(r).append("; ");
        if (r == 1) {
            check(SslErrorQueue.isEmpty(), "%s doHandshake returned 1 with the queue %s", s.name, SslErrorQueue.snapshot());
            return;
        }
        SslError e = s.ssl.getError(r);
        check(r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE), "%s doHandshake returned %d, %s, queue %s",
                s.name, r, e, SslErrorQueue.snapshot());
    }

    private void renegotiate(Side s) {
        if (!s.ssl.isInitFinished() || s.writing()) {
            return; // a write still to retry would begin the handshake itself, and could meet the peer's data
        }
        SslErrorQueue.clear();
        int r = s.ssl.renegotiate();
        log.append(s.name).append(" renegotiate = ").append(r).append("; ");
        check(r == 1, "%s renegotiate returned %d, queue %s", s.name, r, SslErrorQueue.snapshot());
    }

    // ---- the end ---------------------------------------------------------------------------------------------

    /** Every write finished and every byte read, by turns; bounded by the bytes still to move and the pair's size. */
    private void drain(TestPair p) {
        log.append("\n  drain: ");
        int rounds = 0;
        int bound = 20_000 + 6 * (client.stream.length + server.stream.length) / Math.min(capacity, 512);
        while (rounds++ < bound) {
            for (Side s : new Side[] {client, server}) {
                s.handshook |= s.ssl.isInitFinished();
                if (!s.allSent() && (!renegotiating(s) || s.writing())) {
                    write(s);
                }
            }
            readAll(client, server);
            readAll(server, client);
            for (Side s : new Side[] {client, server}) {
                s.handshook |= s.ssl.isInitFinished();
                if (!renegotiating(s)) {
                    handshake(s);
                }
            }
            boolean done = client.allSent() && server.allSent() && client.received == server.stream.length
                    && server.received == client.stream.length;
            if (done && client.ssl.isInitFinished() && server.ssl.isInitFinished()
                    && !client.ssl.renegotiatePending() && !server.ssl.renegotiatePending()
                    && p.clientBio().pending() == 0 && p.serverBio().pending() == 0) {
                return;
            }
        }
        check(false, "stuck: not drained after %d rounds (client sent %d of %d, read %d of %d; server sent %d of %d, read %d of %d;"
                    + " renegotiate_pending client %s server %s; in init client %s server %s; in flight to client %d, to server %d)",
                    bound, client.committed, client.stream.length, client.received, server.stream.length, server.committed,
                    server.stream.length, server.received, client.stream.length, client.ssl.renegotiatePending(),
                    server.ssl.renegotiatePending(), client.ssl.inInit(), server.ssl.inInit(), p.clientBio().pending(),
                    p.serverBio().pending());
    }

    private void readAll(Side me, Side peer) {
        for (int i = 0; i < 64; i++) {
            int before = me.received;
            read(me, peer, false);
            if (me.received == before) {
                return;
            }
        }
    }

    /**
     * Two-phase shutdown: the client first, then the server; each calls shutdown until it returns 1 (both bits set
     * and its close_notify written: a shutdown that met a full or refusing BIO is called again, as libssl requires).
     */
    private void close(TestPair p) {
        log.append("\n  close: ");
        boolean[] closed = new boolean[2];
        Side[] sides = {client, server};
        for (int round = 0; round < 2_000; round++) {
            for (int i = 0; i < 2; i++) {
                Side s = sides[i];
                if (!closed[i] && (s == client || round > 0)) {
                    SslErrorQueue.clear();
                    int r = s.ssl.shutdown();
                    log.append(s.name).append(" shutdown = ").append(r).append("; ");
                    SslError e = s.ssl.getError(r);
                    check(r == 1 || r == 0 || (r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE)),
                            "%s shutdown returned %d, %s, queue %s", s.name, r, e, SslErrorQueue.snapshot());
                    closed[i] = r == 1;
                    if (r <= 0 && (s.ssl.getShutdown() & Ssl.RECEIVED_SHUTDOWN) == 0 && (s.ssl.getShutdown() & Ssl.SENT_SHUTDOWN) != 0) {
                        // A side waiting for the peer's close_notify reads it (libssl: SSL_read gives ZERO_RETURN).
                        SslErrorQueue.clear();
                        int n = s.ssl.read(new byte[64], 0, 64);
                        log.append(s.name).append(" read = ").append(n).append("; ");
                        check(n <= 0, "%s read %d bytes after all was drained", s.name, n);
                        SslError re = s.ssl.getError(n);
                        check(re == SslError.ZERO_RETURN || re == SslError.WANT_READ || re == SslError.WANT_WRITE,
                                "%s read during shutdown returned %d, %s, queue %s", s.name, n, re, SslErrorQueue.snapshot());
                    }
                }
            }
            if (closed[0] && closed[1]) {
                check(client.ssl.getShutdown() == (Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN)
                        && server.ssl.getShutdown() == (Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN),
                        "shutdown returned 1 with bits client %d, server %d", client.ssl.getShutdown(), server.ssl.getShutdown());
                SslErrorQueue.clear();
                return;
            }
        }
        check(false, "shutdown not complete: client bits %d, server bits %d", client.ssl.getShutdown(), server.ssl.getShutdown());
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(format, args));
        }
    }

    /** The schedules {@code first}, {@code first + 1}, ... of {@code engine}; the failures, one string each. */
    static List<String> explore(String engine, long first, int count) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String f = run(engine, first + i);
            if (f != null) {
                failures.add(f);
            }
        }
        return failures;
    }
}
