package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.KeylogCallback;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.SslSession;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * The key-log callback ({@code SSL_CTX_set_keylog_callback}, {@code Capability.KEYLOG}): NSS key-log lines as libssl
 * writes them, checked against the ClientHello's random read off the wire and against the other side's lines (the
 * two sides derive their secrets independently, so equal lines are secrets, not noise). Nothing is decrypted.
 */
class KeylogTest {

    private static final List<String> TLS13_LABELS = List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
            "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");

    /** The lines one context's callback got. */
    static final class Lines implements KeylogCallback {
        final List<String> list = new ArrayList<>();
        final List<Ssl> from = new ArrayList<>();

        @Override
        public void onKeylog(Ssl ssl, String line) {
            list.add(line);
            from.add(ssl);
        }

        /** Label to the rest of the line; fails when a label comes twice. */
        Map<String, String> byLabel() {
            Map<String, String> map = new TreeMap<>();
            for (String line : list) {
                String[] f = line.split(" ");
                assertThat(f).as(line).hasSize(3);
                assertThat(map.put(f[0], f[1] + " " + f[2])).as("a second " + f[0] + " in " + list).isNull();
            }
            return map;
        }
    }

    /** One handshake's record: the ClientHello's random off the wire, both sides' lines, and the pair's state. */
    record Handshake(String random, Lines client, Lines server, String cipher, boolean reused, SslSession session) {
    }

    /** A handshake of the two contexts (a resumption of {@code resume} if not null), capturing the ClientHello. */
    private static Handshake run(SslCtx cctx, SslCtx sctx, SslSession resume) {
        Lines client = new Lines();
        Lines server = new Lines();
        cctx.setKeylogCallback(client);
        sctx.setKeylogCallback(server);
        try (TestPair p = TestPair.create(cctx, sctx, 0)) {
            if (resume != null) {
                assertThat(p.client().setSession(resume)).isEqualTo(1);
            }
            MemBio capture = MemBio.create();
            p.client().setWbio(capture);
            assertThat(p.client().connect()).isEqualTo(-1);
            assertThat(p.client().getError(-1)).isEqualTo(SslError.WANT_READ);
            byte[] hello = capture.drain();
            assertThat(hello[0]).as("a handshake record").isEqualTo((byte) 22);
            assertThat(hello[5]).as("a ClientHello").isEqualTo((byte) 1);
            p.client().setWbio(p.clientBio());
            assertThat(p.clientBio().write(hello, 0, hello.length)).isEqualTo(hello.length);
            p.handshake();
            Fixtures.settle(p);
            assertThat(client.from).containsOnly(p.client());
            assertThat(server.from).containsOnly(p.server());
            return new Handshake(HexFormat.of().formatHex(hello, 11, 43), client, server, p.client().getCipherName(),
                    p.client().sessionReused() && p.server().sessionReused(), p.client().getSession());
        }
    }

    /** Every line names the wire's random, both sides logged the same lines, each secret is the suite's hash long. */
    private static Map<String, String> assertLines(Handshake h) {
        Map<String, String> client = h.client().byLabel();
        assertThat(h.server().byLabel()).as("the server's lines equal the client's").isEqualTo(client);
        int hexLength = h.cipher().endsWith("SHA384") ? 96 : 64;
        for (Map.Entry<String, String> e : client.entrySet()) {
            String[] f = e.getValue().split(" ");
            assertThat(f[0]).as(e.getKey() + ": the ClientHello's random").isEqualTo(h.random());
            int expected = e.getKey().equals("CLIENT_RANDOM") ? 96 : hexLength;
            assertThat(f[1]).as(e.getKey() + " " + h.cipher()).hasSize(expected).matches("[0-9a-f]+");
        }
        return client;
    }

    private static Map<String, String> assertTls13(Handshake h) {
        Map<String, String> lines = assertLines(h);
        assertThat(lines.keySet()).as(h.client().list.toString()).containsAll(TLS13_LABELS);
        assertThat(lines.keySet()).as("only the traffic secrets and the exporter's")
                .isSubsetOf(concat(TLS13_LABELS, "EXPORTER_SECRET"));
        return lines;
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    @EngineTest
    @DisplayName("KEYLOG-1 TLS 1.2: one CLIENT_RANDOM line per side, <ClientHello random> <48-byte master secret> in lower-case hex, the same on both sides; again with the new random on a resumed handshake")
    void tls12(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEYLOG);
        try (SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS12).build();
             SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS12).build()) {
            Handshake full = run(cctx, sctx, null);
            assertThat(assertLines(full).keySet()).containsExactly("CLIENT_RANDOM");
            Handshake resumed = run(cctx, sctx, full.session());
            assertThat(resumed.reused()).as("resumed").isTrue();
            Map<String, String> again = assertLines(resumed);
            assertThat(again.keySet()).containsExactly("CLIENT_RANDOM");
            assertThat(resumed.random()).isNotEqualTo(full.random());
            assertThat(again.get("CLIENT_RANDOM").split(" ")[1]).as("a resumed session keeps its master secret")
                    .isEqualTo(assertLines(full).get("CLIENT_RANDOM").split(" ")[1]);
        }
    }

    @EngineTest
    @DisplayName("KEYLOG-2 TLS 1.3: CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0 once per side (EXPORTER_SECRET at most once), each <ClientHello random> <secret as long as the suite's hash>, the same on both sides")
    void tls13(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEYLOG);
        for (String suite : new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"}) {
            try (SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS13).build();
                 SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS13).build()) {
                assertThat(cctx.setCiphersuites(suite)).isEqualTo(1);
                Handshake h = run(cctx, sctx, null);
                assertThat(h.cipher()).isEqualTo(suite);
                Map<String, String> lines = assertTls13(h);
                assertThat(lines.values().stream().map(v -> v.split(" ")[1]).distinct()).as("distinct secrets")
                        .hasSize(lines.size());
            }
        }
    }

    @EngineTest
    @DisplayName("KEYLOG-3 a resumed TLS 1.3 handshake logs the four traffic secrets again, with the new ClientHello's random and new secrets")
    void tls13Resumed(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEYLOG);
        TestEngines.assumeCapability(engine, Capability.TLS1_3_RESUMPTION);
        try (SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS13).build();
             SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS13).build()) {
            Handshake full = run(cctx, sctx, null);
            Map<String, String> first = assertTls13(full);
            Handshake resumed = run(cctx, sctx, full.session());
            assertThat(resumed.reused()).as("resumed").isTrue();
            Map<String, String> second = assertTls13(resumed);
            assertThat(resumed.random()).isNotEqualTo(full.random());
            for (String label : TLS13_LABELS) {
                assertThat(second.get(label)).as(label).isNotEqualTo(first.get(label));
            }
        }
    }

    @EngineTest
    @DisplayName("KEYLOG-4 a key-log callback that throws fails that handshake with 'callback failed'")
    void throwingCallback(String engine) {
        TestEngines.assumeCapability(engine, Capability.KEYLOG);
        try (SslCtx cctx = TestContexts.client(engine).only(Fixtures.TLS13).build();
             SslCtx sctx = TestContexts.server(engine).only(Fixtures.TLS13).build();
             TestPair p = TestPair.create(cctx, sctx, 0)) {
            sctx.setKeylogCallback((ssl, line) -> {
                throw new IllegalStateException("refused");
            });
            int rc = 0;
            for (int round = 0; round < 10; round++) {
                SslErrorQueue.clear();
                p.client().connect();
                SslErrorQueue.clear();
                rc = p.server().accept();
                if (rc == -1 && p.server().getError(rc) == SslError.SSL) {
                    break;
                }
            }
            assertThat(p.server().getError(rc)).isEqualTo(SslError.SSL);
            assertReason(SslReason.CALLBACK_FAILED, "callback failed");
        }
    }

    @EngineTest
    @DisplayName("KEYLOG-5 on an engine without KEYLOG, setKeylogCallback keeps no callback and queues 'unsupported'")
    void unsupported(String engine) {
        TestEngines.assumeLacks(engine, Capability.KEYLOG);
        try (SslCtx ctx = TestContexts.client(engine).build()) {
            SslErrorQueue.clear();
            ctx.setKeylogCallback((ssl, line) -> { });
            assertThat(ctx.getKeylogCallback()).isNull();
            assertReason(SslReason.UNSUPPORTED, "unsupported");
            SslErrorQueue.clear();
            ctx.setKeylogCallback(null);
            assertThat(SslErrorQueue.peek()).as("null is no callback, always allowed").isNull();
        }
    }
}
