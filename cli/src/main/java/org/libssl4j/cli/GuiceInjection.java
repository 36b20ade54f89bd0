package org.libssl4j.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import picocli.CommandLine;

/**
 * The commands' Guice wiring: an injector of {@code Libssl4jModule} (and any module the caller adds) fills the
 * {@code @Inject} members of the command about to run, so it gets the default engine and the engines by name that
 * the module binds, and an application's module can override them. The injector is made only then: picocli makes
 * every command up front, and {@code --help}, {@code --version} or a usage error need no engine at all (loading
 * them is most of a run's start-up).
 */
final class GuiceInjection implements CommandLine.IExecutionStrategy {
    private final Module[] modules;
    private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();
    private Injector injector;

    GuiceInjection(Module... modules) {
        this.modules = modules.clone();
    }

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        if (!helpRequested(parseResult)) {
            for (CommandLine cl : parseResult.asCommandLineList()) {
                if (wantsInjection(cl.getCommand())) {
                    injector().injectMembers(cl.getCommand());
                }
            }
        }
        return next.execute(parseResult);
    }

    private static boolean helpRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** True when the command has an {@code @Inject} field: {@code help}, say, has none and loads no engine. */
    private static boolean wantsInjection(Object command) {
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(com.google.inject.Inject.class) || f.isAnnotationPresent(jakarta.inject.Inject.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(modules);
        }
        return injector;
    }
}
