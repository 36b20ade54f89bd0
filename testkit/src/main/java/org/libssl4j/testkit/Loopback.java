package org.libssl4j.testkit;

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

/**
 * A client and a server {@link Ssl} over real loopback TCP sockets ({@code SSL_set_fd}: {@link Ssl#setChannel}),
 * blocking, each with a bounded {@code SO_TIMEOUT}, and a way to run each side on its own thread so that nothing
 * can hang: {@link #run} waits a bounded time, then closes both sockets (which ends any blocked call) and fails.
 *
 * <p>With {@code recordCounter} the two sockets meet through a small relay that counts the TLS records going each
 * way by content type, read from the clear record headers: evidence on the wire of what the engines did (a TLS 1.2
 * renegotiation shows as handshake records after the first application data record).
 *
 * <pre>{@code
 * try (Loopback lb = Loopback.open(clientCtx, serverCtx, 20_000)) {
 *     lb.run(client -> {
 *         Loopback.handshake(client, deadline);
 *         client.write(data, 0, data.length);
 *     }, server -> {
 *         Loopback.handshake(server, deadline);
 *         ... server.read(buf, 0, buf.length) ...
 *     }, 30_000);
 * }
 * }</pre>
 *
 * <p>The client names {@link TestCerts#HOST} in SNI. Failures are {@link AssertionError}s; the kit needs no test
 * framework.
 */
public final class Loopback implements AutoCloseable {
    /** Socket buffer size, set on both ends so that the kernel does not grow them (no auto-tuning). */
    public static final int SOCKET_BUFFER = 128 * 1024;

    private final Ssl client;
    private final Ssl server;
    private final SocketChannel clientChannel;
    private final SocketChannel serverChannel;
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Contexts this pair built, closed with it. */
    private final List<SslCtx> owned = new ArrayList<>();
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

    /**
     * A client connection of {@code clientCtx} and a server connection of {@code serverCtx} over two connected,
     * blocking loopback sockets with {@code SO_TIMEOUT} of {@code soTimeoutMillis}; no handshake yet.
     *
     * @throws IOException if the sockets cannot be opened
     */
    public static Loopback open(SslCtx clientCtx, SslCtx serverCtx, int soTimeoutMillis) throws IOException {
        return new Loopback(clientCtx, serverCtx, soTimeoutMillis, false);
    }

    /**
     * As {@link #open}, with a relay between the two sockets that counts the TLS records going each way
     * ({@link #records}).
     *
     * @throws IOException if the sockets cannot be opened
     */
    public static Loopback openCounted(SslCtx clientCtx, SslCtx serverCtx, int soTimeoutMillis) throws IOException {
        return new Loopback(clientCtx, serverCtx, soTimeoutMillis, true);
    }

    /**
     * As {@link #open(SslCtx, SslCtx, int)}, with contexts built from {@code client} and {@code server}, which
     * {@link #close()} closes too: {@code Loopback.open(TestContexts.client(e).tls12(), TestContexts.server(e).tls12(), 200)}.
     *
     * @throws IOException if the sockets cannot be opened
     */
    public static Loopback open(TestContexts.Builder client, TestContexts.Builder server, int soTimeoutMillis)
            throws IOException {
        return owning(client, server, soTimeoutMillis, false);
    }

    /**
     * As {@link #openCounted(SslCtx, SslCtx, int)}, with contexts built from {@code client} and {@code server},
     * which {@link #close()} closes too.
     *
     * @throws IOException if the sockets cannot be opened
     */
    public static Loopback openCounted(TestContexts.Builder client, TestContexts.Builder server, int soTimeoutMillis)
            throws IOException {
        return owning(client, server, soTimeoutMillis, true);
    }

    private static Loopback owning(TestContexts.Builder client, TestContexts.Builder server, int soTimeoutMillis,
            boolean recordCounter) throws IOException {
        List<SslCtx> built = new ArrayList<>();
        try {
            built.add(client.build());
            built.add(server.build());
            Loopback lb = new Loopback(built.get(0), built.get(1), soTimeoutMillis, recordCounter);
            lb.owned.addAll(built);
            return lb;
        } catch (IOException | RuntimeException | Error e) {
            built.forEach(SslCtx::close);
            throw e;
        }
    }

    /** The client's connection, in connect state. */
    public Ssl client() {
        return client;
    }

    /** The server's connection, in accept state. */
    public Ssl server() {
        return server;
    }

    /** The client's socket. */
    public SocketChannel clientChannel() {
        return clientChannel;
    }

    /** The server's socket: closing it with {@code SO_LINGER} 0, say, resets the connection. */
    public SocketChannel serverChannel() {
        return serverChannel;
    }

    /** One side's work, on its own thread. */
    public interface Side {
        /**
         * Does this side's part on {@code ssl}.
         *
         * @throws Exception any failure, which {@link Loopback#run} reports
         */
        void run(Ssl ssl) throws Exception;
    }

    /**
     * Runs {@code clientSide} and {@code serverSide} each on its own thread, waits at most {@code timeoutMillis}
     * for both, and rethrows the first failure. On timeout it closes both sockets, so that blocked calls return,
     * joins the threads again, and fails saying which side was still running.
     *
     * @throws AssertionError naming the side that failed first (the other's failure suppressed), or the sides still
     *     running at the deadline
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public void run(Side clientSide, Side serverSide, long timeoutMillis) throws InterruptedException {
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
        if (!stuck.isEmpty()) {
            throw new AssertionError("sides still running after " + timeoutMillis + " ms: " + stuck);
        }
    }

    /**
     * Drives {@code ssl}'s handshake on a blocking socket: connect or accept, repeated on a timeout's WANT_READ.
     *
     * @throws AssertionError on any other result (with the error queue), or past {@code deadlineNanos}
     *     ({@link System#nanoTime()})
     */
    public static void handshake(Ssl ssl, long deadlineNanos) {
        while (true) {
            int r = ssl.doHandshake();
            if (r == 1) {
                SslErrorQueue.clear();
                return;
            }
            SslError e = ssl.getError(r);
            if (e != SslError.WANT_READ) {
                throw new AssertionError("handshake " + r + "/" + e + ", queue " + SslErrorQueue.snapshot());
            }
            SslErrorQueue.clear();
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new AssertionError("handshake not done by its deadline");
            }
        }
    }

    /**
     * The TLS records of {@code contentType} (20 to 23) that the relay saw going in {@code direction} (0 client to
     * server, 1 server to client); with {@code afterFirstAppData}, only those after the first application data
     * record of that direction.
     *
     * @throws IllegalStateException if this pair was not opened with {@link #openCounted}
     */
    public long records(int direction, int contentType, boolean afterFirstAppData) {
        if (relay == null) {
            throw new IllegalStateException("no record counter: open the pair with Loopback.openCounted");
        }
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

    /** Closes both connections and both sockets, ends the relay, and closes the contexts this pair built. */
    @Override
    public void close() {
        try {
            client.close();
            server.close();
            closeChannelsQuietly();
            if (relay != null) {
                relay.join();
            }
        } finally {
            owned.forEach(SslCtx::close);
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
