package org.libssl4j.testkit;

import java.util.Objects;
import java.util.Random;
import org.libssl4j.Bio;

/**
 * A {@link Bio} decorator that passes each read and write on to an inner BIO but cuts it to a random size of
 * 1..{@code maxChunk} bytes, and, if asked, refuses a call now and then with {@code -1} and the retry flags
 * ({@code shouldRetry} + {@code shouldRead} for a read, {@code shouldRetry} + {@code shouldWrite} for a write)
 * without touching the inner BIO. It is how tests check that an {@code Ssl} copes with a transport that moves
 * records in arbitrary pieces and says "try again" at arbitrary moments.
 *
 * <p>Bytes are never lost, duplicated or reordered: every byte passes through the inner BIO once, in order. The
 * random choices come from a {@link Random} seeded in the constructor; {@link #toString()} prints the seed, so
 * a failing run can be repeated exactly.
 *
 * <p>After a call passed on to the inner BIO, the retry flags are the inner BIO's; after a refused call they
 * are this BIO's own. Other calls ({@code pending}, {@code flush}, {@code eof}, {@code close}) go straight through.
 */
public final class ChunkingBio extends RefusingBio {
    private final long seed;
    private final int maxChunk;
    private final double retryProbability;
    private final Random random;

    /**
     * A chunking BIO that never refuses a call.
     *
     * @param inner the BIO to pass calls on to
     * @param seed the seed of the random choices
     * @param maxChunk the largest piece passed on in one call, at least 1
     */
    public ChunkingBio(Bio inner, long seed, int maxChunk) {
        this(inner, seed, maxChunk, 0.0);
    }

    /**
     * A chunking BIO that also refuses a call with probability {@code retryProbability}.
     *
     * @param inner the BIO to pass calls on to
     * @param seed the seed of the random choices
     * @param maxChunk the largest piece passed on in one call, at least 1
     * @param retryProbability the chance, {@code 0 <= p < 1}, that a call returns {@code -1} with retry flags instead
     */
    public ChunkingBio(Bio inner, long seed, int maxChunk, double retryProbability) {
        super(Objects.requireNonNull(inner, "inner"));
        if (maxChunk < 1) {
            throw new IllegalArgumentException("maxChunk must be at least 1: " + maxChunk);
        }
        // p = 1 would refuse every call forever: a transport that can never move is not a test of retrying.
        if (!(retryProbability >= 0.0 && retryProbability < 1.0)) {
            throw new IllegalArgumentException("retryProbability must be in [0, 1): " + retryProbability);
        }
        this.seed = seed;
        this.maxChunk = maxChunk;
        this.retryProbability = retryProbability;
        this.random = new Random(seed);
    }

    /** The BIO calls are passed on to. */
    public Bio inner() {
        return inner;
    }

    /** {@code BIO_read} of at most a random 1..maxChunk of {@code len} bytes, or a refusal (see the class). */
    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        if (len > 0 && refuse()) {
            return refuseRead();
        }
        passOn();
        return inner.read(b, off, len == 0 ? 0 : chunk(len));
    }

    /** {@code BIO_write} of at most a random 1..maxChunk of {@code len} bytes, or a refusal (see the class). */
    @Override
    public int write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        if (len > 0 && refuse()) {
            return refuseWrite();
        }
        passOn();
        return inner.write(b, off, len == 0 ? 0 : chunk(len));
    }

    private boolean refuse() {
        // No draw when p = 0, so that the sizes chosen for a seed do not depend on whether refusals are on.
        return retryProbability > 0 && random.nextDouble() < retryProbability;
    }

    private int chunk(int len) {
        return Math.min(len, 1 + random.nextInt(maxChunk));
    }

    /** Names the seed, so that a failure can be replayed with the same choices. */
    @Override
    public String toString() {
        return "ChunkingBio[seed=" + seed + ", maxChunk=" + maxChunk + ", retryProbability=" + retryProbability
                + ", inner=" + inner + "]";
    }
}
