package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * SSL_renegotiate and SSL_key_update where they cannot be done: the wrong version, the option that forbids it, a
 * bad argument, an update already scheduled, a pending write, an engine without the capability. Each refusal
 * returns 0 with a reason on the queue and is not fatal (R11.11, R12.5).
 */
class RefusalTest {

    private static final int BAD_TYPE = 2;

    /** Skips the test when {@code engine} has {@code capability}: the test is about engines that lack it. */

    /** Asserts that a call returned 0, that getError says SSL, and that the oldest entry is {@code reason}. */
    private static void assertRefused(Ssl ssl, int ret, int reason, String text) {
        assertResult(ssl, ret, 0, SslError.SSL);
        assertReason(reason, text);
        SslErrorQueue.clear();
    }

    /** Asserts that the connection is still up: finished, not shut down, and data goes both ways. */
    private static void assertStillWorks(TestPair p) {
        SslErrorQueue.clear();
        assertThat(p.client().isInitFinished()).as("client init finished").isTrue();
        assertThat(p.server().isInitFinished()).as("server init finished").isTrue();
        assertThat(p.client().getShutdown()).isZero();
        assertThat(p.server().getShutdown()).isZero();
        byte[] up = Fixtures.bytes(1500, 11);
        byte[] down = Fixtures.bytes(2500, 12);
        assertThat(p.client().write(up, 0, up.length)).as("client write afterwards").isEqualTo(up.length);
        Fixtures.assertSameBytes(Fixtures.drain(p.server()), up);
        assertThat(p.server().write(down, 0, down.length)).as("server write afterwards").isEqualTo(down.length);
        Fixtures.assertSameBytes(Fixtures.drain(p.client()), down);
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    /** The bytes each side has in flight, to show that a refusal sent nothing. */
    private static long[] inFlight(TestPair p) {
        return new long[] {p.clientBio().pending(), p.serverBio().pending()};
    }

    // ---- SSL_renegotiate ------------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R11.11 renegotiate on TLS 1.3 returns 0 with wrong ssl version, on either side, and the connection goes on")
    void renegotiateTls13(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS13, 0)) {
            long[] before = inFlight(p);
            assertRefused(p.client(), p.client().renegotiate(), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            assertRefused(p.server(), p.server().renegotiate(), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            // The version is checked before the option.
            p.client().setOptions(SslOptions.NO_RENEGOTIATION);
            assertRefused(p.client(), p.client().renegotiate(), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R11.11 renegotiate with NO_RENEGOTIATION returns 0 with no renegotiation, on either side, and the connection goes on")
    void renegotiateForbidden(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS12, 0,
                ctx -> ctx.setOptions(SslOptions.NO_RENEGOTIATION), ctx -> { })) {
            p.handshake();
            Fixtures.settle(p);
            long[] before = inFlight(p);
            assertRefused(p.client(), p.client().renegotiate(), SslReason.NO_RENEGOTIATION, "no renegotiation");
            p.server().setOptions(SslOptions.NO_RENEGOTIATION);
            assertRefused(p.server(), p.server().renegotiate(), SslReason.NO_RENEGOTIATION, "no renegotiation");
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R11.11 an engine without renegotiation refuses it on TLS 1.2 with 0 and a reason on the queue, and the connection goes on")
    void renegotiateWithoutCapability(String engine) {
        TestEngines.assumeLacks(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            long[] before = inFlight(p);
            for (Ssl ssl : new Ssl[] {p.client(), p.server()}) {
                assertResult(ssl, ssl.renegotiate(), 0, SslError.SSL);
                SslErrorEntry e = SslErrorQueue.peek();
                assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
                assertThat(e.reasonString()).as("the refusal's reason").isNotBlank();
                SslErrorQueue.clear();
            }
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    // ---- SSL_key_update -------------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R12.5 keyUpdate before the handshake returns 0 with wrong ssl version, whatever the type, and the handshake then works")
    void keyUpdateBeforeHandshake(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            for (int type : new int[] {Ssl.KEY_UPDATE_NOT_REQUESTED, Ssl.KEY_UPDATE_REQUESTED, BAD_TYPE}) {
                assertRefused(p.client(), p.client().keyUpdate(type), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
                assertRefused(p.server(), p.server().keyUpdate(type), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            }
            assertThat(p.serverBio().pending()).as("bytes sent").isZero();
            assertThat(p.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            p.handshake();
            Fixtures.settle(p);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 keyUpdate on TLS 1.2 returns 0 with wrong ssl version, whatever the type, and the connection goes on")
    void keyUpdateTls12(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            long[] before = inFlight(p);
            for (int type : new int[] {Ssl.KEY_UPDATE_NOT_REQUESTED, Ssl.KEY_UPDATE_REQUESTED, BAD_TYPE}) {
                assertRefused(p.client(), p.client().keyUpdate(type), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
                assertRefused(p.server(), p.server().keyUpdate(type), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            }
            assertThat(p.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 keyUpdate with a bad type on TLS 1.3 returns 0 with invalid key update type, and the connection goes on")
    void keyUpdateBadType(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS13, 0)) {
            long[] before = inFlight(p);
            for (int type : new int[] {BAD_TYPE, Ssl.KEY_UPDATE_NONE, 42, Integer.MIN_VALUE}) {
                assertRefused(p.client(), p.client().keyUpdate(type), SslReason.INVALID_KEY_UPDATE_TYPE, "invalid key update type");
                assertRefused(p.server(), p.server().keyUpdate(type), SslReason.INVALID_KEY_UPDATE_TYPE, "invalid key update type");
            }
            assertThat(p.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            assertThat(p.client().inInit()).as("a refused update schedules nothing").isFalse();
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 an engine without key update refuses a valid type on TLS 1.3 with 0 and a reason on the queue, and the connection goes on")
    void keyUpdateWithoutCapability(String engine) {
        TestEngines.assumeLacks(engine, Capability.KEY_UPDATE);
        try (TestPair p = Fixtures.connected(engine, TLS13, 0)) {
            long[] before = inFlight(p);
            for (int type : new int[] {Ssl.KEY_UPDATE_NOT_REQUESTED, Ssl.KEY_UPDATE_REQUESTED}) {
                for (Ssl ssl : new Ssl[] {p.client(), p.server()}) {
                    assertResult(ssl, ssl.keyUpdate(type), 0, SslError.SSL);
                    SslErrorEntry e = SslErrorQueue.peek();
                    assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
                    assertThat(e.reasonString()).as("the refusal's reason").isNotBlank();
                    SslErrorQueue.clear();
                    assertThat(ssl.getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
                    assertThat(ssl.inInit()).as("a refused update schedules nothing").isFalse();
                }
            }
            assertThat(inFlight(p)).as("bytes in flight").containsExactly(before);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 keyUpdate while an update is scheduled returns 0 with still in init, and the connection goes on")
    void keyUpdateAlreadyScheduled(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEY_UPDATE);
        try (TestPair p = Fixtures.connected(engine, TLS13, 0)) {
            assertResult(p.client(), p.client().keyUpdate(Ssl.KEY_UPDATE_REQUESTED), 1, SslError.NONE);
            assertRefused(p.client(), p.client().keyUpdate(Ssl.KEY_UPDATE_NOT_REQUESTED), SslReason.STILL_IN_INIT, "still in init");
            assertRefused(p.client(), p.client().keyUpdate(Ssl.KEY_UPDATE_REQUESTED), SslReason.STILL_IN_INIT, "still in init");
            assertThat(p.client().getKeyUpdateType()).as("the first update stays scheduled").isEqualTo(Ssl.KEY_UPDATE_REQUESTED);
            byte[] data = Fixtures.bytes(100, 13);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            assertThat(p.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
            // The server answers the requested update with its next write.
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 keyUpdate while a write is pending after WANT_WRITE returns 0 with bad write retry; it is not fatal and the write completes")
    void keyUpdateDuringPendingWrite(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEY_UPDATE);
        try (TestPair p = Fixtures.connected(engine, TLS13, 10_000)) {
            byte[] data = Fixtures.bytes(20_000, 14);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            assertRefused(p.client(), p.client().keyUpdate(Ssl.KEY_UPDATE_NOT_REQUESTED), SslReason.BAD_WRITE_RETRY, "bad write retry");
            assertThat(p.client().getKeyUpdateType()).isEqualTo(Ssl.KEY_UPDATE_NONE);
            Fixtures.assertWriteDelivers(p, data, null);
            assertStillWorks(p);
        }
    }

    @EngineTest
    @DisplayName("R12.5 a refused keyUpdate during a pending write does not disturb the write, on any engine")
    void refusedKeyUpdateKeepsPendingWrite(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 10_000)) {
            byte[] data = Fixtures.bytes(20_000, 15);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            assertRefused(p.client(), p.client().keyUpdate(Ssl.KEY_UPDATE_REQUESTED), SslReason.WRONG_SSL_VERSION, "wrong ssl version");
            Fixtures.assertWriteDelivers(p, data, null);
            assertStillWorks(p);
        }
    }
}
