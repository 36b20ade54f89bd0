package org.libssl4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.libssl4j.spi.EngineFactory;

/** An available engine: the TLS provider that {@link SslCtx} objects made with it run on. */
public final class Engine implements EngineInfo {
    private final String name;
    private final int priority;
    private final EngineFactory factory;
    private volatile Set<Capability> capabilities;

    Engine(String name, int priority, EngineFactory factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public Throwable unavailableCause() {
        return null;
    }

    /**
     * {@inheritDoc} Asked of the engine the first time, then kept: an engine may decide some by probing its provider
     * on this JVM, which costs a few in-memory handshakes once.
     */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = capabilities;
        if (caps == null) {
            Set<Capability> asked = factory.capabilities();
            caps = Collections.unmodifiableSet(asked.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(asked));
            capabilities = caps;
        }
        return caps;
    }

    @Override
    public String version() {
        return factory.version();
    }

    @Override
    public int priority() {
        return priority;
    }

    /** The engine's SPI factory; used by {@link SslCtx}. */
    EngineFactory factory() {
        return factory;
    }

    @Override
    public String toString() {
        return name + " (" + version() + ")";
    }
}
