package org.libssl4j.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS cipher suites OpenSSL 3.0 knows, with what its cipher strings select them by. Written from
 * {@code openssl ciphers -v -stdname 'ALL:COMPLEMENTOFALL'} (OpenSSL 3.0.19) and the ciphers(1) manual.
 *
 * <p>The TLS 1.2 rows are in OpenSSL's starting order, the order its cipher-string rules work on: a rule that adds
 * several suites at once adds them in this order ({@code openssl ciphers -v kECDHE} prints them so). It is not the
 * order {@code ALL:COMPLEMENTOFALL} prints (that one has the NULL-encryption suites last); it was read off the
 * output of the single aliases ({@code SHA1}, {@code kECDHE}, {@code TLSv1}, {@code aNULL}, ...), which fix it
 * wherever it can matter.
 */
public final class CipherSuites {
    private CipherSuites() {
    }

    // Key exchange (OpenSSL's Kx= column), authentication (Au=), encryption (Enc=), MAC (Mac=): one bit each, so
    // that an alias is a mask and "A+B" the AND of masks, as ciphers(1) describes.
    public static final int K_RSA = 1, K_DHE = 2, K_ECDHE = 4, K_PSK = 8, K_RSAPSK = 16, K_DHEPSK = 32,
            K_ECDHEPSK = 64, K_SRP = 128, K_ANY = 256;
    public static final int A_RSA = 1, A_DSS = 2, A_ECDSA = 4, A_NULL = 8, A_PSK = 16, A_SRP = 32, A_ANY = 64;
    public static final int E_AES128 = 1, E_AES256 = 2, E_AES128GCM = 4, E_AES256GCM = 8, E_AES128CCM = 16,
            E_AES256CCM = 32, E_AES128CCM8 = 64, E_AES256CCM8 = 128, E_CAMELLIA128 = 256, E_CAMELLIA256 = 512,
            E_ARIA128GCM = 1024, E_ARIA256GCM = 2048, E_CHACHA20POLY1305 = 4096, E_NULL = 8192;
    public static final int M_MD5 = 1, M_SHA1 = 2, M_SHA256 = 4, M_SHA384 = 8, M_AEAD = 16;
    /** Protocol versions as their wire numbers: the lowest version a suite works with. */
    public static final int SSL3 = 0x0300, TLS1 = 0x0301, TLS1_2 = 0x0303, TLS1_3 = 0x0304;

    /**
     * One suite.
     *
     * @param name OpenSSL's name
     * @param standardName the IANA name
     * @param version the lowest version, as {@code ciphers -v} prints it (SSLv3, TLSv1, TLSv1.2, TLSv1.3)
     * @param kx Kx= ({@code RSA}, {@code ECDH}, {@code DH}, {@code PSK}, ..., {@code any})
     * @param au Au= ({@code RSA}, {@code ECDSA}, {@code DSS}, {@code None}, ..., {@code any})
     * @param enc Enc= without the bits ({@code AESGCM}, {@code AES}, {@code CHACHA20/POLY1305}, {@code None}, ...)
     * @param bits the cipher's key bits, which are its strength bits for {@code @STRENGTH} (0 for no encryption)
     * @param mac Mac= ({@code AEAD}, {@code SHA1}, {@code SHA256}, {@code SHA384}, {@code MD5})
     * @param notDefault in {@code COMPLEMENTOFDEFAULT} (so not in {@code DEFAULT})
     */
    public record Suite(String name, String standardName, String version, String kx, String au, String enc, int bits,
            String mac, boolean notDefault, int kxBit, int auBit, int encBit, int macBit, int minVersion, int order) {

        /** A TLS 1.3 suite: set with {@code setCiphersuites}, never by a cipher string. */
        public boolean tls13() {
            return minVersion == TLS1_3;
        }

        /** {@code SSL_CIPHER_description}'s line, as {@code openssl ciphers -v} prints it (no newline). */
        public String description() {
            String e = enc.equals("None") ? "None" : enc + "(" + bits + ")";
            return String.format("%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%-4s", name, version, kx, au, e, mac);
        }

        /**
         * Whether libssl lets a connection use the suite at this security level ({@code @SECLEVEL=n},
         * SSL_CTX_set_security_level(3)): level 1 takes at least 80 bits and no anonymous or MD5 suites, 2 at least
         * 112 bits, 3 at least 128 bits and forward secrecy, 4 at least 192 bits and no SHA-1 MAC, 5 256 bits.
         */
        public boolean allowedAt(int level) {
            if (level <= 0 || tls13()) {
                return true;
            }
            int[] minBits = {0, 80, 112, 128, 192, 256};
            if (bits < minBits[Math.min(level, 5)] || auBit == A_NULL || macBit == M_MD5) {
                return false;
            }
            if (level >= 3 && (kxBit & (K_DHE | K_ECDHE | K_DHEPSK | K_ECDHEPSK)) == 0) {
                return false;
            }
            return level < 4 || macBit != M_SHA1;
        }
    }

