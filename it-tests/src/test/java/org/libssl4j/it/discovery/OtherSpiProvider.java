package org.libssl4j.it.discovery;

import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** An engine built for another SPI version than the API on the class path. */
public final class OtherSpiProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION + 1;
    }

    @Override
    public String name() {
        return "otherspi";
    }

    @Override
    public int priority() {
        return 3000;
    }

    @Override
    public EngineFactory load() {
        throw new AssertionError("an engine built for another SPI must never be loaded");
    }
}
