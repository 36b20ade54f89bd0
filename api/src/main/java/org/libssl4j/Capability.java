package org.libssl4j;

/**
 * Something an engine can or cannot do. Tests and callers ask an engine what it can do ({@link
 * EngineInfo#capabilities()}), never which engine it is. A call that needs a capability the engine lacks is
 * refused cleanly: a return value, {@link Ssl#getError(int)} and an error-queue entry saying why.
 */
public enum Capability {
    /** TLS 1.2. */
    TLS1_2,
    /** TLS 1.3. */
    TLS1_3,
    /**
     * TLS 1.3 records carry up to 16384 bytes of plaintext, as libssl's do (docs/SEMANTICS.md R04.3, R13.1, R13.2 on
     * TLS 1.3). SunJSSE pads every TLS 1.3 record with 16 zero bytes and carries at most 16367.
     */
    TLS1_3_FULL_RECORDS,
    /** TLS 1.2 renegotiation ({@code SSL_renegotiate}) started by either side, docs/SEMANTICS.md R11.2-R11.7, R11.11. */
    RENEGOTIATION,
    /**
     * Refusing renegotiation per connection as libssl does: {@code SslOptions.NO_RENEGOTIATION} on a client answers
     * a HelloRequest with a no_renegotiation warning, and a server refuses a client's renegotiation unless
     * {@code SslOptions.ALLOW_CLIENT_RENEGOTIATION}, docs/SEMANTICS.md R11.8-R11.10.
     */
    RENEGOTIATION_CONTROL,
    /**
     * TLS 1.3 KeyUpdate ({@code SSL_key_update}), docs/SEMANTICS.md R12. <b>Reserved</b> ({@link #isReserved()}): the SPI
     * has no key-update call yet, so no engine can keep this promise and none may declare it. (SunJSSE alone can
     * send a KeyUpdate on request, from {@code beginHandshake()}, and only with update_requested; R12.1 needs both
     * types. See engine-jdk's README.)
     */
    KEY_UPDATE,
    /** TLS 1.3 NewSessionTicket records seen by the client as separate records, docs/SEMANTICS.md R11.12. */
    TLS1_3_TICKETS,
    /**
     * A TLS 1.3 client resumes a session it was given ({@code SSL_set_session}) and a TLS 1.3 server resumes one it
     * issued a ticket for, docs/SEMANTICS.md SESS-3. (TLS 1.2 resumption holds on every engine.)
     */
    TLS1_3_RESUMPTION,
    /**
     * {@code SslOptions.NO_TICKET} turns session tickets off per context or connection: a TLS 1.2 server sends no
     * session_ticket extension and no NewSessionTicket, docs/SEMANTICS.md SESS-6. Without it setting the option is
     * refused.
     */
    TICKET_CONTROL,
    /**
     * {@code SslCtx.setCiphersuites} ({@code SSL_CTX_set_ciphersuites}) restricts and orders the TLS 1.3 suites the
     * engine offers and accepts, docs/SEMANTICS.md CIPHER-8. Without it a list is refused with "unsupported" (an
     * empty list, no TLS 1.3 at all, is kept by every engine).
     */
    TLS1_3_CIPHERSUITES,
    /**
     * A server refuses a session offered after its context's timeout ({@code SSL_CTX_set_timeout}), by id or by
     * ticket, and does a full handshake, as libssl's server does, docs/SEMANTICS.md SESS-8.
     */
    SESSION_TIMEOUT,
    /** After receiving a TLS 1.2 close_notify, the side may still write (half-close), docs/SEMANTICS.md R07.3. */
    TLS1_2_HALF_CLOSE,
    /** After receiving a TLS 1.3 close_notify, the side may still write (half-close), docs/SEMANTICS.md R07.3. */
    TLS1_3_HALF_CLOSE,
    /**
     * After sending its close_notify, a side still reads what the peer sends until the peer's close_notify
     * (docs/SEMANTICS.md R07.3, R07.7). Without it the engine takes any record after its own close_notify for the
     * peer's, and the data is lost.
     */
    READ_AFTER_SHUTDOWN,
    /**
     * A failed certificate check sends libssl's alert for its cause: certificate_expired (45) for an expired
     * certificate, bad_certificate (42) for a name mismatch.
     */
    CERTIFICATE_ALERTS,
    /** Application-layer protocol negotiation. */
    ALPN,
    /** Server name indication sent by the client and seen by the server. */
    SNI,
    /** Client certificates requested and verified by the server. */
    CLIENT_AUTH,
    /** RSA certificates. */
    RSA,
    /** ECDSA P-256 certificates. */
    ECDSA,
    /** {@code SSL_MODE_SEND_FALLBACK_SCSV} and the server's check of it, docs/SEMANTICS.md R15.12. */
    FALLBACK_SCSV,
    /**
     * Client-hello, client-certificate and retry-verify callbacks that suspend the handshake, docs/SEMANTICS.md R15.6.
     * <b>Reserved</b> ({@link #isReserved()}): the SPI has no way to suspend an engine's handshake yet, so
     * {@link Ssl#CLIENT_HELLO_CB}, {@link Ssl#RETRY_VERIFY} and their {@link SslError}s are never returned.
     */
    HANDSHAKE_CALLBACKS,
    /**
     * The engine seals every alert the state machine chooses ({@code TlsEngine.sealAlert}), so record-layer errors
     * found after the handshake send the alert libssl sends (docs/SEMANTICS.md R09.5-R09.7), and so does a refused
     * renegotiation (R11.10) on an engine that renegotiates. Without it those errors are reported alike but the peer
     * gets no alert, or gets it only for the alerts named by {@link #ALERT_UNEXPECTED_MESSAGE},
     * {@link #ALERT_RECORD_OVERFLOW}, {@link #ALERT_DECODE_ERROR} and {@link #ALERT_PROTOCOL_VERSION}.
     */
    ALERT_ON_REQUEST,
    /**
     * The engine can be made to send unexpected_message(10) for a record-layer error the state machine found after
     * the handshake (a TLS 1.3 record of another outer type, docs/SEMANTICS.md R09.5). Part of
     * {@link #ALERT_ON_REQUEST}.
     */
    ALERT_UNEXPECTED_MESSAGE,
    /**
     * The engine can be made to send record_overflow(22) for a record longer than the maximum after the handshake
     * (docs/SEMANTICS.md R09.7). Part of {@link #ALERT_ON_REQUEST}.
     */
    ALERT_RECORD_OVERFLOW,
    /**
     * The engine can be made to send decode_error(50) for a TLS 1.3 record whose minor version changed after the
     * handshake (docs/SEMANTICS.md R09.6). Part of {@link #ALERT_ON_REQUEST}.
     */
    ALERT_DECODE_ERROR,
    /**
     * The engine can be made to send protocol_version(70) for a record whose version changed after the handshake
     * (docs/SEMANTICS.md R09.6). Part of {@link #ALERT_ON_REQUEST}.
     */
    ALERT_PROTOCOL_VERSION,
    /** The engine seals and opens records in direct buffers without copying them. */
    DIRECT_BUFFERS,
    /**
     * {@code SSL_CTX_set1_groups_list} is honoured: a connection offers and accepts only the listed key-exchange
     * groups (docs/SEMANTICS.md GROUP-1..GROUP-3). Without it the call is refused with 0 and "unsupported".
     */
    GROUPS_LIST,
    /**
     * {@code SSL_CTX_set1_sigalgs_list} is honoured: a connection offers and accepts only the listed signature
     * algorithms (docs/SEMANTICS.md SIGALG-1, SIGALG-2). Without it the call is refused with 0 and "unsupported".
     */
    SIGALGS_LIST,
    /**
     * {@code SSL_get_negotiated_group} is known: {@link Ssl#getNegotiatedGroup()} names the key-exchange group of
     * the handshake (docs/SEMANTICS.md GROUP-4); without it the method returns null.
     */
    NEGOTIATED_GROUP,
    /**
     * {@code SSL_CTX_set_keylog_callback} is honoured ({@link SslCtx#setKeylogCallback}): on both sides, for full and
     * resumed handshakes, the callback gets the NSS key-log lines libssl writes, with the ClientHello's random: for
     * TLS 1.2 {@code CLIENT_RANDOM} with the master secret, for TLS 1.3 the four traffic secrets
     * ({@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code CLIENT_TRAFFIC_SECRET_0},
     * {@code SERVER_TRAFFIC_SECRET_0}), each once per handshake and side (docs/SEMANTICS.md KEYLOG-1..4, KEYLOG-6).
     * {@code EXPORTER_SECRET} comes too where the engine's README says so. Without it setting a callback is refused
     * with "unsupported".
     */
    KEYLOG;

    /**
     * A reserved capability names libssl behaviour the SPI cannot carry yet ({@link #KEY_UPDATE},
     * {@link #HANDSHAKE_CALLBACKS}): no engine may declare it, and the conformance suite fails one that does.
     *
     * @return whether this capability is reserved
     */
    public boolean isReserved() {
        return this == KEY_UPDATE || this == HANDSHAKE_CALLBACKS;
    }
}
