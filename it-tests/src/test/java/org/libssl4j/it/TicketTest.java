package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** TLS 1.3 NewSessionTicket records seen by a client's reads, with and without AUTO_RETRY and read-ahead (R11.12). */
class TicketTest {

    /** A TLS 1.3 pair just after the handshake: the server's tickets wait unread in the client's BIO. */
    private static TestPair ticketsWaiting(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_TICKETS);
        TestPair p = Fixtures.pair(engine, TLS13, 0).handshake();
        assertThat(p.clientBio().pending()).as("ticket records waiting").isGreaterThan(0);
        byte[] data = Fixtures.ascii("after the tickets");
        assertThat(p.server().write(data, 0, data.length)).isEqualTo(data.length);
        return p;
    }

    @EngineTest
    @DisplayName("R11.12 with AUTO_RETRY tickets are absorbed: the first read returns the data")
    void absorbed(String engine) {
        try (TestPair p = ticketsWaiting(engine)) {
            assertThat(p.client().read(new byte[100], 0, 100)).isEqualTo(17);
        }
    }

    @EngineTest
    @DisplayName("R11.12 without AUTO_RETRY each ticket record makes read want to read before the data comes")
    void eachTicketWantsRead(String engine) {
        try (TestPair p = ticketsWaiting(engine)) {
            p.client().clearMode(SslMode.AUTO_RETRY);
            int wants = 0;
            int r;
            while ((r = p.client().read(new byte[100], 0, 100)) <= 0) {
                assertResult(p.client(), r, -1, SslError.WANT_READ);
                assertThat(++wants).isLessThan(10);
            }
            assertThat(r).isEqualTo(17);
            assertThat(wants).as("WANT_READ, one per ticket record").isGreaterThanOrEqualTo(1);
        }
    }

    @EngineTest
    @DisplayName("R11.12 without AUTO_RETRY but with read-ahead the tickets are absorbed again")
    void readAheadAbsorbs(String engine) {
        try (TestPair p = ticketsWaiting(engine)) {
            p.client().clearMode(SslMode.AUTO_RETRY);
            p.client().setReadAhead(true);
            assertThat(p.client().read(new byte[100], 0, 100)).isEqualTo(17);
        }
    }

    @EngineTest
    @DisplayName("R15.2 a read that takes a ticket runs libssl's state machine, which clears a stale error entry")
    void ticketClearsStaleEntry(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_TICKETS);
        try (TestPair p = Fixtures.pair(engine, TLS13, 0).handshake()) {
            SslErrorQueue.raise(org.libssl4j.SslErrorEntry.LIB_SSL, org.libssl4j.SslReason.BAD_LENGTH, "stale");
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
        }
    }
}
