package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key parsing without a third-party library, against keys the openssl CLI writes at test time (skipped without it). */
class PemTest {
    @TempDir
    static Path dir;

    private static void openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    private static boolean haveOpenssl;

    @BeforeAll
    static void keys() throws Exception {
        try {
            openssl("version");
            haveOpenssl = true;
        } catch (java.io.IOException e) {
            return;
        }
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");
        openssl("req", "-new", "-x509", "-key", "rsa.pem", "-subj", "/CN=rsa", "-out", "rsa-cert.pem");
        openssl("req", "-new", "-x509", "-key", "ec.pem", "-subj", "/CN=ec", "-out", "ec-cert.pem");
        openssl("rsa", "-in", "rsa.pem", "-traditional", "-out", "rsa-trad.pem");
        openssl("rsa", "-in", "rsa.pem", "-traditional", "-outform", "DER", "-out", "rsa-trad.der");
        openssl("ec", "-in", "ec.pem", "-out", "ec-trad.pem");
        openssl("ec", "-in", "ec.pem", "-outform", "DER", "-out", "ec-trad.der");
        for (String c : List.of("aes128", "aes192", "aes256", "des3")) {
            openssl("rsa", "-in", "rsa.pem", "-traditional", "-" + c, "-passout", "pass:secret", "-out", "rsa-" + c + ".pem");
            openssl("ec", "-in", "ec.pem", "-" + c, "-passout", "pass:secret", "-out", "ec-" + c + ".pem");
        }
    }

    private static String text(String name) throws Exception {
        return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
    }

    private static X509Certificate cert(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(name))));
    }

    @Test
    @DisplayName("KEY-6 EVP_BytesToKey (MD5, one round) gives what openssl enc -P prints for salt 0102030405060708 and password secret")
    void bytesToKey() throws GeneralSecurityException {
        byte[] kiv = Pem.bytesToKey("secret".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex("0102030405060708"), 48);
        // openssl enc -aes-256-cbc -md md5 -S 0102030405060708 -pass pass:secret -P (OpenSSL 3.0.19)
        assertThat(HexFormat.of().withUpperCase().formatHex(kiv)).isEqualTo(
                "C9E5A1BD216DBE1317E230CEF48F38EE7F0E17AD64022144BCCEC4A1AA2879AB" + "E24B32BBBC4EF02ECBCB6576523AD893");
    }

    @Test
    @DisplayName("KEY-6 traditional RSA and EC keys, PEM and DER, load and are the certificate's keys")
    void traditional() throws Exception {
        assumeTrue(haveOpenssl, "openssl not found");
        assertThat(Pem.matches(cert("rsa-cert.pem").getPublicKey(), Pem.privateKey(text("rsa-trad.pem")))).isEqualTo(Pem.KeyMatch.MATCH);
        assertThat(Pem.matches(cert("ec-cert.pem").getPublicKey(), Pem.privateKey(text("ec-trad.pem")))).isEqualTo(Pem.KeyMatch.MATCH);
        assertThat(Pem.matches(cert("rsa-cert.pem").getPublicKey(), Pem.privateKey(Files.readAllBytes(dir.resolve("rsa-trad.der")))))
                .isEqualTo(Pem.KeyMatch.MATCH);
        assertThat(Pem.matches(cert("ec-cert.pem").getPublicKey(), Pem.privateKey(Files.readAllBytes(dir.resolve("ec-trad.der")))))
                .isEqualTo(Pem.KeyMatch.MATCH);
        assertThat(Pem.keyBlock(text("rsa-trad.pem")).label()).isEqualTo("RSA PRIVATE KEY");
        assertThat(Pem.keyBlock(text("ec-trad.pem")).encrypted()).isFalse();
    }

    @Test
    @DisplayName("KEY-6 traditional keys encrypted with Proc-Type/DEK-Info (AES-128/192/256-CBC, DES-EDE3-CBC) decrypt with the password; a wrong one fails")
    void encryptedTraditional() throws Exception {
        assumeTrue(haveOpenssl, "openssl not found");
        for (String c : List.of("aes128", "aes192", "aes256", "des3")) {
            for (String k : List.of("rsa", "ec")) {
                Pem.KeyBlock b = Pem.keyBlock(text(k + "-" + c + ".pem"));
                assertThat(b.encrypted()).as(k + " " + c).isTrue();
                assertThat(b.headers().get("DEK-Info")).as(k + " " + c).isNotNull();
                PrivateKey key = Pem.privateKey(b.label(), Pem.decryptTraditional(b, "secret".toCharArray()));
                assertThat(Pem.matches(cert(k + "-cert.pem").getPublicKey(), key)).as(k + " " + c).isEqualTo(Pem.KeyMatch.MATCH);
                assertThatThrownBy(() -> Pem.privateKey(b.label(), Pem.decryptTraditional(b, "wrong".toCharArray())))
                        .as(k + " " + c).isInstanceOfAny(GeneralSecurityException.class, IllegalArgumentException.class);
                assertThatThrownBy(() -> Pem.privateKey(text(k + "-" + c + ".pem"))).as("needs a password")
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    @DisplayName("KEY-7 what is not a key is IllegalArgumentException inside the api (the SslCtx turns it into queue entries): garbage DER, a PEM without a key block, a bad DEK-Info")
    void notKeys() {
        assertThatThrownBy(() -> Pem.privateKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.privateKey(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.privateKey("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.keyBlock("hello")).isInstanceOf(Pem.PemException.class);
        String bad = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,ZZ\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Pem.decryptTraditional(Pem.keyBlock(bad), "x".toCharArray())).isInstanceOf(IllegalArgumentException.class);
        String unknown = bad.replace("AES-256-CBC,ZZ", "BF-CBC,00112233445566778899AABBCCDDEEFF");
        assertThatThrownBy(() -> Pem.decryptTraditional(Pem.keyBlock(unknown), "x".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }
}
