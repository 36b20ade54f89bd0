package org.libssl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * Finds engines with {@link ServiceLoader}. Discovery never throws: a provider that fails to load is listed by
 * {@link #all()} as unavailable, with the cause.
 *
 * <p>Finding is cheap and loading is lazy: at first use every provider is made and asked its name, priority and
 * SPI version, nothing more; an engine's TLS provider (and native library, if any) loads the first time that
 * engine is asked for, once. So {@code -Dlibssl4j.engine=jdk} loads the JDK engine alone.
 *
 * <p><b>The default engine</b> ({@link #getDefault()}) is the one named by {@value #ENGINE_PROPERTY}, else the
 * available engine with the highest priority. The engines shipped with libssl4j are ranked so that adding a jar
 * never changes the default silently: {@code jdk} (SunJSSE, part of every JDK, no native code) ranks first at
 * {@value #JDK_PRIORITY}, then {@code conscrypt} and {@code bc}; a third-party engine that should not take over
 * applications which merely have it on the class path ranks below {@value #JDK_PRIORITY}.
 */
public final class Engines {
    /** The system property that names the default engine, e.g. {@code -Dlibssl4j.engine=bc}. */
    public static final String ENGINE_PROPERTY = "libssl4j.engine";

    /** The priority of the {@code jdk} engine: engines below it never become the default while it is present. */
    public static final int JDK_PRIORITY = 100;

    private Engines() {
    }

    private static final class Holder {
        static final List<Candidate> FOUND = find(Engines.class.getClassLoader());
    }

    /**
     * Every engine found, available or not, in priority order (highest first). This loads every engine, to say
     * whether it is available; {@link #get} and {@link #getDefault} load only what they return. The first
     * available engine of the list is the default unless {@value #ENGINE_PROPERTY} names another (see the class).
     */
    public static List<EngineInfo> all() {
        return resolveAll(Holder.FOUND);
    }

    /** The available engines, in priority order (this loads every engine). */
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
     * The engine named {@code name}; only it is loaded.
     *
     * @throws IllegalArgumentException if there is none, or it is unavailable; the message lists what there is
     */
    public static Engine get(String name) {
        Objects.requireNonNull(name, "name");
        for (Candidate candidate : Holder.FOUND) {
            if (candidate.name.equals(name) && !candidate.duplicate) {
                EngineInfo info = candidate.info();
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
     * engine with the highest priority (see the class for how the shipped engines are ranked). Engines are
     * loaded in priority order until one is available.
     *
     * @throws IllegalStateException if no engine is available; the message lists what was found and why it was rejected
     */
    public static Engine getDefault() {
        String named = System.getProperty(ENGINE_PROPERTY);
        if (named != null && !named.isBlank()) {
            return get(named.trim());
        }
        for (Candidate candidate : Holder.FOUND) {
            EngineInfo info = candidate.info();
            if (info instanceof Engine) {
                return (Engine) info;
            }
        }
        throw new IllegalStateException("no libssl4j engine is available; put libssl4j-engine-jdk (or -bc, "
                + "-conscrypt) on the class path; " + describe());
    }

    /**
     * Loads an engine that is not registered with {@code ServiceLoader} (for dependency injection, or a test's
     * own engine). It is not added to {@link #all()}.
     *
     * @throws IllegalStateException if the provider cannot load; the cause is its failure
     */
    public static Engine load(EngineProvider provider) {
        EngineInfo info = Candidate.of(Objects.requireNonNull(provider, "provider")).info();
        if (info instanceof Engine) {
            return (Engine) info;
        }
        throw new IllegalStateException("libssl4j engine '" + info.name() + "' is unavailable: " + info.unavailableReason(),
                info.unavailableCause());
    }

    /** A one-line account of every engine found, for error messages (this loads every engine). */
    static String describe() {
        List<EngineInfo> all = all();
        if (all.isEmpty()) {
            return "ServiceLoader found no org.libssl4j.spi.EngineProvider";
        }
        return "found: " + all.stream()
                .map(i -> i.isAvailable() ? i.name() + " (available)" : i.name() + " (unavailable: " + i.unavailableReason() + ")")
                .collect(Collectors.joining(", "));
    }

    private static List<EngineInfo> resolveAll(List<Candidate> found) {
        List<EngineInfo> infos = new ArrayList<>(found.size());
        for (Candidate candidate : found) {
            infos.add(candidate.info());
        }
        return Collections.unmodifiableList(infos);
    }

    /**
     * Makes every provider visible to {@code loader} and asks its name and priority; loads none. Of two providers
     * with one name the first on the class path wins, as with classes; the other is listed unavailable.
     */
    private static List<Candidate> find(ClassLoader loader) {
        List<Candidate> found = new ArrayList<>();
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
                found.add(Candidate.unavailable("unloadable-provider-" + (++broken), 0,
                        "its EngineProvider could not be instantiated: " + e.getMessage(), e));
                continue;
            }
            Candidate candidate = Candidate.of(provider);
            for (Candidate earlier : found) {
                if (earlier.name.equals(candidate.name) && !earlier.duplicate) {
                    candidate = Candidate.duplicate(candidate.name, candidate.priority, "a second provider of the name '"
                            + candidate.name + "' (" + provider.getClass().getName() + "); the first on the class path, "
                            + earlier.providerName() + ", is the engine of that name");
                    break;
                }
            }
            found.add(candidate);
        }
        found.sort(Comparator.comparingInt((Candidate c) -> c.priority).reversed());
        return Collections.unmodifiableList(found);
    }

    /** A provider found, and what loading it gives: memoised, so an engine loads once. */
    private static final class Candidate {
        final String name;
        final int priority;
        final EngineProvider provider;
        /** A provider whose name an earlier one has: listed, never the engine of that name. */
        final boolean duplicate;
        private EngineInfo info;

        private Candidate(String name, int priority, EngineProvider provider, boolean duplicate, EngineInfo info) {
            this.name = name;
            this.priority = priority;
            this.provider = provider;
            this.duplicate = duplicate;
            this.info = info;
        }

        static Candidate unavailable(String name, int priority, String reason, Throwable cause) {
            return new Candidate(name, priority, null, false, new Unavailable(name, priority, reason, cause));
        }

        static Candidate duplicate(String name, int priority, String reason) {
            return new Candidate(name, priority, null, true, new Unavailable(name, priority, reason, null));
        }

        /** Asks the provider to describe itself; a provider built for another SPI is unavailable at once. */
        static Candidate of(EngineProvider provider) {
            String name;
            int priority;
            int spi;
            try {
                name = provider.name();
                priority = provider.priority();
            } catch (RuntimeException | LinkageError e) {
                return unavailable(provider.getClass().getName(), 0, "its provider failed to describe itself: " + e, e);
            }
            try {
                spi = provider.spiVersion();
            } catch (AbstractMethodError e) {
                return unavailable(name, priority, "built for an older libssl4j SPI (it has no spiVersion()); this "
                        + "libssl4j-api has SPI version " + EngineProvider.SPI_VERSION, e);
            } catch (RuntimeException | LinkageError e) {
                return unavailable(name, priority, "its provider failed to describe itself: " + e, e);
            }
            if (spi != EngineProvider.SPI_VERSION) {
                return unavailable(name, priority, "built for libssl4j SPI version " + spi + "; this libssl4j-api has SPI version "
                        + EngineProvider.SPI_VERSION, null);
            }
            return new Candidate(name, priority, provider, false, null);
        }

        String providerName() {
            return provider != null ? provider.getClass().getName() : "a provider that cannot run";
        }

        /** The engine, loading it the first time, or why it cannot run. Never throws. */
        synchronized EngineInfo info() {
            if (info == null) {
                info = load();
            }
            return info;
        }

        private EngineInfo load() {
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
