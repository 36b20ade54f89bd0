package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.FaultBio;
import org.libssl4j.testkit.FaultBio.RecordFilter;
import org.libssl4j.testkit.TestPair;

/**
 * SSL_get_error and the thread's error queue: what decides the answer, the failed states after a local error
 * and after a received alert, the BIO pair's own results, and the queue itself (R15.1-R15.4, R15.7-R15.9, R15.11).
 */
class ErrorQueueTest {

    /** {@code BIO_R_BROKEN_PIPE}. */
    private static final int BIO_R_BROKEN_PIPE = 124;

    /** A stale entry that has nothing to do with the call that follows: something a user's code raised earlier. */
    private static void raiseStale(int library) {
        SslErrorQueue.raise(library, library == SslErrorEntry.LIB_SSL ? SslReason.BAD_LENGTH : 32, "stale");
    }

    // ---- getError ------------------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R15.1 getError of a positive return value is NONE whatever the queue holds")
    void positiveIsNone(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            raiseStale(SslErrorEntry.LIB_SSL);
            raiseStale(SslErrorEntry.LIB_SYS);
            byte[] data = Fixtures.ascii("twelve bytes");
            int w = p.client().write(data, 0, data.length);
            assertResult(p.client(), w, data.length, SslError.NONE);
            int n = p.server().read(new byte[100], 0, 100);
            assertResult(p.server(), n, data.length, SslError.NONE);
            assertThat(p.server().getError(1)).isEqualTo(SslError.NONE);
            assertThat(p.server().getError(Integer.MAX_VALUE)).isEqualTo(SslError.NONE);
            assertThat(SslErrorQueue.snapshot()).as("getError leaves the queue as it is").hasSize(2);
            // Also after a call that wanted to read: a positive value is still NONE.
            int r = p.server().read(new byte[100], 0, 100);
            assertThat(r).isEqualTo(-1);
            assertThat(p.server().getError(5)).isEqualTo(SslError.NONE);
        }
    }

    @EngineTest
    @DisplayName("R15.2 a stale LIB_SSL entry turns a real WANT_READ of a read after the handshake into SSL")
    void staleSslEntry(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            raiseStale(SslErrorEntry.LIB_SSL);
            int r = p.server().read(new byte[100], 0, 100);
            assertResult(p.server(), r, -1, SslError.SSL);
            assertThat(SslErrorQueue.snapshot()).as("the read neither cleared nor added").hasSize(1);
            assertThat(SslErrorQueue.peek().detail()).isEqualTo("stale");
            SslErrorQueue.clear();
            assertThat(p.server().getError(r)).as("the same result with the queue cleared").isEqualTo(SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("R15.2 a stale LIB_SYS entry turns a real WANT_READ of a read after the handshake into SYSCALL")
    void staleSysEntry(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            raiseStale(SslErrorEntry.LIB_SYS);
            int r = p.server().read(new byte[100], 0, 100);
            assertResult(p.server(), r, -1, SslError.SYSCALL);
            SslErrorQueue.clear();
            assertThat(p.server().getError(r)).isEqualTo(SslError.WANT_READ);
        }
    }

    @EngineTest
    @DisplayName("R15.2 the oldest entry decides: LIB_SYS before LIB_SSL is SYSCALL, LIB_SSL before LIB_SYS is SSL")
    void oldestDecides(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            raiseStale(SslErrorEntry.LIB_SYS);
            raiseStale(SslErrorEntry.LIB_SSL);
            int r = p.server().read(new byte[100], 0, 100);
            assertResult(p.server(), r, -1, SslError.SYSCALL);
            SslErrorQueue.clear();
            raiseStale(SslErrorEntry.LIB_SSL);
            raiseStale(SslErrorEntry.LIB_SYS);
            assertThat(p.server().getError(r)).isEqualTo(SslError.SSL);
            // A stale entry also hides a real WANT_WRITE.
            SslErrorQueue.clear();
            byte[] big = Fixtures.bytes(100_000, 1);
            int w = p.client().write(big, 0, big.length);
            assertResult(p.client(), w, -1, SslError.WANT_WRITE);
            raiseStale(SslErrorEntry.LIB_SYS);
            assertThat(p.client().getError(w)).isEqualTo(SslError.SYSCALL);
        }
    }

    @EngineTest
    @DisplayName("R15.2 a call that runs the handshake clears the queue first, as libssl's state machine does, so a stale entry is gone")
    void handshakeClearsQueue(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            raiseStale(SslErrorEntry.LIB_SSL);
            assertResult(p.client(), p.client().doHandshake(), -1, SslError.WANT_READ);
            assertThat(SslErrorQueue.isEmpty()).as("queue after doHandshake").isTrue();
            raiseStale(SslErrorEntry.LIB_SYS);
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.WANT_READ);
            assertThat(SslErrorQueue.isEmpty()).as("queue after a read that ran the handshake").isTrue();
            raiseStale(SslErrorEntry.LIB_SSL);
            byte[] data = Fixtures.ascii("ping");
            assertResult(p.client(), p.client().write(data, 0, data.length), data.length, SslError.NONE);
            assertThat(SslErrorQueue.isEmpty()).as("queue after a write that ran the handshake").isTrue();
            // Once the handshake is done a read runs no handshake step and keeps the stale entry (the rule above).
            assertThat(p.server().read(new byte[10], 0, 10)).isEqualTo(data.length);
            raiseStale(SslErrorEntry.LIB_SSL);
            assertResult(p.server(), p.server().read(new byte[10], 0, 10), -1, SslError.SSL);
            assertThat(SslErrorQueue.snapshot()).hasSize(1);
        }
    }

    @EngineTest
    @DisplayName("R15.3 for ret <= 0 the value (0, -1, -5) does not change getError's answer")
    void valueDoesNotMatter(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            int r = p.server().read(new byte[10], 0, 10);
            assertThat(r).isEqualTo(-1);
            for (int ret : new int[] {0, -1, -5, Integer.MIN_VALUE}) {
                assertThat(p.server().getError(ret)).as("getError(" + ret + ") after WANT_READ").isEqualTo(SslError.WANT_READ);
            }
            raiseStale(SslErrorEntry.LIB_SSL);
            for (int ret : new int[] {0, -1, -5}) {
                assertThat(p.server().getError(ret)).as("getError(" + ret + ") with a LIB_SSL entry").isEqualTo(SslError.SSL);
            }
            SslErrorQueue.clear();
            raiseStale(SslErrorEntry.LIB_SYS);
            for (int ret : new int[] {0, -1, -5}) {
                assertThat(p.server().getError(ret)).as("getError(" + ret + ") with a LIB_SYS entry").isEqualTo(SslError.SYSCALL);
            }
            SslErrorQueue.clear();
            byte[] big = Fixtures.bytes(100_000, 2);
            assertThat(p.client().write(big, 0, big.length)).isEqualTo(-1);
            for (int ret : new int[] {0, -1, -5}) {
                assertThat(p.client().getError(ret)).as("getError(" + ret + ") after WANT_WRITE").isEqualTo(SslError.WANT_WRITE);
            }
        }
    }

    @EngineTest
    @DisplayName("R15.4 getError with ret <= 0 on a fresh connection, or after a successful call, is SYSCALL")
    void syscallWhenNothingHappened(String engine) {
        for (SslMethod method : SslMethod.values()) {
            try (SslCtx ctx = SslCtx.newCtx(method, engine); Ssl ssl = ctx.newSsl()) {
                assertThat(ssl.getError(0)).as("fresh " + method + " connection, getError(0)").isEqualTo(SslError.SYSCALL);
                assertThat(ssl.getError(-1)).as("fresh " + method + " connection, getError(-1)").isEqualTo(SslError.SYSCALL);
            }
        }
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertThat(p.client().getError(-1)).as("fresh pair").isEqualTo(SslError.SYSCALL);
            p.handshake();
            Fixtures.settle(p);
            byte[] data = Fixtures.ascii("data");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            assertThat(p.client().getError(0)).as("after a write").isEqualTo(SslError.SYSCALL);
            assertThat(p.client().getError(-1)).as("after a write").isEqualTo(SslError.SYSCALL);
            assertThat(p.server().read(new byte[10], 0, 10)).isEqualTo(data.length);
            assertThat(p.server().getError(0)).as("after a read").isEqualTo(SslError.SYSCALL);
            assertThat(p.server().getError(-1)).as("after a read").isEqualTo(SslError.SYSCALL);
        }
    }

    // ---- failed states -------------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R15.7 after a local fatal error read, peek, write and doHandshake return -1/SYSCALL with an empty queue; shutdown is shutdown while in init; in init, shutdown bits 0")
    void afterLocalFatalError(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            FaultBio fault = new FaultBio(p.clientBio());
            fault.flipByte(RecordFilter.applicationData(0), 20);
            p.client().setWbio(fault);
            byte[] data = Fixtures.bytes(200, 3);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(200);
            assertThat(fault.faultApplied()).as("fault applied").isTrue();
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            SslErrorQueue.clear();
            Ssl s = p.server();
            byte[] buf = new byte[300];
            for (int i = 0; i < 2; i++) {
                assertResult(s, s.read(buf, 0, buf.length), -1, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).as("queue after read").isTrue();
                assertResult(s, s.peek(buf, 0, buf.length), -1, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).as("queue after peek").isTrue();
                assertResult(s, s.write(buf, 0, 10), -1, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).as("queue after write").isTrue();
                assertResult(s, s.doHandshake(), -1, SslError.SYSCALL);
                assertThat(SslErrorQueue.isEmpty()).as("queue after doHandshake").isTrue();
            }
            assertResult(s, s.shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
            SslErrorQueue.clear();
            assertThat(s.inInit()).as("inInit").isTrue();
            assertThat(s.isInitFinished()).as("isInitFinished").isFalse();
            assertThat(s.getShutdown()).as("getShutdown").isZero();
        }
    }

    @EngineTest
    @DisplayName("R15.8 after a received fatal alert the first read is 0/SSL with the alert, later reads 0/ZERO_RETURN, write -1/ZERO_RETURN, shutdown while in init")
    void afterReceivedAlert(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            FaultBio fault = new FaultBio(p.clientBio());
            fault.flipByte(RecordFilter.applicationData(0), 20);
            p.client().setWbio(fault);
            byte[] data = Fixtures.bytes(200, 4);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(200);
            p.server().read(new byte[300], 0, 300);
            SslErrorQueue.clear();
            Ssl c = p.client();
            byte[] buf = new byte[100];
            assertResult(c, c.read(buf, 0, buf.length), 0, SslError.SSL);
            SslErrorEntry alert = assertReason(SslReason.SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac");
            assertThat(alert.reason()).isGreaterThan(1000);
            SslErrorQueue.clear();
            for (int i = 0; i < 3; i++) {
                assertResult(c, c.read(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
            }
            assertResult(c, c.peek(buf, 0, buf.length), 0, SslError.ZERO_RETURN);
            assertResult(c, c.write(buf, 0, 10), -1, SslError.ZERO_RETURN);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
            assertResult(c, c.shutdown(), -1, SslError.SSL);
            assertReason(SslReason.SHUTDOWN_WHILE_IN_INIT, "shutdown while in init");
        }
    }

    // ---- the BIO pair --------------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R15.9 BIO pair: 17408 by default, partial write counts, -1 with retry flags when full or empty, broken pipe after shutdownWr, then the rest and EOF")
    void bioPair(String engine) {
        BioPair pair = BioPair.create();
        BioPair.Half a = pair.first();
        BioPair.Half b = pair.second();
        assertThat(a.writeBufSize()).isEqualTo(17408);
        assertThat(b.writeBufSize()).isEqualTo(17408);
        byte[] sink = new byte[20_000];
        assertThat(b.read(sink, 0, 10)).as("read from an empty pair").isEqualTo(-1);
        assertThat(b.shouldRetry()).isTrue();
        assertThat(b.shouldRead()).isTrue();
        assertThat(b.shouldWrite()).isFalse();
        assertThat(b.eof()).isFalse();

        byte[] data = Fixtures.bytes(20_000, 5);
        assertThat(a.write(data, 0, 10_000)).isEqualTo(10_000);
        assertThat(a.write(data, 10_000, 10_000)).as("a partial write takes what fits").isEqualTo(7408);
        assertThat(a.write(data, 17_408, 100)).as("a write to a full buffer").isEqualTo(-1);
        assertThat(a.shouldRetry()).isTrue();
        assertThat(a.shouldWrite()).isTrue();
        assertThat(a.shouldRead()).isFalse();
        assertThat(SslErrorQueue.isEmpty()).as("a full buffer raises nothing").isTrue();

        assertThat(b.read(sink, 0, 5000)).isEqualTo(5000);
        a.shutdownWr();
        assertThat(a.write(data, 17_408, 100)).as("a write after shutdownWr").isEqualTo(-1);
        assertThat(a.shouldRetry()).as("retry after broken pipe").isFalse();
        assertThat(a.shouldWrite()).isFalse();
        SslErrorEntry e = SslErrorQueue.peek();
        assertThat(e).as("error entry").isNotNull();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_BIO);
        assertThat(e.reason()).isEqualTo(BIO_R_BROKEN_PIPE);
        assertThat(e.reasonString()).isEqualTo("broken pipe");
        SslErrorQueue.clear();
        assertThat(b.eof()).as("eof with bytes left").isFalse();
        assertThat(b.read(sink, 5000, 20_000 - 5000)).as("the rest").isEqualTo(12_408);
        Fixtures.assertSameBytes(java.util.Arrays.copyOf(sink, 17_408), java.util.Arrays.copyOf(data, 17_408));
        assertThat(b.read(sink, 0, 10)).as("read after the rest").isZero();
        assertThat(b.shouldRetry()).isFalse();
        assertThat(b.eof()).isTrue();

        // The same through TLS: a record written before shutdownWr arrives whole; then the reader sees EOF.
        try (TestPair p = Fixtures.connected(engine)) {
            assertThat(p.clientBio().writeBufSize()).isEqualTo(17408);
            byte[] msg = Fixtures.bytes(3000, 6);
            assertThat(p.client().write(msg, 0, msg.length)).isEqualTo(msg.length);
            p.clientBio().shutdownWr();
            byte[] got = new byte[5000];
            int n = p.server().read(got, 0, got.length);
            assertThat(n).isEqualTo(msg.length);
            Fixtures.assertSameBytes(java.util.Arrays.copyOf(got, n), msg);
            assertResult(p.server(), p.server().read(got, 0, got.length), 0, SslError.SSL);
            assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
            assertThat(p.serverBio().eof()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R15.11 a write that can never drain keeps returning -1/WANT_WRITE and is never a hard error")
    void neverDrains(String engine) {
        try (TestPair p = Fixtures.connected(engine, TLS13, 4096)) {
            byte[] data = Fixtures.bytes(100_000, 7);
            for (int i = 0; i < 50; i++) {
                assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_WRITE);
                assertThat(SslErrorQueue.isEmpty()).as("queue after retry " + i).isTrue();
                assertThat(p.client().want()).isEqualTo(Ssl.WRITING);
            }
            assertThat(p.client().isInitFinished()).isTrue();
            assertThat(p.client().getShutdown()).isZero();
            // Once the peer reads, the same write goes on and completes.
            Fixtures.assertWriteDelivers(p, data, null);
        }
    }

    // ---- the queue itself ----------------------------------------------------------------------------------

    @EngineTest
    @DisplayName("R15.2 the error queue is thread-local: an entry raised in another thread is not seen here, nor ours there")
    void threadLocal(String engine) throws Exception {
        raiseStale(SslErrorEntry.LIB_SSL);
        AtomicReference<List<SslErrorEntry>> seenThere = new AtomicReference<>();
        AtomicReference<List<SslErrorEntry>> raisedThere = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                seenThere.set(SslErrorQueue.snapshot());
                // A real failure in that thread: a write on a connection without a state.
                try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
                    ssl.write(new byte[1], 0, 1);
                }
                SslErrorQueue.raise(SslErrorEntry.LIB_SYS, 104, "raised in the other thread");
                raisedThere.set(SslErrorQueue.snapshot());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join(5000);
        assertThat(failure.get()).isNull();
        assertThat(seenThere.get()).as("the other thread's queue at its start").isEmpty();
        assertThat(raisedThere.get()).extracting(SslErrorEntry::reason).containsExactly(SslReason.UNINITIALIZED, 104);
        assertThat(SslErrorQueue.snapshot()).as("this thread's queue").hasSize(1);
        assertThat(SslErrorQueue.peek().detail()).isEqualTo("stale");
    }

    @EngineTest
    @DisplayName("R15.2 the error queue holds 16 entries, dropping the oldest; get, peek, peekLast and clear work as ERR_get_error and friends")
    void queueOperations(String engine) {
        assertThat(SslErrorQueue.get()).as("get on an empty queue").isNull();
        assertThat(SslErrorQueue.peek()).isNull();
        assertThat(SslErrorQueue.peekLast()).isNull();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
        for (int i = 1; i <= 20; i++) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, i, "entry " + i);
        }
        assertThat(SslErrorQueue.CAPACITY).isEqualTo(16);
        assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason)
                .containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(SslErrorQueue.peek().reason()).as("peek: the oldest").isEqualTo(5);
        assertThat(SslErrorQueue.peek().reason()).as("peek leaves it").isEqualTo(5);
        assertThat(SslErrorQueue.peekLast().reason()).as("peekLast: the newest").isEqualTo(20);
        assertThat(SslErrorQueue.get().reason()).as("get: the oldest").isEqualTo(5);
        assertThat(SslErrorQueue.get().reason()).as("get removed it").isEqualTo(6);
        assertThat(SslErrorQueue.snapshot()).hasSize(14);
        SslErrorQueue.raise(SslErrorEntry.LIB_SYS, 32, null);
        assertThat(SslErrorQueue.peekLast().library()).isEqualTo(SslErrorEntry.LIB_SYS);
        assertThat(SslErrorQueue.snapshot()).hasSize(15);
        SslErrorQueue.clear();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
        assertThat(SslErrorQueue.get()).isNull();
        // The queue keeps working after it wrapped and was cleared.
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
            assertResult(ssl, ssl.read(new byte[1], 0, 1), -1, SslError.SSL);
            assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason).containsExactly(SslReason.UNINITIALIZED);
        }
    }

    @EngineTest
    @DisplayName("R15.2 an entry prints as ERR_error_string does: error:0A00007F:SSL routines::bad write retry")
    void entryToString(String engine) {
        SslErrorEntry e = new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.BAD_WRITE_RETRY, null, null, null);
        assertThat(e.code()).isEqualTo(0x0A00007FL);
        assertThat(e.reasonString()).isEqualTo("bad write retry");
        assertThat(e.libraryName()).isEqualTo("SSL routines");
        assertThat(e).hasToString("error:0A00007F:SSL routines::bad write retry");
        SslErrorEntry alert = new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.SSLV3_ALERT_BAD_RECORD_MAC, null,
                "SSL alert number 20", null);
        assertThat(alert).hasToString("error:0A0003FC:SSL routines::sslv3 alert bad record mac:SSL alert number 20");
        // An entry the state machine raised prints the same way.
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
            ssl.doHandshake();
            assertThat(SslErrorQueue.peek()).hasToString("error:0A000090:SSL routines::connection type not set");
        }
    }
}
