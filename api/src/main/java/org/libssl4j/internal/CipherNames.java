package org.libssl4j.internal;

import java.util.HashMap;
import java.util.Map;

/** Translates between IANA cipher-suite names (what JSSE speaks) and OpenSSL's names. */
public final class CipherNames {
    private CipherNames() {
    }

    private static final Map<String, String> IANA_TO_OPENSSL = new HashMap<>();
    private static final Map<String, String> OPENSSL_TO_IANA = new HashMap<>();

    private static void add(String iana, String openssl) {
        IANA_TO_OPENSSL.put(iana, openssl);
        OPENSSL_TO_IANA.put(openssl, iana);
    }

    static {
        add("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
        add("TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384");
        add("TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
        add("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256");
        add("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384");
        add("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256");
        add("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
        add("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305");
        add("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305");
        add("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DHE-RSA-AES128-GCM-SHA256");
        add("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "DHE-RSA-AES256-GCM-SHA384");
        add("TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "DHE-RSA-CHACHA20-POLY1305");
        add("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "ECDHE-ECDSA-AES128-SHA256");
        add("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "ECDHE-ECDSA-AES256-SHA384");
        add("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256");
        add("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "ECDHE-RSA-AES256-SHA384");
        add("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA");
        add("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA");
        add("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA");
        add("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA");
        add("TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "DHE-DSS-AES128-GCM-SHA256");
        add("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "DHE-DSS-AES256-GCM-SHA384");
        add("TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "DHE-RSA-AES128-SHA256");
        add("TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", "DHE-RSA-AES256-SHA256");
        add("TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "DHE-DSS-AES128-SHA256");
        add("TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "DHE-DSS-AES256-SHA256");
        add("TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "DHE-RSA-AES128-SHA");
        add("TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "DHE-RSA-AES256-SHA");
        add("TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "DHE-DSS-AES128-SHA");
        add("TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "DHE-DSS-AES256-SHA");
        add("TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256");
        add("TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384");
        add("TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256");
        add("TLS_RSA_WITH_AES_256_CBC_SHA256", "AES256-SHA256");
        add("TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA");
        add("TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA");
    }

    /** OpenSSL's name for an IANA suite name; the IANA name itself when there is no entry. */
    public static String toOpenSsl(String iana) {
        if (iana == null) {
            return null;
        }
        return IANA_TO_OPENSSL.getOrDefault(iana, iana);
    }

    /** The IANA name for an OpenSSL cipher name (or an IANA name passed as is), or null if unknown. */
    public static String toIana(String openssl) {
        if (IANA_TO_OPENSSL.containsKey(openssl)) {
            return openssl;
        }
        return OPENSSL_TO_IANA.get(openssl);
    }
}
