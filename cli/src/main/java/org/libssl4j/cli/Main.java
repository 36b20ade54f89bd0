package org.libssl4j.cli;

import java.io.PrintWriter;
import org.libssl4j.guice.Libssl4jModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code libssl4j} command, spelled like OpenSSL's: {@code libssl4j engines -v}. Exit codes: 0 when the
 * command did its job, 1 when it failed (one line on standard error naming the problem; {@code -debug} adds the
 * stack trace), 2 on a usage error.
 */
@Command(name = "libssl4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "OpenSSL's libssl programming model on the JVM's TLS engines.",
        subcommands = {EnginesCommand.class, CiphersCommand.class, SClientCommand.class, SServerCommand.class, SpeedCommand.class, org.libssl4j.cli.compare.CompareCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static {
        // Guice 7 defines classes through sun.misc.Unsafe, and Java 24+ warns of it on standard error; the commands
        // need none of its bytecode generation (no AOP), so it is off unless the caller set it.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    /** Exit code of a command that could not do its job. */
    public static final int FAILED = 1;
    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    @Option(names = "-debug", description = "print the stack trace of a failure", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output and error streams; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new Libssl4jModule());
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, the commands made by an injector of {@code modules}
     * (which must bind what {@link Libssl4jModule} binds; {@code Modules.override} changes a binding).
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, com.google.inject.Module... modules) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(new GuiceInjection(modules));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> FAILED);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(e.getCommandLine().getCommandName() + ": " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println(commandLine.getCommandName() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (main.debug) {
                e.printStackTrace(err);
            }
            return FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        // No subcommand: say what there is, as `openssl` with no command does.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version line of {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"libssl4j " + (v != null ? v : "(development build)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
