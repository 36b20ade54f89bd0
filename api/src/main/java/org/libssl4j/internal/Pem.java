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
        byte[] der;
        try {
            der = blocks(text, "PRIVATE KEY").get(0);
        } catch (PemException e) {
            throw new IllegalArgumentException(e.reason() == NO_START_LINE
                    ? "no PKCS#8 \"BEGIN PRIVATE KEY\" block (convert with: openssl pkcs8 -topk8 -nocrypt)" : e.getMessage(), e);
        }
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

    /** {@code PEM_R_NO_START_LINE}: "no start line", no block of the expected kind in the file (lib PEM, 108). */
    public static final int NO_START_LINE = 108;
    /** {@code PEM_R_BAD_BASE64_DECODE}: "bad base64 decode", a block whose body is not Base64 (lib PEM, 100). */
    public static final int BAD_BASE64_DECODE = 100;

    /** A PEM file that OpenSSL's PEM reader refuses; {@link #reason()} is its PEM reason. */
    public static final class PemException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int reason;

        PemException(int reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** {@link #NO_START_LINE} or {@link #BAD_BASE64_DECODE}. */
        public int reason() {
            return reason;
        }

        /** The reason string, as OpenSSL prints it. */
        public String reasonString() {
            return reason == NO_START_LINE ? "no start line" : "bad base64 decode";
        }
    }

    /**
     * The DER of every block of {@code text} whose label is one of {@code labels}, in order, as OpenSSL's PEM reader
     * finds them: blocks of other labels are skipped, and a body is strict Base64 (line breaks and spaces aside).
     *
     * @throws PemException {@link #NO_START_LINE} when there is no such block, {@link #BAD_BASE64_DECODE} when a
     *     body does not decode or has no end line
     */
    public static java.util.List<byte[]> blocks(String text, String... labels) throws PemException {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                break;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                break;
            }
            String label = text.substring(begin + 11, labelEnd);
            at = labelEnd + 5;
            if (!java.util.List.of(labels).contains(label)) {
                continue;
            }
            String end = "-----END " + label + "-----";
            int to = text.indexOf(end, at);
            if (to < 0) {
                throw new PemException(BAD_BASE64_DECODE, "no \"" + end + "\"");
            }
            String body = text.substring(at, to).replaceAll("[\\s]", "");
            try {
                out.add(Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                throw new PemException(BAD_BASE64_DECODE, label + ": " + e.getMessage());
            }
            at = to + end.length();
        }
        if (out.isEmpty()) {
            throw new PemException(NO_START_LINE, "Expecting: " + labels[0]);
        }
        return out;
    }

    /** {@code EVP_PKEY_eq}'s answers, as {@code X509_check_private_key} reports them. */
    public enum KeyMatch {
        /** The private key belongs to the public key. */
        MATCH,
        /** Same type, other key: X509 "key values mismatch" (116). */
        VALUES_MISMATCH,
        /** Another type (RSA and EC): X509 "key type mismatch" (115). */
        TYPE_MISMATCH
    }

    /**
     * Whether {@code key} is the private half of {@code pub}, as {@code X509_check_private_key} decides: RSA by
     * modulus (and public exponent, for CRT keys), EC by curve, then by a signature made with the private key
     * and checked with the public one, other types by that signature alone.
     */
    public static KeyMatch matches(java.security.PublicKey pub, PrivateKey key) {
        if (!family(pub.getAlgorithm()).equals(family(key.getAlgorithm()))) {
            return KeyMatch.TYPE_MISMATCH;
        }
        if (pub instanceof java.security.interfaces.RSAPublicKey && key instanceof java.security.interfaces.RSAKey) {
            java.security.interfaces.RSAPublicKey p = (java.security.interfaces.RSAPublicKey) pub;
            if (!p.getModulus().equals(((java.security.interfaces.RSAKey) key).getModulus())) {
                return KeyMatch.VALUES_MISMATCH;
            }
            if (key instanceof java.security.interfaces.RSAPrivateCrtKey) {
                return p.getPublicExponent().equals(((java.security.interfaces.RSAPrivateCrtKey) key).getPublicExponent())
                        ? KeyMatch.MATCH : KeyMatch.VALUES_MISMATCH;
            }
            return KeyMatch.MATCH;
        }
        if (pub instanceof java.security.interfaces.ECPublicKey && key instanceof java.security.interfaces.ECPrivateKey) {
            java.security.spec.ECParameterSpec a = ((java.security.interfaces.ECPublicKey) pub).getParams();
            java.security.spec.ECParameterSpec b = ((java.security.interfaces.ECPrivateKey) key).getParams();
            if (!a.getCurve().equals(b.getCurve()) || !a.getGenerator().equals(b.getGenerator()) || !a.getOrder().equals(b.getOrder())) {
                return KeyMatch.VALUES_MISMATCH;
            }
        }
        return signs(pub, key) ? KeyMatch.MATCH : KeyMatch.VALUES_MISMATCH;
    }

    private static java.security.Signature signature(String alg) throws GeneralSecurityException {
        java.security.Signature s = java.security.Signature.getInstance(alg);
        if (alg.equals("RSASSA-PSS")) {
            s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        }
        return s;
    }

    private static String family(String algorithm) {
        switch (algorithm) {
            case "ECDSA":
                return "EC";
            case "EdDSA":
                return "Ed25519";
            default:
                return algorithm;
        }
    }

    /** A test message signed with {@code key} verifies with {@code pub}. */
    private static boolean signs(java.security.PublicKey pub, PrivateKey key) {
        String alg;
        switch (family(key.getAlgorithm())) {
            case "EC":
                alg = "SHA256withECDSA";
                break;
            case "RSA":
                alg = "SHA256withRSA";
                break;
            case "RSASSA-PSS":
                alg = "RSASSA-PSS";
                break;
            default:
                alg = key.getAlgorithm();
        }
        byte[] message = "libssl4j: X509_check_private_key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            java.security.Signature s = signature(alg);
            s.initSign(key);
            s.update(message);
            byte[] sig = s.sign();
            java.security.Signature v = signature(alg);
            v.initVerify(pub);
            v.update(message);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
