package org.libssl4j.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import picocli.CommandLine;

/**
 * picocli's factory, backed by Guice: the commands are made by an injector of {@code Libssl4jModule} (and any
 * module the caller adds), so they get the default engine and the engines by name that it binds, and an
 * application's module can override them.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final Module[] modules;
    private Injector injector;

    GuiceFactory(Module... modules) {
        this.modules = modules.clone();
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls.getName().startsWith("org.libssl4j.cli.")) {
            return injector().getInstance(cls);
        }
        return CommandLine.defaultFactory().create(cls);
    }

    /** Made on first use. */
    synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(modules);
        }
        return injector;
    }
}
