package org.libssl4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.libssl4j.Bio;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.NullEngineProvider;

/**
 * FUZZ-2: arbitrary call sequences to a connected pair of the state machine over the null engine (no cryptography,
 * so the fuzzer's coverage is the state machine's): writes, reads and peeks of random sizes from arrays, heap and
 * direct buffers, shutdown, renegotiate, key update, BIO changes, modes, and close, on either side, over a BIO pair
 * of random buffer sizes. Beyond {@link Oracle}: every byte read is the next byte the peer wrote (none lost,
 * doubled or reordered), and when no side failed, closed or shut down, all that was written arrives.
 */
class CallSequenceFuzzTest {
    private static final Engine NULL_ENGINE = Engines.load(new NullEngineProvider());
    private static final SslCtx CLIENT_CTX = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
    private static final SslCtx SERVER_CTX = SslCtx.newCtx(SslMethod.TLS_SERVER, NULL_ENGINE);
    /** Operations per input at most: the sequence is bounded whatever the input. */
    private static final int MAX_OPERATIONS = 200;
    private static final int MAX_SIZE = 20_000;
    private static final long[] MODES = {SslMode.ENABLE_PARTIAL_WRITE, SslMode.ACCEPT_MOVING_WRITE_BUFFER,
            SslMode.AUTO_RETRY, SslMode.RELEASE_BUFFERS};

    @FuzzTest(maxDuration = "4s")
    void arbitraryCallSequences(byte[] input) {
        run(new Choices(input, 0));
    }

    /** One sequence: the plan is read from {@code data} ({@link Choices}), so a seed is plain bytes. */
    static void run(Choices data) {
        int bufSize = data.nextInt(1, MAX_SIZE);
        trace("=== a sequence over a BIO pair of " + bufSize);
        BioPair pair = BioPair.create(bufSize, bufSize);
        try (Side client = new Side("client", CLIENT_CTX.newSsl(), pair.first());
                Side server = new Side("server", SERVER_CTX.newSsl(), pair.second())) {
            client.ssl.setConnectState();
            server.ssl.setAcceptState();
            client.peer = server;
            server.peer = client;
            for (int i = 0; i < MAX_OPERATIONS && data.remaining() > 0; i++) {
                Side side = data.nextBoolean() ? client : server;
                int op = data.nextInt(0, 13);
                trace(side.name + " op " + op + " (wrote " + side.written + ", read " + side.read + ")");
                side.operate(op, data);
            }
            client.drain();
        } finally {
            pair.first().close();
            pair.second().close();
        }
    }

    /** -Dlibssl4j.fuzz.trace=true prints every operation, to follow a finding. */
    private static final boolean TRACE = Boolean.getBoolean("libssl4j.fuzz.trace");

    static void trace(String line) {
        if (TRACE) {
            System.out.println(line);
        }
    }

    /** The byte at {@code position} of what {@code sender} writes: a position-dependent pattern, so reordering shows. */
    static byte pattern(String sender, long position) {
        long h = position * 0x9E3779B97F4A7C15L + sender.hashCode();
        return (byte) (h ^ (h >>> 29));
    }

    /** One connection, what it wrote and read, and the write it must retry. */
    static final class Side implements AutoCloseable {
        final String name;
        final Ssl ssl;
        final Bio bio;
        Side peer;
        long written;
        long read;
        /** Set once this side's data may stop short: a failure, a close, a shutdown, a missing BIO. */
        boolean disturbed;
        boolean closed;
        boolean bioRemoved;
        /**
         * A write given up after WANT_READ/WANT_WRITE (a fatal error, a shutdown's "bad write retry") may have sent
         * some of its records (R05): from then on the peer's bytes are no longer checked against positions.
         */
        boolean abandonedWrite;
        // The write to repeat after WANT_READ/WANT_WRITE (R05): same array and offset, or same buffer.
        byte[] retryArray;
        int retryOff;
        int retryLen;
        ByteBuffer retryBuffer;

        Side(String name, Ssl ssl, Bio bio) {
            this.name = name;
            this.ssl = ssl;
            this.bio = bio;
            ssl.setBio(bio, bio);
        }

