package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.SocketBio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.bio.BioPair;
import org.libssl4j.engine.bc.provider.BcProviders;
import org.libssl4j.engine.jdk.failures.JdkFailures;
import org.libssl4j.engine.jsse.ProbeIdentity;

/**
 * The published modules work on the module path, not only on the class path: api, bio, engine-jsse and the three
 * engines resolve as named modules, the API's {@code uses} finds each engine's {@code provides}, every engine
 * shakes hands (over bio's {@code BioPair}, and over sockets through api's {@code SocketBio}), the engines' exported
 * APIs are reachable, and no module exports more than it means to, to anyone in particular.
 */
class ModulePathTest {
    /** Our modules, as folders ({@code target/classes} in a reactor build) or jars of the local repository. */
    private static final String OWN = "api|bio|engine-jsse|engine-jdk|engine-bc|engine-conscrypt";
    /** What engine-bc and engine-conscrypt require: bcprov, bcutil, bctls, and Conscrypt's automatic module. */
    private static final String THIRD_PARTY = "(bcprov|bcutil|bctls)-jdk18on|conscrypt-openjdk-uber";
    private static final String[] ENGINES = {"jdk", "bc", "conscrypt"};

    /**
     * Run in a child JVM: the modules on the module path, this class on the class path, so it sees only what they
     * export. Prints what the parent checks; a failed handshake prints the error queue instead of "ok".
     */
    public static void main(String[] args) throws Exception {
        System.out.println("module " + Engines.class.getModule().getName());
        ModuleLayer.boot().modules().stream().filter(m -> m.getName().startsWith("org.libssl4j."))
                .sorted(Comparator.comparing(Module::getName))
                .forEach(m -> System.out.println("exports " + m.getName() + " " + m.getDescriptor().exports().stream()
                        .map(ModulePathTest::export).sorted().collect(Collectors.toList())));
        for (EngineInfo e : Engines.all()) {
            System.out.println("engine " + e.name() + " " + e.isAvailable());
        }
        java.util.ServiceLoader.load(org.libssl4j.spi.EngineProvider.class).stream()
                .forEach(p -> System.out.println("provider in " + p.type().getModule().getName()));

        ProbeIdentity id = ProbeIdentity.create();
        for (String engine : ENGINES) {
            boolean available = Engines.all().stream().anyMatch(e -> e.name().equals(engine) && e.isAvailable());
            System.out.println("pair " + engine + " " + (available ? overPair(engine, id) : "unavailable"));
        }
        System.out.println("socket jdk " + overSockets("jdk", id));
        System.out.println("JdkFailures " + (JdkFailures.map(new SSLException("(handshake_failure) no cipher suites in common"),
                false).reason() == SslReason.NO_SHARED_CIPHER));
        System.out.println("BcProviders " + BcProviders.newJsseProvider().getName());
    }

    private static String export(ModuleDescriptor.Exports e) {
        return e.isQualified() ? e.source() + " to " + e.targets() : e.source();
    }

    /** A client and a server of {@code engine} (the client checks nothing) over bio's {@code BioPair}. */
    private static String overPair(String engine, ProbeIdentity id) throws InterruptedException {
        SslCtx[] ctx = contexts(engine, id);
        BioPair pair = BioPair.create();
        Ssl client = ctx[0].newSsl();
        Ssl server = ctx[1].newSsl();
        client.setBio(pair.first(), pair.first());
        server.setBio(pair.second(), pair.second());
        return handshakeAndPing(client, server);
    }

