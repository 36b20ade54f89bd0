package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.SslCtx;
import org.libssl4j.SslReason;
import org.libssl4j.SslTlsext;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** A server's servername callback and {@code SSL_set_SSL_CTX}, and its ALPN select callback. */
class ServerCallbacksTest {

    private static SslCtx server(String engine, int version) {
        return TestContexts.server(engine).identity(TestCerts.serverRsa()).only(version).build();
    }

    private static SslCtx client(String engine, int version) {
        return TestContexts.client(engine).only(version).build();
    }

    @EngineVersionTest
    @DisplayName("SNI-2 the servername callback sees the client's name once per handshake and can switch the connection to a context with another certificate (SSL_set_SSL_CTX)")
    void switchCertificate(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.SNI);
        List<String> seen = new ArrayList<>();
        try (SslCtx other = TestContexts.server(engine).identity(TestCerts.wrongHostServer()).only(version).build();
                SslCtx server = server(engine, version);
                SslCtx client = client(engine, version)) {
            server.setTlsextServernameCallback((ssl, alert) -> {
                seen.add(ssl.getServername());
                if ("other.example".equals(ssl.getServername())) {
                    assertThat(ssl.setSslCtx(other)).isSameAs(other);
                }
                return SslTlsext.ERR_OK;
            });
            for (String name : new String[] {"other.example", TestCerts.HOST}) {
                try (TestPair p = TestPair.create(client, server, 0)) {
                    p.client().setTlsextHostName(name);
                    p.handshake();
                    assertThat(p.client().getPeerCertificate()).as(name)
                            .isEqualTo(name.equals(TestCerts.HOST) ? TestCerts.serverRsa().certificate()
                                    : TestCerts.wrongHostServer().certificate());
                    assertThat(p.server().getServername()).isEqualTo(name);
                    assertThat(p.server().getContext()).isSameAs(name.equals(TestCerts.HOST) ? server : other);
                }
            }
            assertThat(seen).containsExactly("other.example", TestCerts.HOST);
        }
    }

    @EngineVersionTest
    @DisplayName("SNI-3 a servername callback that refuses (ALERT_FATAL) or throws fails the server's handshake with callback failed; the next connection is unaffected")
    void refuse(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.SNI);
        try (SslCtx server = server(engine, version); SslCtx client = client(engine, version)) {
            for (boolean throwing : new boolean[] {false, true}) {
                server.setTlsextServernameCallback((ssl, alert) -> {
                    if (throwing) {
                        throw new IllegalStateException("the application's bug");
                    }
                    return SslTlsext.ERR_ALERT_FATAL;
                });
                Fixtures.Verdict v;
                try (TestPair p = TestPair.create(client, server, 0)) {
                    v = Fixtures.verdict(p);
                }
                assertThat(v.server).as(v.toString()).isEqualTo(-1);
                assertThat(v.serverError.reason()).as(v.toString()).isEqualTo(SslReason.CALLBACK_FAILED);
                assertThat(v.client).as(v.toString()).isEqualTo(-1);
                server.setTlsextServernameCallback((ssl, alert) -> SslTlsext.ERR_OK);
                try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                    assertThat(p.server().getServername()).isEqualTo(TestCerts.HOST);
                }
            }
        }
    }

    @EngineVersionTest
    @DisplayName("SNI-4 the servername callback runs also when the client sends no name: getServername() is null there")
    void noName(String engine, int version) {
        List<String> seen = new ArrayList<>();
        try (SslCtx server = server(engine, version);
                SslCtx client = TestContexts.client(engine).only(version).configure(c -> c.setHostNameCheck(false)).build()) {
            server.setTlsextServernameCallback((ssl, alert) -> {
                seen.add(String.valueOf(ssl.getServername()));
                return SslTlsext.ERR_OK;
            });
            try (TestPair p = TestPair.create(client, server, 0)) {
                p.client().setTlsextHostName(null);
                p.handshake();
            }
            assertThat(seen).containsExactly("null");
        }
    }

    @EngineVersionTest
    @DisplayName("ALPN-3 the ALPN select callback chooses from the client's offer (OK) or answers without ALPN (NOACK)")
    void alpnSelect(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.ALPN);
        try (SslCtx server = server(engine, version); SslCtx client = client(engine, version)) {
            client.setAlpnProtos(List.of("h2", "http/1.1", "spdy/3"));
            List<List<String>> offers = new ArrayList<>();
            server.setAlpnSelectCb((ssl, out, offered) -> {
                offers.add(offered);
                out[0] = offered.get(1);
                return SslTlsext.ERR_OK;
            });
            try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                assertThat(p.server().getAlpnSelected()).isEqualTo("http/1.1");
                assertThat(p.client().getAlpnSelected()).isEqualTo("http/1.1");
            }
            assertThat(offers).containsExactly(List.of("h2", "http/1.1", "spdy/3"));
            server.setAlpnSelectCb((ssl, out, offered) -> SslTlsext.ERR_NOACK);
            try (TestPair p = TestPair.create(client, server, 0).handshake()) {
                assertThat(p.server().getAlpnSelected()).isNull();
                assertThat(p.client().getAlpnSelected()).isNull();
            }
        }
    }

    @EngineVersionTest
    @DisplayName("ALPN-4 an ALPN select callback that refuses (ALERT_FATAL) fails the server with no application protocol, and the client reads no_application_protocol")
    void alpnRefused(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.ALPN);
        if (engine.equals("conscrypt")) {
            org.junit.jupiter.api.Assumptions.abort("ledger CS-3 (docs/SEMANTICS.md section 7): Conscrypt takes a refusing "
                    + "ALPN choice for NOACK; the server fails, but no alert reaches the client");
        }
        try (SslCtx server = server(engine, version); SslCtx client = client(engine, version)) {
            client.setAlpnProtos(List.of("h2", "http/1.1"));
            server.setAlpnSelectCb((ssl, out, offered) -> SslTlsext.ERR_ALERT_FATAL);
            Fixtures.Verdict v;
            try (TestPair p = TestPair.create(client, server, 0)) {
                v = Fixtures.verdict(p);
            }
            assertThat(v.server).as(v.toString()).isEqualTo(-1);
            assertThat(v.serverError.reason()).as(v.toString()).isEqualTo(SslReason.NO_APPLICATION_PROTOCOL);
            assertThat(v.client).as(v.toString()).isEqualTo(-1);
            assertThat(v.clientError.reason()).as(v.toString()).isEqualTo(SslReason.TLSV1_ALERT_NO_APPLICATION_PROTOCOL);
        }
    }
}
