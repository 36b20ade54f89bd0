package org.libssl4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * FUZZ-1: arbitrary bytes as what a client sent, to a server of every engine. The seeds
 * (ServerInputFuzzTestInputs/) are real clients' flights, TLS 1.2 and 1.3, of each engine ({@link SeedCorpusWriter}).
 */
class ServerInputFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void serverReadsArbitraryBytes(byte[] input) {
        Targets.feedServers(input);
    }
}
