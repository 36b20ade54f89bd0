package org.libssl4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A connected pair of loopback TCP channels (blocking), closed together: the transport under a client and a
 * server {@code Ssl} ({@code Ssl.setChannel}) when the test drives both itself. {@link Loopback} adds the
 * connections and a thread for each side.
 */
public final class LoopbackSockets implements AutoCloseable {
    private final SocketChannel client;
    private final SocketChannel server;

    private LoopbackSockets(SocketChannel client, SocketChannel server) {
        this.client = client;
        this.server = server;
    }

    /**
     * Two connected channels on the loopback address, at a port the kernel chooses.
     *
     * @throws UncheckedIOException if they cannot be opened
     */
    public static LoopbackSockets open() {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            return new LoopbackSockets(client, listener.accept());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's end. */
    public SocketChannel client() {
        return client;
    }

    /** The server's end (the accepted channel). */
    public SocketChannel server() {
        return server;
    }

    /** Both ends time out blocking reads after {@code millis}, so no test can hang on a silent peer; returns this. */
    public LoopbackSockets timeout(int millis) {
        try {
            client.socket().setSoTimeout(millis);
            server.socket().setSoTimeout(millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * What the kernel says of one end's TCP connection ({@code ss -tnoim}: queues, windows, timers), for a failure
     * message: it tells a stall in TCP itself (bytes queued, a zero or tiny window) from one in the TLS layer.
     */
    public static String tcpState(SocketChannel channel) {
        try {
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            Process ss = new ProcessBuilder("ss", "-tnoim", "sport", "=", ":" + port).redirectErrorStream(true).start();
            try {
                if (!ss.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    return "ss: no answer in 5 s";
                }
                return "ss: " + new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            } finally {
                ss.destroyForcibly();
            }
        } catch (IOException e) {
            return "ss not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ss interrupted";
        }
    }

    /** Closes both channels. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
