package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslVersion;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** Shared steps of the conformance tests: pairs of connections, and assertions on libssl's results. */
final class Fixtures {
    private Fixtures() {
    }

    static final int TLS12 = SslVersion.TLS1_2_VERSION;
    static final int TLS13 = SslVersion.TLS1_3_VERSION;

    /** A client and a server on {@code engine}, pinned to {@code version}, over a BIO pair of {@code bufSize}. */
    static TestPair pair(String engine, int version, int bufSize) {
        return pair(engine, version, bufSize, ctx -> { }, ctx -> { });
    }

    static TestPair pair(String engine, int version, int bufSize, Consumer<SslCtx> client, Consumer<SslCtx> server) {
        return TestPair.create(ctx(engine, false, version, client), ctx(engine, true, version, server), bufSize);
    }

    /** A client or server context on {@code engine}, pinned to {@code version}, with {@code extra} settings. */
    static SslCtx ctx(String engine, boolean server, int version, Consumer<SslCtx> extra) {
        TestContexts.Builder b = server ? TestContexts.server(engine) : TestContexts.client(engine);
        return b.configure(extra).only(version).build();
    }

    /** A TLS 1.3 pair with default buffers, handshake done and the error queue empty. */
    static TestPair connected(String engine) {
        return connected(engine, TLS13, 0);
    }

    static TestPair connected(String engine, int version, int bufSize) {
        TestPair p = pair(engine, version, bufSize).handshake();
        settle(p);
        SslErrorQueue.clear();
        return p;
    }

    /** Lets each side absorb what the other sent after its own handshake finished (TLS 1.3 tickets, say). */
    static void settle(TestPair p) {
        byte[] none = new byte[0];
        for (int i = 0; i < 4; i++) {
            SslErrorQueue.clear();
            p.client().read(none, 0, 0);
            p.server().read(none, 0, 0);
        }
        SslErrorQueue.clear();
    }

    /** Asserts a call's result: its return value and what {@code getError} says. */
    static void assertResult(Ssl ssl, int ret, int expectedRet, SslError expected) {
        assertThat(ret).as("return value").isEqualTo(expectedRet);
        assertThat(ssl.getError(ret)).as("getError(" + ret + "), queue " + SslErrorQueue.snapshot()).isEqualTo(expected);
    }

    /** Asserts that the oldest queue entry is the SSL reason {@code reason}, and returns it. */
    static SslErrorEntry assertReason(int reason, String text) {
        SslErrorEntry e = SslErrorQueue.peek();
        assertThat(e).as("error queue entry").isNotNull();
        assertThat(e.library()).as("library of " + e).isEqualTo(SslErrorEntry.LIB_SSL);
        assertThat(e.reason()).as("reason of " + e).isEqualTo(reason);
        assertThat(e.reasonString()).isEqualTo(text);
        return e;
    }

