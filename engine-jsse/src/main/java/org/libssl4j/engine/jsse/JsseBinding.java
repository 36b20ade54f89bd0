package org.libssl4j.engine.jsse;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineException;

/**
 * What one JSSE provider adds to the shared adapter: where its {@link SSLContext} and factories come from,
 * how its failures read in OpenSSL's terms, and any tuning of its engines. A JSSE provider becomes a libssl4j
 * engine with a binding and an {@code EngineProvider} of a few lines.
 */
public interface JsseBinding {
    /** A new, uninitialised {@code SSLContext} of the provider ({@code SSLContext.getInstance("TLS", provider)}). */
    SSLContext newSslContext() throws GeneralSecurityException;

    /** The provider's key manager factory. */
    default KeyManagerFactory newKeyManagerFactory() throws GeneralSecurityException {
        return KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    }

    /** The randomness for {@code SSLContext.init}; some providers require one. */
    default SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /**
     * Maps a failure the provider raised to OpenSSL's reason. Failures of certificate verification are mapped
     * by the adapter before this is asked.
     *
     * @param client whether the failing engine is the client
     */
    EngineException mapFailure(SSLException e, boolean client);

    /**
     * {@code SSL_session_reused} as the provider knows it, asked once the handshake finished; null (the default)
     * when the provider has no such call, and the adapter then decides from the session's creation time.
     */
    default Boolean sessionReused(SSLEngine engine) {
        return null;
    }

    /**
     * Which of {@code GROUPS_LIST} and {@code SIGALGS_LIST} the engine may declare where {@code JsseEngineFactory}
     * sees the provider honour the restriction in its ClientHello on the running JVM: those whose consequences
     * (a handshake that succeeds where libssl's does, the failures, the alerts) this binding keeps as libssl's. The
     * default is none: a restricted ClientHello alone does not make the failures read as libssl's.
     */
    default java.util.Set<org.libssl4j.Capability> restrictionCapabilities() {
        return java.util.Set.of();
    }

    /** Last-minute tuning of a new engine (provider-specific parameters); the default does nothing. */
    default void configure(SSLEngine engine, ContextConfig context, ConnectionConfig connection) {
    }

    /**
     * The object the provider names as the engine in its key manager calls for {@code engine}, which may be an
     * engine it wraps (Conscrypt passes its inner {@code ConscryptEngine}); the default is {@code engine} itself.
     */
    default SSLEngine keyManagerEngine(SSLEngine engine) {
        return engine;
    }
}
