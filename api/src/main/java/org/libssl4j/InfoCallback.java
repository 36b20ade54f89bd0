package org.libssl4j;

/**
 * The info callback of {@code SSL_CTX_set_info_callback} and {@code SSL_set_info_callback}: told of a connection's
 * handshake and alerts as they happen, with OpenSSL's {@code SSL_CB_*} values ({@link SslCb}).
 *
 * <p>It runs on the thread that called into the connection, inside that call. A callback that throws fails the
 * connection: the next call returns -1 with "callback failed" on the error queue.
 */
@FunctionalInterface
public interface InfoCallback {
    /**
     * Reports one event.
     *
     * @param ssl the connection
     * @param where what happened: a combination of {@link SslCb} bits, such as {@link SslCb#HANDSHAKE_START},
     *     {@link SslCb#CONNECT_EXIT} or {@link SslCb#READ_ALERT}
     * @param ret for {@code *_EXIT} the handshake call's return value; for alerts the level in the high byte and the
     *     description in the low one (256 is a warning close_notify); else 1
     */
    void onInfo(Ssl ssl, int where, int ret);
}
