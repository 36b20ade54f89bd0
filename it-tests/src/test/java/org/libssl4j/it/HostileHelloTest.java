package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.ClientHellos.KEY_SHARE;
import static org.libssl4j.it.ClientHellos.PRE_SHARED_KEY;
import static org.libssl4j.it.ClientHellos.SERVER_NAME;
import static org.libssl4j.it.ClientHellos.SIGNATURE_ALGORITHMS;
import static org.libssl4j.it.ClientHellos.X25519;
import static org.libssl4j.it.ClientHellos.concat;
import static org.libssl4j.it.ClientHellos.keyShareEntry;
import static org.libssl4j.it.ClientHellos.list16;
import static org.libssl4j.it.ClientHellos.standard;
import static org.libssl4j.it.ClientHellos.u16s;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestContexts;

/**
 * Malformed ClientHellos of the kind a TLS scanner sends, written byte by byte ({@link ClientHellos}) into the read
 * BIO of a server in the accept state (issue 12, item 11). Each is a failure of the peer's making: libssl names it,
 * and so must every engine; none may be "internal error". What libssl 3.0 answers was seen with {@code openssl
 * s_server} fed the same bytes over a socket (the table's comments).
 */
class HostileHelloTest {
    private static final int ALERT = 21;
    private static final int INTERNAL_ERROR_ALERT = 80;

    /** A hello, what libssl 3.0.19 reports for it, and the alert it sends. */
    record Hello(String name, byte[] record, int libsslReason, int libsslAlert) { }

    /** Hellos with an extension whose body its own lengths do not hold: libssl sends decode_error (50). */
    static List<Hello> unreadable() {
        return List.of(
                // key_share with an empty body: no client_shares length. libssl: length mismatch.
                new Hello("key_share with an empty body", ClientHellos.emptyKeyShareRecord(),
                        SslReason.LENGTH_MISMATCH, 50),
                // server_name_list length 20 in an extension of 8 bytes. libssl: bad extension.
                new Hello("server_name list longer than its extension",
                        standard().set(SERVER_NAME, concat(u16s(20), new byte[] {0, 0, 3, 'a', 'b', 'c'})).record(),
                        SslReason.BAD_EXTENSION, 50),
                // pre_shared_key (last) with an empty body: no identities length. libssl: bad extension.
                new Hello("pre_shared_key with an empty body", standard().add(PRE_SHARED_KEY, new byte[0]).record(),
                        SslReason.BAD_EXTENSION, 50));
    }

    /** Hellos that parse but that the server cannot use. */
    static List<Hello> unusable() {
        return List.of(
                // x25519 share of all zeros (small order). libssl: "bad key share", illegal_parameter (47).
                new Hello("x25519 key share of all zeros",
                        standard().set(KEY_SHARE, list16(keyShareEntry(X25519, new byte[32]))).record(),
                        SslReason.BAD_KEY_SHARE, 47),
                // TLS 1.3 signature_algorithms with unknown schemes only. libssl: "no shared signature
                // algorithms", handshake_failure (40).
                new Hello("signature_algorithms of unknown schemes only",
                        standard().set(SIGNATURE_ALGORITHMS, list16(u16s(0x7777, 0x7778))).record(),
                        SslReason.NO_SHARED_SIGNATURE_ALGORITHMS, 40));
    }

    /** The server's accept() on {@code hello}: its result, the oldest queue entry, and what it wrote back. */
    private record Answer(int ret, SslError error, SslErrorEntry entry, byte[] written) { }

    private static Answer accept(String engine, byte[] hello) {
        try (SslCtx ctx = TestContexts.server(engine).build(); Ssl ssl = ctx.newSsl()) {
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            ssl.setBio(in, out);
            ssl.setAcceptState();
            in.write(hello, 0, hello.length);
            SslErrorQueue.clear();
            int r = ssl.accept(); // an exception escaping fails the test here
            Answer a = new Answer(r, ssl.getError(r), SslErrorQueue.peek(), out.drain());
            assertResult(ssl, r, -1, SslError.SSL);
            SslErrorQueue.clear();
            return a;
        }
    }

    /** The description of the first plaintext alert record in {@code written}, or -1. */
    private static int firstAlert(byte[] written) {
        for (int i = 0; i + 5 <= written.length; ) {
            int len = ((written[i + 3] & 0xFF) << 8) | (written[i + 4] & 0xFF);
            if (written[i] == ALERT && len == 2 && i + 7 <= written.length) {
                assertThat(written[i + 5]).as("alert level (fatal)").isEqualTo((byte) 2);
                return written[i + 6] & 0xFF;
            }
            i += 5 + len;
        }
        return -1;
    }

    /** Asserts a failure the engine names: an SSL-library reason that is not internal error. */
    private static void assertNamed(Hello h, Answer a) {
        assertThat(a.entry()).as(h.name() + ": error queue entry").isNotNull();
        assertThat(a.entry().library()).as(h.name() + ": library of " + a.entry()).isEqualTo(SslErrorEntry.LIB_SSL);
        assertThat(a.entry().reason()).as(h.name() + ": reason of " + a.entry() + " (libssl: "
                + SslReason.text(h.libsslReason()) + ")").isNotEqualTo(SslReason.INTERNAL_ERROR);
    }

    @EngineTest
    @DisplayName("R10.11 a ClientHello with an extension its lengths do not hold fails accept with a named reason, never internal error, and a plaintext decode_error alert")
    void unreadableExtension(String engine) {
        for (Hello h : unreadable()) {
            Answer a = accept(engine, h.record());
            assertNamed(h, a);
            int alert = firstAlert(a.written());
            if (engine.equals("bc")) {
                // Ledger BC-2 (docs/SEMANTICS.md section 7): bctls sends internal_error for what it cannot read.
                assertThat(alert).as(h.name() + ": alert sent (BC-2)").isEqualTo(INTERNAL_ERROR_ALERT);
            } else {
                assertThat(alert).as(h.name() + ": alert sent").isEqualTo(h.libsslAlert());
            }
        }
    }

    @EngineTest
    @DisplayName("R10.12 a ClientHello the server cannot use (an x25519 share of small order, only unknown signature schemes) fails accept with a named reason, never internal error")
    void unusableHello(String engine) {
        for (Hello h : unusable()) {
            assertNamed(h, accept(engine, h.record()));
        }
    }
}