    /**
     * The same over loopback sockets: the client through {@code Ssl.setChannel} ({@code SSL_set_fd}), the server
     * through a {@code SocketBio} of its own; both non-blocking.
     */
    private static String overSockets(String engine, ProbeIdentity id) throws Exception {
        SslCtx[] ctx = contexts(engine, id);
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel near = SocketChannel.open(listener.getLocalAddress());
                SocketChannel far = listener.accept()) {
            near.configureBlocking(false);
            far.configureBlocking(false);
            Ssl client = ctx[0].newSsl();
            client.setChannel(near);
            Ssl server = ctx[1].newSsl();
            SocketBio socket = SocketBio.of(far);
            server.setBio(socket, socket);
            String result = handshakeAndPing(client, server);
            return client.getChannel() == near && server.getChannel() == far ? result : "getChannel lost the channel";
        }
    }

    private static SslCtx[] contexts(String engine, ProbeIdentity id) {
        SslCtx server = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
        server.useCertificate(id.certificate());
        server.usePrivateKey(id.key());
        SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
        client.setVerify(SslVerify.NONE, null); // the probe's certificate is self-signed
        return new SslCtx[] {client, server};
    }

    /** Both handshakes, then "ping" from the client to the server: "ok" and the version, or what went wrong. */
    private static String handshakeAndPing(Ssl client, Ssl server) throws InterruptedException {
        client.setConnectState();
        server.setAcceptState();
        boolean clientDone = false;
        boolean serverDone = false;
        for (int i = 0; i < 1000 && !(clientDone && serverDone); i++) {
            clientDone = clientDone || client.doHandshake() == 1;
            serverDone = serverDone || server.doHandshake() == 1;
            Thread.sleep(clientDone && serverDone ? 0 : 1); // sockets: let the loopback deliver
        }
        if (!(clientDone && serverDone)) {
            return "no handshake: " + SslErrorQueue.get();
        }
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        if (client.write(ping) != ping.length) {
            return "write failed: " + SslErrorQueue.get();
        }
        byte[] got = new byte[16];
        int n = -1;
        for (int i = 0; i < 1000 && n <= 0; i++) {
            n = server.read(got, 0, got.length);
            Thread.sleep(n > 0 ? 0 : 1);
        }
        String text = n > 0 ? new String(got, 0, n, StandardCharsets.US_ASCII) : "";
        return text.equals("ping") ? "ok " + client.getVersion() : "read " + n + ": " + SslErrorQueue.get();
    }

    @Test
    @DisplayName("JPMS-1 on the module path every module resolves, ServiceLoader finds the three engines through "
            + "module-info provides/uses, each shakes hands, and no module exports an internal package")
    void modulePath() throws Exception {
        List<String> path = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.matches(".*libssl4j-(" + OWN + ")-[^" + File.separator + "]*\\.jar")
                        || p.matches(".*(" + OWN + ")" + File.separator + "target" + File.separator + "classes")
                        || p.matches(".*" + File.separator + "(" + THIRD_PARTY + ")-[^" + File.separator + "]*\\.jar"))
                .collect(Collectors.toList());
        assertThat(path).as("our six modules and the four jars they require, on the test class path").hasSize(10);
        String self = Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, path),
                "--add-modules", "ALL-MODULE-PATH",
                "-cp", self, ModulePathTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();

        assertThat(out).as(out).contains("module org.libssl4j.api")
                .contains("exports org.libssl4j.api [org.libssl4j, org.libssl4j.spi]")
                .contains("exports org.libssl4j.bio [org.libssl4j.bio]")
                .contains("exports org.libssl4j.engine.jsse [org.libssl4j.engine.jsse]")
                .contains("exports org.libssl4j.engine.jdk [org.libssl4j.engine.jdk.failures]")
                .contains("exports org.libssl4j.engine.bc [org.libssl4j.engine.bc.provider]")
                .contains("exports org.libssl4j.engine.conscrypt []")
                .doesNotContain(" to [")
                .contains("JdkFailures true", "BcProviders BCJSSE")
                .contains("socket jdk ok TLSv1.3");
        Set<String> required = new LinkedHashSet<>(List.of("jdk"));
        for (String name : System.getProperty("libssl4j.requireEngines", "").split(",")) {
            if (!name.isBlank()) {
                required.add(name.trim());
            }
        }
        for (String engine : ENGINES) {
            assertThat(out).as(out).contains("provider in org.libssl4j.engine." + engine);
            if (required.contains(engine)) {
                assertThat(out).as(out).contains("engine " + engine + " true").contains("pair " + engine + " ok TLSv1.3");
            } else {
                assertThat(out).as(out).containsPattern("pair " + engine + " (ok TLSv1.3|unavailable)");
            }
        }
    }
}
