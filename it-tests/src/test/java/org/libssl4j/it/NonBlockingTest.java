package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.LoopbackSockets;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Non-blocking sockets driven by a {@link Selector}, written only against the public API, the way a user writes
 * an event loop: WANT_READ becomes {@code OP_READ}, WANT_WRITE {@code OP_WRITE}, and a write retried after
 * WANT_WRITE repeats the same arguments (SEED: "the same arguments"). A client and a server, each on its own
 * thread with its own selector, move 64 MiB each way at once under socket buffer sizes drawn from a seed (fixed
 * by default; the seed is in the case name, so a failure can be replayed), check both directions by SHA-256, and close with
 * close_notify both ways.
 */
class NonBlockingTest {
    private static final long BYTES_EACH_WAY = 64L << 20;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(50);

    /** The seed of every case unless a property says otherwise: the same case names and buffer sizes every build. */
    static final long FIXED_SEED = 20261204L;

    /**
     * One case per engine and version. The seeds are fixed ({@link #FIXED_SEED} plus the hash of the engine's name and
     * the version), so every build runs the same cases; {@code -Dlibssl4j.socketSeed=N} replays one seed in every case, and
     * {@code -Dlibssl4j.socketRandom=true} explores: seeds drawn at random, each printed (and in the case's name).
     */
    static java.util.stream.Stream<Arguments> cases() {
        Long replay = Long.getLong("libssl4j.socketSeed");
        boolean explore = Boolean.getBoolean("libssl4j.socketRandom");
        Random r = new Random();
        return TestEngines.names().flatMap(engine -> java.util.stream.Stream.of("TLSv1.3", "TLSv1.2").map(version -> {
            // a case's own fixed seed, whichever engines run with it
            long seed = replay != null ? replay : explore ? r.nextLong() : FIXED_SEED + (engine + " " + version).hashCode();
            if (explore) {
                System.out.printf("NonBlockingTest: engine %s, %s, seed %d (-Dlibssl4j.socketSeed=%d replays it)%n",
                        engine, version, seed, seed);
            }
            return Arguments.of(engine, version, seed);
        }));
    }

    @ParameterizedTest(name = " [{0}, {1}, seed {2}]")
    @MethodSource("cases")
    @DisplayName("SEED-SOCKET non-blocking client and server with a Selector: 64 MiB each way by SHA-256, seeded random socket buffers, close_notify both ways")
    void selectorTransfer(String engine, String version, long seed) throws Exception {
        Random random = new Random(seed);
        TestContexts.Builder c = TestContexts.client(engine).only(version);
        TestContexts.Builder s = TestContexts.server(engine).only(version);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SslCtx cctx = c.build(); SslCtx sctx = s.build();
                ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, bufferSize(random));
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel clientChannel = SocketChannel.open();
            clientChannel.setOption(StandardSocketOptions.SO_RCVBUF, bufferSize(random));
            clientChannel.setOption(StandardSocketOptions.SO_SNDBUF, bufferSize(random));
            clientChannel.connect(listener.getLocalAddress());
            SocketChannel serverChannel = listener.accept();
            serverChannel.setOption(StandardSocketOptions.SO_SNDBUF, bufferSize(random));
            try (clientChannel; serverChannel) {
                Ssl client = cctx.newSsl();
                client.setTlsextHostName(TestCerts.HOST);
                client.setConnectState();
                Ssl server = sctx.newSsl();
                server.setAcceptState();
                Peer clientPeer = new Peer("client", client, clientChannel, seed, random.nextInt(65536) + 1);
                Peer serverPeer = new Peer("server", server, serverChannel, seed + 1, random.nextInt(65536) + 1);
                Future<String> clientDone = pool.submit(() -> runClosingOnFailure(clientPeer, clientChannel));
                Future<String> serverDone = pool.submit(() -> runClosingOnFailure(serverPeer, serverChannel));
                String clientReport = report(clientDone);
                String serverReport = report(serverDone);
                assertThat("client: " + clientReport + "; server: " + serverReport).as("seed " + seed)
                        .isEqualTo("client: ok; server: ok");
                assertThat(clientPeer.receivedHash).as("SHA-256 of what the client got")
                        .isEqualTo(expectedHash(seed + 1));
                assertThat(serverPeer.receivedHash).as("SHA-256 of what the server got")
                        .isEqualTo(expectedHash(seed));
                assertThat(client.getVersion()).isEqualTo(version);
                assertThat(client.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
                assertThat(server.getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
                client.close();
                server.close();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("peers stopped").isTrue();
        }
    }

    /** Runs one side; a side that fails closes its socket, so the other side ends at once instead of waiting. */
    private static String runClosingOnFailure(Peer peer, SocketChannel channel) throws IOException {
        String result = "did not finish";
        try {
            result = peer.run();
            return result;
        } finally {
            if (!"ok".equals(result)) {
                channel.close();
            }
        }
    }

    private static String report(Future<String> done) throws InterruptedException {
        try {
            return done.get(55, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return "threw " + e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return "no answer in 55 s";
        }
    }

    /**
     * 4 KiB to 256 KiB: small enough that writes often meet a full socket, as on a slow network. Not 1 KiB: with a
     * 1 KiB receive buffer Linux TCP itself can stall on loopback (the receiver advertises a window smaller than the
     * sender's MSS and never reopens it; the sender only probes). Plain sockets without TLS stall the same way
     * (it-tests README, "TCP stall with 1 KiB receive buffers").
     */
    private static int bufferSize(Random random) {
        return 4096 << random.nextInt(7);
    }

    /** The bytes one side sends: a stream drawn from {@code seed}, made in the same chunks by sender and checker. */
    private static final class Source {
        private final Random random;
        private long left = BYTES_EACH_WAY;

        Source(long seed) {
            this.random = new Random(seed);
        }

        /** Fills {@code chunk} with the next bytes; returns how many (0 at the end). */
        int next(byte[] chunk) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk); // always a whole chunk, so the stream does not depend on n
            left -= n;
            return n;
        }
    }

