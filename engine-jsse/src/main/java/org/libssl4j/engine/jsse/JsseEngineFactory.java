package org.libssl4j.engine.jsse;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.libssl4j.Capability;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;

/** An {@link EngineFactory} for any JSSE provider, given its {@link JsseBinding}. */
public final class JsseEngineFactory implements EngineFactory {
    /**
     * What the adapter gives on any JSSE provider: SNI ({@code SSL_set_tlsext_host_name}), ALPN, client
     * authentication, RSA and ECDSA certificates, and the negotiated group, read off the wire ({@link GroupWatcher}).
     */
    public static final Set<Capability> ADAPTER = Collections.unmodifiableSet(EnumSet.of(Capability.SNI,
            Capability.ALPN, Capability.CLIENT_AUTH, Capability.RSA, Capability.ECDSA, Capability.NEGOTIATED_GROUP));

    private final String version;
    private final Set<Capability> declared;
    private final boolean probe;
    private final JsseBinding binding;
    private volatile Set<Capability> capabilities;
    private volatile JsseProbe.Result probeResult;

    /**
     * A factory whose capabilities are exactly {@code capabilities}, for a provider whose behaviour is fixed (or a
     * test's engine). A real provider's engine should use {@link #probing} so that what depends on the provider's
     * version is decided on the running JVM.
     *
     * @param version the provider's version, as {@link EngineFactory#version()} reports it
     * @param capabilities what the provider can do, truthfully
     * @param binding where the provider's objects come from
     */
    public JsseEngineFactory(String version, Set<Capability> capabilities, JsseBinding binding) {
        this(version, capabilities, binding, false);
    }

