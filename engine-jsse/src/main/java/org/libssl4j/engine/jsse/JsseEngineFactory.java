package org.libssl4j.engine.jsse;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.libssl4j.Capability;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;

/** An {@link EngineFactory} for any JSSE provider, given its {@link JsseBinding}. */
public final class JsseEngineFactory implements EngineFactory {
    private final String version;
    private final Set<Capability> capabilities;
    private final JsseBinding binding;

    /**
     * @param version the provider's version, as {@link EngineFactory#version()} reports it
     * @param capabilities what the provider can do, truthfully
     * @param binding where the provider's objects come from
     */
    public JsseEngineFactory(String version, Set<Capability> capabilities, JsseBinding binding) {
        this.version = version;
        this.capabilities = Collections.unmodifiableSet(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
        this.binding = binding;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public EngineContext newContext(ContextConfig config) throws EngineException {
        try {
            SSLContext ssl = binding.newSslContext();
            ssl.init(keyManagers(config), new TrustManager[] {new VerifyingTrustManager(config)}, binding.secureRandom());
            return new JsseContext(ssl, config, binding);
        } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw EngineException.of(SslReason.SSL_HANDSHAKE_FAILURE, "cannot build the engine's context: " + e, e);
        }
    }

    private KeyManager[] keyManagers(ContextConfig config) throws java.security.GeneralSecurityException, java.io.IOException {
        if (config.privateKey() == null || config.certificateChain().isEmpty()) {
            return new KeyManager[0];
        }
        char[] password = "libssl4j".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("own", config.privateKey(), password, config.certificateChain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = binding.newKeyManagerFactory();
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }
}
