package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestPair;

/**
 * The error queue is the calling thread's, whatever the engine does on other threads (QUEUE-2): connections that
 * fail in some threads leave their entries there and nowhere else, while connections that succeed at the same time
 * in other threads, on the same contexts, find their queues empty.
 */
class QueueThreadsTest {
    private static final int ROUNDS = 40;

    @EngineTest
    @DisplayName("QUEUE-2 a connection's errors go on the queue of the thread that made the call, never another's: two threads failing for different reasons and two succeeding at once, on shared contexts")
    void errorsStayOnTheirThread(String engine) throws Exception {
        try (SslCtx server = Fixtures.ctx(engine, true, Fixtures.TLS13, c -> { });
                SslCtx client = Fixtures.ctx(engine, false, Fixtures.TLS13, c -> { })) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<SslErrorEntry>>> results = new ArrayList<>();
                results.add(pool.submit(refused(server, "GET / HTTP/1.1\r\n\r\n")));
                results.add(pool.submit(refused(server, "\0\0\0\0\0\0\0\0")));
                results.add(pool.submit(succeeding(client, server)));
                results.add(pool.submit(succeeding(client, server)));
                List<List<SslErrorEntry>> queues = new ArrayList<>();
                for (Future<List<SslErrorEntry>> f : results) {
                    queues.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(reasons(queues.get(0))).as("the thread whose servers read HTTP").containsOnly(SslReason.HTTP_REQUEST);
                assertThat(reasons(queues.get(1))).as("the thread whose servers read zeros").containsOnly(SslReason.WRONG_VERSION_NUMBER);
                assertThat(queues.get(2)).as("a thread whose connections succeeded").isEmpty();
                assertThat(queues.get(3)).as("a thread whose connections succeeded").isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A thread whose servers read {@code first} and fail: every entry they raised, in this thread's queue. */
    private static Callable<List<SslErrorEntry>> refused(SslCtx server, String first) {
        return () -> {
            SslErrorQueue.clear();
            List<SslErrorEntry> all = new ArrayList<>();
            byte[] bytes = first.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < ROUNDS; i++) {
                try (Ssl ssl = server.newSsl()) {
                    MemBio in = MemBio.create();
                    ssl.setBio(in, MemBio.create());
                    ssl.setAcceptState();
                    in.write(bytes, 0, bytes.length);
                    assertThat(ssl.accept()).isEqualTo(-1);
                    all.addAll(SslErrorQueue.snapshot());
                    SslErrorQueue.clear();
                }
            }
            return all;
        };
    }

    /** A thread whose connections complete and exchange data: what its queue holds at the end (nothing). */
    private static Callable<List<SslErrorEntry>> succeeding(SslCtx client, SslCtx server) {
        return () -> {
            SslErrorQueue.clear();
            for (int i = 0; i < ROUNDS / 4; i++) {
                try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                    byte[] data = Fixtures.bytes(1000, i);
                    assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
                    assertThat(Fixtures.drain(p.server())).isEqualTo(data);
                }
            }
            return SslErrorQueue.snapshot();
        };
    }

    private static List<Integer> reasons(List<SslErrorEntry> entries) {
        return entries.stream().map(SslErrorEntry::reason).collect(Collectors.toList());
    }
}
