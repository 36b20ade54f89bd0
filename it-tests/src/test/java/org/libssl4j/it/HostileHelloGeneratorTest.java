package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/**
 * Hostile hellos from a seeded generator ({@link HelloGenerator}, issue 14 item 3): ClientHellos handed to a server
 * in the accept state, and mutations of a real ServerHello handed to a client that has sent its ClientHello. Every
 * call returns; no exception escapes; a hello is either taken (the call waits for more) or refused with
 * SSL_ERROR_SSL and an SSL-library reason that is not "internal error"; a server that read a whole ClientHello does
 * not wait having sent nothing; and the contexts then make a good connection as before. Alerts are asserted where
 * every engine sends libssl's (a hello of unknown suites only: handshake_failure) and counted elsewhere (it-tests
 * README, "Hostile hellos", compares them with libssl's).
 *
 * <p>{@code -Dlibssl4j.hellos=N} sets how many ClientHellos each engine gets (default {@value #DEFAULT_HELLOS}; the
 * ServerHellos are a third as many), {@code -Dlibssl4j.hellos.seed=S} the seed, {@code -Dlibssl4j.hellos.verbose=true}
 * prints every case with its outcome and bytes. Each run prints its tally, the figure the README quotes:
 * {@code hostile hellos: engine X server: N generated, outcomes by reason {...}, alerts by category {...}}.
 */
class HostileHelloGeneratorTest {
    static final int DEFAULT_HELLOS = 300;
    private static final int HELLOS = Integer.getInteger("libssl4j.hellos", DEFAULT_HELLOS);
    private static final long SEED = Long.getLong("libssl4j.hellos.seed", 0x14_03_2026L);
    /** Prints every case, its outcome and its bytes (to compare with libssl, it-tests README). */
    private static final boolean VERBOSE = Boolean.getBoolean("libssl4j.hellos.verbose");
    private static final int ALERT = 21;
    private static final int HANDSHAKE_FAILURE = 40;
    /** Failures listed in an assertion message, at most. */
    private static final int SHOWN = 15;

    /** What one side did with one hello: "accepted", or the reason it reported, and the alert it sent (-1: none). */
    private record Outcome(String reason, int alert) { }

    /** The tally of one engine's run: outcomes by reason, alerts by category, and the broken cases. */
    private static final class Tally {
        final Map<String, Integer> byReason = new TreeMap<>();
        final Map<String, Map<Integer, Integer>> alertsByCategory = new TreeMap<>();
        final List<String> broken = new ArrayList<>();
        final String label;
        /** The version a client's ServerHellos are of, for the verbose lines; "" on a server. */
        String version = "";
        int generated;

        Tally(String label) {
            this.label = label;
        }

        void add(HelloGenerator.Case c, Outcome o) {
            generated++;
            byReason.merge(o.reason(), 1, Integer::sum);
            if (!o.reason().equals("accepted")) {
                alertsByCategory.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(o.alert(), 1, Integer::sum);
            }
        }

        void broken(int index, HelloGenerator.Case c, String what) {
            broken.add("#" + index + " " + c.category() + ": " + what + " (" + hex(c.record()) + ")");
        }

        void assertClean(String side) {
            assertThat(broken.subList(0, Math.min(SHOWN, broken.size())))
                    .as(side + ": " + broken.size() + " hellos handled wrongly, the first ones").isEmpty();
        }
    }

    @EngineTest
    @DisplayName("HELLO-1 HELLO-2 HELLO-4 generated ClientHellos, unusual and malformed, fail a server only with a libssl reason, unknown suites only with libssl's handshake_failure, and the context then serves a good client")
    void clientHellosToServer(String engine) {
        List<HelloGenerator.Case> cases = new HelloGenerator(SEED).clientHellos(HELLOS);
        Tally tally = new Tally(engine + " server");
        try (SslCtx server = TestContexts.server(engine).build(); SslCtx good = TestContexts.client(engine).build()) {
            for (int i = 0; i < cases.size(); i++) {
                serverTakes(server, tally, i, cases.get(i));
            }
            print("server", engine, tally);
            tally.assertClean("server");
            // Every engine, like libssl (no shared cipher), sends handshake_failure for a hello of unknown suites only.
            assertThat(tally.alertsByCategory.getOrDefault("unknown suites only", Map.of()).keySet())
                    .as("alerts for unknown suites only").isSubsetOf(HANDSHAKE_FAILURE);
            goodHandshake(good, server);
        }
    }

