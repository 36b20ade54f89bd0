package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.Loopback;

/**
 * A concurrent bulk transfer over blocking loopback sockets ({@link Loopback}), with something done mid-transfer:
 * the loop of {@link RenegotiationBulkTest} and {@link KeyUpdateBulkTest}. Each side runs on its own thread and
 * loops: it writes one chunk (only when it is not in a handshake: libssl lets application data through in the middle
 * of a renegotiation only to {@code SSL_read}, R11.6), then reads until a read times out ({@code SO_TIMEOUT}, a
 * WANT_READ), so that neither side can block the other; {@value #BULK} bytes go each way at once, checked by SHA-256.
 */
final class BulkTransfer {
    static final int BULK = 8 << 20;
    static final int CHUNK = 32 * 1024;
    /**
     * The polling read timeout of the bulk loops: a read that gets nothing for this long returns WANT_READ. Each
     * round of a side's loop ends with such a wait, so this sets the pace: at 10 ms a transfer took 3 s, at 1 ms
     * well under one.
     */
    static final int POLL_MILLIS = 1;
    static final long RUN_MILLIS = 45_000;
    /** Data offsets (bytes sent by the initiating side) at which a renegotiation, key update or refusal is tried. */
    static final int[] OFFSETS = {BULK / 8, 3 * BULK / 8, 5 * BULK / 8};

    private BulkTransfer() {
    }

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
            while (!done(ssl)) {
                assertThat(System.nanoTime()).as("%s: sent %s, received %s, in init %s, pending %s", side(), sent,
                        received, ssl.inInit(), ssl.renegotiatePending()).isLessThan(deadline);
                if (action != null && actionsDone < OFFSETS.length && sent >= OFFSETS[actionsDone]
                        && ssl.isInitFinished() && !ssl.renegotiatePending()) {
                    action.at(ssl, actionsDone++);
                    SslErrorQueue.clear();
                    wasPending = ssl.renegotiatePending();
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
                    // A renegotiation may end inside a write (a server's last flight, R11.2): count it there too.
                    if (wasPending && !ssl.renegotiatePending()) {
                        renegotiationsFinished++;
                    }
                    wasPending = ssl.renegotiatePending();
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
    static byte[] random(long seed) {
        byte[] b = new byte[BULK];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    /** The two sides of a finished transfer. */
    record Sides(Bulk client, Bulk server) {
    }

    /**
     * Runs a bulk transfer of {@link #BULK} bytes both ways, random from {@code seed} (the client's) and
     * {@code seed + 1} (the server's), with {@code clientAction} and {@code serverAction} (null: none) at each of
     * {@link #OFFSETS}, and checks both SHA-256 sums.
     */
    static Sides bulk(Loopback lb, long seed, MidTransfer clientAction, MidTransfer serverAction) throws Exception {
        Bulk client = new Bulk(true, random(seed), BULK, clientAction);
        Bulk server = new Bulk(false, random(seed + 1), BULK, serverAction);
        lb.run(client, server, RUN_MILLIS);
        assertThat(server.digest()).as("SHA-256 of what the server got").isEqualTo(sha256(client.out));
        assertThat(client.digest()).as("SHA-256 of what the client got").isEqualTo(sha256(server.out));
        assertThat(client.sent).isEqualTo(BULK);
        assertThat(server.sent).isEqualTo(BULK);
        return new Sides(client, server);
    }

    /** Asserts a clean refusal (0, SSL, an SSL-library reason) that schedules nothing. */
    static void assertRefusedCleanly(Ssl ssl, int ret, String what) {
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
}