    private JsseEngineFactory(String version, Set<Capability> capabilities, JsseBinding binding, boolean probe) {
        this.version = version;
        this.declared = Collections.unmodifiableSet(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
        this.binding = binding;
        this.probe = probe;
        if (!probe) {
            this.capabilities = declared;
        }
    }

    /**
     * The factory of an engine over a JSSE provider, as its {@code EngineProvider.load()} returns it. Its
     * capabilities are those the adapter gives on any provider ({@link #ADAPTER}), the protocol versions the
     * provider supports ({@code TLS1_2}, {@code TLS1_3}: read now from the supported parameters of a context of
     * {@code binding}), {@code extra} (what only this provider's engine gives), and those {@link JsseProbe} decides
     * on this JVM, as {@link #probing} says.
     *
     * @param version the provider's version, as {@link EngineFactory#version()} reports it
     * @param binding where the provider's objects come from
     * @param extra capabilities of this provider beyond the adapter's; none of {@link JsseProbe#PROBED}
     * @throws GeneralSecurityException if the provider cannot make or initialise an {@code SSLContext}
     * @throws IllegalArgumentException if {@code extra} names a probed capability
     */
    public static JsseEngineFactory forProvider(String version, JsseBinding binding, Capability... extra)
            throws GeneralSecurityException {
        EnumSet<Capability> declared = EnumSet.copyOf(ADAPTER);
        declared.addAll(Arrays.asList(extra));
        declared.addAll(JsseProbe.protocolVersions(binding));
        return probing(version, declared, binding);
    }

    /**
     * A factory whose capabilities are {@code declared} (what the adapter itself gives, such as SNI or ALPN) plus
     * those of {@link JsseProbe#PROBED} that {@link JsseProbe#run} sees the provider keep on this JVM. The probe
     * runs once, the first time the capabilities are asked for, so loading an engine that is never used costs
     * nothing.
     *
     * @throws IllegalArgumentException if {@code declared} names a probed capability: those are observed, not declared
     */
    public static JsseEngineFactory probing(String version, Set<Capability> declared, JsseBinding binding) {
        for (Capability c : declared) {
            if (JsseProbe.PROBED.contains(c)) {
                throw new IllegalArgumentException(c + " is decided by JsseProbe on the running JVM, not declared");
            }
        }
        return new JsseEngineFactory(version, declared, binding, true);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = capabilities;
        if (caps == null) {
            synchronized (this) {
                caps = capabilities;
                if (caps == null) {
                    JsseProbe.Result result = JsseProbe.runSafely(binding);
                    EnumSet<Capability> all = EnumSet.noneOf(Capability.class);
                    all.addAll(declared);
                    all.addAll(result.capabilities());
                    // GROUPS_LIST and SIGALGS_LIST: where restrictionProbe() sees the provider honour the list in
                    // its ClientHello on this JVM, and the binding keeps what follows as libssl's (GROUP-2, SIGALG-1/2;
                    // each engine's README says which it keeps and why).
                    if (!binding.restrictionCapabilities().isEmpty()) { // the probe's handshakes only where they count
                        Set<Capability> restricted = restrictionProbe();
                        restricted.retainAll(binding.restrictionCapabilities());
                        all.addAll(restricted);
                    }
                    probeResult = result;
                    capabilities = caps = Collections.unmodifiableSet(all);
                }
            }
        }
        return caps;
    }

    /**
     * {@code GROUPS_LIST} and {@code SIGALGS_LIST} where the provider honours {@link GroupRestriction} on this JVM:
     * a client restricted to secp384r1 and ecdsa_secp384r1_sha384 sends a ClientHello whose supported_groups (and
     * key_share) name only secp384r1 and whose signature_algorithms name only that scheme. Anything unexpected
     * decides "absent". The groups asked for are not the providers' first defaults, so a provider that ignores the
     * restriction is seen to.
     */
    Set<Capability> restrictionProbe() {
        EnumSet<Capability> found = EnumSet.noneOf(Capability.class);
        try {
            ContextConfig config = new ContextConfig(org.libssl4j.SslMethod.TLS_CLIENT,
                    org.libssl4j.SslVersion.TLS1_2_VERSION, org.libssl4j.SslVersion.TLS1_3_VERSION, 0, 0,
                    java.util.List.of(), null, java.util.List.of(), 0, 0, null, false, java.util.List.of(),
                    java.util.List.of(), java.util.List.of(), 0, 0, java.util.List.of("secp384r1"),
                    java.util.List.of("ecdsa_secp384r1_sha384"));
            EngineContext context = newContext(config);
            try {
                javax.net.ssl.SSLEngine engine = ((JsseContext) context).clientEngine();
                engine.beginHandshake();
                java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                engine.wrap(java.nio.ByteBuffer.allocate(0), out);
                out.flip();
                Map<Integer, int[]> ext = ClientHelloExtensions.read(out);
                int[] groups = ext.get(10);
                int[] keyShares = ext.get(51);
                if (groups != null && Arrays.equals(groups, new int[] {24})
                        && (keyShares == null || Arrays.equals(keyShares, new int[] {24}))) {
                    found.add(Capability.GROUPS_LIST);
                }
                if (Arrays.equals(ext.get(13), new int[] {0x0503})) {
                    found.add(Capability.SIGALGS_LIST);
                }
            } finally {
                context.close();
            }
        } catch (Exception | LinkageError e) {
            // absent: the provider could not be asked
        }
        return found;
    }

    /**
     * What the probe saw for each probed capability (running it if it has not run), or null for a factory made
     * with fixed capabilities.
     */
    public JsseProbe.Result probeResult() {
        if (!probe) {
            return null;
        }
        capabilities();
        return probeResult;
    }

    /**
     * The provider's own {@code SSLContext}, without libssl4j in the way, for measuring the engine raw beside
     * libssl4j ({@code libssl4j speed}): a server presenting {@code identity}, or, when it is null, a client that
     * accepts any certificate.
     */
    public SSLContext newRawContext(ProbeIdentity identity) throws java.security.GeneralSecurityException {
        SSLContext ssl = binding.newSslContext();
        if (identity != null) {
            ssl.init(JsseProbe.keyManagers(binding, identity), null, binding.secureRandom());
        } else {
            ssl.init(null, new TrustManager[] {JsseProbe.acceptingEverything()}, binding.secureRandom());
        }
        return ssl;
    }

    /** The records that make the provider send chosen alerts; asked for only when an alert is, so the probe waits. */
    private Map<Integer, byte[]> provocations() {
        JsseProbe.Result probed = probeResult();
        return probed == null ? Map.of() : probed.provocations();
    }

    @Override
    public EngineContext newContext(ContextConfig config) throws EngineException {
        try {
            SSLContext ssl = binding.newSslContext();
            ServernameSwitch servernames = new ServernameSwitch(keyManagers(config));
            ssl.init(servernames.keyManagers(), new TrustManager[] {new VerifyingTrustManager(config)}, binding.secureRandom());
            for (javax.net.ssl.SSLSessionContext sessions : new javax.net.ssl.SSLSessionContext[] {
                    ssl.getServerSessionContext(), ssl.getClientSessionContext()}) {
                if (sessions != null) {
                    sessions.setSessionCacheSize(config.sessionCacheSize());
                    sessions.setSessionTimeout(config.sessionTimeout());
                }
            }
            return new JsseContext(ssl, config, binding, this::provocations, servernames,
                    declared.contains(Capability.TLS1_3_RESUMPTION));
        } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw EngineException.of(SslReason.SSL_HANDSHAKE_FAILURE, "cannot build the engine's context: " + e, e);
        }
    }

    private KeyManager[] keyManagers(ContextConfig config) throws java.security.GeneralSecurityException, java.io.IOException {
        if (config.privateKey() == null || config.certificateChain().isEmpty()) {
            return new KeyManager[0];
        }
        return keyManagers(binding, config.privateKey(), config.certificateChain());
    }

    /** The provider's key managers presenting {@code key} with {@code chain} (leaf first). */
    static KeyManager[] keyManagers(JsseBinding binding, java.security.PrivateKey key, java.util.List<X509Certificate> chain)
            throws java.security.GeneralSecurityException, java.io.IOException {
        char[] password = "libssl4j".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("own", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = binding.newKeyManagerFactory();
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }
}
