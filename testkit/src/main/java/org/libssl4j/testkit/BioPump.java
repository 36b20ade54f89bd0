package org.libssl4j.testkit;

import java.util.Objects;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;

/**
 * Moves application data between two connected {@link Ssl} objects on one thread, both ways at once, without
 * deadlock, following libssl's rules for the caller: a write that returned WANT_READ or WANT_WRITE is repeated
 * with the same array, offset and length (docs/SEMANTICS.md R05.1); reads go on until WANT_READ; the error queue is
 * cleared before each call so that {@code getError} speaks about that call (R15.2). Either side may still be
 * in its handshake: writes and reads drive it (R01.1).
 *
 * <p>Any other outcome (SSL, SYSCALL, ZERO_RETURN before all bytes arrived) fails with an {@link AssertionError}
 * that names the side, the call, its return value, {@code getError} and the error queue. So does a pump that
 * stops moving: {@value #MAX_IDLE_ROUNDS} rounds in a row in which no byte was written or read.
 */
public final class BioPump {
    /**
     * How many rounds in a row may pass without a byte written or read before the pump gives up. Generous, so
     * that a {@link ChunkingBio} that refuses most calls still gets through.
     */
    public static final int MAX_IDLE_ROUNDS = 1000;

    private BioPump() {
    }

    /** What each side of an {@link #exchange} received. */
    public record Exchange(byte[] receivedByA, byte[] receivedByB) {
    }

    /**
     * Sends {@code data} from {@code from} to {@code to}.
     *
     * @return the bytes {@code to} read: {@code data.length} of them
     * @throws AssertionError if a call fails or the transfer stops moving
     */
    public static byte[] transfer(Ssl from, Ssl to, byte[] data) {
        return exchange(from, data, to, new byte[0]).receivedByB();
    }

    /**
     * Sends {@code aToB} from {@code a} to {@code b} and {@code bToA} from {@code b} to {@code a} at the same
     * time. Each round, each side writes what its transport takes and then reads until WANT_READ; a side reads
     * only as many bytes as the other sends, so nothing that follows (a close_notify, say) is consumed.
     *
     * @return what each side read
     * @throws AssertionError if a call fails or the exchange stops moving
     */
    public static Exchange exchange(Ssl a, byte[] aToB, Ssl b, byte[] bToA) {
        Side sa = new Side(role(Objects.requireNonNull(a, "a"), "a"), a, aToB, bToA.length);
        Side sb = new Side(role(Objects.requireNonNull(b, "b"), "b"), b, bToA, aToB.length);
        int idle = 0;
        while (!sa.done() || !sb.done()) {
            long moved = sa.step() + sb.step();
            idle = moved == 0 ? idle + 1 : 0;
            if (idle >= MAX_IDLE_ROUNDS) {
                throw new AssertionError("no progress in " + MAX_IDLE_ROUNDS + " rounds: " + sa + "; " + sb);
            }
        }
        return new Exchange(sa.received, sb.received);
    }

    /** "client (a)" or "server (b)": failure messages say which connection failed. */
    private static String role(Ssl ssl, String param) {
        return (ssl.isServer() ? "server" : "client") + " (" + param + ")";
    }

    /** One side's progress: bytes to send, the bytes received so far, the last outcomes for messages. */
    private static final class Side {
        final String name;
        final Ssl ssl;
        final byte[] out;
        final byte[] received;
        int sent;
        int got;
        Outcome lastWrite;
        Outcome lastRead;

        Side(String name, Ssl ssl, byte[] out, int expected) {
            this.name = name;
            this.ssl = ssl;
            this.out = Objects.requireNonNull(out, "data");
            this.received = new byte[expected];
            this.lastWrite = Outcome.none(name);
            this.lastRead = lastWrite;
        }

        boolean done() {
            return sent == out.length && got == received.length;
        }

        /** One write (repeated with the same arguments after WANT_*), then reads until WANT_READ; returns bytes moved. */
        long step() {
            long moved = 0;
            if (sent < out.length) {
                SslErrorQueue.clear();
                // Offset and length change only after a success, so a retry passes exactly the same arguments.
                int rc = ssl.write(out, sent, out.length - sent);
                lastWrite = check(Outcome.of(name, "write(off " + sent + ", num " + (out.length - sent) + ")", ssl, rc));
                if (rc > 0) {
                    sent += rc;
                    moved += rc;
                }
            }
            flush();
            while (got < received.length) {
                SslErrorQueue.clear();
                int rc = ssl.read(received, got, received.length - got);
                lastRead = check(Outcome.of(name, "read(off " + got + ", len " + (received.length - got) + ")", ssl, rc));
                if (rc <= 0) {
                    break;
                }
                got += rc;
                moved += rc;
            }
            return moved;
        }

        private Outcome check(Outcome o) {
            if (!o.retryable()) {
                throw new AssertionError(o + " (sent " + sent + "/" + out.length + ", received " + got + "/"
                        + received.length + ")");
            }
            return o;
        }

        /** Passes on what a decorating wbio (a {@link FaultBio}) still holds; libssl flushes after writing too. */
        private void flush() {
            Bio wbio = ssl.getWbio();
            if (wbio != null) {
                wbio.flush();
            }
        }

        @Override
        public String toString() {
            return name + " sent " + sent + "/" + out.length + ", received " + got + "/" + received.length
                    + ", last write: " + lastWrite + ", last read: " + lastRead;
        }
    }
}
