package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libssl4j.Bio;
import org.libssl4j.bio.BioPair;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.FaultBio.RecordFilter;
import org.libssl4j.testkit.FaultBio.RecordHeader;

class FaultBioTest {
    // A stream as a TLS 1.3 client might send it: handshake, CCS, then application-data records.
    private static final List<byte[]> RECORDS = List.of(
            record(22, 0x0301, 200),
            record(20, 0x0303, 1),
            record(23, 0x0303, 90),
            record(23, 0x0303, 16406),
            record(23, 0x0303, 300),
            record(21, 0x0303, 19));
    private static final byte[] STREAM = concat(RECORDS);

    /** The inner BIOs faults are tested over: one that takes everything, and a small pair that pushes back. */
    interface Sink {
        Bio bio();

        /** Makes room (reads some of what was written); returns false if nothing was there. */
        boolean makeRoom();

        byte[] output();
    }

    static final class MemSink implements Sink {
        final MemBio mem = MemBio.create();

        public Bio bio() {
            return mem;
        }

        public boolean makeRoom() {
            return false;
        }

        public byte[] output() {
            return mem.drain();
        }
    }

    static final class PairSink implements Sink {
        final BioPair pair = BioPair.create(97, 97);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Random random;

        PairSink(long seed) {
            random = new Random(seed);
        }

        public Bio bio() {
            return pair.first();
        }

        public boolean makeRoom() {
            byte[] buf = new byte[1 + random.nextInt(120)];
            int n = pair.second().read(buf, 0, buf.length);
            if (n > 0) {
                out.write(buf, 0, n);
            }
            return n > 0;
        }

        public byte[] output() {
            while (makeRoom()) {
                // drain the rest
            }
            return out.toByteArray();
        }
    }

    /**
     * Writes {@code stream} through {@code f} in random pieces, as a sender would: what a write did not take is
     * offered again. Returns what reached the sink.
     */
    static byte[] send(FaultBio f, Sink sink, byte[] stream, long seed) {
        Random random = new Random(seed);
        int off = 0;
        for (int rounds = 0; off < stream.length; rounds++) {
            assertThat(rounds).as("progress").isLessThan(1_000_000);
            int len = Math.min(stream.length - off, 1 + random.nextInt(random.nextBoolean() ? 7 : 20_000));
            int n = f.write(stream, off, len);
            if (n > 0) {
                assertThat(n).isLessThanOrEqualTo(len);
                off += n;
            } else {
                assertThat(n).isEqualTo(-1);
                assertThat(f.shouldRetry()).isTrue();
                assertThat(f.shouldWrite()).isTrue();
                assertThat(sink.makeRoom()).as("a write may only be refused while the inner BIO is full").isTrue();
            }
            if (random.nextInt(4) == 0) {
                sink.makeRoom();
            }
        }
        while (f.flush() != 1) {
            assertThat(f.shouldRetry()).isTrue();
            sink.makeRoom();
        }
        return sink.output();
    }

    private static Sink sink(boolean pair, long seed) {
        return pair ? new PairSink(seed) : new MemSink();
    }

