package org.libssl4j.fuzz;

import java.util.Arrays;
import java.util.Random;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.bio.MemBio;

/**
 * Feeds arbitrary bytes to one connection as what its peer sent, through a memory BIO, and drives it the way an
 * application would: the handshake, then reads, a write and a shutdown, every call checked by {@link Oracle}.
 * The bytes arrive in pieces whose sizes depend on the input alone (so that a finding replays), which exercises
 * records split across reads; after the last piece the BIO reports end of stream.
 */
final class PeerInput {
    /** Calls per piece of input: a handshake or a read consumes at least one record or stops; this bounds the loop. */
    private static final int CALLS_PER_PIECE = 64;
    private static final byte[] APPLICATION_DATA = "fuzz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private PeerInput() {
    }

    /**
     * Drives {@code ssl}, whose side is already set, on {@code input}; closes it at the end.
     *
     * @param ssl a fresh connection with no BIO
     * @param input what the peer sent
     */
    static void drive(Ssl ssl, byte[] input) {
        MemBio in = MemBio.create();
        MemBio out = MemBio.create();
        try (ssl; in; out) {
            ssl.setBio(in, out);
            // A client sends its first flight before it reads anything, as a real one would.
            if (!ssl.isServer() && Oracle.isFinal(ssl, Oracle.call(ssl, "doHandshake", ssl::doHandshake))) {
                throw new AssertionError("the client failed before reading anything on " + ssl.engineName());
            }
            out.reset();
            Random pieces = new Random(Arrays.hashCode(input));
            byte[] buf = new byte[16384];
            boolean ended = false;
            SslError failure = null;
            for (int pos = 0; !ended && failure == null; ) {
                if (pos < input.length) {
                    int remaining = input.length - pos;
                    int n = pieces.nextBoolean() ? remaining : 1 + pieces.nextInt(remaining);
                    in.write(input, pos, n);
                    pos += n;
                } else {
                    in.setMemEofReturn(0);
                    ended = true;
                }
                failure = consume(ssl, buf);
                out.reset(); // what this side answered: only its calls matter
            }
            int written = Oracle.call(ssl, "write", () -> ssl.write(APPLICATION_DATA));
            Oracle.call(ssl, "shutdown", ssl::shutdown);
            int read = Oracle.call(ssl, "read", () -> ssl.read(buf, 0, buf.length));
            // A connection failed by an SSL error (a local fatal error, a fatal alert received, an unexpected EOF)
            // stays failed: nothing is written or read after it (R08.3, R09.4, R09.9).
            if (failure == SslError.SSL && (written > 0 || read > 0)) {
                throw new AssertionError("after an SSL error on " + ssl.engineName() + ", write returned " + written
                        + " and read " + read);
            }
        }
        // Freed: calls fail as after a fatal error, and still throw nothing.
        Oracle.callFailing(ssl, "read after close", () -> ssl.read(new byte[1], 0, 1));
        Oracle.callFailing(ssl, "doHandshake after close", ssl::doHandshake);
    }

    /** Handshakes, then reads, until the input runs dry: null, or the error that ended the connection. */
    private static SslError consume(Ssl ssl, byte[] buf) {
        for (int i = 0; i < CALLS_PER_PIECE; i++) {
            int rc = ssl.isInitFinished()
                    ? Oracle.call(ssl, "read", () -> ssl.read(buf, 0, buf.length))
                    : Oracle.call(ssl, "doHandshake", ssl::doHandshake);
            if (Oracle.isFinal(ssl, rc)) {
                return ssl.getError(rc);
            }
            if (rc <= 0) {
                return null; // wants more input
            }
        }
        return null;
    }
}
