package org.libssl4j.spi;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One connection's TLS engine, sans-IO: the state machine hands it whole TLS records that came from the
 * network and application bytes to seal, and takes back records to send and application bytes that were
 * opened. The engine owns keys and protocol state; it never touches a BIO.
 *
 * <p>The state machine frames records itself: {@link #open} always gets exactly one complete record. It calls
 * {@link #seal} and {@link #wrapHandshake} only with an output buffer of at least {@link #maxRecordSize()}
 * free bytes (or after growing it on {@link #OVERFLOW}), and {@link #open} with at least
 * {@link #maxPlaintextSize()} free bytes of output.
 *
 * <p>Every TLS failure is an {@link EngineException} with OpenSSL's reason; no other exception may escape,
 * except {@link IllegalStateException} for a state the state machine never creates.
 */
public interface TlsEngine extends AutoCloseable {

    /** What the handshake needs next. */
    enum Status {
        /** The engine has records to send: call {@link #wrapHandshake}. */
        NEED_WRAP,
        /** The engine waits for a record from the peer: call {@link #open}. */
        NEED_UNWRAP,
        /** No handshake is under way. */
        NOT_HANDSHAKING
    }

    /** Returned by {@link #wrapHandshake} when the output buffer is too small: grow it and call again. */
    int OVERFLOW = -2;

    /** Returned by {@link #open} when the record was the peer's close_notify. */
    int CLOSED = -1;

    /** Starts the first handshake; a client's next {@link #wrapHandshake} produces its ClientHello. */
    void beginHandshake() throws EngineException;

    /** What the handshake needs next, after running any work the engine deferred. */
    Status status() throws EngineException;

    /**
     * Writes handshake (or alert) records into {@code out}.
     *
     * @return bytes written, or {@link #OVERFLOW}
     */
    int wrapHandshake(ByteBuffer out) throws EngineException;

    /**
     * Seals application bytes from {@code src} into one record in {@code out}, advancing {@code src}.
     *
     * @return the number of application bytes consumed (0 when the engine cannot seal now, e.g. during a
     *     renegotiation: the caller then asks {@link #status()})
     */
    int seal(ByteBuffer src, ByteBuffer out) throws EngineException;

    /**
     * Opens one whole record. Plaintext goes to {@code dst}.
     *
     * @return the number of application bytes opened (0 for a handshake, alert or change-cipher-spec record),
     *     or {@link #CLOSED} when the record was the peer's close_notify
     */
    int open(ByteBuffer record, ByteBuffer dst) throws EngineException;

    /**
     * Seals a fatal alert that the state machine chose, for a record-layer error it found itself (a bad record
     * version, type or length after the handshake: docs/SEMANTICS.md R09.5-R09.7). An engine that can do this
     * declares {@code Capability.ALERT_ON_REQUEST}.
     *
     * @return the bytes written to {@code out}, or -1 when the engine cannot send an alert it did not raise
     */
    default int sealAlert(int description, ByteBuffer out) throws EngineException {
        return -1;
    }

    /**
     * Starts a TLS 1.2 renegotiation ({@code SSL_renegotiate}): a server's next {@link #wrapHandshake} produces a
     * HelloRequest, a client's a ClientHello. An engine that can do this declares {@code Capability.RENEGOTIATION}.
     *
     * @return false when the engine cannot renegotiate
     */
    default boolean renegotiate() throws EngineException {
        return false;
    }

    /** Queues this side's close_notify; the next {@link #wrapHandshake} produces it. */
    void closeOutbound();

    /** Whether the engine has no more records to send. */
    boolean isOutboundDone();

    /** The largest record the engine produces or accepts, header included. */
    int maxRecordSize();

    /** The largest plaintext one record opens to. */
    int maxPlaintextSize();

    /** The negotiated protocol, OpenSSL's spelling ("TLSv1.3"), or null before the handshake. */
    String protocol();

    /** The negotiated cipher suite's IANA name ("TLS_AES_128_GCM_SHA256"), or null. */
    String cipherSuite();

    /** The peer's certificate chain, leaf first; empty when there is none. */
    List<X509Certificate> peerCertificates();

    /** On a server, the host name the client asked for with SNI, or null. */
    default String requestedServerName() {
        return null;
    }

    /** The negotiated ALPN protocol, or null. */
    default String selectedAlpn() {
        return null;
    }

    /**
     * The TLS code point of the key-exchange group the handshake negotiated (29 for x25519, 23 for secp256r1), or 0
     * when there is none or the engine cannot tell. An engine that can tell declares {@code
     * Capability.NEGOTIATED_GROUP}.
     */
    default int negotiatedGroup() {
        return 0;
    }

    /**
     * The connection's session ({@code SSL_get1_session}), or null when the engine cannot tell. Asked once the
     * handshake has begun.
     */
    default EngineSession session() {
        return null;
    }

    /**
     * {@code SSL_session_reused}: the finished handshake resumed an earlier session (abbreviated TLS 1.2 handshake,
     * TLS 1.3 PSK). Asked only after the handshake finished.
     */
    default boolean sessionReused() {
        return false;
    }

    /**
     * {@code SSL_get_verify_result}: the {@code X509_V_*} code of this connection's verification of the peer's
     * certificate, recorded also when the verify mode is {@code SSL_VERIFY_NONE} and the handshake went on; 0
     * ({@code X509_V_OK}) before any verification and where the engine cannot tell.
     */
    default int verifyResult() {
        return 0;
    }

    /** Frees what the engine holds. Idempotent. */
    @Override
    void close();
}
