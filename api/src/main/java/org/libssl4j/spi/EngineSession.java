package org.libssl4j.spi;

/**
 * What an engine tells of a connection's session ({@code SSL_SESSION}), for {@code Ssl.getSession()}.
 *
 * @param handle what the engine needs to offer the session again ({@link ConnectionConfig#resumeSession()}); opaque
 *     to the state machine, handed back only to the {@link EngineContext} that made the engine
 * @param id the session id, empty when the engine gives none (a TLS 1.3 session, a ticket)
 * @param creationTimeMillis when the session was made, in milliseconds since the epoch (a resumed session keeps the
 *     time of the handshake that made it)
 * @param timeoutSeconds how long the engine's cache keeps it, in seconds; 0 for no limit
 * @param resumable whether the engine would offer it again (it is valid and can be resumed)
 */
public record EngineSession(Object handle, byte[] id, long creationTimeMillis, long timeoutSeconds, boolean resumable) {
    /** Copies the id. */
    public EngineSession {
        id = id == null ? new byte[0] : id.clone();
    }

    /** The session id (a copy). */
    @Override
    public byte[] id() {
        return id.clone();
    }
}
