package org.libssl4j.bio;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

/** Argument checks shared by the BIOs, so every one words its exceptions the same way (deliberate difference D1). */
final class Checks {
    private Checks() {
    }

    /**
     * Checks that {@code off} and {@code len} describe a range of {@code b}. The message names the arguments,
     * which {@link java.util.Objects#checkFromIndexSize} does not, so a caller sees at once which one is wrong.
     */
    static void range(byte[] b, int off, int len) {
        if (b == null) {
            throw new NullPointerException("b");
        }
        // len > b.length - off cannot overflow: both operands are non-negative here.
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException(
                    "off " + off + ", len " + len + " out of bounds for b.length " + b.length);
        }
    }

    /** Checks a buffer that a read fills: it must exist and be writable, even when it has no room left. */
    static void readTarget(ByteBuffer dst) {
        if (dst == null) {
            throw new NullPointerException("dst");
        }
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
    }

    /** Checks a buffer that a write drains. */
    static void writeSource(ByteBuffer src) {
        if (src == null) {
            throw new NullPointerException("src");
        }
    }
}
