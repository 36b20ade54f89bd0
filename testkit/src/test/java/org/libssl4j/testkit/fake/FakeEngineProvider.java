package org.libssl4j.testkit.fake;

import java.util.EnumSet;
import java.util.Set;
import org.libssl4j.Capability;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/** An engine that loads but cannot make connections: enough to test discovery and context building. */
public final class FakeEngineProvider implements EngineProvider {
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public EngineFactory load() {
        return new EngineFactory() {
            @Override
            public String version() {
                return "fake 1.0";
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.of(Capability.TLS1_2, Capability.TLS1_3);
            }

            @Override
            public EngineContext newContext(ContextConfig config) {
                throw new UnsupportedOperationException("the fake engine makes no connections");
            }
        };
    }
}
