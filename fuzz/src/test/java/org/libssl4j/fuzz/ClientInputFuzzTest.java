package org.libssl4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * FUZZ-1: arbitrary bytes as a server's answer to the ClientHello, to a client of every engine. The seeds
 * (ClientInputFuzzTestInputs/) are real servers' flights, TLS 1.2 and 1.3, of each engine ({@link SeedCorpusWriter}).
 */
class ClientInputFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void clientReadsArbitraryBytes(byte[] input) {
        Targets.feedClients(input);
    }
}
