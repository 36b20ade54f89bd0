package org.libssl4j;

import java.security.cert.X509Certificate;
import org.libssl4j.spi.EngineContext;

/**
 * A TLS session, as OpenSSL's {@code SSL_SESSION}: what {@link Ssl#getSession()} ({@code SSL_get1_session}) returns
 * and {@link Ssl#setSession(SslSession)} ({@code SSL_set_session}) offers to the server of a later connection, which
 * then resumes it or makes a new one ({@link Ssl#sessionReused()}).
 *
 * <p>A session carries the engine's own session with it and resumes only through a connection of the same context
 * and the same settings generation (an {@link SslCtx} whose settings changed after the session was made makes
 * connections that do a full handshake), with the same host name to verify. Immutable.
 */
public final class SslSession {
    private final EngineContext context;
    private final Object handle;
    private final byte[] id;
    private final String protocol;
    private final String cipherName;
    private final X509Certificate peer;
    private final long timeMillis;
    private final long timeout;
    private final boolean resumable;

    SslSession(EngineContext context, Object handle, byte[] id, String protocol, String cipherName, X509Certificate peer,
               long timeMillis, long timeout, boolean resumable) {
        this.context = context;
        this.handle = handle;
        this.id = id.clone();
        this.protocol = protocol;
        this.cipherName = cipherName;
        this.peer = peer;
        this.timeMillis = timeMillis;
        this.timeout = timeout;
        this.resumable = resumable;
    }

    /** {@code SSL_SESSION_get_id}: the session id (a copy); empty where there is none (TLS 1.3, a ticket). */
    public byte[] getId() {
        return id.clone();
    }

    /** {@code SSL_SESSION_get_protocol_version}, as {@link Ssl#getVersion()} spells it: "TLSv1.3", "TLSv1.2", or "unknown". */
    public String getProtocol() {
        return protocol;
    }

    /** {@code SSL_CIPHER_get_name(SSL_SESSION_get0_cipher(s))}: OpenSSL's name of the cipher, or null. */
    public String getCipherName() {
        return cipherName;
    }

    /** {@code SSL_SESSION_get0_peer}: the peer's certificate, or null. */
    public X509Certificate getPeer() {
        return peer;
    }

    /** {@code SSL_SESSION_get_time}: when the session was made, in seconds since the epoch. */
    public long getTime() {
        return timeMillis / 1000;
    }

    /** When the session was made, in milliseconds since the epoch (a resumed session keeps its first handshake's). */
    public long getTimeMillis() {
        return timeMillis;
    }

    /** {@code SSL_SESSION_get_timeout}: how long, in seconds, it may be resumed after {@link #getTime()}; 0 for no limit. */
    public long getTimeout() {
        return timeout;
    }

    /**
     * {@code SSL_SESSION_is_resumable}: the session came from a finished handshake and may be offered again. A
     * session taken from a handshake that failed or has not finished is not. A resumable session may still be
     * refused by the server (expired, unknown to it), which then makes a new one.
     */
    public boolean isResumable() {
        return resumable;
    }

    EngineContext context() {
        return context;
    }

    Object handle() {
        return handle;
    }

    @Override
    public String toString() {
        return "SslSession[" + protocol + ", " + cipherName + ", resumable " + resumable + "]";
    }
}
