package org.libssl4j;

/**
 * The key-log callback of {@code SSL_CTX_set_keylog_callback}: given each secret of a connection's handshakes as one
 * line of the NSS key-log format, as libssl writes it, for tools such as Wireshark to decrypt a capture.
 *
 * <p>A line is {@code LABEL <client random> <secret>}, both in lower-case hex, without a newline: {@code CLIENT_RANDOM}
 * with the 48-byte master secret for TLS 1.2; for TLS 1.3 {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET},
 * {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0} and
 * {@code EXPORTER_SECRET}, each as long as the suite's hash. Each line comes once per handshake and side, on the
 * thread that called into the connection, inside that call. Only engines with {@link Capability#KEYLOG} log keys.
 *
 * <p>The lines are the connection's secrets: whoever reads them can decrypt its traffic. A callback that throws
 * fails that connection's handshake with "callback failed" (the handshake stops at its next step, with an
 * internal_error alert).
 */
@FunctionalInterface
public interface KeylogCallback {
    /**
     * Reports one line.
     *
     * @param ssl the connection
     * @param line the line, without a trailing newline
     */
    void onKeylog(Ssl ssl, String line);
}
