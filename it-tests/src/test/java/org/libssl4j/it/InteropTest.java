package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Every client engine with every server engine, TLS 1.2 and 1.3, RSA and ECDSA certificates: handshake, 4 MiB
 * each way checked by SHA-256, close_notify both ways, over a BIO pair with small buffers.
 */
@ExtendWith(ClearErrorQueue.class)
class InteropTest {
    private static final int BYTES_EACH_WAY = 4 << 20;

    static Stream<Arguments> cases() {
        return TestEngines.pairs().flatMap(pair -> Stream.of("TLSv1.3", "TLSv1.2").flatMap(version ->
                Stream.of("RSA", "ECDSA").map(key -> Arguments.of(pair.get()[0], pair.get()[1], version, key))));
    }

    @ParameterizedTest(name = "[{0} client, {1} server, {2}, {3}]")
    @org.junit.jupiter.api.DisplayName("INTEROP handshake, 4 MiB each way by SHA-256, close_notify both ways")
    @MethodSource("cases")
    void interop(String clientEngine, String serverEngine, String version, String key) throws Exception {
        TestIdentity id = key.equals("RSA") ? TestCerts.serverRsa() : TestCerts.serverEc();
        TestContexts.Builder c = TestContexts.client(clientEngine).only(version);
        TestContexts.Builder s = TestContexts.server(serverEngine).identity(id).only(version);
        try (SslCtx cctx = c.build(); SslCtx sctx = s.build(); TestPair p = TestPair.create(cctx, sctx, 4096).handshake()) {
            assertThat(p.client().getVersion()).isEqualTo(version);
            assertThat(p.server().getVersion()).isEqualTo(version);
            assertThat(p.client().getCipherName()).isEqualTo(p.server().getCipherName());
            assertThat(p.client().getPeerCertificate()).isEqualTo(id.certificate());
            Random random = new Random(version.hashCode() * 31L + key.hashCode());
            byte[] up = new byte[BYTES_EACH_WAY];
            byte[] down = new byte[BYTES_EACH_WAY];
            random.nextBytes(up);
            random.nextBytes(down);
            Stream<byte[]> received = transfer(p.client(), up, p.server(), down);
            List<byte[]> got = received.collect(java.util.stream.Collectors.toList());
            assertThat(sha256(got.get(0))).as("SHA-256 of what the server got").isEqualTo(sha256(up));
            assertThat(sha256(got.get(1))).as("SHA-256 of what the client got").isEqualTo(sha256(down));
            // close_notify both ways
            assertThat(p.client().shutdown()).isZero();
            int r = p.server().read(new byte[1], 0, 1);
            assertThat(p.server().getError(r)).isEqualTo(SslError.ZERO_RETURN);
            assertThat(p.server().shutdown()).isEqualTo(1);
            assertThat(p.client().shutdown()).isEqualTo(1);
        }
    }

    /** Both directions at once, libssl style; returns what the server and the client received. */
    private static Stream<byte[]> transfer(Ssl client, byte[] up, Ssl server, byte[] down) {
        java.io.ByteArrayOutputStream toServer = new java.io.ByteArrayOutputStream(up.length);
        java.io.ByteArrayOutputStream toClient = new java.io.ByteArrayOutputStream(down.length);
        int[] sent = new int[2];
        int[] pending = {-1, -1};
        byte[] buf = new byte[16384];
        Ssl[] writers = {client, server};
        byte[][] data = {up, down};
        java.io.ByteArrayOutputStream[] sinks = {toServer, toClient};
        Ssl[] readers = {server, client};
        for (int round = 0; round < 1_000_000 && (toServer.size() < up.length || toClient.size() < down.length); round++) {
            for (int i = 0; i < 2; i++) {
                if (sent[i] < data[i].length) {
                    int len = pending[i] >= 0 ? pending[i] : Math.min(data[i].length - sent[i], 40_000);
                    int w = writers[i].write(data[i], sent[i], len);
                    if (w > 0) {
                        sent[i] += w;
                        pending[i] = -1;
                    } else {
                        assertThat(writers[i].getError(w)).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                        pending[i] = len;
                    }
                }
                int n;
                while ((n = readers[i].read(buf, 0, buf.length)) > 0) {
                    sinks[i].write(buf, 0, n);
                }
                assertThat(readers[i].getError(n)).as(String.valueOf(SslErrorQueue.snapshot())).isIn(SslError.WANT_READ, SslError.WANT_WRITE);
                SslErrorQueue.clear();
            }
        }
        return Stream.of(toServer.toByteArray(), toClient.toByteArray());
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