    /** Compares two byte arrays by length and SHA-256, so that a failure prints two lines, not megabytes. */
    static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("byte count").isEqualTo(expected.length);
        int first = java.util.Arrays.mismatch(actual, expected);
        assertThat(first).as("index of the first differing byte").isEqualTo(-1);
    }

    /**
     * Re-wires a connected pair so that the test carries the client's records by hand: the client writes into
     * {@code toServer.out}, the server reads from {@code toServer.in}.
     */
    static Wire wireByHand(TestPair p) {
        Wire w = new Wire(org.libssl4j.bio.MemBio.create(), org.libssl4j.bio.MemBio.create());
        p.client().setWbio(w.out);
        p.server().setRbio(w.in);
        return w;
    }

    /** Two memory BIOs between a sender and a receiver, moved by the test. */
    record Wire(org.libssl4j.bio.MemBio out, org.libssl4j.bio.MemBio in) {
        /** Moves the first {@code n} bytes the sender wrote to the receiver. */
        void move(int n) {
            byte[] b = new byte[n];
            int got = out.read(b, 0, n);
            assertThat(got).as("bytes the sender wrote").isEqualTo(n);
            in.write(b, 0, n);
        }

        /** Moves everything the sender wrote. */
        int moveAll() {
            byte[] b = out.drain();
            in.write(b, 0, b.length);
            return b.length;
        }
    }

    /**
     * Repeats the client's write of all of {@code data} with the same arguments, as libssl asks, draining the
     * server between attempts (each of which must want to write), and checks that the server got exactly
     * {@code data}, received before the call plus what it drains now included.
     */
    static void assertWriteDelivers(TestPair p, byte[] data, java.io.ByteArrayOutputStream receivedBefore) {
        java.io.ByteArrayOutputStream got = receivedBefore != null ? receivedBefore : new java.io.ByteArrayOutputStream();
        int r;
        int calls = 0;
        while ((r = p.client().write(data, 0, data.length)) <= 0) {
            assertThat(p.client().getError(r)).as("write " + calls).isEqualTo(SslError.WANT_WRITE);
            got.writeBytes(drain(p.server()));
            assertThat(++calls).as("write calls").isLessThan(1000);
        }
        assertThat(r).isEqualTo(data.length);
        got.writeBytes(drain(p.server()));
        assertSameBytes(got.toByteArray(), data);
    }

    static List<SslErrorEntry> errors() {
        return SslErrorQueue.snapshot();
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads everything the connection can give now (WANT_READ ends it) into one array. */
    static byte[] drain(Ssl ssl) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (true) {
            int n = ssl.read(buf, 0, buf.length);
            if (n <= 0) {
                SslErrorQueue.clear();
                return out.toByteArray();
            }
            out.write(buf, 0, n);
        }
    }

    /** The sizes of the reads that empty the connection, one record per read. */
    static List<Integer> readSizes(Ssl ssl) {
        List<Integer> sizes = new java.util.ArrayList<>();
        byte[] buf = new byte[65536];
        while (true) {
            int n = ssl.read(buf, 0, buf.length);
            if (n <= 0) {
                SslErrorQueue.clear();
                return sizes;
            }
            sizes.add(n);
        }
    }

    /** How a handshake ended on each side: 1 done, -1 failed (with the first entry on the queue), 0 still waiting. */
    static final class Verdict {
        int client;
        int server;
        SslErrorEntry clientError;
        SslErrorEntry serverError;

        @Override
        public String toString() {
            return "client " + client + " " + clientError + ", server " + server + " " + serverError;
        }
    }

    /**
     * Drives both sides of {@code p} until each has finished or failed (bounded), clearing the queue before each call;
     * a TLS 1.3 client that finished then reads once, since its verdict on the server's check comes with that read.
     */
    static Verdict verdict(TestPair p) {
        Verdict o = new Verdict();
        for (int i = 0; i < 20 && (o.client == 0 || o.server == 0); i++) {
            if (o.client == 0) {
                SslErrorQueue.clear();
                int r = p.client().doHandshake();
                if (r == 1) {
                    o.client = 1;
                } else if (p.client().getError(r) != SslError.WANT_READ) {
                    o.client = -1;
                    o.clientError = SslErrorQueue.peek();
                }
            }
            if (o.server == 0) {
                SslErrorQueue.clear();
                int r = p.server().doHandshake();
                if (r == 1) {
                    o.server = 1;
                } else if (p.server().getError(r) != SslError.WANT_READ) {
                    o.server = -1;
                    o.serverError = SslErrorQueue.peek();
                }
            }
        }
        if (o.client == 1) {
            SslErrorQueue.clear();
            int r = p.client().read(new byte[1], 0, 1);
            if (r <= 0 && p.client().getError(r) == SslError.SSL) {
                o.client = -1;
                o.clientError = SslErrorQueue.peek();
            }
        }
        return o;
    }

    /** The seeds a seeded test runs: {@code count} of them from {@code first}. */
    record Seeds(long first, int count) {
        long last() {
            return first + count - 1;
        }
    }

    /**
     * The seeds of a seeded test: CI's ({@code ciFirst}, {@code ciCount}); {@code -D<seedProperty>=S} starts at S
     * and, with {@code -D<countProperty>} unset, runs S alone (the replay of a failure); {@code -D<countProperty>=N}
     * runs N.
     */
    static Seeds seeds(String seedProperty, String countProperty, long ciFirst, int ciCount) {
        String seed = System.getProperty(seedProperty);
        long first = seed != null ? Long.parseLong(seed.trim()) : ciFirst;
        return new Seeds(first, Integer.getInteger(countProperty, seed != null ? 1 : ciCount));
    }
}
