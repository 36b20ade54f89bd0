package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslReason;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.TestPair;

/** The handshake: on demand from write and read, connect/accept, and the state that must be set first (R01, R02). */
class HandshakeTest {

    @EngineVersionTest
    @DisplayName("NL-6 a server flight larger than the BIO pair and than one record (a 20 KB certificate) completes")
    void bigServerFlight(String engine, int version) {
        for (int size : new int[] {0, 4096}) {
            try (TestPair p = Fixtures.pair(engine, version, size, c -> { },
                    s -> {
                        s.useCertificate(org.libssl4j.testkit.TestCerts.bigServer().certificate());
                        s.usePrivateKey(org.libssl4j.testkit.TestCerts.bigServer().privateKey());
                    }).handshake()) {
                assertThat(p.client().getPeerCertificate().getEncoded().length).isGreaterThan(20_000);
                byte[] data = Fixtures.bytes(10, 3);
                assertThat(p.client().write(data, 0, data.length)).isEqualTo(10);
                assertThat(Fixtures.drain(p.server())).isEqualTo(data);
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new AssertionError(e);
            }
        }
    }

    @EngineVersionTest
    @DisplayName("NL-8 the test kit's handshake completes over small BIO pairs: a finished client takes the server's tickets")
    void testKitHandshakeOverSmallPairs(String engine, int version) {
        for (int size : new int[] {100, 1000, 4000}) {
            try (TestPair p = Fixtures.pair(engine, version, size).handshake()) {
                assertThat(p.client().isInitFinished()).isTrue();
                assertThat(p.server().isInitFinished()).isTrue();
                byte[] data = Fixtures.bytes(10, size);
                assertThat(p.client().write(data, 0, data.length)).isEqualTo(10);
                assertThat(Fixtures.drain(p.server())).isEqualTo(data);
            }
        }
    }

    @EngineVersionTest
    @DisplayName("NL-2 the handshake completes over a BIO pair of 1 to 6 bytes each way: a side that cannot write still reads")
    void tinyTransport(String engine, int version) {
        for (int size = 1; size <= 6; size++) {
            try (TestPair p = Fixtures.pair(engine, version, size)) {
                int c = 0;
                int s = 0;
                int rounds = 0;
                while ((c != 1 || s != 1) && rounds++ < 100_000) {
                    if (c != 1) {
                        SslErrorQueue.clear();
                        c = p.client().doHandshake();
                        assertThat(c == 1 || p.client().getError(c) == SslError.WANT_READ || p.client().getError(c) == SslError.WANT_WRITE)
                                .as("client %d: %s", c, SslErrorQueue.peek()).isTrue();
                    } else {
                        p.client().peek(new byte[0], 0, 0); // a finished TLS 1.3 client takes the tickets
                    }
                    if (s != 1) {
                        SslErrorQueue.clear();
                        s = p.server().doHandshake();
                        assertThat(s == 1 || p.server().getError(s) == SslError.WANT_READ || p.server().getError(s) == SslError.WANT_WRITE)
                                .as("server %d: %s", s, SslErrorQueue.peek()).isTrue();
                    }
                }
                assertThat(c == 1 && s == 1).as("version 0x%x, pair of %d bytes: client %d, server %d after %d rounds",
                        version, size, c, s, rounds).isTrue();
                byte[] data = Fixtures.bytes(50, size);
                int w = -1;
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[64];
                for (int i = 0; i < 100_000 && got.size() < data.length; i++) {
                    if (w <= 0) {
                        w = p.client().write(data, 0, data.length);
                    }
                    int n = p.server().read(buf, 0, buf.length);
                    if (n > 0) {
                        got.write(buf, 0, n);
                    }
                }
                SslErrorQueue.clear();
                assertThat(w).isEqualTo(data.length);
                assertThat(got.toByteArray()).isEqualTo(data);
            }
        }
    }

