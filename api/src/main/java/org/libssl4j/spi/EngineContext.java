package org.libssl4j.spi;

/** An engine's context for one {@link ContextConfig}: makes the per-connection engines. */
public interface EngineContext extends AutoCloseable {
    /**
     * Makes the engine of one connection.
     *
     * @throws EngineException if the engine cannot be made with these settings
     */
    TlsEngine newEngine(ConnectionConfig config) throws EngineException;

    /**
     * The cipher suites a connection of this context offers, IANA names in preference order, TLS 1.3 suites first:
     * the engine's defaults or what the context chose, limited to the versions the context allows. An engine that
     * cannot tell answers an empty list.
     */
    default java.util.List<String> cipherSuites() {
        return java.util.List.of();
    }

    /**
     * Every cipher suite the engine can do (IANA names, in any order), enabled or not: what a cipher string
     * ({@code SslCtx.setCipherList}) is resolved against. By default the ones {@link #cipherSuites()} offers.
     */
    default java.util.List<String> supportedCipherSuites() {
        return cipherSuites();
    }

    /** How many sessions the context's caches hold ({@code SSL_CTX_sess_number}), or -1 if unknown. */
    default int sessionCount() {
        return -1;
    }

    /** Frees what the context holds (native memory, say). Idempotent. */
    @Override
    void close();
}
