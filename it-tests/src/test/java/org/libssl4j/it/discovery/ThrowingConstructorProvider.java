package org.libssl4j.it.discovery;

import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** A provider whose constructor throws: ServiceLoader cannot even make it. */
public final class ThrowingConstructorProvider implements EngineProvider {
    /** Always fails, as a provider with a missing class would. */
    public ThrowingConstructorProvider() {
        throw new IllegalStateException("this provider cannot be constructed");
    }

    @Override

    public int spiVersion() {

        return SPI_VERSION;

    }


    @Override
    public String name() {
        return "never";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public EngineFactory load() {
        throw new AssertionError("unreachable");
    }
}
