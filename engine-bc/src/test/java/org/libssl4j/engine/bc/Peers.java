package org.libssl4j.engine.bc;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.libssl4j.engine.bc.provider.BcProviders;

/**
 * Two BCJSSE engines (built as {@link BcEngineProvider} builds them) connected in memory, one whole record at a time,
 * as libssl4j's state machine drives them. Certificates are made here: a CA and an RSA or EC server.
 */
final class Peers {
    static final Provider JSSE = BcProviders.newJsseProvider();
    private static final long DAY = 86_400_000L;
    private static KeyPair caKeys;
    private static X509Certificate ca;

    final SSLEngine client;
    final SSLEngine server;
    final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    final ArrayDeque<byte[]> toClient = new ArrayDeque<>();

    private Peers(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
    }

    /** A client and a server of {@code protocol}; the server has an RSA or EC certificate. */
    static Peers create(String protocol, boolean rsa, boolean needClientAuth) throws Exception {
        SSLEngine c = context(null).createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        c.setEnabledProtocols(new String[] {protocol});
        c.setEnabledCipherSuites(BcEngineProvider.openSslOrder(c.getEnabledCipherSuites()));
        SSLEngine s = context(rsa ? "RSA" : "EC").createSSLEngine();
        s.setUseClientMode(false);
        s.setEnabledProtocols(new String[] {protocol});
        s.setNeedClientAuth(needClientAuth);
        return new Peers(c, s);
    }

    private static synchronized X509Certificate ca() throws Exception {
        if (ca == null) {
            caKeys = keys("RSA");
            ca = sign(new X500Name("CN=engine-bc test CA"), caKeys, caKeys, true, null);
        }
        return ca;
    }

    private static KeyPair keys(String type) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, boolean isCa, String dns)
            throws Exception {
        long now = System.currentTimeMillis();
        X500Name issuer = isCa ? subject : new X500Name(ca.getSubjectX500Principal().getName());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now),
                new Date(now - DAY), new Date(now + DAY), subject, subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (dns != null) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static SSLContext context(String keyType) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", JSSE);
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        if (keyType != null) {
            KeyPair k = keys(keyType);
            X509Certificate cert = sign(new X500Name("CN=localhost"), k, caKeys, false, "localhost");
            own.setKeyEntry("own", k.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert, ca});
        }
        kmf.init(own, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS", JSSE);
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    /** Moves records until neither side has anything to do; a failure propagates. */
    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 100; i++) {
            boolean a = step(client, toClient, toServer);
            boolean b = step(server, toServer, toClient);
            if (!a && !b) {
                return;
            }
        }
        throw new IllegalStateException("no progress");
    }

    /** One step of {@code e}: wrap if it wants to, else unwrap one record from {@code in}. */
    static boolean step(SSLEngine e, ArrayDeque<byte[]> in, ArrayDeque<byte[]> out) throws SSLException {
        if (e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            List<byte[]> r = wrap(e, ByteBuffer.allocate(0));
            out.addAll(r);
            return !r.isEmpty();
        }
        if (!in.isEmpty()) {
            unwrap(e, in.poll());
            return true;
        }
        return false;
    }

    /** One wrap; the records it produced. */
    static List<byte[]> wrap(SSLEngine e, ByteBuffer app) throws SSLException {
        ByteBuffer dst = ByteBuffer.allocate(70_000);
        e.wrap(app, dst);
        dst.flip();
        List<byte[]> records = new ArrayList<>();
        while (dst.remaining() >= 5) {
            int len = (dst.get(dst.position() + 3) & 0xFF) << 8 | dst.get(dst.position() + 4) & 0xFF;
            byte[] r = new byte[5 + len];
            dst.get(r);
            records.add(r);
        }
        return records;
    }

    /** One unwrap of one whole record; the plaintext. */
    static byte[] unwrap(SSLEngine e, byte[] record) throws SSLException {
        ByteBuffer dst = ByteBuffer.allocate(70_000);
        e.unwrap(ByteBuffer.wrap(record), dst);
        dst.flip();
        byte[] b = new byte[dst.remaining()];
        dst.get(b);
        return b;
    }
}
