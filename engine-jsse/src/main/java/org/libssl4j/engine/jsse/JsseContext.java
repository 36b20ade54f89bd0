package org.libssl4j.engine.jsse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.libssl4j.SslReason;
import org.libssl4j.SslVerify;
import org.libssl4j.SslVersion;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.ServerHooks;
import org.libssl4j.spi.TlsEngine;

/** One {@code SSL_CTX}'s settings applied to a JSSE {@link SSLContext}. */
final class JsseContext implements EngineContext {
    private final SSLContext ssl;
    private final ContextConfig config;
    private final JsseBinding binding;
    private final Supplier<Map<Integer, byte[]>> provocations;
    private final ServernameSwitch servernames;
    /**
     * The next client connection's key in the provider's client session cache. JSSE providers offer a session only
     * to a new engine of the same peer host and port as the one that made it (engine-jdk README Q15); libssl offers
     * one only when told ({@code SSL_set_session}). So every client engine gets a port of its own, and an engine that
     * resumes gets the port of the session's engine.
     */
    private final java.util.concurrent.atomic.AtomicInteger nextPort = new java.util.concurrent.atomic.AtomicInteger();
    /** Whether the provider resumes TLS 1.3 sessions ({@code Capability.TLS1_3_RESUMPTION}). */
    private final boolean tls13Resumption;

    /** @param provocations for each alert the provider can be made to send, the record that does it */
    JsseContext(SSLContext ssl, ContextConfig config, JsseBinding binding, Supplier<Map<Integer, byte[]>> provocations,
            ServernameSwitch servernames, boolean tls13Resumption) {
        this.servernames = servernames;
        this.tls13Resumption = tls13Resumption;
        this.provocations = provocations;
        this.ssl = ssl;
        this.config = config;
        this.binding = binding;
    }

    @Override
    public TlsEngine newEngine(ConnectionConfig cc) throws EngineException {
        JsseEngine.SessionKey resume = cc.resumeSession() instanceof JsseEngine.SessionKey k && k.context() == this
                && k.host().equals(peerHost(cc)) ? k : null;
        SSLEngine engine = configured(cc, resume);
        ServernameSwitch.Asked asked = null;
        ServerHooks hooks = cc.serverHooks();
        if (!cc.client() && hooks != null) {
            if (hooks.asksServername()) {
                asked = servernames.register(engine, binding.keyManagerEngine(engine), hooks);
                SSLParameters p = engine.getSSLParameters();
                p.setSNIMatchers(List.of(asked.matcher()));
                engine.setSSLParameters(p);
            }
            if (hooks.selectsAlpn()) {
                engine.setHandshakeApplicationProtocolSelector((e, offered) -> hooks.selectAlpn(offered));
            }
        }
        return new JsseEngine(engine, binding, cc.client(), provocations, asked, this, resume, tls13Resumption,
                ChachaPriority.applies(cc.client(), cc.options()), cc.keylog() == null ? null : new KeyLog(cc.keylog()),
                new PeerCheck(cc.verification()), (cc.options() & org.libssl4j.SslOptions.NO_TICKET) != 0);
    }

    /** Whether this context's servers keep their sessions for resumption by id ({@code SSL_CTX_set_session_cache_mode}). */
    boolean keepsServerSessions() {
        return config.serverSessionCache();
    }

    /** This context's own key manager (null when it has no key), for a connection switched to it. */
    javax.net.ssl.X509ExtendedKeyManager ownKeys() {
        return servernames.ownKeys();
    }

    /** The mark of this context's aliases in another context's key manager. */
    String switchId() {
        return servernames.id();
    }

    /**
     * The peer host a client engine is made with: the name to verify, else an address that no provider sends as SNI
     * (RFC 6066 names no IP literal), so that sessions are cached by host and port on every provider.
     */
    static String peerHost(ConnectionConfig cc) {
        return cc.verifyHostName() != null ? cc.verifyHostName() : NO_HOST;
    }

    /** The peer host of a client that has no host name. */
    static final String NO_HOST = "0.0.0.0";

    /** A port no other client engine of this context has, never -1 (which providers do not cache under). */
    private int newPort() {
        return (nextPort.incrementAndGet() & Integer.MAX_VALUE) | 1 << 16;
    }

    @Override
    public List<String> cipherSuites() {
        try {
            SSLEngine engine = configured(new ConnectionConfig(config.method() != org.libssl4j.SslMethod.TLS_SERVER,
                    null, null, config.options(), config.minVersion(), config.maxVersion()), null);
            boolean tls13 = List.of(engine.getEnabledProtocols()).contains("TLSv1.3");
            boolean tls12 = List.of(engine.getEnabledProtocols()).contains("TLSv1.2");
            List<String> suites = new ArrayList<>();
            for (String s : engine.getEnabledCipherSuites()) {
                if (s.endsWith("_SCSV") || (isTls13Suite(s) ? !tls13 : !tls12)) {
                    continue;
                }
                suites.add(s);
            }
            // TLS 1.3 suites first, as OpenSSL lists them; each group keeps the engine's order.
            suites.sort(java.util.Comparator.comparing(s -> !isTls13Suite(s)));
            return suites;
        } catch (EngineException e) {
            return List.of();
        }
    }

    @Override
    public List<String> supportedCipherSuites() {
        try {
            return List.of(configured(new ConnectionConfig(config.method() != org.libssl4j.SslMethod.TLS_SERVER,
                    null, null, config.options(), config.minVersion(), config.maxVersion()), null).getSupportedCipherSuites());
        } catch (EngineException e) {
            return List.of();
        }
    }

