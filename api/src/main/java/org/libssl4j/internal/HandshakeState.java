package org.libssl4j.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ServerHooks;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * Where one connection's handshake stands, and what it negotiated: its side ({@code SSL_set_connect_state},
 * {@code SSL_set_accept_state}), its engine, {@code SSL_in_before}, whether a handshake is under way, and the
 * version, cipher, peer, server name and ALPN protocol once known.
 *
 * <p>Invariants: the side is set before the first handshake step and never changes after it; {@link #started()}
 * implies an engine (which may exist without a start, if its handshake failed to begin: it is still freed);
 * {@link #done()} implies started; the version is known when done.
 */
public final class HandshakeState {
    private enum Role { NONE, CLIENT, SERVER }

    private final SslMethod method;
    private final Settings settings;
    private Role role = Role.NONE;
    private TlsEngine engine;
    private org.libssl4j.spi.EngineContext context;
    private boolean started;
    private ServerHooks serverHooks;
    private Connection.KeylogSink keylog;
    private boolean done;
    /** libssl's {@code handshake_func} is {@code ssl_undefined_function}: connect/accept asked for a side the method lacks. */
    private boolean undefined;
    private boolean tls13;

    HandshakeState(SslMethod method, Settings settings) {
        this.method = method;
        this.settings = settings;
    }

    /** {@code SSL_set_connect_state} / {@code SSL_set_accept_state}. */
    void setSide(boolean client) {
        if (client && !method.allowsClient()) {
            throw new IllegalStateException("a TLS_SERVER context cannot make a client connection");
        }
        if (!client && !method.allowsServer()) {
            throw new IllegalStateException("a TLS_CLIENT context cannot make a server connection");
        }
        if (started()) {
            throw new IllegalStateException("the side cannot change after the handshake started");
        }
        role = client ? Role.CLIENT : Role.SERVER;
        undefined = false;
    }

    /**
     * {@code SSL_connect}/{@code SSL_accept} with no side set, on a method that cannot take {@code client}'s side:
     * the handshake function becomes {@code ssl_undefined_function} until a side is set (MISUSE-1).
     *
     * @return whether the side may be taken
     */
    boolean mayTakeSide(boolean client) {
        if (!undefined && (hasSide() || (client ? method.allowsClient() : method.allowsServer()))) {
            return true;
        }
        undefined = true;
        return false;
    }

    /** The handshake function is {@code ssl_undefined_function} (MISUSE-1). */
    boolean undefined() {
        return undefined;
    }

    /** A side is set: connect or accept state. */
    boolean hasSide() {
        return role != Role.NONE;
    }

    boolean isClient() {
        return role == Role.CLIENT;
    }

    /** {@code SSL_is_server}: without a side, libssl answers from the method; TLS_method() can accept, so it counts as a server. */
    boolean isServer() {
        return role == Role.SERVER || (role == Role.NONE && method != SslMethod.TLS_CLIENT);
    }

    /** Makes the engine for this side, from the connection's settings, and begins its handshake. */
    TlsEngine start(Connection.ContextSource contexts) throws EngineException {
        org.libssl4j.spi.EngineContext context = contexts.get();
        // A session resumes only through the engine context that made it (SslSession); elsewhere it is not offered.
        Object resume = isClient() && settings.resumeContext == context ? settings.resumeHandle : null;
        ConnectionConfig config = new ConnectionConfig(isClient(), settings.sniHostName,
                settings.verifyHostName != null ? settings.verifyHostName : settings.sniHostName,
                settings.options, settings.minVersion, settings.maxVersion, isClient() ? null : serverHooks, resume,
                keylog != null && keylog.wanted() ? keylog::line : null, settings.verification(), settings.ciphers());
        engine = context.newEngine(config);
        this.context = context;
        java.util.List<Integer> versions = config.enabledVersions();
        if (versions.isEmpty()) {
            setupFailure = org.libssl4j.SslReason.NO_PROTOCOLS_AVAILABLE;
        } else if (settings.noTls13Suites && versions.get(versions.size() - 1) == org.libssl4j.SslVersion.TLS1_3_VERSION) {
            setupFailure = org.libssl4j.SslReason.NO_CIPHERS_AVAILABLE;
        } else {
            engine.beginHandshake();
        }
        started = true;
        return engine;
    }

    /**
     * Why libssl's handshake fails at its first step ({@code tls_setup_handshake}), before it reads or writes a
     * handshake message: "no protocols available" when the options left no version between the minimum and the
     * maximum (OPT-3), "no ciphers available" when the highest version left is TLS 1.3 and the context has no TLS 1.3
     * suite (CIPHER-9); 0 when the handshake may run. The engine was then made but not begun.
     */
    int setupFailure() {
        return setupFailure;
    }

    /** What a server asks its application during the handshake (servername, ALPN); null for none. */
    void setServerHooks(ServerHooks hooks) {
        serverHooks = hooks;
    }

    /** Where the engine sends the key-log lines; null for nowhere. */
    void setKeylogSink(Connection.KeylogSink sink) {
        keylog = sink;
    }

    private int setupFailure;

    /** The first handshake step ran: {@code SSL_in_before} is false. */
    boolean started() {
        return started;
    }

    TlsEngine engine() {
        return engine;
    }

    /** A handshake finished and no new one (a renegotiation, a KeyUpdate exchange) is under way. */
    boolean done() {
        return done;
    }

    /** The handshake finished; {@code protocol} is the engine's name of the version. */
    void finished(String protocol) {
        done = true;
        tls13 = "TLSv1.3".equals(protocol);
    }

    /** A new handshake is under way (a renegotiation, a KeyUpdate to answer, one owed to the peer). */
    void reenter() {
        done = false;
    }

    /** The negotiated version is TLS 1.3 (kept, so that no record asks the engine's session). */
    boolean tls13() {
        return tls13;
    }

    /** {@code SSL_key_update}: R12.5's refusals; {@code Capability.KEY_UPDATE} is reserved, so it never schedules one. */
    int keyUpdate(int type) {
        if (!done || !tls13) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.WRONG_SSL_VERSION, null);
        } else if (type != org.libssl4j.Ssl.KEY_UPDATE_NOT_REQUESTED && type != org.libssl4j.Ssl.KEY_UPDATE_REQUESTED) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.INVALID_KEY_UPDATE_TYPE, null);
        } else {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED, "the engine cannot send a KeyUpdate on request");
        }
        return 0;
    }

    /** {@code SSL_get_version}: "TLSv1.3", "TLSv1.2", or "unknown" before the handshake. */
    public String version() {
        String v = done ? engine.protocol() : null;
        return v != null ? v : "unknown";
    }

    /** {@code SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))}: OpenSSL's name, or null before the handshake. */
    public String cipherName() {
        return done ? CipherNames.toOpenSsl(engine.cipherSuite()) : null;
    }

    /** {@code SSL_get_peer_cert_chain}: leaf first; empty when there is none. */
    public List<X509Certificate> peerChain() {
        return started() ? engine.peerCertificates() : List.of();
    }

    /** {@code SSL_get_servername}: a client's own SNI name; on a server the name the client sent, once known. */
    public String servername() {
        if (role == Role.CLIENT) {
            return settings.sniHostName;
        }
        return started() ? engine.requestedServerName() : null;
    }

    /** The engine context the engine came from, once started. */
    public org.libssl4j.spi.EngineContext context() {
        return context;
    }

    /** The engine, once the handshake started, else null. */
    public TlsEngine startedEngine() {
        return started ? engine : null;
    }

    /** {@code SSL_session_reused}: the finished handshake resumed a session. */
    public boolean sessionReused() {
        return done && engine.sessionReused();
    }

    /** A handshake finished and no new one is under way. */
    public boolean finished() {
        return done;
    }

    /** {@code SSL_get0_alpn_selected}: the negotiated protocol, or null. */
    public String alpn() {
        return done ? engine.selectedAlpn() : null;
    }

    /** {@code SSL_group_to_name(SSL_get_negotiated_group)}: the negotiated group's name, or null. */
    public String negotiatedGroup() {
        return done ? Groups.name(engine.negotiatedGroup()) : null;
    }
}
