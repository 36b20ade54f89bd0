package org.libssl4j.internal;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads PKCS#8 private keys ("BEGIN PRIVATE KEY") without a third-party library. */
public final class Pem {
    private Pem() {
    }

    /** The key in the first PKCS#8 PEM block of {@code text}. */
    public static PrivateKey privateKey(String text) {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no PKCS#8 \"BEGIN PRIVATE KEY\" block (convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        return privateKey(der);
    }

    /** The key in PKCS#8 DER {@code der}: RSA, EC, Ed25519 or RSASSA-PSS. */
    public static PrivateKey privateKey(byte[] der) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not a PKCS#8 RSA, EC or Ed25519 private key");
    }
}