        void operate(int op, Choices data) {
            switch (op) {
                case 0, 1 -> write(data, op == 1);
                case 2, 3 -> read(data, op == 3, false);
                case 4 -> read(data, data.nextBoolean(), true);
                case 5 -> outcome("doHandshake", Oracle.call(ssl, "doHandshake", ssl::doHandshake));
                case 6 -> {
                    int rc = Oracle.call(ssl, "shutdown", ssl::shutdown);
                    disturbed = true;
                    outcome("shutdown", rc);
                }
                case 7 -> {
                    // The null engine cannot renegotiate: 0 with an error-queue entry (R11.11).
                    int rc = Oracle.call(ssl, "renegotiate", ssl::renegotiate);
                    if (rc != 0 && rc != 1) {
                        throw new AssertionError("renegotiate returned " + rc);
                    }
                }
                case 8 -> Oracle.call(ssl, "keyUpdate", () -> ssl.keyUpdate(data.nextInt(-2, 2)));
                case 9 -> {
                    long bit = MODES[data.nextInt(0, MODES.length - 1)];
                    try {
                        if (data.nextBoolean()) {
                            ssl.setMode(bit);
                        } else {
                            ssl.clearMode(bit);
                        }
                        if (closed) {
                            throw new AssertionError(name + ": a mode change after close() was taken");
                        }
                    } catch (IllegalStateException e) {
                        if (!closed) {
                            throw e; // MISUSE-5 refuses setters only after close()
                        }
                    }
                }
                case 10 -> setBio(data.nextInt(0, 2));
                case 11 -> {
                    int pending = ssl.pending();
                    if (pending < 0 || pending > 16384 || (pending > 0 && !ssl.hasPending())) {
                        throw new AssertionError(name + ": pending " + pending + ", hasPending " + ssl.hasPending());
                    }
                }
                case 12 -> misuse(data);
                default -> {
                    if (data.nextInt(0, 15) == 0) { // rarely: closing ends most of what follows
                        close();
                    } else {
                        read(data, false, false);
                    }
                }
            }
        }

        private void write(Choices data, boolean buffer) {
            int rc;
            int len;
            if (retryArray != null || retryBuffer != null) {
                len = retryLen;
                rc = retryWrite(data.nextBoolean());
            } else {
                len = data.nextInt(0, MAX_SIZE);
                int off = data.nextInt(0, 16);
                byte[] array = new byte[off + len];
                for (int i = 0; i < len; i++) {
                    array[off + i] = pattern(name, written + i);
                }
                if (buffer) {
                    ByteBuffer bb = data.nextBoolean() ? ByteBuffer.allocateDirect(off + len) : ByteBuffer.allocate(off + len);
                    bb.put(array).position(off);
                    rc = Oracle.call(ssl, name + " write(ByteBuffer " + len + ")", () -> ssl.write(bb));
                    trace("  write(ByteBuffer " + len + ") -> " + rc);
                    if (rc <= 0) {
                        retryBuffer = bb;
                    } else if (bb.position() != off + rc) {
                        throw new AssertionError(name + ": write returned " + rc + " but moved the position by "
                                + (bb.position() - off));
                    }
                } else {
                    rc = Oracle.call(ssl, name + " write(" + len + ")", () -> ssl.write(array, off, len));
                    trace("  write(" + len + ") -> " + rc);
                    if (rc <= 0) {
                        retryArray = array;
                        retryOff = off;
                    }
                }
                retryLen = len;
            }
            if (rc > 0) {
                if (rc > len || rc < len && (ssl.getMode() & SslMode.ENABLE_PARTIAL_WRITE) == 0) {
                    throw new AssertionError(name + ": write of " + len + " returned " + rc + " without partial writes");
                }
                written += rc;
                retryArray = null;
                retryBuffer = null;
            } else if (ssl.getError(rc) != SslError.WANT_READ && ssl.getError(rc) != SslError.WANT_WRITE) {
                abandonRetry();
                outcome("write", rc);
            }
        }

        private void abandonRetry() {
            if (retryArray != null || retryBuffer != null) {
                abandonedWrite = true;
            }
            retryArray = null;
            retryBuffer = null;
        }

