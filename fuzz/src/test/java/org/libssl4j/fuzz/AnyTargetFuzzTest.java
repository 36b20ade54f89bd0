package org.libssl4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FUZZ-1 and FUZZ-2 in one JVM: the first byte of the input picks the target (server input, client input, call
 * sequence), the rest is that target's input. Jazzer fuzzes one {@code @FuzzTest} per JVM, and a JVM with the
 * engines and Jazzer's instrumentation is most of the cost of a short run, so CI fuzzes this target alone; its seeds
 * are the three targets' checked-in corpora, each behind its selector byte, and run first as regression tests.
 */
class AnyTargetFuzzTest {
    private static final String[][] CORPORA = {
            {"ServerInputFuzzTestInputs/serverReadsArbitraryBytes", "server"},
            {"ClientInputFuzzTestInputs/clientReadsArbitraryBytes", "client"},
            {"CallSequenceFuzzTestInputs/arbitraryCallSequences", "calls"}};

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5s")
    void anyTarget(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], CORPORA.length)) {
            case 0 -> Targets.feedServers(rest);
            case 1 -> Targets.feedClients(rest);
            default -> CallSequenceFuzzTest.run(new Choices(rest, 0));
        }
    }

    /** Every file of the three corpora, its selector byte in front, named after its target and file. */
    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (int target = 0; target < CORPORA.length; target++) {
            for (Path file : files(CORPORA[target][0])) {
                byte[] body = read(file);
                byte[] seed = new byte[1 + body.length];
                seed[0] = (byte) target;
                System.arraycopy(body, 0, seed, 1, body.length);
                seeds.add(Arguments.of(Named.of(CORPORA[target][1] + " " + file.getFileName(), seed)));
            }
        }
        return seeds.stream();
    }

    private static List<Path> files(String resource) {
        URL url = AnyTargetFuzzTest.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no seed corpus " + resource);
        }
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