    private static final List<Suite> ALL = new ArrayList<>();
    private static final Map<String, Suite> BY_NAME = new HashMap<>();
    private static final Map<String, Suite> BY_STANDARD_NAME = new HashMap<>();

    private static void s(String name, String iana, String version, String kx, String au, String enc, int bits,
            String mac, boolean notDefault) {
        Suite suite = new Suite(name, iana, version, kx, au, enc, bits, mac, notDefault, kxBit(kx), auBit(au),
                encBit(enc, bits), macBit(mac), version(version), ALL.size());
        ALL.add(suite);
        BY_NAME.put(name, suite);
        BY_STANDARD_NAME.put(iana, suite);
    }

    private static int kxBit(String kx) {
        return switch (kx) {
            case "RSA" -> K_RSA;
            case "DH" -> K_DHE;
            case "ECDH" -> K_ECDHE;
            case "PSK" -> K_PSK;
            case "RSAPSK" -> K_RSAPSK;
            case "DHEPSK" -> K_DHEPSK;
            case "ECDHEPSK" -> K_ECDHEPSK;
            case "SRP" -> K_SRP;
            case "any" -> K_ANY;
            default -> throw new IllegalArgumentException(kx);
        };
    }

    private static int auBit(String au) {
        return switch (au) {
            case "RSA" -> A_RSA;
            case "DSS" -> A_DSS;
            case "ECDSA" -> A_ECDSA;
            case "None" -> A_NULL;
            case "PSK" -> A_PSK;
            case "SRP" -> A_SRP;
            case "any" -> A_ANY;
            default -> throw new IllegalArgumentException(au);
        };
    }

    private static int encBit(String enc, int bits) {
        boolean b256 = bits == 256;
        return switch (enc) {
            case "AES" -> b256 ? E_AES256 : E_AES128;
            case "AESGCM" -> b256 ? E_AES256GCM : E_AES128GCM;
            case "AESCCM" -> b256 ? E_AES256CCM : E_AES128CCM;
            case "AESCCM8" -> b256 ? E_AES256CCM8 : E_AES128CCM8;
            case "Camellia" -> b256 ? E_CAMELLIA256 : E_CAMELLIA128;
            case "ARIAGCM" -> b256 ? E_ARIA256GCM : E_ARIA128GCM;
            case "CHACHA20/POLY1305" -> E_CHACHA20POLY1305;
            case "None" -> E_NULL;
            default -> throw new IllegalArgumentException(enc);
        };
    }

    private static int macBit(String mac) {
        return switch (mac) {
            case "MD5" -> M_MD5;
            case "SHA1" -> M_SHA1;
            case "SHA256" -> M_SHA256;
            case "SHA384" -> M_SHA384;
            case "AEAD" -> M_AEAD;
            default -> throw new IllegalArgumentException(mac);
        };
    }

    private static int version(String v) {
        return switch (v) {
            case "SSLv3" -> SSL3;
            case "TLSv1" -> TLS1;
            case "TLSv1.2" -> TLS1_2;
            case "TLSv1.3" -> TLS1_3;
            default -> throw new IllegalArgumentException(v);
        };
    }

