package org.libssl4j.it.discovery;

import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** A provider that is made but cannot start, as an engine without its native library. */
public final class FailingLoadProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "nonative";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public EngineFactory load() {
        throw new UnsatisfiedLinkError("no libnonative in java.library.path");
    }
}
