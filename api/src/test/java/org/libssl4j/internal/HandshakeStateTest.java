package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Ssl;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.EngineException;

class HandshakeStateTest {
    private final Settings settings = new Settings(0, SslOptions.NO_TICKET, false, 16384, false,
            SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION);
    private final TestEngine.Context context = new TestEngine.Context();
    private final HandshakeState hs = new HandshakeState(SslMethod.TLS, settings);

    @BeforeEach
    void clearQueue() {
        SslErrorQueue.clear();
    }

    private TestEngine startedClient() throws EngineException {
        hs.setSide(true);
        hs.start(context);
        return context.engine();
    }

    @Test
    @DisplayName("a TLS_SERVER method cannot make a client, a TLS_CLIENT method no server")
    void methodLimitsSide() {
        HandshakeState server = new HandshakeState(SslMethod.TLS_SERVER, settings);
        assertThatThrownBy(() -> server.setSide(true)).isInstanceOf(IllegalStateException.class);
        assertThat(server.hasSide()).isFalse();
        HandshakeState client = new HandshakeState(SslMethod.TLS_CLIENT, settings);
        assertThatThrownBy(() -> client.setSide(false)).isInstanceOf(IllegalStateException.class);
        assertThat(client.hasSide()).isFalse();
        server.setSide(false);
        client.setSide(true);
        assertThat(server.isServer()).isTrue();
        assertThat(client.isClient()).isTrue();
    }

    @Test
    @DisplayName("the side may change until the handshake starts, never after")
    void sideFixedAfterStart() throws EngineException {
        hs.setSide(false);
        hs.setSide(true);
        assertThat(hs.isClient()).isTrue();
        hs.start(context);
        assertThatThrownBy(() -> hs.setSide(false)).isInstanceOf(IllegalStateException.class);
        assertThat(hs.isClient()).isTrue();
    }

    @Test
    @DisplayName("without a side a connection is a server unless its method is TLS_CLIENT")
    void isServerWithoutSide() {
        assertThat(hs.hasSide()).isFalse();
        assertThat(hs.isClient()).isFalse();
        assertThat(hs.isServer()).isTrue();
        assertThat(new HandshakeState(SslMethod.TLS_SERVER, settings).isServer()).isTrue();
        assertThat(new HandshakeState(SslMethod.TLS_CLIENT, settings).isServer()).isFalse();
        hs.setSide(true);
        assertThat(hs.isServer()).isFalse();
    }

    @Test
    @DisplayName("start makes the engine from the connection's settings and begins its handshake")
    void startMakesEngine() throws EngineException {
        settings.sniHostName = "sni.example";
        settings.verifyHostName = "verify.example";
        assertThat(hs.started()).isFalse();
        TestEngine e = startedClient();
        assertThat(hs.started()).isTrue();
        assertThat(hs.engine()).isSameAs(e);
        assertThat(e.beginCalls).isEqualTo(1);
        assertThat(context.configs).containsExactly(new ConnectionConfig(true, "sni.example", "verify.example",
                SslOptions.NO_TICKET, SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION));
    }

    @Test
    @DisplayName("the name checked is the SNI name when no other was set; a server's config says server")
    void verifyNameDefaultsToSni() throws EngineException {
        settings.sniHostName = "sni.example";
        hs.setSide(false);
        hs.start(context);
        ConnectionConfig c = context.configs.get(0);
        assertThat(c.client()).isFalse();
        assertThat(c.verifyHostName()).isEqualTo("sni.example");
    }

    @Test
    @DisplayName("an engine whose handshake failed to begin is kept, to be freed, but the handshake is not started")
    void beginFails() {
        context.setup = e -> e.failOn(TestEngine.Op.BEGIN, EngineException.of(SslReason.INTERNAL_ERROR, "no", null));
        hs.setSide(true);
        assertThatThrownBy(() -> hs.start(context)).isInstanceOf(EngineException.class);
        assertThat(hs.started()).isFalse();
        assertThat(hs.engine()).isSameAs(context.engine());
        hs.setSide(false); // still before the first step
    }

