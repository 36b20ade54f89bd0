package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;

/** `engines -v` and the compare report print a meaning for every capability. */
class CapabilityMeaningTest {
    @Test
    void everyCapabilityHasAMeaning() {
        for (Capability c : Capability.values()) {
            assertThat(EnginesCommand.meaning(c)).as(c.name()).isNotBlank();
        }
    }
}
