package org.libssl4j.cli;

import java.security.GeneralSecurityException;
import java.security.Security;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.libssl4j.Capability;
import org.libssl4j.engine.jdk.failures.JdkFailures;
import org.libssl4j.engine.jsse.JsseBinding;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * An engine that fails conformance on purpose, for {@code compare}'s failing path: "liar" is SunJSSE claiming
 * {@code KEY_UPDATE}, which it cannot do through JSSE, so the key-update tests run and fail. Registered only in
 * {@code src/test/liar}, which {@code CompareCommandIT} puts on the class path of the one run that wants it.
 */
public final class LiarEngineProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "liar";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public EngineFactory load() throws GeneralSecurityException {
        return JsseEngineFactory.forProvider("liar on SunJSSE",
                new JsseBinding() {
                    @Override
                    public SSLContext newSslContext() throws GeneralSecurityException {
                        return SSLContext.getInstance("TLS", Security.getProvider("SunJSSE"));
                    }

                    @Override
                    public EngineException mapFailure(SSLException e, boolean client) {
                        return JdkFailures.map(e, client);
                    }
                }, Capability.KEY_UPDATE);
    }
}
