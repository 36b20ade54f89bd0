package org.libssl4j.fuzz;

/**
 * Decisions read from a fuzz input, front to back: a byte array as a source of bounded integers and booleans, for
 * targets whose input is a plan rather than data. An exhausted input answers the lowest choice, so every input is a
 * valid plan and a seed file is plain bytes.
 */
final class Choices {
    private final byte[] input;
    private int next;

    Choices(byte[] input, int from) {
        this.input = input;
        this.next = from;
    }

    /** Bytes not yet used. */
    int remaining() {
        return input.length - next;
    }

    boolean nextBoolean() {
        return (nextByte() & 1) != 0;
    }

    /** An integer in {@code [min, max]}, from as few bytes as the range needs. */
    int nextInt(int min, int max) {
        long range = (long) max - min;
        long value = 0;
        for (long covered = 0; covered < range && remaining() > 0; covered = (covered << 8) | 0xFF) {
            value = (value << 8) | nextByte();
        }
        return (int) (min + value % (range + 1));
    }

    private int nextByte() {
        return next < input.length ? input[next++] & 0xFF : 0;
    }
}
