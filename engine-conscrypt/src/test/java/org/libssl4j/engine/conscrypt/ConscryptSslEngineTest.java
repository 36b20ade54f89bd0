package org.libssl4j.engine.conscrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three quirks {@link ConscryptSslEngine} evens out, and the two adapters of the binding, on real Conscrypt
 * engines. Keys come from the JDK's keytool, so the module needs no test dependency beyond JUnit.
 */
class ConscryptSslEngineTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private static KeyStore rsa;
    private static KeyStore ec;
    private static ConscryptBinding binding;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Conscrypt.isAvailable(), "Conscrypt's native library does not load here");
        rsa = keytool(dir, "rsa", "-keyalg", "RSA", "-keysize", "2048");
        ec = keytool(dir, "ec", "-keyalg", "EC", "-groupname", "secp256r1");
        binding = new ConscryptBinding(Conscrypt.newProvider());
    }

    private static KeyStore keytool(Path dir, String name, String... alg) throws Exception {
        Path file = dir.resolve(name + ".p12");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool",
                "-genkeypair", "-alias", name, "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        cmd.addAll(java.util.List.of(alg));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            ks.load(in, PASSWORD);
        }
        Files.delete(file);
        return ks;
    }

    private static X509Certificate cert(KeyStore ks) throws Exception {
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    /** A context of the binding: {@code identity} (or none) and trust in {@code anchor}, through the JDK's PKIX. */
    private static SSLContext context(KeyStore identity, X509Certificate anchor) throws Exception {
        SSLContext ctx = binding.newSslContext();
        KeyManagerFactory kmf = binding.newKeyManagerFactory();
        if (identity != null) {
            kmf.init(identity, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        tmf.init(trust);
        ctx.init(identity != null ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static SSLEngine[] pair(KeyStore serverKey, X509Certificate clientTrusts, String protocol) throws Exception {
        SSLEngine c = context(null, clientTrusts).createSSLEngine("localhost", -1);
        c.setUseClientMode(true);
        SSLParameters p = c.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setProtocols(new String[] {protocol});
        c.setSSLParameters(p);
        SSLEngine s = context(serverKey, cert(serverKey)).createSSLEngine();
        s.setUseClientMode(false);
        s.setEnabledProtocols(new String[] {protocol});
        assertThat(c).isInstanceOf(ConscryptSslEngine.class);
        return new SSLEngine[] {c, s};
    }

    /** Moves records between the two engines until neither produces anything; returns the first failure. */
    private static SSLException pump(SSLEngine a, SSLEngine b) {
        for (int round = 0; round < 20; round++) {
            try {
                boolean moved = move(a, b) | move(b, a);
                if (!moved && a.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                        && b.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                    return null;
                }
            } catch (SSLException e) {
                return e;
            }
        }
        throw new AssertionError("no end after 20 rounds");
    }

    private static boolean move(SSLEngine from, SSLEngine to) throws SSLException {
        ByteBuffer net = ByteBuffer.allocateDirect(64 * 1024);
        from.wrap(EMPTY, net);
        net.flip();
        boolean moved = net.hasRemaining();
        ByteBuffer app = ByteBuffer.allocateDirect(64 * 1024);
        while (net.hasRemaining()) {
            SSLEngineResult r = to.unwrap(net, app);
            if (r.bytesConsumed() == 0) {
                break;
            }
        }
        return moved;
    }

    /** Whether Conscrypt has freed its native SSL; null when Conscrypt's internals are not where 2.5.2 has them. */
    private static Boolean nativeFreed(SSLEngine engine) {
        try {
            Object e = ((ConscryptSslEngine) engine).delegate();
            Field wrapped = e.getClass().getDeclaredField("delegate"); // Java8EngineWrapper -> ConscryptEngine
            wrapped.setAccessible(true);
            e = wrapped.get(e);
            Field ssl = e.getClass().getDeclaredField("ssl");
            ssl.setAccessible(true);
            Object nativeSsl = ssl.get(e);
            Method closed = nativeSsl.getClass().getDeclaredMethod("isClosed");
            closed.setAccessible(true);
            return (Boolean) closed.invoke(nativeSsl);
        } catch (ReflectiveOperationException | RuntimeException x) {
            return null;
        }
    }

    @Test
    void tls13HandshakeVerifiesThroughTheJdksPkix() throws Exception {
        // Without the authType adapter SunJSSE's PKIX refuses Conscrypt's "GENERIC": Unknown authType: GENERIC.
        for (KeyStore key : new KeyStore[] {rsa, ec}) {
            SSLEngine[] p = pair(key, cert(key), "TLSv1.3");
            assertThat(pump(p[0], p[1])).isNull();
            assertThat(p[0].getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void renegotiationIsRefusedInsteadOfIgnored() throws Exception {
        SSLEngine[] p = pair(rsa, cert(rsa), "TLSv1.2");
        p[0].beginHandshake();
        assertThat(pump(p[0], p[1])).isNull();
        for (SSLEngine e : p) {
            assertThatThrownBy(e::beginHandshake).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage(ConscryptSslEngine.NO_RENEGOTIATION);
        }
    }

    @Test
    void theAlertOfALocalFailureIsReportedAsNeedWrap() throws Exception {
        SSLEngine[] p = pair(rsa, cert(ec), "TLSv1.3"); // the client trusts another certificate
        SSLException failure = pump(p[0], p[1]);
        assertThat(failure).isNotNull();
        SSLEngine failed = p[0].isInboundDone() ? p[0] : p[1];
        assertThat(failed.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        ByteBuffer out = ByteBuffer.allocate(1024);
        failed.wrap(EMPTY, out);
        assertThat(out.position()).as("the alert (and TLS 1.3's compatibility CCS)").isGreaterThan(0);
        assertThat(failed.isOutboundDone()).isTrue();
        assertThat(failed.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
        assertThat(nativeFreed(failed)).isNotEqualTo(Boolean.FALSE);
    }

    @Test
    void closingBothDirectionsFreesTheNativeSslAtOnce() throws Exception {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            SSLEngine[] p = pair(rsa, cert(rsa), protocol);
            assertThat(pump(p[0], p[1])).isNull();
            for (SSLEngine e : p) {
                Boolean before = nativeFreed(e);
                // What JsseEngine.close() does.
                e.closeOutbound();
                e.closeInbound();
                // Conscrypt frees its native SSL exactly when both directions are done (freeIfDone).
                assertThat(e.isOutboundDone()).as("nothing left waiting").isTrue();
                assertThat(e.isInboundDone()).isTrue();
                if (before != null) { // Conscrypt 2.5.2's internals, where the probe can see them
                    assertThat(before).as(protocol + " native SSL live before").isFalse();
                    assertThat(nativeFreed(e)).as(protocol + " native SSL freed").isTrue();
                }
            }
        }
    }

    @Test
    void aServerFindsItsKeyWhateverItsTls12CipherList() throws Exception {
        SSLEngine[] p = pair(rsa, cert(rsa), "TLSv1.3");
        p[1].setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        p[1].setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"}); // no suite for an RSA key
        assertThat(pump(p[0], p[1])).as("no NO_CERTIFICATE_SET").isNull();
        assertThat(p[1].getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
}
