package org.libssl4j.engine.jsse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/**
 * A throwaway P-256 key and a self-signed certificate for it, made at run time for in-memory connections
 * ({@link JsseProbe}'s, and measurements such as {@code libssl4j speed}): no key ships in the jar, and nothing here
 * needs a third-party library. The certificate is the smallest one every provider accepts (v3, no extensions); no
 * peer can trust it, so use it only where the client does not verify.
 */
public final class ProbeIdentity {
    private static final byte[] ECDSA_WITH_SHA256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    final PrivateKey key;
    final X509Certificate certificate;

    private ProbeIdentity(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** The private key. */
    public PrivateKey key() {
        return key;
    }

    /** The self-signed certificate, CN "libssl4j capability probe". */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A new key and certificate. */
    public static ProbeIdentity create() throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = kpg.generateKeyPair();
        byte[] algorithm = der(0x30, ECDSA_WITH_SHA256);
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME,
                der(0x0c, "libssl4j capability probe".getBytes(StandardCharsets.UTF_8)))));
        byte[] validity = der(0x30, der(0x17, ascii("250101000000Z")), der(0x17, ascii("491231235959Z")));
        byte[] tbs = der(0x30,
                der(0xa0, der(0x02, new byte[] {2})), // [0] version v3
                der(0x02, new byte[] {1}),             // serial number
                algorithm, name, validity, name,
                pair.getPublic().getEncoded());        // SubjectPublicKeyInfo, already DER
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] encoded = der(0x30, tbs, algorithm, der(0x03, bitString));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
        return new ProbeIdentity(pair.getPrivate(), cert);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** One DER element: tag, definite length, then the parts' bytes in order. */
    static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 4);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
