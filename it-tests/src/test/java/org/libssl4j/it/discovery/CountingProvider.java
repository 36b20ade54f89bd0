package org.libssl4j.it.discovery;

import java.util.concurrent.atomic.AtomicInteger;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;
import org.libssl4j.testkit.NullEngineProvider;

/** A provider that counts how often it is loaded, to show that discovery loads only what it uses. */
public final class CountingProvider implements EngineProvider {
    /** How many times {@link #load()} ran in this JVM. */
    public static final AtomicInteger LOADS = new AtomicInteger();

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public EngineFactory load() {
        LOADS.incrementAndGet();
        return new NullEngineProvider().load();
    }
}
