package org.libssl4j.engine.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.net.ssl.SSLException;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslReason;
import org.libssl4j.spi.EngineException;

class BcFailuresTest {

    private static EngineException map(Throwable cause, boolean client) {
        return BcFailures.map(new SSLException(cause), client);
    }

    private static TlsFatalAlert madeIn(TlsFatalAlert a, String type, String method) {
        a.setStackTrace(new StackTraceElement[] {new StackTraceElement(type, method, null, -1)});
        return a;
    }

    @Test
    void receivedAlertIs1000PlusN() {
        for (short n : new short[] {10, 20, 40, 46, 48, 70, 116, 200}) {
            EngineException e = map(new TlsFatalAlertReceived(n), true);
            assertThat(e.receivedAlert()).isEqualTo(n);
            assertThat(e.reason()).isEqualTo(1000 + n);
            assertThat(e.detail()).isEqualTo("SSL alert number " + n);
        }
    }

    @Test
    void localFailuresByCauseTextAndAlert() {
        assertThat(map(new TlsFatalAlert((short) 20, new AEADBadTagException("Tag mismatch")), false).reason())
                .isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        assertThat(map(new TlsFatalAlert((short) 70), false).reason()).isEqualTo(SslReason.UNSUPPORTED_PROTOCOL);
        assertThat(map(new TlsFatalAlert((short) 40, "[server #1] found no selectable cipher suite among the 2 offered"),
                false).reason()).isEqualTo(SslReason.NO_SHARED_CIPHER);
        assertThat(map(new TlsFatalAlert((short) 10), true).reason()).isEqualTo(SslReason.UNEXPECTED_MESSAGE);
        assertThat(map(new TlsFatalAlert((short) 50), true).reason()).isEqualTo(SslReason.LENGTH_MISMATCH);
        assertThat(map(new TlsFatalAlert((short) 120), false).reason()).isEqualTo(SslReason.NO_APPLICATION_PROTOCOL);
        assertThat(map(new TlsFatalAlert((short) 80), false).reason()).isEqualTo(SslReason.INTERNAL_ERROR);
        assertThat(map(new TlsFatalAlert((short) 40), false).reason()).isEqualTo(SslReason.SSL_HANDSHAKE_FAILURE);
    }

    @Test
    void missingClientCertificateByPlace() {
        for (short alert : new short[] {40, 116}) {
            TlsFatalAlert a = madeIn(new TlsFatalAlert(alert), "org.bouncycastle.jsse.provider.ProvTlsServer",
                    "notifyClientCertificate");
            assertThat(map(a, false).reason()).isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        }
    }

    @Test
    void closeNotifyDuringHandshakeIsAReceivedClose() {
        TlsFatalAlert a = madeIn(new TlsFatalAlert((short) 40), "org.bouncycastle.tls.TlsProtocol", "handleAlertWarningMessage");
        EngineException e = map(a, true);
        assertThat(e.isAlertReceived()).isTrue();
        assertThat(e.receivedAlert()).isZero();
    }

    @Test
    void noCloseNotifyIsUnexpectedEof() {
        assertThat(map(new TlsNoCloseNotifyException(), true).reason()).isEqualTo(SslReason.UNEXPECTED_EOF_WHILE_READING);
    }

    @Test
    void serverNameBctlsCannotDecodeIsBadExtension() {
        // README Q19: BCSNIHostName's constructor refuses the client's host_name; bctls wraps it in internal_error.
        IllegalArgumentException refused = new IllegalArgumentException("Invalid UTF-8 input");
        refused.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.bouncycastle.util.Strings", "fromUTF8ByteArray", null, -1),
            new StackTraceElement("org.bouncycastle.jsse.BCSNIHostName", "<init>", null, -1)});
        assertThat(map(new TlsFatalAlert((short) 80, refused), false).reason()).isEqualTo(SslReason.BAD_EXTENSION);
        assertThat(map(new TlsFatalAlert((short) 80, new IllegalArgumentException("elsewhere")), false).reason())
                .isEqualTo(SslReason.INTERNAL_ERROR);
    }

    @Test
    void somethingElseIsInternalError() {
        assertThat(BcFailures.map(new SSLException("odd"), true).reason()).isEqualTo(SslReason.INTERNAL_ERROR);
    }

    // ---- the same rules against bctls's real exceptions ------------------------------------------------------

    @Test
    void realBadRecordMac() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            Peers p = Peers.create(protocol, false, false);
            p.handshake();
            List<byte[]> records = Peers.wrap(p.client, ByteBuffer.wrap(new byte[100]));
            byte[] r = records.get(0);
            r[r.length - 1] ^= 1;
            SSLException thrown = catchThrowableOfType(SSLException.class, () -> Peers.unwrap(p.server, r));
            assertThat(BcFailures.map(thrown, false).reason()).as(protocol)
                    .isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
            // The alert is queued: the next wrap sends it, and the peer reads bad_record_mac.
            List<byte[]> alert = Peers.wrap(p.server, ByteBuffer.allocate(0));
            assertThat(alert).hasSize(1);
            SSLException received = catchThrowableOfType(SSLException.class, () -> Peers.unwrap(p.client, alert.get(0)));
            assertThat(BcFailures.map(received, true).receivedAlert()).isEqualTo(20);
        }
    }

    @Test
    void realMissingClientCertificate() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            Peers p = Peers.create(protocol, true, true);
            SSLException thrown = catchThrowableOfType(SSLException.class, p::handshake);
            assertThat(thrown).as(protocol).isNotNull();
            assertThat(BcFailures.map(thrown, false).reason()).as(protocol)
                    .isEqualTo(SslReason.PEER_DID_NOT_RETURN_A_CERTIFICATE);
        }
    }

    @Test
    void realNoSharedVersionAndCipher() throws Exception {
        Peers p = Peers.create("TLSv1.3", true, false);
        p.server.setEnabledProtocols(new String[] {"TLSv1.2"});
        SSLException thrown = catchThrowableOfType(SSLException.class, p::handshake);
        assertThat(BcFailures.map(thrown, false).reason()).isEqualTo(SslReason.UNSUPPORTED_PROTOCOL);

        p = Peers.create("TLSv1.2", true, false);
        p.client.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
        thrown = catchThrowableOfType(SSLException.class, p::handshake);
        assertThat(BcFailures.map(thrown, false).reason()).isEqualTo(SslReason.NO_SHARED_CIPHER);
    }

    /** A plaintext warning close_notify where the TLS 1.2 server waits for the ClientKeyExchange. */
    @Test
    void realCloseNotifyDuringHandshake() throws Exception {
        Peers p = Peers.create("TLSv1.2", true, false);
        p.client.beginHandshake();
        p.server.beginHandshake();
        Peers.step(p.client, p.toClient, p.toServer); // ClientHello
        Peers.step(p.server, p.toServer, p.toClient); // takes it
        Peers.step(p.server, p.toServer, p.toClient); // ServerHello..ServerHelloDone
        Peers.unwrap(p.server, new byte[] {21, 3, 3, 0, 2, 1, 0});
        SSLException thrown = catchThrowableOfType(SSLException.class, () -> Peers.wrap(p.server, ByteBuffer.allocate(0)));
        EngineException e = BcFailures.map(thrown, false);
        assertThat(e.isAlertReceived()).isTrue();
        assertThat(e.receivedAlert()).isZero();
    }
}
