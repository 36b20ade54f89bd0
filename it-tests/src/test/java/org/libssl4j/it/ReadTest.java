package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.TestPair;

/** SSL_read, SSL_peek, SSL_pending and SSL_has_pending: one record per read, read-ahead, partial records (R03.5, R04.6, R06, R15.10). */
class ReadTest {

    @EngineTest
    @DisplayName("R15.5 a read that must send handshake data (a TLS 1.2 server's Finished) into a full transport wants to write; the retry sends it and wants to read")
    void readWantsWrite(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS12, 0)) {
            p.server().setAcceptState();
            byte[] buf = new byte[10];
            assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
            assertResult(p.server(), p.server().read(buf, 0, 10), -1, SslError.WANT_READ);
            assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
            byte[] filler = new byte[p.serverBio().writeGuarantee()];
            assertThat(p.serverBio().write(filler, 0, filler.length)).isEqualTo(filler.length);
            assertResult(p.server(), p.server().read(buf, 0, 10), -1, SslError.WANT_WRITE);
            assertResult(p.server(), p.server().read(buf, 0, 10), -1, SslError.WANT_WRITE);
            byte[] sink = new byte[filler.length];
            assertThat(p.clientBio().read(sink, 0, sink.length)).isEqualTo(filler.length); // room again
            assertResult(p.server(), p.server().read(buf, 0, 10), -1, SslError.WANT_READ);
            assertThat(p.server().isInitFinished()).isTrue();
            assertThat(p.client().connect()).as("the server's Finished arrived").isEqualTo(1);
            byte[] data = Fixtures.ascii("after");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            assertThat(p.server().read(buf, 0, 10)).isEqualTo(data.length);
        }
    }

    @EngineTest
    @DisplayName("R06.9 a complete record header with no body byte yet: the read wants to read, and has_pending is 0 (1-4 header bytes: 1)")
    void headerAloneIsNotPending(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] ten = Fixtures.ascii("0123456789");
            assertThat(p.server().write(ten, 0, 10)).isEqualTo(10);
            byte[] record = new byte[(int) p.clientBio().pending()];
            assertThat(p.clientBio().read(record, 0, record.length)).isEqualTo(record.length);
            byte[] buf = new byte[256];
            for (int n = 1; n <= 5; n++) {
                p.serverBio().write(record, n - 1, 1);
                assertResult(p.client(), p.client().read(buf, 0, 256), -1, SslError.WANT_READ);
                assertThat(p.client().pending()).isZero();
                assertThat(p.client().hasPending()).as("after %d bytes", n).isEqualTo(n < 5);
            }
            p.serverBio().write(record, 5, record.length - 5);
            assertThat(p.client().read(buf, 0, 256)).isEqualTo(10);
        }
    }

    @EngineTest
    @DisplayName("R06.7 a ByteBuffer read or peek followed by an array read or peek of the same record loses nothing (heap, direct, slice)")
    void byteBufferThenArray(String engine) {
        byte[] data = "0123456789ABCDEFGHIJ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String kind : new String[] {"heap", "direct", "slice"}) {
            for (boolean peekFirst : new boolean[] {false, true}) {
                try (TestPair p = Fixtures.connected(engine)) {
                    assertThat(p.client().write(data, 0, data.length)).isEqualTo(20);
                    java.nio.ByteBuffer bb = kind.equals("heap") ? java.nio.ByteBuffer.allocate(5)
                            : kind.equals("direct") ? java.nio.ByteBuffer.allocateDirect(5)
                            : java.nio.ByteBuffer.allocate(12).position(7).slice();
                    int n = peekFirst ? p.server().peek(bb) : p.server().read(bb);
                    assertThat(n).as(kind).isEqualTo(5);
                    assertThat(bb.position()).isEqualTo(5);
                    assertThat(p.server().pending()).isEqualTo(peekFirst ? 20 : 15);
                    byte[] peeked = new byte[100];
                    int m = p.server().peek(peeked, 0, 100);
                    assertThat(m).as(kind + " " + SslErrorQueue.peek()).isEqualTo(peekFirst ? 20 : 15);
                    byte[] rest = new byte[100];
                    assertThat(p.server().read(rest, 0, 100)).isEqualTo(m);
                    assertThat(Arrays.copyOf(rest, m)).isEqualTo(Arrays.copyOfRange(data, 20 - m, 20));
                    assertThat(SslErrorQueue.isEmpty()).isTrue();
                    assertResult(p.server(), p.server().read(rest, 0, 100), -1, SslError.WANT_READ);
                }
            }
        }
    }

    @EngineTest
    @DisplayName("R06.1 a read with no data available returns -1/WANT_READ")
    void noData(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertResult(p.server(), p.server().peek(new byte[10], 0, 10), -1, SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("R03.5 a zero-length read or peek with a record waiting returns 0/SYSCALL, yet opens the record; with none it wants to read")
    void zeroLengthRead(String engine) {
        for (boolean peek : new boolean[] {false, true}) {
            try (TestPair p = Fixtures.connected(engine)) {
                byte[] none = new byte[4];
                int r = peek ? p.server().peek(none, 0, 0) : p.server().read(none, 0, 0);
                assertResult(p.server(), r, -1, SslError.WANT_READ);
                byte[] data = Fixtures.bytes(300, 20);
                assertThat(p.client().write(data, 0, data.length)).isEqualTo(300);
                assertThat(p.server().pending()).isZero();
                r = peek ? p.server().peek(none, 0, 0) : p.server().read(none, 0, 0);
                assertResult(p.server(), r, 0, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).isTrue();
                assertThat(p.server().pending()).as("pending after the zero-length call").isEqualTo(300);
                Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
            }
        }
    }

    @EngineTest
    @DisplayName("R04.6 a read that wants more of a record held inside has has_pending=1 and pending=0")
    void partialRecordHeld(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            byte[] data = Fixtures.bytes(1000, 21);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(1000);
            w.move(500);
            assertResult(p.server(), p.server().read(new byte[2000], 0, 2000), -1, SslError.WANT_READ);
            assertThat(p.server().hasPending()).isTrue();
            assertThat(p.server().pending()).isZero();
            w.moveAll();
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
            assertThat(p.server().hasPending()).isFalse();
        }
    }

    @EngineTest
    @DisplayName("R06.2 pending counts only decrypted unread bytes: 0 while the record is in the BIO or partly received")
    void pendingCountsDecrypted(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            byte[] data = Fixtures.bytes(1000, 22);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(1000);
            w.move(10);
            assertThat(p.server().pending()).as("record in the BIO").isZero();
            p.server().read(new byte[1], 0, 1);
            SslErrorQueue.clear();
            assertThat(p.server().pending()).as("record partly received").isZero();
            w.moveAll();
            assertThat(p.server().read(new byte[100], 0, 100)).isEqualTo(100);
            assertThat(p.server().pending()).isEqualTo(900);
        }
    }

    @EngineTest
    @DisplayName("R06.3 after a partial read pending is the rest of the record and has_pending is 1")
    void partialRead(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] data = Fixtures.bytes(1000, 23);
            p.client().write(data, 0, data.length);
            byte[] buf = new byte[1000];
            assertThat(p.server().read(buf, 0, 400)).isEqualTo(400);
            assertThat(p.server().pending()).isEqualTo(600);
            assertThat(p.server().hasPending()).isTrue();
            assertThat(p.server().read(buf, 400, 600)).isEqualTo(600);
            Fixtures.assertSameBytes(buf, data);
            assertThat(p.server().pending()).isZero();
        }
    }

    @EngineTest
    @DisplayName("R06.4 one read never returns data of two records; the second comes with the next read")
    void oneRecordPerRead(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] a = Fixtures.bytes(100, 24);
            byte[] b = Fixtures.bytes(200, 25);
            p.client().write(a, 0, a.length);
            p.client().write(b, 0, b.length);
            byte[] buf = new byte[1000];
            int n = p.server().read(buf, 0, buf.length);
            Fixtures.assertSameBytes(Arrays.copyOf(buf, n), a);
            n = p.server().read(buf, 0, buf.length);
            Fixtures.assertSameBytes(Arrays.copyOf(buf, n), b);
        }
    }

    @EngineTest
    @DisplayName("R06.5 without read-ahead one record is taken from the BIO and the next stays there; with read-ahead it is pulled in")
    void readAhead(String engine) {
        for (boolean ahead : new boolean[] {false, true}) {
            try (TestPair p = Fixtures.connected(engine)) {
                p.server().setReadAhead(ahead);
                p.client().write(Fixtures.bytes(100, 26), 0, 100);
                p.client().write(Fixtures.bytes(200, 27), 0, 200);
                long inBio = p.serverBio().pending();
                assertThat(p.server().read(new byte[1000], 0, 1000)).isEqualTo(100);
                assertThat(p.server().pending()).isZero();
                if (ahead) {
                    assertThat(p.server().hasPending()).as("has_pending with read-ahead").isTrue();
                    assertThat(p.serverBio().pending()).isZero();
                } else {
                    assertThat(p.server().hasPending()).as("has_pending without read-ahead").isFalse();
                    assertThat(p.serverBio().pending()).as("the second record stays in the BIO").isEqualTo(inBio - (inBio - p.serverBio().pending()));
                    assertThat(p.serverBio().pending()).isGreaterThan(200);
                }
                assertThat(p.server().read(new byte[1000], 0, 1000)).isEqualTo(200);
            }
        }
    }

    @EngineTest
    @DisplayName("R06.6 any partial record bytes held inside, even 3 header bytes, make has_pending 1 while read wants to read")
    void headerBytesHeld(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            p.client().write(Fixtures.bytes(50, 28), 0, 50);
            w.move(3);
            assertResult(p.server(), p.server().read(new byte[100], 0, 100), -1, SslError.WANT_READ);
            assertThat(p.server().hasPending()).isTrue();
            assertThat(p.server().pending()).isZero();
        }
    }

    @EngineTest
    @DisplayName("R06.7 peek returns data without using it up; pending is then the whole unread rest; peek with nothing wants to read")
    void peek(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            assertResult(p.server(), p.server().peek(new byte[10], 0, 10), -1, SslError.WANT_READ);
            byte[] data = Fixtures.bytes(500, 29);
            p.client().write(data, 0, data.length);
            byte[] a = new byte[200];
            assertThat(p.server().peek(a, 0, 200)).isEqualTo(200);
            assertThat(p.server().pending()).isEqualTo(500);
            byte[] b = new byte[500];
            assertThat(p.server().read(b, 0, 500)).isEqualTo(500);
            Fixtures.assertSameBytes(b, data);
            Fixtures.assertSameBytes(a, Arrays.copyOf(data, 200));
        }
    }

    @EngineTest
    @DisplayName("R06.8 read-ahead changes has_pending only, never what reads return")
    void readAheadSameResults(String engine) {
        List<String> withOut = transcript(engine, false);
        List<String> with = transcript(engine, true);
        assertThat(with).isEqualTo(withOut);
    }

    private static List<String> transcript(String engine, boolean ahead) {
        List<String> t = new java.util.ArrayList<>();
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            p.server().setReadAhead(ahead);
            Fixtures.Wire w = Fixtures.wireByHand(p);
            int[] sizes = {1, 700, 16384, 20000, 3};
            for (int s : sizes) {
                p.client().write(Fixtures.bytes(s, s), 0, s);
            }
            byte[] wire = w.out().drain();
            byte[] buf = new byte[5000];
            for (int off = 0; off < wire.length; off += 1234) {
                w.in().write(wire, off, Math.min(1234, wire.length - off));
                for (int i = 0; i < 3; i++) {
                    SslErrorQueue.clear();
                    int r = p.server().read(buf, 0, buf.length);
                    t.add(r + "/" + p.server().getError(r) + "/" + p.server().pending());
                }
            }
        }
        return t;
    }

    @EngineTest
    @DisplayName("R15.10 while waiting for a record the network half's read request is 5 (a header), then the rest of the record")
    void readRequest(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            org.libssl4j.bio.MemBio capture = org.libssl4j.bio.MemBio.create();
            p.client().setWbio(capture);
            assertResult(p.server(), p.server().read(new byte[100], 0, 100), -1, SslError.WANT_READ);
            assertThat(p.clientBio().readRequest()).as("read request for a header").isEqualTo(5);
            p.client().write(Fixtures.bytes(10, 30), 0, 10);
            byte[] record = capture.drain();
            p.clientBio().write(record, 0, 5);
            assertResult(p.server(), p.server().read(new byte[100], 0, 100), -1, SslError.WANT_READ);
            assertThat(p.clientBio().readRequest()).as("read request for the body").isEqualTo(record.length - 5);
            p.clientBio().write(record, 5, record.length - 5);
            assertThat(p.server().read(new byte[100], 0, 100)).isEqualTo(10);
        }
    }

    // ---- reads and peeks into every kind of destination (BufferKind: array, heap, direct, slice) ----

    @EngineDestinationTest
    @DisplayName("R06.10 a read into every kind of buffer returns the bytes at its position, advances it by the count, leaves the limit and every other byte; one record at most")
    void readEveryKind(String engine, BufferKind kind) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 65536)) { // TLS 1.2: 16384-byte records on every engine
            byte[] data = Fixtures.bytes(20, 30);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(20);
            BufferKind.Dest small = kind.dest(8);
            assertResult(p.server(), small.read(p.server()), 8, SslError.NONE);
            assertThat(small.bytes()).isEqualTo(Arrays.copyOf(data, 8));
            assertThat(p.server().pending()).isEqualTo(12);
            BufferKind.Dest large = kind.dest(40_000);
            assertResult(p.server(), large.read(p.server()), 12, SslError.NONE);
            assertThat(large.bytes()).isEqualTo(Arrays.copyOfRange(data, 8, 20));
            assertResult(p.server(), large.read(p.server()), -1, SslError.WANT_READ);

            byte[] big = Fixtures.bytes(20_000, 31);
            assertThat(p.client().write(big, 0, big.length)).isEqualTo(20_000);
            assertResult(p.server(), large.read(p.server()), 16384, SslError.NONE);
            assertThat(large.bytes()).isEqualTo(Arrays.copyOf(big, 16384));
            assertResult(p.server(), large.read(p.server()), 20_000 - 16384, SslError.NONE);
            assertThat(large.bytes()).isEqualTo(Arrays.copyOfRange(big, 16384, 20_000));
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }
    }

    @EngineDestinationTest
    @DisplayName("R06.7 a peek into every kind of buffer returns the bytes at its position without using them up; pending is the whole rest; with nothing it wants to read, position unmoved")
    void peekEveryKind(String engine, BufferKind kind) {
        try (TestPair p = Fixtures.connected(engine)) {
            BufferKind.Dest dest = kind.dest(8);
            assertResult(p.server(), dest.peek(p.server()), -1, SslError.WANT_READ);
            byte[] data = Fixtures.bytes(20, 32);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(20);
            assertResult(p.server(), dest.peek(p.server()), 8, SslError.NONE);
            assertThat(dest.bytes()).isEqualTo(Arrays.copyOf(data, 8));
            assertThat(p.server().pending()).isEqualTo(20);
            assertResult(p.server(), dest.peek(p.server()), 8, SslError.NONE);
            assertThat(dest.bytes()).as("the same bytes again").isEqualTo(Arrays.copyOf(data, 8));
            assertResult(p.server(), dest.read(p.server()), 8, SslError.NONE);
            assertThat(dest.bytes()).isEqualTo(Arrays.copyOf(data, 8));
            BufferKind.Dest rest = kind.dest(100);
            assertResult(p.server(), rest.peek(p.server()), 12, SslError.NONE);
            assertThat(rest.bytes()).isEqualTo(Arrays.copyOfRange(data, 8, 20));
            assertThat(p.server().pending()).isEqualTo(12);
            assertResult(p.server(), rest.read(p.server()), 12, SslError.NONE);
            assertThat(rest.bytes()).isEqualTo(Arrays.copyOfRange(data, 8, 20));
            assertResult(p.server(), rest.peek(p.server()), -1, SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("R06.11 a read or peek into a read-only buffer (heap or direct) throws ReadOnlyBufferException at once; nothing is taken and the connection goes on")
    void readOnlyDestination(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] data = Fixtures.bytes(20, 33);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(20);
            long inBio = p.clientBio().pending() + p.serverBio().pending();
            for (java.nio.ByteBuffer ro : new java.nio.ByteBuffer[] {
                    java.nio.ByteBuffer.allocate(64).asReadOnlyBuffer(), java.nio.ByteBuffer.allocateDirect(64).asReadOnlyBuffer()}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.server().read(ro))
                        .isInstanceOf(java.nio.ReadOnlyBufferException.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.server().peek(ro))
                        .isInstanceOf(java.nio.ReadOnlyBufferException.class);
                assertThat(ro.position()).isZero();
                assertThat(ro.limit()).isEqualTo(64);
            }
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertThat(p.clientBio().pending() + p.serverBio().pending()).as("the record is still in the BIO").isEqualTo(inBio);
            assertThat(p.server().pending()).isZero();
            byte[] buf = new byte[100];
            assertThat(p.server().read(buf, 0, 100)).isEqualTo(20);
            assertThat(Arrays.copyOf(buf, 20)).isEqualTo(data);
        }
    }
}
