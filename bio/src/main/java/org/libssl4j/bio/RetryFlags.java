package org.libssl4j.bio;

import org.libssl4j.Bio;

/**
 * The retry flags of a filter BIO ({@code BIO_should_retry}, {@code _read}, {@code _write}, {@code _io_special}),
 * which it sets itself or copies from the BIO below it ({@code BIO_copy_next_retry}).
 */
final class RetryFlags {
    private boolean read;
    private boolean write;
    private boolean special;

    void clear() {
        read = false;
        write = false;
        special = false;
    }

    void setRead() {
        read = true;
    }

    void setWrite() {
        write = true;
    }

    void setSpecial() {
        special = true;
    }

    /** {@code BIO_copy_next_retry}: the flags {@code next}'s last call left. */
    void copyFrom(Bio next) {
        boolean retry = next.shouldRetry();
        read = retry && next.shouldRead();
        write = retry && next.shouldWrite();
        special = retry && next.shouldIoSpecial();
    }

    boolean shouldRetry() {
        return read || write || special;
    }

    boolean shouldRead() {
        return read;
    }

    boolean shouldWrite() {
        return write;
    }

    boolean shouldIoSpecial() {
        return special;
    }
}
