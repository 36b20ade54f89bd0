package org.libssl4j.spi;

import org.libssl4j.SslOptions;
import org.libssl4j.SslVersion;

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
 * @param keylog where the engine sends each NSS key-log line of the connection's handshakes
 *     ({@code SSL_CTX_set_keylog_callback}, {@code Capability.KEYLOG}), without a newline; null when nobody asks.
 *     It runs inside the engine call that derived the secret, and does not throw.
 * @param verification what the connection changed of its context's peer verification ({@code SSL_set_verify},
 *     {@code SSL_set_verify_depth}); null when it changed nothing
 * @param ciphers the suites the connection chose apart from its context ({@code SSL_set_cipher_list},
 *     {@code SSL_set_ciphersuites}); null when it chose none
 */
public record ConnectionConfig(
        boolean client,
        String sniHostName,
        String verifyHostName,
        long options,
        int minVersion,
        int maxVersion,
        ServerHooks serverHooks,
        Object resumeSession,
        java.util.function.Consumer<String> keylog,
        PeerVerification verification,
        CipherChoice ciphers) {

    /** A connection whose suites are its context's. */
    public ConnectionConfig(boolean client, String sniHostName, String verifyHostName, long options, int minVersion,
            int maxVersion, ServerHooks serverHooks, Object resumeSession, java.util.function.Consumer<String> keylog,
            PeerVerification verification) {
        this(client, sniHostName, verifyHostName, options, minVersion, maxVersion, serverHooks, resumeSession, keylog,
                verification, null);
    }

    /** A connection that verifies as its context does. */
    public ConnectionConfig(boolean client, String sniHostName, String verifyHostName, long options, int minVersion,
            int maxVersion, ServerHooks serverHooks, Object resumeSession, java.util.function.Consumer<String> keylog) {
        this(client, sniHostName, verifyHostName, options, minVersion, maxVersion, serverHooks, resumeSession, keylog, null);
    }

    /** A connection that logs no keys. */
    public ConnectionConfig(boolean client, String sniHostName, String verifyHostName, long options, int minVersion,
            int maxVersion, ServerHooks serverHooks, Object resumeSession) {
        this(client, sniHostName, verifyHostName, options, minVersion, maxVersion, serverHooks, resumeSession, null);
    }

    /** A connection whose application asks nothing during the handshake and that offers no earlier session. */
    public ConnectionConfig(boolean client, String sniHostName, String verifyHostName, long options, int minVersion,
            int maxVersion) {
        this(client, sniHostName, verifyHostName, options, minVersion, maxVersion, null, null);
    }

    /**
     * The protocol versions ({@code SslVersion} values, TLS 1.0 to 1.3, lowest first) between {@link #minVersion} and
     * {@link #maxVersion} that no {@code SSL_OP_NO_TLSv1*} option turns off: what the engine may negotiate. Empty
     * means libssl's "no protocols available"; the state machine fails such a connection before the engine runs.
     *
     * @return the versions left, possibly empty
     */
    public java.util.List<Integer> enabledVersions() {
        java.util.List<Integer> list = new java.util.ArrayList<>();
        for (int v = Math.max(minVersion, SslVersion.TLS1_VERSION); v <= Math.min(maxVersion, SslVersion.TLS1_3_VERSION); v++) {
            if ((options & disabledBy(v)) == 0) {
                list.add(v);
            }
        }
        return list;
    }

    private static long disabledBy(int version) {
        switch (version) {
            case SslVersion.TLS1_VERSION: return SslOptions.NO_TLSv1;
            case SslVersion.TLS1_1_VERSION: return SslOptions.NO_TLSv1_1;
            case SslVersion.TLS1_2_VERSION: return SslOptions.NO_TLSv1_2;
            default: return SslOptions.NO_TLSv1_3;
        }
    }
}