    @EngineTest
    @DisplayName("HELLO-1 HELLO-3 HELLO-4 generated ServerHellos, mutations of a real one, fail a client only with a libssl reason, and the context then connects to a good server")
    void serverHellosToClient(String engine) {
        Tally tally = new Tally(engine + " client");
        int each = Math.max(1, HELLOS / 6); // for each version: a client costs more than a server (its key shares)
        for (int version : new int[] {Fixtures.TLS13, Fixtures.TLS12}) {
            tally.version = version == Fixtures.TLS13 ? " TLSv1.3" : " TLSv1.2";
            try (SslCtx client = Fixtures.ctx(engine, false, version, ctx -> { });
                 SslCtx server = Fixtures.ctx(engine, true, version, ctx -> { })) {
                byte[] serverHello = captureServerHello(client, server);
                List<HelloGenerator.Case> cases = new HelloGenerator(SEED + version).serverHellos(serverHello, each);
                // The ServerHello as captured is taken by a fresh client: the generator's base is sound.
                cases.add(0, new HelloGenerator.Case("as captured", HelloGenerator.record(serverHello)));
                for (int i = 0; i < cases.size(); i++) {
                    HelloGenerator.Case c = cases.get(i);
                    try (Ssl ssl = client.newSsl()) {
                        MemBio in = MemBio.create();
                        MemBio out = MemBio.create();
                        ssl.setBio(in, out);
                        ssl.setConnectState();
                        ssl.setTlsextHostName(TestCerts.HOST);
                        assertResult(ssl, ssl.connect(), -1, SslError.WANT_READ);
                        byte[] record = echoSessionId(c.record(), serverHello, out.drain());
                        in.write(record, 0, record.length);
                        Outcome o = judge(tally, i, c, ssl, () -> ssl.connect(), out);
                        if (i == 0) {
                            assertThat(o.reason()).as("the ServerHello as captured").isEqualTo("accepted");
                        }
                    }
                }
                goodHandshake(client, server);
            }
        }
        print("client", engine, tally);
        tally.assertClean("client");
    }

    @EngineTest
    @DisplayName("HELLO-5 a ClientHello whose server_name is not UTF-8, or not a DNS name, is taken or refused with a libssl reason, never internal error")
    void oddServerName(String engine) {
        // "localhost" with its third byte e3 (not UTF-8) or its first '|' (not a letter, digit or hyphen): libssl
        // 3.0.19 takes both (it refuses only a name with a zero byte).
        Tally tally = new Tally(engine + " server");
        try (SslCtx server = TestContexts.server(engine).build()) {
            for (int[] change : new int[][] {{2, 0xe3}, {0, '|'}}) {
                byte[] name = ClientHellos.serverName("localhost");
                name[5 + change[0]] = (byte) change[1];
                byte[] record = ClientHellos.standard().set(ClientHellos.SERVER_NAME, name).record();
                HelloGenerator.Case c = new HelloGenerator.Case("server_name " + Integer.toHexString(change[1]), record);
                Outcome o = serverTakes(server, tally, change[0], c);
                System.out.println("hostile hellos: engine " + engine + " server: " + c.category() + ": " + o);
            }
            tally.assertClean("server");
        }
    }

    /** A new server connection of {@code server} reads the hello of {@code c} in one accept(). */
    private static Outcome serverTakes(SslCtx server, Tally tally, int index, HelloGenerator.Case c) {
        try (Ssl ssl = server.newSsl()) {
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            ssl.setBio(in, out);
            ssl.setAcceptState();
            in.write(c.record(), 0, c.record().length);
            return judge(tally, index, c, ssl, () -> ssl.accept(), out);
        }
    }

