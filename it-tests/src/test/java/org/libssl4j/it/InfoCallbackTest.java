package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.InfoCallback;
import org.libssl4j.Ssl;
import org.libssl4j.SslCb;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** The info callback ({@code SSL_CTX_set_info_callback}): handshake and alert events with OpenSSL's values (INFO). */
class InfoCallbackTest {

    /** The events one connection reported, as {@code where:ret}. */
    static final class Events implements InfoCallback {
        final List<int[]> list = new ArrayList<>();
        final List<Ssl> from = new ArrayList<>();

        @Override
        public void onInfo(Ssl ssl, int where, int ret) {
            list.add(new int[] {where, ret});
            from.add(ssl);
        }

        List<int[]> with(int bits) {
            return list.stream().filter(e -> (e[0] & bits) == bits).toList();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (int[] e : list) {
                b.append(String.format("0x%x:%d ", e[0], e[1]));
            }
            return b.toString();
        }
    }

    @EngineTest
    @DisplayName("INFO-1 a handshake reports HANDSHAKE_START first, LOOP as it moves, one HANDSHAKE_DONE, then EXIT with 1; every EXIT before it carries the call's -1; CONNECT_* on the client, ACCEPT_* on the server; TLS 1.2 and 1.3")
    void handshakeEvents(String engine) {
        for (int version : new int[] {SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION}) {
            try (TestPair p = Fixtures.pair(engine, version, 0)) {
                Events client = new Events();
                Events server = new Events();
                p.client().setInfoCallback(client);
                p.server().setInfoCallback(server);
                p.handshake();
                assertHandshake(client, SslCb.ST_CONNECT, p.client());
                assertHandshake(server, SslCb.ST_ACCEPT, p.server());
            }
        }
    }

    private static void assertHandshake(Events events, int side, Ssl ssl) {
        String what = events.toString();
        List<int[]> list = events.list;
        assertThat(list.get(0)).as(what).containsExactly(SslCb.HANDSHAKE_START, 1);
        assertThat(events.with(SslCb.HANDSHAKE_DONE)).as(what).hasSize(1);
        assertThat(events.with(SslCb.HANDSHAKE_START)).as(what).hasSize(1);
        assertThat(events.with(side | SslCb.LOOP)).as(what).isNotEmpty();
        assertThat(events.with(SslCb.ALERT)).as(what).isEmpty();
        assertThat(list.get(list.size() - 1)).as(what).containsExactly(side | SslCb.EXIT, 1);
        assertThat(list.get(list.size() - 2)).as(what).containsExactly(SslCb.HANDSHAKE_DONE, 1);
        for (int[] e : list.subList(0, list.size() - 1)) {
            if ((e[0] & SslCb.EXIT) != 0) {
                assertThat(e).as(what).containsExactly(side | SslCb.EXIT, -1);
            }
            assertThat(e[0] & (SslCb.ST_CONNECT | SslCb.ST_ACCEPT) & ~side).as(what).isZero();
        }
        assertThat(events.from).as("the Ssl passed").containsOnly(ssl);
    }

    @EngineTest
    @DisplayName("INFO-2 SSL_shutdown reports WRITE_ALERT 256 (warning close_notify); the peer's read of it reports READ_ALERT 256")
    void closeNotifyEvents(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            Events client = new Events();
            Events server = new Events();
            p.client().setInfoCallback(client);
            p.server().setInfoCallback(server);
            assertThat(p.client().shutdown()).isZero();
            assertThat(client.list).as(client.toString()).hasSize(1);
            assertThat(client.list.get(0)).containsExactly(SslCb.WRITE_ALERT, 256);
            assertThat(SslCb.alertTypeStringLong(256)).isEqualTo("warning");
            assertThat(p.server().read(new byte[16], 0, 16)).isZero();
            assertThat(server.list).as(server.toString()).hasSize(1);
            assertThat(server.list.get(0)).containsExactly(SslCb.READ_ALERT, 256);
        }
    }

    @EngineTest
    @DisplayName("INFO-3 a fatal alert the state machine sends is WRITE_ALERT (2 << 8 | description) and the peer's READ_ALERT the same: OPT-3's protocol_version, 0x246")
    void fatalAlertEvents(String engine) {
        try (TestPair p = TestPair.create(TestContexts.client(engine).build(), TestContexts.server(engine)
                .configure(c -> c.setOptions(SslOptions.NO_TLSv1_2 | SslOptions.NO_TLSv1_3)).build(), 0)) {
            Events client = new Events();
            Events server = new Events();
            p.client().setInfoCallback(client);
            p.server().setInfoCallback(server);
            assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
            assertResult(p.server(), p.server().accept(), -1, SslError.SSL);
            assertThat(server.with(SslCb.WRITE_ALERT)).as(server.toString()).hasSize(1);
            assertThat(server.with(SslCb.WRITE_ALERT).get(0)).containsExactly(SslCb.WRITE_ALERT, 0x246);
            assertThat(server.list.get(server.list.size() - 1)).containsExactly(SslCb.ACCEPT_EXIT, -1);
            assertThat(SslCb.alertTypeStringLong(0x246)).isEqualTo("fatal");
            assertResult(p.client(), p.client().connect(), -1, SslError.SSL);
            assertThat(client.with(SslCb.READ_ALERT)).as(client.toString()).hasSize(1);
            assertThat(client.with(SslCb.READ_ALERT).get(0)).containsExactly(SslCb.READ_ALERT, 0x246);
            assertThat(client.list.get(client.list.size() - 1)).containsExactly(SslCb.CONNECT_EXIT, -1);
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("INFO-4 the context's callback serves connections without their own, looked up at each event (set after SSL_new too); a connection's own replaces it")
    void contextCallback(String engine) {
        Events fromContext = new Events();
        Events own = new Events();
        try (SslCtx client = TestContexts.client(engine).build(); SslCtx server = TestContexts.server(engine).build();
                TestPair a = TestPair.create(client, server, 0); TestPair b = TestPair.create(client, server, 0)) {
            client.setInfoCallback(fromContext);
            assertThat(client.getInfoCallback()).isSameAs(fromContext);
            b.client().setInfoCallback(own);
            assertThat(b.client().getInfoCallback()).isSameAs(own);
            a.handshake();
            b.handshake();
            assertThat(fromContext.from).isNotEmpty().containsOnly(a.client());
            assertThat(own.from).isNotEmpty().containsOnly(b.client());
        }
    }

    @EngineTest
    @DisplayName("INFO-5 a callback that throws fails that handshake with 'callback failed' (234); another connection of the same context completes")
    void throwingCallback(String engine) {
        try (SslCtx client = TestContexts.client(engine).build(); SslCtx server = TestContexts.server(engine).build();
                TestPair bad = TestPair.create(client, server, 0); TestPair good = TestPair.create(client, server, 0)) {
            bad.client().setInfoCallback((ssl, where, ret) -> {
                if ((where & SslCb.LOOP) != 0) {
                    throw new IllegalStateException("boom");
                }
            });
            SslErrorQueue.clear();
            assertResult(bad.client(), bad.client().connect(), -1, SslError.SSL);
            assertReason(SslReason.CALLBACK_FAILED, "callback failed");
            SslErrorQueue.clear();
            assertThat(good.handshake()).isSameAs(good);
        }
        SslErrorQueue.clear();
    }
}
