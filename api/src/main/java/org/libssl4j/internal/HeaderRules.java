package org.libssl4j.internal;

import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;

/**
 * libssl's checks of a record header ({@code ssl3_get_record}), in libssl's order, as one pure function of the
 * header and the connection's state (docs/SEMANTICS.md R10.1-R10.6, R09.5-R09.7).
 */
final class HeaderRules {
    /** The verdict's alert byte when no alert is sent (the peer would not understand one). */
    static final int NO_ALERT = 0xFF;

    private static final int APPLICATION_DATA = 23;
    private static final int UNEXPECTED_MESSAGE = 10;
    private static final int RECORD_OVERFLOW = 22;
    private static final int DECODE_ERROR = 50;
    private static final int PROTOCOL_VERSION = 70;
    /** The longest protected record body: 2^14 + 256 in TLS 1.3, 2^14 + 320 as OpenSSL allows in TLS 1.2. */
    private static final int MAX_TLS13_CIPHERTEXT = 16384 + 256;
    private static final int MAX_TLS12_CIPHERTEXT = 16384 + 320;

    private HeaderRules() {
    }

    /**
     * Judges the header held at the start of {@code in}.
     *
     * @param firstRecord no record has been accepted yet
     * @param afterHandshake the first handshake is done
     * @param tls13 TLS 1.3 was negotiated
     * @return 0 when acceptable, else {@code (reason << 8) | alert} ({@link #NO_ALERT} for none)
     */
    static long check(Inbound in, boolean firstRecord, boolean afterHandshake, boolean tls13) {
        int type = in.type();
        int version = in.version();
        int length = in.bodyLength();
        if ((version >> 8) != 3) {
            if (firstRecord) {
                // R10.1-R10.3, R10.8: not TLS at all; no alert, the peer would not understand it.
                int reason = in.startsWith("GET ") || in.startsWith("POST ") || in.startsWith("HEAD ") || in.startsWith("PUT ")
                        ? SslReason.HTTP_REQUEST
                        : in.startsWith("CONNE") ? SslReason.HTTPS_PROXY_REQUEST : SslReason.WRONG_VERSION_NUMBER;
                return verdict(reason, NO_ALERT);
            }
            return verdict(SslReason.WRONG_VERSION_NUMBER, PROTOCOL_VERSION);
        }
        if (length > Inbound.MAX_BODY) {
            return verdict(SslReason.PACKET_LENGTH_TOO_LONG, RECORD_OVERFLOW); // R10.5, R09.7
        }
        if (tls13 && type != APPLICATION_DATA) {
            // R09.5: TLS 1.3 hides the real type; any other outer type after the handshake is bad. libssl looks
            // at the type before the version.
            return verdict(SslReason.BAD_RECORD_TYPE, UNEXPECTED_MESSAGE);
        }
        if (afterHandshake && version != SslVersion.TLS1_2_VERSION) {
            // R09.6: after the handshake every record carries 0x0303 (TLS 1.3 keeps the TLS 1.2 number).
            return verdict(SslReason.WRONG_VERSION_NUMBER, tls13 ? DECODE_ERROR : PROTOCOL_VERSION);
        }
        if (length > (tls13 ? MAX_TLS13_CIPHERTEXT : MAX_TLS12_CIPHERTEXT)) {
            // RFC 8446 5.2 and RFC 5246 6.2.3 limits on protected records, as libssl checks them.
            return verdict(SslReason.ENCRYPTED_LENGTH_TOO_LONG, RECORD_OVERFLOW);
        }
        // R10.6 (application data or an alert before the ClientHello) is not a header check: libssl reads the
        // record whole first (R10.10), so the record layer checks it with the first message.
        return 0;
    }

    private static long verdict(int reason, int alert) {
        return ((long) reason << 8) | alert;
    }
}
