package org.libssl4j.spi;

/** An engine's context for one {@link ContextConfig}: makes the per-connection engines. */
public interface EngineContext extends AutoCloseable {
    /**
     * Makes the engine of one connection.
     *
     * @throws EngineException if the engine cannot be made with these settings
     */
    TlsEngine newEngine(ConnectionConfig config) throws EngineException;

    /** How many sessions the context's caches hold ({@code SSL_CTX_sess_number}), or -1 if unknown. */
    default int sessionCount() {
        return -1;
    }

    /** Frees what the context holds (native memory, say). Idempotent. */
    @Override
    void close();
}
