package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslCtx;
import org.libssl4j.SslSession;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Sessions: {@code SSL_get1_session}, {@code SSL_set_session}, {@code SSL_session_reused} (SESS-3 ...). */
@ExtendWith(ClearErrorQueue.class)
class SessionTest {

    static Stream<Arguments> pairsAndVersions() {
        return TestEngines.pairs().flatMap(pair -> Stream.of("TLSv1.3", "TLSv1.2")
                .map(version -> Arguments.of(pair.get()[0], pair.get()[1], version)));
    }

    @ParameterizedTest(name = "[{0} client, {1} server, {2}]")
    @DisplayName("SESS-3 a client that offers the session of its first connection (setSession) resumes it: sessionReused on both sides, data moves")
    @MethodSource("pairsAndVersions")
    void resumes(String clientEngine, String serverEngine, String version) {
        if (version.equals("TLSv1.3")) {
            TestEngines.assumeCapability(clientEngine, Capability.TLS1_3_RESUMPTION);
            TestEngines.assumeCapability(serverEngine, Capability.TLS1_3_RESUMPTION);
        }
        try (SslCtx cctx = TestContexts.client(clientEngine).only(version).build();
             SslCtx sctx = TestContexts.server(serverEngine).only(version).build()) {
            SslSession first;
            try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
                exchange(p);
                assertThat(p.client().sessionReused()).isFalse();
                assertThat(p.server().sessionReused()).isFalse();
                first = p.client().getSession();
                assertThat(first).isNotNull();
                assertThat(first.getProtocol()).isEqualTo(version);
                assertThat(first.getCipherName()).isEqualTo(p.client().getCipherName());
                assertThat(first.isResumable()).isTrue();
            }
            try (TestPair p = TestPair.create(cctx, sctx, 0)) {
                assertThat(p.client().setSession(first)).isEqualTo(1);
                p.handshake();
                exchange(p);
                System.out.printf("SESS-3 %s client, %s server, %s: client reused %s, server reused %s%n", clientEngine,
                        serverEngine, version, p.client().sessionReused(), p.server().sessionReused());
                assertThat(p.client().sessionReused()).as("client reused").isTrue();
                assertThat(p.server().sessionReused()).as("server reused").isTrue();
                SslSession second = p.client().getSession();
                assertThat(second.getTimeMillis()).as("a resumed session keeps its creation time").isEqualTo(first.getTimeMillis());
                assertThat(second.getCipherName()).isEqualTo(first.getCipherName());
                assertThat(second.getPeer()).isEqualTo(first.getPeer());
            }
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-3 without setSession a second connection of the same contexts is a full handshake: libssl offers no session unless told")
    void noSessionNoResumption(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
             SslCtx sctx = TestContexts.server(engine).only(version).build()) {
            for (int i = 0; i < 2; i++) {
                try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
                    exchange(p);
                    assertThat(p.client().sessionReused()).as("connection %d", i).isFalse();
                    assertThat(p.server().sessionReused()).as("connection %d", i).isFalse();
                }
            }
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-4 a session taken before the handshake finished, or from a failed one, is not resumable; offered, it gives a full handshake")
    void unfinishedNotResumable(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
             SslCtx sctx = TestContexts.server(engine).only(version).build()) {
            SslSession unfinished;
            try (TestPair p = TestPair.create(cctx, sctx, 0)) {
                assertThat(p.client().getSession()).as("before the handshake").isNull();
                int r = p.client().doHandshake();
                assertThat(p.client().getError(r)).isEqualTo(SslError.WANT_READ);
                unfinished = p.client().getSession();
                if (unfinished != null) {
                    assertThat(unfinished.isResumable()).as("after the ClientHello").isFalse();
                }
            }
            SslSession failed;
            try (SslCtx other = TestContexts.server(engine).only(version == Fixtures.TLS13 ? Fixtures.TLS12 : Fixtures.TLS13).build();
                 TestPair p = TestPair.create(cctx, other, 0)) {
                for (int i = 0; i < 10; i++) {
                    p.client().doHandshake();
                    p.server().doHandshake();
                }
                SslErrorQueue.clear();
                assertThat(p.client().isInitFinished()).isFalse();
                failed = p.client().getSession();
                if (failed != null) {
                    assertThat(failed.isResumable()).as("after a failed handshake").isFalse();
                }
            }
            assertThat(reconnect(cctx, sctx, failed != null ? failed : unfinished)).containsExactly(false, false);
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-5 a session offered to a server that does not know it (another context) gives a full handshake, and data moves")
    void unknownSessionFullHandshake(String engine, int version) {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
             SslCtx sctx = TestContexts.server(engine).only(version).build();
             SslCtx forgetful = TestContexts.server(engine).only(version).build()) {
            SslSession first;
            try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
                exchange(p);
                first = p.client().getSession();
            }
            assertThat(reconnect(cctx, forgetful, first)).containsExactly(false, false);
        }
    }