        /** Repeats the pending write; with ACCEPT_MOVING_WRITE_BUFFER, from a copy of it if {@code move}. */
        private int retryWrite(boolean move) {
            boolean moving = move && (ssl.getMode() & SslMode.ACCEPT_MOVING_WRITE_BUFFER) != 0;
            trace("  retry of " + retryLen + (moving ? ", moved" : ""));
            if (retryBuffer != null) {
                ByteBuffer bb = retryBuffer;
                if (moving) {
                    bb = ByteBuffer.allocate(bb.remaining()).put(bb.duplicate()).flip();
                    retryBuffer = bb;
                }
                int start = bb.position();
                ByteBuffer src = bb;
                int rc = Oracle.call(ssl, name + " write retry(ByteBuffer)", () -> ssl.write(src));
                if (rc > 0 && bb.position() != start + rc) {
                    throw new AssertionError(name + ": retried write returned " + rc + " but moved the position by "
                            + (bb.position() - start));
                }
                return rc;
            }
            if (moving) {
                byte[] copy = new byte[retryLen + 3];
                System.arraycopy(retryArray, retryOff, copy, 3, retryLen);
                retryArray = copy;
                retryOff = 3;
            }
            byte[] array = retryArray;
            int off = retryOff;
            return Oracle.call(ssl, name + " write retry(" + retryLen + ")", () -> ssl.write(array, off, retryLen));
        }

        private void read(Choices data, boolean buffer, boolean peek) {
            int len = data.nextInt(0, MAX_SIZE);
            String what = name + (peek ? " peek" : " read") + (buffer ? "(ByteBuffer " : "(") + len + ")";
            int rc;
            byte[] got;
            if (buffer) {
                int off = data.nextInt(0, 16);
                ByteBuffer bb = data.nextBoolean() ? ByteBuffer.allocateDirect(off + len) : ByteBuffer.allocate(off + len);
                bb.position(off);
                rc = Oracle.call(ssl, what, () -> peek ? ssl.peek(bb) : ssl.read(bb));
                got = new byte[Math.max(rc, 0)];
                if (bb.position() != off + got.length || bb.limit() != off + len) {
                    throw new AssertionError(what + " returned " + rc + " but left position " + bb.position()
                            + " and limit " + bb.limit() + " from " + off + " and " + (off + len));
                }
                bb.position(off);
                bb.get(got);
            } else {
                int off = data.nextInt(0, 16);
                byte[] array = new byte[off + len];
                rc = Oracle.call(ssl, what, () -> peek ? ssl.peek(array, off, len) : ssl.read(array, off, len));
                got = new byte[Math.max(rc, 0)];
                System.arraycopy(array, off, got, 0, got.length);
            }
            trace("  " + what + " = " + rc);
            if (rc > len) {
                throw new AssertionError(what + " returned " + rc);
            }
            for (int i = 0; i < got.length && !peer.abandonedWrite; i++) {
                if (got[i] != pattern(peer.name, read + i)) {
                    throw new AssertionError(what + ": byte " + (read + i) + " of the " + peer.name
                            + "'s stream is wrong (lost, doubled or reordered bytes)");
                }
            }
            if (!peek) {
                read += got.length;
            }
            // A write that returned WANT_WRITE may have sent some of its records already (R05): readable before the
            // retry reports them written.
            long sendable = peer.written + (peer.retryArray != null || peer.retryBuffer != null ? peer.retryLen : 0);
            if (read > sendable && !peer.abandonedWrite) {
                throw new AssertionError(name + " read " + read + " bytes but the " + peer.name + " wrote " + peer.written);
            }
            outcome(what, rc);
        }

        /** Notes what a return value says about the data: a failure or end means some may never arrive. */
        private void outcome(String what, int rc) {
            trace("  " + what + " -> " + rc + (rc <= 0 ? " " + ssl.getError(rc) + " " + org.libssl4j.SslErrorQueue.snapshot() : ""));
            if (rc <= 0 && Oracle.isFinal(ssl, rc)) {
                disturbed = true;
                peer.disturbed = true;
            }
        }

