package org.libssl4j.engine.conscrypt;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Conscrypt's {@link SSLEngine} with three of its quirks evened out at the JSSE level, so that the shared adapter
 * ({@code JsseEngine}) drives it as it drives SunJSSE. Everything else is delegated unchanged. See this module's
 * README for the evidence of each quirk.
 *
 * <ol>
 *   <li><b>The alert after a local failure (Q3).</b> When BoringSSL fails a connection it queues its fatal alert in
 *       Conscrypt's network BIO, and Conscrypt's next {@code wrap} returns it; but Conscrypt then reports
 *       {@code NOT_HANDSHAKING}, not {@code NEED_WRAP} as SunJSSE does, so the state machine would never send the
 *       alert. After a failure, and while ciphertext is still waiting ({@code !isOutboundDone()}), this engine
 *       reports {@code NEED_WRAP}.</li>
 *   <li><b>Renegotiation (Q5).</b> Conscrypt's {@code beginHandshake()} on an established engine silently does
 *       nothing (BoringSSL does not initiate renegotiation). This engine throws
 *       {@link UnsupportedOperationException} instead, as BouncyCastle's does, so that {@code Ssl.renegotiate()}
 *       is refused cleanly ("unsupported") rather than reporting a renegotiation that never happens.</li>
 *   <li><b>A handshake flight over 17,408 bytes (Q13).</b> After a wrap that drained Conscrypt's network BIO, this
 *       engine wraps again until BoringSSL has written its whole flight (see {@link #restOfFlight}).</li>
 *   <li><b>Freeing the native {@code SSL} (Q9).</b> Conscrypt frees its native connection only when both
 *       directions are closed <em>and</em> no ciphertext is waiting in its network BIO; otherwise only its
 *       finalizer frees it. {@code JsseEngine.close()} calls {@code closeOutbound()} then {@code closeInbound()},
 *       which queues a close_notify that nobody wraps. So {@link #closeInbound()}, once {@link #closeOutbound()}
 *       was called too, wraps whatever is waiting into a scratch buffer and drops it (libssl's {@code SSL_free}
 *       sends nothing either); Conscrypt's {@code wrap} then frees the native {@code SSL} and its BIO at once.</li>
 *   <li><b>A ticket with the first record (Q18).</b> With tickets on, a TLS 1.3 server's first application record
 *       comes with its NewSessionTicket, more than one record's room; see {@link #sealedAhead}.</li>
 * </ol>
 */
final class ConscryptSslEngine extends SSLEngine {
    /** The message of the refusal of a renegotiation. */
    static final String NO_RENEGOTIATION = "Conscrypt (BoringSSL) cannot start a renegotiation";

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** Where pending ciphertext goes when the engine is freed; direct, so Conscrypt copies nothing. */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1024));

    private final SSLEngine delegate;
    private boolean started;
    private boolean failed;
    private boolean outboundClosed;
    /** Records sealed into Conscrypt's network BIO that did not fit the last wrap's output (Q18). */
    private ByteBuffer sealedAhead;
    /** The last {@code setSSLParameters} asked for the client's cipher order (Q14). */
    private boolean clientCipherOrder;

    ConscryptSslEngine(SSLEngine delegate) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
    }

    /** Conscrypt's own engine, for {@code org.conscrypt.Conscrypt}'s per-engine settings. */
    SSLEngine delegate() {
        return delegate;
    }

    // ---- the three changes -------------------------------------------------------------------------------

    /**
     * Starts the first handshake.
     *
     * @throws UnsupportedOperationException once the first handshake has begun: Conscrypt would silently ignore
     *     the call; {@code JsseEngine.renegotiate()} reads this exception as "the engine cannot renegotiate", as
     *     it does for BouncyCastle's engine
     */
    @Override
    public void beginHandshake() throws SSLException {
        if (started && delegate.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING && !delegate.isOutboundDone()) {
            throw new UnsupportedOperationException(NO_RENEGOTIATION);
        }
        boolean first = !started;
        started = true;
        try {
            delegate.beginHandshake();
            if (first) {
                clientCipherOrder();
            }
        } catch (SSLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Q14: Conscrypt sets {@code SSL_OP_CIPHER_SERVER_PREFERENCE} on every server {@code SSL} it makes
     * ({@code NativeSsl.initialize}) and never reads {@code SSLParameters.getUseCipherSuitesOrder()}. Before the
     * first record of a server that wants the client's order, the handshake is begun (which makes the native
     * {@code SSL}) and the option is cleared.
     */
    private void start() throws SSLException {
        if (!started) {
            started = true;
            if (clientCipherOrder && !delegate.getUseClientMode()) {
                delegate.beginHandshake();
                clientCipherOrder();
            }
        }
    }

    private void clientCipherOrder() {
        if (clientCipherOrder && !delegate.getUseClientMode()) {
            ConscryptNative.clearCipherServerPreference(delegate);
        }
    }

    @Override
    public HandshakeStatus getHandshakeStatus() {
        HandshakeStatus hs = delegate.getHandshakeStatus();
        if ((failed || sealedAhead != null) && hs == HandshakeStatus.NOT_HANDSHAKING && !delegate.isOutboundDone()) {
            return HandshakeStatus.NEED_WRAP; // the fatal alert BoringSSL queued, or the rest of a ticket and record
        }
        return hs;
    }

    @Override
    public void closeOutbound() {
        outboundClosed = true;
        delegate.closeOutbound();
    }

    @Override
    public void closeInbound() throws SSLException {
        try {
            delegate.closeInbound();
        } finally {
            if (outboundClosed) {
                release();
            }
        }
    }

    /** Drops the ciphertext still waiting, which lets Conscrypt free its native SSL now (see the class comment). */
    private void release() {
        ByteBuffer scratch = SCRATCH.get();
        for (int i = 0; i < 64 && !delegate.isOutboundDone(); i++) {
            scratch.clear();
            try {
                if (delegate.wrap(EMPTY, scratch).bytesProduced() == 0) {
                    break;
                }
            } catch (SSLException | RuntimeException e) {
                break; // the engine is being freed; Conscrypt's finalizer remains the fallback
            }
        }
        scratch.clear();
    }

    // ---- wrap and unwrap: delegated, noting a failure ---------------------------------------------------

    @Override
    public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        try {
            start();
            if (sealedAhead != null) {
                int n = handOut(dst);
                return new SSLEngineResult(SSLEngineResult.Status.OK, getHandshakeStatus(), 0, n);
            }
            SSLEngineResult r = delegate.wrap(src, dst);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW && r.bytesConsumed() > 0) {
                return sealedAhead(r, dst);
            }
            return r.getStatus() == SSLEngineResult.Status.OK && r.bytesProduced() > 0
                    && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP ? restOfFlight(r, dst) : r;
        } catch (SSLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Q18: with tickets on, a TLS 1.3 server's NewSessionTicket goes out with its first application record, and the
     * two may not fit the room for one record ({@code getPacketBufferSize()}). Conscrypt then has sealed the data
     * into its network BIO but reports {@code BUFFER_OVERFLOW} with nothing produced. This wrap hands out what fits
     * and says {@code NEED_WRAP} until the rest is out, as SunJSSE does for a ticket after data (engine-jdk Q10).
     */
    private SSLEngineResult sealedAhead(SSLEngineResult overflow, ByteBuffer dst) throws SSLException {
        // Conscrypt hands out its BIO's bytes only into room for all of them, so they are taken whole here first.
        ByteBuffer all = ByteBuffer.allocate(2 * delegate.getSession().getPacketBufferSize());
        delegate.wrap(EMPTY, all);
        all.flip();
        sealedAhead = all;
        int n = handOut(dst);
        return new SSLEngineResult(SSLEngineResult.Status.OK, getHandshakeStatus(), overflow.bytesConsumed(), n);
    }

    /** Copies what fits of {@link #sealedAhead} into {@code dst}; returns the count. */
    private int handOut(ByteBuffer dst) {
        int n = Math.min(sealedAhead.remaining(), dst.remaining());
        ByteBuffer part = sealedAhead.slice();
        part.limit(n);
        dst.put(part);
        sealedAhead.position(sealedAhead.position() + n);
        if (!sealedAhead.hasRemaining()) {
            sealedAhead = null;
        }
        return n;
    }

    /**
     * Q13: BoringSSL writes a handshake flight into Conscrypt's network BIO, which holds 17,408 bytes; the rest
     * stays inside BoringSSL until its handshake runs again. Once the BIO is drained Conscrypt says
     * {@code NEED_UNWRAP}, though the flight is not all out, and both peers wait for each other. A wrap that
     * emptied the BIO is therefore followed by more wraps, which run BoringSSL's handshake, until one gives
     * nothing or the output is full (then Conscrypt itself says {@code NEED_WRAP}).
     */
    private SSLEngineResult restOfFlight(SSLEngineResult first, ByteBuffer dst) throws SSLException {
        int produced = first.bytesProduced();
        SSLEngineResult r = first;
        while (r.getStatus() == SSLEngineResult.Status.OK && r.bytesProduced() > 0
                && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP && dst.hasRemaining()) {
            r = delegate.wrap(EMPTY, dst);
            produced += r.bytesProduced();
        }
        return new SSLEngineResult(SSLEngineResult.Status.OK, delegate.getHandshakeStatus(), first.bytesConsumed(), produced);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        try {
            start();
            return delegate.wrap(srcs, offset, length, dst);
        } catch (SSLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        try {
            start();
            return delegate.unwrap(src, dst);
        } catch (SSLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        try {
            start();
            return delegate.unwrap(src, dsts, offset, length);
        } catch (SSLException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    // ---- everything else: delegated --------------------------------------------------------------------

    @Override
    public Runnable getDelegatedTask() {
        return delegate.getDelegatedTask();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        delegate.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        delegate.setSSLParameters(params);
        clientCipherOrder = !params.getUseCipherSuitesOrder();
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
        return "ConscryptSslEngine[" + delegate + "]";
    }
}
