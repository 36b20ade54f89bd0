package org.libssl4j.testkit;

import org.libssl4j.Bio;

/**
 * A {@link ForwardingBio} that may refuse a call itself, with {@code -1} and its own retry flags, as a transport
 * that says "try again" does; after a call it passed on, the flags are the inner BIO's. The base of the test kit's
 * BIOs that refuse calls ({@link ChunkingBio}, {@link AlwaysRetryBio}).
 */
public abstract class RefusingBio extends ForwardingBio {
    private Flags flags = Flags.INNER;

    private enum Flags { INNER, RETRY_READ, RETRY_WRITE }

    /** A BIO that passes calls on to {@code inner} unless it refuses them. */
    protected RefusingBio(Bio inner) {
        super(inner);
    }

    /** Refuses a read: the caller returns this, {@code -1}, with shouldRetry and shouldRead set. */
    protected final int refuseRead() {
        flags = Flags.RETRY_READ;
        return -1;
    }

    /** Refuses a write: the caller returns this, {@code -1}, with shouldRetry and shouldWrite set. */
    protected final int refuseWrite() {
        flags = Flags.RETRY_WRITE;
        return -1;
    }

    /** The call is passed on: the retry flags are the inner BIO's again. */
    protected final void passOn() {
        flags = Flags.INNER;
    }

    @Override
    public boolean shouldRetry() {
        return flags == Flags.INNER ? inner.shouldRetry() : true;
    }

    @Override
    public boolean shouldRead() {
        return flags == Flags.INNER ? inner.shouldRead() : flags == Flags.RETRY_READ;
    }

    @Override
    public boolean shouldWrite() {
        return flags == Flags.INNER ? inner.shouldWrite() : flags == Flags.RETRY_WRITE;
    }

    @Override
    public boolean shouldIoSpecial() {
        return flags == Flags.INNER && inner.shouldIoSpecial();
    }

    @Override
    public int flush() {
        passOn();
        return inner.flush();
    }
}
