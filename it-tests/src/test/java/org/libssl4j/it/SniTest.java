package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Server name indication ({@code SSL_set_tlsext_host_name}, {@code SSL_get_servername}). */
class SniTest {

    @EngineVersionTest
    @DisplayName("SNI-1 the server sees the host name the client set; the client reports its own")
    void serverSeesName(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.SNI);
        try (TestPair p = Fixtures.pair(engine, version, 0).handshake()) {
            assertThat(p.client().getServername()).isEqualTo("localhost");
            assertThat(p.server().getServername()).isEqualTo("localhost");
        }
    }
}
