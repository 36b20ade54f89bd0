package org.libssl4j.internal;

/** Translates between IANA cipher-suite names (what JSSE speaks) and OpenSSL's names ({@link CipherSuites}). */
public final class CipherNames {
    private CipherNames() {
    }

    /** OpenSSL's name for an IANA suite name; the IANA name itself when there is no entry. */
    public static String toOpenSsl(String iana) {
        if (iana == null) {
            return null;
        }
        CipherSuites.Suite s = CipherSuites.byStandardName(iana);
        return s != null ? s.name() : iana;
    }

    /** The IANA name for an OpenSSL cipher name (or an IANA name passed as is), or null if unknown. */
    public static String toIana(String openssl) {
        CipherSuites.Suite s = CipherSuites.lookup(openssl);
        return s != null ? s.standardName() : null;
    }
}
