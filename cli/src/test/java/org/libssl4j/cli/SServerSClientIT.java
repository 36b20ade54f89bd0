package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.cli.EnginesCommandIT.jar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.libssl4j.cli.EnginesCommandIT.Run;

/**
 * {@code s_server} and {@code s_client} as processes, against real peers: curl and {@code openssl s_client} against
 * our {@code s_server -www}; our {@code s_client} against {@code openssl s_server -rev}; and the bad input a user
 * meets (missing files, ports in use or out of range, refused connections, failed verification).
 */
class SServerSClientIT {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void certificate() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterEach
    void reap() {
        started.forEach(Process::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts a process and waits until a line of its standard output contains {@code ready}. */
    private Process start(String ready, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < end && (line = r.readLine()) != null) {
            if (line.contains(ready)) {
                return p;
            }
        }
        throw new AssertionError(String.join(" ", command) + " never printed " + ready);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String cliJar() {
        return System.getProperty("libssl4j.cliJar", "target/libssl4j.jar");
    }

    private static Run run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"jdk", "bc", "conscrypt"})
    void curlAndOpensslAgainstOurServerWhichSurvivesABadClient(String engine) throws Exception {
        int port = freePort();
        start("ACCEPT", java(), "-jar", cliJar(), "s_server", "-accept", "127.0.0.1:" + port, "-cert", cert.toString(),
                "-key", key.toString(), "-www", "-engine", engine, "-naccept", "3");
        try (Socket garbage = new Socket("127.0.0.1", port)) {
            garbage.getOutputStream().write("not TLS at all\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                garbage.getInputStream().read(); // the server drops it
            } catch (java.net.SocketException reset) {
                // dropped with a reset: as good as a close
            }
        }
        Run curl = run(List.of("curl", "-sS", "--max-time", "30", "--cacert", cert.toString(), "https://localhost:" + port + "/"), "");
        assertThat(curl.exit()).as(curl.err()).isZero();
        assertThat(curl.out()).contains("libssl4j s_server").contains("Protocol: TLSv1.3").contains("Engine: " + engine);
        Run openssl = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost",
                "-CAfile", cert.toString(), "-tls1_2", "-ign_eof"), "GET / HTTP/1.0\r\n\r\n");
        assertThat(openssl.out()).contains("Verify return code: 0 (ok)").contains("Protocol: TLSv1.2").contains("Engine: " + engine);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"jdk", "bc", "conscrypt"})
    void ourClientAgainstOpensslServer(String engine) throws Exception {
        int port = freePort();
        start("ACCEPT", "openssl", "s_server", "-accept", String.valueOf(port), "-cert", cert.toString(), "-key",
                key.toString(), "-rev", "-naccept", "1");
        Run r = run(List.of(java(), "-jar", cliJar(), "s_client", "-connect", "localhost:" + port, "-CAfile", cert.toString(),
                "-engine", engine), "hello world\n");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("CONNECTED").contains(" 0 s:CN=localhost").contains("New, TLSv1.3, Cipher is ")
                .contains("Verify return code: 0 (ok)").contains("dlrow olleh").contains("DONE");
    }

    /**
     * {@code -reconnect}: five more connections with the same context, each saying whether the session was reused,
     * which must be what {@code openssl s_server} says ("Reused session-id"); {@code -msg}: the records on the wire.
     */
    @ParameterizedTest(name = "[{0} {1}]")
    @CsvSource({"jdk,-tls1_2", "jdk,-tls1_3", "bc,-tls1_2", "bc,-tls1_3", "conscrypt,-tls1_2", "conscrypt,-tls1_3"})
    void reconnectSaysWhatTheServerSaysAndMsgShowsTheRecords(String engine, String version) throws Exception {
        int port = freePort();
        Path serverOut = dir.resolve("s_server-" + engine + version + ".out");
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", String.valueOf(port), "-cert", cert.toString(),
                "-key", key.toString(), version).redirectOutput(serverOut.toFile()).redirectErrorStream(true).start();
        started.add(server);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(serverOut) && Files.readString(serverOut).contains("ACCEPT"))) {
            assertThat(System.nanoTime()).as("openssl s_server started").isLessThan(end);
            Thread.sleep(50);
        }
        Run r = run(List.of(java(), "-jar", cliJar(), "s_client", "-connect", "localhost:" + port, "-CAfile", cert.toString(),
                "-engine", engine, "-reconnect", "-msg", version), "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().split("drop connection and then reconnect", -1)).hasSize(SClientCommand.RECONNECTS + 1);
        String protocol = version.equals("-tls1_2") ? "TLSv1.2" : "TLSv1.3";
        long ours = r.out().lines().filter(l -> l.startsWith("Reused, " + protocol + ", Cipher is ")).count();
        long news = r.out().lines().filter(l -> l.startsWith("New, " + protocol + ", Cipher is ")).count();
        assertThat(ours + news).isEqualTo(SClientCommand.RECONNECTS + 1);
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
        long theirs = Files.readString(serverOut).lines().filter(l -> l.contains("Reused session-id")).count();
        assertThat(ours).as("connections resumed, as s_client -reconnect says and as openssl s_server says").isEqualTo(theirs);
        // SESS-3: every reconnection offers the previous session (setSession); bctls resumes no TLS 1.3 session
        if (!(engine.equals("bc") && protocol.equals("TLSv1.3"))) {
            assertThat(ours).as("%s resumes", engine).isEqualTo(SClientCommand.RECONNECTS);
        }
        // -msg: the client's hello, the server's, and for TLS 1.2 the switch to encryption
        assertThat(r.out()).containsPattern(">>> TLS 1\\.[0-2] record \\[length [0-9a-f]{4}\\], Handshake: ClientHello")
                .containsPattern("<<< TLS 1\\.2 record \\[length [0-9a-f]{4}\\], Handshake: ServerHello");
        if (version.equals("-tls1_2")) {
            assertThat(r.out()).contains("record [length 0001], ChangeCipherSpec").contains("Handshake (encrypted)");
        } else {
            assertThat(r.out()).contains("<<< TLS 1.2 record [length ").contains("ApplicationData");
        }
    }

    @Test
    void aServerThatDoesNotVerifyIsReportedOrRefused() throws Exception {
        int port = freePort();
        start("ACCEPT", "openssl", "s_server", "-accept", String.valueOf(port), "-cert", cert.toString(), "-key",
                key.toString(), "-rev", "-naccept", "2");
        Run lenient = run(List.of(java(), "-jar", cliJar(), "s_client", "-connect", "localhost:" + port), "x\n");
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("Verify return code: 20 (unable to get local issuer certificate");
        Run strict = run(List.of(java(), "-jar", cliJar(), "s_client", "-connect", "localhost:" + port, "-verify_return_error"), "x\n");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err().trim()).startsWith("s_client: handshake with localhost:" + port + " failed: SSL")
                .contains("certificate verify failed").doesNotContain("\tat ");
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() throws Exception {
        Run missing = jar("s_server", "-accept", "0", "-cert", dir.resolve("nope.pem").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().trim()).isEqualTo("s_server: cannot read -cert " + dir.resolve("nope.pem") + ": No such file");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        Run bad = jar("s_server", "-accept", "0", "-cert", garbage.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().trim()).startsWith("s_server: cannot use -cert " + garbage + ": ");
        assertThat(bad.err().lines().count()).isEqualTo(1);
        Run range = jar("s_server", "-accept", "70000", "-cert", cert.toString(), "-key", key.toString());
        assertThat(range.exit()).isEqualTo(1);
        assertThat(range.err().trim()).isEqualTo("s_server: port out of range (0..65535): 70000");
        try (ServerSocket busy = new ServerSocket(0)) {
            Run inUse = jar("s_server", "-accept", String.valueOf(busy.getLocalPort()), "-cert", cert.toString(), "-key", key.toString());
            assertThat(inUse.exit()).isEqualTo(1);
            assertThat(inUse.err().trim()).startsWith("s_server: cannot listen on " + busy.getLocalPort() + ": ");
        }
        Run refused = jar("s_client", "-connect", "127.0.0.1:" + freePort());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().trim()).startsWith("s_client: cannot connect to 127.0.0.1:").contains("Connection refused");
        Run usage = jar("s_client");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required option: '-connect=HOST:PORT'");
    }

    /** {@code -pass}: an encrypted key (as {@code openssl pkcs8 -topk8} writes it) with its password, or a wrong one. */
    @Test
    void anEncryptedKeyServesWithItsPasswordAndAWrongOneIsOneLine() throws Exception {
        Path encrypted = dir.resolve("encrypted-key.pem");
        Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(),
                "-passout", "pass:s3cret", "-v2", "aes-256-cbc").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Path passFile = Files.writeString(dir.resolve("pass.txt"), "s3cret\n");

        Run wrong = jar("s_server", "-accept", "0", "-cert", cert.toString(), "-key", encrypted.toString(), "-pass", "pass:wrong");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err().trim()).startsWith("s_server: cannot use -key " + encrypted + ": error:1C800064:Provider routines::bad decrypt")
                .contains("maybe wrong password").doesNotContain("\n");
        Run none = jar("s_server", "-accept", "0", "-cert", cert.toString(), "-key", encrypted.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().trim()).startsWith("s_server: cannot use -key " + encrypted + ": error:04800068:PEM routines::bad password read");
        Run badSource = jar("s_server", "-accept", "0", "-cert", cert.toString(), "-key", encrypted.toString(), "-pass", "env:LIBSSL4J_NO_SUCH_VARIABLE");
        assertThat(badSource.exit()).isEqualTo(1);
        assertThat(badSource.err().trim()).isEqualTo("s_server: cannot use -pass env:LIBSSL4J_NO_SUCH_VARIABLE: no environment variable LIBSSL4J_NO_SUCH_VARIABLE");

        int port = freePort();
        start("ACCEPT", java(), "-jar", cliJar(), "s_server", "-accept", String.valueOf(port), "-cert", cert.toString(), "-key",
                encrypted.toString(), "-pass", "file:" + passFile, "-naccept", "1");
        Run client = run(List.of("openssl", "s_client", "-connect", "localhost:" + port, "-CAfile", cert.toString(), "-verify_return_error"), "x\n");
        assertThat(client.out()).as(client.err()).contains("Verify return code: 0 (ok)");
    }
}
