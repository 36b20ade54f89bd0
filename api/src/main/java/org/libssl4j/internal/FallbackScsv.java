package org.libssl4j.internal;

import org.libssl4j.SslVersion;

/**
 * TLS_FALLBACK_SCSV (RFC 7507) as libssl's server checks it ({@code ssl_check_version_downgrade}): a ClientHello
 * that carries the SCSV while offering less than the highest version the server allows is a downgrade, refused with
 * "inappropriate fallback" and an inappropriate_fallback alert (R15.14). Written once here because not every engine
 * checks it (SunJSSE does not). Only a hello whose cipher suites (and extensions) lie in the first record is judged;
 * one cut before them is left to the engine.
 */
final class FallbackScsv {
    private static final int SCSV = 0x5600;
    private static final int SUPPORTED_VERSIONS = 43;

    private FallbackScsv() {
    }

    /** The highest version {@code settings} allow, or 0 for none ({@code ConnectionConfig.enabledVersions()}'s rule). */
    static int highestVersion(Settings settings) {
        java.util.List<Integer> versions = new org.libssl4j.spi.ConnectionConfig(false, null, null, settings.options,
                settings.minVersion, settings.maxVersion).enabledVersions();
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
    }

    /**
     * Whether the ClientHello in {@code in}'s current record (a whole handshake record) is a downgrade the server
     * allowing up to {@code serverMax} refuses.
     */
    static boolean refused(Inbound in, int serverMax) {
        int end = Inbound.HEADER + in.bodyLength();
        int p = Inbound.HEADER + 4; // handshake header
        if (p + 2 + 32 + 1 > end) {
            return false;
        }
        int clientMax = in.byteAt(p) << 8 | in.byteAt(p + 1);
        p += 2 + 32;
        p += 1 + in.byteAt(p); // session id
        if (p + 2 > end) {
            return false;
        }
        int suitesEnd = p + 2 + (in.byteAt(p) << 8 | in.byteAt(p + 1));
        if (suitesEnd > end) {
            return false;
        }
        boolean scsv = false;
        for (int q = p + 2; q + 2 <= suitesEnd; q += 2) {
            scsv |= (in.byteAt(q) << 8 | in.byteAt(q + 1)) == SCSV;
        }
        if (!scsv) {
            return false;
        }
        p = suitesEnd;
        if (p < end) {
            p += 1 + in.byteAt(p); // compression methods
        }
        if (p + 2 <= end) {
            int extEnd = Math.min(end, p + 2 + (in.byteAt(p) << 8 | in.byteAt(p + 1)));
            for (p += 2; p + 4 <= extEnd; ) {
                int type = in.byteAt(p) << 8 | in.byteAt(p + 1);
                int len = in.byteAt(p + 2) << 8 | in.byteAt(p + 3);
                if (type == SUPPORTED_VERSIONS && p + 5 <= extEnd) {
                    clientMax = 0;
                    for (int q = p + 5; q + 2 <= Math.min(extEnd, p + 5 + in.byteAt(p + 4)); q += 2) {
                        int v = in.byteAt(q) << 8 | in.byteAt(q + 1);
                        if ((v & 0x0f0f) != 0x0a0a && v <= SslVersion.TLS1_3_VERSION) { // GREASE aside
                            clientMax = Math.max(clientMax, v);
                        }
                    }
                }
                p += 4 + len;
            }
        }
        return clientMax > 0 && clientMax < serverMax;
    }
}
