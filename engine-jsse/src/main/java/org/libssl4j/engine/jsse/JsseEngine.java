package org.libssl4j.engine.jsse;

import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * A JSSE {@link SSLEngine} as a libssl4j {@link TlsEngine}. The state machine hands it whole records, so
 * {@code unwrap} never underflows; the delegated tasks run inline, as libssl does its work inline.
 */
final class JsseEngine implements TlsEngine {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ByteBuffer NO_ROOM = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final JsseBinding binding;
    private final boolean client;
    private final Supplier<Map<Integer, byte[]>> provocations;
    private final ServernameSwitch.Asked servername;
    private boolean closing;
    private String serverName;
    private final GroupWatcher groups = new GroupWatcher();
    private final JsseContext context;
    /** The session a client offers (its key in the provider's client cache), or null. */
    private final SessionKey resume;
    /** The suite order depends on the ClientHello ({@link ChachaPriority}): the handshake begins on its record. */
    private final boolean helloDecidesSuites;
    /** A server handshake is under way whose session its context does not keep (SESS-7). */
    private boolean sessionToDrop;
    /**
     * {@code SSL_OP_NO_TICKET}: the server's cache is the only way back to a session. With tickets a session resumes
     * from its ticket whatever the cache mode, as libssl's do, and dropping it would stop the provider from issuing
     * or honouring one (SunJSSE and Conscrypt tie tickets to a valid session), so it is kept.
     */
    private final boolean noTickets;
    /** {@link #beginHandshake} was asked but waits for the client's first record. */
    private boolean awaitingHello;
    /** When {@link #beginHandshake} ran, in milliseconds: a session made before it was resumed. */
    private long handshakeStart;
    private final boolean tls13Resumption;
    /** {@code SSL_get_verify_result}: where {@link VerifyingTrustManager} records its verdict while this engine runs. */
    private final PeerCheck peerCheck;
    /** Where this connection's key-log lines go ({@code Capability.KEYLOG}); null when nobody asks. */
    private final KeyLog keyLog;
    /**
     * The alert libssl sends for the reason this engine's failure was mapped to, where the provider queues another
     * one ({@link #libsslAlert}); -1 when there is no failure or the provider's alert stands.
     */
    private int alertAfterFailure = -1;

    /**
     * A session's place in the provider's client session cache: the peer host and port its engine was made with,
     * in the context that made it ({@code EngineSession.handle()}).
     *
     * @param creationTime the session's creation time, to tell a resumption of it on the client
     */
    record SessionKey(JsseContext context, String host, int port, long creationTime) {
    }

    JsseEngine(SSLEngine engine, JsseBinding binding, boolean client, Supplier<Map<Integer, byte[]>> provocations,
            ServernameSwitch.Asked servername, JsseContext context, SessionKey resume, boolean tls13Resumption,
            boolean helloDecidesSuites, KeyLog keyLog, PeerCheck peerCheck, boolean noTickets) {
        this.noTickets = noTickets;
        this.peerCheck = peerCheck;
        this.keyLog = keyLog;
        this.helloDecidesSuites = helloDecidesSuites;
        this.tls13Resumption = tls13Resumption;
        this.context = context;
        this.resume = resume;
        this.provocations = provocations;
        this.servername = servername;
        this.engine = engine;
        this.binding = binding;
        this.client = client;
    }

