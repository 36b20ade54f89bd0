package org.libssl4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.bio.BioPair;

/**
 * A client {@link Ssl} and a server {@link Ssl} connected by a {@link BioPair}, in memory, on one thread: the
 * client reads and writes {@link BioPair#first()}, the server {@link BioPair#second()}. The client is in the
 * connect state, the server in the accept state, and the client names the host {@value TestCerts#HOST}, so a
 * test may start with a write (the handshake on demand, docs/SEMANTICS.md R01.1) or call {@link #handshake()}.
 *
 * <pre>{@code
 * try (TestPair p = TestPair.create(engine)) {
 *     p.handshake();
 *     assertThat(BioPump.transfer(p.client(), p.server(), data)).isEqualTo(data);
 * }
 * }</pre>
 *
 * <p>Between {@code create} and the first call a test may change either side, for example put a
 * {@link FaultBio} on the client's write path: {@code p.client().setWbio(new FaultBio(p.clientBio()))}.
 */
public final class TestPair implements AutoCloseable {
    /** How many rounds {@link #handshake()} drives before it gives up; a handshake needs a handful. */
    public static final int MAX_HANDSHAKE_ROUNDS = 1000;

    private final Ssl client;
    private final Ssl server;
    private final BioPair pair;
    // Contexts made by create(engine) belong to the pair; contexts passed in belong to the caller.
    private final List<SslCtx> owned;

    private TestPair(SslCtx clientCtx, SslCtx serverCtx, int bufSize, List<SslCtx> owned) {
        this.owned = owned;
        this.pair = BioPair.create(bufSize, bufSize);
        this.client = clientCtx.newSsl();
        this.server = serverCtx.newSsl();
        client.setBio(pair.first(), pair.first());
        server.setBio(pair.second(), pair.second());
        client.setConnectState();
        server.setAcceptState();
        client.setTlsextHostName(TestCerts.HOST);
    }

    /**
     * A pair on {@code engine} with the defaults: TLS 1.3 only, the server presenting {@link TestCerts#serverRsa()},
     * the client verifying it against {@link TestCerts#ca()}, BIO pair buffers of
     * {@value BioPair#DEFAULT_WRITE_BUF_SIZE} bytes. {@link #close()} closes the contexts too.
     */
    public static TestPair create(String engine) {
        SslCtx serverCtx = TestContexts.server(engine).tls13().build();
        SslCtx clientCtx;
        try {
            clientCtx = TestContexts.client(engine).tls13().build();
        } catch (RuntimeException | AssertionError e) {
            serverCtx.close();
            throw e;
        }
        return new TestPair(clientCtx, serverCtx, BioPair.DEFAULT_WRITE_BUF_SIZE, List.of(clientCtx, serverCtx));
    }

    /**
     * A pair made from the given contexts, which stay the caller's to close.
     *
     * @param bufSize the write buffer of each BIO pair half ({@code BIO_new_bio_pair}); 0 means
     *     {@value BioPair#DEFAULT_WRITE_BUF_SIZE}
     */
    public static TestPair create(SslCtx clientCtx, SslCtx serverCtx, int bufSize) {
        Objects.requireNonNull(clientCtx, "clientCtx");
        Objects.requireNonNull(serverCtx, "serverCtx");
        return new TestPair(clientCtx, serverCtx, bufSize, List.of());
    }

    /** The client connection. */
    public Ssl client() {
        return client;
    }

    /** The server connection. */
    public Ssl server() {
        return server;
    }

    /** The BIO pair between them. */
    public BioPair pair() {
        return pair;
    }

    /** The client's half of the pair ({@link BioPair#first()}), its rbio and wbio. */
    public BioPair.Half clientBio() {
        return pair.first();
    }

    /** The server's half of the pair ({@link BioPair#second()}), its rbio and wbio. */
    public BioPair.Half serverBio() {
        return pair.second();
    }

    /**
     * Drives both sides with {@code doHandshake()}, client first, in turn, until each has returned 1 once.
     * The error queue is cleared before every call, as libssl asks of a caller that will look at
     * {@code getError} (docs/SEMANTICS.md R15.2).
     *
     * @return this pair
     * @throws AssertionError when a side fails, when neither side can move (both wait to read and nothing is in
     *     flight), or after {@value #MAX_HANDSHAKE_ROUNDS} rounds; the message holds both sides' last return value,
     *     {@code getError} and error queue
     */
    public TestPair handshake() {
        Outcome c = Outcome.none("client");
        Outcome s = Outcome.none("server");
        for (int round = 1; round <= MAX_HANDSHAKE_ROUNDS; round++) {
            if (c.rc() != 1) {
                c = step("client", client);
            } else {
                absorb(client); // a finished TLS 1.3 client takes the tickets a server may still be writing
            }
            if (s.rc() != 1) {
                s = step("server", server);
            } else {
                absorb(server);
            }
            if (c.rc() == 1 && s.rc() == 1) {
                return this;
            }
            if (!c.retryable() || !s.retryable()) {
                throw failure("handshake failed in round " + round, c, s);
            }
            if (stalled(c, s)) {
                throw failure("handshake made no progress in round " + round
                        + " (both sides wait to read and nothing is in flight)", c, s);
            }
        }
        throw failure("handshake not done after " + MAX_HANDSHAKE_ROUNDS + " rounds", c, s);
    }

    private static Outcome step(String side, Ssl ssl) {
        SslErrorQueue.clear();
        int rc = ssl.doHandshake();
        Outcome o = Outcome.of(side, "doHandshake()", ssl, rc);
        // A decorating wbio (FaultBio) may hold accepted bytes until flushed; libssl flushes after each flight too.
        Bio wbio = ssl.getWbio();
        if (wbio != null) {
            wbio.flush();
        }
        return o;
    }

    /**
     * Lets a side whose handshake is done read what the other side still sends (tickets) without taking any
     * application data: a zero-length peek opens records but returns none (docs/SEMANTICS.md R03.5).
     */
    private static void absorb(Ssl ssl) {
        ssl.peek(new byte[0], 0, 0);
        SslErrorQueue.clear();
    }

    private boolean stalled(Outcome c, Outcome s) {
        boolean clientWaits = c.rc() == 1 || c.error() == SslError.WANT_READ;
        boolean serverWaits = s.rc() == 1 || s.error() == SslError.WANT_READ;
        return clientWaits && serverWaits && pair.first().pending() == 0 && pair.second().pending() == 0;
    }

    private static AssertionError failure(String what, Outcome c, Outcome s) {
        return new AssertionError(what + ": " + c + "; " + s);
    }

    /** Frees both connections, the BIO pair and the contexts {@link #create(String)} made. Idempotent. */
    @Override
    public void close() {
        List<Throwable> errors = new ArrayList<>();
        for (AutoCloseable r : List.<AutoCloseable>of(client, server, pair.first(), pair.second())) {
            closeQuietly(r, errors);
        }
        owned.forEach(ctx -> closeQuietly(ctx, errors));
        if (!errors.isEmpty()) {
            RuntimeException e = new IllegalStateException("closing the test pair failed", errors.get(0));
            errors.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable r, List<Throwable> errors) {
        try {
            r.close();
        } catch (Exception e) {
            // Close the rest first; report everything afterwards.
            errors.add(e);
        }
    }

    @Override
    public String toString() {
        return "TestPair[client " + client.engineName() + ", server " + server.engineName() + "]";
    }
}
