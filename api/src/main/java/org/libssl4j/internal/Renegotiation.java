package org.libssl4j.internal;

import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * What one connection knows of renegotiation (TLS 1.2): {@code SSL_renegotiate_pending}, whether the asked-for
 * handshake has begun, a server's HelloRequest still to send, a handshake the peer began while a write was
 * half-sent, and the policy that refuses a client's renegotiation (R11).
 *
 * <p>Invariants: {@code started} implies {@code pending}; {@code helloRequestDue} implies {@code started}; when a
 * handshake finishes all three are false.
 */
final class Renegotiation {
    private final boolean engineCan;
    private final Settings settings;
    private boolean pending;
    private boolean started;
    private boolean helloRequestDue;
    private boolean peerOwed;

    /**
     * @param engineCan the engine would follow a renegotiation ({@code Capability.RENEGOTIATION})
     */
    Renegotiation(boolean engineCan, Settings settings) {
        this.engineCan = engineCan;
        this.settings = settings;
    }

    /**
     * {@code SSL_renegotiate}'s checks (R11.2, R11.11).
     *
     * @param possible the connection has finished a TLS 1.2 handshake and is not failed
     * @return the reason it is refused, or 0 when it was recorded as pending
     */
    int request(boolean possible) {
        if (!possible) {
            return SslReason.WRONG_SSL_VERSION;
        }
        if ((settings.options & SslOptions.NO_RENEGOTIATION) != 0) {
            return SslReason.NO_RENEGOTIATION;
        }
        if (!engineCan) {
            return SslReason.UNSUPPORTED;
        }
        // Only the wish is recorded: the handshake starts at the start of a later call, once nothing is half-sent,
        // so a HelloRequest never overtakes the rest of a pending write (ssl3_renegotiate_check).
        pending = true;
        started = false;
        return 0;
    }

    /** {@code SSL_renegotiate_pending}. */
    boolean isPending() {
        return pending;
    }

    /**
     * {@code ssl3_renegotiate_check}: a renegotiation asked for by {@link #request}, or owed to the peer, begins
     * with the next read, write or handshake call, once nothing is half-sent. A server then owes its HelloRequest.
     *
     * @return whether this side is back in a handshake: an owed one, or the client's renegotiation (a server is
     *     not, R11.2: it only sends its HelloRequest)
     */
    boolean beginIfDue(TlsEngine engine, boolean nothingHalfSent, boolean server, Failure failure) throws EngineException {
        boolean reentered = takeOwed(nothingHalfSent);
        if (failure.isFatal() || !pending || started || !nothingHalfSent) {
            return reentered;
        }
        if (!engine.renegotiate()) {
            failure.fail(SslErrorEntry.LIB_SSL, SslReason.INTERNAL_ERROR, "the engine refused a renegotiation it declared", null);
            return reentered;
        }
        started = true;
        helloRequestDue = server;
        return reentered || !server;
    }

    /** This server asked for a renegotiation whose HelloRequest is not sent yet. */
    boolean helloRequestDue() {
        return helloRequestDue;
    }

    /** The HelloRequest is out; a server does not wait for the client's answer (R11.2). */
    void helloRequestSent() {
        helloRequestDue = false;
    }

    /** The peer began a renegotiation (a HelloRequest, an allowed ClientHello): pending until it ends (R11.2). */
    void peerBegan() {
        pending = true;
        started = true;
    }

    /** The peer began a handshake while a write was half-sent: the answer is owed until the write is done. */
    void owe() {
        peerOwed = true;
    }

    /** Whether an owed answer may begin now, nothing being half-sent; it is then no longer owed. */
    private boolean takeOwed(boolean nothingHalfSent) {
        if (peerOwed && nothingHalfSent) {
            peerOwed = false;
            return true;
        }
        return false;
    }

    /**
     * After the engine sealed or opened a record: a renegotiation ends when the engine stops handshaking, in
     * whichever call that happens (a server's last flight may go out from a write, a client's Finished be read by
     * a read), R11.2.
     */
    void checkEnded(TlsEngine engine) throws EngineException {
        if (started && !helloRequestDue && engine.status() == TlsEngine.Status.NOT_HANDSHAKING) {
            pending = false;
            started = false;
        }
    }

    /** A handshake finished: nothing is pending. */
    void handshakeFinished() {
        pending = false;
        started = false;
        helloRequestDue = false;
    }

    /**
     * A TLS 1.2 server that did not ask for a renegotiation meets one the client started: libssl refuses it unless
     * {@code SSL_OP_ALLOW_CLIENT_RENEGOTIATION} (and never with {@code SSL_OP_NO_RENEGOTIATION}), R11.10. Engines
     * that cannot renegotiate refuse it themselves.
     */
    boolean refusesClient(boolean server, boolean tls13) {
        return server && engineCan && !tls13 && !pending
                && ((settings.options & SslOptions.ALLOW_CLIENT_RENEGOTIATION) == 0
                        || (settings.options & SslOptions.NO_RENEGOTIATION) != 0);
    }
}
