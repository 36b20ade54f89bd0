package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a run of many connections costs the process, measured against a baseline taken before it: the heap in use
 * after garbage collection, the resident set ({@code VmRSS} of {@code /proc/self/status}, where there is one:
 * native engines' memory shows only there), and the live threads. Prints a figure line at each checkpoint, for the
 * README's reliability figures.
 */
final class ResourceProbe {
    private static final long MIB = 1024 * 1024;
    private static final Path STATUS = Path.of("/proc/self/status");
    /** How long threads started during the run may take to end once it is over. */
    private static final long THREAD_END_MILLIS = 5_000;

    private final String label;
    private final long heap;
    private final long committed;
    private final long rss;
    private final Set<Thread> threads;
    private final long fds;
    /** Descriptors the run may leave open beyond the baseline (the JVM's own come and go: jars, /proc reads). */
    private static final long FD_SLACK = 16;
    private long maxHeapGrowth;
    private long lastNativeGrowth;
    private final long started = System.nanoTime();

    private ResourceProbe(String label) {
        this.label = label;
        this.heap = heapAfterGc();
        this.committed = heapUsage().getCommitted();
        this.rss = rss();
        this.threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        this.fds = fds();
        print(0, heap, rss);
    }

    /** A baseline now; the caller has already warmed up what it measures (classes, caches, the Cleaner's thread). */
    static ResourceProbe start(String label) {
        return new ResourceProbe(label);
    }

    /**
     * A figure line only, not judged: for connections dropped without close(), which wait for a collection and the
     * Cleaner, so that the heap in between holds some thousands of them.
     */
    void figures(long connections) {
        print(connections, heapAfterGc(), rss());
    }

    /** A figure line for {@code connections} made so far; keeps the largest growth for {@link #assertBounded}. */
    void checkpoint(long connections) {
        long h = heapAfterGc();
        long r = rss();
        maxHeapGrowth = Math.max(maxHeapGrowth, h - heap);
        lastNativeGrowth = nativeGrowth(r);
        print(connections, h, r);
    }

    /**
     * Fails when the heap after GC grew by more than {@code heapBound} bytes at any checkpoint, when at the last
     * checkpoint the resident set had grown by more than {@code nativeBound} bytes beyond what the heap's own growth
     * explains (judged at the end only: the JIT's compilers take and give back tens of MiB on the way), when more
     * file descriptors are open than at the baseline (beyond a small slack), or when a thread started during the
     * run is still alive.
     */
    void assertBounded(long heapBound, long nativeBound) throws InterruptedException {
        assertThat(maxHeapGrowth).as("%s: heap after GC grew by %d KiB at most; bound %d KiB", label, maxHeapGrowth / 1024,
                heapBound / 1024).isLessThanOrEqualTo(heapBound);
        if (rss >= 0) {
            assertThat(lastNativeGrowth).as("%s: resident set grew by %d KiB beyond the heap's growth; bound %d KiB", label,
                    lastNativeGrowth / 1024, nativeBound / 1024).isLessThanOrEqualTo(nativeBound);
        }
        if (fds >= 0) {
            // A native engine's connection holds descriptors (conscrypt: a pipe per SSL) until freed.
            assertThat(fds()).as("%s: open file descriptors, %d at the baseline", label, fds).isLessThanOrEqualTo(fds + FD_SLACK);
        }
        assertThat(newThreads()).as("%s: threads started during the run and still alive", label).isEmpty();
    }

    /** Threads alive now that were not at the baseline, after giving them a bounded time to end. */
    Set<Thread> newThreads() throws InterruptedException {
        long deadline = System.nanoTime() + THREAD_END_MILLIS * 1_000_000;
        Set<Thread> extra;
        do {
            extra = new HashSet<>(Thread.getAllStackTraces().keySet());
            extra.removeAll(threads);
            extra.removeIf(t -> !t.isAlive());
            if (extra.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return extra;
    }

    /** Resident set growth since the baseline less the heap's committed growth: memory outside the Java heap. */
    private long nativeGrowth(long r) {
        if (rss < 0 || r < 0) {
            return 0;
        }
        return (r - rss) - Math.max(0, heapUsage().getCommitted() - committed);
    }

    private void print(long connections, long h, long r) {
        System.out.printf("[%s] %,d connections: heap after GC %,d KiB (%+,d), RSS %s, heap committed %,d MiB, threads %d, fds %d, %,d ms%n",
                label, connections, h / 1024, (h - heap) / 1024,
                r < 0 ? "n/a" : String.format("%,d MiB (%+,d)", r / MIB, (r - rss) / MIB),
                heapUsage().getCommitted() / MIB, Thread.activeCount(), fds(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The heap in use after a few collections: a Cleaner's action runs between two of them, and what it freed goes
     * at the next.
     */
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, heapUsage().getUsed());
        }
        return used;
    }

    private static MemoryUsage heapUsage() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    /** Open file descriptors ({@code /proc/self/fd}), or -1 where there is no such directory. */
    static long fds() {
        try (java.util.stream.Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS in bytes, or -1 where the system has no {@code /proc/self/status}. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
