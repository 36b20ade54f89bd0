package org.libssl4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;

/**
 * One connection of ours over a real, blocking loopback socket with a short {@code SO_TIMEOUT}, to or from a peer in
 * another process (the {@code openssl} tool, say): a read that times out answers -1/WANT_READ, so every loop here
 * re-checks its deadline ({@link #WAIT}) and no call can hang. Every failure is an {@link AssertionError} whose
 * message ends with the error queue and what the peer supplier says (its output, typically).
 *
 * <pre>{@code
 * try (SocketConnection conn = SocketConnection.connect(ctx, port, server::describe).handshake()) {
 *     conn.writeAll(request);
 *     String reply = conn.readUntil("\n");
 * }
 * }</pre>
 */
public final class SocketConnection implements AutoCloseable {
    /** The socket read timeout: how often a waiting read comes back with WANT_READ. */
    public static final int SO_TIMEOUT_MS = 200;
    /** How long any one operation here may take. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Ssl ssl;
    private final SocketChannel channel;
    private final Supplier<String> peer;

    private SocketConnection(Ssl ssl, SocketChannel channel, Supplier<String> peer) {
        this.ssl = ssl;
        this.channel = channel;
        this.peer = peer;
    }

    /**
     * A client connection of {@code ctx} to 127.0.0.1:{@code port}, naming {@link TestCerts#HOST} in SNI; handshake
     * not started. {@code peer} describes the peer for failure messages.
     *
     * @throws AssertionError if the connection is refused
     */
    public static SocketConnection connect(SslCtx ctx, int port, Supplier<String> peer) {
        try {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            Ssl ssl = ctx.newSsl();
            attach(ssl, ch);
            ssl.setConnectState();
            ssl.setTlsextHostName(TestCerts.HOST);
            return new SocketConnection(ssl, ch, peer);
        } catch (IOException e) {
            throw new AssertionError("cannot connect to 127.0.0.1:" + port + ": " + e + peer.get(), e);
        }
    }

    /**
     * Accepts one connection on {@code listener} (waiting at most {@link #WAIT}) as a server of {@code ctx};
     * handshake not started.
     *
     * @throws AssertionError if no connection comes in time
     */
    public static SocketConnection accept(SslCtx ctx, ServerSocketChannel listener, Supplier<String> peer) {
        try {
            listener.socket().setSoTimeout((int) WAIT.toMillis());
            Socket s = listener.socket().accept();
            SocketChannel ch = s.getChannel();
            Ssl ssl = ctx.newSsl();
            attach(ssl, ch);
            ssl.setAcceptState();
            return new SocketConnection(ssl, ch, peer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no connection within " + WAIT + peer.get(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listener on 127.0.0.1 at a port the kernel chooses ({@link #port}). */
    public static ServerSocketChannel listen() {
        try {
            ServerSocketChannel ss = ServerSocketChannel.open();
            ss.bind(new InetSocketAddress("127.0.0.1", 0));
            return ss;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port {@code ss} listens on. */
    public static int port(ServerSocketChannel ss) {
        return ss.socket().getLocalPort();
    }

    private static void attach(Ssl ssl, SocketChannel ch) throws IOException {
        ch.configureBlocking(true);
        ch.socket().setSoTimeout(SO_TIMEOUT_MS);
        ch.socket().setTcpNoDelay(true);
        ssl.setChannel(ch);
    }

    /** The connection. */
    public Ssl ssl() {
        return ssl;
    }

    /** Its socket. */
    public SocketChannel channel() {
        return channel;
    }

    /** What went wrong, for messages: the error queue and what the peer supplier says. */
    public String why() {
        return " [error queue " + SslErrorQueue.snapshot() + "]" + peer.get();
    }

    /** Drives the handshake to its end (bounded); fails with the queue and the peer's output otherwise. Returns this. */
    public SocketConnection handshake() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            int r = ssl.doHandshake();
            if (r == 1) {
                return this;
            }
            SslError e = ssl.getError(r);
            if (e != SslError.WANT_READ || System.nanoTime() > deadline) {
                throw new AssertionError("handshake: " + r + "/" + e + why());
            }
        }
    }

    /** The first result of doHandshake other than a WANT_READ timeout (bounded). */
    public int handshakeResult() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int r;
        while ((r = ssl.doHandshake()) <= 0 && ssl.getError(r) == SslError.WANT_READ) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("no handshake result within " + WAIT + why());
            }
        }
        return r;
    }

    /** SSL_write of all of {@code data}; a blocking write returns the full length (WANT_READ is retried). */
    public void writeAll(byte[] data) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int off = 0;
        while (off < data.length) {
            int len = Math.min(data.length - off, 256 * 1024);
            int w = ssl.write(data, off, len);
            if (w > 0) {
                if (w != len) {
                    throw new AssertionError("a blocking write without partial-write mode writes everything: " + w
                            + " of " + len + " bytes" + why());
                }
                off += w;
            } else {
                SslError e = ssl.getError(w);
                if (e != SslError.WANT_READ || System.nanoTime() > deadline) {
                    throw new AssertionError("write: " + w + "/" + e + why());
                }
            }
        }
    }

    /** Reads exactly {@code n} bytes (bounded); any result but data or WANT_READ fails. */
    public byte[] readExactly(int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ByteArrayOutputStream got = new ByteArrayOutputStream(n);
        byte[] buf = new byte[16384];
        while (got.size() < n) {
            int r = ssl.read(buf, 0, Math.min(buf.length, n - got.size()));
            if (r > 0) {
                got.write(buf, 0, r);
                continue;
            }
            SslError e = ssl.getError(r);
            if (e != SslError.WANT_READ || System.nanoTime() > deadline) {
                throw new AssertionError("read after " + got.size() + " of " + n + " bytes: " + r + "/" + e + why());
            }
        }
        return got.toByteArray();
    }

    /** Reads until {@code text} has arrived (bounded), and returns everything read. */
    public String readUntil(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[16384];
        while (got.indexOf(text) < 0) {
            int r = ssl.read(buf, 0, buf.length);
            if (r > 0) {
                got.append(new String(buf, 0, r, java.nio.charset.StandardCharsets.ISO_8859_1));
                continue;
            }
            SslError e = ssl.getError(r);
            if (e != SslError.WANT_READ || System.nanoTime() > deadline) {
                throw new AssertionError("read while waiting for '" + text + "' (got '" + got + "'): " + r + "/" + e + why());
            }
        }
        return got.toString();
    }

    /** The result of the first read that does not time out (bounded): bytes read, or ≤ 0 for the caller to judge. */
    public Result readResult(byte[] buf) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            SslErrorQueue.clear();
            int r = ssl.read(buf, 0, buf.length);
            SslError e = ssl.getError(r);
            if (r > 0 || e != SslError.WANT_READ) {
                return new Result(r, e, SslErrorQueue.snapshot());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no read result but WANT_READ within " + WAIT + why());
            }
        }
    }

    /**
     * A call's result.
     *
     * @param ret its return value
     * @param error what getError said of it
     * @param queue the error queue after it
     */
    public record Result(int ret, SslError error, List<SslErrorEntry> queue) {
        /** The oldest queue entry's reason, or -1 for an empty queue. */
        public int reason() {
            return queue.isEmpty() ? -1 : queue.get(0).reason();
        }
    }

    /** Closes the connection and its socket. */
    @Override
    public void close() {
        try {
            ssl.close();
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }
}
