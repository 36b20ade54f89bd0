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
 * {@code openssl pkcs8 -topk8} writes them) and traditional ones ("BEGIN RSA PRIVATE KEY", "BEGIN EC PRIVATE KEY",
 * with or without {@code Proc-Type: 4,ENCRYPTED}, as {@code openssl rsa -traditional} and {@code openssl ec} write
 * them), PEM or DER, without a third-party library.
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

    /** The key in the first unencrypted PKCS#8 or traditional (RSA, EC) PEM block of {@code text}. */
    public static PrivateKey privateKey(String text) {
        KeyBlock block;
        try {
            block = keyBlock(text);
        } catch (PemException e) {
            throw new IllegalArgumentException(e.reason() == NO_START_LINE
                    ? "no \"BEGIN PRIVATE KEY\", \"BEGIN RSA PRIVATE KEY\" or \"BEGIN EC PRIVATE KEY\" block" : e.getMessage(), e);
        }
        if (block.encrypted()) {
            throw new IllegalArgumentException("an encrypted key: it needs a password");
        }
        return privateKey(block.label(), block.der());
    }

    /**
     * The key in DER {@code der}: PKCS#8 (RSA, EC, Ed25519 or RSASSA-PSS), else traditional PKCS#1 RSA or SEC1 EC, as
     * {@code SSL_FILETYPE_ASN1} takes them.
     */
    public static PrivateKey privateKey(byte[] der) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        for (String label : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY"}) {
            try {
                return privateKey(label, der);
            } catch (IllegalArgumentException e) {
                // not that either
            }
        }
        throw new IllegalArgumentException("not a PKCS#8, PKCS#1 (RSA) or SEC1 (EC) private key");
    }

    // ---- traditional ("BEGIN RSA PRIVATE KEY", "BEGIN EC PRIVATE KEY") keys, plain and encrypted -------------------

    /** A traditional key block: its label, its RFC 1421 headers ({@code Proc-Type}, {@code DEK-Info}) and its DER. */
    public record KeyBlock(String label, java.util.Map<String, String> headers, byte[] der) {
        /** Whether the block says {@code Proc-Type: 4,ENCRYPTED}. */
        public boolean encrypted() {
            String p = headers.get("Proc-Type");
            return p != null && p.replace(" ", "").equalsIgnoreCase("4,ENCRYPTED");
        }
    }

    /**
     * The first private-key block of {@code text} ("PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY"), with its
     * headers.
     *
     * @throws PemException {@link #NO_START_LINE} when there is none, {@link #BAD_BASE64_DECODE} when its body does
     *     not decode or it has no end line
     */
    public static KeyBlock keyBlock(String text) throws PemException {
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                throw new PemException(NO_START_LINE, "Expecting: ANY PRIVATE KEY");
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new PemException(NO_START_LINE, "Expecting: ANY PRIVATE KEY");
            }
            String label = text.substring(begin + 11, labelEnd);
            at = labelEnd + 5;
            if (!label.equals("PRIVATE KEY") && !label.equals("RSA PRIVATE KEY") && !label.equals("EC PRIVATE KEY")) {
                continue;
            }
            String end = "-----END " + label + "-----";
            int to = text.indexOf(end, at);
            if (to < 0) {
                throw new PemException(BAD_BASE64_DECODE, "no \"" + end + "\"");
            }
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            for (String line : text.substring(at, to).split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && body.length() == 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                } else {
                    body.append(line.replaceAll("\\s", ""));
                }
            }
            try {
                return new KeyBlock(label, headers, Base64.getDecoder().decode(body.toString()));
            } catch (IllegalArgumentException e) {
                throw new PemException(BAD_BASE64_DECODE, label + ": " + e.getMessage());
            }
        }
    }

    /**
     * The DER of an encrypted traditional block decrypted as OpenSSL's {@code PEM_do_header} does: the cipher and
     * IV of {@code DEK-Info} (AES-128/192/256-CBC, DES-EDE3-CBC, DES-CBC), the key from the password by
     * {@code EVP_BytesToKey(cipher, MD5, salt = the IV's first 8 bytes, count 1)}.
     *
     * @throws GeneralSecurityException when it does not decrypt (a wrong password: bad padding)
     * @throws IllegalArgumentException when {@code DEK-Info} is missing, malformed or names a cipher not supported
     */
    public static byte[] decryptTraditional(KeyBlock block, char[] password) throws GeneralSecurityException {
        String dek = block.headers().get("DEK-Info");
        int comma = dek == null ? -1 : dek.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("no DEK-Info header");
        }
        String name = dek.substring(0, comma).trim().toUpperCase(java.util.Locale.ROOT);
        byte[] iv = hex(dek.substring(comma + 1).trim());
        String transformation;
        String keyAlg;
        int keyLen;
        switch (name) {
            case "AES-128-CBC": transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 16; break;
            case "AES-192-CBC": transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 24; break;
            case "AES-256-CBC": transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 32; break;
            case "DES-EDE3-CBC": transformation = "DESede/CBC/PKCS5Padding"; keyAlg = "DESede"; keyLen = 24; break;
            case "DES-CBC": transformation = "DES/CBC/PKCS5Padding"; keyAlg = "DES"; keyLen = 8; break;
            default: throw new IllegalArgumentException("unsupported encryption: " + name);
        }
        if (iv.length < 8) {
            throw new IllegalArgumentException("DEK-Info: IV too short");
        }
        byte[] pass = new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] key = bytesToKey(pass, java.util.Arrays.copyOf(iv, 8), keyLen);
        java.util.Arrays.fill(pass, (byte) 0);
        try {
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, keyAlg), new javax.crypto.spec.IvParameterSpec(iv));
            return c.doFinal(block.der());
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** OpenSSL's {@code EVP_BytesToKey} with MD5 and one iteration: D_i = MD5(D_{i-1} || password || salt). */
    static byte[] bytesToKey(byte[] password, byte[] salt, int keyLen) throws GeneralSecurityException {
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        byte[] out = new byte[keyLen];
        byte[] d = new byte[0];
        int n = 0;
        while (n < keyLen) {
            md5.update(d);
            md5.update(password);
            md5.update(salt);
            d = md5.digest();
            int take = Math.min(d.length, keyLen - n);
            System.arraycopy(d, 0, out, n, take);
            n += take;
        }
        return out;
    }

    private static byte[] hex(String s) {
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("DEK-Info: IV is not hex");
        }
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("DEK-Info: IV is not hex");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /**
     * The key in a block's (decrypted) DER: PKCS#8 for "PRIVATE KEY", PKCS#1 {@code RSAPrivateKey} for "RSA PRIVATE
     * KEY", SEC1 {@code ECPrivateKey} (with its named curve) for "EC PRIVATE KEY".
     *
     * @throws IllegalArgumentException when it is not such a key
     */
    public static PrivateKey privateKey(String label, byte[] der) {
        switch (label) {
            case "RSA PRIVATE KEY":
                return pkcs8(der, RSA_ALGORITHM, "RSA");
            case "EC PRIVATE KEY":
                return pkcs8(der, ecAlgorithm(der), "EC");
            default:
                return privateKey(der);
        }
    }

    /** rsaEncryption's AlgorithmIdentifier: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
        0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    /** PrivateKeyInfo { version 0, algorithm, OCTET STRING der } read by the JDK's KeyFactory. */
    private static PrivateKey pkcs8(byte[] der, byte[] algorithm, String keyAlg) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, der));
        try {
            return KeyFactory.getInstance(keyAlg).generatePrivate(new PKCS8EncodedKeySpec(tlv(0x30, body.toByteArray())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a traditional " + keyAlg + " private key: " + e.getMessage(), e);
        }
    }

    /** The AlgorithmIdentifier { id-ecPublicKey, namedCurve } for SEC1 {@code der}, from its [0] parameters. */
    private static byte[] ecAlgorithm(byte[] der) {
        int[] seq = header(der, 0, 0x30);
        int at = seq[0];
        int end = seq[0] + seq[1];
        while (at < end) {
            int tag = der[at] & 0xFF;
            int[] h = header(der, at, tag);
            if (tag == 0xA0) {
                byte[] curve = java.util.Arrays.copyOfRange(der, h[0], h[0] + h[1]);
                if (curve.length == 0 || curve[0] != 0x06) {
                    throw new IllegalArgumentException("EC PRIVATE KEY: parameters are not a named curve");
                }
                java.io.ByteArrayOutputStream alg = new java.io.ByteArrayOutputStream();
                alg.writeBytes(EC_PUBLIC_KEY);
                alg.writeBytes(curve);
                return tlv(0x30, alg.toByteArray());
            }
            at = h[0] + h[1];
        }
        throw new IllegalArgumentException("EC PRIVATE KEY without curve parameters");
    }

    /** {content offset, content length} of the DER element at {@code at}, which must have tag {@code tag}. */
    private static int[] header(byte[] der, int at, int tag) {
        if (at + 2 > der.length || (der[at] & 0xFF) != tag) {
            throw new IllegalArgumentException("malformed DER: expected tag 0x" + Integer.toHexString(tag));
        }
        int len = der[at + 1] & 0xFF;
        int off = at + 2;
        if (len >= 0x80) {
            int n = len & 0x7F;
            if (n == 0 || n > 3 || off + n > der.length) {
                throw new IllegalArgumentException("malformed DER length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = len << 8 | (der[off++] & 0xFF);
            }
        }
        if (off + len > der.length) {
            throw new IllegalArgumentException("malformed DER: truncated");
        }
        return new int[] {off, len};
    }

    private static byte[] tlv(int tag, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
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
