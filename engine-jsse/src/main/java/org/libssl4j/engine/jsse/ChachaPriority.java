package org.libssl4j.engine.jsse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.libssl4j.SslOptions;

/**
 * {@code SSL_OP_PRIORITIZE_CHACHA} for a server that keeps its own cipher order: when the client's most preferred
 * suite is a ChaCha20-Poly1305 one, the server's ChaCha20 suites move to the front of its list, the rest keeping
 * their order (libssl's {@code ssl3_choose_cipher}). JSSE has no such switch and fixes a handshake's suites when
 * it begins, so a server engine that may need it begins its handshake on the client's first record
 * ({@link JsseEngine}), and this class reorders the engine's suites from that record. docs/SEMANTICS.md OPT-4.
 */
final class ChachaPriority {
    private static final int HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    /** Record header, handshake header, legacy_version, random: where the session id's length byte sits. */
    private static final int SESSION_ID_AT = 5 + 4 + 2 + 32;

    private ChachaPriority() {
    }

    /** Whether a connection with {@code options} on a server needs the ClientHello before its handshake begins. */
    static boolean applies(boolean client, long options) {
        long both = SslOptions.CIPHER_SERVER_PREFERENCE | SslOptions.PRIORITIZE_CHACHA;
        return !client && (options & both) == both;
    }

    /**
     * Puts {@code engine}'s ChaCha20 suites first if the ClientHello starting in {@code record} (the whole first
     * record, header included) lists a ChaCha20-Poly1305 suite first. A hello cut before its first suite, or not a
     * hello at all, changes nothing: the engine then fails or goes on as it would.
     */
    static void reorder(SSLEngine engine, ByteBuffer record) {
        if (!clientPrefersChacha(record)) {
            return;
        }
        List<String> chacha = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String suite : engine.getEnabledCipherSuites()) {
            (suite.contains("_CHACHA20_") ? chacha : rest).add(suite);
        }
        chacha.addAll(rest);
        engine.setEnabledCipherSuites(chacha.toArray(new String[0]));
    }

    /** Whether the client's first suite, signalling values and GREASE skipped as libssl never sees them, is ChaCha20. */
    static boolean clientPrefersChacha(ByteBuffer record) {
        int base = record.position();
        int end = record.limit();
        if (end - base <= SESSION_ID_AT || (record.get(base) & 0xff) != HANDSHAKE
                || (record.get(base + 5) & 0xff) != CLIENT_HELLO) {
            return false;
        }
        int p = base + SESSION_ID_AT;
        p += 1 + (record.get(p) & 0xff);
        if (p + 2 > end) {
            return false;
        }
        int suitesEnd = Math.min(end, p + 2 + (((record.get(p) & 0xff) << 8) | (record.get(p + 1) & 0xff)));
        for (int q = p + 2; q + 2 <= suitesEnd; q += 2) {
            int code = ((record.get(q) & 0xff) << 8) | (record.get(q + 1) & 0xff);
            if (code == 0x00ff || code == 0x5600 || (code & 0x0f0f) == 0x0a0a) {
                continue; // TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV, GREASE
            }
            return code == 0x1303 || (code >= 0xcca8 && code <= 0xccae);
        }
        return false;
    }
}
