package org.libssl4j.bench;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.libssl4j.testkit.TestIdentity;

/**
 * bctls's own non-blocking protocol ({@code TlsClientProtocol}/{@code TlsServerProtocol} made with their no-argument
 * constructors), pumped with {@code readOutput}/{@code offerInput}. TLS 1.3 only, TLS_AES_256_GCM_SHA384. The client
 * accepts the server's certificate without checking the chain or the name (a benchmark only; libssl4j's and the raw
 * BCJSSE clients do check: one RSA-2048 signature verification and a name match more per handshake).
 */
final class LowLevelDriver implements Driver {
    private static final int[] SUITES = {CipherSuite.TLS_AES_256_GCM_SHA384};

    private final TlsCrypto crypto;
    private final Certificate certificate;
    private final SignatureAndHashAlgorithm sigAlg;
    private final java.security.PrivateKey jcaKey;
    private final AsymmetricKeyParameter bcKey;
    private final byte[] buf = new byte[64 * 1024];
    private TlsClientProtocol client;
    private TlsServerProtocol server;
    private Client peer;

    /** With {@code jca} true: engine-bc's JcaTlsCrypto (JDK providers + BC fallback); else BcTlsCrypto. */
    LowLevelDriver(boolean jca, TestIdentity id) throws Exception {
        this(jca ? BcSetup.jcaCrypto() : new BcTlsCrypto(new java.security.SecureRandom()), id);
    }

    /** With a given crypto: a JcaTlsCrypto or a BcTlsCrypto. */
    LowLevelDriver(TlsCrypto crypto, TestIdentity id) throws Exception {
        boolean jca = crypto instanceof JcaTlsCrypto;
        this.crypto = crypto;
        List<X509Certificate> chain = id.chain();
        CertificateEntry[] entries = new CertificateEntry[chain.size()];
        for (int i = 0; i < entries.length; i++) {
            TlsCertificate c = crypto.createCertificate(chain.get(i).getEncoded());
            entries[i] = new CertificateEntry(c, null);
        }
        this.certificate = new Certificate(TlsUtils.EMPTY_BYTES, entries);
        this.sigAlg = "EC".equals(id.privateKey().getAlgorithm())
                ? SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa)
                : SignatureAndHashAlgorithm.rsa_pss_rsae_sha256;
        this.jcaKey = id.privateKey();
        this.bcKey = jca ? null : PrivateKeyFactory.createKey(id.privateKey().getEncoded());
    }

    private final class Server extends DefaultTlsServer {
        Server() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            TlsCryptoParameters params = new TlsCryptoParameters(context);
            if (crypto instanceof JcaTlsCrypto) {
                return new JcaDefaultTlsCredentialedSigner(params, (JcaTlsCrypto) crypto, jcaKey, certificate, sigAlg);
            }
            return new BcDefaultTlsCredentialedSigner(params, (BcTlsCrypto) crypto, bcKey, certificate, sigAlg);
        }
    }

    private final class Client extends DefaultTlsClient {
        Client() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
        }

        String describe() {
            return context.getServerVersion() + " suite 0x"
                    + Integer.toHexString(context.getSecurityParametersConnection().getCipherSuite())
                    + " group " + org.bouncycastle.tls.NamedGroup.getName(
                            context.getSecurityParametersConnection().getNegotiatedGroup());
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    // accepted: a benchmark only
                }

                @Override
                public org.bouncycastle.tls.TlsCredentials getClientCredentials(CertificateRequest request) {
                    return null;
                }
            };
        }
    }

    private void move(TlsProtocol from, TlsProtocol to) throws IOException {
        int n;
        while ((n = from.getAvailableOutputBytes()) > 0) {
            int r = from.readOutput(buf, 0, Math.min(n, buf.length));
            to.offerInput(buf, 0, r);
        }
    }

    private void newPair() throws IOException {
        client = new TlsClientProtocol();
        server = new TlsServerProtocol();
        peer = new Client();
        client.connect(peer);
        server.accept(new Server());
        for (int round = 0; round < 100; round++) {
            move(client, server);
            move(server, client);
            if (!client.isHandshaking() && !server.isHandshaking()) {
                return;
            }
        }
        throw new IllegalStateException("handshake did not finish");
    }

    @Override
    public void handshakeOnce() throws IOException {
        newPair();
        client = null;
        server = null;
    }

    @Override
    public void connect() throws IOException {
        newPair();
    }

    @Override
    public int transfer(byte[] data) throws IOException {
        client.writeApplicationData(data, 0, data.length);
        move(client, server);
        int read = 0;
        int n;
        while ((n = server.getAvailableInputBytes()) > 0) {
            read += server.readInput(buf, 0, Math.min(n, buf.length));
        }
        if (read != data.length) {
            throw new IllegalStateException("server read " + read + " of " + data.length);
        }
        return read;
    }

    @Override
    public String describe() {
        return peer.describe() + " crypto " + crypto.getClass().getSimpleName();
    }

    @Override
    public void close() {
    }
}
