package org.libssl4j.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates, made at run time with bcpkix so that none ever expires in the repository. Each is made once
 * per JVM, on first use, and cached: RSA key generation takes a noticeable fraction of a second.
 *
 * <p>Keys come from the JDK's own generators and certificates are parsed back with the JDK's
 * {@code CertificateFactory}, so every engine sees plain JDK objects. BouncyCastle only signs, through a provider
 * instance passed explicitly: nothing is registered in {@link java.security.Security}, so the engines under test
 * see the same providers with and without the test kit.
 *
 * <p>Valid certificates run from one day ago to thirty days ahead. Servers are named {@code CN=localhost} with
 * subjectAltName {@code DNS:localhost, IP:127.0.0.1}, which is the name {@link TestPair} sets.
 */
public final class TestCerts {
    /** The host name the server certificates carry (and {@link TestPair} asks for). */
    public static final String HOST = "localhost";

    private static final Duration DAY = Duration.ofDays(1);
    // Serial numbers must differ between certificates of one issuer; time-seeded so runs differ too.
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private static final Lazy<Provider> BC = new Lazy<>(BouncyCastleProvider::new);
    private static final Lazy<TestIdentity> CA = new Lazy<>(() -> ca("ca", "CN=libssl4j Test CA,O=libssl4j"));
    private static final Lazy<TestIdentity> OTHER_CA =
            new Lazy<>(() -> ca("other-ca", "CN=libssl4j Untrusted Test CA,O=libssl4j"));
    private static final Lazy<TestIdentity> SERVER_RSA = new Lazy<>(() -> server("server-rsa", rsa(), ca(), HOST, validNow()));
    private static final Lazy<TestIdentity> SERVER_EC = new Lazy<>(() -> server("server-ec", ec(), ca(), HOST, validNow()));
    private static final Lazy<TestIdentity> CLIENT = new Lazy<>(TestCerts::makeClient);
    private static final Lazy<TestIdentity> BIG = new Lazy<>(() -> build("server-big", ec(),
            new X500Principal("CN=" + HOST + ",O=libssl4j test"), ca(), validNow(), b -> {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
                b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), false,
                        new org.bouncycastle.asn1.DEROctetString(new byte[20_000]));
            }));
    private static final Lazy<TestIdentity> EXPIRED = new Lazy<>(() -> server("server-expired", rsa(), ca(), HOST,
            new Validity(Instant.now().minus(DAY.multipliedBy(30)), Instant.now().minus(DAY))));
    private static final Lazy<TestIdentity> WRONG_HOST =
            new Lazy<>(() -> server("server-wrong-host", rsa(), ca(), "other.example", validNow()));
    private static final Lazy<TestIdentity> UNTRUSTED =
            new Lazy<>(() -> server("server-untrusted", rsa(), otherCa(), HOST, validNow()));

    private static final Lazy<TestIdentity> LONG_CHAIN = new Lazy<>(TestCerts::makeLongChain);
    private static final Lazy<TestIdentity> TWO_INTERMEDIATES = new Lazy<>(() -> makeChain(2, "server-two-intermediates"));

    private TestCerts() {
    }

    /**
     * A server certificate for {@value #HOST} (P-256) under 11 intermediate CAs below {@link #ca()}: its chain holds
     * 13 certificates, more than the 10 that bctls and SunJSSE accept from a peer.
     */
    public static TestIdentity longChainServer() {
        return LONG_CHAIN.get();
    }

    /**
     * A server certificate for {@value #HOST} (P-256) under 2 intermediate CAs below {@link #ca()}: its chain holds
     * 3 certificates, accepted at verify depth 2 and refused at depth 1 (VERIFY-8).
     */
    public static TestIdentity twoIntermediatesServer() {
        return TWO_INTERMEDIATES.get();
    }

    private static TestIdentity makeLongChain() {
        return makeChain(11, "server-long-chain");
    }

    private static TestIdentity makeChain(int intermediates, String name) {
        TestIdentity issuer = ca();
        for (int i = 1; i <= intermediates; i++) {
            issuer = build("intermediate-" + i, ec(), new X500Principal("CN=libssl4j Test Intermediate " + i + ",O=libssl4j"),
                    issuer, validNow(), b -> {
                        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    });
        }
        return server(name, ec(), issuer, HOST, validNow());
    }

    /** The test CA: RSA-2048, self-signed, {@code CA:true}, keyCertSign. Clients built by {@link TestContexts} trust it. */
    public static TestIdentity ca() {
        return CA.get();
    }

    /** A second CA that nothing trusts; it signs {@link #untrustedServer()}. */
    public static TestIdentity otherCa() {
        return OTHER_CA.get();
    }

    /** RSA-2048 server certificate for {@code localhost} and {@code 127.0.0.1}, signed by {@link #ca()}, serverAuth. */
    public static TestIdentity serverRsa() {
        return SERVER_RSA.get();
    }

    /** EC P-256 server certificate for {@code localhost} and {@code 127.0.0.1}, signed by {@link #ca()}, serverAuth. */
    public static TestIdentity serverEc() {
        return SERVER_EC.get();
    }

    /** RSA-2048 client certificate ({@code CN=libssl4j test client}), signed by {@link #ca()}, clientAuth. */
    public static TestIdentity client() {
        return CLIENT.get();
    }

    /** As {@link #serverRsa()} but valid only in the past (from 30 days ago to 1 day ago). */
    public static TestIdentity expiredServer() {
        return EXPIRED.get();
    }

    /** As {@link #serverRsa()} but named only {@code other.example} (CN and subjectAltName DNS), not localhost. */
    public static TestIdentity wrongHostServer() {
        return WRONG_HOST.get();
    }

    /**
     * A server certificate for {@value #HOST}, signed by {@link #ca()}, that carries a 20,000-byte private
     * extension, so that the server's flight is larger than a BIO pair's default 17,408 bytes and than one record.
     */
    public static TestIdentity bigServer() {
        return BIG.get();
    }

    /** As {@link #serverRsa()} but signed by {@link #otherCa()}, which no client trusts. */
    public static TestIdentity untrustedServer() {
        return UNTRUSTED.get();
    }

    // ---- making them ----------------------------------------------------------------------------------------

    private record Validity(Instant notBefore, Instant notAfter) {
    }

    private static Validity validNow() {
        Instant now = Instant.now();
        return new Validity(now.minus(DAY), now.plus(DAY.multipliedBy(30)));
    }

    private static TestIdentity ca(String name, String dn) {
        KeyPair keys = rsa();
        X500Principal subject = new X500Principal(dn);
        return build(name, keys, subject, null, validNow(), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    private static TestIdentity server(String name, KeyPair keys, TestIdentity issuer, String host, Validity validity) {
        // keyEncipherment only for RSA: TLS 1.2 RSA key exchange needs it, and it is wrong on an EC key.
        int usage = KeyUsage.digitalSignature | ("RSA".equals(keys.getPublic().getAlgorithm()) ? KeyUsage.keyEncipherment : 0);
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, host));
        if (HOST.equals(host)) {
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        }
        X500Principal subject = new X500Principal("CN=" + host + ",O=libssl4j test");
        return build(name, keys, subject, issuer, validity, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
        });
    }

    private static TestIdentity makeClient() {
        X500Principal subject = new X500Principal("CN=libssl4j test client,O=libssl4j test");
        return build("client", rsa(), subject, ca(), validNow(), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        });
    }

    /** Adds extensions to a certificate being built. */
    private interface Extensions {
        void add(X509v3CertificateBuilder b) throws CertIOException;
    }

    /** Signs one certificate with {@code issuer}'s key, or with its own key when {@code issuer} is null. */
    private static TestIdentity build(String name, KeyPair keys, X500Principal subject, TestIdentity issuer,
                                      Validity validity, Extensions ext) {
        try {
            X500Principal issuerName = issuer != null ? issuer.certificate().getSubjectX500Principal() : subject;
            KeyPair signer = issuer != null ? new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey()) : keys;
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(validity.notBefore()),
                    Date.from(validity.notAfter()), subject, keys.getPublic());
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(signer.getPublic()));
            ext.add(b);
            String alg = "RSA".equals(signer.getPrivate().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            // The converter without a provider parses with the JDK's CertificateFactory: plain JDK certificates.
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(alg).setProvider(BC.get()).build(signer.getPrivate())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            if (issuer != null) {
                chain.addAll(issuer.chain());
            }
            return new TestIdentity(name, keys.getPrivate(), chain);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make test certificate " + name, e);
        }
    }

    private static KeyPair rsa() {
        return generate("RSA", g -> g.initialize(2048));
    }

    private static KeyPair ec() {
        return generate("EC", g -> g.initialize(new ECGenParameterSpec("secp256r1")));
    }

    private interface Init {
        void init(KeyPairGenerator g) throws GeneralSecurityException;
    }

    private static KeyPair generate(String alg, Init init) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            init.init(g);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key", e);
        }
    }

    /** Made once, on first use; the lock only matters the first time. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
