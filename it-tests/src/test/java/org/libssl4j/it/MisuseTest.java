package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;

/**
 * Misuse answered as libssl answers it (issue 12, item 13): a key that does not match the certificate, a malformed
 * PEM file, a call of the wrong method, a handshake before the BIO is set. Every expectation here was observed on
 * libssl 3.0.19 by a C program calling the same functions (the report of issue 12, item 13).
 */
class MisuseTest {
    @TempDir
    Path dir;

    private static PrivateKey otherRsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair().getPrivate();
    }

    private static PrivateKey otherEcKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair().getPrivate();
    }

    private Path pemKey(String name, PrivateKey key) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return p;
    }

    private static void assertOnly(int library, int reason, String text) {
        List<SslErrorEntry> q = SslErrorQueue.snapshot();
        assertThat(q).as("queue").hasSize(1);
        assertThat(q.get(0).library()).as("library of %s", q).isEqualTo(library);
        assertThat(q.get(0).reason()).as("reason of %s", q).isEqualTo(reason);
        assertThat(q.get(0).reasonString()).isEqualTo(text);
        SslErrorQueue.clear();
    }

    private static void assertEntries(List<SslErrorEntry> q, int lib0, int reason0, String text0, int lib1, int reason1, String text1) {
        assertThat(q).as("queue").hasSize(2);
        assertThat(q.get(0).library()).as("first of %s", q).isEqualTo(lib0);
        assertThat(q.get(0).reason()).as("first of %s", q).isEqualTo(reason0);
        assertThat(q.get(0).reasonString()).isEqualTo(text0);
        assertThat(q.get(1).library()).as("second of %s", q).isEqualTo(lib1);
        assertThat(q.get(1).reason()).as("second of %s", q).isEqualTo(reason1);
        assertThat(q.get(1).reasonString()).isEqualTo(text1);
    }

    @EngineTest
    @DisplayName("KEY-3 a private key that does not match the certificate is 0 with X509 \"key values mismatch\" (116), from usePrivateKey and usePrivateKeyFile, RSA and EC; one of another type is 0 with \"key type mismatch\" (115, D3); the matching key is kept")
    void mismatchedKeyIsRefused(String engine) throws Exception {
        for (TestIdentity id : new TestIdentity[] {TestCerts.serverRsa(), TestCerts.serverEc()}) {
            boolean rsa = id.privateKey().getAlgorithm().equals("RSA");
            PrivateKey sameType = rsa ? otherRsaKey() : otherEcKey();
            PrivateKey otherType = rsa ? otherEcKey() : otherRsaKey();
            try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
                assertThat(ctx.useCertificate(id.certificate())).isEqualTo(1);
                assertThat(ctx.usePrivateKey(id.privateKey())).isEqualTo(1);
                assertThat(SslErrorQueue.snapshot()).isEmpty();

                assertThat(ctx.usePrivateKey(sameType)).as("%s: another key", id).isZero();
                assertOnly(SslErrorEntry.LIB_X509, 116, "key values mismatch");
                assertThat(ctx.usePrivateKeyFile(pemKey("same.pem", sameType), SslCtx.FILETYPE_PEM)).as("%s: file", id).isZero();
                assertOnly(SslErrorEntry.LIB_X509, 116, "key values mismatch");
                assertThat(ctx.usePrivateKey(otherType)).as("%s: a key of another type", id).isZero();
                assertOnly(SslErrorEntry.LIB_X509, 115, "key type mismatch");

                assertThat(ctx.checkPrivateKey()).as("%s: the matching key stays", id).isEqualTo(1);
                assertThat(SslErrorQueue.snapshot()).isEmpty();
            }
        }
    }

    @EngineTest
    @DisplayName("KEY-4 a certificate set after a key it does not match is taken (1) and the key is dropped: checkPrivateKey is then 0 with \"no private key assigned\"; a matching certificate keeps the key; either way the error queue is cleared, as ssl_set_cert does")
    void certificateAfterMismatchedKeyDropsTheKey(String engine) throws Exception {
        TestIdentity id = TestCerts.serverRsa();
        TestCerts.serverEc(); // load both before the first assertion
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            assertThat(ctx.checkPrivateKey()).isZero();
            assertOnly(SslErrorEntry.LIB_SSL, SslReason.NO_CERTIFICATE_ASSIGNED, "no certificate assigned");
            assertThat(ctx.usePrivateKey(otherRsaKey())).isEqualTo(1);
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.BAD_LENGTH, "stale");
            assertThat(ctx.useCertificate(id.certificate())).isEqualTo(1);
            assertThat(SslErrorQueue.snapshot()).as("ERR_clear_error in ssl_set_cert").isEmpty();
            assertThat(ctx.checkPrivateKey()).isZero();
            assertOnly(SslErrorEntry.LIB_SSL, SslReason.NO_PRIVATE_KEY_ASSIGNED, "no private key assigned");
        }
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            TestIdentity.PemFiles files = id.writePem(dir);
            assertThat(ctx.usePrivateKey(id.privateKey())).isEqualTo(1);
            assertThat(ctx.useCertificateChainFile(files.certificateChain())).isEqualTo(1);
            assertThat(ctx.checkPrivateKey()).isEqualTo(1);
            assertThat(ctx.usePrivateKey(otherEcKey())).isZero();
            assertOnly(SslErrorEntry.LIB_X509, 115, "key type mismatch");
            assertThat(ctx.useCertificate(TestCerts.serverEc().certificate())).isEqualTo(1);
            assertThat(ctx.checkPrivateKey()).isZero();
            assertOnly(SslErrorEntry.LIB_SSL, SslReason.NO_PRIVATE_KEY_ASSIGNED, "no private key assigned");
        }
    }

    @EngineTest
    @DisplayName("KEY-5 a malformed PEM file is 0 with libssl's PEM reasons: no start line (PEM 108) or bad base64 decode (PEM 100), then \"PEM lib\"; loadVerifyLocations says \"no certificate or crl found\" (X509 136) for no start line; a key file that is no key is DECODER \"unsupported\" then \"PEM lib\"; a missing file stays \"No such file or directory\"")
    void malformedPemFiles(String engine) throws Exception {
        Path noStart = dir.resolve("nostart.pem");
        Files.writeString(noStart, "garbage\n");
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        Path badBase64 = dir.resolve("badb64.pem");
        Files.writeString(badBase64, "-----BEGIN CERTIFICATE-----\n@@@@!!!!\n-----END CERTIFICATE-----\n");
        Path missing = dir.resolve("missing.pem");
        int pemLib = SslReason.PEM_LIB;
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            for (Path f : new Path[] {noStart, empty}) {
                assertThat(ctx.useCertificateChainFile(f)).isZero();
                assertEntries(SslErrorQueue.snapshot(), SslErrorEntry.LIB_PEM, 108, "no start line", SslErrorEntry.LIB_SSL, pemLib, "PEM lib");
                SslErrorQueue.clear();
                assertThat(ctx.loadVerifyLocations(f)).isZero();
                assertOnly(SslErrorEntry.LIB_X509, 136, "no certificate or crl found");
                assertThat(ctx.usePrivateKeyFile(f, SslCtx.FILETYPE_PEM)).isZero();
                assertEntries(SslErrorQueue.snapshot(), 60, 0x8010C, "unsupported", SslErrorEntry.LIB_SSL, pemLib, "PEM lib");
                SslErrorQueue.clear();
            }
            assertThat(ctx.useCertificateChainFile(badBase64)).isZero();
            assertEntries(SslErrorQueue.snapshot(), SslErrorEntry.LIB_PEM, 100, "bad base64 decode", SslErrorEntry.LIB_SSL, pemLib, "PEM lib");
            SslErrorQueue.clear();
            assertThat(ctx.loadVerifyLocations(badBase64)).isZero();
            assertEntries(SslErrorQueue.snapshot(), SslErrorEntry.LIB_PEM, 100, "bad base64 decode", SslErrorEntry.LIB_X509, pemLib, "PEM lib");
            SslErrorQueue.clear();
            assertThat(ctx.usePrivateKeyFile(badBase64, SslCtx.FILETYPE_PEM)).isZero();
            assertEntries(SslErrorQueue.snapshot(), 60, 0x8010C, "unsupported", SslErrorEntry.LIB_SSL, pemLib, "PEM lib");
            SslErrorQueue.clear();

            assertThat(ctx.useCertificateChainFile(missing)).isZero();
            assertThat(SslErrorQueue.snapshot().get(0).reasonString()).isEqualTo("No such file or directory");
            SslErrorQueue.clear();
            assertThat(ctx.loadVerifyLocations(missing)).isZero();
            assertThat(SslErrorQueue.snapshot().get(0).reasonString()).isEqualTo("No such file or directory");
            SslErrorQueue.clear();
            assertThat(ctx.usePrivateKeyFile(missing, SslCtx.FILETYPE_PEM)).isZero();
            assertThat(SslErrorQueue.snapshot().get(0).reasonString()).isEqualTo("No such file or directory");
            SslErrorQueue.clear();
        }
    }

    @EngineTest
    @DisplayName("MISUSE-1 connect() on a TLS_SERVER connection and accept() on a TLS_CLIENT one return 0, SSL_ERROR_SSL, \"called a function you should not call\"; so do connect, accept and doHandshake after it, until setConnectState/setAcceptState")
    void wrongMethod(String engine) {
        for (SslMethod method : new SslMethod[] {SslMethod.TLS_SERVER, SslMethod.TLS_CLIENT}) {
            try (SslCtx ctx = SslCtx.newCtx(method, engine); Ssl ssl = ctx.newSsl()) {
                MemBio in = MemBio.create();
                MemBio out = MemBio.create();
                ssl.setBio(in, out);
                int r = method == SslMethod.TLS_SERVER ? ssl.connect() : ssl.accept();
                assertThat(r).as(method.toString()).isZero();
                assertThat(ssl.getError(r)).isEqualTo(SslError.SSL);
                assertOnly(SslErrorEntry.LIB_SSL, SslReason.SHOULD_NOT_HAVE_BEEN_CALLED, "called a function you should not call");
                // handshake_func is ssl_undefined_function now: every handshake call fails so ...
                for (int i = 0; i < 3; i++) {
                    r = i == 0 ? ssl.connect() : i == 1 ? ssl.accept() : ssl.doHandshake();
                    assertThat(r).as("call %d", i).isZero();
                    assertOnly(SslErrorEntry.LIB_SSL, SslReason.SHOULD_NOT_HAVE_BEEN_CALLED, "called a function you should not call");
                }
                // ... until the side is set
                if (method == SslMethod.TLS_CLIENT) {
                    ssl.setConnectState();
                    r = ssl.connect();
                    assertThat(r).isEqualTo(-1);
                    assertThat(ssl.getError(r)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                    assertThat(out.pending()).as("the ClientHello").isPositive();
                } else {
                    ssl.setAcceptState();
                    r = ssl.accept();
                    assertThat(r).isEqualTo(-1);
                    assertThat(ssl.getError(r)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                }
            }
        }
    }

    @EngineTest
    @DisplayName("MISUSE-2 a handshake before setBio returns -1 with SSL_ERROR_SYSCALL and an empty queue, and is not fatal: once the BIO is set the same call sends the ClientHello and returns WANT_READ")
    void handshakeBeforeSetBio(String engine) {
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine); Ssl ssl = ctx.newSsl()) {
            ssl.setConnectState();
            int r = ssl.doHandshake();
            assertThat(r).isEqualTo(-1);
            assertThat(ssl.getError(r)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.SYSCALL);
            assertThat(SslErrorQueue.snapshot()).isEmpty();
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            ssl.setBio(in, out);
            r = ssl.doHandshake();
            assertThat(r).isEqualTo(-1);
            assertThat(ssl.getError(r)).as("queue %s", SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
            assertThat(out.pending()).as("the ClientHello").isPositive();
        }
    }
}
