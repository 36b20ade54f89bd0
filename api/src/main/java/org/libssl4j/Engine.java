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
    private final Set<Capability> capabilities;

    Engine(String name, int priority, EngineFactory factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.factory = Objects.requireNonNull(factory, "factory");
        Set<Capability> caps = factory.capabilities();
        this.capabilities = Collections.unmodifiableSet(caps.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(caps));
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

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
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
