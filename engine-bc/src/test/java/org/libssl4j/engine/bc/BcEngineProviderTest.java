package org.libssl4j.engine.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.Security;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.spi.EngineFactory;

class BcEngineProviderTest {

    @Test
    void nameAndPriority() {
        BcEngineProvider p = new BcEngineProvider();
        assertThat(p.name()).isEqualTo("bc");
        assertThat(p.priority()).isGreaterThan(10); // above jdk
    }

    @Test
    void capabilitiesAreTheProbedOnes() throws Exception {
        EngineFactory f = new BcEngineProvider().load();
        assertThat(f.version()).startsWith("bctls 1.84 (Bouncy Castle JSSE Provider Version 1.0.23");
        assertThat(f.capabilities()).containsExactlyInAnyOrder(Capability.TLS1_2, Capability.TLS1_3,
                Capability.TLS1_3_FULL_RECORDS, Capability.SNI, Capability.ALPN, Capability.CLIENT_AUTH,
                Capability.RSA, Capability.ECDSA, Capability.ALERT_UNEXPECTED_MESSAGE, Capability.ALERT_RECORD_OVERFLOW,
                Capability.ALERT_DECODE_ERROR, Capability.NEGOTIATED_GROUP, Capability.TICKET_CONTROL,
                Capability.KEYLOG, Capability.TLS1_3_CIPHERSUITES, Capability.SESSION_TIMEOUT);
    }

    @Test
    void registersNoProviderWithTheJvm() throws Exception {
        new BcEngineProvider().load();
        assertThat(Security.getProvider("BC")).isNull();
        assertThat(Security.getProvider("BCJSSE")).isNull();
    }

    @Test
    void tls13WithRsaAndEcCertificates() throws Exception {
        for (boolean rsa : new boolean[] {true, false}) {
            Peers p = Peers.create("TLSv1.3", rsa, false);
            p.handshake();
            assertThat(p.client.getSession().getProtocol()).isEqualTo("TLSv1.3");
            // OpenSSL's order, not bctls's ChaCha20-first one.
            assertThat(p.client.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        }
    }

    @Test
    void tls12WithRsaAndEcCertificates() throws Exception {
        Peers p = Peers.create("TLSv1.2", true, false);
        p.handshake();
        assertThat(p.client.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        p = Peers.create("TLSv1.2", false, false);
        p.handshake();
        assertThat(p.client.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    /** Evidence for TLS1_3_FULL_RECORDS: one TLS 1.3 record carries 16384 bytes, with 22 bytes of overhead. */
    @Test
    void tls13RecordsCarry16384Bytes() throws Exception {
        Peers p = Peers.create("TLSv1.3", false, false);
        p.handshake();
        ByteBuffer app = ByteBuffer.allocate(20_000);
        List<byte[]> records = Peers.wrap(p.client, app);
        assertThat(app.position()).isEqualTo(16384);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).length).isEqualTo(16384 + 22);
        assertThat(Peers.unwrap(p.server, records.get(0))).hasSize(16384);
    }

    /** Evidence for not declaring TLS1_3_TICKETS: the bctls server sends no NewSessionTicket. */
    @Test
    void tls13ServerSendsNoTicket() throws Exception {
        Peers p = Peers.create("TLSv1.3", false, false);
        p.handshake();
        assertThat(p.toClient).isEmpty();
        assertThat(Peers.wrap(p.server, ByteBuffer.allocate(0))).isEmpty();
    }

    /** Evidence for not declaring RENEGOTIATION: beginHandshake on an established engine throws. */
    @Test
    void noRenegotiation() throws Exception {
        Peers p = Peers.create("TLSv1.2", true, false);
        p.handshake();
        org.assertj.core.api.Assertions.assertThatThrownBy(p.client::beginHandshake)
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("Renegotiation not supported");
    }

    /** Evidence for not declaring half-close: a received close_notify closes both directions, in TLS 1.3 too. */
    @Test
    void closeNotifyClosesBothDirections() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            Peers p = Peers.create(protocol, false, false);
            p.handshake();
            p.client.closeOutbound();
            assertThat(p.client.isInboundDone()).as("closing outbound closes inbound at once").isTrue();
            for (byte[] r : Peers.wrap(p.client, ByteBuffer.allocate(0))) {
                Peers.unwrap(p.server, r);
            }
            assertThat(p.server.isInboundDone()).isTrue();
            ByteBuffer late = ByteBuffer.wrap(new byte[5]);
            Peers.wrap(p.server, late);
            assertThat(late.position()).as(protocol + ": nothing written after the peer's close_notify").isZero();
            assertThat(p.server.isOutboundDone()).isTrue();
        }
    }

    @Test
    void openSslOrder() {
        String[] bc = {"TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"};
        assertThat(BcEngineProvider.openSslOrder(bc)).containsExactly("TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }
}
