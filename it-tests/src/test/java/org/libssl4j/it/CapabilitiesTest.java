package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Engines;

/** What an engine declares: promises the SPI lets it keep, and nothing reserved. */
class CapabilitiesTest {

    @EngineTest
    @DisplayName("CAP-1 an engine declares no reserved capability (the SPI cannot carry it, so the engine could not keep it)")
    void declaresNothingReserved(String engine) {
        assertThat(Engines.get(engine).capabilities()).as("reserved capabilities declared by %s", engine)
                .noneMatch(Capability::isReserved);
    }
}
