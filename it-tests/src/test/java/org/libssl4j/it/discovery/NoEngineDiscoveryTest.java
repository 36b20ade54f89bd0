package org.libssl4j.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;

/** Run in its own surefire execution, with no engine module on the class path (see it-tests' pom). */
class NoEngineDiscoveryTest {

    @Test
    @DisplayName("DISC-6 with no engine on the class path, all() is empty and asking for one is a clear IllegalStateException")
    void noEngine() {
        assertThat(Engines.all()).isEmpty();
        assertThatThrownBy(Engines::getDefault).isInstanceOf(IllegalStateException.class)
                .hasMessage("no libssl4j engine is available; put libssl4j-engine-jdk (or -bc, -conscrypt) on the class path; "
                        + "ServiceLoader found no org.libssl4j.spi.EngineProvider");
        assertThatThrownBy(() -> SslCtx.newCtx(SslMethod.TLS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Engines.get("jdk")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no libssl4j engine named 'jdk'; ServiceLoader found no org.libssl4j.spi.EngineProvider");
    }
}
