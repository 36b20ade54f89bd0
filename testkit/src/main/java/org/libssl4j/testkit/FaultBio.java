package org.libssl4j.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.libssl4j.Bio;

/**
 * A {@link Bio} decorator for the write path of a sender that parses the TLS record stream passing through and
 * damages one record: flips a byte, cuts the stream, drops, duplicates, or rewrites a header field. It is how the
 * conformance suite provokes "bad record mac", "wrong version number", "packet length too long" and unexpected
 * EOFs (docs/SEMANTICS.md R08, R09) on every engine the same way.
 *
 * <pre>{@code
 * FaultBio fault = new FaultBio(pair.clientBio());
 * pair.client().setWbio(fault);
 * pair.handshake();
 * fault.flipByte(RecordFilter.applicationData(0), 20);   // the next application-data record
 * }</pre>
 *
 * <p>Records are parsed from their 5-byte header (type, version, length), whatever pieces the sender writes them
 * in. One fault may be set, and it applies once, to the first record that the filter matches. Bytes are passed on
 * in order and never lost: body bytes go straight to the inner BIO and a write reports only what it took; header
 * bytes (which a fault may rewrite) and a duplicate copy are held in a small queue until the inner BIO takes them.
 * While that queue cannot be emptied, writes return {@code -1} with the inner BIO's retry flags; {@link #flush()}
 * empties it too. Reads, {@code pending}, {@code eof} and {@code close} go to the inner BIO.
 */
public final class FaultBio implements Bio {
    /** TLS record type {@code change_cipher_spec}. */
    public static final int CHANGE_CIPHER_SPEC = 20;
    /** TLS record type {@code alert}. */
    public static final int ALERT = 21;
    /** TLS record type {@code handshake}. */
    public static final int HANDSHAKE = 22;
    /** TLS record type {@code application_data}; in TLS 1.3 every encrypted record has it. */
    public static final int APPLICATION_DATA = 23;
    /** The largest TLS record: a 5-byte header and 2^14 + 2048 bytes of ciphertext. */
    public static final int MAX_RECORD = 5 + 16384 + 2048;

    private static final int HEADER = 5;

    /** A record header as the sender wrote it (before any fault); {@code index} counts from 0. */
    public record RecordHeader(int index, int type, int version, int length) {
    }

    /** Which record a fault applies to. */
    public record RecordFilter(int n, boolean applicationDataOnly) {
        /** Checks {@code n}. */
        public RecordFilter {
            if (n < 0) {
                throw new IllegalArgumentException("n must be 0 or more: " + n);
            }
        }

        /** The record with index {@code n} in the whole stream, counting from 0 (as in {@link #headers()}). */
        public static RecordFilter index(int n) {
            return new RecordFilter(n, false);
        }

        /**
         * The {@code n}th application-data record (type 23), counting from 0, among those whose header is seen
         * after the fault is set. Set the fault after the handshake to hit application data only: in TLS 1.3 the
         * encrypted handshake messages are type 23 records too.
         */
        public static RecordFilter applicationData(int n) {
            return new RecordFilter(n, true);
        }
    }

    private enum Kind { FLIP_BYTE, TRUNCATE, DROP, DUPLICATE, SET_TYPE, SET_VERSION, SET_LENGTH }

    private final Bio inner;
    // The fault: set once; `armed` until the record it applies to has been chosen.
    private Kind kind;
    private RecordFilter filter;
    private int arg;
    private int appDataBase;
    private boolean armed;
    private boolean applied;
    // The parser: where the sender's stream is.
    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private int bodyLeft;
    private int recordPos;
    private int appDataSeen;
    private final List<RecordHeader> headers = new ArrayList<>();
    // What happens to the current record and the rest of the stream.
    private boolean target;
    private boolean dropping;
    private long keepLeft = -1;
    private boolean discarding;
    private ByteQueue copy;
    private final ByteQueue queue = new ByteQueue();
    // What the inner BIO last said on a failed write (0 or -1), and the retry flags of the last call.
    private int lastInnerResult;
    private boolean retry;
    private boolean retryRead;
    private boolean retryWrite;
    private boolean ioSpecial;