    @EngineTest
    @DisplayName("SESS-6 SSL_OP_NO_TICKET: a TLS 1.2 server sends no session_ticket extension and resumes by session id; an engine without TICKET_CONTROL refuses the option")
    void noTicket(String engine) {
        try (SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS12).build();
             SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS12).build()) {
            SslErrorQueue.clear();
            long mask = sctx.setOptions(SslOptions.NO_TICKET);
            if (!org.libssl4j.Engines.get(engine).has(Capability.TICKET_CONTROL)) {
                assertThat(mask & SslOptions.NO_TICKET).isZero();
                SslErrorEntry e = SslErrorQueue.get();
                assertThat(e).isNotNull();
                assertThat(e.reason()).isEqualTo(SslReason.UNSUPPORTED);
                try (Ssl ssl = sctx.newSsl()) {
                    assertThat(ssl.setOptions(SslOptions.NO_TICKET) & SslOptions.NO_TICKET).isZero();
                    assertThat(SslErrorQueue.get().reason()).isEqualTo(SslReason.UNSUPPORTED);
                }
                TestEngines.assumeCapability(engine, Capability.TICKET_CONTROL);
            }
            assertThat(mask & SslOptions.NO_TICKET).isNotZero();
            assertThat(SslErrorQueue.peek()).isNull();
            try (TestPair p = TestPair.create(cctx, sctx, 0)) {
                p.client().doHandshake();
                p.server().doHandshake();
                byte[] flight = new byte[20000];
                int n = p.clientBio().read(flight, 0, flight.length);
                assertThat(serverHelloExtensions(flight, n)).as("ServerHello extensions").doesNotContain(0x0023);
            }
            SslSession first;
            try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
                exchange(p);
                first = p.client().getSession();
                assertThat(first.getId()).as("a session id to resume by").isNotEmpty();
            }
            assertThat(reconnect(cctx, sctx, first)).as("reused on client, server").containsExactly(true, true);
        }
    }

    /** The extension types of the ServerHello at the start of {@code flight} (a TLS 1.2 server's first flight). */
    static java.util.List<Integer> serverHelloExtensions(byte[] flight, int n) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(flight, 0, n);
        assertThat(b.get()).as("record type").isEqualTo((byte) 22);
        b.getShort();
        b.getShort();
        assertThat(b.get()).as("handshake type ServerHello").isEqualTo((byte) 2);
        b.position(b.position() + 3 + 2 + 32); // length, version, random
        b.position(b.position() + (b.get() & 0xff)); // session id
        b.getShort(); // cipher suite
        b.get(); // compression
        java.util.List<Integer> types = new java.util.ArrayList<>();
        if (!b.hasRemaining()) {
            return types;
        }
        int end = (b.getShort() & 0xffff) + b.position();
        while (b.position() < end) {
            types.add(b.getShort() & 0xffff);
            b.position(b.position() + (b.getShort() & 0xffff));
        }
        return types;
    }

    /** A connection of these contexts whose client offers {@code session}; whether each side reused it, data moved. */
    static boolean[] reconnect(SslCtx cctx, SslCtx sctx, SslSession session) {
        try (TestPair p = TestPair.create(cctx, sctx, 0)) {
            assertThat(p.client().setSession(session)).isEqualTo(1);
            p.handshake();
            exchange(p);
            return new boolean[] {p.client().sessionReused(), p.server().sessionReused()};
        }
    }

    static void exchange(TestPair p) {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertThat(p.client().write(hello)).isEqualTo(5);
        byte[] buf = new byte[16];
        assertThat(p.server().read(buf, 0, buf.length)).isEqualTo(5);
        assertThat(p.server().write(hello)).isEqualTo(5);
        assertThat(read(p.client(), buf)).isEqualTo(5);
    }

    /** A read that takes post-handshake records (tickets) before the data. */
    static int read(Ssl ssl, byte[] buf) {
        int r = -1;
        for (int i = 0; i < 5 && r <= 0; i++) {
            r = ssl.read(buf, 0, buf.length);
        }
        return r;
    }
}
