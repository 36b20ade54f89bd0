package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCtx;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** The server's session cache can be bounded, as with {@code SSL_CTX_sess_set_cache_size} (SESS-n). */
class SessionCacheTest {

    @EngineTest
    @DisplayName("SESS-1 the session cache size and timeout start at libssl's defaults (20480, 7200 s), return the previous value when set, and refuse a negative one")
    void defaults(String engine) {
        try (SslCtx ctx = TestContexts.server(engine).build()) {
            assertThat(ctx.sessGetCacheSize()).isEqualTo(20_480);
            assertThat(ctx.getTimeout()).isEqualTo(7_200);
            assertThat(ctx.sessSetCacheSize(3)).isEqualTo(20_480);
            assertThat(ctx.sessGetCacheSize()).isEqualTo(3);
            assertThat(ctx.setTimeout(60)).isEqualTo(7_200);
            assertThat(ctx.getTimeout()).isEqualTo(60);
            assertThatThrownBy(() -> ctx.sessSetCacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ctx.setTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @EngineVersionTest
    @DisplayName("SESS-2 a context whose cache size is 3 holds at most 3 sessions after 8 full handshakes, as a server and as a client")
    void boundedCache(String engine, int version) {
        for (boolean serverSide : new boolean[] {true, false}) {
            long bounded = sessionsAfter(engine, version, serverSide, 3, 8);
            long unbounded = sessionsAfter(engine, version, serverSide, SslCtx.SESSION_CACHE_MAX_SIZE_DEFAULT, 8);
            System.out.printf("session cache, engine %s, %s, version 0x%x: %d sessions with a limit of 3, %d without%n",
                    engine, serverSide ? "server" : "client", version, bounded, unbounded);
            assertThat(bounded).as("%s: sessions cached with a limit of 3 (without: %d)", serverSide ? "server" : "client",
                    unbounded).isLessThanOrEqualTo(3);
            if (unbounded > 3) {
                assertThat(bounded).isLessThan(unbounded);
            }
        }
    }

    /**
     * The count in one context's cache after {@code connections} full handshakes: a server context meeting a new
     * client context each time, or a client context meeting a new server context each time (so nothing resumes).
     */
    private static long sessionsAfter(String engine, int version, boolean serverSide, long cacheSize, int connections) {
        try (SslCtx kept = (serverSide ? TestContexts.server(engine) : TestContexts.client(engine)).only(version).build()) {
            kept.sessSetCacheSize(cacheSize);
            for (int i = 0; i < connections; i++) {
                try (SslCtx other = (serverSide ? TestContexts.client(engine) : TestContexts.server(engine)).only(version).build();
                     TestPair p = (serverSide ? TestPair.create(other, kept, 0) : TestPair.create(kept, other, 0)).handshake()) {
                    Fixtures.settle(p);
                }
            }
            return kept.sessNumber();
        }
    }
}
