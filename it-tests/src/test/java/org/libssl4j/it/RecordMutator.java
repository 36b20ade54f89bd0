package org.libssl4j.it;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.libssl4j.Bio;
import org.libssl4j.testkit.RefusingBio;

/**
 * The write path of a sender, parsed into TLS records, with one random fault applied to the record stream: a
 * flipped bit, a cut followed by the end of the stream, a dropped, duplicated or reordered record, an oversized
 * length, a zero-length record, plaintext handshake records re-framed into fragments of 1 to 3 bytes, or garbage
 * before a record. Whole records are held until complete and passed on in order through a queue; while the queue
 * cannot be emptied into the inner BIO, writes return {@code -1} with the write retry flags, so the sender feels
 * the transport's back pressure as it would without the fault.
 */
final class RecordMutator extends RefusingBio {
    /** A fault on the record stream. */
    enum Kind {
        /** One bit of the record's body flipped. */
        FLIP_BODY,
        /** One bit of the record's 5-byte header flipped. */
        FLIP_HEADER,
        /** The stream cut inside or after the record, then closed (a peer that stops mid-record). */
        CUT,
        /** The record never arrives. */
        DROP,
        /** The record arrives twice. */
        DUPLICATE,
        /** The record arrives after the one that follows it. */
        REORDER,
        /** The header's length says more than TLS allows (over 16384 + 2048), the body as it was. */
        OVERSIZE,
        /** An empty record of the same type and version goes before it. */
        ZERO_LENGTH,
        /** Every plaintext handshake record re-framed into records of 1 to 3 bytes of body (legal TLS). */
        FRAGMENT,
        /** Random bytes before the record (before the first: garbage before the stream). */
        GARBAGE,
        /** After the sender's close_notify, a copy of an earlier record and garbage (data after close_notify). */
        AFTER_CLOSE
    }

    private static final int HEADER = 5;
    private static final int MAX_BODY = 16384 + 2048;

    private final Runnable endOfStream;
    private final Kind kind;
    private final int target;
    private final SplittableRandom random;
    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private byte[] queue = new byte[0];
    private int queueStart;
    private final List<byte[]> records = new ArrayList<>();
    private byte[] held;
    private boolean protectedSeen;
    private boolean cut;
    private boolean applied;
    private String detail = "";

    /**
     * @param inner the sender's real write BIO
     * @param endOfStream closes the stream towards the reader (the BIO pair's {@code shutdownWr})
     * @param kind the fault
     * @param target the index of the record it applies to, counting the sender's records from 0
     * @param seed the seed of its random details (which bit, where to cut, what garbage)
     */
    RecordMutator(Bio inner, Runnable endOfStream, Kind kind, int target, long seed) {
        super(Objects.requireNonNull(inner));
        this.endOfStream = Objects.requireNonNull(endOfStream);
        this.kind = Objects.requireNonNull(kind);
        this.target = target;
        this.random = new SplittableRandom(seed);
    }

    /** Whether the fault was applied (its record was sent; for AFTER_CLOSE, the data was appended). */
    boolean applied() {
        return applied;
    }

    /** How many records the sender has written so far. */
    int recordsSeen() {
        return records.size();
    }

    /**
     * AFTER_CLOSE: appends, behind everything sent so far (the sender's close_notify), a copy of an earlier record
     * of the sender and some garbage. Only once.
     */
    void appendAfterClose() {
        if (kind != Kind.AFTER_CLOSE || applied) {
            return;
        }
        applied = true;
        if (!records.isEmpty()) {
            enqueue(records.get(random.nextInt(records.size())));
        }
        enqueue(garbage());
        drain();
    }

