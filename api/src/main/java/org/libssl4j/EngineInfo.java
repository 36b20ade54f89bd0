package org.libssl4j;

import java.util.Set;

/** What {@link Engines#all()} knows of one engine that {@code ServiceLoader} found, usable or not. */
public interface EngineInfo {
    /** The engine's name: {@code jdk}, {@code bc}, {@code conscrypt}, or a third party's. */
    String name();

    /** Whether the engine loaded and can make contexts. */
    boolean isAvailable();

    /** Why the engine cannot be used, or null when it is available. */
    String unavailableReason();

    /** The failure behind {@link #unavailableReason()}, or null. */
    Throwable unavailableCause();

    /** What the engine can do; empty when it is unavailable. */
    Set<Capability> capabilities();

    /** The version of the TLS provider behind the engine, or "unknown". */
    String version();

    /** The engine's priority; the highest available one is the default. */
    int priority();

    /** Whether the engine has {@code capability}. */
    default boolean has(Capability capability) {
        return capabilities().contains(capability);
    }
}
