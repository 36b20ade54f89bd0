package org.libssl4j.spi;

/**
 * What one connection adds to its context's settings.
 *
 * @param client whether the connection is the client side
 * @param sniHostName the server name a client sends ({@code SSL_set_tlsext_host_name}), or null
 * @param verifyHostName the name a client checks the server's certificate against ({@code SSL_set1_host}), or null
 * @param options the connection's {@code SslOptions} bits (they may differ from the context's)
 * @param minVersion the connection's lowest protocol version
 * @param maxVersion the connection's highest protocol version
 * @param serverHooks on a server, the application's servername and ALPN select callbacks; null when it set none
 * @param resumeSession a client's session to offer ({@code SSL_set_session}): the {@link EngineSession#handle()} an
 *     engine of the same {@link EngineContext} gave; null for none
 */
public record ConnectionConfig(
        boolean client,
        String sniHostName,
        String verifyHostName,
        long options,
        int minVersion,
        int maxVersion,
        ServerHooks serverHooks,
        Object resumeSession) {

    /** A connection whose application asks nothing during the handshake and that offers no earlier session. */
    public ConnectionConfig(boolean client, String sniHostName, String verifyHostName, long options, int minVersion,
            int maxVersion) {
        this(client, sniHostName, verifyHostName, options, minVersion, maxVersion, null, null);
    }
}
