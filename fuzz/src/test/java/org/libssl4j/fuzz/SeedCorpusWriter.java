package org.libssl4j.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslVersion;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.ForwardingBio;
import org.libssl4j.testkit.TestContexts;

/**
 * Writes the peer-input seed corpora from real handshakes: for every engine and TLS 1.2 and 1.3, everything a
 * client sent during a handshake (a server's seed) and everything a server sent (a client's seed); and random
 * call-sequence seeds from fixed seeds. Run only on
 * demand, into the source tree (fuzz/README.md):
 * {@code mvn -o -pl fuzz test-compile surefire:test -Dtest=SeedCorpusWriter -Dlibssl4j.fuzz.writeSeeds=$PWD/fuzz/src/test/resources}.
 */
class SeedCorpusWriter {
    private static final String PROPERTY = "libssl4j.fuzz.writeSeeds";
    private static final int MAX_ROUNDS = 50;
    private static final int CALL_SEEDS = 8;
    private static final int CALL_SEED_SIZE = 512;

    @Test
    @EnabledIfSystemProperty(named = PROPERTY, matches = ".+")
    void writeSeeds() throws IOException {
        Path root = Paths.get(System.getProperty(PROPERTY)).resolve("org/libssl4j/fuzz");
        Path serverSeeds = Files.createDirectories(root.resolve("ServerInputFuzzTestInputs/serverReadsArbitraryBytes"));
        Path clientSeeds = Files.createDirectories(root.resolve("ClientInputFuzzTestInputs/clientReadsArbitraryBytes"));
        for (String engine : Targets.ENGINES) {
            for (int version : new int[] {SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION}) {
                byte[][] flights = handshake(engine, version);
                String name = engine + "-" + SslVersion.name(version);
                Files.write(serverSeeds.resolve(name), flights[0]);
                Files.write(clientSeeds.resolve(name), flights[1]);
            }
        }
        // The call sequences have no real-world form: random bytes, a fixed seed each, as starting points.
        Path callSeeds = Files.createDirectories(root.resolve("CallSequenceFuzzTestInputs/arbitraryCallSequences"));
        for (int i = 0; i < CALL_SEEDS; i++) {
            byte[] seed = new byte[CALL_SEED_SIZE];
            new java.util.Random(i).nextBytes(seed);
            Files.write(callSeeds.resolve("random-" + i), seed);
        }
    }

    /** Both directions of one handshake of {@code engine} at {@code version}: {client's bytes, server's bytes}. */
    static byte[][] handshake(String engine, int version) {
        try (SslCtx clientCtx = TestContexts.client(engine).trust(Targets.IDENTITY.certificate()).verifyNone().only(version).build();
                SslCtx serverCtx = TestContexts.server(engine).identity(Targets.IDENTITY).only(version).build();
                Ssl client = clientCtx.newSsl();
                Ssl server = serverCtx.newSsl();
                MemBio toServer = MemBio.create();
                MemBio toClient = MemBio.create()) {
            ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
            ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
            client.setBio(toClient, new Recording(toServer, fromClient));
            server.setBio(toServer, new Recording(toClient, fromServer));
            client.setConnectState();
            client.setTlsextHostName(TestCerts.HOST);
            server.setAcceptState();
            byte[] sink = new byte[1];
            for (int round = 0; round < MAX_ROUNDS; round++) {
                client.doHandshake();
                server.doHandshake();
                if (client.isInitFinished() && server.isInitFinished()) {
                    client.peek(sink, 0, 0); // takes the TLS 1.3 tickets
                    return new byte[][] {fromClient.toByteArray(), fromServer.toByteArray()};
                }
            }
            throw new AssertionError("no handshake on " + engine + " " + SslVersion.name(version));
        }
    }

    /** A write BIO that keeps a copy of every byte written through it. */
    private static final class Recording extends ForwardingBio {
        private final ByteArrayOutputStream copy;

        Recording(Bio inner, ByteArrayOutputStream copy) {
            super(inner);
            this.copy = copy;
        }

        @Override
        public int write(byte[] b, int off, int len) {
            int n = inner.write(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }
    }
}
