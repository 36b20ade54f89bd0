package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.assertResult;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * The data-loss and hang defects that random schedules found (NL-n), each replayed by hand: renegotiation meeting a
 * half-sent write or unread data, the renegotiation bookkeeping, and the order of a HelloRequest and a pending
 * write. (NL-1 is in ReadTest, NL-2 in HandshakeTest.)
 */
class NothingLostTest {

    /** One side's write in progress: the same array and length on every retry, as libssl requires (R05.1). */
    private static final class Writer {
        final Ssl ssl;
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        byte[] current;

        Writer(Ssl ssl) {
            this.ssl = ssl;
        }

        /** Starts (or retries) writing {@code data}; true once it is all written. */
        boolean write(byte[] data) {
            current = data;
            return step();
        }

        boolean step() {
            if (current == null) {
                return true;
            }
            SslErrorQueue.clear();
            int r = ssl.write(current, 0, current.length);
            if (r > 0) {
                assertThat(r).isEqualTo(current.length);
                sent.writeBytes(current);
                current = null;
                return true;
            }
            assertThat(ssl.getError(r)).as("write: %s", SslErrorQueue.peek()).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
            return false;
        }
    }

    /** Reads everything that is there into {@code into}; false if nothing came. */
    private static boolean readAll(Ssl ssl, ByteArrayOutputStream into) {
        byte[] buf = new byte[4096];
        boolean got = false;
        while (true) {
            SslErrorQueue.clear();
            int n = ssl.read(buf, 0, buf.length);
            if (n <= 0) {
                assertThat(ssl.getError(n)).as("read: %s", SslErrorQueue.peek()).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                return got;
            }
            into.write(buf, 0, n);
            got = true;
        }
    }

    /** A connected pair with each side's writer and what each has read. */
    private static final class Run {
        final TestPair p;
        final Writer c;
        final Writer s;
        final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        final ByteArrayOutputStream toServer = new ByteArrayOutputStream();

        Run(TestPair p) {
            this.p = p;
            this.c = new Writer(p.client());
            this.s = new Writer(p.server());
        }

        void readClient() {
            readAll(p.client(), toClient);
        }

        void readServer() {
            readAll(p.server(), toServer);
        }

        /** Drives both sides (pending writes retried, everything read) until nothing moves; bounded. */
        void pump() {
            for (int round = 0; round < 200; round++) {
                c.step();
                s.step();
                boolean moved = readAll(p.client(), toClient) | readAll(p.server(), toServer);
                if (!moved && c.current == null && s.current == null
                        && p.clientBio().pending() == 0 && p.serverBio().pending() == 0) {
                    return;
                }
            }
            throw new AssertionError("no quiet state after 200 rounds");
        }

