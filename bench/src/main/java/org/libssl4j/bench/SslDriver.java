package org.libssl4j.bench;

import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

/** libssl4j's {@code Ssl} on a named engine over a {@code BioPair} (the default 17408-byte buffers). */
final class SslDriver implements Driver {
    private final SslCtx serverCtx;
    private final SslCtx clientCtx;
    private final byte[] sink = new byte[32 * 1024];
    private TestPair pair;

    SslDriver(String engine, TestIdentity server) {
        serverCtx = TestContexts.server(engine).tls13().identity(server).build();
        clientCtx = TestContexts.client(engine).tls13().build();
    }

    @Override
    public void handshakeOnce() {
        try (TestPair p = TestPair.create(clientCtx, serverCtx, 0)) {
            p.handshake();
        }
    }

    @Override
    public void connect() {
        pair = TestPair.create(clientCtx, serverCtx, 0).handshake();
    }

    @Override
    public int transfer(byte[] data) {
        Ssl client = pair.client();
        Ssl server = pair.server();
        int len = data.length;
        int written = 0;
        int read = 0;
        while (read < len) {
            if (written < len) {
                int n = client.write(data, written, len - written);
                if (n > 0) {
                    written += n;
                } else {
                    SslError e = client.getError(n);
                    if (e != SslError.WANT_WRITE && e != SslError.WANT_READ) {
                        throw new IllegalStateException("write: " + e + " " + SslErrorQueue.get());
                    }
                }
            }
            int r = server.read(sink, 0, sink.length);
            if (r > 0) {
                read += r;
            } else {
                SslError e = server.getError(r);
                if (e != SslError.WANT_READ) {
                    throw new IllegalStateException("read: " + e + " " + SslErrorQueue.get());
                }
            }
        }
        return read;
    }

    @Override
    public String describe() {
        return pair.client().engineName() + " " + pair.client().getVersion() + " " + pair.client().getCipherName();
    }

    @Override
    public void close() {
        if (pair != null) {
            pair.close();
        }
        clientCtx.close();
        serverCtx.close();
    }
}
