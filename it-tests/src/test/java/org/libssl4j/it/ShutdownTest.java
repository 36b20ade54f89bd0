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
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Two-phase SSL_shutdown, close_notify, ZERO_RETURN, writes after shutdown, quiet shutdown (R07). */
class ShutdownTest {

    @EngineVersionTest
    @DisplayName("R07.1 the first shutdown queues close_notify, returns 0 and sets SENT_SHUTDOWN; getError(0) is SYSCALL")
    void firstShutdown(String engine, int version) {
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            long before = p.serverBio().pending();
            assertResult(p.client(), p.client().shutdown(), 0, SslError.SYSCALL);
            assertThat(p.client().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN);
            assertThat(p.serverBio().pending()).as("close_notify sent").isGreaterThan(before);
        }
    }

    @EngineVersionTest
    @DisplayName("R07.2 the receiver reads all data sent before close_notify, then 0/ZERO_RETURN, again and again, with RECEIVED_SHUTDOWN")
    void receiverSeesDataThenZeroReturn(String engine, int version) {
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            byte[] data = Fixtures.bytes(3000, 31);
            p.client().write(data, 0, data.length);
            p.client().shutdown();
            byte[] buf = new byte[5000];
            assertThat(p.server().read(buf, 0, buf.length)).isEqualTo(3000);
            assertResult(p.server(), p.server().read(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
            assertThat(p.server().getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertResult(p.server(), p.server().read(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
            assertResult(p.server(), p.server().peek(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
        }
    }

    @EngineTest
    @DisplayName("R07.3 after receiving close_notify a side may still write and the closing side still reads it (TLS 1.3)")
    void halfCloseTls13(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_HALF_CLOSE);
        TestEngines.assumeCapability(engine, Capability.READ_AFTER_SHUTDOWN);
        halfClose(engine, TLS13);
    }

    @EngineTest
    @DisplayName("R07.3 after receiving close_notify a side may still write and the closing side still reads it (TLS 1.2)")
    void halfCloseTls12(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_2_HALF_CLOSE);
        TestEngines.assumeCapability(engine, Capability.READ_AFTER_SHUTDOWN);
        halfClose(engine, TLS12);
    }

    @EngineTest
    @DisplayName("R07.3 an engine without TLS 1.2 half-close refuses the write after close_notify cleanly: protocol is shutdown, SENT_SHUTDOWN set")
    void noHalfCloseTls12(String engine) {
        refusedHalfClose(engine, TLS12, Capability.TLS1_2_HALF_CLOSE);
    }

    @EngineTest
    @DisplayName("R07.3 an engine without TLS 1.3 half-close refuses the write after close_notify cleanly: protocol is shutdown, SENT_SHUTDOWN set")
    void noHalfCloseTls13(String engine) {
        refusedHalfClose(engine, TLS13, Capability.TLS1_3_HALF_CLOSE);
    }

    private static void refusedHalfClose(String engine, int version, Capability halfClose) {
        TestEngines.assumeLacks(engine, halfClose);
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            assertThat(p.client().shutdown()).isZero();
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), 0, SslError.ZERO_RETURN);
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().write(new byte[5], 0, 5), -1, SslError.SSL);
            assertReason(SslReason.PROTOCOL_IS_SHUTDOWN, "protocol is shutdown");
            assertThat(p.server().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().shutdown(), 1, SslError.NONE);
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
        }
    }

    @EngineTest
    @DisplayName("R07.7 an engine that cannot read after its own close_notify takes the next record for the peer's: shutdown returns 1")
    void noReadAfterShutdown(String engine) {
        TestEngines.assumeLacks(engine, Capability.READ_AFTER_SHUTDOWN);
        try (TestPair p = Fixtures.connected(engine)) {
            assertThat(p.client().shutdown()).isZero();
            p.server().write(new byte[10], 0, 10);
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
            assertThat(p.client().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
        }
    }

    private static void halfClose(String engine, int version) {
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            assertThat(p.client().shutdown()).isZero();
            byte[] buf = new byte[100];
            assertResult(p.server(), p.server().read(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
            byte[] late = Fixtures.ascii("after your close_notify");
            assertResult(p.server(), p.server().write(late, 0, late.length), late.length, SslError.NONE);
            int n = p.client().read(buf, 0, buf.length);
            assertThat(n).isEqualTo(late.length);
        }
    }

    @EngineVersionTest
    @DisplayName("R07.4 shutdown after the peer's close_notify sends this side's and returns 1")
    void shutdownAfterPeers(String engine, int version) {
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            p.client().shutdown();
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), 0, SslError.ZERO_RETURN);
            long before = p.clientBio().pending();
            assertResult(p.server(), p.server().shutdown(), 1, SslError.NONE);
            assertThat(p.server().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(p.clientBio().pending()).as("close_notify sent").isGreaterThan(before);
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
        }
    }

    @EngineTest
    @DisplayName("R07.5 write after this side's shutdown, quiet or not, fails with protocol is shutdown")
    void writeAfterShutdown(String engine) {
        for (boolean quiet : new boolean[] {false, true}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.connected(engine)) {
                p.client().setQuietShutdown(quiet);
                p.client().shutdown();
                assertResult(p.client(), p.client().write(new byte[5], 0, 5), -1, SslError.SSL);
                assertReason(SslReason.PROTOCOL_IS_SHUTDOWN, "protocol is shutdown");
            }
        }
    }

    @EngineVersionTest
    @DisplayName("R07.6 shutdown again before the peer's close_notify wants to read; it returns 1 once the close_notify is read")
    void secondShutdownWaits(String engine, int version) {
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            assertThat(p.client().shutdown()).isZero();
            assertResult(p.client(), p.client().shutdown(), -1, SslError.WANT_READ);
            assertResult(p.client(), p.client().shutdown(), -1, SslError.WANT_READ);
            p.server().read(new byte[10], 0, 10);
            SslErrorQueue.clear();
            p.server().shutdown();
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
        }
    }

    @EngineTest
    @DisplayName("R07.7 application data read by shutdown before the peer's close_notify fails with application data after close notify")
    void dataDuringShutdown(String engine) {
        TestEngines.assumeCapability(engine, Capability.READ_AFTER_SHUTDOWN);
        try (TestPair p = Fixtures.connected(engine)) {
            assertThat(p.client().shutdown()).isZero();
            p.server().write(new byte[10], 0, 10);
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY, "application data after close notify");
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.SYSCALL);
            assertThat(p.client().isInitFinished()).as("failed for good").isFalse();
        }
    }

    @EngineTest
    @DisplayName("R07.8 shutdown with a full transport wants to write with SENT_SHUTDOWN set; the retry returns 0 once written")
    void shutdownFullTransport(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] filler = Fixtures.bytes(p.clientBio().writeGuarantee(), 32);
            assertThat(p.clientBio().write(filler, 0, filler.length)).isEqualTo(filler.length);
            assertResult(p.client(), p.client().shutdown(), -1, SslError.WANT_WRITE);
            assertThat(p.client().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN);
            byte[] sink = new byte[filler.length];
            assertThat(p.serverBio().read(sink, 0, sink.length)).isEqualTo(filler.length);
            assertResult(p.client(), p.client().shutdown(), 0, SslError.SYSCALL);
            assertThat(p.serverBio().pending()).as("close_notify sent").isGreaterThan(0);
        }
    }

    @EngineTest
    @DisplayName("R07.9 shutdown during or before the handshake fails with shutdown while in init; without a state uninitialized")
    void shutdownInInit(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
            SslErrorQueue.clear();
            p.client().doHandshake();
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
        }
        SslErrorQueue.clear();
        try (org.libssl4j.SslCtx ctx = org.libssl4j.SslCtx.newCtx(org.libssl4j.SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
            assertResult(ssl, ssl.shutdown(), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
        }
    }

    @EngineTest
    @DisplayName("R07.10 quiet shutdown returns 1, sends nothing and sets SENT and RECEIVED")
    void quietShutdown(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            p.client().setQuietShutdown(true);
            long before = p.serverBio().pending();
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
            assertThat(p.client().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(p.serverBio().pending()).isEqualTo(before);
        }
    }

    @EngineTest
    @DisplayName("R07.11 after ZERO_RETURN getError(0) and getError(-1) both say ZERO_RETURN")
    void zeroReturnForAnyRet(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            p.client().shutdown();
            assertThat(p.server().read(new byte[10], 0, 10)).isZero();
            assertThat(p.server().getError(0)).isEqualTo(SslError.ZERO_RETURN);
            assertThat(p.server().getError(-1)).isEqualTo(SslError.ZERO_RETURN);
        }
    }

    @EngineVersionTest
    @DisplayName("R07.7 shutdown waiting for the peer's close_notify with unread application data fails with application data after close notify")
    void unreadDataDuringShutdown(String engine, int version) {
        SslErrorQueue.clear();
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            p.server().write(new byte[100], 0, 100);
            p.server().shutdown();
            assertThat(p.client().read(new byte[10], 0, 10)).isEqualTo(10);
            assertThat(p.client().shutdown()).isZero();
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.APPLICATION_DATA_AFTER_CLOSE_NOTIFY, "application data after close notify");
        }
    }
}
