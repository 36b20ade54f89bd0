package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCipher;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.TestPair;

/**
 * A context offers only forward-secret AEAD suites for TLS 1.2 until its cipher list is set (D6): no RSA key
 * exchange, no CBC; asking for libssl's {@code DEFAULT} brings them back.
 */
class SecureDefaultsTest {
    /** A TLS 1.2 peer that offers (or accepts) only RSA key exchange and CBC suites. */
    private static final String OLD_SUITES = "AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384";

    @EngineTest
    @DisplayName("D6 a new client or server context offers no TLS 1.2 suite with RSA key exchange or CBC: only forward-secret AEAD ones")
    void noRsaKeyExchangeNorCbc(String engine) {
        for (boolean server : new boolean[] {false, true}) {
            try (SslCtx ctx = Fixtures.ctx(engine, server, Fixtures.TLS12, c -> { })) {
                List<SslCipher> tls12 = ctx.getCipherList().stream().filter(c -> c.version().equals("TLSv1.2"))
                        .collect(Collectors.toList());
                assertThat(tls12).as((server ? "server" : "client") + " suites").isNotEmpty();
                assertThat(tls12).as("no RSA key exchange").noneMatch(c -> c.keyExchange().equals("RSA"));
                assertThat(tls12).as("AEAD only").allMatch(SslCipher::isAead);
            }
        }
    }

    @EngineTest
    @DisplayName("D6 a default server refuses a TLS 1.2 client that offers only RSA key exchange and CBC suites (no shared cipher), and a default client such a server")
    void refusesOldSuites(String engine) {
        try (SslCtx oldClient = Fixtures.ctx(engine, false, Fixtures.TLS12, c -> c.setCipherList(OLD_SUITES));
                SslCtx server = Fixtures.ctx(engine, true, Fixtures.TLS12, c -> { });
                TestPair p = TestPair.create(oldClient, server, 0)) {
            assertThat(handshake(p)).as("server's failure").isEqualTo(SslReason.NO_SHARED_CIPHER);
        }
        try (SslCtx client = Fixtures.ctx(engine, false, Fixtures.TLS12, c -> { });
                SslCtx oldServer = Fixtures.ctx(engine, true, Fixtures.TLS12, c -> c.setCipherList(OLD_SUITES));
                TestPair p = TestPair.create(client, oldServer, 0)) {
            assertThat(handshake(p)).as("the server finds none of the client's suites").isEqualTo(SslReason.NO_SHARED_CIPHER);
        }
    }

    @EngineTest
    @DisplayName("D6 setCipherList(\"DEFAULT\") asks for libssl's default: a client with it and a server with CBC suites only complete a TLS 1.2 handshake on a CBC suite")
    void defaultBringsThemBack(String engine) {
        try (SslCtx client = Fixtures.ctx(engine, false, Fixtures.TLS12, c -> c.setCipherList("DEFAULT"));
                SslCtx oldServer = Fixtures.ctx(engine, true, Fixtures.TLS12, c -> c.setCipherList(OLD_SUITES));
                TestPair p = TestPair.create(client, oldServer, 0).handshake()) {
            assertThat(SslCipher.of(p.client().getCipherName()).isAead()).as(p.client().getCipherName()).isFalse();
        }
    }

    /** Runs the handshake to its end: the server's first failure reason, 0 if both completed. */
    private static int handshake(TestPair p) {
        for (int i = 0; i < 50; i++) {
            SslErrorQueue.clear();
            int c = p.client().doHandshake();
            if (c <= 0 && p.client().getError(c) == SslError.SSL) {
                SslErrorQueue.clear();
                int s = p.server().doHandshake(); // reads the client's alert, or its own failure
                return s <= 0 && p.server().getError(s) == SslError.SSL ? serverReason() : -1;
            }
            SslErrorQueue.clear();
            int s = p.server().doHandshake();
            if (s <= 0 && p.server().getError(s) == SslError.SSL) {
                return serverReason();
            }
            if (c == 1 && s == 1) {
                return 0;
            }
        }
        return -1;
    }

    private static int serverReason() {
        int r = SslErrorQueue.peek().reason();
        SslErrorQueue.clear();
        return r;
    }
}