    @Override
    public void beginHandshake() throws EngineException {
        handshakeStart = System.currentTimeMillis();
        sessionToDrop = !client && !context.keepsServerSessions() && noTickets;
        if (keyLog != null) {
            keyLog.newHandshake();
        }
        if (helloDecidesSuites) {
            awaitingHello = true; // a server has nothing to send before the hello
            return;
        }
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            throw map(e);
        }
    }

    @Override
    public int verifyResult() {
        return peerCheck.result;
    }

    /**
     * Runs one engine call with this connection's verify result as the place the trust manager records in, and its
     * key log as {@link KeyLog#current()}.
     */
    private <T> T recording(EngineCall<T> call) throws EngineException {
        PeerCheck before = VerifyingTrustManager.CURRENT.get();
        VerifyingTrustManager.CURRENT.set(peerCheck);
        KeyLog logBefore = keyLog == null ? null : KeyLog.enter(keyLog);
        try {
            return call.run();
        } finally {
            if (keyLog != null) {
                KeyLog.restore(logBefore);
            }
            if (before == null) {
                VerifyingTrustManager.CURRENT.remove();
            } else {
                VerifyingTrustManager.CURRENT.set(before);
            }
        }
    }

    private interface EngineCall<T> {
        T run() throws EngineException;
    }

    @Override
    public Status status() throws EngineException {
        // The trust manager runs only in a delegated task or an unwrap during a handshake: only those record.
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK ? recording(this::status0) : status0();
    }

    private Status status0() throws EngineException {
        if (awaitingHello) {
            return Status.NEED_UNWRAP;
        }
        SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
        if (!client && serverName == null && hs != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            captureServerName(engine.getHandshakeSession());
        }
        boolean ranTasks = false;
        while (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            ranTasks = true;
            hs = engine.getHandshakeStatus();
        }
        if (ranTasks && (hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP
                || hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP_AGAIN)) {
            // A task that failed may leave the engine waiting to read (SunJSSE after a ClientHello it could not
            // parse, engine-jdk README Q1): its failure waits for a wrap that a reading state machine never makes.
            surfaceDeferredFailure();
        }
        switch (hs) {
            case NEED_WRAP:
                if (engine.isOutboundDone()) {
                    surfaceDeferredFailure(); // nothing left to send, but a failure may wait for a wrap
                    return Status.NOT_HANDSHAKING;
                }
                return Status.NEED_WRAP;
            case NEED_UNWRAP:
            case NEED_UNWRAP_AGAIN:
                // While closing, JSSE waits for the peer's close_notify; that is shutdown's business, not a handshake.
                return closing || engine.isInboundDone() ? Status.NOT_HANDSHAKING : Status.NEED_UNWRAP;
            default:
                if (sessionToDrop) {
                    dropServerSession();
                }
                return Status.NOT_HANDSHAKING;
        }
    }

    /**
     * A server whose context keeps no sessions ({@code SSL_CTX_set_session_cache_mode}, SESS-7) and sends no tickets:
     * the session of the handshake just finished leaves the provider's cache, so its id (or TLS 1.3 stateful ticket)
     * resumes nothing.
     */
    private void dropServerSession() {
        sessionToDrop = false;
        SSLSession session = engine.getSession();
        if (session != null && session.isValid() && !"NONE".equals(session.getProtocol())) {
            session.invalidate();
        }
    }

    @Override
    public int wrapHandshake(ByteBuffer out) throws EngineException {
        return recording(() -> wrapHandshake0(out));
    }

    private int wrapHandshake0(ByteBuffer out) throws EngineException {
        try {
            int start = out.position();
            SSLEngineResult r = engine.wrap(EMPTY, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return OVERFLOW;
            }
            if (alertAfterFailure >= 0) {
                replacePlaintextAlert(out, start, r.bytesProduced(), alertAfterFailure);
            }
            if (!client) {
                groups.records(out, start, start + r.bytesProduced());
            } else if (keyLog != null) {
                keyLog.record(out, start, start + r.bytesProduced());
            }
            return r.bytesProduced();
        } catch (SSLException e) {
            throw map(e);
        }
    }

    @Override
    public int seal(ByteBuffer src, ByteBuffer out) throws EngineException {
        return seal0(src, out); // wrapping application data verifies nothing
    }

    private int seal0(ByteBuffer src, ByteBuffer out) throws EngineException {
        try {
            SSLEngineResult r = engine.wrap(src, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                throw new IllegalStateException("the state machine gave less than maxRecordSize() of output space");
            }
            return r.bytesConsumed();
        } catch (SSLException e) {
            throw map(e);
        }
    }

    @Override
    public int open(ByteBuffer record, ByteBuffer dst) throws EngineException {
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && !awaitingHello
                ? open0(record, dst) : recording(() -> open0(record, dst));
    }

    private int open0(ByteBuffer record, ByteBuffer dst) throws EngineException {
        if (awaitingHello) {
            awaitingHello = false;
            ChachaPriority.reorder(engine, record);
            try {
                engine.beginHandshake();
            } catch (SSLException e) {
                throw map(e);
            }
        }
        if (client) {
            groups.records(record, record.position(), record.limit());
        } else if (keyLog != null) {
            keyLog.record(record, record.position(), record.limit());
        }
        try {
            SSLEngineResult r = engine.unwrap(record, dst);
            switch (r.getStatus()) {
                case CLOSED:
                    if (engine.isInboundDone()) {
                        return CLOSED;
                    }
                    return r.bytesProduced();
                case OK:
                    if (r.bytesConsumed() == 0 && record.hasRemaining()) {
                        if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                            surfaceDeferredFailure();
                        }
                        throw new IllegalStateException("the engine took no byte of a whole record (status " + r.getHandshakeStatus() + ")");
                    }
                    return r.bytesProduced();
                default:
                    throw new IllegalStateException("unwrap of a whole record gave " + r.getStatus());
            }
        } catch (SSLException e) {
            throw map(e);
        }
    }

    /**
     * Some providers keep a failure met in {@code unwrap} during a handshake, a received fatal alert included, for
     * the next {@code wrap}, and answer "needs wrap" meanwhile (BCJSSE's {@code ProvSSLEngine.deferredException},
     * engine-bc README Q2). A wrap with no room for output throws it without producing anything; on SunJSSE it
     * does nothing.
     */
    private void surfaceDeferredFailure() throws EngineException {
        try {
            engine.wrap(EMPTY, NO_ROOM);
        } catch (SSLException e) {
            throw map(e);
        }
    }

    private EngineException map(SSLException e) {
        for (Throwable t : JsseFailures.chain(e)) {
            if (t instanceof VerifyFailure) {
                return EngineException.of(SslErrorEntry.LIB_SSL, SslReason.CERTIFICATE_VERIFY_FAILED,
                        ((VerifyFailure) t).detail(), e);
            }
        }
        EngineException mapped = binding.mapFailure(e, client);
        if (!mapped.isAlertReceived()) {
            alertAfterFailure = libsslAlert(mapped.reason());
        }
        return mapped;
    }

    /**
     * The alert libssl sends with {@code reason} where a provider is known to queue another for the same failure, or
     * -1. A TLS 1.3 server that finds no group to ask the client for: libssl's {@code final_key_share} sends
     * handshake_failure with "no suitable key share", SunJSSE's {@code HRRKeyShareProducer} unexpected_message
     * (engine-jdk README Q21). An unexpected message: libssl always sends unexpected_message, bctls internal_error
     * where a TLS 1.2 server's Certificate is missing (engine-bc README Q20).
     */
    static int libsslAlert(int reason) {
        if (reason == SslReason.NO_SUITABLE_KEY_SHARE) {
            return 40;
        }
        return reason == SslReason.UNEXPECTED_MESSAGE ? 10 : -1;
    }

    /**
     * Sets the description of a plaintext fatal alert record ({@code 15 03 0x 00 02 02 xx}) that the provider wrote
     * at {@code out[start..start+length)} after its failure: only a whole, unprotected alert record is touched, so
     * nothing protected is ever altered.
     */
    static void replacePlaintextAlert(ByteBuffer out, int start, int length, int description) {
        if (length == 7 && out.get(start) == 21 && out.get(start + 1) == 3 && out.get(start + 3) == 0
                && out.get(start + 4) == 2 && out.get(start + 5) == 2) {
            out.put(start + 6, (byte) description);
        }
    }

    /**
     * {@code SSLEngine} has no call to send a chosen alert: hand the engine the record that makes it send this one
     * ({@link AlertProvocation}), found on this JVM by the probe. Only after the handshake, where the probe found it.
     */
    @Override
    public int sealAlert(int description, ByteBuffer out) {
        byte[] record = provocations.get().get(description);
        if (record == null || engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            return -1;
        }
        return AlertProvocation.provoke(engine, record, out);
    }

    @Override
    public boolean renegotiate() throws EngineException {
        if (!"TLSv1.2".equals(protocol())) {
            return false;
        }
        try {
            engine.beginHandshake();
            if (keyLog != null) {
                keyLog.newHandshake();
            }
            sessionToDrop = !client && !context.keepsServerSessions() && noTickets;
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // BCJSSE: "Renegotiation not supported"
        } catch (SSLException e) {
            throw map(e);
        }
    }

    @Override
    public void closeOutbound() {
        closing = true;
        engine.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return engine.isOutboundDone();
    }

    @Override
    public int maxRecordSize() {
        return engine.getSession().getPacketBufferSize();
    }

    @Override
    public int maxPlaintextSize() {
        return engine.getSession().getApplicationBufferSize();
    }

    @Override
    public String protocol() {
        String p = engine.getSession().getProtocol();
        return p == null || p.equals("NONE") ? null : p;
    }

    @Override
    public String cipherSuite() {
        String s = engine.getSession().getCipherSuite();
        return s == null || s.startsWith("SSL_NULL") ? null : s;
    }

    @Override
    public List<X509Certificate> peerCertificates() {
        SSLSession session = engine.getHandshakeSession() != null ? engine.getHandshakeSession() : engine.getSession();
        try {
            List<X509Certificate> list = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                list.add((X509Certificate) c);
            }
            return list;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    @Override
    public String requestedServerName() {
        captureServerName(engine.getSession());
        // Inside the servername callback the provider may not have filed the name yet; the callback was told it.
        return serverName != null || servername == null ? serverName : servername.name();
    }

    /**
     * Keeps the SNI host name a client asked for. Some providers answer only from the handshake session
     * (BCJSSE's established session throws {@link UnsupportedOperationException}), so it is taken while the
     * handshake runs.
     */
    private void captureServerName(SSLSession session) {
        if (client || serverName != null || !(session instanceof javax.net.ssl.ExtendedSSLSession)) {
            return;
        }
        try {
            for (javax.net.ssl.SNIServerName name : ((javax.net.ssl.ExtendedSSLSession) session).getRequestedServerNames()) {
                if (name instanceof javax.net.ssl.SNIHostName) {
                    serverName = ((javax.net.ssl.SNIHostName) name).getAsciiName();
                    return;
                }
            }
        } catch (UnsupportedOperationException e) {
            // this provider tells only during the handshake
        } catch (IllegalArgumentException e) {
            // A host_name that javax.net.ssl.SNIHostName refuses ("|ocalhost": IDN.toASCII, "Contains non-LDH ASCII
            // characters"), which Conscrypt's Java8ExtendedSSLSession builds from the client's bytes. libssl takes any
            // name without a zero byte; the handshake goes on, the name unknown here (it-tests HELLO-5).
        }
    }

    @Override
    public String selectedAlpn() {
        String p = engine.getApplicationProtocol();
        return p == null || p.isEmpty() ? null : p;
    }

    /** Read off the wire (the server's hello), as JSSE has no API for it: {@link GroupWatcher}. */
    @Override
    public int negotiatedGroup() {
        return groups.group();
    }

    @Override
    public org.libssl4j.spi.EngineSession session() {
        SSLSession s = engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                ? engine.getSession() : engine.getHandshakeSession();
        if (s == null) {
            s = engine.getSession();
        }
        javax.net.ssl.SSLSessionContext sessions = s.getSessionContext();
        long timeout = sessions == null ? 0 : sessions.getSessionTimeout();
        SessionKey key = client ? new SessionKey(context, engine.getPeerHost(), engine.getPeerPort(), s.getCreationTime()) : null;
        return new org.libssl4j.spi.EngineSession(key, s.getId(), s.getCreationTime(), timeout,
                s.isValid() && protocol() != null && (tls13Resumption || !"TLSv1.3".equals(protocol())));
    }

    /**
     * The provider's own answer ({@link JsseBinding#sessionReused}), else the session's creation time: a resumed
     * session keeps the time of the handshake that made it. A client resumed when its session was made when the one
     * it offered was; a server when its session is older than this handshake.
     */
    @Override
    public boolean sessionReused() {
        Boolean known = binding.sessionReused(engine);
        if (known != null) {
            return known;
        }
        long created = engine.getSession().getCreationTime();
        return client ? resume != null && created == resume.creationTime() : created < handshakeStart;
    }

    @Override
    public void close() {
        engine.closeOutbound();
        try {
            engine.closeInbound();
        } catch (SSLException ignored) {
            // closeInbound complains when no close_notify came; the connection is being freed anyway.
        }
    }
}
