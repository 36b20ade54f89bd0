package org.libssl4j.spi;

/**
 * The service an engine module registers ({@code META-INF/services/org.libssl4j.spi.EngineProvider} and
 * {@code provides} in its {@code module-info.java}). Its constructor must be cheap and must not throw; the real
 * start-up happens once, in {@link #load()}.
 */
public interface EngineProvider {
    /** The engine's name, e.g. {@code jdk}. */
    String name();

    /** The engine's priority; the highest available engine is the default. */
    int priority();

    /**
     * Starts the engine: loads its TLS provider (and native library, if any).
     *
     * @return the factory of the engine's contexts
     * @throws Exception if the provider cannot run here; the message becomes the engine's unavailable reason
     */
    EngineFactory load() throws Exception;
}
