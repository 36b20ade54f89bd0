package org.libssl4j.engine.jdk;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.libssl4j.engine.jdk.failures.JdkFailures;
import org.libssl4j.engine.jsse.JsseBinding;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** The JDK's own TLS (SunJSSE) as the libssl4j engine {@code jdk}. */
public final class JdkEngineProvider implements EngineProvider {
    /** The engine's name. */
    public static final String NAME = "jdk";

    /** Cheap, as ServiceLoader wants: the provider is looked up in {@link #load()}. */
    public JdkEngineProvider() {
    }

    @Override

    public int spiVersion() {

        return SPI_VERSION;

    }


    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return org.libssl4j.Engines.JDK_PRIORITY;
    }

    @Override
    public EngineFactory load() throws GeneralSecurityException {
        Provider sunJsse = Security.getProvider("SunJSSE");
        if (sunJsse == null) {
            throw new GeneralSecurityException("the SunJSSE provider is not installed in this JVM");
        }
        // What the adapter gives on any provider, the versions SunJSSE supports, and the rest probed on this JVM
        // (JsseProbe). See this module's README for the evidence of each absence.
        String version = "SunJSSE " + System.getProperty("java.version");
        // TLS1_3_CIPHERSUITES: SunJSSE takes the TLS 1.3 suites of setEnabledCipherSuites, in order (CIPHER-8).
        return JsseEngineFactory.forProvider(version, new JdkBinding(sunJsse), org.libssl4j.Capability.TLS1_3_RESUMPTION,
                org.libssl4j.Capability.TLS1_3_CIPHERSUITES);
    }

    /** Where SunJSSE's objects come from and how its failures read in OpenSSL's terms. */
    private static final class JdkBinding implements JsseBinding {
        private final Provider provider;

        JdkBinding(Provider provider) {
            this.provider = provider;
        }

        @Override
        public SSLContext newSslContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS", provider);
        }

        @Override
        public EngineException mapFailure(SSLException e, boolean client) {
            return JdkFailures.map(e, client);
        }

        /**
         * GROUPS_LIST where the probe sees SunJSSE honour the list (Java 17 through the engine's constraints, 20+
         * through {@code SSLParameters.setNamedGroups}); SIGALGS_LIST not: SunJSSE applies the signature schemes to the
         * certificate chain too (README Q21).
         */
        @Override
        public java.util.Set<org.libssl4j.Capability> restrictionCapabilities() {
            return java.util.Set.of(org.libssl4j.Capability.GROUPS_LIST);
        }

        @Override
        public void configure(SSLEngine engine, org.libssl4j.spi.ContextConfig context, org.libssl4j.spi.ConnectionConfig connection) {
            // Nothing yet: SunJSSE's defaults are what OpenSSL users expect (AES-GCM first, X25519 first).
        }
    }
}
