package org.libssl4j.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.libssl4j.testkit.LoopbackSockets;

/**
 * Not a test: the evidence that {@link NonBlockingTest}'s old 1 KiB socket buffers stalled Linux TCP itself, with
 * no TLS at all (it-tests README, "TCP stall with 1 KiB receive buffers"). Two plain non-blocking channels move
 * 64 MiB each way with the test's pattern: 16406-byte "records" written whole, read as a 5-byte header and then
 * the rest. Prints "ok" or "STALL" (with {@code ss}'s view of the connection) per side. After a build, from the
 * repository root: {@code java -cp it-tests/target/test-classes org.libssl4j.it.TcpStall 2048 1024 8192 65536}
 * (listener SO_RCVBUF, client SO_RCVBUF, client SO_SNDBUF, server SO_SNDBUF).
 */
final class TcpStall {
    private static final long BYTES_EACH_WAY = 64L << 20;
    private static final int RECORD = 16406;
    private static final int HEADER = 5;

    private TcpStall() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, Integer.parseInt(args[0]));
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open();
            client.setOption(StandardSocketOptions.SO_RCVBUF, Integer.parseInt(args[1]));
            client.setOption(StandardSocketOptions.SO_SNDBUF, Integer.parseInt(args[2]));
            client.connect(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            server.setOption(StandardSocketOptions.SO_SNDBUF, Integer.parseInt(args[3]));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (client; server) {
                Future<String> c = pool.submit(() -> run("client", client));
                Future<String> s = pool.submit(() -> run("server", server));
                System.out.println(c.get() + " / " + s.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String run(String name, SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer out = ByteBuffer.allocate(RECORD).flip();
        ByteBuffer in = ByteBuffer.allocate(RECORD);
        long sent = 0;
        long received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, 0);
            while (sent < BYTES_EACH_WAY || received < BYTES_EACH_WAY) {
                boolean progress = false;
                int interest = 0;
                if (!out.hasRemaining() && sent < BYTES_EACH_WAY) {
                    out.clear().limit((int) Math.min(RECORD, BYTES_EACH_WAY - sent));
                }
                if (out.hasRemaining()) {
                    int w = channel.write(out);
                    sent += w;
                    progress |= w > 0;
                    interest |= w > 0 ? 0 : SelectionKey.OP_WRITE;
                }
                if (received < BYTES_EACH_WAY) {
                    // As a TLS reader without read-ahead asks: the header, then exactly the rest of the record.
                    long inRecord = received % RECORD;
                    long want = inRecord < HEADER ? HEADER - inRecord : RECORD - inRecord;
                    in.clear().limit((int) Math.min(want, BYTES_EACH_WAY - received));
                    int r = channel.read(in);
                    if (r < 0) {
                        return name + " EOF";
                    }
                    received += r;
                    progress |= r > 0;
                    interest |= r > 0 ? 0 : SelectionKey.OP_READ;
                }
                if (System.nanoTime() > deadline) {
                    return name + " STALL: sent " + sent + ", received " + received + "\n" + LoopbackSockets.tcpState(channel);
                }
                if (!progress) {
                    key.interestOps(interest);
                    selector.select(1000);
                    selector.selectedKeys().clear();
                }
            }
        }
        return name + " ok";
    }
}
