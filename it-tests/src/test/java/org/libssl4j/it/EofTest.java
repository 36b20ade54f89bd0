package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestPair;

/** A transport that ends without close_notify, IGNORE_UNEXPECTED_EOF, and transport failures (R08). */
class EofTest {

    @EngineTest
    @DisplayName("R08.1 EOF without close_notify makes read return 0 with unexpected eof while reading, at a record boundary and mid-record")
    void unexpectedEof(String engine) {
        for (boolean midRecord : new boolean[] {false, true}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.connected(engine)) {
                Fixtures.Wire w = Fixtures.wireByHand(p);
                p.client().write(new byte[100], 0, 100);
                if (midRecord) {
                    w.move(50);
                } else {
                    w.moveAll();
                    assertThat(p.server().read(new byte[200], 0, 200)).isEqualTo(100);
                }
                w.in().setMemEofReturn(0);
                assertResult(p.server(), p.server().read(new byte[200], 0, 200), 0, SslError.SSL);
                assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
                assertThat(p.server().getShutdown()).isZero();
            }
        }
    }

    @EngineTest
    @DisplayName("R08.3 after an unexpected EOF read and write fail with SYSCALL and an empty queue; shutdown is shutdown while in init")
    void afterUnexpectedEof(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            MemBio empty = MemBio.create();
            empty.setMemEofReturn(0);
            p.server().setRbio(empty);
            assertThat(p.server().read(new byte[10], 0, 10)).isZero();
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertResult(p.server(), p.server().write(new byte[10], 0, 10), -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertResult(p.server(), p.server().shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
        }
    }

    @EngineTest
    @DisplayName("R08.4 EOF during the handshake makes doHandshake fail with -1 and unexpected eof while reading")
    void eofInHandshake(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            MemBio empty = MemBio.create();
            empty.setMemEofReturn(0);
            p.client().setRbio(empty);
            assertResult(p.client(), p.client().doHandshake(), -1, SslError.SSL);
            assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
        }
    }

    @EngineTest
    @DisplayName("R08.5 with IGNORE_UNEXPECTED_EOF an EOF, even mid-record, is a clean close: 0/ZERO_RETURN, writes go on, shutdown returns 1")
    void ignoreUnexpectedEof(String engine) {
        for (boolean midRecord : new boolean[] {false, true}) {
            try (TestPair p = Fixtures.connected(engine)) {
                p.server().setOptions(SslOptions.IGNORE_UNEXPECTED_EOF);
                Fixtures.Wire w = Fixtures.wireByHand(p);
                p.client().write(new byte[100], 0, 100);
                if (midRecord) {
                    w.move(50);
                }
                w.in().setMemEofReturn(0);
                assertResult(p.server(), p.server().read(new byte[200], 0, 200), 0, SslError.ZERO_RETURN);
                assertThat(p.server().getShutdown() & org.libssl4j.Ssl.RECEIVED_SHUTDOWN).isNotZero();
                // The cut record is never delivered; libssl keeps its bytes, so has_pending stays 1 exactly when
                // a record was cut.
                assertThat(p.server().hasPending()).as("has_pending after a cut record").isEqualTo(midRecord);
                assertResult(p.server(), p.server().read(new byte[200], 0, 200), 0, SslError.ZERO_RETURN);
                byte[] reply = Fixtures.ascii("still writing");
                assertThat(p.server().write(reply, 0, reply.length)).isEqualTo(reply.length);
                assertResult(p.server(), p.server().shutdown(), 1, SslError.NONE);
                assertThat(p.client().read(new byte[100], 0, 100)).isEqualTo(reply.length);
            }
        }
    }

    @EngineTest
    @DisplayName("R08.6 with IGNORE_UNEXPECTED_EOF an EOF during the handshake gives -1/ZERO_RETURN, and so does a later write")
    void ignoreEofInHandshake(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            p.client().setOptions(SslOptions.IGNORE_UNEXPECTED_EOF);
            MemBio empty = MemBio.create();
            empty.setMemEofReturn(0);
            p.client().setRbio(empty);
            assertResult(p.client(), p.client().doHandshake(), -1, SslError.ZERO_RETURN);
            assertResult(p.client(), p.client().write(new byte[5], 0, 5), -1, SslError.ZERO_RETURN);
        }
    }

    @EngineTest
    @DisplayName("R08.7 a transport read that fails without EOF returns the BIO's value with SYSCALL and an empty queue, and is not fatal")
    void transportFailure(String engine) {
        for (int bioReturn : new int[] {0, -1}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.connected(engine)) {
                Bio failing = new FailingBio(bioReturn);
                Bio original = p.server().getRbio();
                p.server().setRbio(failing);
                assertResult(p.server(), p.server().read(new byte[10], 0, 10), bioReturn, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).isTrue();
                byte[] reply = Fixtures.ascii("not fatal");
                assertThat(p.server().write(reply, 0, reply.length)).isEqualTo(reply.length);
                assertThat(p.client().read(new byte[100], 0, 100)).isEqualTo(reply.length);
                p.server().setRbio(original);
                p.client().write(reply, 0, reply.length);
                assertThat(p.server().read(new byte[100], 0, 100)).isEqualTo(reply.length);
            }
        }
    }

    @EngineTest
    @DisplayName("R08.8 an empty memory BIO wants to read by default; with mem_eof_return 0 it is an unexpected EOF")
    void memBioEof(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            MemBio empty = MemBio.create();
            p.server().setRbio(empty);
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            empty.setMemEofReturn(0);
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), 0, SslError.SSL);
            assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
        }
    }

    /** A transport that fails every read with {@code ret}, no retry flag and no EOF: a broken socket, say. */
    private static final class FailingBio implements Bio {
        private final int ret;

        FailingBio(int ret) {
            this.ret = ret;
        }

        @Override public int read(byte[] b, int off, int len) { return ret; }
        @Override public int write(byte[] b, int off, int len) { return ret; }
        @Override public boolean shouldRetry() { return false; }
        @Override public boolean shouldRead() { return false; }
        @Override public boolean shouldWrite() { return false; }
        @Override public long pending() { return 0; }
        @Override public boolean eof() { return false; }
        @Override public void close() { }
    }
}
