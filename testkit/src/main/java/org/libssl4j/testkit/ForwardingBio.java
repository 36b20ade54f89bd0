package org.libssl4j.testkit;

import org.libssl4j.Bio;

/**
 * A BIO that passes every call to {@code inner}: the base of a test's BIO that changes one or two calls (counts
 * writes, refuses them, fails them), so that it states only what it changes.
 */
public class ForwardingBio implements Bio {
    /** The BIO every call goes to unless a subclass says otherwise. */
    protected final Bio inner;

    /** A BIO that forwards to {@code inner}. */
    public ForwardingBio(Bio inner) {
        this.inner = inner;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return inner.read(b, off, len);
    }

    @Override
    public int write(byte[] b, int off, int len) {
        return inner.write(b, off, len);
    }

    @Override
    public boolean shouldRetry() {
        return inner.shouldRetry();
    }

    @Override
    public boolean shouldRead() {
        return inner.shouldRead();
    }

    @Override
    public boolean shouldWrite() {
        return inner.shouldWrite();
    }

    @Override
    public boolean shouldIoSpecial() {
        return inner.shouldIoSpecial();
    }

    @Override
    public long pending() {
        return inner.pending();
    }

    @Override
    public long wpending() {
        return inner.wpending();
    }

    @Override
    public int flush() {
        return inner.flush();
    }

    @Override
    public boolean eof() {
        return inner.eof();
    }

    @Override
    public void close() {
        inner.close();
    }
}
