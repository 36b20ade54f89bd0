package org.libssl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * Finds engines with {@link ServiceLoader}. Discovery never throws: a provider that fails to load is listed by
 * {@link #all()} as unavailable, with the cause.
 */
public final class Engines {
    /** The system property that names the default engine, e.g. {@code -Dlibssl4j.engine=bc}. */
    public static final String ENGINE_PROPERTY = "libssl4j.engine";

    private Engines() {
    }

    private static final class Holder {
        static final List<EngineInfo> ALL = discover(Engines.class.getClassLoader());
    }

    /** Every engine found, available or not, in priority order (highest first). */
    public static List<EngineInfo> all() {
        return Holder.ALL;
    }

    /** The available engines, in priority order. */
    public static List<Engine> available() {
        List<Engine> list = new ArrayList<>();
        for (EngineInfo info : all()) {
            if (info instanceof Engine) {
                list.add((Engine) info);
            }
        }
        return list;
    }

    /**
     * The engine named {@code name}.
     *
     * @throws IllegalArgumentException if there is none, or it is unavailable; the message lists what there is
     */
    public static Engine get(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        for (EngineInfo info : all()) {
            if (info.name().equals(name)) {
                if (info instanceof Engine) {
                    return (Engine) info;
                }
                throw new IllegalArgumentException("libssl4j engine '" + name + "' is unavailable: "
                        + info.unavailableReason() + "; " + describe());
            }
        }
        throw new IllegalArgumentException("no libssl4j engine named '" + name + "'; " + describe());
    }

    /**
     * The default engine: the one named by the system property {@value #ENGINE_PROPERTY}, else the available
     * engine with the highest priority.
     *
     * @throws IllegalStateException if no engine is available; the message lists what was found and why it was rejected
     */
    public static Engine getDefault() {
        String named = System.getProperty(ENGINE_PROPERTY);
        if (named != null && !named.isBlank()) {
            return get(named.trim());
        }
        List<Engine> available = available();
        if (available.isEmpty()) {
            throw new IllegalStateException("no libssl4j engine is available; put libssl4j-engine-jdk (or -bc, "
                    + "-conscrypt) on the class path; " + describe());
        }
        return available.get(0);
    }

    /**
     * Loads an engine that is not registered with {@code ServiceLoader} (for dependency injection, or a test's
     * own engine). It is not added to {@link #all()}.
     *
     * @throws IllegalStateException if the provider cannot load; the cause is its failure
     */
    public static Engine load(EngineProvider provider) {
        EngineInfo info = describe(java.util.Objects.requireNonNull(provider, "provider"));
        if (info instanceof Engine) {
            return (Engine) info;
        }
        throw new IllegalStateException("libssl4j engine '" + info.name() + "' is unavailable: " + info.unavailableReason(),
                info.unavailableCause());
    }

    /** A one-line account of every engine found, for error messages. */
    static String describe() {
        if (all().isEmpty()) {
            return "ServiceLoader found no org.libssl4j.spi.EngineProvider";
        }
        return "found: " + all().stream()
                .map(i -> i.isAvailable() ? i.name() + " (available)" : i.name() + " (unavailable: " + i.unavailableReason() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Loads every provider visible to {@code loader}; never throws. Visible for tests of discovery. */
    static List<EngineInfo> discover(ClassLoader loader) {
        List<EngineInfo> found = new ArrayList<>();
        Iterator<EngineProvider> it = ServiceLoader.load(EngineProvider.class, loader).iterator();
        int broken = 0;
        while (true) {
            EngineProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                found.add(new Unavailable("unloadable-provider-" + (++broken), 0,
                        "its EngineProvider could not be instantiated: " + e.getMessage(), e));
                continue;
            }
            found.add(describe(provider));
        }
        found.sort(Comparator.comparingInt(EngineInfo::priority).reversed());
        return Collections.unmodifiableList(found);
    }

    /** Loads {@code provider}: an {@link Engine}, or what it could not do. Never throws. */
    private static EngineInfo describe(EngineProvider provider) {
        String name;
        int priority;
        try {
            name = provider.name();
            priority = provider.priority();
        } catch (RuntimeException | LinkageError e) {
            return new Unavailable(provider.getClass().getName(), 0, "its provider failed to describe itself: " + e, e);
        }
        try {
            EngineFactory factory = provider.load();
            if (factory == null) {
                return new Unavailable(name, priority, "its provider returned no factory", null);
            }
            return new Engine(name, priority, factory);
        } catch (Exception | LinkageError e) {
            return new Unavailable(name, priority, String.valueOf(e.getMessage() != null ? e.getMessage() : e), e);
        }
    }

    /** An engine that ServiceLoader found but that cannot run. */
    private static final class Unavailable implements EngineInfo {
        private final String name;
        private final int priority;
        private final String reason;
        private final Throwable cause;

        Unavailable(String name, int priority, String reason, Throwable cause) {
            this.name = name;
            this.priority = priority;
            this.reason = reason;
            this.cause = cause;
        }

        @Override public String name() { return name; }
        @Override public boolean isAvailable() { return false; }
        @Override public String unavailableReason() { return reason; }
        @Override public Throwable unavailableCause() { return cause; }
        @Override public Set<Capability> capabilities() { return Set.of(); }
        @Override public String version() { return "unknown"; }
        @Override public int priority() { return priority; }
        @Override public String toString() { return name + " (unavailable: " + reason + ")"; }
    }
}
