package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Bio;
import org.libssl4j.SslError;
import org.libssl4j.testkit.TestPair;

/** libssl buffers a handshake flight and hands it to the BIO in one write (R01.6). */
class FlightTest {

    /** A BIO that counts the writes that took bytes, passing everything through to {@code inner}. */
    private static final class CountingBio implements Bio {
        private final Bio inner;
        int writes;

        CountingBio(Bio inner) {
            this.inner = inner;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return inner.read(b, off, len);
        }

        @Override
        public int write(byte[] b, int off, int len) {
            int n = inner.write(b, off, len);
            if (n > 0) {
                writes++;
            }
            return n;
        }

        @Override
        public boolean shouldRetry() {
            return inner.shouldRetry();
        }

        @Override
        public boolean shouldRead() {
            return inner.shouldRead();
        }

        @Override
        public boolean shouldWrite() {
            return inner.shouldWrite();
        }

        @Override
        public long pending() {
            return inner.pending();
        }

        @Override
        public boolean eof() {
            return inner.eof();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @EngineVersionTest
    @DisplayName("R01.6 each handshake flight goes to the BIO in one write: the server's first, the client's last")
    void flightInOneWrite(String engine, int version) {
        try (TestPair p = Fixtures.pair(engine, version, 0)) {
            CountingBio client = new CountingBio(p.clientBio());
            CountingBio server = new CountingBio(p.serverBio());
            p.client().setBio(p.clientBio(), client);
            p.server().setBio(p.serverBio(), server);
            assertResult(p.client(), p.client().doHandshake(), -1, SslError.WANT_READ);
            assertThat(client.writes).as("ClientHello").isEqualTo(1);
            assertResult(p.server(), p.server().doHandshake(), -1, SslError.WANT_READ);
            assertThat(server.writes).as("the server's first flight").isEqualTo(1);
            int r = p.client().doHandshake();
            assertThat(client.writes).as("the client's flight after the server's").isEqualTo(2);
            if (r != 1) {
                assertResult(p.client(), r, -1, SslError.WANT_READ); // TLS 1.2: the server's Finished is still to come
            }
            p.handshake();
            byte[] data = Fixtures.ascii("after");
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(data.length);
            byte[] got = new byte[16];
            assertThat(p.server().read(got, 0, got.length)).isEqualTo(data.length);
        }
    }
}
