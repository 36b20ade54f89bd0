package org.libssl4j.spi;

import java.util.Set;
import org.libssl4j.Capability;

/** A loaded engine: says what it can do and makes contexts. */
public interface EngineFactory {
    /** The version of the TLS provider, e.g. "SunJSSE 17.0.15". */
    String version();

    /** What the engine can do, answered truthfully: tests skip on what is missing. */
    Set<Capability> capabilities();

    /**
     * Makes the engine's counterpart of one {@code SSL_CTX} configuration.
     *
     * @throws EngineException if the configuration cannot be applied (a key that does not match, say)
     */
    EngineContext newContext(ContextConfig config) throws EngineException;
}
