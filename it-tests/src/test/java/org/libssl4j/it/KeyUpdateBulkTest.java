package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.BulkTransfer.BULK;
import static org.libssl4j.it.BulkTransfer.OFFSETS;
import static org.libssl4j.it.BulkTransfer.POLL_MILLIS;
import static org.libssl4j.it.BulkTransfer.assertRefusedCleanly;
import static org.libssl4j.it.BulkTransfer.bulk;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.it.BulkTransfer.MidTransfer;
import org.libssl4j.testkit.Loopback;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * TLS 1.3 KeyUpdate ({@code SSL_key_update}) during a bulk transfer over blocking loopback sockets
 * ({@link BulkTransfer}): updates on both sides while 8 MiB go each way, on engine pairs with KEY_UPDATE (R12.2),
 * and the clean refusal on engines without it (R12.5).
 */
@ExtendWith(ClearErrorQueue.class)
class KeyUpdateBulkTest {
    /** Client and server engines that both have KEY_UPDATE; none: one pair, which the test skips. */
    static Stream<Arguments> updatingPairs() {
        return TestEngines.pairsWith(Capability.KEY_UPDATE, Capability.KEY_UPDATE);
    }

    /** Engines without KEY_UPDATE. */
    static Stream<String> notUpdating() {
        return TestEngines.namesWithout(Capability.KEY_UPDATE);
    }

    @ParameterizedTest(name = " [{0} client, {1} server]")
    @MethodSource("updatingPairs")
    @DisplayName("R12.2 BULK-RENEG both sides update their keys 3 times during 8 MiB each way over blocking sockets; both SHA-256 match")
    void keyUpdateDuringBulk(String clientEngine, String serverEngine) throws Exception {
        TestEngines.assumeCapability(clientEngine, Capability.KEY_UPDATE);
        TestEngines.assumeCapability(serverEngine, Capability.KEY_UPDATE);
        try (Loopback lb = Loopback.open(TestContexts.client(clientEngine).tls13(),
                TestContexts.server(serverEngine).tls13(), POLL_MILLIS)) {
            MidTransfer update = (ssl, i) -> {
                int type = i % 2 == 0 ? Ssl.KEY_UPDATE_REQUESTED : Ssl.KEY_UPDATE_NOT_REQUESTED;
                assertThat(ssl.keyUpdate(type)).as("keyUpdate(%s), queue %s", type, SslErrorQueue.snapshot()).isEqualTo(1);
                assertThat(ssl.getKeyUpdateType()).as("R12.1 scheduled").isEqualTo(type);
                assertThat(ssl.isInitFinished()).as("R12.1 in init until the next I/O").isFalse();
                // The bulk loop reads while in init; that I/O sends the update (R12.2), and done() waits for it.
            };
            bulk(lb, 14, update, update);
            assertThat(lb.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(lb.server().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
        }
    }

    @ParameterizedTest(name = " [{0}]")
    @MethodSource("notUpdating")
    @DisplayName("R12.5 an engine without key update refuses it on either side during 8 MiB each way over blocking sockets; not fatal, the transfer goes on intact")
    void keyUpdateRefusedDuringBulk(String engine) throws Exception {
        TestEngines.assumeLacks(engine, Capability.KEY_UPDATE);
        try (Loopback lb = Loopback.open(TestContexts.client(engine).tls13(),
                TestContexts.server(engine).tls13(), POLL_MILLIS)) {
            MidTransfer refuse = (ssl, i) -> {
                int type = i % 2 == 0 ? Ssl.KEY_UPDATE_REQUESTED : Ssl.KEY_UPDATE_NOT_REQUESTED;
                assertRefusedCleanly(ssl, ssl.keyUpdate(type), "keyUpdate(" + type + ") #" + i);
                assertThat(ssl.inInit()).isFalse();
            };
            BulkTransfer.Sides sides = bulk(lb, 12, refuse, refuse);
            assertThat(sides.client().actionsDone).isEqualTo(OFFSETS.length);
            assertThat(sides.server().actionsDone).isEqualTo(OFFSETS.length);
        }
    }
}
