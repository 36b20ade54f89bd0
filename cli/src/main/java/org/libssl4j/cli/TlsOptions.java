package org.libssl4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVersion;
import picocli.CommandLine.Option;

/** The options {@code s_client} and {@code s_server} share, spelled as OpenSSL spells them, and the context they make. */
final class TlsOptions {
    @Option(names = "-engine", paramLabel = "NAME", description = "the engine (default: the default engine)")
    String engine;

    @Option(names = "-CAfile", paramLabel = "FILE", description = "PEM certificates to trust")
    Path caFile;

    @Option(names = "-cert", paramLabel = "FILE", description = "this side's certificate chain, PEM")
    Path cert;

    @Option(names = "-key", paramLabel = "FILE", description = "this side's private key, PEM (default: in -cert)")
    Path key;

    @Option(names = "-alpn", paramLabel = "LIST", description = "ALPN protocols, comma-separated, in preference order")
    String alpn;

    @Option(names = "-tls1_2", description = "TLS 1.2 only")
    boolean tls12;

    @Option(names = "-tls1_3", description = "TLS 1.3 only")
    boolean tls13;

    @Option(names = "-quiet", description = "no session summary")
    boolean quiet;

    Engine engine() {
        return engine != null ? Engines.get(engine) : Engines.getDefault();
    }

    /** A context of {@code method} with these options; a file that cannot be used is one clear exception. */
    SslCtx context(SslMethod method) {
        SslCtx ctx = SslCtx.newCtx(method, engine());
        try {
            if (tls12 && tls13) {
                throw new IllegalArgumentException("-tls1_2 and -tls1_3 together: choose one");
            }
            if (tls12 || tls13) {
                int v = tls12 ? SslVersion.TLS1_2_VERSION : SslVersion.TLS1_3_VERSION;
                ctx.setMinProtoVersion(v);
                ctx.setMaxProtoVersion(v);
            }
            if (caFile != null) {
                check(ctx.loadVerifyLocations(readable(caFile, "-CAfile")), "-CAfile", caFile);
            }
            if (cert != null) {
                check(ctx.useCertificateChainFile(readable(cert, "-cert")), "-cert", cert);
                Path k = key != null ? key : cert;
                check(ctx.usePrivateKeyFile(readable(k, "-key"), SslCtx.FILETYPE_PEM), "-key", k);
            } else if (key != null) {
                throw new IllegalArgumentException("-key " + key + " without -cert");
            }
            if (alpn != null) {
                ctx.setAlpnProtos(Arrays.asList(alpn.split(",")));
            }
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    private static Path readable(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read " + option + " " + file + ": No such file");
        }
        return file;
    }

    private static void check(int result, String option, Path file) {
        if (result != 1) {
            String why = SslErrorQueue.isEmpty() ? "not usable" : SslErrorQueue.get().toString();
            SslErrorQueue.clear();
            throw new IllegalArgumentException("cannot use " + option + " " + file + ": " + why);
        }
    }
}
