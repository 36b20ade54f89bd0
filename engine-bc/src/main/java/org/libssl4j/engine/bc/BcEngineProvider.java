package org.libssl4j.engine.bc;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.libssl4j.engine.bc.provider.BcProviders;
import org.libssl4j.engine.jsse.JsseBinding;
import org.libssl4j.engine.jsse.JsseEngineFactory;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

/**
 * BouncyCastle's TLS (bctls, its JSSE provider {@code BCJSSE}) as the libssl4j engine {@code bc}, with the
 * cryptography of the JDK's providers and a private BouncyCastle provider instance as fallback ({@link BcProviders}).
 * See this module's README for the decision and the evidence behind every capability.
 */
public final class BcEngineProvider implements EngineProvider {
    /** The engine's name. */
    public static final String NAME = "bc";

    /** Cheap, as ServiceLoader wants: BouncyCastle's classes are touched only in {@link #load()}. */
    public BcEngineProvider() {
    }

    @Override

    public int spiVersion() {

        return SPI_VERSION;

    }


    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public EngineFactory load() throws GeneralSecurityException {
        Provider bc = new BouncyCastleProvider();
        Provider jsse = BcProviders.newJsseProvider(bc);
        // What the adapter gives on any provider, the versions bctls supports, and the rest probed on this JVM
        // (JsseProbe). See this module's README for the evidence of each absence.
        String version = "bctls " + bc.getVersionStr() + " (" + jsse.getInfo() + "; crypto: the JDK's "
                + System.getProperty("java.version") + ", BC fallback)";
        // TICKET_CONTROL: a bctls server never sends a session ticket (README Q16), so NO_TICKET always holds.
        // KEYLOG: the engine's cryptography (BcProviders, KeylogCrypto) hands the secrets to the key log (README Q17).
        // SESSION_TIMEOUT: bctls resumes only by session id, through its session cache, which checks the timeout.
        // TLS1_3_CIPHERSUITES: bctls takes the TLS 1.3 suites of setEnabledCipherSuites, in order (CIPHER-8).
        return JsseEngineFactory.forProvider(version, new BcBinding(jsse), org.libssl4j.Capability.TICKET_CONTROL,
                org.libssl4j.Capability.KEYLOG, org.libssl4j.Capability.TLS1_3_CIPHERSUITES,
                org.libssl4j.Capability.SESSION_TIMEOUT);
    }

    /** Where BCJSSE's objects come from and how its failures read in OpenSSL's terms. */
    private static final class BcBinding implements JsseBinding {
        private final Provider provider;

        BcBinding(Provider provider) {
            this.provider = provider;
        }

        @Override
        public SSLContext newSslContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS", provider);
        }

        /**
         * BCJSSE's own key manager: it picks keys by bctls's key types ("EC/secp256r1", "RSA", "RSASSA-PSS"), which
         * the JDK's SunX509 key manager does not know (with it every handshake fails: "found no selectable cipher
         * suite").
         */
        @Override
        public KeyManagerFactory newKeyManagerFactory() throws GeneralSecurityException {
            return KeyManagerFactory.getInstance("PKIX", provider);
        }

        /** Required: with none, bctls looks for a {@code SecureRandom} named "DEFAULT", which only BC provides. */
        @Override
        public SecureRandom secureRandom() {
            return new SecureRandom();
        }

        @Override
        public EngineException mapFailure(SSLException e, boolean client) {
            return BcFailures.map(e, client);
        }

        /**
         * When the context names no cipher suites, puts them in OpenSSL's default order: bctls lists every
         * CHACHA20_POLY1305 suite first, and its ChaCha20 and Poly1305 come from the BouncyCastle fallback in pure
         * Java (bctls asks for "ChaCha7539" and "Poly1305", which the JDK does not offer), while AES-GCM runs in
         * the JDK with the CPU's AES instructions.
         */
        @Override
        public void configure(SSLEngine engine, ContextConfig context, ConnectionConfig connection) {
            if (context.cipherSuites().isEmpty() && context.tls13CipherSuites().isEmpty()) {
                engine.setEnabledCipherSuites(openSslOrder(engine.getEnabledCipherSuites()));
            }
            // SSL_CTX_set1_groups_list: bctls takes SSLParameters.setNamedGroups only on Java 20+, and ignores the
            // engine's AlgorithmConstraints for groups; its own BCSSLParameters take the list on every JVM (README).
            if (!context.groups().isEmpty() && engine instanceof org.bouncycastle.jsse.BCSSLEngine) {
                org.bouncycastle.jsse.BCSSLEngine bc = (org.bouncycastle.jsse.BCSSLEngine) engine;
                org.bouncycastle.jsse.BCSSLParameters p = bc.getParameters();
                p.setNamedGroups(context.groups().toArray(new String[0]));
                bc.setParameters(p);
            }
        }
    }

    /**
     * {@code suites} with each {@code X_CHACHA20_POLY1305_*} moved right after {@code X_AES_256_GCM_*} (same key
     * exchange {@code X}), as OpenSSL 3.0 orders its defaults; otherwise unchanged.
     */
    static String[] openSslOrder(String[] suites) {
        java.util.List<String> chacha = new java.util.ArrayList<>();
        for (String s : suites) {
            if (s.contains("CHACHA20_POLY1305")) {
                chacha.add(s);
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>(suites.length);
        for (String s : suites) {
            if (s.contains("CHACHA20_POLY1305")) {
                continue;
            }
            out.add(s);
            int i = s.indexOf("AES_256_GCM");
            if (i >= 0) {
                String kx = s.substring(0, i);
                for (java.util.Iterator<String> it = chacha.iterator(); it.hasNext();) {
                    String c = it.next();
                    if (c.startsWith(kx) && c.indexOf("CHACHA20_POLY1305") == kx.length()) {
                        out.add(c);
                        it.remove();
                    }
                }
            }
        }
        out.addAll(chacha);
        return out.toArray(new String[0]);
    }
}