    @Override
    public int write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        passOn();
        if (cut) {
            drain();
            return len; // the stream is cut: what the sender writes after it goes nowhere
        }
        drain();
        if (queueStart < queue.length) {
            return refuseWrite();
        }
        incoming.write(b, off, len);
        parse();
        drain();
        return len;
    }

    private void parse() {
        byte[] in = incoming.toByteArray();
        int pos = 0;
        while (!cut && in.length - pos >= HEADER) {
            int length = ((in[pos + 3] & 0xff) << 8) | (in[pos + 4] & 0xff);
            if (in.length - pos < HEADER + length) {
                break;
            }
            record(Arrays.copyOfRange(in, pos, pos + HEADER + length));
            pos += HEADER + length;
        }
        incoming.reset();
        incoming.write(in, pos, in.length - pos);
    }

    private void record(byte[] rec) {
        int index = records.size();
        records.add(rec);
        int type = rec[0] & 0xff;
        if (Boolean.getBoolean("libssl4j.faultTrace")) {
            System.out.println("    record " + index + " type " + type + " length " + (rec.length - HEADER));
        }
        boolean plaintextHandshake = type == 22 && !protectedSeen;
        if (type == 20 || type == 23) {
            protectedSeen = true;
        }
        if (kind == Kind.FRAGMENT && plaintextHandshake) {
            applied = true;
            fragment(rec);
            return;
        }
        if (held != null) {
            enqueue(rec);
            enqueue(held);
            held = null;
            return;
        }
        if (index != target || kind == Kind.FRAGMENT || kind == Kind.AFTER_CLOSE) {
            enqueue(rec);
            return;
        }
        applied = true;
        detail = "record " + index + " of type " + type + ", length " + (rec.length - HEADER);
        byte[] r = rec.clone();
        switch (kind) {
            case FLIP_BODY -> {
                if (r.length > HEADER) {
                    int at = HEADER + random.nextInt(r.length - HEADER);
                    r[at] ^= (byte) (1 << random.nextInt(8));
                    detail += ", byte " + at;
                }
                enqueue(r);
            }
            case FLIP_HEADER -> {
                int at = random.nextInt(HEADER);
                r[at] ^= (byte) (1 << random.nextInt(8));
                detail += ", byte " + at + " now " + (r[at] & 0xff);
                enqueue(r);
            }
            case CUT -> {
                enqueue(Arrays.copyOf(r, random.nextInt(r.length + 1)));
                cut = true;
            }
            case DROP -> {
            }
            case DUPLICATE -> {
                enqueue(r);
                enqueue(r);
            }
            case REORDER -> held = r;
            case OVERSIZE -> {
                int length = MAX_BODY + 1 + random.nextInt(0x10000 - MAX_BODY - 1);
                r[3] = (byte) (length >>> 8);
                r[4] = (byte) length;
                enqueue(r);
            }
            case ZERO_LENGTH -> {
                enqueue(new byte[] {r[0], r[1], r[2], 0, 0});
                enqueue(r);
            }
            case GARBAGE -> {
                enqueue(garbage());
                enqueue(r);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private void fragment(byte[] rec) {
        int pos = HEADER;
        while (pos < rec.length) {
            int n = Math.min(rec.length - pos, 1 + random.nextInt(3));
            byte[] piece = new byte[HEADER + n];
            System.arraycopy(rec, 0, piece, 0, 3);
            piece[4] = (byte) n;
            System.arraycopy(rec, pos, piece, HEADER, n);
            enqueue(piece);
            pos += n;
        }
    }

    private byte[] garbage() {
        byte[] g = new byte[1 + random.nextInt(40)];
        random.nextBytes(g);
        return g;
    }

    private void enqueue(byte[] bytes) {
        byte[] q = Arrays.copyOfRange(queue, queueStart, queue.length + bytes.length);
        System.arraycopy(bytes, 0, q, queue.length - queueStart, bytes.length);
        queue = q;
        queueStart = 0;
    }

    private void drain() {
        while (queueStart < queue.length) {
            int n = inner.write(queue, queueStart, queue.length - queueStart);
            if (n <= 0) {
                return;
            }
            queueStart += n;
        }
        if (cut) {
            endOfStream.run();
        }
    }

    /**
     * Passes on what the queue holds, as far as the inner BIO takes it: the network moving bytes while the sender
     * waits on a read. The harness calls it between steps.
     */
    void pump() {
        drain();
    }

    /** How many bytes wait in the queue for room in the inner BIO. */
    int queued() {
        return queue.length - queueStart;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        passOn();
        return inner.read(b, off, len);
    }

    @Override
    public int flush() {
        drain();
        return queueStart < queue.length ? refuseWrite() : super.flush();
    }

    @Override
    public long wpending() {
        return (queue.length - queueStart) + inner.wpending();
    }

    @Override
    public String toString() {
        return "RecordMutator[" + kind + " at record " + target + (applied ? ", applied: " + detail : "") + "]";
    }
}