    /** Runs {@code call} once on {@code ssl}, which has the hello in its read BIO, and records what came of it. */
    private static Outcome judge(Tally tally, int index, HelloGenerator.Case c, Ssl ssl,
                                 java.util.function.IntSupplier call, MemBio out) {
        SslErrorQueue.clear();
        int r;
        try {
            r = call.getAsInt();
        } catch (RuntimeException e) {
            tally.broken(index, c, "threw " + e);
            return new Outcome("exception", -1);
        }
        SslError error = ssl.getError(r);
        SslErrorEntry entry = SslErrorQueue.peek();
        byte[] written = out.drain();
        int alert = firstAlert(written);
        SslErrorQueue.clear();
        Outcome o;
        if (r > 0 || error == SslError.WANT_READ) {
            // A server that took a whole ClientHello answers it; one that sent nothing waits for bytes that will
            // not come (SunJSSE did, engine-jdk README Q22), unless the handshake length promised more.
            boolean waiting = ssl.isServer() && written.length == 0;
            if (waiting && wholeMessage(c.record())) {
                tally.broken(index, c, "waits for more with the whole hello read and nothing sent");
            }
            o = new Outcome(waiting ? "waiting, nothing sent" : "accepted", alert);
        } else if (error != SslError.SSL) {
            tally.broken(index, c, "returned " + r + ", " + error);
            o = new Outcome(String.valueOf(error), alert);
        } else if (entry == null) {
            tally.broken(index, c, "SSL_ERROR_SSL with an empty queue, alert " + alert);
            o = new Outcome("empty queue", alert);
        } else if (entry.library() != SslErrorEntry.LIB_SSL || entry.reason() == SslReason.INTERNAL_ERROR) {
            tally.broken(index, c, "reason " + entry + ", alert " + alert);
            o = new Outcome(entry.reasonString(), alert);
        } else {
            o = new Outcome(entry.reasonString(), alert);
        }
        tally.add(c, o);
        if (VERBOSE) {
            System.out.println("hello\t" + tally.label + tally.version + "\t" + index + "\t" + c.category() + "\t" + o.reason() + "\t" + o.alert() + "\t"
                    + (entry != null ? entry.detail() : "") + "\t" + hex(c.record()));
        }
        return o;
    }

    /** Whether {@code record}, one handshake record, holds its whole message (the handshake length is not more). */
    private static boolean wholeMessage(byte[] record) {
        return record.length >= 9 && 4 + HelloGenerator.read(record, 6, 3) <= record.length - 5;
    }

    /** A good client and server complete a handshake on these contexts. */
    private static void goodHandshake(SslCtx client, SslCtx server) {
        try (TestPair p = TestPair.create(client, server, 0)) {
            p.handshake();
            assertThat(p.server().isInitFinished()).as("a good handshake after the hostile hellos").isTrue();
        }
        SslErrorQueue.clear();
    }

    /** The ServerHello message {@code server} answers a ClientHello of {@code client} with. */
    private static byte[] captureServerHello(SslCtx client, SslCtx server) {
        try (Ssl c = client.newSsl(); Ssl s = server.newSsl()) {
            MemBio c2s = MemBio.create();
            MemBio s2c = MemBio.create();
            c.setBio(s2c, c2s);
            s.setBio(c2s, s2c);
            c.setConnectState();
            c.setTlsextHostName(TestCerts.HOST);
            s.setAcceptState();
            assertResult(c, c.connect(), -1, SslError.WANT_READ);
            assertResult(s, s.accept(), -1, SslError.WANT_READ);
            byte[] flight = s2c.drain();
            int at = PeerFlightTest.offsetInMessage(flight, HelloGenerator.SERVER_HELLO, 0);
            int len = (int) HelloGenerator.read(flight, at + 1, 3);
            return java.util.Arrays.copyOfRange(flight, at, at + 4 + len);
        }
    }

    /**
     * {@code record} with the session_id of {@code clientHello} (a record) where {@code serverHello} echoed the
     * capturing client's: a TLS 1.3 client checks the echo, and each client makes its own.
     */
    static byte[] echoSessionId(byte[] record, byte[] serverHello, byte[] clientHello) {
        int sid = 5 + 4 + 34; // record header, handshake header, version and random: the session_id length
        int length = serverHello[4 + 34] & 0xFF;
        if (length == 0 || clientHello.length <= sid || (clientHello[sid] & 0xFF) != length) {
            return record;
        }
        byte[] r = record.clone();
        for (int i = 1; i <= length && sid + i < r.length; i++) {
            r[sid + i] = clientHello[sid + i];
        }
        return r;
    }

    /** The description of the first plaintext alert record in {@code written}, or -1. */
    static int firstAlert(byte[] written) {
        for (int i = 0; i + 5 <= written.length; ) {
            int len = ((written[i + 3] & 0xFF) << 8) | (written[i + 4] & 0xFF);
            if (written[i] == ALERT && len == 2 && i + 7 <= written.length) {
                return written[i + 6] & 0xFF;
            }
            i += 5 + len;
        }
        return -1;
    }

    private static void print(String side, String engine, Tally t) {
        System.out.println("hostile hellos: engine " + engine + " " + side + ": " + t.generated
                + " generated, outcomes by reason " + t.byReason + ", alerts by category " + t.alertsByCategory);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
