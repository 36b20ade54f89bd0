package org.libssl4j.it;

import java.util.Random;
import org.libssl4j.Capability;
import org.libssl4j.Engine;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslSession;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

/**
 * One whole connection over a BIO pair, as the resource and sharing tests make thousands of them: the client offers
 * a session, both sides complete the handshake, random data goes each way and is checked byte by byte, and both
 * connections are freed.
 */
final class Conversation {
    /** The most a side writes in one connection; one write, well inside a BIO pair's buffer. */
    static final int MAX_BYTES = 4096;
    /** Read calls a side may make for one message before the conversation counts as stuck. */
    private static final int MAX_READS = 1000;

    private Conversation() {
    }

    /**
     * What one conversation left: the client's session, to offer next, whether this one resumed, the bytes it moved,
     * and the connections when they were not freed (null otherwise).
     */
    record Result(SslSession session, boolean resumed, int bytes, TestPair unfreed) {
    }

    /** A server context presenting ECDSA where the engine has it (faster handshakes), RSA otherwise. */
    static SslCtx server(Engine engine) {
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
        TestIdentity id = engine.has(Capability.ECDSA) ? TestCerts.serverEc() : TestCerts.serverRsa();
        check(ctx.useCertificate(id.certificate()) == 1 && ctx.usePrivateKey(id.privateKey()) == 1, "server identity");
        return ctx;
    }

    /**
     * A client context verifying the server against the test CA, host name included, up to {@code maxVersion}
     * (TLS 1.2's resumption is the cheapest handshake: no key exchange).
     */
    static SslCtx client(Engine engine, int maxVersion) {
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
        ctx.addTrustedCertificate(TestCerts.ca().certificate());
        ctx.setMaxProtoVersion(maxVersion);
        return ctx;
    }

    /** Runs one conversation (client up to its context's version) and frees both connections. */
    static Result run(SslCtx clientCtx, SslCtx serverCtx, SslSession offer, Random random) {
        return run(clientCtx, serverCtx, offer, random, 0, true);
    }

    /**
     * Runs one conversation whose client allows at most {@code maxVersion} (0: its context's).
     *
     * @param offer the session the client offers, or null
     * @param free whether to free both connections at the end; false leaves that to the caller (or the Cleaner)
     * @throws AssertionError when the handshake fails or a byte arrives wrong
     */
    static Result run(SslCtx clientCtx, SslCtx serverCtx, SslSession offer, Random random, int maxVersion, boolean free) {
        TestPair p = TestPair.create(clientCtx, serverCtx, 0);
        try {
            if (maxVersion != 0) {
                p.client().setMaxProtoVersion(maxVersion);
            }
            p.client().setSession(offer);
            p.handshake();
            int up = send(p.client(), p.server(), random, "client to server");
            int down = send(p.server(), p.client(), random, "server to client");
            SslErrorQueue.clear();
            return new Result(p.client().getSession(), p.client().sessionReused(), up + down, free ? null : p);
        } finally {
            if (free) {
                p.close();
            }
        }
    }

    /** Writes 1 to {@link #MAX_BYTES} random bytes from {@code from}; {@code to} must read exactly them. */
    static int send(Ssl from, Ssl to, Random random, String direction) {
        byte[] sent = new byte[1 + random.nextInt(MAX_BYTES)];
        random.nextBytes(sent);
        int w = from.write(sent, 0, sent.length);
        check(w == sent.length, direction + ": write returned " + w + " of " + sent.length + ", error " + from.getError(w)
                + ", queue " + SslErrorQueue.snapshot());
        byte[] got = new byte[sent.length];
        int n = 0;
        for (int reads = 0; n < got.length && reads < MAX_READS; reads++) {
            int r = to.read(got, n, got.length - n);
            if (r > 0) {
                n += r;
            } else {
                check(to.getError(r) == org.libssl4j.SslError.WANT_READ, direction + ": read returned " + r + ", error "
                        + to.getError(r) + ", queue " + SslErrorQueue.snapshot());
            }
        }
        check(n == got.length, direction + ": " + n + " of " + got.length + " bytes arrived");
        for (int i = 0; i < got.length; i++) {
            if (got[i] != sent[i]) {
                throw new AssertionError(direction + ": byte " + i + " of " + got.length + " is " + got[i] + ", sent " + sent[i]);
            }
        }
        return sent.length;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
