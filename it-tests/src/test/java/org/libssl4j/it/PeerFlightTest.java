package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;

/**
 * A TLS 1.2 server flight changed on its way to the client (its Certificate message is plaintext): failures of the
 * peer's making, which the client names as libssl does, never "internal error" (issue 12, item 14).
 */
class PeerFlightTest {

    /** A TLS 1.2 client and server over memory BIOs; the test carries the bytes. */
    private static final class Flight implements AutoCloseable {
        final SslCtx cctx;
        final SslCtx sctx;
        final Ssl client;
        final Ssl server;
        final MemBio c2s = MemBio.create();
        final MemBio s2c = MemBio.create();

        Flight(String engine) {
            cctx = Fixtures.ctx(engine, false, Fixtures.TLS12, ctx -> { });
            sctx = Fixtures.ctx(engine, true, Fixtures.TLS12, ctx -> { });
            client = cctx.newSsl();
            server = sctx.newSsl();
            client.setBio(s2c, c2s);
            server.setBio(c2s, s2c);
            client.setConnectState();
            client.setTlsextHostName(TestCerts.HOST);
            server.setAcceptState();
        }

        /** The server's first flight, after the client's hello. */
        byte[] serverFlight() {
            assertResult(client, client.connect(), -1, SslError.WANT_READ);
            assertResult(server, server.accept(), -1, SslError.WANT_READ);
            return s2c.drain();
        }

        /** Hands {@code flight} to the client and returns what its connect() gives; the queue is left as it is. */
        int clientReads(byte[] flight) {
            s2c.write(flight, 0, flight.length);
            SslErrorQueue.clear();
            return client.connect();
        }

        /** Hands {@code flight} to the client and asserts connect() fails with -1, SSL_ERROR_SSL and {@code reason}. */
        void assertClientFails(byte[] flight, int reason) {
            int r = clientReads(flight);
            SslErrorEntry e = SslErrorQueue.peek();
            assertThat(r).as("connect, queue " + SslErrorQueue.snapshot()).isEqualTo(-1);
            assertThat(client.getError(r)).isEqualTo(SslError.SSL);
            assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
            assertThat(e.reason()).as("reason of " + e).isEqualTo(reason);
            SslErrorQueue.clear();
        }

        @Override
        public void close() {
            client.close();
            server.close();
            cctx.close();
            sctx.close();
        }
    }

    /**
     * The offset in {@code flight} (plaintext records) of byte {@code at} of the first handshake message of type
     * {@code type}, counted from the start of its header; -1 if there is none.
     */
    static int offsetInMessage(byte[] flight, int type, int at) {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        java.util.List<Integer> where = new java.util.ArrayList<>();
        for (int i = 0; i + 5 <= flight.length; ) {
            int len = ((flight[i + 3] & 0xFF) << 8) | (flight[i + 4] & 0xFF);
            if (flight[i] == 22) {
                for (int k = 0; k < len; k++) {
                    stream.write(flight[i + 5 + k]);
                    where.add(i + 5 + k);
                }
            }
            i += 5 + len;
        }
        byte[] s = stream.toByteArray();
        for (int m = 0; m + 4 <= s.length; ) {
            int len = ((s[m + 1] & 0xFF) << 16) | ((s[m + 2] & 0xFF) << 8) | (s[m + 3] & 0xFF);
            if (s[m] == type) {
                return where.get(m + at);
            }
            m += 4 + len;
        }
        return -1;
    }

    @EngineTest
    @DisplayName("R10.13 a server certificate that is not DER fails the client's handshake with bad packet (libssl: ASN1 lib), never internal error")
    void corruptedCertificate(String engine) {
        try (Flight f = new Flight(engine)) {
            byte[] flight = f.serverFlight();
            // Certificate: header (4), certificate_list length (3), first certificate's length (3), then its DER,
            // whose outer SEQUENCE tag 0x30 becomes 0x31 (a SET).
            int tag = offsetInMessage(flight, 11, 10);
            assertThat(flight[tag]).as("first certificate's DER tag").isEqualTo((byte) 0x30);
            flight[tag] = 0x31;
            f.assertClientFails(flight, SslReason.BAD_PACKET);
        }
    }

    @EngineTest
    @DisplayName("R10.14 a TLS 1.2 ServerHello whose session_id length runs past its end fails the client's handshake with length mismatch, never internal error")
    void serverHelloLengthPastEnd(String engine) {
        try (Flight f = new Flight(engine)) {
            byte[] flight = f.serverFlight();
            // ServerHello: header (4), legacy_version (2), random (32), then the session_id length.
            int at = offsetInMessage(flight, 2, 38);
            flight[at] = (byte) 0xFF;
            f.assertClientFails(flight, SslReason.LENGTH_MISMATCH);
        }
    }

    @EngineTest
    @DisplayName("R10.15 a TLS 1.2 server Certificate message longer than the client accepts fails its handshake with excessive message size")
    void certificateMessageTooLong(String engine) {
        try (Flight f = new Flight(engine)) {
            byte[] flight = f.serverFlight();
            // The Certificate message's 3-byte length becomes 200000: over SunJSSE's and bctls's 32768 and libssl's
            // and BoringSSL's 102400. A client judges the header before the body arrives.
            int len = 200_000;
            for (int k = 0; k < 3; k++) {
                flight[offsetInMessage(flight, 11, 1 + k)] = (byte) (len >> (16 - 8 * k));
            }
            f.assertClientFails(flight, SslReason.EXCESSIVE_MESSAGE_SIZE);
        }
    }

    @EngineTest
    @DisplayName("R10.16 a server chain of 13 certificates fails a client whose provider accepts at most 10 with certificate verify failed, never internal error; without such a limit it is accepted, as under libssl's verify depth of 100")
    void chainTooLong(String engine) {
        try (SslCtx client = TestContexts.client(engine).tls12().build();
             SslCtx server = TestContexts.server(engine).identity(TestCerts.longChainServer()).tls12().build();
             org.libssl4j.testkit.TestPair p = org.libssl4j.testkit.TestPair.create(client, server, 0)) {
            SslErrorEntry failure = null;
            for (int i = 0; i < 10 && failure == null; i++) {
                SslErrorQueue.clear();
                int r = p.client().doHandshake();
                if (r <= 0 && p.client().getError(r) == SslError.SSL) {
                    failure = SslErrorQueue.peek();
                    break;
                }
                SslErrorQueue.clear();
                p.server().doHandshake();
            }
            if (failure == null) {
                // No limit below libssl's default verify depth (100): the handshake completes, as libssl's does.
                assertThat(p.client().isInitFinished()).as("the client finished its handshake").isTrue();
                return;
            }
            assertThat(failure.reason()).as("reason of " + failure).isEqualTo(SslReason.CERTIFICATE_VERIFY_FAILED);
        }
        SslErrorQueue.clear();
    }
}