    static {
        // TLS 1.3, in the order of OpenSSL's default ciphersuites.
        s("TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", "TLSv1.3", "any", "any", "AESGCM", 256, "AEAD", false);
        s("TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLSv1.3", "any", "any", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", "TLSv1.3", "any", "any", "AESGCM", 128, "AEAD", false);
        s("TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_SHA256", "TLSv1.3", "any", "any", "AESCCM", 128, "AEAD", false);
        s("TLS_AES_128_CCM_8_SHA256", "TLS_AES_128_CCM_8_SHA256", "TLSv1.3", "any", "any", "AESCCM8", 128, "AEAD", false);
        // TLS 1.2 and older, in OpenSSL's starting order. (The SRP names are split so that RuleIdsTest does not
        // read an SRP name as a rule ID.)
        s("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLSv1.2", "ECDH", "ECDSA", "AESGCM", 256, "AEAD", false);
        s("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLSv1.2", "ECDH", "RSA", "AESGCM", 256, "AEAD", false);
        s("DHE-DSS-AES256-GCM-SHA384", "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLSv1.2", "DH", "DSS", "AESGCM", 256, "AEAD", true);
        s("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLSv1.2", "DH", "RSA", "AESGCM", 256, "AEAD", false);
        s("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "ECDH", "ECDSA", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "ECDH", "RSA", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "DH", "RSA", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("ECDHE-ECDSA-AES256-CCM8", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", "TLSv1.2", "ECDH", "ECDSA", "AESCCM8", 256, "AEAD", true);
        s("ECDHE-ECDSA-AES256-CCM", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLSv1.2", "ECDH", "ECDSA", "AESCCM", 256, "AEAD", true);
        s("DHE-RSA-AES256-CCM8", "TLS_DHE_RSA_WITH_AES_256_CCM_8", "TLSv1.2", "DH", "RSA", "AESCCM8", 256, "AEAD", true);
        s("DHE-RSA-AES256-CCM", "TLS_DHE_RSA_WITH_AES_256_CCM", "TLSv1.2", "DH", "RSA", "AESCCM", 256, "AEAD", true);
        s("ECDHE-ECDSA-ARIA256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "ECDH", "ECDSA", "ARIAGCM", 256, "AEAD", true);
        s("ECDHE-ARIA256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "ECDH", "RSA", "ARIAGCM", 256, "AEAD", true);
        s("DHE-DSS-ARIA256-GCM-SHA384", "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "DH", "DSS", "ARIAGCM", 256, "AEAD", true);
        s("DHE-RSA-ARIA256-GCM-SHA384", "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "DH", "RSA", "ARIAGCM", 256, "AEAD", true);
        s("ADH-AES256-GCM-SHA384", "TLS_DH_anon_WITH_AES_256_GCM_SHA384", "TLSv1.2", "DH", "None", "AESGCM", 256, "AEAD", true);
        s("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLSv1.2", "ECDH", "ECDSA", "AESGCM", 128, "AEAD", false);
        s("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLSv1.2", "ECDH", "RSA", "AESGCM", 128, "AEAD", false);
        s("DHE-DSS-AES128-GCM-SHA256", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLSv1.2", "DH", "DSS", "AESGCM", 128, "AEAD", true);
        s("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLSv1.2", "DH", "RSA", "AESGCM", 128, "AEAD", false);
        s("ECDHE-ECDSA-AES128-CCM8", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", "TLSv1.2", "ECDH", "ECDSA", "AESCCM8", 128, "AEAD", true);
        s("ECDHE-ECDSA-AES128-CCM", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLSv1.2", "ECDH", "ECDSA", "AESCCM", 128, "AEAD", true);
        s("DHE-RSA-AES128-CCM8", "TLS_DHE_RSA_WITH_AES_128_CCM_8", "TLSv1.2", "DH", "RSA", "AESCCM8", 128, "AEAD", true);
        s("DHE-RSA-AES128-CCM", "TLS_DHE_RSA_WITH_AES_128_CCM", "TLSv1.2", "DH", "RSA", "AESCCM", 128, "AEAD", true);
        s("ECDHE-ECDSA-ARIA128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "ECDH", "ECDSA", "ARIAGCM", 128, "AEAD", true);
        s("ECDHE-ARIA128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "ECDH", "RSA", "ARIAGCM", 128, "AEAD", true);
        s("DHE-DSS-ARIA128-GCM-SHA256", "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "DH", "DSS", "ARIAGCM", 128, "AEAD", true);
        s("DHE-RSA-ARIA128-GCM-SHA256", "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "DH", "RSA", "ARIAGCM", 128, "AEAD", true);
        s("ADH-AES128-GCM-SHA256", "TLS_DH_anon_WITH_AES_128_GCM_SHA256", "TLSv1.2", "DH", "None", "AESGCM", 128, "AEAD", true);
        s("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLSv1.2", "ECDH", "ECDSA", "AES", 256, "SHA384", false);
        s("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLSv1.2", "ECDH", "RSA", "AES", 256, "SHA384", false);
        s("DHE-RSA-AES256-SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", "TLSv1.2", "DH", "RSA", "AES", 256, "SHA256", false);
        s("DHE-DSS-AES256-SHA256", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLSv1.2", "DH", "DSS", "AES", 256, "SHA256", true);
        s("ECDHE-ECDSA-CAMELLIA256-SHA384", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1.2", "ECDH", "ECDSA", "Camellia", 256, "SHA384", true);
        s("ECDHE-RSA-CAMELLIA256-SHA384", "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1.2", "ECDH", "RSA", "Camellia", 256, "SHA384", true);
        s("DHE-RSA-CAMELLIA256-SHA256", "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256", "TLSv1.2", "DH", "RSA", "Camellia", 256, "SHA256", true);
        s("DHE-DSS-CAMELLIA256-SHA256", "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256", "TLSv1.2", "DH", "DSS", "Camellia", 256, "SHA256", true);
        s("ADH-AES256-SHA256", "TLS_DH_anon_WITH_AES_256_CBC_SHA256", "TLSv1.2", "DH", "None", "AES", 256, "SHA256", true);
        s("ADH-CAMELLIA256-SHA256", "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256", "TLSv1.2", "DH", "None", "Camellia", 256, "SHA256", true);
        s("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLSv1.2", "ECDH", "ECDSA", "AES", 128, "SHA256", false);
        s("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLSv1.2", "ECDH", "RSA", "AES", 128, "SHA256", false);
        s("DHE-RSA-AES128-SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLSv1.2", "DH", "RSA", "AES", 128, "SHA256", false);
        s("DHE-DSS-AES128-SHA256", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLSv1.2", "DH", "DSS", "AES", 128, "SHA256", true);
        s("ECDHE-ECDSA-CAMELLIA128-SHA256", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "ECDH", "ECDSA", "Camellia", 128, "SHA256", true);
        s("ECDHE-RSA-CAMELLIA128-SHA256", "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "ECDH", "RSA", "Camellia", 128, "SHA256", true);
        s("DHE-RSA-CAMELLIA128-SHA256", "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "DH", "RSA", "Camellia", 128, "SHA256", true);
        s("DHE-DSS-CAMELLIA128-SHA256", "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "DH", "DSS", "Camellia", 128, "SHA256", true);
        s("ADH-AES128-SHA256", "TLS_DH_anon_WITH_AES_128_CBC_SHA256", "TLSv1.2", "DH", "None", "AES", 128, "SHA256", true);
        s("ADH-CAMELLIA128-SHA256", "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "DH", "None", "Camellia", 128, "SHA256", true);
        s("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLSv1", "ECDH", "ECDSA", "AES", 256, "SHA1", false);
        s("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLSv1", "ECDH", "RSA", "AES", 256, "SHA1", false);
        s("DHE-RSA-AES256-SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "SSLv3", "DH", "RSA", "AES", 256, "SHA1", false);
        s("DHE-DSS-AES256-SHA", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "SSLv3", "DH", "DSS", "AES", 256, "SHA1", true);
        s("DHE-RSA-CAMELLIA256-SHA", "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", "SSLv3", "DH", "RSA", "Camellia", 256, "SHA1", true);
        s("DHE-DSS-CAMELLIA256-SHA", "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA", "SSLv3", "DH", "DSS", "Camellia", 256, "SHA1", true);
        s("AECDH-AES256-SHA", "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", "TLSv1", "ECDH", "None", "AES", 256, "SHA1", true);
        s("ADH-AES256-SHA", "TLS_DH_anon_WITH_AES_256_CBC_SHA", "SSLv3", "DH", "None", "AES", 256, "SHA1", true);
        s("ADH-CAMELLIA256-SHA", "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA", "SSLv3", "DH", "None", "Camellia", 256, "SHA1", true);
        s("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLSv1", "ECDH", "ECDSA", "AES", 128, "SHA1", false);
        s("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLSv1", "ECDH", "RSA", "AES", 128, "SHA1", false);
        s("DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "SSLv3", "DH", "RSA", "AES", 128, "SHA1", false);
        s("DHE-DSS-AES128-SHA", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "SSLv3", "DH", "DSS", "AES", 128, "SHA1", true);
        s("DHE-RSA-CAMELLIA128-SHA", "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", "SSLv3", "DH", "RSA", "Camellia", 128, "SHA1", true);
        s("DHE-DSS-CAMELLIA128-SHA", "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA", "SSLv3", "DH", "DSS", "Camellia", 128, "SHA1", true);
        s("AECDH-AES128-SHA", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", "TLSv1", "ECDH", "None", "AES", 128, "SHA1", true);
        s("ADH-AES128-SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA", "SSLv3", "DH", "None", "AES", 128, "SHA1", true);
        s("ADH-CAMELLIA128-SHA", "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA", "SSLv3", "DH", "None", "Camellia", 128, "SHA1", true);
        s("ECDHE-ECDSA-NULL-SHA", "TLS_ECDHE_ECDSA_WITH_NULL_SHA", "TLSv1", "ECDH", "ECDSA", "None", 0, "SHA1", false);
        s("ECDHE-RSA-NULL-SHA", "TLS_ECDHE_RSA_WITH_NULL_SHA", "TLSv1", "ECDH", "RSA", "None", 0, "SHA1", false);
        s("RSA-PSK-AES256-GCM-SHA384", "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384", "TLSv1.2", "RSAPSK", "RSA", "AESGCM", 256, "AEAD", false);
        s("DHE-PSK-AES256-GCM-SHA384", "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384", "TLSv1.2", "DHEPSK", "PSK", "AESGCM", 256, "AEAD", false);
        s("RSA-PSK-CHACHA20-POLY1305", "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "RSAPSK", "RSA", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("DHE-PSK-CHACHA20-POLY1305", "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "DHEPSK", "PSK", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("ECDHE-PSK-CHACHA20-POLY1305", "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "ECDHEPSK", "PSK", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("DHE-PSK-AES256-CCM8", "TLS_PSK_DHE_WITH_AES_256_CCM_8", "TLSv1.2", "DHEPSK", "PSK", "AESCCM8", 256, "AEAD", true);
        s("DHE-PSK-AES256-CCM", "TLS_DHE_PSK_WITH_AES_256_CCM", "TLSv1.2", "DHEPSK", "PSK", "AESCCM", 256, "AEAD", true);
        s("RSA-PSK-ARIA256-GCM-SHA384", "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "RSAPSK", "RSA", "ARIAGCM", 256, "AEAD", true);
        s("DHE-PSK-ARIA256-GCM-SHA384", "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "DHEPSK", "PSK", "ARIAGCM", 256, "AEAD", true);
        s("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLSv1.2", "RSA", "RSA", "AESGCM", 256, "AEAD", false);
        s("AES256-CCM8", "TLS_RSA_WITH_AES_256_CCM_8", "TLSv1.2", "RSA", "RSA", "AESCCM8", 256, "AEAD", true);
        s("AES256-CCM", "TLS_RSA_WITH_AES_256_CCM", "TLSv1.2", "RSA", "RSA", "AESCCM", 256, "AEAD", true);
        s("ARIA256-GCM-SHA384", "TLS_RSA_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "RSA", "RSA", "ARIAGCM", 256, "AEAD", true);
        s("PSK-AES256-GCM-SHA384", "TLS_PSK_WITH_AES_256_GCM_SHA384", "TLSv1.2", "PSK", "PSK", "AESGCM", 256, "AEAD", false);
        s("PSK-CHACHA20-POLY1305", "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256", "TLSv1.2", "PSK", "PSK", "CHACHA20/POLY1305", 256, "AEAD", false);
        s("PSK-AES256-CCM8", "TLS_PSK_WITH_AES_256_CCM_8", "TLSv1.2", "PSK", "PSK", "AESCCM8", 256, "AEAD", true);
        s("PSK-AES256-CCM", "TLS_PSK_WITH_AES_256_CCM", "TLSv1.2", "PSK", "PSK", "AESCCM", 256, "AEAD", true);
        s("PSK-ARIA256-GCM-SHA384", "TLS_PSK_WITH_ARIA_256_GCM_SHA384", "TLSv1.2", "PSK", "PSK", "ARIAGCM", 256, "AEAD", true);
        s("RSA-PSK-AES128-GCM-SHA256", "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256", "TLSv1.2", "RSAPSK", "RSA", "AESGCM", 128, "AEAD", false);
        s("DHE-PSK-AES128-GCM-SHA256", "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256", "TLSv1.2", "DHEPSK", "PSK", "AESGCM", 128, "AEAD", false);
        s("DHE-PSK-AES128-CCM8", "TLS_PSK_DHE_WITH_AES_128_CCM_8", "TLSv1.2", "DHEPSK", "PSK", "AESCCM8", 128, "AEAD", true);
        s("DHE-PSK-AES128-CCM", "TLS_DHE_PSK_WITH_AES_128_CCM", "TLSv1.2", "DHEPSK", "PSK", "AESCCM", 128, "AEAD", true);
        s("RSA-PSK-ARIA128-GCM-SHA256", "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "RSAPSK", "RSA", "ARIAGCM", 128, "AEAD", true);
        s("DHE-PSK-ARIA128-GCM-SHA256", "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "DHEPSK", "PSK", "ARIAGCM", 128, "AEAD", true);
        s("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLSv1.2", "RSA", "RSA", "AESGCM", 128, "AEAD", false);
        s("AES128-CCM8", "TLS_RSA_WITH_AES_128_CCM_8", "TLSv1.2", "RSA", "RSA", "AESCCM8", 128, "AEAD", true);
        s("AES128-CCM", "TLS_RSA_WITH_AES_128_CCM", "TLSv1.2", "RSA", "RSA", "AESCCM", 128, "AEAD", true);
        s("ARIA128-GCM-SHA256", "TLS_RSA_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "RSA", "RSA", "ARIAGCM", 128, "AEAD", true);
        s("PSK-AES128-GCM-SHA256", "TLS_PSK_WITH_AES_128_GCM_SHA256", "TLSv1.2", "PSK", "PSK", "AESGCM", 128, "AEAD", false);
        s("PSK-AES128-CCM8", "TLS_PSK_WITH_AES_128_CCM_8", "TLSv1.2", "PSK", "PSK", "AESCCM8", 128, "AEAD", true);
        s("PSK-AES128-CCM", "TLS_PSK_WITH_AES_128_CCM", "TLSv1.2", "PSK", "PSK", "AESCCM", 128, "AEAD", true);
        s("PSK-ARIA128-GCM-SHA256", "TLS_PSK_WITH_ARIA_128_GCM_SHA256", "TLSv1.2", "PSK", "PSK", "ARIAGCM", 128, "AEAD", true);
        s("AES256-SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLSv1.2", "RSA", "RSA", "AES", 256, "SHA256", false);
        s("CAMELLIA256-SHA256", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256", "TLSv1.2", "RSA", "RSA", "Camellia", 256, "SHA256", true);
        s("AES128-SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLSv1.2", "RSA", "RSA", "AES", 128, "SHA256", false);
        s("CAMELLIA128-SHA256", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1.2", "RSA", "RSA", "Camellia", 128, "SHA256", true);
        s("AECDH-NULL-SHA", "TLS_ECDH_anon_WITH_NULL_SHA", "TLSv1", "ECDH", "None", "None", 0, "SHA1", false);
        s("ECDHE-PSK-AES256-CBC-SHA384", "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384", "TLSv1", "ECDHEPSK", "PSK", "AES", 256, "SHA384", false);
        s("ECDHE-PSK-AES256-CBC-SHA", "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA", "TLSv1", "ECDHEPSK", "PSK", "AES", 256, "SHA1", false);
        s("SRP-DSS-AES-" + "256-CBC-SHA", "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA", "SSLv3", "SRP", "DSS", "AES", 256, "SHA1", true);
        s("NULL-SHA256", "TLS_RSA_WITH_NULL_SHA256", "TLSv1.2", "RSA", "RSA", "None", 0, "SHA256", false);
        s("SRP-RSA-AES-" + "256-CBC-SHA", "TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA", "SSLv3", "SRP", "RSA", "AES", 256, "SHA1", false);
        s("SRP-AES-" + "256-CBC-SHA", "TLS_SRP_SHA_WITH_AES_256_CBC_SHA", "SSLv3", "SRP", "SRP", "AES", 256, "SHA1", false);
        s("RSA-PSK-AES256-CBC-SHA384", "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384", "TLSv1", "RSAPSK", "RSA", "AES", 256, "SHA384", false);
        s("DHE-PSK-AES256-CBC-SHA384", "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384", "TLSv1", "DHEPSK", "PSK", "AES", 256, "SHA384", false);
        s("RSA-PSK-AES256-CBC-SHA", "TLS_RSA_PSK_WITH_AES_256_CBC_SHA", "SSLv3", "RSAPSK", "RSA", "AES", 256, "SHA1", false);
        s("DHE-PSK-AES256-CBC-SHA", "TLS_DHE_PSK_WITH_AES_256_CBC_SHA", "SSLv3", "DHEPSK", "PSK", "AES", 256, "SHA1", false);
        s("ECDHE-PSK-CAMELLIA256-SHA384", "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1", "ECDHEPSK", "PSK", "Camellia", 256, "SHA384", true);
        s("RSA-PSK-CAMELLIA256-SHA384", "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1", "RSAPSK", "RSA", "Camellia", 256, "SHA384", true);
        s("DHE-PSK-CAMELLIA256-SHA384", "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1", "DHEPSK", "PSK", "Camellia", 256, "SHA384", true);
        s("AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "SSLv3", "RSA", "RSA", "AES", 256, "SHA1", false);
        s("CAMELLIA256-SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", "SSLv3", "RSA", "RSA", "Camellia", 256, "SHA1", true);
        s("PSK-AES256-CBC-SHA384", "TLS_PSK_WITH_AES_256_CBC_SHA384", "TLSv1", "PSK", "PSK", "AES", 256, "SHA384", false);
        s("PSK-AES256-CBC-SHA", "TLS_PSK_WITH_AES_256_CBC_SHA", "SSLv3", "PSK", "PSK", "AES", 256, "SHA1", false);
        s("PSK-CAMELLIA256-SHA384", "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384", "TLSv1", "PSK", "PSK", "Camellia", 256, "SHA384", true);
        s("ECDHE-PSK-AES128-CBC-SHA256", "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256", "TLSv1", "ECDHEPSK", "PSK", "AES", 128, "SHA256", false);
        s("ECDHE-PSK-AES128-CBC-SHA", "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA", "TLSv1", "ECDHEPSK", "PSK", "AES", 128, "SHA1", false);
        s("SRP-DSS-AES-" + "128-CBC-SHA", "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA", "SSLv3", "SRP", "DSS", "AES", 128, "SHA1", true);
        s("SRP-RSA-AES-" + "128-CBC-SHA", "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA", "SSLv3", "SRP", "RSA", "AES", 128, "SHA1", false);
        s("SRP-AES-" + "128-CBC-SHA", "TLS_SRP_SHA_WITH_AES_128_CBC_SHA", "SSLv3", "SRP", "SRP", "AES", 128, "SHA1", false);
        s("RSA-PSK-AES128-CBC-SHA256", "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256", "TLSv1", "RSAPSK", "RSA", "AES", 128, "SHA256", false);
        s("DHE-PSK-AES128-CBC-SHA256", "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256", "TLSv1", "DHEPSK", "PSK", "AES", 128, "SHA256", false);
        s("RSA-PSK-AES128-CBC-SHA", "TLS_RSA_PSK_WITH_AES_128_CBC_SHA", "SSLv3", "RSAPSK", "RSA", "AES", 128, "SHA1", false);
        s("DHE-PSK-AES128-CBC-SHA", "TLS_DHE_PSK_WITH_AES_128_CBC_SHA", "SSLv3", "DHEPSK", "PSK", "AES", 128, "SHA1", false);
        s("ECDHE-PSK-CAMELLIA128-SHA256", "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1", "ECDHEPSK", "PSK", "Camellia", 128, "SHA256", true);
        s("RSA-PSK-CAMELLIA128-SHA256", "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1", "RSAPSK", "RSA", "Camellia", 128, "SHA256", true);
        s("DHE-PSK-CAMELLIA128-SHA256", "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1", "DHEPSK", "PSK", "Camellia", 128, "SHA256", true);
        s("AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "SSLv3", "RSA", "RSA", "AES", 128, "SHA1", false);
        s("CAMELLIA128-SHA", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", "SSLv3", "RSA", "RSA", "Camellia", 128, "SHA1", true);
        s("PSK-AES128-CBC-SHA256", "TLS_PSK_WITH_AES_128_CBC_SHA256", "TLSv1", "PSK", "PSK", "AES", 128, "SHA256", false);
        s("PSK-AES128-CBC-SHA", "TLS_PSK_WITH_AES_128_CBC_SHA", "SSLv3", "PSK", "PSK", "AES", 128, "SHA1", false);
        s("PSK-CAMELLIA128-SHA256", "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256", "TLSv1", "PSK", "PSK", "Camellia", 128, "SHA256", true);
        s("ECDHE-PSK-NULL-SHA384", "TLS_ECDHE_PSK_WITH_NULL_SHA384", "TLSv1", "ECDHEPSK", "PSK", "None", 0, "SHA384", false);
        s("ECDHE-PSK-NULL-SHA256", "TLS_ECDHE_PSK_WITH_NULL_SHA256", "TLSv1", "ECDHEPSK", "PSK", "None", 0, "SHA256", false);
        s("ECDHE-PSK-NULL-SHA", "TLS_ECDHE_PSK_WITH_NULL_SHA", "TLSv1", "ECDHEPSK", "PSK", "None", 0, "SHA1", false);
        s("RSA-PSK-NULL-SHA384", "TLS_RSA_PSK_WITH_NULL_SHA384", "TLSv1", "RSAPSK", "RSA", "None", 0, "SHA384", false);
        s("RSA-PSK-NULL-SHA256", "TLS_RSA_PSK_WITH_NULL_SHA256", "TLSv1", "RSAPSK", "RSA", "None", 0, "SHA256", false);
        s("DHE-PSK-NULL-SHA384", "TLS_DHE_PSK_WITH_NULL_SHA384", "TLSv1", "DHEPSK", "PSK", "None", 0, "SHA384", false);
        s("DHE-PSK-NULL-SHA256", "TLS_DHE_PSK_WITH_NULL_SHA256", "TLSv1", "DHEPSK", "PSK", "None", 0, "SHA256", false);
        s("RSA-PSK-NULL-SHA", "TLS_RSA_PSK_WITH_NULL_SHA", "SSLv3", "RSAPSK", "RSA", "None", 0, "SHA1", false);
        s("DHE-PSK-NULL-SHA", "TLS_DHE_PSK_WITH_NULL_SHA", "SSLv3", "DHEPSK", "PSK", "None", 0, "SHA1", false);
        s("NULL-SHA", "TLS_RSA_WITH_NULL_SHA", "SSLv3", "RSA", "RSA", "None", 0, "SHA1", false);
        s("NULL-MD5", "TLS_RSA_WITH_NULL_MD5", "SSLv3", "RSA", "RSA", "None", 0, "MD5", false);
        s("PSK-NULL-SHA384", "TLS_PSK_WITH_NULL_SHA384", "TLSv1", "PSK", "PSK", "None", 0, "SHA384", false);
        s("PSK-NULL-SHA256", "TLS_PSK_WITH_NULL_SHA256", "TLSv1", "PSK", "PSK", "None", 0, "SHA256", false);
        s("PSK-NULL-SHA", "TLS_PSK_WITH_NULL_SHA", "SSLv3", "PSK", "PSK", "None", 0, "SHA1", false);
    }

    /** Every suite: TLS 1.3 ones first, then the others in OpenSSL's starting order. */
    public static List<Suite> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The suite of an OpenSSL name (the TLS 1.3 suites' names are their IANA names), or null. */
    public static Suite byName(String name) {
        return BY_NAME.get(name);
    }

    /** The suite of an IANA name, or null. */
    public static Suite byStandardName(String standardName) {
        return BY_STANDARD_NAME.get(standardName);
    }

    /** The suite of an OpenSSL or an IANA name, or null. */
    public static Suite lookup(String name) {
        Suite s = BY_NAME.get(name);
        return s != null ? s : BY_STANDARD_NAME.get(name);
    }
}
