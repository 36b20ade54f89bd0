package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslOptions;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** {@code SSL_OP_*} options with libssl's defaults and their effect on the wire (OPT; docs/SEMANTICS.md §5). */
class OptionsTest {
    /** A plaintext fatal protocol_version alert, as libssl 3.0 writes it when no version is left (OPT-3). */
    private static final byte[] PROTOCOL_VERSION_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};

    @EngineTest
    @DisplayName("OPT-1 a new context has libssl 3.0's default options, NO_COMPRESSION and ENABLE_MIDDLEBOX_COMPAT (0x120000), and its connections inherit them")
    void defaults(String engine) {
        try (SslCtx ctx = TestContexts.client(engine).build(); Ssl ssl = ctx.newSsl()) {
            long expected = SslOptions.NO_COMPRESSION | SslOptions.ENABLE_MIDDLEBOX_COMPAT;
            assertThat(expected).isEqualTo(0x120000L);
            assertThat(ctx.getOptions()).isEqualTo(expected);
            assertThat(ssl.getOptions()).isEqualTo(expected);
            assertThat(ctx.clearOptions(SslOptions.NO_COMPRESSION)).isEqualTo(SslOptions.ENABLE_MIDDLEBOX_COMPAT);
        }
    }

    @EngineTest
    @DisplayName("OPT-3 a client with NO_TLSv1_2 and NO_TLSv1_3 fails at connect with 'no protocols available' and writes a plaintext protocol_version alert, as libssl")
    void clientWithoutVersions(String engine) {
        try (SslCtx ctx = TestContexts.client(engine)
                .configure(c -> c.setOptions(SslOptions.NO_TLSv1_2 | SslOptions.NO_TLSv1_3)).build();
                Ssl ssl = ctx.newSsl()) {
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            ssl.setBio(in, out);
            ssl.setTlsextHostName(TestCerts.HOST);
            SslErrorQueue.clear();
            assertResult(ssl, ssl.connect(), -1, SslError.SSL);
            assertReason(SslReason.NO_PROTOCOLS_AVAILABLE, "no protocols available");
            assertThat(out.drain()).as("what the client wrote").containsExactly(PROTOCOL_VERSION_ALERT);
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("OPT-3 a server with NO_TLSv1_2 and NO_TLSv1_3 fails on the ClientHello with 'no protocols available'; the client reads its protocol_version alert")
    void serverWithoutVersions(String engine) {
        try (TestPair p = TestPair.create(TestContexts.client(engine).build(), TestContexts.server(engine)
                .configure(c -> c.setOptions(SslOptions.NO_TLSv1_2 | SslOptions.NO_TLSv1_3)).build(), 0)) {
            assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().accept(), -1, SslError.SSL);
            assertReason(SslReason.NO_PROTOCOLS_AVAILABLE, "no protocols available");
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().connect(), -1, SslError.SSL);
            assertReason(SslReason.TLSV1_ALERT_PROTOCOL_VERSION, "tlsv1 alert protocol version");
        }
        SslErrorQueue.clear();
    }

    @EngineTest
    @DisplayName("OPT-5 the ClientHello offers only the null compression method, with NO_COMPRESSION and without it (libssl built without zlib does the same)")
    void noCompression(String engine) {
        for (boolean cleared : new boolean[] {false, true}) {
            try (SslCtx ctx = TestContexts.client(engine).configure(c -> {
                        if (cleared) {
                            c.clearOptions(SslOptions.NO_COMPRESSION);
                        }
                    }).build();
                    Ssl ssl = ctx.newSsl()) {
                MemBio in = MemBio.create();
                MemBio out = MemBio.create();
                ssl.setBio(in, out);
                ssl.setTlsextHostName(TestCerts.HOST);
                assertResult(ssl, ssl.connect(), -1, SslError.WANT_READ);
                assertThat(compressionMethods(out.drain())).as("compression methods, NO_COMPRESSION cleared: " + cleared)
                        .containsExactly((byte) 0);
            }
        }
    }

    /** The compression methods of the ClientHello at the start of {@code flight} (one record holds it). */
    private static byte[] compressionMethods(byte[] flight) {
        int p = 5 + 4 + 2 + 32; // record header, handshake header, legacy_version, random
        p += 1 + (flight[p] & 0xff); // session id
        p += 2 + (((flight[p] & 0xff) << 8) | (flight[p + 1] & 0xff)); // cipher suites
        return java.util.Arrays.copyOfRange(flight, p + 1, p + 1 + (flight[p] & 0xff));
    }
}
