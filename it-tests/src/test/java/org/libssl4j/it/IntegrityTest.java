package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.ChunkingBio;
import org.libssl4j.testkit.TestPair;

/**
 * No byte is lost, doubled or reordered, whatever the BIO does: both directions at once over a transport that
 * cuts every call to a random size and refuses calls at random, with random modes, write and read sizes.
 */
class IntegrityTest {
    private static final int BYTES_EACH_WAY = 1 << 20;

    @EngineVersionTest
    @DisplayName("INTEGRITY 1 MiB each way through a chunking, refusing transport, random modes and sizes (seeds 1 to 3)")
    void bothWaysThroughChaos(String engine, int version) {
        for (long seed = 1; seed <= 3; seed++) {
            run(engine, version, seed);
        }
    }

    private static void run(String engine, int version, long seed) {
        String where = "version 0x" + Integer.toHexString(version) + " seed " + seed;
        Random random = new Random(seed);
        try (TestPair p = Fixtures.pair(engine, version, 1000 + random.nextInt(20_000))) {
            p.client().setBio(new ChunkingBio(p.clientBio(), seed, 1 + random.nextInt(5000), 0.2),
                    new ChunkingBio(p.clientBio(), seed + 100, 1 + random.nextInt(5000), 0.2));
            p.server().setBio(new ChunkingBio(p.serverBio(), seed + 200, 1 + random.nextInt(5000), 0.2),
                    new ChunkingBio(p.serverBio(), seed + 300, 1 + random.nextInt(5000), 0.2));
            for (Ssl ssl : new Ssl[] {p.client(), p.server()}) {
                if (random.nextBoolean()) {
                    ssl.setMode(SslMode.ENABLE_PARTIAL_WRITE);
                }
                if (random.nextBoolean()) {
                    ssl.setReadAhead(true);
                }
                if (random.nextBoolean()) {
                    ssl.setMode(SslMode.RELEASE_BUFFERS);
                }
            }
            Side client = new Side(p.client(), Fixtures.bytes(BYTES_EACH_WAY, 70 + (int) seed), random);
            Side server = new Side(p.server(), Fixtures.bytes(BYTES_EACH_WAY, 80 + (int) seed), random);
            for (int round = 0; round < 200_000 && !(client.done(server) && server.done(client)); round++) {
                client.step(where);
                server.step(where);
            }
            assertThat(client.done(server) && server.done(client)).as("transfer finished, " + where).isTrue();
            Fixtures.assertSameBytes(server.received.toByteArray(), client.data);
            Fixtures.assertSameBytes(client.received.toByteArray(), server.data);
        }
    }

    /** One side: writes its data with libssl's retry discipline and reads whatever arrives. */
    private static final class Side {
        final Ssl ssl;
        final byte[] data;
        final Random random;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int sent;
        int pendingLen = -1; // the length of a write that must be repeated as it was
        final byte[] readBuf = new byte[40_000];

        Side(Ssl ssl, byte[] data, Random random) {
            this.ssl = ssl;
            this.data = data;
            this.random = random;
        }

        boolean done(Side peer) {
            return sent == data.length && peer.received.size() == peer.data.length;
        }

        void step(String where) {
            if (sent < data.length) {
                int len = pendingLen >= 0 ? pendingLen : Math.min(data.length - sent, 1 + random.nextInt(50_000));
                int r = ssl.write(data, sent, len);
                if (r > 0) {
                    sent += r;
                    pendingLen = -1;
                } else {
                    expectRetry(r, where + " write");
                    pendingLen = len;
                }
            }
            int want = random.nextInt(readBuf.length);
            if (random.nextInt(10) == 0) {
                int n = ssl.peek(readBuf, 0, want);
                if (n <= 0) {
                    expectRetry(n, where + " peek");
                }
            }
            int n = ssl.read(readBuf, 0, want);
            if (n > 0) {
                received.write(readBuf, 0, n);
            } else if (want > 0) {
                expectRetry(n, where + " read");
            }
            SslErrorQueue.clear();
        }

        private void expectRetry(int r, String what) {
            SslError e = ssl.getError(r);
            if (e != SslError.WANT_READ && e != SslError.WANT_WRITE && !(r == 0 && e == SslError.SYSCALL)) {
                throw new AssertionError(what + " -> " + r + " " + e + " " + SslErrorQueue.snapshot());
            }
        }
    }
}
