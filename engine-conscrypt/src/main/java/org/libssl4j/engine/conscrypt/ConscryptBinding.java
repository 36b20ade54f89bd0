package org.libssl4j.engine.conscrypt;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.libssl4j.engine.jsse.JsseBinding;
import org.libssl4j.spi.EngineException;

/**
 * Where Conscrypt's objects come from and how its failures read in OpenSSL's terms. The shared adapter drives
 * Conscrypt's {@code SSLEngine} as it drives SunJSSE's; what differs is adapted here, at the JSSE level:
 * <ul>
 *   <li>{@link ConscryptSslContext}: the trust managers see SunJSSE's spelling of the TLS 1.3 authType (README
 *       Q1), and the engines are {@link ConscryptSslEngine}s (Q3 the alert after a failure, Q5 renegotiation,
 *       Q9 freeing the native SSL);</li>
 *   <li>{@link ConscryptKeyManagers}: a server finds its certificate whatever its TLS 1.2 cipher list (Q2);</li>
 *   <li>{@link ConscryptFailures}: BoringSSL's error strings as OpenSSL reasons (Q4).</li>
 * </ul>
 */
final class ConscryptBinding implements JsseBinding {
    private final Provider provider;

    ConscryptBinding(Provider provider) {
        this.provider = provider;
    }

    @Override
    public SSLContext newSslContext() throws GeneralSecurityException {
        return new ConscryptSslContext(SSLContext.getInstance("TLS", provider));
    }

    /** The JDK's default key manager factory, adapted to Conscrypt's choice of server certificate (Q2). */
    @Override
    public KeyManagerFactory newKeyManagerFactory() throws GeneralSecurityException {
        return new ConscryptKeyManagers(KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()));
    }

    /** BoringSSL's own {@code SSL_session_reused} (README Q7): Conscrypt's session times are whole seconds. */
    @Override
    public Boolean sessionReused(javax.net.ssl.SSLEngine engine) {
        return engine instanceof ConscryptSslEngine ? ConscryptNative.sessionReused(((ConscryptSslEngine) engine).delegate()) : null;
    }

    /**
     * Session tickets as libssl has them: on unless {@code SSL_OP_NO_TICKET} (README Q7). Conscrypt turns them off
     * by default ({@code NativeSsl} sets BoringSSL's {@code SSL_OP_NO_TICKET} unless told).
     */
    @Override
    public void configure(javax.net.ssl.SSLEngine engine, org.libssl4j.spi.ContextConfig context,
                          org.libssl4j.spi.ConnectionConfig connection) {
        if (engine instanceof ConscryptSslEngine) {
            org.conscrypt.Conscrypt.setUseSessionTickets(((ConscryptSslEngine) engine).delegate(),
                    (connection.options() & org.libssl4j.SslOptions.NO_TICKET) == 0);
        }
    }

    @Override
    public EngineException mapFailure(SSLException e, boolean client) {
        return ConscryptFailures.map(e, client);
    }

    /** Conscrypt names its inner {@code ConscryptEngine} to key managers, not the engine it handed out. */
    @Override
    public javax.net.ssl.SSLEngine keyManagerEngine(javax.net.ssl.SSLEngine engine) {
        javax.net.ssl.SSLEngine outer = engine instanceof ConscryptSslEngine ? ((ConscryptSslEngine) engine).delegate() : engine;
        return ConscryptNative.conscryptEngine(outer);
    }
}
