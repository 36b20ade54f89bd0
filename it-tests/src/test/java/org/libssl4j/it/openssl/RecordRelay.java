package org.libssl4j.it.openssl;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between our client and an openssl server that forwards the server's bytes record by record, and can
 * interfere with the next application-data record (type 23) once armed: forward half of it and stall until
 * {@link #release()}, forward half and close (FIN: an EOF mid-record), forward half and reset (RST), or flip a byte of
 * its ciphertext. The client's bytes pass untouched. All threads and sockets end in {@link #close()}.
 */
final class RecordRelay implements AutoCloseable {
    enum Cut { NONE, STALL, EOF, RESET, CORRUPT }

    private final ServerSocket listener;
    private final int target;
    private volatile Socket client;
    private volatile Socket server;
    private volatile Cut cut = Cut.NONE;
    private final CountDownLatch cutDone = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private Thread up;
    private Thread down;

    RecordRelay(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        listener.setSoTimeout(20_000);
        Thread acceptor = new Thread(this::run, "relay");
        acceptor.setDaemon(true);
        acceptor.start();
        this.up = acceptor;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Interferes with the next application-data record from the server. */
    void arm(Cut how) {
        cut = how;
    }

    /** Waits (bounded) until the armed interference has happened. */
    void awaitCut() throws InterruptedException {
        if (!cutDone.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the relay saw no application-data record from the server to cut");
        }
    }

    /** Ends a stall: the rest of the record and everything after it flow again. */
    void release() {
        released.countDown();
    }

    private void run() {
        try {
            client = listener.accept();
            client.setTcpNoDelay(true);
            server = new Socket("127.0.0.1", target);
            server.setTcpNoDelay(true);
            down = new Thread(this::serverToClient, "relay-down");
            down.setDaemon(true);
            down.start();
            copy(client.getInputStream(), server.getOutputStream());
            server.shutdownOutput();
        } catch (IOException e) {
            // a socket closed: the test is over or has cut the connection
        }
    }

    private void serverToClient() {
        try {
            DataInputStream in = new DataInputStream(server.getInputStream());
            OutputStream out = client.getOutputStream();
            byte[] header = new byte[5];
            while (true) {
                try {
                    in.readFully(header);
                } catch (java.io.EOFException e) {
                    client.shutdownOutput();
                    return;
                }
                int len = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                byte[] body = new byte[len];
                in.readFully(body);
                Cut how = cut;
                if (header[0] != 23 || how == Cut.NONE) {
                    out.write(header);
                    out.write(body);
                    out.flush();
                    continue;
                }
                cut = Cut.NONE;
                int half = len / 2;
                switch (how) {
                    case CORRUPT:
                        body[half] ^= 0x01;
                        out.write(header);
                        out.write(body);
                        out.flush();
                        cutDone.countDown();
                        continue;
                    case STALL:
                        out.write(header);
                        out.write(body, 0, half);
                        out.flush();
                        cutDone.countDown();
                        if (!released.await(30, TimeUnit.SECONDS)) {
                            return;
                        }
                        out.write(body, half, len - half);
                        out.flush();
                        continue;
                    case EOF:
                        out.write(header);
                        out.write(body, 0, half);
                        out.flush();
                        client.shutdownOutput();
                        cutDone.countDown();
                        return;
                    case RESET:
                        out.write(header);
                        out.write(body, 0, half);
                        out.flush();
                        client.setSoLinger(true, 0);
                        client.close();
                        cutDone.countDown();
                        return;
                    default:
                        throw new IllegalStateException(String.valueOf(how));
                }
            }
        } catch (IOException | InterruptedException e) {
            // a socket closed: the test is over
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    @Override
    public void close() throws InterruptedException {
        released.countDown();
        for (java.io.Closeable c : new java.io.Closeable[] {listener, client, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // closing
            }
        }
        up.join(5000);
        if (down != null) {
            down.join(5000);
        }
    }

}
