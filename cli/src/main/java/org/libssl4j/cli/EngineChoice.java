package org.libssl4j.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libssl4j.Engine;
import org.libssl4j.Engines;

/** The engines Guice binds ({@code Libssl4jModule}): the default one, and every available one by name. */
final class EngineChoice {
    private final Provider<Engine> defaultEngine;
    private final Map<String, Engine> byName;

    @Inject
    EngineChoice(Provider<Engine> defaultEngine, Map<String, Engine> byName) {
        this.defaultEngine = defaultEngine;
        this.byName = byName;
    }

    /** The engine called {@code name}, or the default one when {@code name} is null. */
    Engine get(String name) {
        if (name == null) {
            return unwrapped(defaultEngine);
        }
        Engine e = byName.get(name);
        // Engines.get says why there is none by that name: not found (and which are), or unavailable and why.
        return e != null ? e : Engines.get(name);
    }

    /** The default engine's name, or null when there is none. */
    String defaultName() {
        try {
            return get(null).name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every available engine, highest priority first. */
    List<Engine> all() {
        return new ArrayList<>(byName.values());
    }

    /** The provider's own exception (an unknown or unavailable engine), not Guice's wrapper around it. */
    private static Engine unwrapped(Provider<Engine> p) {
        try {
            return p.get();
        } catch (com.google.inject.ProvisionException e) {
            throw GuiceErrors.cause(e);
        }
    }
}
