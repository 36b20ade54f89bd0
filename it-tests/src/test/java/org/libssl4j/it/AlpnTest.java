package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Application-layer protocol negotiation ({@code SSL_CTX_set_alpn_protos}, {@code SSL_get0_alpn_selected}). */
class AlpnTest {

    @EngineVersionTest
    @DisplayName("ALPN-1 the protocol both sides offer is selected and both see it")
    void overlap(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.ALPN);
        try (TestPair p = Fixtures.pair(engine, version, 0,
                ctx -> ctx.setAlpnProtos(List.of("h2", "http/1.1")),
                ctx -> ctx.setAlpnProtos(List.of("http/1.1"))).handshake()) {
            assertThat(p.client().getAlpnSelected()).isEqualTo("http/1.1");
            assertThat(p.server().getAlpnSelected()).isEqualTo("http/1.1");
        }
    }

    @EngineTest
    @DisplayName("ALPN-2 without ALPN on either side nothing is selected")
    void none(String engine) {
        try (TestPair p = Fixtures.pair(engine, Fixtures.TLS13, 0).handshake()) {
            assertThat(p.client().getAlpnSelected()).isNull();
            assertThat(p.server().getAlpnSelected()).isNull();
        }
    }
}
