package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * Keys and certificates from files: traditional, PKCS#8, encrypted, DER (keys/make-keys.sh made them with the
 * openssl CLI, password "secret"), trust from a file and a hashed directory, and what bad input gives: the error
 * queue as libssl 3.0.19 fills it (a C program calling SSL_CTX_use_PrivateKey_file and printing ERR_get_error_all).
 */
class KeyFilesTest {
    @TempDir
    Path tmp;

    /** Where the key resources are copied: they may sit in a jar (the conformance kit, `compare`), not on disk. */
    private static Path keys;

    /** The key resource {@code name} as a file. */
    private static synchronized Path key(String name) {
        try {
            if (keys == null) {
                keys = Files.createTempDirectory("libssl4j-keys");
                Path dir = keys;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            Files.deleteIfExists(f);
                        }
                        Files.deleteIfExists(dir);
                    } catch (java.io.IOException ignored) {
                        // a temporary directory left behind
                    }
                }));
            }
            Path file = keys.resolve(name);
            if (!Files.exists(file)) {
                try (java.io.InputStream in = KeyFilesTest.class.getResourceAsStream("keys/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("no resource keys/" + name);
                    }
                    Files.copy(in, file);
                }
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> queue() {
        return SslErrorQueue.snapshot().stream().map(e -> e.library() + ":" + e.reasonString()).collect(Collectors.toList());
    }

    /** A server from files, a client that trusts its self-signed certificate by loadVerifyLocations; both finish. */
    private static void handshakes(String engine, String cert, SslCtx server) {
        SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
        assertThat(client.loadVerifyLocations(key(cert))).isEqualTo(1);
        client.setHostNameCheck(false); // the test certificates name no host
        try (client; server; TestPair p = TestPair.create(client, server, 0)) {
            Fixtures.Verdict v = Fixtures.verdict(p);
            assertThat(v.client).as(v.toString()).isEqualTo(1);
            assertThat(v.server).as(v.toString()).isEqualTo(1);
        }
    }

    private static SslCtx server(String engine, String cert, String keyFile, int type, String password) {
        SslCtx s = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
        if (password != null) {
            s.setDefaultPasswdCb(rw -> password.toCharArray());
        }
        assertThat(s.useCertificateChainFile(key(cert))).as(queue().toString()).isEqualTo(1);
        assertThat(s.usePrivateKeyFile(key(keyFile), type)).as(keyFile + " " + queue()).isEqualTo(1);
        assertThat(s.checkPrivateKey()).isEqualTo(1);
        return s;
    }

    @EngineTest
    @DisplayName("KEY-6 usePrivateKeyFile loads traditional RSA and EC keys, PEM and DER (FILETYPE_ASN1), those encrypted with Proc-Type/DEK-Info, and PKCS#8 ones; useCertificateChainFile, checkPrivateKey and loadVerifyLocations with them, and a handshake uses them")
    void keyFormats(String engine) {
        String[][] cases = {
            {"rsa-cert.pem", "rsa-trad.pem", "1", null},
            {"rsa-cert.pem", "rsa-trad.der", "2", null},
            {"rsa-cert.pem", "rsa-trad-aes256.pem", "1", "secret"},
            {"rsa-cert.pem", "rsa-trad-des3.pem", "1", "secret"},
            {"rsa-cert.pem", "rsa-pkcs8.pem", "1", null},
            {"rsa-cert.pem", "rsa-pkcs8.der", "2", null},
            {"rsa-cert.pem", "rsa-pkcs8-enc.pem", "1", "secret"},
            {"ec-cert.pem", "ec-trad.pem", "1", null},
            {"ec-cert.pem", "ec-trad.der", "2", null},
            {"ec-cert.pem", "ec-trad-aes128.pem", "1", "secret"},
            {"ec-cert.pem", "ec-pkcs8.pem", "1", null},
        };
        for (String[] c : cases) {
            SslErrorQueue.clear();
            handshakes(engine, c[0], server(engine, c[0], c[1], Integer.parseInt(c[2]), c[3]));
            assertThat(SslErrorQueue.peek()).as(c[1]).isNull();
        }
    }

    @EngineTest
    @DisplayName("KEY-6 a wrong password for a traditional encrypted key is 0 with libssl's three entries: provider bad decrypt, PEM bad decrypt, SSL PEM lib; the right password then loads it")
    void wrongPasswordTraditional(String engine) {
        try (SslCtx s = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            s.setDefaultPasswdCb(rw -> "wrong".toCharArray());
            for (String f : List.of("rsa-trad-aes256.pem", "rsa-trad-des3.pem", "ec-trad-aes128.pem")) {
                SslErrorQueue.clear();
                assertThat(s.usePrivateKeyFile(key(f), SslCtx.FILETYPE_PEM)).isEqualTo(0);
                assertThat(queue()).as(f).containsExactly(SslErrorEntry.LIB_PROV + ":bad decrypt",
                        SslErrorEntry.LIB_PEM + ":bad decrypt", SslErrorEntry.LIB_SSL + ":PEM lib");
                assertThat(SslErrorQueue.snapshot().get(1).reason()).isEqualTo(101);
            }
            s.setDefaultPasswdCb(rw -> "secret".toCharArray());
            SslErrorQueue.clear();
            assertThat(s.usePrivateKeyFile(key("ec-trad-aes128.pem"), SslCtx.FILETYPE_PEM)).isEqualTo(1);
        }
    }

    @EngineTest
    @DisplayName("KEY-8 a password callback that throws, or gives null, or none set: 0 with PEM bad password read then SSL PEM lib, the exception kept as the entry's cause, for traditional and PKCS#8 keys; nothing escapes")
    void callbackFailures(String engine) {
        RuntimeException boom = new IllegalStateException("no password today");
        try (SslCtx s = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            for (String f : List.of("rsa-trad-aes256.pem", "rsa-pkcs8-enc.pem")) {
                s.setDefaultPasswdCb(rw -> {
                    throw boom;
                });
                SslErrorQueue.clear();
                assertThat(s.usePrivateKeyFile(key(f), SslCtx.FILETYPE_PEM)).isEqualTo(0);
                assertThat(queue()).as(f).containsExactly(SslErrorEntry.LIB_PEM + ":bad password read", SslErrorEntry.LIB_SSL + ":PEM lib");
                assertThat(SslErrorQueue.snapshot().get(0).detail()).contains("password callback threw").contains("no password today");
                assertThat(SslErrorQueue.snapshot().get(0).cause()).isSameAs(boom);
                s.setDefaultPasswdCb(rw -> null);
                SslErrorQueue.clear();
                assertThat(s.usePrivateKeyFile(key(f), SslCtx.FILETYPE_PEM)).isEqualTo(0);
                assertThat(queue()).as(f).containsExactly(SslErrorEntry.LIB_PEM + ":bad password read", SslErrorEntry.LIB_SSL + ":PEM lib");
                s.setDefaultPasswdCb(null);
                SslErrorQueue.clear();
                assertThat(s.usePrivateKeyFile(key(f), SslCtx.FILETYPE_PEM)).isEqualTo(0);
                assertThat(queue()).as(f).containsExactly(SslErrorEntry.LIB_PEM + ":bad password read", SslErrorEntry.LIB_SSL + ":PEM lib");
            }
        }
    }

    @EngineTest
    @DisplayName("KEY-7 bad input is a return value and queue entries, never an exception: a missing file is system No such file or directory (usePrivateKeyFile, useCertificateChainFile, loadVerifyLocations); a PEM file read as FILETYPE_ASN1 or garbage DER is DECODER unsupported then SSL ASN1 lib; a key that is not the certificate's is key values mismatch")
    void badInput(String engine) throws Exception {
        try (SslCtx s = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            Path missing = tmp.resolve("missing.pem");
            assertThat(s.usePrivateKeyFile(missing, SslCtx.FILETYPE_PEM)).isEqualTo(0);
            assertThat(SslErrorQueue.peek().library()).isEqualTo(SslErrorEntry.LIB_SYS);
            assertThat(SslErrorQueue.peek().reasonString()).isEqualTo("No such file or directory");
            assertThat(SslErrorQueue.peek().detail()).contains("calling fopen(" + missing);
            SslErrorQueue.clear();
            assertThat(s.useCertificateChainFile(missing)).isEqualTo(0);
            assertThat(SslErrorQueue.peek().reasonString()).isEqualTo("No such file or directory");
            SslErrorQueue.clear();
            assertThat(s.loadVerifyLocations(missing, tmp)).isEqualTo(0);
            assertThat(SslErrorQueue.peek().reasonString()).isEqualTo("No such file or directory");
            SslErrorQueue.clear();

            assertThat(s.usePrivateKeyFile(key("rsa-trad.pem"), SslCtx.FILETYPE_ASN1)).isEqualTo(0);
            assertThat(queue()).containsExactly("60:unsupported", SslErrorEntry.LIB_SSL + ":ASN1 lib");
            SslErrorQueue.clear();
            Path garbage = Files.write(tmp.resolve("garbage.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
            assertThat(s.usePrivateKeyFile(garbage, SslCtx.FILETYPE_ASN1)).isEqualTo(0);
            assertThat(queue()).containsExactly("60:unsupported", SslErrorEntry.LIB_SSL + ":ASN1 lib");
            SslErrorQueue.clear();
            Path badPem = Files.writeString(tmp.resolve("bad.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
            assertThat(s.usePrivateKeyFile(badPem, SslCtx.FILETYPE_PEM)).isEqualTo(0);
            assertThat(queue()).containsExactly("60:unsupported", SslErrorEntry.LIB_SSL + ":PEM lib");
            SslErrorQueue.clear();

            assertThat(s.useCertificateChainFile(key("rsa-cert.pem"))).isEqualTo(1);
            assertThat(s.usePrivateKeyFile(key("rsa-trad.pem"), SslCtx.FILETYPE_PEM)).isEqualTo(1);
            SslErrorQueue.clear();
            // another RSA key: TestCerts' server key, written as PKCS#8
            Path other = TestCerts.serverRsa().writePem(tmp).privateKey();
            assertThat(s.usePrivateKeyFile(other, SslCtx.FILETYPE_PEM)).isEqualTo(0);
            assertThat(queue()).containsExactly(SslErrorEntry.LIB_X509 + ":key values mismatch");
            assertThat(s.checkPrivateKey()).as("the key set before stays").isEqualTo(1);
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl not found: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    @EngineTest
    @DisplayName("VERIFY-7 loadVerifyLocations(null, dir) trusts the CA in a directory hashed by openssl rehash: the client verifies the server; an empty directory trusts nothing (verify error 20); a directory that does not exist is 1, as in libssl; null, null is 0 with an empty queue")
    void hashedDirectory(String engine) throws Exception {
        Path hashed = Files.createDirectory(tmp.resolve("hashed"));
        Files.copy(TestCerts.ca().writePem(tmp).certificateChain(), hashed.resolve("ca.pem"));
        openssl(hashed, "rehash", ".");
        assertThat(Files.list(hashed).map(f -> f.getFileName().toString())).anyMatch(n -> n.matches("[0-9a-f]{8}\\.0"));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        for (Path dir : List.of(hashed, empty)) {
            SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
            assertThat(client.loadVerifyLocations(null, dir)).isEqualTo(1);
            try (client; SslCtx server = TestContexts.server(engine).build(); TestPair p = TestPair.create(client, server, 0)) {
                Fixtures.Verdict v = Fixtures.verdict(p);
                if (dir == hashed) {
                    assertThat(v.client).as(v.toString()).isEqualTo(1);
                } else {
                    assertThat(v.client).as(v.toString()).isEqualTo(-1);
                    assertThat(v.clientError.reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
                    assertThat(v.clientError.detail()).contains("num=20");
                }
            }
        }
        try (SslCtx c = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            SslErrorQueue.clear();
            assertThat(c.loadVerifyLocations(null, tmp.resolve("does-not-exist"))).isEqualTo(1);
            assertThat(c.loadVerifyLocations(null, null)).isEqualTo(0);
            assertThat(SslErrorQueue.peek()).isNull();
            assertThat(c.getVerifyMode()).isEqualTo(SslVerify.PEER);
        }
    }
}