    @EngineTest
    @DisplayName("R01.1 a write before the handshake sends the ClientHello, wants to read, and completes when repeated")
    void writeStartsHandshake(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            byte[] data = Fixtures.bytes(1000, 1);
            int r = p.client().write(data, 0, data.length);
            assertResult(p.client(), r, -1, SslError.WANT_READ);
            assertThat(p.serverBio().pending()).as("ClientHello bytes waiting for the server").isGreaterThan(0);
            int calls = 1;
            while (r <= 0) {
                assertThat(p.client().getError(r)).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                p.server().read(new byte[10], 0, 10);
                SslErrorQueue.clear();
                r = p.client().write(data, 0, data.length);
                assertThat(++calls).isLessThan(10);
            }
            assertThat(r).isEqualTo(data.length);
            assertThat(Fixtures.drain(p.server())).isEqualTo(data);
        }
    }

    @EngineVersionTest
    @DisplayName("R01.2 TLS 1.3 handshake-on-write takes 2 write calls, TLS 1.2 takes 3")
    void writeCallCounts(String engine, int version) {
        try (TestPair p = Fixtures.pair(engine, version, 0)) {
            byte[] data = Fixtures.ascii("ping");
            byte[] sink = new byte[100];
            assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
            assertResult(p.server(), p.server().read(sink, 0, sink.length), -1, SslError.WANT_READ);
            if (version == TLS12) {
                assertResult(p.client(), p.client().write(data, 0, data.length), -1, SslError.WANT_READ);
                assertResult(p.server(), p.server().read(sink, 0, sink.length), -1, SslError.WANT_READ);
            }
            assertResult(p.client(), p.client().write(data, 0, data.length), data.length, SslError.NONE);
            assertThat(p.server().read(sink, 0, sink.length)).isEqualTo(data.length);
        }
    }

    @EngineVersionTest
    @DisplayName("R01.4 a read that finishes the handshake with no data waiting returns -1/WANT_READ")
    void readFinishingHandshakeWantsRead(String engine, int version) {
        try (TestPair p = Fixtures.pair(engine, version, 0)) {
            byte[] sink = new byte[100];
            for (int i = 0; i < 10 && !p.server().isInitFinished(); i++) {
                int c = p.client().doHandshake();
                assertThat(c).as("client doHandshake").isIn(1, -1);
                SslErrorQueue.clear();
                int r = p.server().read(sink, 0, sink.length);
                assertResult(p.server(), r, -1, SslError.WANT_READ);
            }
            assertThat(p.server().isInitFinished()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R01.5 connect and accept return 1 once their own side is done; doHandshake afterwards does no I/O")
    void connectAcceptReturnOnOwnSide(String engine) {
        try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
            assertResult(p.client(), p.client().connect(), -1, SslError.WANT_READ);
            assertResult(p.server(), p.server().accept(), -1, SslError.WANT_READ);
            // The TLS 1.3 client is done when it sent Finished: it does not wait for tickets.
            assertResult(p.client(), p.client().connect(), 1, SslError.NONE);
            assertThat(p.server().isInitFinished()).isFalse();
            assertResult(p.server(), p.server().accept(), 1, SslError.NONE);
            long toClient = p.clientBio().pending();
            long toServer = p.serverBio().pending();
            assertThat(p.client().doHandshake()).isEqualTo(1);
            assertThat(p.server().doHandshake()).isEqualTo(1);
            assertThat(p.clientBio().pending()).isEqualTo(toClient);
            assertThat(p.serverBio().pending()).isEqualTo(toServer);
        }
    }

    @EngineTest
    @DisplayName("R02.1 write, read, peek and shutdown without a connect or accept state fail with uninitialized and send nothing")
    void noStateIsUninitialized(String engine) {
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
            BioPair pair = BioPair.create();
            ssl.setBio(pair.first(), pair.first());
            byte[] buf = new byte[10];
            assertResult(ssl, ssl.write(buf, 0, 10), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
            SslErrorQueue.clear();
            assertResult(ssl, ssl.read(buf, 0, 10), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
            SslErrorQueue.clear();
            assertResult(ssl, ssl.peek(buf, 0, 10), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
            SslErrorQueue.clear();
            assertResult(ssl, ssl.shutdown(), -1, SslError.SSL);
            assertReason(SslReason.UNINITIALIZED, "uninitialized");
            assertThat(pair.second().pending()).as("bytes sent").isZero();
        }
    }

    @EngineTest
    @DisplayName("R02.2 doHandshake without a state fails with connection type not set")
    void noStateHandshake(String engine) {
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS, engine); Ssl ssl = ctx.newSsl()) {
            BioPair pair = BioPair.create();
            ssl.setBio(pair.first(), pair.first());
            assertResult(ssl, ssl.doHandshake(), -1, SslError.SSL);
            assertReason(SslReason.CONNECTION_TYPE_NOT_SET, "connection type not set");
        }
    }

    @EngineTest
    @DisplayName("R02.3 the missing-state failure is not fatal, whatever the method: setting the state then works")
    void missingStateNotFatal(String engine) {
        for (SslMethod method : SslMethod.values()) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.pair(engine, TLS13, 0)) {
                try (SslCtx ctx = SslCtx.newCtx(method, engine)) {
                    Ssl ssl = ctx.newSsl();
                    ssl.setBio(p.serverBio(), p.serverBio());
                    assertThat(ssl.write(new byte[1], 0, 1)).isEqualTo(-1);
                    assertReason(SslReason.UNINITIALIZED, "uninitialized");
                    assertThat(ssl.doHandshake()).isEqualTo(-1);
                    SslErrorQueue.clear();
                    if (method.allowsClient()) {
                        ssl.setConnectState();
                        assertResult(ssl, ssl.doHandshake(), -1, SslError.WANT_READ);
                        assertThat(p.clientBio().pending()).as("ClientHello sent").isGreaterThan(0);
                    } else {
                        ssl.setAcceptState();
                        assertResult(ssl, ssl.doHandshake(), -1, SslError.WANT_READ);
                    }
                    assertThat(ssl.inInit()).isTrue();
                }
            }
        }
    }
}
