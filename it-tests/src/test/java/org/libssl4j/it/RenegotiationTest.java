package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** TLS 1.2 renegotiation started by the server, on engines that can renegotiate (R11.2-R11.7). */
class RenegotiationTest {

    /** A TLS 1.2 pair whose server has sent a HelloRequest. */
    private static TestPair helloRequested(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        TestPair p = Fixtures.connected(engine, TLS12, 0);
        assertThat(p.server().renegotiate()).isEqualTo(1);
        assertResult(p.server(), p.server().doHandshake(), 1, SslError.NONE);
        return p;
    }

    @EngineTest
    @DisplayName("R11.2 the server's renegotiate returns 1 and sets renegotiate_pending; doHandshake sends a HelloRequest and returns 1 at once")
    void serverRenegotiate(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            long before = p.clientBio().pending();
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertThat(p.server().renegotiatePending()).isTrue();
            assertResult(p.server(), p.server().doHandshake(), 1, SslError.NONE);
            assertThat(p.clientBio().pending()).as("HelloRequest sent").isGreaterThan(before);
            assertThat(p.server().renegotiatePending()).isTrue();
            // The client answers and both finish the new handshake (full or abbreviated, as the engine chooses).
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            byte[] data = Fixtures.ascii("after");
            assertThat(writeThroughRenegotiation(p, data)).isEqualTo(data.length);
            assertThat(p.server().read(new byte[10], 0, 10)).isEqualTo(data.length);
            assertThat(p.server().renegotiatePending()).isFalse();
            assertThat(p.client().renegotiatePending()).isFalse();
            assertThat(p.server().isInitFinished()).isTrue();
        }
    }

    /** The client writes {@code data} while the server answers each WANT_READ; returns the write's final result. */
    private static int writeThroughRenegotiation(TestPair p, byte[] data) {
        for (int round = 0; round < 10; round++) {
            int s = p.server().read(new byte[0], 0, 0);
            assertThat(p.server().getError(s)).as("server read during renegotiation").isIn(SslError.WANT_READ, SslError.SYSCALL);
            SslErrorQueue.clear();
            int r = p.client().write(data, 0, data.length);
            if (r > 0) {
                return r;
            }
            assertThat(p.client().getError(r)).as("client write during renegotiation").isEqualTo(SslError.WANT_READ);
        }
        throw new AssertionError("the renegotiation did not finish in 10 rounds");
    }

    @EngineTest
    @DisplayName("R11.3 a client that only writes does not notice a HelloRequest; its writes, pending ones too, finish normally")
    void writerIgnoresHelloRequest(String engine) {
        try (TestPair p = helloRequested(engine)) {
            byte[] data = Fixtures.bytes(40_000, 60);
            int r = p.client().write(data, 0, data.length);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            while (r <= 0) {
                assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                got.writeBytes(Fixtures.drain(p.server()));
                r = p.client().write(data, 0, data.length);
            }
            assertThat(r).isEqualTo(data.length);
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
            assertThat(p.client().isInitFinished()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R11.4 the client's read takes the HelloRequest, sends a ClientHello and wants to read; its writes then want to read too")
    void clientReadAnswers(String engine) {
        try (TestPair p = helloRequested(engine)) {
            long before = p.serverBio().pending();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(p.client().isInitFinished()).isFalse();
            assertThat(p.serverBio().pending()).as("ClientHello sent").isGreaterThan(before);
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("R11.5 the write that gets the server's answer finishes the renegotiation, sends its data and returns the full length")
    void writeFinishes(String engine) {
        try (TestPair p = helloRequested(engine)) {
            p.client().read(new byte[10], 0, 10);
            byte[] data = Fixtures.bytes(3000, 61);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
            assertThat(writeThroughRenegotiation(p, data)).isEqualTo(data.length);
            assertThat(p.client().isInitFinished()).isTrue();
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
        }
    }

    @EngineTest
    @DisplayName("R11.6 data sent after the HelloRequest but before the new handshake is returned by read while not init finished, whatever AUTO_RETRY")
    void dataBeforeRenegotiation(String engine) {
        for (boolean autoRetry : new boolean[] {true, false}) {
            try (TestPair p = helloRequested(engine)) {
                if (!autoRetry) {
                    p.client().clearMode(SslMode.AUTO_RETRY);
                }
                byte[] data = Fixtures.ascii("sent after HelloRequest");
                assertThat(p.server().write(data, 0, data.length)).isEqualTo(data.length);
                byte[] buf = new byte[100];
                int n = p.client().read(buf, 0, buf.length);
                assertThat(n).as("read with AUTO_RETRY " + autoRetry).isEqualTo(data.length);
                assertThat(Arrays.copyOf(buf, n)).isEqualTo(data);
                assertThat(p.client().isInitFinished()).isFalse();
            }
        }
    }

    @EngineTest
    @DisplayName("R11.7 a read that finishes a renegotiation returns the data that follows in the same call, whatever AUTO_RETRY")
    void readFinishesRenegotiation(String engine) {
        try (TestPair p = helloRequested(engine)) {
            p.client().clearMode(SslMode.AUTO_RETRY);
            p.server().clearMode(SslMode.AUTO_RETRY);
            // Both sides read in turn; the side that finishes first writes at once, so its data follows its
            // Finished, and the other side's read must finish the handshake and return that data in one call.
            org.libssl4j.Ssl[] sides = {p.client(), p.server()};
            boolean[] wrote = new boolean[2];
            byte[] data = Fixtures.ascii("follows the Finished");
            byte[] buf = new byte[100];
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 2; i++) {
                    org.libssl4j.Ssl side = sides[i];
                    boolean wasInInit = !side.isInitFinished();
                    int n = side.read(buf, 0, buf.length);
                    if (n > 0) {
                        assertThat(wasInInit).as("the read that returned the data started in the renegotiation").isTrue();
                        assertThat(side.isInitFinished()).isTrue();
                        assertThat(Arrays.copyOf(buf, n)).isEqualTo(data);
                        return;
                    }
                    SslErrorQueue.clear();
                    if (!wrote[i] && side.isInitFinished() && round > 0) {
                        assertThat(side.write(data, 0, data.length)).isEqualTo(data.length);
                        wrote[i] = true;
                    }
                }
            }
            throw new AssertionError("no side returned the data");
        }
    }

    @EngineTest
    @DisplayName("R15.5 a read that must send a renegotiation ClientHello into a full transport wants to write; the retry sends it and wants to read")
    void readWantsWrite(String engine) {
        try (TestPair p = helloRequested(engine)) {
            byte[] filler = new byte[p.clientBio().writeGuarantee()];
            assertThat(p.clientBio().write(filler, 0, filler.length)).isEqualTo(filler.length);
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_WRITE);
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_WRITE);
            byte[] sink = new byte[filler.length];
            assertThat(p.serverBio().read(sink, 0, sink.length)).isEqualTo(filler.length); // room again
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(p.serverBio().pending()).as("ClientHello sent").isGreaterThan(0);
            byte[] data = Fixtures.ascii("renegotiated");
            assertThat(writeThroughRenegotiation(p, data)).isEqualTo(data.length);
        }
    }

    @EngineTest
    @DisplayName("R11.3 a HelloRequest that meets a pending write: the read starts nothing, the write finishes, no byte is sent twice")
    void helloRequestDuringPendingWrite(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(100_000, 62);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            got.writeBytes(Fixtures.drain(p.server()));
            assertThat(p.server().renegotiate()).isEqualTo(1);
            assertThat(p.server().doHandshake()).isEqualTo(1);
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(p.client().isInitFinished()).as("libssl starts no handshake while a write is half-sent").isTrue();
            int r;
            int rounds = 0;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                assertThat(p.client().getError(r)).isIn(SslError.WANT_WRITE, SslError.WANT_READ);
                got.writeBytes(Fixtures.drain(p.server()));
                assertThat(++rounds).isLessThan(50);
            }
            assertThat(r).isEqualTo(data.length);
            for (int i = 0; i < 10; i++) {
                got.writeBytes(Fixtures.drain(p.server()));
                p.client().read(new byte[1], 0, 1);
                SslErrorQueue.clear();
            }
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("R11.2 a client's renegotiate begins with its next read: a ClientHello goes out and the client is in init")
    void clientRenegotiateStartsOnRead(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            assertThat(p.client().renegotiate()).isEqualTo(1);
            assertThat(p.client().renegotiatePending()).isTrue();
            long before = p.serverBio().pending();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(p.serverBio().pending()).as("ClientHello sent").isGreaterThan(before);
            assertThat(p.client().isInitFinished()).isFalse();
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertThat(SslErrorQueue.peek().reason()).isEqualTo(org.libssl4j.SslReason.SHUTDOWN_WHILE_IN_INIT);
        }
    }

    @EngineTest
    @DisplayName("R11.10 a server refuses a renegotiation the client starts: its read fails with \"no renegotiation\", and the connection is failed")
    void clientRenegotiationRefusedByDefault(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            assertThat(p.client().renegotiate()).isEqualTo(1);
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.WANT_READ); // ClientHello out
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.SSL);
            Fixtures.assertReason(org.libssl4j.SslReason.NO_RENEGOTIATION, "no renegotiation");
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.SYSCALL); // R15.7
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R11.10 with ALLOW_CLIENT_RENEGOTIATION the server follows the client's renegotiation, and data flows after it")
    void clientRenegotiationAllowed(String engine) {
        TestEngines.assumeCapability(engine, Capability.RENEGOTIATION);
        try (TestPair p = Fixtures.pair(engine, TLS12, 0, c -> { },
                s -> s.setOptions(org.libssl4j.SslOptions.ALLOW_CLIENT_RENEGOTIATION)).handshake()) {
            Fixtures.settle(p);
            SslErrorQueue.clear();
            assertThat(p.client().renegotiate()).isEqualTo(1);
            for (int round = 0; round < 10 && p.client().renegotiatePending(); round++) {
                int c = p.client().read(new byte[10], 0, 10);
                assertThat(p.client().getError(c)).as("client " + SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
                int s = p.server().read(new byte[10], 0, 10);
                assertThat(p.server().getError(s)).as("server " + SslErrorQueue.snapshot()).isEqualTo(SslError.WANT_READ);
            }
            assertThat(p.client().renegotiatePending()).as("the renegotiation finished").isFalse();
            assertThat(p.client().isInitFinished()).isTrue();
            byte[] data = Fixtures.ascii("after");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            assertThat(Fixtures.drain(p.server())).isEqualTo(data);
        }
    }

    @EngineTest
    @DisplayName("R11.2 once the HelloRequest is out the server's doHandshake returns 1 again without I/O")
    void serverHandshakeAfterHelloRequest(String engine) {
        try (TestPair p = helloRequested(engine)) {
            p.client().read(new byte[10], 0, 10); // the ClientHello waits for the server
            long toServer = p.serverBio().pending();
            long toClient = p.clientBio().pending();
            assertResult(p.server(), p.server().doHandshake(), 1, SslError.NONE);
            assertThat(p.serverBio().pending()).isEqualTo(toServer);
            assertThat(p.clientBio().pending()).isEqualTo(toClient);
        }
    }

    @EngineTest
    @DisplayName("R11.6 application data in the middle of a renegotiation is for read only: a write that meets it fails with unexpected record")
    void dataMidRenegotiationForWrite(String engine) {
        try (TestPair p = helloRequested(engine)) {
            p.client().read(new byte[10], 0, 10); // ClientHello out, client in init
            byte[] data = Fixtures.ascii("early");
            assertThat(p.server().write(data, 0, data.length)).isEqualTo(data.length);
            assertResult(p.client(), p.client().write(new byte[3], 0, 3), -1, SslError.SSL);
            assertThat(SslErrorQueue.peek().reason()).isEqualTo(org.libssl4j.SslReason.UNEXPECTED_RECORD);
        }
    }
}
