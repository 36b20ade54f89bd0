package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS13;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Engines;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Record sizes on TLS 1.3 (the WriteTest cases run on TLS 1.2, where every engine carries 16384 bytes a record):
 * libssl's numbers where the engine has {@link Capability#TLS1_3_FULL_RECORDS}, and otherwise the same rules with
 * the engine's own, smaller, record.
 */
class RecordSizeTest {

    @EngineTest
    @DisplayName("R13.1 on TLS 1.3, with partial-write mode and room, a write returns min(len, 16384)")
    void fullRecords(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_FULL_RECORDS);
        try (TestPair p = Fixtures.connected(engine, TLS13, 200_000)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            assertThat(p.client().write(new byte[16385], 0, 16385)).isEqualTo(16384);
            assertThat(p.client().write(new byte[50_000], 0, 50_000)).isEqualTo(16384);
            p.client().clearMode(SslMode.ENABLE_PARTIAL_WRITE);
            assertThat(p.client().write(new byte[16385], 0, 16385)).isEqualTo(16385);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(16384, 16384, 16384, 1);
        }
    }

    @EngineTest
    @DisplayName("R13.1 on TLS 1.3 an engine with smaller records keeps the rules with its own record size")
    void smallerRecords(String engine) {
        boolean full = Engines.get(engine).has(Capability.TLS1_3_FULL_RECORDS);
        try (TestPair p = Fixtures.connected(engine, TLS13, 200_000)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            int block = p.client().write(new byte[50_000], 0, 50_000);
            assertThat(block).as("one record's worth").isLessThanOrEqualTo(16384);
            assertThat(block == 16384).as("the capability says whether records are full").isEqualTo(full);
            assertThat(p.client().write(new byte[50_000], 0, 50_000)).isEqualTo(block);
            p.client().clearMode(SslMode.ENABLE_PARTIAL_WRITE);
            assertThat(p.client().write(new byte[block + 1], 0, block + 1)).isEqualTo(block + 1);
            assertThat(Fixtures.readSizes(p.server())).isEqualTo(List.of(block, block, block, 1));
        }
    }
}
