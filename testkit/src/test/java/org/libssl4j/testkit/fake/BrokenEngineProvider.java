package org.libssl4j.testkit.fake;

import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** An engine whose provider cannot run here, as Conscrypt without its native library. */
public final class BrokenEngineProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public EngineFactory load() throws Exception {
        throw new Exception("no native library for this platform");
    }
}
