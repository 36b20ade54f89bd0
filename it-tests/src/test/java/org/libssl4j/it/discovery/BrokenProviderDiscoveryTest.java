package org.libssl4j.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;

/** Run in its own surefire execution, with two broken providers registered beside the real engines (see the pom). */
class BrokenProviderDiscoveryTest {

    @Test
    @DisplayName("DISC-7 a provider that cannot be made or cannot start is listed with its cause; the other engines still load")
    void brokenProviders() {
        List<EngineInfo> all = Engines.all();
        EngineInfo nonative = all.stream().filter(e -> e.name().equals("nonative")).findFirst().orElseThrow();
        assertThat(nonative.isAvailable()).isFalse();
        assertThat(nonative.unavailableReason()).isEqualTo("no libnonative in java.library.path");
        assertThat(nonative.unavailableCause()).isInstanceOf(UnsatisfiedLinkError.class);
        assertThat(nonative.capabilities()).isEmpty();

        EngineInfo unmade = all.stream().filter(e -> e.name().startsWith("unloadable-provider-")).findFirst().orElseThrow();
        assertThat(unmade.isAvailable()).isFalse();
        assertThat(unmade.unavailableReason()).startsWith("its EngineProvider could not be instantiated: ")
                .contains(ThrowingConstructorProvider.class.getName());

        assertThat(Engines.get("jdk").isAvailable()).isTrue();
        // The broken engine has the highest priority, yet the default is an available one.
        assertThat(Engines.getDefault().isAvailable()).isTrue();
        assertThatThrownBy(() -> Engines.get("nonative")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("libssl4j engine 'nonative' is unavailable: no libnonative in java.library.path;");
    }
}
