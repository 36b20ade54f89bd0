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
 * peer's making, which the client names as libssl does, never "internal error" (issue 11, item 14).
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
            int r = f.clientReads(flight);
            SslErrorEntry e = SslErrorQueue.peek();
            assertThat(r).as("connect, queue " + SslErrorQueue.snapshot()).isEqualTo(-1);
            assertThat(f.client.getError(r)).isEqualTo(SslError.SSL);
            assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
            assertThat(e.reason()).as("reason of " + e).isEqualTo(SslReason.BAD_PACKET);
        }
        SslErrorQueue.clear();
    }
}
