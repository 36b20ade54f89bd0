package org.libssl4j.bench;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;

/**
 * A raw {@code SSLEngine} pair (BCJSSE configured as engine-bc configures it), driven by a plain wrap/unwrap loop.
 * The client verifies the chain and the host name (endpoint identification HTTPS), as libssl4j's default client
 * does. TLS 1.3 only, TLS_AES_256_GCM_SHA384 (what engine-bc negotiates by default, in OpenSSL's order).
 */
final class RawJsseDriver implements Driver {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private final SSLContext serverCtx;
    private final SSLContext clientCtx;
    private SSLEngine client;
    private SSLEngine server;
    private ByteBuffer cNet;
    private ByteBuffer sNet;
    private ByteBuffer cApp;
    private ByteBuffer sApp;

    RawJsseDriver(Provider jsse, TestIdentity id) throws Exception {
        char[] pw = "x".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", id.privateKey(), pw, id.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", jsse);
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", TestCerts.ca().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", jsse);
        tmf.init(ts);
        serverCtx = SSLContext.getInstance("TLS", jsse);
        serverCtx.init(kmf.getKeyManagers(), null, new SecureRandom());
        clientCtx = SSLContext.getInstance("TLS", jsse);
        clientCtx.init(null, tmf.getTrustManagers(), new SecureRandom());
    }

    private void newPair() throws Exception {
        server = serverCtx.createSSLEngine();
        server.setUseClientMode(false);
        configure(server);
        client = clientCtx.createSSLEngine(TestCerts.HOST, -1);
        client.setUseClientMode(true);
        SSLParameters p = configure(client);
        p.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(p);
        int net = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        if (cNet == null) {
            cNet = ByteBuffer.allocate(4 * net);
            sNet = ByteBuffer.allocate(4 * net);
            cApp = ByteBuffer.allocate(2 * app);
            sApp = ByteBuffer.allocate(2 * app);
        }
        cNet.clear();
        sNet.clear();
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 100; round++) {
            wrap(client, cNet);
            unwrap(server, cNet, sApp);
            wrap(server, sNet);
            unwrap(client, sNet, cApp);
            if (done(client) && done(server)) {
                return;
            }
        }
        throw new IllegalStateException("handshake did not finish: " + client.getHandshakeStatus() + "/"
                + server.getHandshakeStatus());
    }

    private static SSLParameters configure(SSLEngine e) {
        SSLParameters p = e.getSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3"});
        p.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
        e.setSSLParameters(p);
        return p;
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    private static void tasks(SSLEngine e) {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
    }

    private static void wrap(SSLEngine e, ByteBuffer net) throws Exception {
        tasks(e);
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult r = e.wrap(EMPTY, net);
            tasks(e);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new IllegalStateException("wrap: " + r);
            }
            if (r.bytesProduced() == 0 && e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                break;
            }
        }
    }

    private static void unwrap(SSLEngine e, ByteBuffer net, ByteBuffer app) throws Exception {
        net.flip();
        try {
            while (net.hasRemaining()) {
                app.clear();
                SSLEngineResult r = e.unwrap(net, app);
                tasks(e);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    break;
                }
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + r);
                }
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            }
        } finally {
            net.compact();
        }
    }

    @Override
    public void handshakeOnce() throws Exception {
        newPair();
        client = null;
        server = null;
    }

    @Override
    public void connect() throws Exception {
        newPair();
        // Let the client read what the server sent after its Finished (a NewSessionTicket, if any).
        unwrap(client, sNet, cApp);
    }

    @Override
    public int transfer(byte[] data) throws Exception {
        ByteBuffer src = ByteBuffer.wrap(data);
        int read = 0;
        while (src.hasRemaining()) {
            SSLEngineResult r = client.wrap(src, cNet);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new IllegalStateException("wrap: " + r);
            }
            cNet.flip();
            while (cNet.hasRemaining()) {
                sApp.clear();
                SSLEngineResult u = server.unwrap(cNet, sApp);
                if (u.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + u);
                }
                read += u.bytesProduced();
            }
            cNet.clear();
        }
        return read;
    }

    @Override
    public String describe() {
        return client.getSession().getProtocol() + " " + client.getSession().getCipherSuite();
    }

    @Override
    public void close() {
    }
}
