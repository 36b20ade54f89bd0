package org.libssl4j.it.discovery;

import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** A second provider named {@code jdk}, found after the real one (its service file is last on the class path). */
public final class SecondJdkProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public EngineFactory load() {
        throw new AssertionError("a provider whose name is taken must never be loaded");
    }
}
