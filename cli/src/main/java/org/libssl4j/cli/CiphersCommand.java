package org.libssl4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.libssl4j.Engine;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j ciphers [-engine e] [-v] [cipherstring]}, as {@code openssl ciphers}: the suites a client of the
 * engine offers, in its order, OpenSSL's names joined by colons; with a cipher string, what it selects; {@code -v}
 * one line per suite with the lowest version, key exchange, authentication, encryption and MAC.
 */
@Command(name = "ciphers", mixinStandardHelpOptions = true,
        description = "List the cipher suites an engine offers, with OpenSSL's names.")
final class CiphersCommand implements Callable<Integer> {
    @Option(names = "-engine", paramLabel = "NAME", description = "the engine (default: the default engine)")
    String engine;

    @Option(names = "-v", description = "one line per suite: version, Kx, Au, Enc, Mac")
    boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "cipherstring", description = "OpenSSL cipher names, colon-separated (TLS 1.2)")
    String cipherString;

    @com.google.inject.Inject
    EngineChoice engines;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Engine e = engines.get(engine);
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, e)) {
            if (cipherString != null) {
                SslErrorQueue.clear();
                if (ctx.setCipherList(cipherString) != 1) {
                    throw new IllegalArgumentException("no cipher match in '" + cipherString + "' (" + SslErrorQueue.get() + ")");
                }
            }
            List<String> names = ctx.getCiphers();
            if (names.isEmpty()) {
                throw new IllegalStateException("engine " + e.name() + " did not say which suites it offers");
            }
            if (!verbose) {
                out.println(String.join(":", names));
                return 0;
            }
            for (String name : names) {
                out.println(org.libssl4j.SslCipher.description(name));
            }
            return 0;
        }
    }
}
