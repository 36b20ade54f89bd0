package org.libssl4j.engine.conscrypt;

import java.security.GeneralSecurityException;
import java.security.Provider;
import org.conscrypt.Conscrypt;
import org.libssl4j.Capability;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * Conscrypt (Google's JSSE provider on BoringSSL) as the libssl4j engine {@code conscrypt}.
 *
 * <p>The provider is a private instance ({@link Conscrypt#newProvider()}): it is never added to
 * {@link java.security.Security}, so loading this engine changes nothing for the rest of the JVM.
 */
public final class ConscryptEngineProvider implements EngineProvider {
    /** The engine's name. */
    public static final String NAME = "conscrypt";

    /**
     * Cheap, as ServiceLoader wants, and never throws: no Conscrypt class is touched here, so a missing or
     * unloadable native library shows up in {@link #load()}, where it makes the engine unavailable.
     */
    public ConscryptEngineProvider() {
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
        return 30;
    }

    /**
     * Loads Conscrypt's native library and makes a private provider instance.
     *
     * @throws GeneralSecurityException if the native library cannot be loaded here (no build for this platform,
     *     a missing glibc symbol, a read-only temporary directory...); the cause is Conscrypt's own error
     */
    @Override
    public EngineFactory load() throws GeneralSecurityException {
        Provider provider;
        try {
            Conscrypt.checkAvailability();
            provider = Conscrypt.newProvider();
        } catch (LinkageError | RuntimeException e) {
            // checkAvailability throws UnsatisfiedLinkError (with the loader's best error) when the library does not
            // load; a NoClassDefFoundError/ExceptionInInitializerError follows on later calls. Report the cause.
            throw new GeneralSecurityException("Conscrypt's native library is not available on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e, e);
        }
        // What the adapter gives on any provider, direct buffers (Conscrypt copies heap ones, README Q9), the
        // versions Conscrypt supports, and the rest probed on this JVM (JsseProbe). See this module's README for the
        // evidence of each entry.
        return JsseEngineFactory.forProvider(version(), new ConscryptBinding(provider), Capability.DIRECT_BUFFERS,
                Capability.TLS1_3_RESUMPTION, Capability.TICKET_CONTROL);
    }

    private static String version() {
        Conscrypt.Version v = Conscrypt.version();
        String conscrypt = v == null ? "Conscrypt" : "Conscrypt " + v.major() + "." + v.minor() + "." + v.patch();
        return conscrypt + " (BoringSSL)";
    }
}