    private static String expectedHash(long seed) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Source source = new Source(seed);
        byte[] chunk = new byte[32 * 1024];
        int n;
        while ((n = source.next(chunk)) > 0) {
            md.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * One side's event loop, as a user writes it: try to write the current chunk and to read; whatever wants
     * I/O becomes the key's interest, and the loop waits in {@code select}. Returns "ok" or what went wrong.
     */
    private static final class Peer {
        private final String name;
        private final Ssl ssl;
        private final SocketChannel channel;
        private final Source source;
        private final MessageDigest digest;
        private final byte[] chunk = new byte[32 * 1024];
        private final byte[] readBuf;
        private int chunkOff;
        private int chunkLen;
        // The length of a write that returned WANT_*: libssl requires the retry to pass the same arguments.
        private int retryLen = -1;
        private long received;
        private boolean peerClosed;
        private boolean shutdownDone;
        private SslError lastWriteError;
        private SslError lastReadError;
        volatile String receivedHash;

        Peer(String name, Ssl ssl, SocketChannel channel, long sendSeed, int readSize) throws NoSuchAlgorithmException {
            this.name = name;
            this.ssl = ssl;
            this.channel = channel;
            this.source = new Source(sendSeed);
            this.digest = MessageDigest.getInstance("SHA-256");
            this.readBuf = new byte[readSize];
        }

        String run() throws IOException {
            SslErrorQueue.clear();
            channel.configureBlocking(false);
            ssl.setChannel(channel);
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            try (Selector selector = Selector.open()) {
                SelectionKey key = channel.register(selector, 0);
                while (!shutdownDone) {
                    int interest = 0;
                    boolean progress = false;

                    // Write: the current chunk, or the next one; a retry repeats the same length.
                    if (chunkLen == 0 && retryLen < 0) {
                        chunkLen = source.next(chunk);
                        chunkOff = 0;
                    }
                    if (chunkLen > 0) {
                        int len = retryLen >= 0 ? retryLen : chunkLen;
                        int w = ssl.write(chunk, chunkOff, len);
                        if (w > 0) {
                            chunkOff += w;
                            chunkLen -= w;
                            retryLen = -1;
                            progress = true;
                        } else {
                            retryLen = len;
                            lastWriteError = ssl.getError(w);
                            int want = wantOps(lastWriteError);
                            if (want < 0) {
                                return name + " write: " + lastWriteError + " " + SslErrorQueue.snapshot();
                            }
                            interest |= want;
                        }
                    }

                    // Read whatever has come.
                    if (!peerClosed) {
                        int r = ssl.read(readBuf, 0, readBuf.length);
                        if (r > 0) {
                            digest.update(readBuf, 0, r);
                            received += r;
                            progress = true;
                        } else {
                            SslError e = ssl.getError(r);
                            lastReadError = e;
                            if (e == SslError.ZERO_RETURN) {
                                peerClosed = true;
                                progress = true;
                            } else {
                                int want = wantOps(e);
                                if (want < 0) {
                                    return name + " read after " + received + " bytes: " + e + " " + SslErrorQueue.snapshot();
                                }
                                interest |= want;
                            }
                        }
                    }

                    // Close once everything is sent and received: close_notify out, the peer's close_notify in.
                    if (source.left == 0 && chunkLen == 0 && retryLen < 0 && received == BYTES_EACH_WAY) {
                        boolean sentBefore = (ssl.getShutdown() & Ssl.SENT_SHUTDOWN) != 0;
                        int sd = ssl.shutdown();
                        if (sd == 1) {
                            shutdownDone = true;
                            break;
                        }
                        if (sd == 0) {
                            progress |= !sentBefore;
                            interest |= SelectionKey.OP_READ; // waiting for the peer's close_notify
                        } else {
                            int want = wantOps(ssl.getError(sd));
                            if (want < 0) {
                                return name + " shutdown: " + ssl.getError(sd) + " " + SslErrorQueue.snapshot();
                            }
                            interest |= want;
                        }
                    }
                    if (received > BYTES_EACH_WAY) {
                        return name + " received " + received + " bytes, more than were sent";
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return name + " interrupted";
                    }
                    if (System.nanoTime() > deadline) {
                        return name + " timed out: sent " + (BYTES_EACH_WAY - source.left - chunkLen) + ", received " + received
                                + ", last write " + lastWriteError + ", last read " + lastReadError + ", hasPending "
                                + ssl.hasPending() + "\n" + LoopbackSockets.tcpState(channel);
                    }
                    if (!progress) {
                        key.interestOps(interest == 0 ? SelectionKey.OP_READ : interest);
                        selector.select(1000);
                        selector.selectedKeys().clear();
                    }
                }
            }
            receivedHash = HexFormat.of().formatHex(digest.digest());
            return received == BYTES_EACH_WAY ? "ok" : name + " closed after " + received + " bytes";
        }

        private static int wantOps(SslError e) {
            switch (e) {
                case WANT_READ:
                    return SelectionKey.OP_READ;
                case WANT_WRITE:
                    return SelectionKey.OP_WRITE;
                default:
                    return -1;
            }
        }
    }
}