        private void setBio(int how) {
            if (closed) {
                // MISUSE-5: a setter after close() throws at once, and the connection stays closed.
                try {
                    ssl.setBio(bio, bio);
                    throw new AssertionError("setBio after close() was taken");
                } catch (IllegalStateException expected) {
                    return;
                }
            }
            switch (how) {
                case 0 -> { // set the same BIO again: nothing changes
                    ssl.setBio(bio, bio);
                    bioRemoved = false;
                }
                case 1 -> { // no BIO: calls fail, and data may stop short
                    ssl.setBio(null, null);
                    bioRemoved = true;
                    disturbed = true;
                    peer.disturbed = true;
                }
                default -> ssl.setWbio(ssl.getWbio()); // SSL_set0_wbio with the current one
            }
        }

        /** Programming errors: an exception at once, and the connection unchanged (README D1). */
        private void misuse(Choices data) {
            int len = data.nextInt(-5, 20);
            int off = data.nextInt(-5, 20);
            byte[] array = new byte[data.nextInt(0, 10)];
            boolean inRange = off >= 0 && len >= 0 && off <= array.length - len;
            if (inRange) {
                return;
            }
            long before = written;
            expect(IndexOutOfBoundsException.class, () -> ssl.write(array, off, len));
            expect(IndexOutOfBoundsException.class, () -> ssl.read(array, off, len));
            expect(IndexOutOfBoundsException.class, () -> ssl.peek(array, off, len));
            expect(NullPointerException.class, () -> ssl.write((byte[]) null, 0, 0));
            expect(NullPointerException.class, () -> ssl.read((ByteBuffer) null));
            expect(java.nio.ReadOnlyBufferException.class, () -> ssl.read(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            if (written != before) {
                throw new AssertionError(name + ": a refused call wrote");
            }
        }

        private void expect(Class<? extends RuntimeException> type, Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                if (type.isInstance(e)) {
                    return;
                }
                throw new AssertionError(name + ": expected " + type.getSimpleName() + ", got " + e, e);
            }
            throw new AssertionError(name + ": expected " + type.getSimpleName() + ", nothing thrown");
        }

        /**
         * Completes both sides' pending writes and reads everything in flight; when nothing disturbed the
         * connection, every byte written must have arrived.
         */
        void drain() {
            byte[] buf = new byte[16384];
            for (int round = 0; round < 1000; round++) {
                boolean moved = false;
                for (Side s : new Side[] {this, peer}) {
                    if (s.closed) {
                        continue;
                    }
                    if (s.retryArray != null || s.retryBuffer != null) {
                        int len = s.retryLen;
                        int rc = s.retryWrite(false);
                        if (rc > 0) {
                            s.written += rc;
                            s.retryArray = null;
                            s.retryBuffer = null;
                            moved |= len > 0;
                        } else if (Oracle.isFinal(s.ssl, rc)) {
                            s.abandonRetry();
                            s.outcome("write", rc);
                        }
                    }
                    int rc = Oracle.call(s.ssl, s.name + " drain read", () -> s.ssl.read(buf, 0, buf.length));
                    for (int i = 0; i < rc && !s.peer.abandonedWrite; i++) {
                        if (buf[i] != pattern(s.peer.name, s.read + i)) {
                            throw new AssertionError(s.name + " drain: byte " + (s.read + i) + " is wrong");
                        }
                    }
                    if (rc > 0) {
                        s.read += rc;
                        moved = true;
                    } else {
                        s.outcome("drain read", rc);
                    }
                }
                if (!moved) {
                    break;
                }
            }
            if (!disturbed && !peer.disturbed) {
                for (Side s : new Side[] {this, peer}) {
                    if (s.read != s.peer.written) {
                        throw new AssertionError(s.name + " read " + s.read + " of the " + s.peer.written
                                + " bytes the " + s.peer.name + " wrote");
                    }
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            disturbed = true;
            if (peer != null) {
                peer.disturbed = true;
            }
            ssl.close();
            // Freed: later calls fail as after a fatal error and throw nothing (CLOSE-1).
            Oracle.callFailing(ssl, name + " write after close", () -> ssl.write(new byte[1]));
            Oracle.callFailing(ssl, name + " read after close", () -> ssl.read(new byte[1], 0, 1));
        }
    }
}
