package org.libssl4j.cli;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.guice.Client;
import org.libssl4j.guice.Libssl4jModule;
import org.libssl4j.guice.Server;
import picocli.CommandLine.Option;

/**
 * The options {@code s_client} and {@code s_server} share, spelled as OpenSSL spells them. The context is made by
 * {@link Libssl4jModule} from the properties these options stand for ({@code -cert} is
 * {@code libssl4j.server.certFile}, and so on), so the command line and a Guice application configure a context
 * the one same way; its errors are reported under the option's name.
 */
final class TlsOptions {
    /** The module's property (after {@code libssl4j.client.} or {@code .server.}) for each option. */
    private static final Map<String, String> OPTION = Map.of("caFile", "-CAfile", "certFile", "-cert", "keyFile", "-key",
            "alpn", "-alpn", "minVersion", "-tls1_2/-tls1_3", "maxVersion", "-tls1_2/-tls1_3", "keyPass", "-pass");

    @Option(names = "-engine", paramLabel = "NAME", description = "the engine (default: the default engine)")
    String engine;

    @Option(names = "-CAfile", paramLabel = "FILE", description = "PEM certificates to trust")
    Path caFile;

    @Option(names = "-cert", paramLabel = "FILE", description = "this side's certificate chain, PEM")
    Path cert;

    @Option(names = "-key", paramLabel = "FILE", description = "this side's private key, PEM (default: in -cert)")
    Path key;

    @Option(names = "-pass", paramLabel = "ARG", description = "the key's password: pass:secret, env:VARIABLE or file:path")
    String pass;

    @Option(names = "-alpn", paramLabel = "LIST", description = "ALPN protocols, comma-separated, in preference order")
    String alpn;

    @Option(names = "-tls1_2", description = "TLS 1.2 only")
    boolean tls12;

    @Option(names = "-tls1_3", description = "TLS 1.3 only")
    boolean tls13;

    @Option(names = "-quiet", description = "no session summary")
    boolean quiet;

    /** A context of {@code method} with these options; a file that cannot be used is one clear exception. */
    SslCtx context(SslMethod method) {
        if (tls12 && tls13) {
            throw new IllegalArgumentException("-tls1_2 and -tls1_3 together: choose one");
        }
        if (key != null && cert == null) {
            throw new IllegalArgumentException("-key " + key + " without -cert");
        }
        boolean client = method == SslMethod.TLS_CLIENT;
        String prefix = client ? "libssl4j.client." : "libssl4j.server.";
        Properties p = new Properties();
        if (engine != null) {
            p.setProperty(Libssl4jModule.ENGINE, engine);
        }
        if (tls12 || tls13) {
            p.setProperty(prefix + "minVersion", tls12 ? "TLSv1.2" : "TLSv1.3");
            p.setProperty(prefix + "maxVersion", tls12 ? "TLSv1.2" : "TLSv1.3");
        }
        if (caFile != null) {
            p.setProperty(prefix + "caFile", readable(caFile, "-CAfile").toString());
        }
        if (cert != null) {
            p.setProperty(prefix + "certFile", readable(cert, "-cert").toString());
            p.setProperty(prefix + "keyFile", readable(key != null ? key : cert, "-key").toString());
        }
        if (alpn != null) {
            p.setProperty(prefix + "alpn", alpn);
        }
        if (pass != null) {
            p.setProperty(prefix + "keyPass", pass);
        }
        try {
            return Guice.createInjector(new Libssl4jModule(p)).getInstance(Key.get(SslCtx.class, client ? Client.class : Server.class));
        } catch (ProvisionException e) {
            throw underOptionNames(GuiceErrors.cause(e), prefix);
        }
    }

    /** The module's "libssl4j.server.certFile=f: why" as "cannot use -cert f: why". */
    private static RuntimeException underOptionNames(RuntimeException e, String prefix) {
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException && m != null && m.startsWith(prefix)) {
            int eq = m.indexOf('=');
            String option = OPTION.get(m.substring(prefix.length(), eq));
            if (option != null) {
                return new IllegalArgumentException("cannot use " + option + " " + m.substring(eq + 1), e);
            }
        }
        return e;
    }

    private static Path readable(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read " + option + " " + file + ": No such file");
        }
        return file;
    }
}
