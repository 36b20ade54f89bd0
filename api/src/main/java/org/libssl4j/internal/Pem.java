package org.libssl4j.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads PKCS#8 private keys ("BEGIN PRIVATE KEY", and encrypted ones, "BEGIN ENCRYPTED PRIVATE KEY", as
 * {@code openssl pkcs8 -topk8} writes them) without a third-party library.
 */
public final class Pem {
    private Pem() {
    }

    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";

    /** True when {@code text} holds an encrypted PKCS#8 block, which needs a password. */
    public static boolean isEncrypted(String text) {
        return text.contains("-----BEGIN " + ENCRYPTED + "-----");
    }

    /** The DER of the first encrypted PKCS#8 block of {@code text}. */
    public static byte[] encryptedBlock(String text) {
        String begin = "-----BEGIN " + ENCRYPTED + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END " + ENCRYPTED + "-----");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no \"BEGIN " + ENCRYPTED + "\" block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** True when {@code der} is an encrypted PKCS#8 structure (PBES2, or a PKCS#12 PBE scheme). */
    public static boolean isEncrypted(byte[] der) {
        try {
            new EncryptedPrivateKeyInfo(der);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The key in encrypted PKCS#8 DER {@code der}, decrypted with {@code password}.
     *
     * @throws GeneralSecurityException when it does not decrypt: a wrong password, or a scheme the JDK lacks
     * @throws IllegalArgumentException when {@code der} is not an encrypted PKCS#8 structure
     */
    public static PrivateKey decrypt(byte[] der, char[] password) throws GeneralSecurityException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an encrypted PKCS#8 key: " + e.getMessage(), e);
        }
        // Java 17 names PBES2 by the scheme's OID only; its parameters name the cipher (PBEWithHmacSHA256AndAES_256).
        String alg = info.getAlgName().equals("PBES2") && info.getAlgParameters() != null
                ? info.getAlgParameters().toString() : info.getAlgName();
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(alg).generateSecret(spec), info.getAlgParameters());
            return privateKey(info.getKeySpec(cipher).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("decrypted, but not a key: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
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
