package org.libssl4j;

/** Protocol version numbers for {@link SslCtx#setMinProtoVersion(int)}, with OpenSSL's values. */
public final class SslVersion {
    private SslVersion() {
    }

    /** {@code TLS1_VERSION}. */
    public static final int TLS1_VERSION = 0x0301;
    /** {@code TLS1_1_VERSION}. */
    public static final int TLS1_1_VERSION = 0x0302;
    /** {@code TLS1_2_VERSION}. */
    public static final int TLS1_2_VERSION = 0x0303;
    /** {@code TLS1_3_VERSION}. */
    public static final int TLS1_3_VERSION = 0x0304;

    /** OpenSSL's name of a version ("TLSv1.2"), or "unknown". */
    public static String name(int version) {
        switch (version) {
            case TLS1_VERSION: return "TLSv1";
            case TLS1_1_VERSION: return "TLSv1.1";
            case TLS1_2_VERSION: return "TLSv1.2";
            case TLS1_3_VERSION: return "TLSv1.3";
            default: return "unknown";
        }
    }

    /** The version OpenSSL names {@code name} ("TLSv1.3"), or 0 if none. */
    public static int ofName(String name) {
        switch (name) {
            case "TLSv1": return TLS1_VERSION;
            case "TLSv1.1": return TLS1_1_VERSION;
            case "TLSv1.2": return TLS1_2_VERSION;
            case "TLSv1.3": return TLS1_3_VERSION;
            default: return 0;
        }
    }
}
