package org.libssl4j.example;

import java.security.GeneralSecurityException;
import java.security.Security;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.libssl4j.engine.jdk.failures.JdkFailures;
import org.libssl4j.engine.jsse.JsseBinding;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * A third party's engine, "example": a JSSE provider (here the JDK's own) behind libssl4j in a few lines. A real
 * one names its own provider in {@code newSslContext}, maps its own failures, and states its own capabilities.
 */
public final class ExampleEngineProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "example";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public EngineFactory load() throws GeneralSecurityException {
        // What the adapter gives and the versions the provider supports; JsseProbe decides on this JVM what depends on
        // the provider's version.
        return JsseEngineFactory.forProvider("example on SunJSSE",
                new JsseBinding() {
                    @Override
                    public SSLContext newSslContext() throws GeneralSecurityException {
                        return SSLContext.getInstance("TLS", Security.getProvider("SunJSSE"));
                    }

                    @Override
                    public EngineException mapFailure(SSLException e, boolean client) {
                        return JdkFailures.map(e, client);
                    }
                });
    }
}
