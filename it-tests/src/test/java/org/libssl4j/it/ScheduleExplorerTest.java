package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The schedule explorer ({@link ScheduleExplorer}) in the suite: a fixed, bounded set of seeds on every engine in
 * CI, and a soak on demand. {@code -Dlibssl4j.schedules=N} runs N schedules per engine;
 * {@code -Dlibssl4j.scheduleSeed=S} starts at seed S (with N unset, only S runs: the replay of a failure, whose
 * message prints its seed).
 */
class ScheduleExplorerTest {
    /** The seeds CI runs: fixed, so every build runs the same schedules. */
    static final long CI_FIRST_SEED = 20261204L;
    static final int CI_SCHEDULES = 300;

    @EngineTest
    @DisplayName("NL-EXPLORE random schedules (seeded) deliver every byte once, in order, with libssl's return values, and never stop moving")
    void schedules(String engine) {
        String seedProperty = System.getProperty("libssl4j.scheduleSeed");
        long first = seedProperty != null ? Long.parseLong(seedProperty.trim()) : CI_FIRST_SEED;
        int count = Integer.getInteger("libssl4j.schedules", seedProperty != null ? 1 : CI_SCHEDULES);
        long start = System.nanoTime();
        List<String> failures = ScheduleExplorer.explore(engine, first, count);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("schedule explorer: engine %s, seeds %d..%d: %d schedules, %d failed, %d ms%n", engine, first,
                first + count - 1, count, failures.size(), ms);
        failures.forEach(f -> System.out.println("  FAILED " + f.lines().findFirst().orElse(f)));
        assertThat(failures).as("failed schedules (replay one with -Dlibssl4j.scheduleSeed=SEED)").isEmpty();
    }
}