    @Test
    @DisplayName("finished marks the handshake done and keeps whether it was TLS 1.3; reenter undoes done only")
    void finishedAndReenter() throws EngineException {
        startedClient();
        assertThat(hs.done()).isFalse();
        hs.finished("TLSv1.3");
        assertThat(hs.done()).isTrue();
        assertThat(hs.tls13()).isTrue();
        hs.reenter();
        assertThat(hs.done()).isFalse();
        assertThat(hs.tls13()).isTrue();
        hs.finished("TLSv1.2");
        assertThat(hs.tls13()).isFalse();
    }

    @Test
    @DisplayName("R12.5 a key update before the handshake is wrong ssl version, and returns 0")
    void keyUpdateBeforeHandshake() {
        assertThat(hs.keyUpdate(Ssl.KEY_UPDATE_REQUESTED)).isZero();
        assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.WRONG_SSL_VERSION);
    }

    @Test
    @DisplayName("R12.5 a key update on TLS 1.2 is wrong ssl version, whatever the type")
    void keyUpdateOnTls12() throws EngineException {
        startedClient();
        hs.finished("TLSv1.2");
        assertThat(hs.keyUpdate(7)).isZero();
        assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.WRONG_SSL_VERSION);
    }

    @Test
    @DisplayName("R12.5 a bad key update type on TLS 1.3 is invalid key update type")
    void keyUpdateBadType() throws EngineException {
        startedClient();
        hs.finished("TLSv1.3");
        assertThat(hs.keyUpdate(2)).isZero();
        assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.INVALID_KEY_UPDATE_TYPE);
        assertThat(hs.keyUpdate(-1)).isZero();
        assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.INVALID_KEY_UPDATE_TYPE);
    }

    @Test
    @DisplayName("R12.5 a valid key update on TLS 1.3 is refused as unsupported while KEY_UPDATE is reserved")
    void keyUpdateUnsupported() throws EngineException {
        startedClient();
        hs.finished("TLSv1.3");
        for (int type : new int[] {Ssl.KEY_UPDATE_NOT_REQUESTED, Ssl.KEY_UPDATE_REQUESTED}) {
            assertThat(hs.keyUpdate(type)).isZero();
            assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.UNSUPPORTED);
        }
    }

    @Test
    @DisplayName("version, cipher and ALPN are unknown until done, then the engine's")
    void negotiatedOnlyWhenDone() throws EngineException {
        TestEngine e = startedClient();
        e.selectedAlpn = "h2";
        e.cipherSuite = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        // the engine finishes its handshake and knows them; the connection does not say so until told
        e.wrapHandshake(ByteBuffer.allocate(64));
        e.open(ByteBuffer.wrap(TestEngine.record(TestEngine.HANDSHAKE, TestEngine.SERVER_HELLO)), ByteBuffer.allocate(16));
        assertThat(e.protocol()).isEqualTo("TLSv1.2");
        assertThat(hs.version()).isEqualTo("unknown");
        assertThat(hs.cipherName()).isNull();
        assertThat(hs.alpn()).isNull();
        hs.finished(e.protocol());
        assertThat(hs.version()).isEqualTo("TLSv1.2");
        assertThat(hs.cipherName()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(hs.alpn()).isEqualTo("h2");
    }

    @Test
    @DisplayName("a done handshake whose engine names no version says unknown")
    void versionNullFromEngine() throws EngineException {
        startedClient();
        hs.finished(null);
        assertThat(hs.version()).isEqualTo("unknown");
    }

    @Test
    @DisplayName("the peer chain is empty before the handshake starts, then the engine's")
    void peerChain() throws EngineException {
        assertThat(hs.peerChain()).isEmpty();
        TestEngine e = startedClient();
        e.peerCertificates = new ArrayList<>();
        assertThat(hs.peerChain()).isSameAs(e.peerCertificates);
    }

    @Test
    @DisplayName("a client's server name is its own SNI name, even before the handshake")
    void clientServername() {
        settings.sniHostName = "a.example";
        hs.setSide(true);
        assertThat(hs.servername()).isEqualTo("a.example");
    }

    @Test
    @DisplayName("a server's server name is null before the handshake, then what the client sent")
    void serverServername() throws EngineException {
        settings.sniHostName = "ignored.example";
        hs.setSide(false);
        assertThat(hs.servername()).isNull();
        context.setup = e -> e.requestedServerName = "asked.example";
        hs.start(context);
        assertThat(hs.servername()).isEqualTo("asked.example");
    }
}
