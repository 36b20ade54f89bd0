package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.ForwardingBio;
import org.libssl4j.testkit.NullEngineProvider;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * A connection used by two threads at once, and one BIO shared by two connections (docs/MISUSE.md). Every wait is
 * bounded.
 */
class MisuseSharingTest {
    private static final String TWO_THREADS = "IllegalStateException: Ssl used by two threads at once";

    /** A memory BIO whose reads keep the thread reading inside the call until released. */
    static final class HoldingBio extends ForwardingBio {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        HoldingBio() {
            super(MemBio.create());
        }

        @Override
        public int read(byte[] b, int off, int len) {
            entered.countDown();
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.read(b, off, len);
        }

        @Override
        public void close() {
            released.countDown();
            super.close();
        }
    }

    static void secondThreadIsRefused(Engine engine) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
                Ssl ssl = ctx.newSsl()) {
            ctx.setVerify(SslVerify.NONE, null);
            HoldingBio held = new HoldingBio();
            ssl.setBio(held, MemBio.create());
            ssl.setConnectState();
            Future<String> inside = other.submit(() -> {
                int r = ssl.doHandshake();
                return r + " " + ssl.getError(r);
            });
            assertThat(held.entered.await(20, TimeUnit.SECONDS)).as("the other thread reads the ServerHello").isTrue();
            List<String> wrong = new ArrayList<>();
            for (Method m : MisuseTableTest.publicMethods(Ssl.class)) {
                String sig = MisuseTableTest.signature(m);
                String outcome = MisuseTableTest.outcome(ssl, m, channel);
                boolean anyThread = List.of("engineName()", "getContext()").contains(sig);
                if (anyThread ? !outcome.equals("value") : !outcome.startsWith(TWO_THREADS)) {
                    wrong.add(sig + ": " + outcome);
                }
            }
            held.released.countDown();
            assertThat(inside.get(20, TimeUnit.SECONDS)).as("the call inside is unaffected").isEqualTo("-1 WANT_READ");
            assertThat(wrong).as("calls from a second thread that were not refused").isEmpty();
            // The connection is whole: the first thread's call, continued here, waits for the ServerHello as before.
            int r = ssl.doHandshake();
            assertThat(ssl.getError(r)).isEqualTo(SslError.WANT_READ);
            assertThat(ssl.getRbio()).isSameAs(held);
        } finally {
            other.shutdownNow();
        }
    }

    @EngineTest
    @DisplayName("MISUSE-6 while one thread is inside a call, every other method called by a second thread throws IllegalStateException(\"Ssl used by two threads at once\") at once, changing nothing; the call inside goes on")
    void secondThread(String engine) throws Exception {
        secondThreadIsRefused(Engines.get(engine));
    }

    @Test
    @DisplayName("MISUSE-6 a second thread is refused on the null engine too")
    void secondThreadOnTheNullEngine() throws Exception {
        secondThreadIsRefused(Engines.load(new NullEngineProvider()));
    }

    @EngineTest
    @DisplayName("MISUSE-6 a read blocked in another thread is stopped by closing its channel, not the Ssl: the blocked handshake returns -1 with SSL_ERROR_SYSCALL")
    void closingTheChannelStopsABlockedCall(String engine) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                SocketChannel silentPeer = listener.accept();
                SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
                Ssl ssl = ctx.newSsl()) {
            ctx.setVerify(SslVerify.NONE, null);
            ssl.setChannel(channel); // blocking, no timeout: the read of the ServerHello waits
            ssl.setConnectState();
            Future<SslError> blocked = other.submit(() -> {
                int r = ssl.doHandshake();
                SslError e = ssl.getError(r);
                SslErrorQueue.clear();
                return r == -1 ? e : null;
            });
            java.nio.ByteBuffer hello = java.nio.ByteBuffer.allocate(5);
            silentPeer.read(hello); // the ClientHello is out: the other thread is in its read
            assertThatThrownBy(ssl::close).hasMessageStartingWith("Ssl used by two threads at once");
            channel.close();
            assertThat(blocked.get(20, TimeUnit.SECONDS)).isEqualTo(SslError.SYSCALL);
        } finally {
            other.shutdownNow();
        }
    }

    @EngineTest
    @DisplayName("MISUSE-6 a callback may call back into its connection on the thread inside the call")
    void callbackCallsBack(String engine) {
        try (TestPair p = TestPair.create(engine)) {
            List<String> seen = new ArrayList<>();
            p.client().setInfoCallback((ssl, where, ret) -> {
                seen.add(ssl.getVersion());
                ssl.setReadAhead(ssl.getReadAhead());
            });
            p.handshake();
            assertThat(seen).isNotEmpty().contains("TLSv1.3");
        }
    }

    @EngineTest
    @DisplayName("MISUSE-7 one BIO shared by two connections is allowed, as libssl counts references: two clients writing into one BIO make the server fail on a return value with SSL_ERROR_SSL and a reason, never an exception or a wait; closing one connection leaves the BIO to the other")
    void sharedBio(String engine) {
        try (SslCtx clientCtx = TestContexts.client(engine).tls13().build();
                SslCtx serverCtx = TestContexts.server(engine).tls13().build();
                Ssl first = clientCtx.newSsl();
                Ssl second = clientCtx.newSsl();
                Ssl server = serverCtx.newSsl()) {
            MemBio toServer = MemBio.create();
            MemBio toClients = MemBio.create();
            for (Ssl client : new Ssl[] {first, second}) {
                client.setBio(toClients, toServer);
                client.setConnectState();
                int r = client.doHandshake();
                assertThat(client.getError(r)).isEqualTo(SslError.WANT_READ);
            }
            server.setBio(toServer, toClients);
            server.setAcceptState();
            List<SslErrorEntry> serverFailure = null;
            for (int round = 0; round < 10 && serverFailure == null; round++) {
                int r = server.doHandshake();
                if (r <= 0 && server.getError(r) == SslError.SSL) {
                    serverFailure = SslErrorQueue.snapshot();
                }
                SslErrorQueue.clear();
                first.doHandshake();
                SslErrorQueue.clear();
            }
            assertThat(serverFailure).as("the second ClientHello fails the server's handshake").isNotNull().isNotEmpty();
            assertThat(server.isInitFinished()).isFalse();
            first.close();
            byte[] bytes = new byte[5];
            assertThat(toServer.write(bytes, 0, 5)).as("the BIO outlives the connection that was closed").isEqualTo(5);
            int r = second.doHandshake();
            assertThat(r).isLessThanOrEqualTo(0);
            SslErrorQueue.clear();
        }
    }
}
