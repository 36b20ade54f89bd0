package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

class RenegotiationTest {
    private final Settings settings = new Settings(0, 0, false, 16384, false, 0, 0);
    private final Renegotiation reneg = new Renegotiation(true, settings);
    private final Failure failure = new Failure();
    private final TestEngine engine = new TestEngine(true);

    @BeforeEach
    void clearQueue() {
        SslErrorQueue.clear();
    }

    /** A renegotiation asked for and begun on this side. */
    private void begun(boolean server) throws EngineException {
        assertThat(reneg.request(true)).isZero();
        reneg.beginIfDue(engine, true, server, failure);
    }

    @Test
    @DisplayName("R11.11 refused with wrong ssl version when not possible (TLS 1.3, no handshake, failed), before any option")
    void requestNotPossible() {
        settings.options = SslOptions.NO_RENEGOTIATION;
        assertThat(reneg.request(false)).isEqualTo(SslReason.WRONG_SSL_VERSION);
        assertThat(reneg.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.11 refused with no renegotiation under SSL_OP_NO_RENEGOTIATION, before the engine is asked")
    void requestWithNoRenegotiationOption() {
        settings.options = SslOptions.NO_RENEGOTIATION;
        Renegotiation cannot = new Renegotiation(false, settings);
        assertThat(cannot.request(true)).isEqualTo(SslReason.NO_RENEGOTIATION);
        assertThat(reneg.request(true)).isEqualTo(SslReason.NO_RENEGOTIATION);
        assertThat(reneg.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.11 an engine without the capability refuses with unsupported")
    void requestEngineCannot() {
        Renegotiation cannot = new Renegotiation(false, settings);
        assertThat(cannot.request(true)).isEqualTo(SslReason.UNSUPPORTED);
        assertThat(cannot.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.2 an accepted request is only recorded as pending: the engine is not asked yet")
    void requestRecordsPending() {
        assertThat(reneg.request(true)).isZero();
        assertThat(reneg.isPending()).isTrue();
        assertThat(engine.renegotiateCalls).isZero();
    }

    @Test
    @DisplayName("nothing pending: beginIfDue starts nothing")
    void beginIfDueNothingPending() throws EngineException {
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isZero();
        assertThat(reneg.helloRequestDue()).isFalse();
    }

    @Test
    @DisplayName("R11.2 a client's pending renegotiation begins with the next call: back in a handshake")
    void clientBegins() throws EngineException {
        reneg.request(true);
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isTrue();
        assertThat(engine.renegotiateCalls).isEqualTo(1);
        assertThat(reneg.helloRequestDue()).isFalse();
        assertThat(reneg.isPending()).isTrue();
        // begun once: the next call does not begin it again
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isEqualTo(1);
    }

    @Test
    @DisplayName("R11.2 a server that begins only owes its HelloRequest: it is not back in a handshake")
    void serverOwesHelloRequest() throws EngineException {
        reneg.request(true);
        assertThat(reneg.beginIfDue(engine, true, true, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isEqualTo(1);
        assertThat(reneg.helloRequestDue()).isTrue();
        reneg.helloRequestSent();
        assertThat(reneg.helloRequestDue()).isFalse();
        assertThat(reneg.isPending()).isTrue();
    }

    @Test
    @DisplayName("R11.3 nothing begins while a write is half-sent; it begins once the write is done")
    void waitsForHalfSentWrite() throws EngineException {
        reneg.request(true);
        assertThat(reneg.beginIfDue(engine, false, false, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isZero();
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isTrue();
        assertThat(engine.renegotiateCalls).isEqualTo(1);
    }

    @Test
    @DisplayName("R15.7 nothing begins on a failed connection")
    void nothingOnFailedConnection() throws EngineException {
        reneg.request(true);
        failure.silently();
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isZero();
    }

    @Test
    @DisplayName("an engine that refuses the renegotiation it declared fails the connection with internal error")
    void engineRefuses() throws EngineException {
        engine.canRenegotiate = false;
        reneg.request(true);
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isFalse();
        assertThat(failure.isFatal()).isTrue();
        assertThat(SslErrorQueue.peek().reason()).isEqualTo(SslReason.INTERNAL_ERROR);
    }

    @Test
    @DisplayName("a handshake owed to the peer waits while a write is half-sent, then begins once")
    void owedToPeer() throws EngineException {
        reneg.owe();
        assertThat(reneg.beginIfDue(engine, false, false, failure)).isFalse();
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isTrue();
        assertThat(reneg.beginIfDue(engine, true, false, failure)).isFalse();
        assertThat(engine.renegotiateCalls).isZero();
    }

    @Test
    @DisplayName("a handshake owed to the peer puts even a server back in a handshake")
    void owedServerReenters() throws EngineException {
        reneg.request(true);
        reneg.owe();
        assertThat(reneg.beginIfDue(engine, true, true, failure)).isTrue();
        assertThat(reneg.helloRequestDue()).isTrue();
    }

    @Test
    @DisplayName("R11.2 the renegotiation ends when the engine stops handshaking after a record")
    void checkEndedWhenNotHandshaking() throws EngineException {
        begun(false);
        engine.forcedStatus = TlsEngine.Status.NEED_UNWRAP;
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isTrue();
        engine.forcedStatus = TlsEngine.Status.NOT_HANDSHAKING;
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.2 a server's renegotiation does not end while its HelloRequest is still to send")
    void checkEndedWaitsForHelloRequest() throws EngineException {
        begun(true);
        engine.forcedStatus = TlsEngine.Status.NOT_HANDSHAKING;
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isTrue();
        reneg.helloRequestSent();
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.2 a renegotiation asked for but not begun does not end with a record")
    void checkEndedNotBegun() throws EngineException {
        reneg.request(true);
        engine.forcedStatus = TlsEngine.Status.NOT_HANDSHAKING;
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isTrue();
    }

    @Test
    @DisplayName("R11.2 one the peer began is pending until the engine stops handshaking")
    void peerBegan() throws EngineException {
        reneg.peerBegan();
        assertThat(reneg.isPending()).isTrue();
        engine.forcedStatus = TlsEngine.Status.NOT_HANDSHAKING;
        reneg.checkEnded(engine);
        assertThat(reneg.isPending()).isFalse();
    }

    @Test
    @DisplayName("R11.2 a finished handshake leaves nothing pending, begun or due")
    void handshakeFinished() throws EngineException {
        begun(true);
        reneg.handshakeFinished();
        assertThat(reneg.isPending()).isFalse();
        assertThat(reneg.helloRequestDue()).isFalse();
        // and a new request begins again
        reneg.request(true);
        reneg.beginIfDue(engine, true, true, failure);
        assertThat(engine.renegotiateCalls).isEqualTo(2);
    }

    @Test
    @DisplayName("R11.10 a TLS 1.2 server refuses a client's renegotiation by default")
    void refusesClientByDefault() {
        assertThat(reneg.refusesClient(true, false)).isTrue();
    }

    @Test
    @DisplayName("R11.10 the refusal is the server's, on TLS 1.2, for an engine that would follow, unasked")
    void refusesClientOnlyWhenAllHold() {
        assertThat(reneg.refusesClient(false, false)).as("a client").isFalse();
        assertThat(reneg.refusesClient(true, true)).as("TLS 1.3").isFalse();
        assertThat(new Renegotiation(false, settings).refusesClient(true, false)).as("engine cannot").isFalse();
        reneg.request(true);
        assertThat(reneg.refusesClient(true, false)).as("the server asked for it").isFalse();
    }

    @Test
    @DisplayName("R11.10 SSL_OP_ALLOW_CLIENT_RENEGOTIATION lets it through, unless SSL_OP_NO_RENEGOTIATION")
    void allowClientRenegotiation() {
        settings.options = SslOptions.ALLOW_CLIENT_RENEGOTIATION;
        assertThat(reneg.refusesClient(true, false)).isFalse();
        settings.options |= SslOptions.NO_RENEGOTIATION;
        assertThat(reneg.refusesClient(true, false)).isTrue();
    }
}
