package org.libssl4j.engine.conscrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;

class ConscryptEngineProviderTest {

    @Test
    void foundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(EngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof ConscryptEngineProvider)).hasSize(1);
        ConscryptEngineProvider p = new ConscryptEngineProvider();
        assertThat(p.name()).isEqualTo("conscrypt");
        assertThat(p.priority()).isEqualTo(30);
    }

    @Test
    void loadsWithTheCapabilitiesTheReadmeStates() throws Exception {
        Assumptions.assumeTrue(Conscrypt.isAvailable(), "Conscrypt's native library does not load here");
        EngineFactory f = new ConscryptEngineProvider().load();
        assertThat(f.version()).startsWith("Conscrypt 2.5.2");
        assertThat(f.capabilities()).contains(Capability.TLS1_2, Capability.TLS1_3, Capability.TLS1_3_FULL_RECORDS,
                Capability.SNI, Capability.ALPN, Capability.CLIENT_AUTH, Capability.RSA, Capability.ECDSA,
                Capability.READ_AFTER_SHUTDOWN, Capability.DIRECT_BUFFERS, Capability.ALERT_RECORD_OVERFLOW,
                Capability.ALERT_PROTOCOL_VERSION, Capability.TLS1_3_RESUMPTION, Capability.TICKET_CONTROL);
        assertThat(f.capabilities()).doesNotContain(Capability.RENEGOTIATION, Capability.RENEGOTIATION_CONTROL,
                Capability.KEY_UPDATE, Capability.TLS1_3_TICKETS, Capability.TLS1_2_HALF_CLOSE,
                Capability.TLS1_3_HALF_CLOSE, Capability.CERTIFICATE_ALERTS,
                Capability.ALERT_ON_REQUEST, Capability.ALERT_UNEXPECTED_MESSAGE, Capability.ALERT_DECODE_ERROR,
                Capability.FALLBACK_SCSV, Capability.HANDSHAKE_CALLBACKS);
    }

    @Test
    void loadingDoesNotInstallAProvider() throws Exception {
        Assumptions.assumeTrue(Conscrypt.isAvailable(), "Conscrypt's native library does not load here");
        new ConscryptEngineProvider().load();
        for (java.security.Provider p : java.security.Security.getProviders()) {
            assertThat(Conscrypt.isConscrypt(p)).as(p.getName()).isFalse();
        }
    }
}
