package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.TestCerts;

/**
 * A client and a server {@link Ssl} over real loopback TCP sockets ({@code SSL_set_fd}: {@link Ssl#setChannel}),
 * blocking, each with a bounded {@code SO_TIMEOUT}, and a way to run each side on its own thread so that nothing
 * can hang: {@link #run} waits a bounded time, then closes both sockets (which ends any blocked call) and fails.
 *
 * <p>With {@code recordCounter} the two sockets meet through a small relay that counts the TLS records going each
 * way by content type, read from the clear record headers: evidence on the wire of what the engines did (a TLS 1.2
 * renegotiation shows as handshake records after the first application data record).
 */
final class Loopback implements AutoCloseable {
    /** Socket buffer size, set on both ends so that the kernel does not grow them (no auto-tuning). */
    static final int SOCKET_BUFFER = 128 * 1024;

    final Ssl client;
    final Ssl server;
    final SocketChannel clientChannel;
    final SocketChannel serverChannel;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Relay relay;

    private Loopback(SslCtx clientCtx, SslCtx serverCtx, int soTimeoutMillis, boolean recordCounter) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel c = SocketChannel.open();
            resources.add(c);
            c.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            if (recordCounter) {
                try (ServerSocketChannel relayListener = ServerSocketChannel.open()) {
                    relayListener.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                    relayListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    c.connect(relayListener.getLocalAddress());
                    SocketChannel relayFromClient = relayListener.accept();
                    SocketChannel relayToServer = SocketChannel.open(listener.getLocalAddress());
                    resources.add(relayFromClient);
                    resources.add(relayToServer);
                    relay = new Relay(relayFromClient, relayToServer);
                }
            } else {
                c.connect(listener.getLocalAddress());
                relay = null;
            }
            SocketChannel s = listener.accept();
            resources.add(s);
            s.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            clientChannel = c;
            serverChannel = s;
        }
        for (SocketChannel ch : new SocketChannel[] {clientChannel, serverChannel}) {
            ch.configureBlocking(true);
            ch.socket().setSoTimeout(soTimeoutMillis);
        }
        client = clientCtx.newSsl();
        server = serverCtx.newSsl();
        client.setChannel(clientChannel);
        server.setChannel(serverChannel);
        client.setConnectState();
        server.setAcceptState();
        client.setTlsextHostName(TestCerts.HOST);
    }

    /** Two connected, blocking loopback sockets with {@code SO_TIMEOUT} of {@code soTimeoutMillis}; no handshake yet. */
    static Loopback open(SslCtx clientCtx, SslCtx serverCtx, int soTimeoutMillis) throws IOException {
        return new Loopback(clientCtx, serverCtx, soTimeoutMillis, false);
    }

    /** As {@link #open}, with a record-counting relay between the two sockets. */
    static Loopback openCounted(SslCtx clientCtx, SslCtx serverCtx, int soTimeoutMillis) throws IOException {
        return new Loopback(clientCtx, serverCtx, soTimeoutMillis, true);
    }

    /** One side's work, on its own thread. */
    interface Side {
        void run(Ssl ssl) throws Exception;
    }

    /**
     * Runs {@code clientSide} and {@code serverSide} each on its own thread, waits at most {@code timeoutMillis}
     * for both, and rethrows the first failure. On timeout it closes both sockets, so that blocked calls return,
     * joins the threads again, and fails saying which side was still running.
     */
    void run(Side clientSide, Side serverSide, long timeoutMillis) throws Exception {
        Throwable[] failures = new Throwable[2];
        java.util.concurrent.atomic.AtomicInteger firstToFail = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread[] threads = new Thread[2];
        Side[] sides = {clientSide, serverSide};
        Ssl[] ssls = {client, server};
        String[] names = {"client", "server"};
        for (int i = 0; i < 2; i++) {
            int k = i;
            threads[i] = new Thread(() -> {
                SslErrorQueue.clear();
                try {
                    sides[k].run(ssls[k]);
                } catch (Throwable t) {
                    failures[k] = t;
                    firstToFail.compareAndSet(-1, k);
                    // The peer may be blocked waiting for this side: end it at once.
                    closeChannelsQuietly();
                }
            }, "loopback-" + names[i]);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        }
        List<String> stuck = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (threads[i].isAlive()) {
                stuck.add(names[i] + " at " + java.util.Arrays.toString(threads[i].getStackTrace()));
            }
        }
        if (!stuck.isEmpty()) {
            closeChannelsQuietly();
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
        // The side that failed first is the cause; the other usually failed because its sockets were closed.
        int first = firstToFail.get();
        for (int i : first == 1 ? new int[] {1, 0} : new int[] {0, 1}) {
            if (failures[i] != null) {
                AssertionError e = new AssertionError(names[i] + " side failed: " + failures[i], failures[i]);
                if (failures[1 - i] != null) {
                    e.addSuppressed(failures[1 - i]);
                }
                throw e;
            }
        }
        assertThat(stuck).as("sides still running after " + timeoutMillis + " ms").isEmpty();
    }

    /** Drives {@code ssl}'s handshake on a blocking socket: connect or accept, repeated on a timeout's WANT_READ. */
    static void handshake(Ssl ssl, long deadlineNanos) {
        while (true) {
            int r = ssl.doHandshake();
            if (r == 1) {
                SslErrorQueue.clear();
                return;
            }
            SslError e = ssl.getError(r);
            assertThat(e).as("handshake %s, queue %s", r, SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
            SslErrorQueue.clear();
            assertThat(System.nanoTime()).as("handshake deadline").isLessThan(deadlineNanos);
        }
    }

    /**
     * TLS records seen by the relay, {@code [direction][content type]} with direction 0 client to server, 1 server
     * to client, and content types 20-23; a second table counts the records seen after the first application data
     * record of that direction.
     */
    long records(int direction, int contentType, boolean afterFirstAppData) {
        assertThat(relay).as("opened with a record counter").isNotNull();
        return relay.count(direction, contentType, afterFirstAppData);
    }

    private void closeChannelsQuietly() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing test sockets
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        closeChannelsQuietly();
        if (relay != null) {
            relay.join();
        }
    }

    /** Copies bytes both ways between two sockets, counting TLS records by content type from their headers. */
    private static final class Relay {
        private final AtomicLongArray counts = new AtomicLongArray(2 * 2 * 24);
        private final Thread[] pumps = new Thread[2];

        Relay(SocketChannel fromClient, SocketChannel toServer) {
            pumps[0] = pump(fromClient, toServer, 0);
            pumps[1] = pump(toServer, fromClient, 1);
        }

        long count(int direction, int type, boolean after) {
            return counts.get(index(direction, type, after));
        }

        private static int index(int direction, int type, boolean after) {
            return (direction * 2 + (after ? 1 : 0)) * 24 + type;
        }

        private Thread pump(SocketChannel from, SocketChannel to, int direction) {
            Thread t = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                byte[] header = new byte[5];
                int headerFill = 0;
                long bodyLeft = 0;
                boolean appDataSeen = false;
                try {
                    while (from.read(buf) >= 0) {
                        buf.flip();
                        for (int i = buf.position(); i < buf.limit(); ) {
                            if (bodyLeft > 0) {
                                long skip = Math.min(bodyLeft, buf.limit() - i);
                                bodyLeft -= skip;
                                i += (int) skip;
                                continue;
                            }
                            header[headerFill++] = buf.get(i++);
                            if (headerFill == 5) {
                                int type = header[0] & 0xff;
                                bodyLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                                headerFill = 0;
                                if (type >= 20 && type <= 23) {
                                    counts.incrementAndGet(index(direction, type, false));
                                    if (appDataSeen) {
                                        counts.incrementAndGet(index(direction, type, true));
                                    }
                                    appDataSeen |= type == 23;
                                }
                            }
                        }
                        while (buf.hasRemaining()) {
                            to.write(buf);
                        }
                        buf.clear();
                    }
                    to.shutdownOutput();
                } catch (IOException e) {
                    try {
                        to.close();
                        from.close();
                    } catch (IOException ignored) {
                        // the relay ends with the test
                    }
                }
            }, "loopback-relay-" + direction);
            t.setDaemon(true);
            t.start();
            return t;
        }

        void join() {
            for (Thread t : pumps) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
