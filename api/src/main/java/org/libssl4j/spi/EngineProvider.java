package org.libssl4j.spi;

/**
 * The service an engine module registers ({@code META-INF/services/org.libssl4j.spi.EngineProvider} and
 * {@code provides} in its {@code module-info.java}). Its constructor must be cheap and must not throw; the real
 * start-up happens once, in {@link #load()}.
 */
public interface EngineProvider {
    /**
     * The version of this SPI. It changes when an engine built for the previous one would no longer work; an engine
     * declares the version it was built for by returning this constant from {@link #spiVersion()}.
     */
    int SPI_VERSION = 1;

    /**
     * The SPI version this engine was built for: {@code return SPI_VERSION;} (the compiler keeps the value of the
     * API the engine was compiled against). {@code Engines} lists an engine built for another version as
     * unavailable, with the reason, instead of failing later with a linkage error.
     */
    int spiVersion();

    /** The engine's name, e.g. {@code jdk}. */
    String name();

    /**
     * The engine's priority; the highest available engine is the default. The {@code jdk} engine has
     * {@code Engines.JDK_PRIORITY}; an engine that should not become the default merely by being on the class path
     * returns less.
     */
    int priority();

    /**
     * Starts the engine: loads its TLS provider (and native library, if any).
     *
     * @return the factory of the engine's contexts
     * @throws Exception if the provider cannot run here; the message becomes the engine's unavailable reason
     */
    EngineFactory load() throws Exception;
}
