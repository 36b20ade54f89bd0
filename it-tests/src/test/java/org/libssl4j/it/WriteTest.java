package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMode;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestPair;

/** SSL_write: zero and negative lengths, full and partial writes, and the retry rules (R03, R04, R05, R13). */
class WriteTest {

    @EngineTest
    @DisplayName("R03.1 a zero-length write after the handshake returns 0 with SYSCALL, an empty queue, and sends nothing")
    void zeroLengthAfterHandshake(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            long before = p.serverBio().pending();
            assertResult(p.client(), p.client().write(new byte[8], 0, 0), 0, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertThat(p.serverBio().pending()).isEqualTo(before);
        }
    }

    @EngineTest
    @DisplayName("R03.3 a zero-length write before the handshake drives the handshake and wants to read")
    void zeroLengthBeforeHandshake(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertResult(p.client(), p.client().write(new byte[8], 0, 0), -1, SslError.WANT_READ);
            assertThat(p.serverBio().pending()).as("ClientHello sent").isGreaterThan(0);
        }
    }

    @EngineTest
    @DisplayName("R03.4 (D1) a negative length throws IndexOutOfBoundsException at once and the connection goes on")
    void negativeLength(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            assertThatThrownBy(() -> p.client().write(new byte[8], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("off 0, num -1 out of bounds for buf.length 8");
            assertThatThrownBy(() -> p.server().read(new byte[8], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("off 0, len -1 out of bounds for buf.length 8");
            assertThatThrownBy(() -> p.server().peek(new byte[8], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("off -1");
            assertThatThrownBy(() -> p.server().read((java.nio.ByteBuffer) null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("dst");
            assertThatThrownBy(() -> p.client().write(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("buf");
            assertThatThrownBy(() -> p.client().write(new byte[8], 4, 5)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            byte[] data = Fixtures.ascii("still fine");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
        }
    }

    @EngineTest
    @DisplayName("R04.1 without partial-write mode a write wants to write until every byte is taken, then returns the full length")
    void fullWriteNeverPartial(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(100_000, 2);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int r;
            int calls = 0;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                got.writeBytes(Fixtures.drain(p.server()));
                assertThat(++calls).isLessThan(100);
            }
            assertThat(r).isEqualTo(100_000);
            assertThat(calls).as("calls that wanted to write").isGreaterThan(0);
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("R04.2 records are written partially into the transport, which is filled to the last byte; the retry finishes the record first")
    void partialRecordsInTransport(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(100_000, 3);
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
            assertThat(p.clientBio().writeGuarantee()).as("room left in the transport").isZero();
            // Take the raw bytes out in odd pieces and check that they parse as whole consecutive records.
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[7000];
            int r;
            while (true) {
                int n;
                while ((n = p.serverBio().read(chunk, 0, chunk.length)) > 0) {
                    raw.write(chunk, 0, n);
                }
                r = p.client().write(data, 0, data.length);
                if (r > 0) {
                    break;
                }
            }
            int n;
            while ((n = p.serverBio().read(chunk, 0, chunk.length)) > 0) {
                raw.write(chunk, 0, n);
            }
            assertThat(r).isEqualTo(data.length);
            byte[] stream = raw.toByteArray();
            int pos = 0;
            int records = 0;
            while (pos < stream.length) {
                assertThat(stream[pos]).as("record type at " + pos).isEqualTo((byte) 23);
                assertThat(stream[pos + 1]).isEqualTo((byte) 3);
                int len = ((stream[pos + 3] & 0xFF) << 8) | (stream[pos + 4] & 0xFF);
                assertThat(len).isLessThanOrEqualTo(16384 + 256);
                pos += 5 + len;
                records++;
            }
            assertThat(pos).isEqualTo(stream.length);
            assertThat(records).isEqualTo(7); // 6 x 16384 + 1696
        }
    }

    @EngineTest
    @DisplayName("R04.3 with partial-write mode a write of one whole record without blocking returns that record's length")
    void partialModeOneRecord(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(100_000, 4);
            assertResult(p.client(), p.client().write(data, 0, data.length), 16384, SslError.NONE);
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), Arrays.copyOf(data, 16384));
        }
    }

    @EngineTest
    @DisplayName("R04.4 with partial-write mode a retried write returns everything committed since the call first started, across records")
    void partialModeRetrySpansRecords(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(100_000, 5);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int off = 0;
            boolean spanned = false;
            while (off < data.length) {
                int r = p.client().write(data, off, data.length - off);
                int retries = 0;
                while (r <= 0) {
                    assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                    got.writeBytes(Fixtures.drain(p.server()));
                    r = p.client().write(data, off, data.length - off);
                    retries++;
                }
                assertThat(r % 16384 == 0 || off + r == data.length).as("a whole number of records: " + r).isTrue();
                if (retries > 1) {
                    assertThat(r).as("count after " + retries + " retries").isGreaterThan(16384);
                    spanned = true;
                }
                off += r;
            }
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
            assertThat(spanned).as("some call was retried over several records").isTrue();
        }
    }

    @EngineTest
    @DisplayName("R04.5 a read returns at most one record's plaintext, even when more records wait")
    void readOneRecord(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 65536)) {
            byte[] data = Fixtures.bytes(50_000, 6);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(50_000);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(16384, 16384, 16384, 848);
        }
    }

    /** A client that has a write of {@code len} bytes pending after WANT_WRITE, its first record partly sent. */
    private static TestPair pendingWrite(String engine, int bufSize, byte[] data, long mode) {
        TestPair p = Fixtures.connected(engine, TLS12, bufSize);
        p.client().setMode(mode);
        assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
        return p;
    }

    @EngineTest
    @DisplayName("R05.1 repeating with the same buffer and length continues the write and returns the full length")
    void sameBufferContinues(String engine) {
        byte[] data = Fixtures.bytes(20_000, 7);
        try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                got.writeBytes(Fixtures.drain(p.server()));
            }
            assertThat(r).isEqualTo(20_000);
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("R05.2 repeating with another buffer is bad write retry unless ACCEPT_MOVING_WRITE_BUFFER, with or without partial writes")
    void movedBuffer(String engine) {
        for (long partial : new long[] {0, SslMode.ENABLE_PARTIAL_WRITE}) {
            byte[] data = Fixtures.bytes(20_000, 8);
            try (TestPair p = pendingWrite(engine, 10_000, data, partial)) {
                byte[] copy = data.clone();
                Fixtures.drain(p.server());
                assertResult(p.client(), p.client().write(copy, 0, copy.length), -1, SslError.SSL);
                assertReason(SslReason.BAD_WRITE_RETRY, "bad write retry");
            }
            SslErrorQueue.clear();
            try (TestPair p = pendingWrite(engine, 10_000, data, partial | SslMode.ACCEPT_MOVING_WRITE_BUFFER)) {
                byte[] copy = data.clone();
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                int r;
                while ((r = p.client().write(copy, 0, copy.length)) <= 0) {
                    assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                    got.writeBytes(Fixtures.drain(p.server()));
                    copy = data.clone(); // another buffer on every retry
                }
                got.writeBytes(Fixtures.drain(p.server()));
                Fixtures.assertSameBytes(got.toByteArray(), Arrays.copyOf(data, r));
            }
        }
    }

    @EngineTest
    @DisplayName("R05.3 repeating with less than committed plus the pending record is bad length, with or without AMWB, checked before the address")
    void shorterThanPendingIsBadLength(String engine) {
        for (long amwb : new long[] {0, SslMode.ACCEPT_MOVING_WRITE_BUFFER}) {
            SslErrorQueue.clear();
            byte[] data = Fixtures.bytes(20_000, 9);
            try (TestPair p = pendingWrite(engine, 10_000, data, amwb)) {
                // Another buffer and a short length: the length is reported.
                assertResult(p.client(), p.client().write(data.clone(), 0, 16383), -1, SslError.SSL);
                assertReason(SslReason.BAD_LENGTH, "bad length");
            }
        }
    }

    @EngineTest
    @DisplayName("R05.4 repeating with a shorter length that still covers the pending record is accepted and cut to that length")
    void shorterCoveringPending(String engine) {
        for (int shorter : new int[] {16384, 17000}) {
            byte[] data = Fixtures.bytes(20_000, 10);
            try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                int r;
                while ((r = p.client().write(data, 0, shorter)) <= 0) {
                    assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                    got.writeBytes(Fixtures.drain(p.server()));
                }
                assertThat(r).isEqualTo(shorter);
                got.writeBytes(Fixtures.drain(p.server()));
                Fixtures.assertSameBytes(got.toByteArray(), Arrays.copyOf(data, shorter));
            }
        }
    }

    @EngineTest
    @DisplayName("R05.5 repeating with a longer length is accepted: the pending record keeps its size and the rest follows")
    void longerRetry(String engine) {
        byte[] data = Fixtures.bytes(20_000, 11);
        try (TestPair p = Fixtures.connected(engine, TLS12, 5_000)) {
            assertResult(p.client(), p.client().write(data, 0, 10_000), -1, SslError.WANT_WRITE);
            List<Integer> sizes = new java.util.ArrayList<>();
            int r;
            while ((r = p.client().write(data, 0, 20_000)) <= 0) {
                assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                sizes.addAll(Fixtures.readSizes(p.server()));
            }
            assertThat(r).isEqualTo(20_000);
            sizes.addAll(Fixtures.readSizes(p.server()));
            assertThat(sizes).containsExactly(10_000, 10_000);
        }
    }

    @EngineTest
    @DisplayName("R05.6 changing the bytes at the same address is not detected: the pending record keeps the old bytes, later records take the new")
    void changedContents(String engine) {
        byte[] data = new byte[20_000];
        Arrays.fill(data, (byte) 'A');
        try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
            Arrays.fill(data, (byte) 'B');
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                got.writeBytes(Fixtures.drain(p.server()));
            }
            got.writeBytes(Fixtures.drain(p.server()));
            byte[] expected = new byte[20_000];
            Arrays.fill(expected, 0, 16384, (byte) 'A');
            Arrays.fill(expected, 16384, 20_000, (byte) 'B');
            Fixtures.assertSameBytes(got.toByteArray(), expected);
        }
    }

    @EngineTest
    @DisplayName("R05.7 bad write retry and bad length are fatal without an alert; the peer waits on the half record")
    void retryErrorsAreFatalWithoutAlert(String engine) {
        byte[] data = Fixtures.bytes(20_000, 12);
        for (boolean badLength : new boolean[] {false, true}) {
            SslErrorQueue.clear();
            try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
                int r = badLength ? p.client().write(data, 0, 100) : p.client().write(data.clone(), 0, data.length);
                assertResult(p.client(), r, -1, SslError.SSL);
                SslErrorQueue.clear();
                assertThat(p.client().isInitFinished()).isFalse();
                byte[] sink = new byte[20_000];
                assertResult(p.server(), p.server().read(sink, 0, sink.length), -1, SslError.WANT_READ);
                assertThat(p.server().hasPending()).isTrue();
                assertResult(p.server(), p.server().read(sink, 0, sink.length), -1, SslError.WANT_READ);
            }
        }
    }

    @EngineTest
    @DisplayName("R05.8 after such a fatal error write and read fail with SYSCALL and an empty queue; shutdown is shutdown while in init")
    void afterFatalRetryError(String engine) {
        byte[] data = Fixtures.bytes(20_000, 13);
        try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
            p.client().write(data.clone(), 0, data.length);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
            assertThat(p.client().isInitFinished()).isFalse();
        }
    }

    @EngineTest
    @DisplayName("R05.9 after WANT_WRITE a read is safe, and the pending write then resumes with the same arguments")
    void readWhileWritePending(String engine) {
        byte[] data = Fixtures.bytes(20_000, 14);
        try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
            byte[] sink = new byte[100];
            assertResult(p.client(), p.client().read(sink, 0, sink.length), -1, SslError.WANT_READ);
            byte[] hello = Fixtures.ascii("from server");
            assertThat(p.server().write(hello, 0, hello.length)).isEqualTo(hello.length);
            int n = p.client().read(sink, 0, sink.length);
            Fixtures.assertSameBytes(Arrays.copyOf(sink, n), hello);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int r;
            while ((r = p.client().write(data, 0, data.length)) <= 0) {
                got.writeBytes(Fixtures.drain(p.server()));
            }
            got.writeBytes(Fixtures.drain(p.server()));
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineTest
    @DisplayName("R05.10 shutdown during a pending write wants to write and sets SENT_SHUTDOWN; again it is bad write retry; then writes are protocol is shutdown")
    void shutdownDuringPendingWrite(String engine) {
        byte[] data = Fixtures.bytes(20_000, 15);
        try (TestPair p = pendingWrite(engine, 10_000, data, 0)) {
            assertResult(p.client(), p.client().shutdown(), -1, SslError.WANT_WRITE);
            assertThat(p.client().getShutdown() & Ssl.SENT_SHUTDOWN).isEqualTo(Ssl.SENT_SHUTDOWN);
            assertResult(p.client(), p.client().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.BAD_WRITE_RETRY, "bad write retry");
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.SSL);
            assertReason(SslReason.PROTOCOL_IS_SHUTDOWN, "protocol is shutdown");
        }
    }

    @EngineTest
    @DisplayName("R13.1 with partial-write mode and room, a write returns min(len, 16384)")
    void partialModeSizes(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 200_000)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(50_000, 16);
            assertThat(p.client().write(data, 0, 16384)).isEqualTo(16384);
            assertThat(p.client().write(data, 0, 16385)).isEqualTo(16384);
            assertThat(p.client().write(data, 16384, 1)).isEqualTo(1);
            assertThat(p.client().write(data, 0, 50_000)).isEqualTo(16384);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(16384, 16384, 1, 16384);
        }
    }

    @EngineTest
    @DisplayName("R13.2 without partial-write mode 16385 bytes go as 16384 + 1 and 50000 as 3 x 16384 + 848")
    void fullModeRecordSplit(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 200_000)) {
            byte[] data = Fixtures.bytes(50_000, 17);
            assertThat(p.client().write(data, 0, 16385)).isEqualTo(16385);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(16384, 1);
            assertThat(p.client().write(data, 0, 50_000)).isEqualTo(50_000);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(16384, 16384, 16384, 848);
        }
    }

    @EngineTest
    @DisplayName("R13.4 with partial-write mode, a write retried after WANT_WRITE returns every byte committed since it started")
    void partialModeRetryCount(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(40_000, 18);
            assertThat(p.client().write(data, 0, 40_000)).isEqualTo(16384);
            int r = p.client().write(data, 16384, 40_000 - 16384);
            assertResult(p.client(), r, -1, SslError.WANT_WRITE);
            List<Integer> sizes = new java.util.ArrayList<>();
            while (r <= 0) {
                assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_WRITE);
                sizes.addAll(Fixtures.readSizes(p.server()));
                r = p.client().write(data, 16384, 40_000 - 16384);
            }
            sizes.addAll(Fixtures.readSizes(p.server()));
            assertThat(r).isEqualTo(40_000 - 16384); // 16384 + 7232: two records in one count
            assertThat(sizes).containsExactly(16384, 16384, 7232);
        }
    }

    @EngineTest
    @DisplayName("R13.5 max send fragment 1024: partial writes return 1024, a full write of 5000 goes as 4 x 1024 + 904")
    void maxSendFragment(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 200_000)) {
            p.client().setMaxSendFragment(1024);
            byte[] data = Fixtures.bytes(5000, 19);
            assertThat(p.client().write(data, 0, 5000)).isEqualTo(5000);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(1024, 1024, 1024, 1024, 904);
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            assertThat(p.client().write(data, 0, 5000)).isEqualTo(1024);
            assertThat(Fixtures.readSizes(p.server())).containsExactly(1024);
        }
    }

    // ---- the same rules through every kind of source buffer (BufferKind: array, heap, direct, read-only, slice) ----

    /** Reads everything the server has now into {@code got}. */
    private static void drainInto(TestPair p, java.io.ByteArrayOutputStream got) {
        got.writeBytes(Fixtures.drain(p.server()));
    }

    /**
     * Writes all of {@code src} on the client, retrying after WANT_WRITE with the same array at the same offset or
     * the same buffer at the same position and draining the server between calls; returns each call's count.
     */
    private static List<Integer> writeAll(TestPair p, BufferKind.Source src, java.io.ByteArrayOutputStream got) {
        List<Integer> counts = new java.util.ArrayList<>();
        int calls = 0;
        while (src.remaining() > 0) {
            int r = src.write(p.client());
            if (r > 0) {
                counts.add(r);
            } else {
                assertThat(p.client().getError(r)).as(src.kind + " write " + calls).isEqualTo(SslError.WANT_WRITE);
                drainInto(p, got);
            }
            assertThat(++calls).as("write calls").isLessThan(1000);
        }
        drainInto(p, got);
        return counts;
    }

    @EngineSourceTest
    @DisplayName("R04.7 a small write from every kind of buffer is read back whole; the position advances by the count, the limit stays")
    void smallWriteEveryKind(String engine, BufferKind kind) {
        try (TestPair p = Fixtures.connected(engine)) {
            byte[] data = Fixtures.bytes(100, 20);
            BufferKind.Source src = kind.source(data);
            assertResult(p.client(), src.write(p.client()), 100, SslError.NONE);
            Fixtures.assertSameBytes(Fixtures.drain(p.server()), data);
            src.assertUnchanged();
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }
    }

    @EngineSourceTest
    @DisplayName("R04.1 without partial-write mode a 100000-byte write from every kind of buffer wants to write, position unmoved, until it returns the full length")
    void fullWriteEveryKind(String engine, BufferKind kind) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            byte[] data = Fixtures.bytes(100_000, 21);
            BufferKind.Source src = kind.source(data);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            assertResult(p.client(), src.write(p.client()), -1, SslError.WANT_WRITE);
            List<Integer> counts = writeAll(p, src, got);
            assertThat(counts).containsExactly(100_000);
            Fixtures.assertSameBytes(got.toByteArray(), data);
            src.assertUnchanged();
        }
    }

    @EngineSourceTest
    @DisplayName("R04.4 with partial-write mode writes from every kind of buffer return whole records (the first 16384, R04.3), a retried one every record since it started; the position follows each count")
    void partialWriteEveryKind(String engine, BufferKind kind) {
        try (TestPair p = Fixtures.connected(engine, TLS12, 0)) {
            p.client().setMode(SslMode.ENABLE_PARTIAL_WRITE);
            byte[] data = Fixtures.bytes(100_000, 22);
            BufferKind.Source src = kind.source(data);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            assertResult(p.client(), src.write(p.client()), 16384, SslError.NONE);
            List<Integer> counts = writeAll(p, src, got);
            assertThat(counts.subList(0, counts.size() - 1)).as("whole records").allMatch(r -> r % 16384 == 0);
            assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100_000 - 16384);
            assertThat(counts).as("a retried call counts several records").anyMatch(r -> r > 16384);
            Fixtures.assertSameBytes(got.toByteArray(), data);
            src.assertUnchanged();
        }
    }

    @EngineSourceTest
    @DisplayName("R05.1 a write retried with the same ByteBuffer at the same position (or the same array and offset) continues and returns the full length")
    void sameBufferContinuesEveryKind(String engine, BufferKind kind) {
        byte[] data = Fixtures.bytes(20_000, 23);
        try (TestPair p = Fixtures.connected(engine, TLS12, 10_000)) {
            BufferKind.Source src = kind.source(data);
            assertResult(p.client(), src.write(p.client()), -1, SslError.WANT_WRITE);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            assertThat(writeAll(p, src, got)).containsExactly(20_000);
            Fixtures.assertSameBytes(got.toByteArray(), data);
        }
    }

    @EngineSourceTest
    @DisplayName("R05.2 a retry from another buffer, or the same buffer at a moved position, is bad write retry without AMWB and continues with it, with or without partial writes")
    void movedBufferEveryKind(String engine, BufferKind kind) {
        byte[] data = Fixtures.bytes(20_000, 24);
        for (long partial : new long[] {0, SslMode.ENABLE_PARTIAL_WRITE}) {
            for (boolean sameBuffer : new boolean[] {false, true}) {
                for (long amwb : new long[] {0, SslMode.ACCEPT_MOVING_WRITE_BUFFER}) {
                    String what = (sameBuffer ? "moved position" : "another buffer") + ", mode " + (partial | amwb);
                    SslErrorQueue.clear();
                    try (TestPair p = Fixtures.connected(engine, TLS12, 10_000)) {
                        p.client().setMode(partial | amwb);
                        BufferKind.Source src = kind.source(data);
                        assertResult(p.client(), src.write(p.client()), -1, SslError.WANT_WRITE);
                        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                        drainInto(p, got);
                        BufferKind.Source retry = src;
                        if (sameBuffer) {
                            src.shift();
                        } else {
                            retry = src.copy();
                        }
                        if (amwb == 0) {
                            assertResult(p.client(), retry.write(p.client()), -1, SslError.SSL);
                            assertReason(SslReason.BAD_WRITE_RETRY, "bad write retry");
                            continue;
                        }
                        List<Integer> counts = writeAll(p, retry, got);
                        assertThat(counts).as(what).isNotEmpty();
                        Fixtures.assertSameBytes(got.toByteArray(), Arrays.copyOf(data, retry.done()));
                        if (partial == 0) {
                            assertThat(counts).as(what).containsExactly(20_000);
                        }
                    }
                }
            }
        }
    }
}