    private static byte[] run(boolean pair, long seed, Function<FaultBio, FaultBio> fault) {
        Sink sink = sink(pair, seed);
        FaultBio f = fault.apply(new FaultBio(sink.bio()));
        byte[] out = send(f, sink, STREAM, seed);
        assertThat(f.recordsSeen()).isEqualTo(RECORDS.size());
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void withoutAFaultTheStreamPassesUnchanged(long seed) {
        for (boolean pair : new boolean[] {false, true}) {
            Sink sink = sink(pair, seed);
            FaultBio f = new FaultBio(sink.bio());
            assertThat(send(f, sink, STREAM, seed)).isEqualTo(STREAM);
            assertThat(f.faultApplied()).isFalse();
            assertThat(f.headers()).containsExactly(
                    new RecordHeader(0, 22, 0x0301, 200),
                    new RecordHeader(1, 20, 0x0303, 1),
                    new RecordHeader(2, 23, 0x0303, 90),
                    new RecordHeader(3, 23, 0x0303, 16406),
                    new RecordHeader(4, 23, 0x0303, 300),
                    new RecordHeader(5, 21, 0x0303, 19));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void everyFaultGivesTheSameBytesWhateverThePiecesAndBackPressure(long seed) {
        for (boolean pair : new boolean[] {false, true}) {
            assertThat(run(pair, seed, f -> f.flipByte(3, 100)))
                    .isEqualTo(expected(3, r -> flip(r, 100)));
            assertThat(run(pair, seed, f -> f.flipByte(RecordFilter.index(0), 0)))
                    .isEqualTo(expected(0, r -> flip(r, 0)));
            assertThat(run(pair, seed, f -> f.flipByte(RecordFilter.applicationData(2), 304)))
                    .isEqualTo(expected(4, r -> flip(r, 304)));
            assertThat(run(pair, seed, f -> f.drop(RecordFilter.index(3))))
                    .isEqualTo(expected(3, r -> new byte[0]));
            assertThat(run(pair, seed, f -> f.duplicate(RecordFilter.applicationData(1))))
                    .isEqualTo(expected(3, r -> concat(List.of(r, r))));
            assertThat(run(pair, seed, f -> f.duplicate(RecordFilter.index(5))))
                    .isEqualTo(expected(5, r -> concat(List.of(r, r))));
            assertThat(run(pair, seed, f -> f.setType(RecordFilter.applicationData(0), 22)))
                    .isEqualTo(expected(2, r -> header(r, 0, 22)));
            assertThat(run(pair, seed, f -> f.setVersion(RecordFilter.index(4), 0x0302)))
                    .isEqualTo(expected(4, r -> header(header(r, 1, 0x03), 2, 0x02)));
            assertThat(run(pair, seed, f -> f.setLength(RecordFilter.index(2), 0x4801)))
                    .isEqualTo(expected(2, r -> header(header(r, 3, 0x48), 4, 0x01)));
        }
    }

    @ParameterizedTest(name = "keep {0}")
    @ValueSource(ints = {0, 1, 4, 5, 6, 50, 94, 95, 1000})
    void truncateCutsTheStreamAndSwallowsTheRest(int keep) {
        for (boolean pair : new boolean[] {false, true}) {
            byte[] out = run(pair, keep, f -> f.truncate(RecordFilter.index(2), keep));
            int start = RECORDS.get(0).length + RECORDS.get(1).length;
            int cut = start + Math.min(keep, RECORDS.get(2).length);
            assertThat(out).isEqualTo(Arrays.copyOf(STREAM, cut));
        }
    }

    @Test
    void afterTruncationWritesSucceedInFull() {
        BioPair pair = BioPair.create(64, 64);
        FaultBio f = new FaultBio(pair.first()).truncate(RecordFilter.index(0), 3);
        byte[] rec = RECORDS.get(0);
        int off = 0;
        while (off < rec.length) {
            off += f.write(rec, off, rec.length - off);
        }
        // The pair's 64-byte buffer holds only the 3 kept bytes; everything else is taken and discarded.
        assertThat(f.write(STREAM, 0, STREAM.length)).isEqualTo(STREAM.length);
        assertThat(pair.second().pending()).isEqualTo(3);
        assertThat(f.faultApplied()).isTrue();
    }

    @Test
    void applicationDataCountsFromWhenTheFaultIsSet() {
        MemSink sink = new MemSink();
        FaultBio f = new FaultBio(sink.bio());
        byte[] first = concat(RECORDS.subList(0, 3));
        assertThat(f.write(first, 0, first.length)).isEqualTo(first.length);
        f.flipByte(RecordFilter.applicationData(0), 5);
        byte[] rest = concat(RECORDS.subList(3, RECORDS.size()));
        assertThat(f.write(rest, 0, rest.length)).isEqualTo(rest.length);
        assertThat(sink.output()).isEqualTo(expected(3, r -> flip(r, 5)));
        assertThat(f.faultApplied()).isTrue();
    }

    @Test
    void aFaultAppliesOnceAndOnlyOneMayBeSet() {
        FaultBio f = new FaultBio(MemBio.create()).flipByte(RecordFilter.applicationData(0), 5);
        assertThatThrownBy(() -> f.drop(RecordFilter.index(4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one fault");
        byte[] twice = concat(List.of(STREAM, STREAM));
        MemSink sink = new MemSink();
        FaultBio g = new FaultBio(sink.bio()).flipByte(RecordFilter.applicationData(0), 5);
        assertThat(send(g, sink, twice, 9)).isEqualTo(concat(List.of(expected(2, r -> flip(r, 5)), STREAM)));
        assertThat(g.recordsSeen()).isEqualTo(2 * RECORDS.size());
    }

    @Test
    void aRecordThatHasPassedCannotBeTargeted() {
        FaultBio f = new FaultBio(MemBio.create());
        f.write(STREAM, 0, STREAM.length);
        assertThatThrownBy(() -> f.flipByte(2, 7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already passed");
    }

    @Test
    void aFlipPastTheRecordsEndIsNotApplied() {
        MemSink sink = new MemSink();
        FaultBio f = new FaultBio(sink.bio()).flipByte(1, 6);
        assertThat(send(f, sink, STREAM, 3)).isEqualTo(STREAM);
        assertThat(f.faultApplied()).isFalse();
        assertThat(f.toString()).contains("missed");
    }

    @Test
    void bodyBytesAreReportedOnlyWhenTheInnerBioTookThem() {
        BioPair pair = BioPair.create(50, 50);
        FaultBio f = new FaultBio(pair.first());
        byte[] rec = RECORDS.get(0);
        int n = f.write(rec, 0, rec.length);
        // 5 header bytes go through the queue, then the body up to the pair's 50-byte buffer.
        assertThat(n).isEqualTo(50);
        assertThat(f.wpending()).as("nothing held back").isEqualTo(pair.first().wpending());
        assertThat(f.write(rec, n, rec.length - n)).isEqualTo(-1);
        assertThat(f.shouldRetry()).isTrue();
        assertThat(f.shouldWrite()).isTrue();
        assertThat(f.shouldRead()).isFalse();
    }

    @Test
    void argumentsAreChecked() {
        FaultBio f = new FaultBio(MemBio.create());
        assertThatThrownBy(() -> f.setType(RecordFilter.index(0), 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.setVersion(RecordFilter.index(0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.flipByte(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordFilter.index(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.write(null, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> f.write(new byte[1], 1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The stream with record {@code index} replaced by {@code change} of it. */
    private static byte[] expected(int index, Function<byte[], byte[]> change) {
        List<byte[]> out = new ArrayList<>(RECORDS);
        out.set(index, change.apply(RECORDS.get(index).clone()));
        return concat(out);
    }

    private static byte[] flip(byte[] r, int offset) {
        r[offset] ^= 0x01;
        return r;
    }

    private static byte[] header(byte[] r, int offset, int value) {
        r[offset] = (byte) value;
        return r;
    }

    static byte[] record(int type, int version, int length) {
        byte[] r = new byte[5 + length];
        new Random(type * 31L + length).nextBytes(r);
        r[0] = (byte) type;
        r[1] = (byte) (version >> 8);
        r[2] = (byte) version;
        r[3] = (byte) (length >> 8);
        r[4] = (byte) length;
        return r;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
