package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

/**
 * Encrypted private keys as the openssl tool writes them ({@code openssl pkcs8 -topk8}), read by
 * {@code SSL_CTX_use_PrivateKey_file} with the password from {@code SSL_CTX_set_default_passwd_cb} (KEY-n).
 */
class OpenSslEncryptedKeyTest extends OpenSslTestBase {
    private static final String PASSWORD = "correct horse";

    @TempDir
    static Path dir;
    static TestIdentity.PemFiles files;
    static Path pbes2;
    static Path pbes2Der;
    static Path legacy;

    @BeforeAll
    static void encrypt() throws Exception {
        files = TestCerts.serverEc().writePem(dir);
        pbes2 = pkcs8("pbes2.pem", "PEM", "-v2", "aes-256-cbc");
        pbes2Der = pkcs8("pbes2.der", "DER", "-v2", "aes-128-cbc");
        legacy = pkcs8("legacy.pem", "PEM", "-v1", "PBE-SHA1-3DES");
    }

    private static Path pkcs8(String name, String form, String... scheme) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of(OpenSslProcess.binary(), "pkcs8", "-topk8", "-in",
                files.privateKey().toString(), "-out", out.toString(), "-outform", form, "-passout", "pass:" + PASSWORD));
        cmd.addAll(List.of(scheme));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return out;
    }

    @EngineTest
    @DisplayName("KEY-1 an encrypted PKCS#8 key (PBES2 PEM and DER, legacy PKCS#12 PBE) loads with the password callback's password, and a handshake uses it")
    void encryptedKeyLoadsAndServes(String engine) {
        for (Path key : new Path[] {pbes2, pbes2Der, legacy}) {
            TestContexts.Builder server = TestContexts.server(engine).configure(ctx -> {
                ctx.setDefaultPasswdCb(forWriting -> {
                    assertThat(forWriting).isFalse();
                    return PASSWORD.toCharArray();
                });
                assertThat(ctx.useCertificateChainFile(files.certificateChain())).isEqualTo(1);
                assertThat(ctx.usePrivateKeyFile(key, key.toString().endsWith(".der") ? SslCtx.FILETYPE_ASN1 : SslCtx.FILETYPE_PEM))
                        .as("%s, queue %s", key, SslErrorQueue.snapshot()).isEqualTo(1);
            });
            try (SslCtx c = TestContexts.client(engine).build(); SslCtx s = server.build(); TestPair p = TestPair.create(c, s, 0).handshake()) {
                assertThat(p.client().getPeerCertificate()).isEqualTo(TestCerts.serverEc().certificate());
            }
        }
    }

    @EngineTest
    @DisplayName("KEY-2 a wrong password is 0 with OpenSSL's two entries: provider \"bad decrypt\", then SSL \"PEM lib\"; no password (or no callback) is PEM \"bad password read\", then \"PEM lib\"")
    void wrongOrNoPassword(String engine) {
        try (SslCtx ctx = TestContexts.server(engine).build()) {
            ctx.setDefaultPasswdCb(forWriting -> "wrong".toCharArray());
            assertThat(ctx.usePrivateKeyFile(pbes2, SslCtx.FILETYPE_PEM)).isZero();
            List<SslErrorEntry> q = SslErrorQueue.snapshot();
            assertThat(q).hasSize(2);
            assertThat(q.get(0).library()).isEqualTo(SslErrorEntry.LIB_PROV);
            assertThat(q.get(0).reasonString()).isEqualTo("bad decrypt");
            assertThat(q.get(0).toString()).startsWith("error:1C800064:Provider routines::bad decrypt");
            assertThat(q.get(1).library()).isEqualTo(SslErrorEntry.LIB_SSL);
            assertThat(q.get(1).reason()).isEqualTo(SslReason.PEM_LIB);
            assertThat(q.get(1).reasonString()).isEqualTo("PEM lib");
            assertThat(q.get(1).toString()).startsWith("error:0A080009:SSL routines::PEM lib");
            SslErrorQueue.clear();
            for (boolean callback : new boolean[] {true, false}) {
                ctx.setDefaultPasswdCb(callback ? forWriting -> null : null);
                assertThat(ctx.getDefaultPasswdCb() != null).isEqualTo(callback);
                assertThat(ctx.usePrivateKeyFile(pbes2, SslCtx.FILETYPE_PEM)).isZero();
                q = SslErrorQueue.snapshot();
                assertThat(q).extracting(SslErrorEntry::reasonString).containsExactly("bad password read", "PEM lib");
                assertThat(q.get(0).library()).isEqualTo(SslErrorEntry.LIB_PEM);
                assertThat(q.get(0).toString()).startsWith("error:04800068:PEM routines::bad password read");
                SslErrorQueue.clear();
            }
        }
    }
}
