package org.libssl4j.engine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

/**
 * The probe on the running JVM's SunJSSE, and its decisions for both answers a provider can give: the one it gives
 * here, and the other one, made by a provider wrapper that behaves as an older or newer SunJSSE does.
 */
class JsseProbeTest {
    private static final Map<String, Integer> ALERTS = Map.of("bad_certificate", 42, "certificate_expired", 45,
            "certificate_unknown", 46);

    /** SunJSSE, reading received alerts as engine-jdk does (only the few names the probe meets). */
    static final JsseBinding SUN_JSSE = new JsseBinding() {
        @Override
        public SSLContext newSslContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS", Security.getProvider("SunJSSE"));
        }

        @Override
        public EngineException mapFailure(SSLException e, boolean client) {
            EngineException received = JsseFailures.receivedAlert(e, t -> {
                String m = String.valueOf(t.getMessage());
                int i = m.indexOf("Received fatal alert: ");
                return i < 0 ? -1 : ALERTS.getOrDefault(m.substring(i + "Received fatal alert: ".length()).trim(), 0);
            });
            return received != null ? received : EngineException.of(SslReason.SSL_HANDSHAKE_FAILURE, e.toString(), e);
        }
    };

    /**
     * SunJSSE as a provider that ignores why a certificate was rejected, as SunJSSE 17.0.15 does in TLS 1.3 and bctls
     * and Conscrypt do everywhere: the trust manager's failures reach it without their {@code
     * CertPathValidatorException} reason, so every failed check sends certificate_unknown.
     */
    static final JsseBinding REASON_BLIND = new JsseBinding() {
        @Override
        public SSLContext newSslContext() throws GeneralSecurityException {
            return new ReasonBlindContext(SUN_JSSE.newSslContext());
        }

        @Override
        public EngineException mapFailure(SSLException e, boolean client) {
            return SUN_JSSE.mapFailure(e, client);
        }
    };

    @Test
    void decisionForCertificateAlerts() {
        assertThat(JsseProbe.certificateAlertsAsLibssl(45, 42)).isTrue();
        assertThat(JsseProbe.certificateAlertsAsLibssl(46, 46)).as("SunJSSE 17.0.15 TLS 1.3, bctls, Conscrypt").isFalse();
        assertThat(JsseProbe.certificateAlertsAsLibssl(45, 46)).isFalse();
        assertThat(JsseProbe.certificateAlertsAsLibssl(-1, -1)).as("no alert seen").isFalse();
    }

    @Test
    void tls12AlertsFollowTheReasonOnEverySunJsseWeRun() throws Exception {
        // SunJSSE's TLS 1.2 code has mapped the reason since before 17.0.15: the "present" answer, seen on any JVM.
        SSLContext server = server(SUN_JSSE);
        assertThat(JsseProbe.certificateAlert(SUN_JSSE, server, "TLSv1.2", VerifyFailure.CERT_HAS_EXPIRED)).isEqualTo(45);
        assertThat(JsseProbe.certificateAlert(SUN_JSSE, server, "TLSv1.2", VerifyFailure.HOSTNAME_MISMATCH)).isEqualTo(42);
    }

    @Test
    void aProviderBlindToTheReasonLacksCertificateAlerts() throws Exception {
        SSLContext server = server(REASON_BLIND);
        for (String version : new String[] {"TLSv1.2", "TLSv1.3"}) {
            assertThat(JsseProbe.certificateAlert(REASON_BLIND, server, version, VerifyFailure.CERT_HAS_EXPIRED))
                    .as(version).isEqualTo(46);
        }
        JsseProbe.Result r = JsseProbe.run(REASON_BLIND);
        assertThat(r.capabilities()).doesNotContain(Capability.CERTIFICATE_ALERTS);
        assertThat(r.observations().get(Capability.CERTIFICATE_ALERTS)).startsWith("no: ").contains("46");
    }

    @Test
    void sunJsseHereHasCertificateAlertsExactlyWhenItsTls13CodeMapsTheReason() throws Exception {
        int tls13 = JsseProbe.certificateAlert(SUN_JSSE, server(SUN_JSSE), "TLSv1.3", VerifyFailure.CERT_HAS_EXPIRED);
        JsseProbe.Result r = JsseProbe.run(SUN_JSSE);
        // 17.0.15: certificate_unknown (46), so absent; later 17 updates and 25: certificate_expired (45), so present.
        assertThat(tls13).isIn(45, 46);
        assertThat(r.capabilities().contains(Capability.CERTIFICATE_ALERTS)).as(r.toString()).isEqualTo(tls13 == 45);
    }

    @Test
    void sunJsseBehavioursThatHoldOnEveryJdkWeRun() throws Exception {
        JsseProbe.Result r = JsseProbe.run(SUN_JSSE);
        assertThat(r.capabilities()).as(r.toString()).contains(Capability.RENEGOTIATION, Capability.TLS1_3_TICKETS,
                Capability.TLS1_3_HALF_CLOSE, Capability.READ_AFTER_SHUTDOWN);
        assertThat(r.capabilities()).as(r.toString()).doesNotContain(Capability.TLS1_3_FULL_RECORDS,
                Capability.TLS1_2_HALF_CLOSE);
        assertThat(r.observations().get(Capability.TLS1_3_FULL_RECORDS)).contains("16367");
        assertThat(r.observations().keySet()).isEqualTo(JsseProbe.PROBED);
    }

    @Test
    void aProviderThatCannotRunTheProbeHasNoneOfTheProbedCapabilities() {
        JsseBinding broken = new JsseBinding() {
            @Override
            public SSLContext newSslContext() throws GeneralSecurityException {
                throw new GeneralSecurityException("no context here");
            }

            @Override
            public EngineException mapFailure(SSLException e, boolean client) {
                return SUN_JSSE.mapFailure(e, client);
            }
        };
        JsseProbe.Result r = JsseProbe.runSafely(broken);
        assertThat(r.capabilities()).isEmpty();
        assertThat(r.observations().get(Capability.RENEGOTIATION)).contains("no context here");
        JsseEngineFactory f = JsseEngineFactory.probing("broken", EnumSet.of(Capability.SNI), broken);
        assertThat(f.capabilities()).containsExactly(Capability.SNI);
    }

    @Test
    void probedCapabilitiesCannotBeDeclared() {
        assertThatThrownBy(() -> JsseEngineFactory.probing("x", EnumSet.of(Capability.CERTIFICATE_ALERTS), SUN_JSSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CERTIFICATE_ALERTS");
    }

    @Test
    void forProviderDeclaresTheAdaptersCapabilitiesTheProvidersVersionsAndTheExtras() throws GeneralSecurityException {
        JsseEngineFactory f = JsseEngineFactory.forProvider("sun", SUN_JSSE, Capability.DIRECT_BUFFERS);
        EnumSet<Capability> declared = EnumSet.copyOf(JsseEngineFactory.ADAPTER);
        declared.addAll(EnumSet.of(Capability.TLS1_2, Capability.TLS1_3, Capability.DIRECT_BUFFERS));
        assertThat(f.capabilities()).containsAll(declared);
        assertThat(f.capabilities()).as("beyond the declared ones only probed capabilities")
                .allMatch(c -> declared.contains(c) || JsseProbe.PROBED.contains(c));
        assertThatThrownBy(() -> JsseEngineFactory.forProvider("x", SUN_JSSE, Capability.RENEGOTIATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RENEGOTIATION");
    }

    @Test
    void theFactoryProbesOnceAndOnlyWhenAsked() {
        int[] contexts = {0};
        JsseBinding counting = new JsseBinding() {
            @Override
            public SSLContext newSslContext() throws GeneralSecurityException {
                contexts[0]++;
                return SUN_JSSE.newSslContext();
            }

            @Override
            public EngineException mapFailure(SSLException e, boolean client) {
                return SUN_JSSE.mapFailure(e, client);
            }
        };
        JsseEngineFactory f = JsseEngineFactory.probing("counting", EnumSet.of(Capability.SNI), counting);
        assertThat(contexts[0]).as("nothing probed at load").isZero();
        assertThat(f.capabilities()).contains(Capability.SNI, Capability.RENEGOTIATION);
        int afterFirst = contexts[0];
        assertThat(afterFirst).isPositive();
        assertThat(f.capabilities()).isSameAs(f.capabilities());
        assertThat(f.probeResult().capabilities()).isSubsetOf(f.capabilities());
        assertThat(contexts[0]).isEqualTo(afterFirst);
    }

    private static SSLContext server(JsseBinding binding) throws GeneralSecurityException {
        SSLContext server = binding.newSslContext();
        server.init(JsseProbe.keyManagers(binding, ProbeIdentity.create()), null, new SecureRandom());
        return server;
    }

    /** An SSLContext whose trust managers' failures lose their cause before the provider sees them. */
    private static final class ReasonBlindContext extends SSLContext {
        ReasonBlindContext(SSLContext delegate) {
            super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext d;

        Spi(SSLContext d) {
            this.d = d;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            TrustManager[] blind = tm == null ? null : new TrustManager[tm.length];
            for (int i = 0; tm != null && i < tm.length; i++) {
                blind[i] = new Blind((X509ExtendedTrustManager) tm[i]);
            }
            d.init(km, blind, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return d.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return d.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return d.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return d.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return d.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return d.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return d.getSupportedSSLParameters();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return d.getDefaultSSLParameters();
        }
    }

    private static final class Blind extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager d;

        Blind(X509ExtendedTrustManager d) {
            this.d = d;
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private static void blind(Check c) throws CertificateException {
            try {
                c.run();
            } catch (CertificateException e) {
                throw new CertificateException(e.getMessage()); // no cause, so no reason to read
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            blind(() -> d.checkClientTrusted(c, a, s));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            blind(() -> d.checkServerTrusted(c, a, s));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            blind(() -> d.checkClientTrusted(c, a, e));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            blind(() -> d.checkServerTrusted(c, a, e));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            blind(() -> d.checkClientTrusted(c, a));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            blind(() -> d.checkServerTrusted(c, a));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return d.getAcceptedIssuers();
        }
    }
}
