package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertsTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Test
    void caIsSelfSignedRsaCaWithKeyCertSign() throws Exception {
        X509Certificate ca = TestCerts.ca().certificate();
        ca.verify(ca.getPublicKey());
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(TestCerts.ca().chain()).containsExactly(ca);
    }

    @Test
    void certificatesAreMadeOncePerJvm() {
        assertThat(TestCerts.serverRsa()).isSameAs(TestCerts.serverRsa());
        assertThat(TestCerts.ca()).isSameAs(TestCerts.ca());
    }

    @Test
    void validLeavesChainToTheCa() throws Exception {
        for (TestIdentity id : List.of(TestCerts.serverRsa(), TestCerts.serverEc(), TestCerts.client(),
                TestCerts.wrongHostServer())) {
            assertThat(id.chain()).hasSize(2);
            assertThat(id.chain().get(1)).isEqualTo(TestCerts.ca().certificate());
            validate(id.chain(), TestCerts.ca().certificate());
            id.certificate().checkValidity();
            assertThat(id.certificate().getBasicConstraints()).as(id.name()).isEqualTo(-1);
        }
    }

    @Test
    void serversAreNamedLocalhostWithServerAuth() throws Exception {
        for (TestIdentity id : List.of(TestCerts.serverRsa(), TestCerts.serverEc(), TestCerts.expiredServer(),
                TestCerts.untrustedServer())) {
            X509Certificate c = id.certificate();
            assertThat(c.getSubjectX500Principal().getName()).startsWith("CN=localhost");
            assertThat(sans(c)).containsExactlyInAnyOrder("2:localhost", "7:127.0.0.1");
            assertThat(c.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        }
        assertThat(TestCerts.serverRsa().certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(TestCerts.serverEc().certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(TestCerts.serverEc().certificate().getPublicKey().toString()).contains("secp256r1");
    }

    @Test
    void clientHasClientAuth() throws Exception {
        assertThat(TestCerts.client().certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(TestCerts.client().certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void validityRunsFromYesterdayToAMonthAhead() {
        long day = 24L * 3600 * 1000;
        X509Certificate c = TestCerts.serverRsa().certificate();
        long now = System.currentTimeMillis();
        assertThat(c.getNotBefore().getTime()).isBetween(now - day - 60_000, now - day + 60_000);
        assertThat(c.getNotAfter().getTime()).isBetween(now + 30 * day - 60_000, now + 30 * day + 60_000);
    }

    @Test
    void expiredServerIsExpired() {
        X509Certificate c = TestCerts.expiredServer().certificate();
        assertThatThrownBy(c::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> validate(TestCerts.expiredServer().chain(), TestCerts.ca().certificate()))
                .isInstanceOf(CertPathValidatorException.class)
                .hasCauseInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void wrongHostServerIsNamedOtherExampleOnly() throws Exception {
        X509Certificate c = TestCerts.wrongHostServer().certificate();
        assertThat(sans(c)).containsExactly("2:other.example");
        assertThat(c.getSubjectX500Principal().getName()).doesNotContain("localhost");
    }

    @Test
    void untrustedServerDoesNotChainToTheCa() throws Exception {
        TestIdentity id = TestCerts.untrustedServer();
        assertThat(id.chain().get(1)).isEqualTo(TestCerts.otherCa().certificate());
        assertThat(TestCerts.otherCa().certificate()).isNotEqualTo(TestCerts.ca().certificate());
        validate(id.chain(), TestCerts.otherCa().certificate());
        assertThatThrownBy(() -> validate(id.chain(), TestCerts.ca().certificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void keysMatchTheirCertificates() throws Exception {
        for (TestIdentity id : List.of(TestCerts.serverRsa(), TestCerts.serverEc(), TestCerts.client(), TestCerts.ca())) {
            String alg = id.privateKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            Signature s = Signature.getInstance(alg);
            s.initSign(id.privateKey());
            s.update(new byte[] {1, 2, 3});
            byte[] sig = s.sign();
            s.initVerify(id.certificate().getPublicKey());
            s.update(new byte[] {1, 2, 3});
            assertThat(s.verify(sig)).as(id.name()).isTrue();
        }
    }

    @Test
    void pemFilesRoundTrip(@TempDir Path dir) throws Exception {
        for (TestIdentity id : List.of(TestCerts.serverRsa(), TestCerts.serverEc())) {
            TestIdentity.PemFiles files = id.writePem(dir);
            try (var in = Files.newInputStream(files.certificateChain())) {
                Collection<? extends java.security.cert.Certificate> certs =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                assertThat(new ArrayList<>(certs)).isEqualTo(id.chain());
            }
            String keyPem = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
            assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
            assertThat(keyPem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
            String b64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance(id.privateKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            assertThat(key).isEqualTo(id.privateKey());
        }
    }

    private static void validate(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        // The path excludes the anchor itself, as a peer's chain is validated.
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain.subList(0, chain.size() - 1)), params);
    }

    private static List<String> sans(X509Certificate c) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<?> san : c.getSubjectAlternativeNames()) {
            out.add(san.get(0) + ":" + san.get(1));
        }
        return out;
    }
}
