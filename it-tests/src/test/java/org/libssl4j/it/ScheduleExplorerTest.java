package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCtx;

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
        Fixtures.Seeds seeds = Fixtures.seeds("libssl4j.scheduleSeed", "libssl4j.schedules", CI_FIRST_SEED, CI_SCHEDULES);
        long first = seeds.first();
        int count = seeds.count();
        long start = System.nanoTime();
        List<String> failures = ScheduleExplorer.explore(engine, first, count);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("schedule explorer: engine %s, seeds %d..%d: %d schedules, %d failed, %d ms%n", engine, first,
                first + count - 1, count, failures.size(), ms);
        failures.forEach(f -> System.out.println("  FAILED " + f.lines().findFirst().orElse(f)));
        assertThat(failures).as("failed schedules (replay one with -Dlibssl4j.scheduleSeed=SEED)").isEmpty();
    }

    /** The seeds of the two-thread explorer in CI. */
    static final long CI_FIRST_SOCKET_SEED = 20261205L;
    static final int CI_SOCKET_SCHEDULES = 8;

    @EngineTest
    @DisplayName("NL-9 random schedules with two threads, one per side, over non-blocking loopback sockets (seeded) deliver every byte once, in order, with libssl's return values, and end")
    void socketSchedules(String engine) {
        Fixtures.Seeds seeds = Fixtures.seeds("libssl4j.socketScheduleSeed", "libssl4j.socketSchedules",
                CI_FIRST_SOCKET_SEED, CI_SOCKET_SCHEDULES);
        long first = seeds.first();
        int count = seeds.count();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (SslCtx c12 = Fixtures.ctx(engine, false, Fixtures.TLS12, c -> { });
                SslCtx s12 = Fixtures.ctx(engine, true, Fixtures.TLS12, c -> { });
                SslCtx c13 = Fixtures.ctx(engine, false, Fixtures.TLS13, c -> { });
                SslCtx s13 = Fixtures.ctx(engine, true, Fixtures.TLS13, c -> { })) {
            for (long seed = first; seed < first + count; seed++) {
                boolean tls13 = (seed & 1) == 0;
                String f = SocketScheduleExplorer.run(tls13 ? c13 : c12, tls13 ? s13 : s12, seed);
                if (f != null) {
                    failures.add(f);
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("socket schedule explorer: engine %s, seeds %d..%d: %d schedules, %d failed, %d ms%n", engine,
                first, first + count - 1, count, failures.size(), ms);
        failures.forEach(f -> System.out.println("  FAILED " + f));
        assertThat(failures).as("failed schedules (replay one with -Dlibssl4j.socketScheduleSeed=SEED)").isEmpty();
    }
}
