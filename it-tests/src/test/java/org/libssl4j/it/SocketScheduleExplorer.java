package org.libssl4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.libssl4j.Bio;
import org.libssl4j.SocketBio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.AlwaysRetryBio;
import org.libssl4j.testkit.LoopbackSockets;
import org.libssl4j.testkit.TestCerts;

/**
 * One random schedule with two threads, one per side, over a non-blocking loopback socket pair with small socket
 * buffers: each thread makes random writes (arrays at an offset, heap and direct {@code ByteBuffer}s, retried
 * with the same arguments), reads and peeks of random sizes on its own {@code Ssl}, waits briefly after a
 * WANT_READ or WANT_WRITE, and closes in two phases once it has sent its stream and read the peer's. A side's
 * transport may answer "retry" before every transfer ({@link AlwaysRetryBio}). Every byte read is checked against
 * the peer's stream, every return value against the rules, the error queue after every success; a schedule that
 * does not end within {@link #DEADLINE_MS} is stuck. {@link #run} returns null when the schedule held.
 */
final class SocketScheduleExplorer {
    static final long DEADLINE_MS = 20_000;

    private SocketScheduleExplorer() {
    }

    /** Runs schedule {@code seed} with the client and server contexts of one version: null if it held. */
    static String run(SslCtx clientCtx, SslCtx serverCtx, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder setup = new StringBuilder();
        try (LoopbackSockets sockets = LoopbackSockets.open()) {
            int buffer = 4096 << rnd.nextInt(5);
            setup.append("socket buffers ").append(buffer).append("; ");
            for (SocketChannel ch : new SocketChannel[] {sockets.client(), sockets.server()}) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, buffer);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, buffer);
                ch.configureBlocking(false);
            }
            byte[] clientStream = stream(seed, 1, rnd.nextInt(100_001));
            byte[] serverStream = stream(seed, 2, rnd.nextInt(100_001));
            Ssl client = clientCtx.newSsl();
            Ssl server = serverCtx.newSsl();
            try {
                client.setConnectState();
                client.setTlsextHostName(TestCerts.HOST);
                server.setAcceptState();
                Side c = new Side("client", client, sockets.client(), clientStream, serverStream, rnd.split(), setup);
                Side s = new Side("server", server, sockets.server(), serverStream, clientStream, rnd.split(), setup);
                Thread ct = new Thread(c, "explorer-client-" + seed);
                Thread st = new Thread(s, "explorer-server-" + seed);
                ct.start();
                st.start();
                ct.join(DEADLINE_MS + 5_000);
                st.join(5_000);
                if (ct.isAlive() || st.isAlive()) {
                    ct.interrupt();
                    st.interrupt();
                    return "seed " + seed + ": a thread did not end (" + setup + ")";
                }
                String failure = c.failure != null ? c.failure : s.failure;
                return failure == null ? null : "seed " + seed + ": " + failure + " (" + setup + ")";
            } finally {
                client.close();
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "seed " + seed + ": interrupted";
        }
    }

    private static byte[] stream(long seed, int salt, int length) {
        byte[] b = new byte[length];
        new Random(seed * 31 + salt).nextBytes(b);
        return b;
    }

    /** One side, run by its own thread. */
    private static final class Side implements Runnable {
        final String name;
        final Ssl ssl;
        final byte[] mine;
        final byte[] peers;
        final SplittableRandom rnd;
        final boolean partial;
        final boolean moving;
        int sent;
        int received;
        Object pending;
        int pendingOff;
        int pendingLen;
        volatile String failure;
        private int calls;
        private String last = "";

        Side(String name, Ssl ssl, SocketChannel channel, byte[] mine, byte[] peers, SplittableRandom rnd,
                StringBuilder setup) {
            this.name = name;
            this.ssl = ssl;
            this.mine = mine;
            this.peers = peers;
            this.rnd = rnd;
            long mode = ScheduleExplorer.randomMode(rnd);
            ssl.clearMode(~0L);
            ssl.setMode(mode);
            partial = (mode & SslMode.ENABLE_PARTIAL_WRITE) != 0;
            moving = (mode & SslMode.ACCEPT_MOVING_WRITE_BUFFER) != 0;
            boolean retrying = rnd.nextInt(3) == 0;
            Bio read = SocketBio.of(channel);
            Bio write = SocketBio.of(channel);
            if (retrying) {
                read = new AlwaysRetryBio(read, rnd.nextLong(), 2);
                write = new AlwaysRetryBio(write, rnd.nextLong(), 2);
            }
            ssl.setBio(read, write);
            synchronized (setup) {
                setup.append(String.format("%s mode 0x%x%s sends %d; ", name, mode, retrying ? " always-retry" : "",
                        mine.length));
            }
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            try {
                while (!done()) {
                    if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                        throw new AssertionError("stuck: sent " + sent + " of " + mine.length + ", read " + received
                                + " of " + peers.length + ", shutdown bits " + ssl.getShutdown() + ", last " + last);
                    }
                    boolean moved;
                    // A write waiting for room does not stop reads (libssl allows SSL_read meanwhile), or two
                    // writers with full socket buffers would wait for each other for ever.
                    if (sent < mine.length && rnd.nextInt(2) == 0) {
                        moved = write();
                    } else if (sent == mine.length && received == peers.length) {
                        moved = shutdown();
                    } else {
                        moved = read(rnd.nextInt(6) == 0);
                    }
                    if (!moved) {
                        LockSupport.parkNanos(10_000 + rnd.nextInt(40_000));
                    }
                }
            } catch (AssertionError | RuntimeException e) {
                failure = name + " after " + calls + " calls: " + e;
            } finally {
                SslErrorQueue.clear();
            }
        }

        private boolean done() {
            return ssl.getShutdown() == (Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
        }

        private boolean write() {
            if (pending == null || (moving && rnd.nextInt(3) == 0)) {
                int len = pending != null ? pendingLen : 1 + rnd.nextInt(Math.min(mine.length - sent, 40_000));
                byte[] bytes = Arrays.copyOfRange(mine, sent, sent + len);
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        int off = rnd.nextInt(8);
                        byte[] array = new byte[off + len];
                        System.arraycopy(bytes, 0, array, off, len);
                        pending = array;
                        pendingOff = off;
                    }
                    case 1 -> pending = ByteBuffer.wrap(bytes);
                    default -> pending = ByteBuffer.allocateDirect(len).put(bytes).flip();
                }
                pendingLen = len;
            }
            SslErrorQueue.clear();
            int r = pending instanceof byte[] a ? ssl.write(a, pendingOff, pendingLen) : ssl.write((ByteBuffer) pending);
            calls++;
            last = "write " + pendingLen + " = " + r;
            if (r > 0) {
                check(SslErrorQueue.isEmpty(), "write returned %d with the queue %s", r, SslErrorQueue.snapshot());
                check(partial ? r <= pendingLen : r == pendingLen, "write returned %d of %d (partial %s)", r, pendingLen, partial);
                sent += r;
                pending = null;
                return true;
            }
            expectRetry("write", r);
            return false;
        }

        private boolean read(boolean peek) {
            int len = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 100 : 20_000);
            SslErrorQueue.clear();
            byte[] got;
            int r;
            if (rnd.nextBoolean()) {
                got = new byte[len];
                r = peek ? ssl.peek(got, 0, len) : ssl.read(got, 0, len);
            } else {
                ByteBuffer bb = rnd.nextBoolean() ? ByteBuffer.allocate(len) : ByteBuffer.allocateDirect(len);
                r = peek ? ssl.peek(bb) : ssl.read(bb);
                got = new byte[Math.max(r, 0)];
                bb.flip().get(got);
            }
            calls++;
            last = (peek ? "peek " : "read ") + len + " = " + r;
            if (r > 0) {
                check(SslErrorQueue.isEmpty(), "read returned %d with the queue %s", r, SslErrorQueue.snapshot());
                check(received + r <= peers.length, "read %d bytes past the %d the peer sent", received + r, peers.length);
                check(Arrays.equals(got, 0, r, peers, received, received + r), "bytes %d..%d differ from the peer's",
                        received, received + r);
                if (!peek) {
                    received += r;
                }
                return !peek;
            }
            expectRetry(peek ? "peek" : "read", r);
            return false;
        }

        private boolean shutdown() {
            SslErrorQueue.clear();
            int before = ssl.getShutdown();
            int r = ssl.shutdown();
            calls++;
            last = "shutdown = " + r;
            SslError e = ssl.getError(r);
            check(r == 1 || r == 0 || (r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE)),
                    "shutdown returned %d, %s, queue %s", r, e, SslErrorQueue.snapshot());
            if (r == 0 || (r == -1 && e == SslError.WANT_READ)) {
                // Waiting for the peer's close_notify: libssl's way to take it is SSL_read (ZERO_RETURN).
                SslErrorQueue.clear();
                int n = ssl.read(new byte[16], 0, 16);
                SslError re = ssl.getError(n);
                check(n <= 0 && (re == SslError.ZERO_RETURN || re == SslError.WANT_READ || re == SslError.WANT_WRITE),
                        "read while closing returned %d, %s, queue %s", n, re, SslErrorQueue.snapshot());
            }
            return ssl.getShutdown() != before;
        }

        private void expectRetry(String call, int r) {
            SslError e = ssl.getError(r);
            check(r == -1 && (e == SslError.WANT_READ || e == SslError.WANT_WRITE), "%s returned %d, %s, queue %s",
                    call, r, e, SslErrorQueue.snapshot());
        }

        private static void check(boolean ok, String format, Object... args) {
            if (!ok) {
                throw new AssertionError(String.format(format, args));
            }
        }
    }
}