        /** Both sides exchange a last message, then close in two phases: the connection is whole and ends cleanly. */
        void assertHealthy() {
            c.write(Fixtures.bytes(3000, 77));
            s.write(Fixtures.bytes(2000, 78));
            pump();
            assertThat(toClient.toByteArray()).as("what the client read").isEqualTo(s.sent.toByteArray());
            assertThat(toServer.toByteArray()).as("what the server read").isEqualTo(c.sent.toByteArray());
            assertThat(p.client().renegotiatePending()).as("client renegotiate_pending").isFalse();
            assertThat(p.server().renegotiatePending()).as("server renegotiate_pending").isFalse();
            assertThat(p.client().isInitFinished()).isTrue();
            assertThat(p.server().isInitFinished()).isTrue();
            SslErrorQueue.clear();
            assertThat(p.server().shutdown()).isZero();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), 0, SslError.ZERO_RETURN);
            assertResult(p.client(), p.client().shutdown(), 1, SslError.NONE);
            assertResult(p.server(), p.server().shutdown(), 1, SslError.NONE);
            assertThat(p.client().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
            assertThat(p.server().getShutdown()).isEqualTo(Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN);
        }
    }

    @EngineTest
    @DisplayName("NL-3 a client's renegotiation read by a server with a write half-sent is finished, and no byte is lost")
    void clientRenegotiationMeetsPendingWrite(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.pair(engine, TLS12, 0, c -> { }, s -> s.setOptions(SslOptions.ALLOW_CLIENT_RENEGOTIATION))
                .handshake()) {
            Fixtures.settle(p);
            Run r = new Run(p);
            assertThat(r.s.write(Fixtures.bytes(10_000, 1))).isTrue();
            assertThat(r.s.write(Fixtures.bytes(10_000, 2))).as("the second write waits for room").isFalse();
            assertThat(p.client().renegotiate()).isEqualTo(1);
            r.readClient(); // sends the ClientHello, reads the first 10000
            r.readServer(); // the server takes the ClientHello with its write half-sent
            r.pump(); // retries the pending write and reads: nothing new is written
            assertThat(p.client().renegotiatePending()).as("the renegotiation finished through reads alone").isFalse();
            r.assertHealthy();
        }
    }

    @EngineTest
    @DisplayName("NL-3 a HelloRequest read by a client with a write half-sent is answered, and no byte is lost")
    void helloRequestMeetsPendingWrite(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            Run r = new Run(p);
            assertThat(r.c.write(Fixtures.bytes(10_000, 3))).isTrue();
            assertThat(r.c.write(Fixtures.bytes(10_000, 4))).as("the second write waits for room").isFalse();
            assertThat(p.server().renegotiate()).isEqualTo(1);
            r.readServer(); // sends the HelloRequest, reads the first 10000
            r.readClient(); // the client takes the HelloRequest with its write half-sent
            r.pump(); // retries the pending write and reads: nothing new is written
            assertThat(p.server().renegotiatePending()).as("the renegotiation finished through reads alone").isFalse();
            r.assertHealthy();
        }
    }

    @EngineTest
    @DisplayName("NL-4 a renegotiation that meets unread application data keeps it readable")
    void renegotiationMeetsUnreadData(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(63, 5);
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertThat(p.server().write(data, 0, data.length)).isEqualTo(63);
            byte[] first = new byte[1];
            assertThat(p.client().read(first, 0, 1)).isEqualTo(1);
            assertThat(p.client().pending()).isEqualTo(62);
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            SslErrorQueue.clear();
            byte[] one = {9};
            int w = p.client().write(one, 0, 1);
            assertThat(w == 1 || p.client().getError(w) == SslError.WANT_READ).as("client write %d: %s", w, SslErrorQueue.peek()).isTrue();
            assertThat(p.client().pending()).as("the unread bytes are still there").isEqualTo(62);
            byte[] rest = new byte[100];
            assertThat(p.client().read(rest, 0, 100)).isEqualTo(62);
            assertThat(Arrays.copyOf(rest, 62)).isEqualTo(Arrays.copyOfRange(data, 1, 63));
            Run r = new Run(p);
            if (w != 1) {
                r.c.write(one);
            } else {
                r.c.sent.writeBytes(one);
            }
            r.pump();
            r.assertHealthy();
        }
    }

    @EngineTest
    @DisplayName("NL-5 renegotiate_pending ends when a server's renegotiation ends inside writes and reads, and shutdown then completes")
    void renegotiatePendingEndsInsideWrites(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            Run r = new Run(p);
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertThat(p.server().renegotiatePending()).isTrue();
            for (int i = 0; i < 6; i++) {
                r.s.write(Fixtures.bytes(700, 10 + i));
                r.c.write(Fixtures.bytes(500, 20 + i));
                r.readClient();
                r.readServer();
            }
            r.pump();
            r.assertHealthy();
        }
    }

    @EngineTest
    @DisplayName("NL-5 a client that reads a HelloRequest has renegotiate_pending 1 until the new handshake ends, as libssl's ssl3_renegotiate marks it")
    void helloRequestMarksClientPending(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertResult(p.server(), p.server().doHandshake(), 1, SslError.NONE);
            assertThat(p.client().renegotiatePending()).isFalse();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(p.client().renegotiatePending()).as("after the HelloRequest").isTrue();
            Run r = new Run(p);
            r.pump();
            assertThat(p.client().renegotiatePending()).as("after the new handshake").isFalse();
            assertThat(p.server().renegotiatePending()).isFalse();
            r.assertHealthy();
        }
    }

    @EngineTest
    @DisplayName("NL-7 a HelloRequest asked for during a pending write goes out after all of it (R11.2, ssl3_renegotiate_check)")
    void helloRequestWaitsForPendingWrite(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            Run r = new Run(p);
            assertThat(r.s.write(Fixtures.bytes(60_000, 6))).isFalse();
            assertThat(p.server().renegotiate()).isEqualTo(1);
            // The client reads while the server finishes its write: all 60000 bytes come before the renegotiation.
            for (int i = 0; i < 50 && r.toClient.size() < 60_000; i++) {
                r.s.step();
                r.readClient();
                if (!p.client().isInitFinished()) {
                    assertThat(r.toClient.size()).as("bytes read before the client met the HelloRequest").isEqualTo(60_000);
                }
            }
            assertThat(r.toClient.size()).isEqualTo(60_000);
            r.c.write(Fixtures.bytes(100, 7));
            r.pump();
            r.assertHealthy();
        }
    }
}