    /** A client engine of this context, not started: for looking at its ClientHello. */
    SSLEngine clientEngine() throws EngineException {
        return configured(new ConnectionConfig(true, null, null, config.options(), config.minVersion(), config.maxVersion()), null);
    }

    /** libssl 3.0's default TLS 1.3 suites, in its order ({@code TLS_DEFAULT_CIPHERSUITES}). */
    private static final List<String> LIBSSL_TLS13_ORDER = List.of("TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");

    /** {@code suites} sorted by {@link #LIBSSL_TLS13_ORDER}, others after them in their order. */
    private static List<String> libsslOrder(List<String> suites) {
        List<String> sorted = new ArrayList<>(suites);
        sorted.sort(java.util.Comparator.comparingInt(s -> {
            int i = LIBSSL_TLS13_ORDER.indexOf(s);
            return i < 0 ? LIBSSL_TLS13_ORDER.size() : i;
        }));
        return sorted;
    }

    /** The provider's enabled suites of TLS 1.3 ({@code tls13}) or of the older versions, in its order. */
    private static List<String> enabled(SSLEngine engine, boolean tls13) {
        List<String> suites = new ArrayList<>();
        for (String s : engine.getEnabledCipherSuites()) {
            if (isTls13Suite(s) == tls13) {
                suites.add(s);
            }
        }
        return suites;
    }

    /** A TLS 1.3 suite (IANA name): they name no key exchange, and JSSE lists them with the others. */
    private static boolean isTls13Suite(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }

    /** An engine of the provider with this context's settings and one connection's. */
    private SSLEngine configured(ConnectionConfig cc, JsseEngine.SessionKey resume) throws EngineException {
        try {
            SSLEngine engine = cc.client()
                    ? ssl.createSSLEngine(peerHost(cc), resume != null ? resume.port() : newPort()) : ssl.createSSLEngine();
            engine.setUseClientMode(cc.client());
            SSLParameters p = engine.getSSLParameters();
            p.setProtocols(protocols(cc));
            // The connection's own lists (SSL_set_cipher_list, SSL_set_ciphersuites) replace the context's.
            List<String> tls13 = cc.ciphers() != null && cc.ciphers().tls13() != null ? cc.ciphers().tls13()
                    : config.tls13CipherSuites();
            List<String> tls12 = cc.ciphers() != null && cc.ciphers().tls12() != null ? cc.ciphers().tls12()
                    : config.cipherSuites();
            if (!tls13.isEmpty() || !tls12.isEmpty()) {
                // TLS 1.3 suites first, as libssl lists them; a list left empty is the provider's own suites, the TLS 1.3
                // ones in libssl's default order (a provider's enabled order is not always the one it uses unasked).
                List<String> suites = new ArrayList<>(tls13.isEmpty() ? libsslOrder(enabled(engine, true)) : tls13);
                suites.addAll(tls12.isEmpty() ? enabled(engine, false) : tls12);
                p.setCipherSuites(suites.toArray(new String[0]));
            }
            if (cc.client()) {
                // Also with SSL_VERIFY_NONE, where the trust manager checks the name only to record the result.
                if (config.checkHostName() && cc.verifyHostName() != null) {
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                }
                if (cc.sniHostName() != null) {
                    p.setServerNames(sni(cc.sniHostName()));
                }
            } else {
                // SSL_OP_CIPHER_SERVER_PREFERENCE: libssl takes the client's order unless it is set (CIPHER-2); the
                // providers' defaults differ (SunJSSE and Conscrypt the server's, bctls the client's), so always say.
                p.setUseCipherSuitesOrder((cc.options() & org.libssl4j.SslOptions.CIPHER_SERVER_PREFERENCE) != 0);
                int mode = cc.verification() == null ? config.serverVerifyMode()
                        : cc.verification().modeOr(config.serverVerifyMode());
                p.setNeedClientAuth((mode & (SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT))
                        == (SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT));
                if (!p.getNeedClientAuth()) {
                    p.setWantClientAuth((mode & SslVerify.PEER) != 0);
                }
            }
            if (!config.alpnProtocols().isEmpty()) {
                p.setApplicationProtocols(config.alpnProtocols().toArray(new String[0]));
            }
            GroupRestriction.apply(p, config.groups(), config.signatureSchemes());
            engine.setSSLParameters(p);
            binding.configure(engine, config, cc);
            return engine;
        } catch (IllegalArgumentException e) {
            throw EngineException.of(SslReason.UNSUPPORTED_PROTOCOL, e.getMessage(), e);
        }
    }

    private static List<SNIServerName> sni(String host) {
        try {
            return List.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return List.of(); // an IP literal: RFC 6066 sends no SNI for it
        }
    }

    /** The JSSE protocol names of the versions {@code cc} leaves ({@link ConnectionConfig#enabledVersions()}). */
    static String[] protocols(ConnectionConfig cc) {
        return cc.enabledVersions().stream().map(SslVersion::name).toArray(String[]::new);
    }

    @Override
    public int sessionCount() {
        // A context serves both roles where its method allows; its sessions are those of both caches.
        int count = 0;
        for (javax.net.ssl.SSLSessionContext sessions : new javax.net.ssl.SSLSessionContext[] {
                ssl.getServerSessionContext(), ssl.getClientSessionContext()}) {
            if (sessions == null) {
                return -1;
            }
            count += java.util.Collections.list(sessions.getIds()).size();
        }
        return count;
    }

    @Override
    public void close() {
        // An SSLContext holds no resource that outlives its engines.
    }
}
