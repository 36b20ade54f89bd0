package org.libssl4j;

import org.libssl4j.internal.CipherNames;

/**
 * A cipher suite by name, as libssl's {@code SSL_CIPHER} functions speak of it: OpenSSL's name, the standard (IANA)
 * name, and {@code SSL_CIPHER_description}'s line.
 */
public final class SslCipher {
    private SslCipher() {
    }

    /**
     * {@code SSL_CIPHER_standard_name}: the IANA name of an OpenSSL cipher name ({@code ECDHE-RSA-AES128-GCM-SHA256}
     * gives {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}); an IANA name is returned as it is.
     *
     * @return the IANA name, or null if the name is not known
     */
    public static String standardName(String openSslName) {
        String iana = CipherNames.toIana(java.util.Objects.requireNonNull(openSslName, "openSslName"));
        return iana != null || !openSslName.startsWith("TLS_") ? iana : openSslName; // an IANA name OpenSSL lacks
    }

    /**
     * {@code OPENSSL_cipher_name}: OpenSSL's name for an IANA name; the IANA name itself when OpenSSL has none
     * here (as for the TLS 1.3 suites, whose names are the same).
     */
    public static String openSslName(String standardName) {
        return CipherNames.toOpenSsl(java.util.Objects.requireNonNull(standardName, "standardName"));
    }

    /**
     * {@code SSL_CIPHER_description}, as {@code openssl ciphers -v} prints it: the name, the lowest protocol version,
     * key exchange, authentication, encryption and MAC, e.g.
     * {@code ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD}.
     *
     * @param name an OpenSSL or IANA cipher name
     * @throws IllegalArgumentException if the name is not a TLS cipher suite this library knows
     */
    public static String description(String name) {
        String n = standardName(name);
        if (n == null || !n.startsWith("TLS_")) {
            throw new IllegalArgumentException("not a known cipher suite: " + name);
        }
        boolean tls13 = n.startsWith("TLS_AES_") || n.startsWith("TLS_CHACHA20_");
        String kx = "any";
        String au = "any";
        if (!tls13) {
            int with = n.indexOf("_WITH_");
            if (with < 0) {
                throw new IllegalArgumentException("not a known cipher suite: " + name);
            }
            String exchange = n.substring(4, with);
            kx = exchange.startsWith("ECDHE") ? "ECDH" : exchange.startsWith("DHE") ? "DH" : "RSA";
            au = exchange.endsWith("ECDSA") ? "ECDSA" : exchange.endsWith("DSS") ? "DSS" : "RSA";
        }
        String bits = n.contains("_256_") ? "256" : "128";
        String enc;
        String mac = "AEAD";
        if (n.contains("CHACHA20_POLY1305")) {
            enc = "CHACHA20/POLY1305(256)";
        } else if (n.contains("_GCM_")) {
            enc = "AESGCM(" + bits + ")";
        } else if (n.contains("_CCM")) {
            enc = "AESCCM(" + bits + ")";
        } else {
            enc = "AES(" + bits + ")";
            mac = n.endsWith("_SHA384") ? "SHA384" : n.endsWith("_SHA256") ? "SHA256" : "SHA1";
        }
        // The lowest version that has the suite: SHA-1 CBC suites predate TLS 1.2, ECDHE ones came with TLS 1.0.
        String version = tls13 ? "TLSv1.3" : !mac.equals("SHA1") ? "TLSv1.2" : kx.equals("ECDH") ? "TLSv1" : "SSLv3";
        return String.format("%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%s", openSslName(n), version, kx, au, enc, mac);
    }
}
