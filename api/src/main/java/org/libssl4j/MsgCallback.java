package org.libssl4j;

/**
 * The message callback of {@code SSL_CTX_set_msg_callback} and {@code SSL_set_msg_callback}: told of each record
 * header and of each protocol message (handshake message, alert, ChangeCipherSpec) a connection sends or receives,
 * as {@code openssl s_client -msg} prints them.
 *
 * <p>The engine behind the connection decrypts and encrypts on its own, so what travels encrypted is reported as far
 * as the record layer sees it: every record's header, and of the protected content only the alerts the state
 * machine knows (close_notify sent and received, a fatal alert received or sent by it). Handshake messages in
 * protected records (TLS 1.3 EncryptedExtensions to Finished, tickets, KeyUpdate; TLS 1.2 Finished) are not reported
 * (docs/SEMANTICS.md MSG-1..4, D5). It runs on the calling thread, inside the call; a callback that throws fails the
 * connection as an {@link InfoCallback} that throws does.
 */
@FunctionalInterface
public interface MsgCallback {
    /** {@code SSL3_RT_CHANGE_CIPHER_SPEC}. */
    int RT_CHANGE_CIPHER_SPEC = 20;
    /** {@code SSL3_RT_ALERT}. */
    int RT_ALERT = 21;
    /** {@code SSL3_RT_HANDSHAKE}. */
    int RT_HANDSHAKE = 22;
    /** {@code SSL3_RT_APPLICATION_DATA}. */
    int RT_APPLICATION_DATA = 23;
    /** {@code SSL3_RT_HEADER}: the 5 bytes of a record's header. */
    int RT_HEADER = 256;

    /**
     * Reports one header or message.
     *
     * @param ssl the connection
     * @param write true for what this side sends ({@code write_p}), false for what it receives
     * @param version for {@link #RT_HEADER} the record's version field; else the connection's protocol version, the
     *     negotiated one once known, before that the highest it allows
     * @param contentType one of the {@code RT_*} values
     * @param bytes the header, the whole handshake message (with its 4-byte header), the 2 alert bytes or the one
     *     ChangeCipherSpec byte; a copy the callback may keep
     */
    void onMsg(Ssl ssl, boolean write, int version, int contentType, byte[] bytes);
}
