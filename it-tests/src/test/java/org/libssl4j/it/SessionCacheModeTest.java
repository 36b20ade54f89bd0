package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslOptions;
import org.libssl4j.SslSession;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** {@code SSL_CTX_set_session_cache_mode} (SESS-7). */
@ExtendWith(ClearErrorQueue.class)
class SessionCacheModeTest {

    /** Whether the second connection resumed the first one's session, as the server and the client say. */
    private static boolean[] resumeOnce(SslCtx cctx, SslCtx sctx) {
        SslSession first;
        try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
            SessionTest.exchange(p); // the client reads a TLS 1.3 ticket with the data
            first = p.client().getSession();
        }
        try (TestPair p = TestPair.create(cctx, sctx, 0)) {
            assertThat(p.client().setSession(first)).isEqualTo(1);
            p.handshake();
            return new boolean[] {p.server().sessionReused(), p.client().sessionReused()};
        }
    }

    @EngineTest
    @DisplayName("SESS-7 a context starts with SESS_CACHE_SERVER; setSessionCacheMode returns the previous mode and refuses unknown bits")
    void defaults(String engine) {
        try (SslCtx ctx = TestContexts.server(engine).build()) {
            assertThat(ctx.getSessionCacheMode()).isEqualTo(SslCtx.SESS_CACHE_SERVER);
            assertThat(ctx.setSessionCacheMode(SslCtx.SESS_CACHE_OFF)).isEqualTo(SslCtx.SESS_CACHE_SERVER);
            assertThat(ctx.setSessionCacheMode(SslCtx.SESS_CACHE_BOTH | SslCtx.SESS_CACHE_NO_INTERNAL))
                    .isEqualTo(SslCtx.SESS_CACHE_OFF);
            assertThatThrownBy(() -> ctx.setSessionCacheMode(0x4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-7 a server without tickets (NO_TICKET) resumes only while its cache mode keeps sessions: SESS_CACHE_OFF, or SERVER with NO_INTERNAL_STORE or NO_INTERNAL_LOOKUP, gives a full handshake and an empty cache; TLS 1.2 by session id, TLS 1.3 by libssl's stateful ticket (capability TICKET_CONTROL, and TLS1_3_RESUMPTION on TLS 1.3)")
    void withoutTicketsResumptionNeedsTheCache(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.TICKET_CONTROL);
        if (version == Fixtures.TLS13) {
            TestEngines.assumeCapability(engine, Capability.TLS1_3_RESUMPTION);
            if (engine.equals("conscrypt")) {
                org.junit.jupiter.api.Assumptions.abort("ledger CS-4 (docs/SEMANTICS.md section 7): BoringSSL has no "
                        + "stateful TLS 1.3 tickets, so with NO_TICKET nothing resumes whatever the cache mode");
            }
        }
        for (int mode : new int[] {SslCtx.SESS_CACHE_SERVER, SslCtx.SESS_CACHE_OFF,
                SslCtx.SESS_CACHE_SERVER | SslCtx.SESS_CACHE_NO_INTERNAL_STORE,
                SslCtx.SESS_CACHE_SERVER | SslCtx.SESS_CACHE_NO_INTERNAL_LOOKUP}) {
            try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                    SslCtx sctx = TestContexts.server(engine).only(version).configure(c -> {
                        c.setOptions(SslOptions.NO_TICKET);
                        c.setSessionCacheMode(mode);
                    }).build()) {
                boolean keeps = mode == SslCtx.SESS_CACHE_SERVER;
                boolean[] reused = resumeOnce(cctx, sctx);
                assertThat(reused).as("mode 0x%x: server, client reused", mode).containsExactly(keeps, keeps);
                if (!keeps) {
                    assertThat(sctx.sessNumber()).as("mode 0x%x: sessions in the server's cache", mode).isZero();
                }
            }
        }
    }

    @EngineTest
    @DisplayName("SESS-7 with tickets on, SESS_CACHE_OFF changes no resumption: a TLS 1.3 server resumes from its ticket, which carries the session, as libssl's stateless tickets do (capability TLS1_3_RESUMPTION)")
    void ticketsNeedNoCache(String engine) {
        TestEngines.assumeCapability(engine, Capability.TLS1_3_RESUMPTION);
        try (SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS13).build();
                SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS13)
                        .configure(c -> c.setSessionCacheMode(SslCtx.SESS_CACHE_OFF)).build()) {
            assertThat(resumeOnce(cctx, sctx)).containsExactly(true, true);
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-8 a session offered after its server context's timeout (setTimeout(1), offered 2.1 s later) gives a full handshake, as libssl's server checks the session's time (capability SESSION_TIMEOUT)")
    void expiredSessionIsNotResumed(String engine, int version) throws InterruptedException {
        TestEngines.assumeCapability(engine, Capability.SESSION_TIMEOUT);
        if (version == Fixtures.TLS13) {
            TestEngines.assumeCapability(engine, Capability.TLS1_3_RESUMPTION);
        }
        assertThat(expiredResumes(engine, version)).isFalse();
    }

    /** Whether a server of {@code engine} with a 1 s timeout resumes a session offered 2.1 s after it was made. */
    static boolean expiredResumes(String engine, int version) throws InterruptedException {
        try (SslCtx cctx = TestContexts.client(engine).only(version).build();
                SslCtx sctx = TestContexts.server(engine).only(version).configure(c -> c.setTimeout(1)).build()) {
            SslSession first;
            try (TestPair p = TestPair.create(cctx, sctx, 0).handshake()) {
                SessionTest.exchange(p);
                first = p.client().getSession();
            }
            Thread.sleep(2100);
            try (TestPair p = TestPair.create(cctx, sctx, 0)) {
                assertThat(p.client().setSession(first)).isEqualTo(1);
                p.handshake();
                return p.server().sessionReused();
            }
        }
    }
}
