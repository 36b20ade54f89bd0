package org.libssl4j.testkit;

import java.util.Objects;
import java.util.SplittableRandom;
import org.libssl4j.Bio;

/**
 * A {@link Bio} decorator that answers "retry" before every real transfer: each read or write that would move
 * bytes is first refused with {@code -1} and the retry flags (read or write, as the call), one to
 * {@code 1 + maxExtraRefusals} times at random, and only then passed on to the inner BIO once. It is OpenSSL's own
 * test trick (the "always retry" BIO of its test suite) for proving that a TLS layer keeps its place across
 * retries: a caller that drops or repeats anything on a retry loses or doubles bytes at once.
 *
 * <p>Bytes are never lost, doubled or reordered: every byte passes through the inner BIO once, in order. Calls of
 * length 0, {@code pending}, {@code flush}, {@code eof} and {@code close} go straight through ({@link RefusingBio}).
 */
public final class AlwaysRetryBio extends RefusingBio {
    private final long seed;
    private final int maxExtraRefusals;
    private final SplittableRandom random;
    private int refusalsBeforeNextRead;
    private int refusalsBeforeNextWrite;
    private long refusals;

    /**
     * An always-retry BIO.
     *
     * @param inner the BIO to pass calls on to
     * @param seed the seed of the number of refusals before each transfer
     * @param maxExtraRefusals how many refusals beyond the first may precede a transfer, 0 or more
     */
    public AlwaysRetryBio(Bio inner, long seed, int maxExtraRefusals) {
        super(Objects.requireNonNull(inner, "inner"));
        if (maxExtraRefusals < 0) {
            throw new IllegalArgumentException("maxExtraRefusals must be 0 or more: " + maxExtraRefusals);
        }
        this.seed = seed;
        this.maxExtraRefusals = maxExtraRefusals;
        this.random = new SplittableRandom(seed);
        this.refusalsBeforeNextRead = draw();
        this.refusalsBeforeNextWrite = draw();
    }

    private int draw() {
        return 1 + random.nextInt(maxExtraRefusals + 1);
    }

    /** How many calls this BIO has refused so far. */
    public long refusals() {
        return refusals;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        if (len > 0 && refusalsBeforeNextRead > 0) {
            refusalsBeforeNextRead--;
            refusals++;
            return refuseRead();
        }
        passOn();
        int n = inner.read(b, off, len);
        if (n > 0) {
            refusalsBeforeNextRead = draw();
        }
        return n;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, Objects.requireNonNull(b, "b").length);
        if (len > 0 && refusalsBeforeNextWrite > 0) {
            refusalsBeforeNextWrite--;
            refusals++;
            return refuseWrite();
        }
        passOn();
        int n = inner.write(b, off, len);
        if (n > 0) {
            refusalsBeforeNextWrite = draw();
        }
        return n;
    }

    /** Names the seed, so that a failure can be replayed. */
    @Override
    public String toString() {
        return "AlwaysRetryBio[seed=" + seed + ", maxExtraRefusals=" + maxExtraRefusals + ", inner=" + inner + "]";
    }
}
