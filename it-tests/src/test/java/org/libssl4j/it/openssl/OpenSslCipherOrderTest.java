package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.SslCtx;
import org.libssl4j.SslOptions;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Whose cipher order wins (CIPHER-2, CIPHER-3; the TLS 1.3 server order is not asserted, see CIPHER-3): our server allows two suites in one order, {@code openssl s_client}
 * offers them in the other. libssl takes the client's first unless the server's context has
 * {@code SSL_OP_CIPHER_SERVER_PREFERENCE}, then the server's first. Both orders are tried, so that an engine with a
 * fixed preference of its own cannot pass by chance.
 *
 * <p>Needs the {@code openssl} command-line tool (see {@link OpenSslProcess}).
 */
class OpenSslCipherOrderTest extends OpenSslTestBase {
    static final String ECDHE_128 = "ECDHE-RSA-AES128-GCM-SHA256";
    static final String ECDHE_256 = "ECDHE-RSA-AES256-GCM-SHA384";
    static final String TLS13_128 = "TLS_AES_128_GCM_SHA256";
    static final String TLS13_256 = "TLS_AES_256_GCM_SHA384";

    /** engine, the server's first suite, its second, whether the server's order wins. */
    static Stream<Arguments> cases() {
        return TestEngines.names().flatMap(engine -> Stream.of(
                Arguments.of(engine, "A", "B", false), Arguments.of(engine, "B", "A", false),
                Arguments.of(engine, "A", "B", true), Arguments.of(engine, "B", "A", true)));
    }

    @ParameterizedTest(name = "[{0}] server {1}:{2}, client {2}:{1}, CIPHER_SERVER_PREFERENCE {3}")
    @DisplayName("CIPHER-2 TLS 1.2: s_client offers the server's two ECDHE suites in the opposite order; the client's first is chosen, the server's with CIPHER_SERVER_PREFERENCE")
    @MethodSource("cases")
    void tls12(String engine, String first, String second, boolean serverPreference) throws Exception {
        String a = first.equals("A") ? ECDHE_128 : ECDHE_256;
        String b = first.equals("A") ? ECDHE_256 : ECDHE_128;
        String chosen = negotiate(engine, serverPreference, ctx -> ctx.setCipherList(a + ":" + b),
                "TLSv1.2", "-cipher", b + ":" + a);
        assertThat(chosen).isEqualTo(serverPreference ? a : b);
    }

    /** engine, the server's first suite, its second; without the option (CIPHER-3: not the server's order). */
    static Stream<Arguments> clientOrderCases() {
        return cases().filter(a -> !(Boolean) a.get()[3]);
    }

    @ParameterizedTest(name = "[{0}] server {1}:{2}, client {2}:{1}, CIPHER_SERVER_PREFERENCE {3}")
    @DisplayName("CIPHER-3 TLS 1.3: s_client offers the server's two suites (setCiphersuites) in the opposite order; without CIPHER_SERVER_PREFERENCE the client's first is chosen")
    @MethodSource("clientOrderCases")
    void tls13(String engine, String first, String second, boolean serverPreference) throws Exception {
        String a = first.equals("A") ? TLS13_128 : TLS13_256;
        String b = first.equals("A") ? TLS13_256 : TLS13_128;
        String chosen = negotiate(engine, serverPreference, ctx -> ctx.setCiphersuites(a + ":" + b),
                "TLSv1.3", "-ciphersuites", b + ":" + a);
        assertThat(chosen).isEqualTo(serverPreference ? a : b);
    }

    static final String ECDHE_CHACHA = "ECDHE-RSA-CHACHA20-POLY1305";
    static final String TLS13_CHACHA = "TLS_CHACHA20_POLY1305_SHA256";

    /** engine, version, whether the client lists ChaCha20 first, PRIORITIZE_CHACHA; the server prefers its AES suite. */
    static Stream<Arguments> chachaCases() {
        return TestEngines.names().flatMap(engine -> Stream.of("TLSv1.2", "TLSv1.3").flatMap(version -> Stream.of(
                Arguments.of(engine, version, true, true), Arguments.of(engine, version, true, false),
                Arguments.of(engine, version, false, true))));
    }

    @ParameterizedTest(name = "[{0}] {1}, client's first ChaCha20 {2}, PRIORITIZE_CHACHA {3}")
    @DisplayName("OPT-4 with CIPHER_SERVER_PREFERENCE and PRIORITIZE_CHACHA a server that lists AES-128-GCM before ChaCha20 takes ChaCha20 when s_client lists it first, and its own order otherwise, as s_server -serverpref -prioritize_chacha")
    @MethodSource("chachaCases")
    void prioritizeChacha(String engine, String version, boolean clientChachaFirst, boolean prioritize) throws Exception {
        boolean tls13 = version.equals("TLSv1.3");
        String aes128 = tls13 ? TLS13_128 : ECDHE_128;
        String aes256 = tls13 ? TLS13_256 : ECDHE_256;
        String chacha = tls13 ? TLS13_CHACHA : ECDHE_CHACHA;
        String offered = clientChachaFirst ? chacha + ":" + aes128 : aes256 + ":" + chacha + ":" + aes128;
        long options = SslOptions.CIPHER_SERVER_PREFERENCE | (prioritize ? SslOptions.PRIORITIZE_CHACHA : 0);
        String chosen = negotiate(engine, options,
                ctx -> {
                    if (tls13) {
                        ctx.setCiphersuites(aes128 + ":" + chacha + ":" + aes256);
                    } else {
                        ctx.setCipherList(aes128 + ":" + chacha + ":" + aes256);
                    }
                }, version, tls13 ? "-ciphersuites" : "-cipher", offered);
        String expected = clientChachaFirst && prioritize ? chacha : aes128;
        if (tls13 && !expected.equals(chacha) && !org.libssl4j.Engines.get(engine).has(org.libssl4j.Capability.TLS1_3_CIPHERSUITES)) {
            // No TLS 1.3 suite list (conscrypt: CIPHER-3, CIPHER-10): the server's own order is not ours to set, so
            // only the ChaCha20 outcome is libssl's to check.
            org.junit.jupiter.api.Assumptions.abort(engine + " takes no TLS 1.3 suite list (TLS1_3_CIPHERSUITES)");
        }
        assertThat(chosen).isEqualTo(expected);
    }

    /** The suite our server (OpenSSL's name) negotiates with s_client {@code clientArgs} on {@code version}. */
    private static String negotiate(String engine, boolean serverPreference,
            java.util.function.Consumer<SslCtx> suites, String version, String... clientArgs) throws Exception {
        return negotiate(engine, serverPreference ? SslOptions.CIPHER_SERVER_PREFERENCE : 0, suites, version, clientArgs);
    }

    private static String negotiate(String engine, long options,
            java.util.function.Consumer<SslCtx> suites, String version, String... clientArgs) throws Exception {
        try (SslCtx ctx = TestContexts.server(engine).only(version).configure(c -> {
                    suites.accept(c);
                    c.setOptions(options);
                }).build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener),
                        OpenSslBulkTest.concat(clientArgs, "-quiet", Pems.versionFlag(version)));
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            assertThat(conn.ssl().getVersion()).isEqualTo(version);
            return conn.ssl().getCipherName();
        }
    }
}
