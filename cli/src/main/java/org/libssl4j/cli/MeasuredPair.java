package org.libssl4j.cli;

import org.libssl4j.Engine;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.bio.BioPair;
import org.libssl4j.engine.jsse.ProbeIdentity;

/**
 * A client and a server of one engine joined by a {@code BioPair} in one thread, for measurements (speed, idle
 * memory): the server has a throwaway identity made at run time, which the client cannot trust, so the client
 * does not verify. Speed and memory, not security.
 */
public final class MeasuredPair {
    private MeasuredPair() {
    }

    /** A client context (verification off) and a server context with {@code id}, on {@code engine}. */
    public static SslCtx[] contexts(Engine engine, ProbeIdentity id) {
        SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
        client.setVerify(SslVerify.NONE, null);
        SslCtx server = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
        server.useCertificate(id.certificate());
        server.usePrivateKey(id.key());
        return new SslCtx[] {client, server};
    }

    /**
     * A client of {@code ctx[0]} and a server of {@code ctx[1]} on {@code pair}, handshake done.
     *
     * @throws IllegalStateException if the handshake fails, with the error queue's entry
     */
    public static Ssl[] connect(SslCtx[] ctx, BioPair pair) {
        Ssl c = ctx[0].newSsl();
        Ssl s = ctx[1].newSsl();
        c.setBio(pair.first(), pair.first());
        s.setBio(pair.second(), pair.second());
        c.setConnectState();
        s.setAcceptState();
        int rc = 0;
        int rs = 0;
        for (int i = 0; i < 100 && (rc != 1 || rs != 1); i++) {
            SslErrorQueue.clear();
            if (rc != 1) {
                rc = c.doHandshake();
            }
            if (rs != 1) {
                rs = s.doHandshake();
            }
        }
        if (rc != 1 || rs != 1) {
            throw new IllegalStateException("handshake failed: " + SslErrorQueue.get());
        }
        return new Ssl[] {c, s};
    }
}
