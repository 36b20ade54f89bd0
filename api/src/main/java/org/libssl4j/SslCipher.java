package org.libssl4j;

import java.util.Objects;
import org.libssl4j.internal.CipherNames;
import org.libssl4j.internal.CipherSuites;

/**
 * A cipher suite, as libssl's {@code SSL_CIPHER} (what {@code SSL_CTX_get_ciphers} lists): OpenSSL's name, the
 * standard (IANA) name, the lowest protocol version, key exchange, authentication, encryption, MAC and
 * {@code SSL_CIPHER_description}'s line. The static helpers translate names without an instance.
 */
public final class SslCipher {
    private final CipherSuites.Suite suite;

    SslCipher(CipherSuites.Suite suite) {
        this.suite = suite;
    }

    /**
     * The suite of an OpenSSL name, or of an IANA name, as libssl's {@code SSL_CIPHER_find} finds one by its code.
     *
     * @return the suite, or null if OpenSSL 3.0 has no such TLS suite
     */
    public static SslCipher of(String name) {
        CipherSuites.Suite s = CipherSuites.lookup(Objects.requireNonNull(name, "name"));
        return s == null ? null : new SslCipher(s);
    }

    /** {@code SSL_CIPHER_get_name}: OpenSSL's name ({@code ECDHE-RSA-AES128-GCM-SHA256}). */
    public String name() {
        return suite.name();
    }

    /** {@code SSL_CIPHER_standard_name}: the IANA name ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}). */
    public String standardName() {
        return suite.standardName();
    }

    /**
     * {@code SSL_CIPHER_get_version}: the lowest protocol version that has the suite, as libssl names it
     * ({@code SSLv3}, {@code TLSv1}, {@code TLSv1.2}, {@code TLSv1.3}).
     */
    public String version() {
        return suite.version();
    }

    /** {@code SSL_CIPHER_get_bits}: the cipher's secret bits (0 without encryption). */
    public int bits() {
        return suite.bits();
    }

    /**
     * The key exchange, as {@code SSL_CIPHER_description} names it: {@code RSA}, {@code ECDH}, {@code DH},
     * {@code PSK}, {@code RSAPSK}, {@code DHEPSK}, {@code ECDHEPSK}, {@code SRP}, or {@code any} on TLS 1.3
     * ({@code SSL_CIPHER_get_kx_nid} gives it as a NID).
     */
    public String keyExchange() {
        return suite.kx();
    }

    /**
     * The authentication, as {@code SSL_CIPHER_description} names it: {@code RSA}, {@code ECDSA}, {@code DSS},
     * {@code PSK}, {@code SRP}, {@code None} (anonymous), or {@code any} on TLS 1.3
     * ({@code SSL_CIPHER_get_auth_nid}).
     */
    public String authentication() {
        return suite.au();
    }

    /**
     * The encryption, as {@code SSL_CIPHER_description} names it: {@code AESGCM(128)}, {@code AES(256)} (CBC),
     * {@code CHACHA20/POLY1305(256)}, {@code None}, ... ({@code SSL_CIPHER_get_cipher_nid}).
     */
    public String encryption() {
        return suite.enc().equals("None") ? "None" : suite.enc() + "(" + suite.bits() + ")";
    }

    /**
     * The MAC, as {@code SSL_CIPHER_description} names it: {@code AEAD}, {@code SHA1}, {@code SHA256},
     * {@code SHA384}, {@code MD5} ({@code SSL_CIPHER_get_digest_nid}).
     */
    public String mac() {
        return suite.mac();
    }

    /** {@code SSL_CIPHER_is_aead}. */
    public boolean isAead() {
        return suite.mac().equals("AEAD");
    }

    /**
     * {@code SSL_CIPHER_description}, without the newline, as {@code openssl ciphers -v} prints it:
     * {@code ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD}, in its columns.
     */
    public String description() {
        return suite.description();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SslCipher c && c.suite.equals(suite);
    }

    @Override
    public int hashCode() {
        return suite.hashCode();
    }

    /** OpenSSL's name. */
    @Override
    public String toString() {
        return suite.name();
    }

    /**
     * {@code SSL_CIPHER_standard_name}: the IANA name of an OpenSSL cipher name ({@code ECDHE-RSA-AES128-GCM-SHA256}
     * gives {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}); an IANA name is returned as it is.
     *
     * @return the IANA name, or null if the name is not known
     */
    public static String standardName(String openSslName) {
        String iana = CipherNames.toIana(Objects.requireNonNull(openSslName, "openSslName"));
        return iana != null || !openSslName.startsWith("TLS_") ? iana : openSslName; // an IANA name OpenSSL lacks
    }

    /**
     * {@code OPENSSL_cipher_name}: OpenSSL's name for an IANA name; the IANA name itself when OpenSSL has none
     * here (as for the TLS 1.3 suites, whose names are the same).
     */
    public static String openSslName(String standardName) {
        return CipherNames.toOpenSsl(Objects.requireNonNull(standardName, "standardName"));
    }

    /**
     * {@code SSL_CIPHER_description}, as {@code openssl ciphers -v} prints it: the name, the lowest protocol version,
     * key exchange, authentication, encryption and MAC, e.g.
     * {@code ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD}.
     *
     * @param name an OpenSSL or IANA cipher name
     * @throws IllegalArgumentException if the name is not a TLS cipher suite OpenSSL 3.0 knows
     */
    public static String description(String name) {
        SslCipher c = of(name);
        if (c == null) {
            throw new IllegalArgumentException("not a known cipher suite: " + name);
        }
        return c.description();
    }
}
