package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.ForwardingBio;
import org.libssl4j.testkit.TestPair;

/** libssl buffers a handshake flight and hands it to the BIO in one write (R01.6). */
class FlightTest {

    /** A BIO that counts the writes that took bytes, passing everything through to {@code inner}. */
    private static final class CountingBio extends ForwardingBio {
        int writes;

        CountingBio(Bio inner) {
            super(inner);
        }

        @Override
        public int write(byte[] b, int off, int len) {
            int n = inner.write(b, off, len);
            if (n > 0) {
                writes++;
            }
            return n;
        }
    }

    @EngineVersionTest
    @DisplayName("R01.6 each handshake flight goes to the BIO in one write: the server's first, the client's last")
    void flightInOneWrite(String engine, int version) {
        try (TestPair p = Fixtures.pair(engine, version, 0)) {
            CountingBio client = new CountingBio(p.clientBio());
            CountingBio server = new CountingBio(p.serverBio());
            p.client().setBio(p.clientBio(), client);
            p.server().setBio(p.serverBio(), server);
            assertResult(p.client(), p.client().doHandshake(), -1, SslError.WANT_READ);
            assertThat(client.writes).as("ClientHello").isEqualTo(1);
            assertResult(p.server(), p.server().doHandshake(), -1, SslError.WANT_READ);
            assertThat(server.writes).as("the server's first flight").isEqualTo(1);
            int r = p.client().doHandshake();
            assertThat(client.writes).as("the client's flight after the server's").isEqualTo(2);
            if (r != 1) {
                assertResult(p.client(), r, -1, SslError.WANT_READ); // TLS 1.2: the server's Finished is still to come
            }
            p.handshake();
            byte[] data = Fixtures.ascii("after");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            byte[] got = new byte[16];
            assertThat(p.server().read(got, 0, got.length)).isEqualTo(data.length);
        }
    }

    /**
     * A transport the peer closes while the client writes its flight: the bytes reach the peer, which answers
     * ({@code peer}, run once), and the write then fails for good, as a write into a reset connection does.
     */
    private static final class ClosedByPeerBio extends ForwardingBio {
        private final Runnable peer;
        private boolean closed;

        ClosedByPeerBio(Bio inner, Runnable peer) {
            super(inner);
            this.peer = peer;
        }

        @Override
        public int write(byte[] b, int off, int len) {
            if (!closed) {
                closed = true;
                inner.write(b, off, len);
                peer.run();
            }
            return -1;
        }

        @Override
        public boolean shouldRetry() {
            return false;
        }

        @Override
        public boolean shouldRead() {
            return false;
        }

        @Override
        public boolean shouldWrite() {
            return false;
        }
    }

    @EngineTest
    @DisplayName("D4 a handshake write that fails for good reports the peer's alert already here (SSL, 1000+N), not SYSCALL; with none here, SYSCALL")
    void failedWriteReportsTheWaitingAlert(String engine) {
        for (boolean peerAnswers : new boolean[] {true, false}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.pair(engine, TLS12, 0, c -> { },
                    s -> s.setVerify(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT, null))) {
                p.server().setAcceptState();
                assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
                assertResult(p.server(), p.server().accept(), -1, SslError.WANT_READ);
                // The server rejects the client's empty Certificate, sends its alert and closes.
                p.client().setWbio(new ClosedByPeerBio(p.clientBio(), () -> {
                    if (peerAnswers) {
                        assertThat(p.server().accept()).isEqualTo(-1);
                    }
                    SslErrorQueue.clear(); // the server's entries, on this thread's queue
                }));
                int r = p.client().connect();
                assertThat(r).isEqualTo(-1);
                if (peerAnswers) {
                    assertThat(p.client().getError(r)).as("the server's alert is here").isEqualTo(SslError.SSL);
                    assertThat(SslErrorQueue.peekLast().reason()).as("a received alert").isBetween(1001, 1255);
                    assertThat(p.client().getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
                } else {
                    assertThat(p.client().getError(r)).as("nothing here").isEqualTo(SslError.SYSCALL);
                    assertThat(SslErrorQueue.snapshot()).isEmpty();
                    assertThat(p.client().want()).isEqualTo(Ssl.WRITING);
                }
            }
        }
    }
}