    /** A pass-through that records headers; set a fault with one of the fault methods. */
    public FaultBio(Bio inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    // ---- the faults -----------------------------------------------------------------------------------------

    /** XORs 0x01 into the byte at {@code offsetInRecord} of the record, counted from its first header byte. */
    public FaultBio flipByte(RecordFilter which, int offsetInRecord) {
        return set(Kind.FLIP_BYTE, which, checkRange("offsetInRecord", offsetInRecord, Integer.MAX_VALUE));
    }

    /** {@link #flipByte(RecordFilter, int)} of the record with index {@code recordIndex}. */
    public FaultBio flipByte(int recordIndex, int offsetInRecord) {
        return flipByte(RecordFilter.index(recordIndex), offsetInRecord);
    }

    /**
     * Cuts the stream after {@code keepBytes} bytes of the record (header included); from then on the sender's
     * writes all succeed and are discarded, as if the peer's end of the connection had gone.
     */
    public FaultBio truncate(RecordFilter which, int keepBytes) {
        return set(Kind.TRUNCATE, which, checkRange("keepBytes", keepBytes, Integer.MAX_VALUE));
    }

    /** Removes the record from the stream. */
    public FaultBio drop(RecordFilter which) {
        return set(Kind.DROP, which, 0);
    }

    /** Sends the record twice, the copy right after the original. */
    public FaultBio duplicate(RecordFilter which) {
        return set(Kind.DUPLICATE, which, 0);
    }

    /** Rewrites the record's type byte. */
    public FaultBio setType(RecordFilter which, int type) {
        return set(Kind.SET_TYPE, which, checkRange("type", type, 0xFF));
    }

    /** Rewrites the record's version field (e.g. {@code 0x0302}). */
    public FaultBio setVersion(RecordFilter which, int version) {
        return set(Kind.SET_VERSION, which, checkRange("version", version, 0xFFFF));
    }

    /** Rewrites the record's length field; the body sent stays the original one. */
    public FaultBio setLength(RecordFilter which, int length) {
        return set(Kind.SET_LENGTH, which, checkRange("length", length, 0xFFFF));
    }

    private FaultBio set(Kind k, RecordFilter which, int value) {
        Objects.requireNonNull(which, "which");
        if (kind != null) {
            throw new IllegalStateException("a FaultBio applies one fault; already set: " + describeFault());
        }
        if (!which.applicationDataOnly() && which.n() < headers.size()) {
            throw new IllegalStateException("record " + which.n() + " has already passed (" + headers.size() + " seen)");
        }
        kind = k;
        filter = which;
        arg = value;
        appDataBase = appDataSeen;
        armed = true;
        return this;
    }

    private static int checkRange(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ": " + value);
        }
        return value;
    }

    // ---- what was seen --------------------------------------------------------------------------------------

    /** How many record headers have passed completely. */
    public int recordsSeen() {
        return headers.size();
    }

    /** The headers seen so far, as the sender wrote them, in order; a copy. */
    public List<RecordHeader> headers() {
        return List.copyOf(headers);
    }

    /** Whether the fault has taken effect (a flip at an offset past the record's end never does). */
    public boolean faultApplied() {
        return applied;
    }

    // ---- Bio ------------------------------------------------------------------------------------------------

    @Override
    public int write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        clearFlags();
        if (!drain() && !discarding) {
            return lastInnerResult;
        }
        int taken = 0;
        while (taken < len) {
            if (headerFill < HEADER) {
                int n = Math.min(HEADER - headerFill, len - taken);
                System.arraycopy(b, off + taken, header, headerFill, n);
                headerFill += n;
                recordPos += n;
                taken += n;
                if (headerFill == HEADER) {
                    onHeader();
                }
                // Header bytes are held until they can go; the body that must follow brings the sender back.
                if (!drain() && !discarding) {
                    break;
                }
                continue;
            }
            int n = Math.min(len - taken, bodyLeft);
            if (dropping || discarding) {
                advance(n);
                taken += n;
                continue;
            }
            if (keepLeft >= 0) {
                n = (int) Math.min(n, keepLeft);
            }
            int w = passBody(b, off + taken, n);
            if (w <= 0) {
                break;
            }
            taken += w;
            if (keepLeft >= 0) {
                keepLeft -= w;
                if (keepLeft == 0) {
                    discarding = true;
                }
            }
            advance(w);
            if (w < n) {
                break;
            }
        }
        if (taken > 0) {
            // A duplicate copy queued at the end of the record goes now if it can; if not, the next write or
            // flush() sends it.
            drain();
            clearFlags();
            return taken;
        }
        return len == 0 ? 0 : lastInnerResult;
    }

    /** Passes {@code n} body bytes to the inner BIO, flipping one if the fault says so; returns what it took. */
    private int passBody(byte[] b, int off, int n) {
        byte[] src = b;
        int from = off;
        int flipAt = target && kind == Kind.FLIP_BYTE ? arg - recordPos : -1;
        if (flipAt >= 0 && flipAt < n) {
            src = Arrays.copyOfRange(b, off, off + n);
            src[flipAt] ^= 0x01;
            from = 0;
        }
        int w = inner.write(src, from, n);
        if (w <= 0) {
            innerFailed(w);
            return w;
        }
        if (flipAt >= 0 && flipAt < w) {
            applied = true;
        }
        if (copy != null) {
            copy.add(src, from, w);
        }
        return w;
    }

    /** A complete header: records it, decides whether the fault applies, and queues the header to send. */
    private void onHeader() {
        int type = header[0] & 0xFF;
        int version = (header[1] & 0xFF) << 8 | (header[2] & 0xFF);
        int length = (header[3] & 0xFF) << 8 | (header[4] & 0xFF);
        int index = headers.size();
        headers.add(new RecordHeader(index, type, version, length));
        boolean appData = type == APPLICATION_DATA;
        target = armed && (filter.applicationDataOnly()
                ? appData && appDataSeen - appDataBase == filter.n()
                : index == filter.n());
        if (appData) {
            appDataSeen++;
        }
        bodyLeft = length;
        byte[] out = header.clone();
        if (target) {
            armed = false;
            out = applyToHeader(out);
        }
        if (out != null && !dropping && !discarding) {
            int n = keepLeft >= 0 ? (int) Math.min(out.length, keepLeft) : out.length;
            queue.add(out, 0, n);
            if (keepLeft >= 0) {
                keepLeft -= n;
                if (keepLeft == 0) {
                    discarding = true;
                }
            }
            if (copy != null) {
                copy.add(out, 0, out.length);
            }
        }
        if (bodyLeft == 0) {
            endRecord();
        }
    }

    /** The header to send for the target record, or null to send none. */
    private byte[] applyToHeader(byte[] out) {
        switch (kind) {
            case FLIP_BYTE:
                if (arg < HEADER) {
                    out[arg] ^= 0x01;
                    applied = true;
                }
                return out;
            case TRUNCATE:
                keepLeft = arg;
                applied = true;
                return out;
            case DROP:
                dropping = true;
                applied = true;
                return null;
            case DUPLICATE:
                copy = new ByteQueue();
                return out;
            case SET_TYPE:
                out[0] = (byte) arg;
                break;
            case SET_VERSION:
                out[1] = (byte) (arg >> 8);
                out[2] = (byte) arg;
                break;
            case SET_LENGTH:
                out[3] = (byte) (arg >> 8);
                out[4] = (byte) arg;
                break;
            default:
                throw new AssertionError("every fault kind is handled above: " + kind);
        }
        applied = true;
        return out;
    }

    private void advance(int n) {
        bodyLeft -= n;
        recordPos += n;
        if (bodyLeft == 0) {
            endRecord();
        }
    }

    private void endRecord() {
        if (copy != null) {
            queue.addAll(copy);
            copy = null;
            applied = true;
        }
        if (target && keepLeft > 0) {
            // Truncation past the record's end: the record passed whole; the stream is cut after it.
            discarding = true;
        }
        keepLeft = -1;
        target = false;
        dropping = false;
        headerFill = 0;
        recordPos = 0;
    }

    /** Sends queued bytes to the inner BIO; true when the queue is empty. */
    private boolean drain() {
        while (queue.size() > 0) {
            int w = inner.write(queue.buf, queue.head, queue.size());
            if (w <= 0) {
                innerFailed(w);
                return false;
            }
            queue.skip(w);
        }
        return true;
    }

    private void innerFailed(int rc) {
        lastInnerResult = rc == 0 ? 0 : -1;
        copyInnerFlags();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = inner.read(b, off, len);
        copyInnerFlags();
        return n;
    }

    /** Sends what the queue holds, then flushes the inner BIO; {@code -1} with the inner BIO's flags if it cannot. */
    @Override
    public int flush() {
        clearFlags();
        if (!drain()) {
            return lastInnerResult == 0 ? 0 : -1;
        }
        int rc = inner.flush();
        copyInnerFlags();
        return rc;
    }

    private void clearFlags() {
        retry = false;
        retryRead = false;
        retryWrite = false;
        ioSpecial = false;
    }

    private void copyInnerFlags() {
        retry = inner.shouldRetry();
        retryRead = inner.shouldRead();
        retryWrite = inner.shouldWrite();
        ioSpecial = inner.shouldIoSpecial();
    }

    @Override
    public boolean shouldRetry() {
        return retry;
    }

    @Override
    public boolean shouldRead() {
        return retryRead;
    }

    @Override
    public boolean shouldWrite() {
        return retryWrite;
    }

    @Override
    public boolean shouldIoSpecial() {
        return ioSpecial;
    }

    @Override
    public long pending() {
        return inner.pending();
    }

    /** Bytes accepted but not yet passed on, here and in the inner BIO. */
    @Override
    public long wpending() {
        return queue.size() + inner.wpending();
    }

    @Override
    public boolean eof() {
        return inner.eof();
    }

    @Override
    public void close() {
        inner.close();
    }

    private String describeFault() {
        return kind == null ? "none" : kind + "(" + filter + ", " + arg + ")" + (applied ? " applied" : armed ? " armed" : " missed");
    }

    @Override
    public String toString() {
        return "FaultBio[fault=" + describeFault() + ", records=" + headers.size() + ", inner=" + inner + "]";
    }

    /** A growable FIFO of bytes. */
    private static final class ByteQueue {
        byte[] buf = new byte[64];
        int head;
        int tail;

        int size() {
            return tail - head;
        }

        void add(byte[] b, int off, int n) {
            if (tail + n > buf.length) {
                int size = size();
                byte[] bigger = size + n > buf.length ? new byte[Math.max(buf.length * 2, size + n)] : buf;
                System.arraycopy(buf, head, bigger, 0, size);
                buf = bigger;
                head = 0;
                tail = size;
            }
            System.arraycopy(b, off, buf, tail, n);
            tail += n;
        }

        void addAll(ByteQueue other) {
            add(other.buf, other.head, other.size());
        }

        void skip(int n) {
            head += n;
            if (head == tail) {
                head = 0;
                tail = 0;
            }
        }
    }
}
