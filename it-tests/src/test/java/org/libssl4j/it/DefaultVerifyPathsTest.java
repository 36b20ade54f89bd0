package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** {@code SSL_CTX_set_default_verify_paths} (VERIFY-14): the platform's trust anchors, here the JVM's. */
class DefaultVerifyPathsTest {
    @TempDir
    Path dir;

    private static Fixtures.Verdict against(SslCtx client, String engine) {
        try (SslCtx server = TestContexts.server(engine).build(); TestPair p = TestPair.create(client, server, 0)) {
            return Fixtures.verdict(p);
        }
    }

    @EngineTest
    @DisplayName("VERIFY-14 setDefaultVerifyPaths trusts the JVM's default anchors: with javax.net.ssl.trustStore naming a store that holds the test CA, a context that trusted nothing verifies the CA's server; with the JDK's own cacerts it still refuses it (unable to get local issuer certificate)")
    void jvmDefaults(String engine) throws Exception {
        try (SslCtx plain = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
            assertThat(plain.setDefaultVerifyPaths()).isEqualTo(1);
            Fixtures.Verdict refused = against(plain, engine);
            assertThat(refused.client).as(refused.toString()).isEqualTo(-1);
            assertThat(refused.clientError.reason()).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
            assertThat(refused.clientError.detail()).contains("unable to get local issuer certificate");
        }
        SslErrorQueue.clear();
        Path store = dir.resolve("trust.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("test-ca", TestCerts.ca().certificate());
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        String[] keys = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
        }
        try {
            System.setProperty(keys[0], store.toString());
            System.setProperty(keys[1], "PKCS12");
            System.setProperty(keys[2], "changeit");
            try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine)) {
                assertThat(ctx.setDefaultVerifyPaths()).isEqualTo(1);
                Fixtures.Verdict ok = against(ctx, engine);
                assertThat(ok.client).as(ok.toString()).isEqualTo(1);
            }
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }
        SslErrorQueue.clear();
    }
}
