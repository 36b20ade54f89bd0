package org.libssl4j.bio;

import java.nio.ByteBuffer;
import org.libssl4j.Bio;

/**
 * A null BIO, as OpenSSL's {@code BIO_s_null}: a sink that discards everything written to it and a source that is
 * always at end of stream. Useful where an API needs a BIO but the bytes do not matter.
 *
 * <p>It holds no state (it never sets retry flags), so it is safe to share between threads; closing it changes
 * nothing.
 */
public final class NullBio implements Bio {

    private NullBio() {
    }

    /**
     * {@code BIO_new(BIO_s_null())}: a new null BIO.
     *
     * @return a null BIO
     */
    public static NullBio create() {
        return new NullBio();
    }

    /** {@code BIO_read} on a null BIO: always {@code 0}, end of stream, without retry flags. */
    @Override
    public int read(byte[] b, int off, int len) {
        // The arguments are still checked, so that a bug shows here and not when a real BIO is swapped in.
        Checks.range(b, off, len);
        return 0;
    }

    /**
     * {@code BIO_read} into {@code dst}: always {@code 0}; {@code dst} is left as it is.
     *
     * @throws NullPointerException if {@code dst} is null
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    @Override
    public int read(ByteBuffer dst) {
        Checks.readTarget(dst);
        return 0;
    }

    /** {@code BIO_write} on a null BIO: discards the bytes and returns {@code len}, all of them taken. */
    @Override
    public int write(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        return len;
    }

    /**
     * {@code BIO_write} of {@code src}: discards its remaining bytes, moves its position to its limit and returns
     * how many there were.
     *
     * @throws NullPointerException if {@code src} is null
     */
    @Override
    public int write(ByteBuffer src) {
        Checks.writeSource(src);
        int n = src.remaining();
        src.position(src.limit());
        return n;
    }

    /** {@code BIO_should_retry}: always false, a null BIO never waits. */
    @Override
    public boolean shouldRetry() {
        return false;
    }

    /** {@code BIO_should_read}: always false. */
    @Override
    public boolean shouldRead() {
        return false;
    }

    /** {@code BIO_should_write}: always false. */
    @Override
    public boolean shouldWrite() {
        return false;
    }

    /** {@code BIO_ctrl_pending}: always {@code 0}, there is never anything to read. */
    @Override
    public long pending() {
        return 0;
    }

    /** {@code BIO_eof} ({@code BIO_CTRL_EOF} on a null BIO): always true. */
    @Override
    public boolean eof() {
        return true;
    }

    /** {@code BIO_free}: nothing to release. Idempotent. */
    @Override
    public void close() {
        // Nothing is held.
    }

    @Override
    public String toString() {
        return "NullBio";
    }
}
