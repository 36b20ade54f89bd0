package org.libssl4j.bio;

import java.util.Objects;
import org.libssl4j.Bio;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;

/**
 * An SSL filter BIO, as OpenSSL's {@code BIO_f_ssl}: writes to it are {@link Ssl#write} calls, reads are
 * {@link Ssl#read} calls, and the {@linkplain #next() next BIO} is the connection's transport, so a chain such as
 * {@code BufferBio.create().push(SslBio.of(ssl)).push(SocketBio.of(channel))} buffers plaintext, encrypts it and
 * sends the records on a socket.
 *
 * <p>As in {@code bio_ssl.c}, {@link Ssl#getError(int)} becomes this BIO's retry flags: WANT_READ sets
 * {@link #shouldRead()}, WANT_WRITE {@link #shouldWrite()}, WANT_X509_LOOKUP, WANT_CONNECT and WANT_ACCEPT
 * {@link #shouldIoSpecial()}; every other outcome (SSL, SYSCALL, ZERO_RETURN) sets none, and its reason stays on
 * the thread's error queue. Setting the next BIO ({@code BIO_push}) gives it to the connection as both read and
 * write BIO ({@code SSL_set_bio}).
 *
 * <p>Not thread-safe: one thread at a time, as a {@code BIO} in C.
 */
public final class SslBio implements Bio {
    private final Ssl ssl;
    private final boolean closeSsl;
    private Bio next;
    private final RetryFlags flags = new RetryFlags();
    private boolean closed;

    private SslBio(Ssl ssl, boolean closeSsl) {
        this.ssl = Objects.requireNonNull(ssl, "ssl");
        this.closeSsl = closeSsl;
        this.next = ssl.getRbio();
    }

    /**
     * {@code BIO_new(BIO_f_ssl())} with {@code BIO_set_ssl(b, ssl, BIO_NOCLOSE)}: the connection stays the
     * caller's to close.
     *
     * @throws NullPointerException if {@code ssl} is null
     */
    public static SslBio of(Ssl ssl) {
        return new SslBio(ssl, false);
    }

    /**
     * {@code BIO_set_ssl(b, ssl, closeFlag)}: with {@code closeSsl} true, {@link #close()} frees the connection.
     *
     * @throws NullPointerException if {@code ssl} is null
     */
    public static SslBio of(Ssl ssl, boolean closeSsl) {
        return new SslBio(ssl, closeSsl);
    }

    /**
     * {@code BIO_new_ssl(ctx, client)}: a new connection from {@code ctx}, in client or server state, owned by
     * the BIO.
     *
     * @throws NullPointerException if {@code ctx} is null
     * @throws IllegalStateException if the context's method does not allow that role
     */
    public static SslBio create(SslCtx ctx, boolean client) {
        Ssl ssl = ctx.newSsl();
        try {
            if (client) {
                ssl.setConnectState();
            } else {
                ssl.setAcceptState();
            }
        } catch (RuntimeException e) {
            ssl.close();
            throw e;
        }
        return new SslBio(ssl, true);
    }

    /** {@code BIO_get_ssl}: the connection. */
    public Ssl ssl() {
        return ssl;
    }

    @Override
    public Bio next() {
        return next;
    }

    /**
     * {@code BIO_push} onto this BIO: {@code next} becomes the connection's read and write BIO. Once this BIO is
     * closed the connection, which may be the caller's, is left alone (MISUSE-9).
     */
    @Override
    public void setNext(Bio next) {
        this.next = next;
        if (!closed) {
            ssl.setBio(next, next);
        }
    }

    /** {@code BIO_do_handshake}: {@link Ssl#doHandshake()}, with the retry flags set from its outcome. */
    public int doHandshake() {
        return closed ? refuseClosed() : outcome(ssl.doHandshake());
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        return closed ? refuseClosed() : outcome(ssl.read(b, off, len));
    }

    @Override
    public int write(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        return closed ? refuseClosed() : outcome(ssl.write(b, off, len));
    }

    /**
     * A call after {@link #close()}: 0 without retry flags, as the other BIOs of this module answer once closed,
     * and without touching the connection, which may be the caller's (MISUSE-9).
     */
    private int refuseClosed() {
        flags.clear();
        return 0;
    }

    private int outcome(int ret) {
        flags.clear();
        if (ret > 0) {
            return ret;
        }
        switch (ssl.getError(ret)) {
            case WANT_READ:
                flags.setRead();
                break;
            case WANT_WRITE:
                flags.setWrite();
                break;
            case WANT_X509_LOOKUP:
            case WANT_CONNECT:
            case WANT_ACCEPT:
                flags.setSpecial();
                break;
            default:
                break;
        }
        return ret;
    }

    @Override
    public boolean shouldRetry() {
        return flags.shouldRetry();
    }

    @Override
    public boolean shouldRead() {
        return flags.shouldRead();
    }

    @Override
    public boolean shouldWrite() {
        return flags.shouldWrite();
    }

    @Override
    public boolean shouldIoSpecial() {
        return flags.shouldIoSpecial();
    }

    /** {@code SSL_pending}, or when nothing is decrypted, what the connection's read BIO has (as {@code bio_ssl.c}). */
    @Override
    public long pending() {
        int decrypted = ssl.pending();
        Bio rbio = ssl.getRbio();
        return decrypted > 0 ? decrypted : rbio == null ? 0 : rbio.pending();
    }

    /** What the connection's write BIO holds unsent. */
    @Override
    public long wpending() {
        Bio wbio = ssl.getWbio();
        return wbio == null ? 0 : wbio.wpending();
    }

    /** {@code BIO_flush}: flushes the connection's write BIO. */
    @Override
    public int flush() {
        flags.clear();
        Bio wbio = closed ? null : ssl.getWbio();
        if (wbio == null) {
            return 0;
        }
        int r = wbio.flush();
        if (r <= 0) {
            flags.copyFrom(wbio);
        }
        return r;
    }

    /**
     * {@code BIO_eof}: the connection's read BIO is at its end, as {@code bio_ssl.c} passes the question on. (A
     * received close_notify is {@code (ssl().getShutdown() & Ssl.RECEIVED_SHUTDOWN) != 0}.)
     */
    @Override
    public boolean eof() {
        Bio rbio = ssl.getRbio();
        return rbio != null && rbio.eof();
    }

    /**
     * {@code BIO_free}: if the BIO owns the connection ({@link #of(Ssl, boolean)} with {@code true}, or
     * {@link #create}), sends close_notify ({@link Ssl#shutdown()}, once, without waiting for the peer's) unless the
     * handshake is unfinished, then frees the connection; as {@code bio_ssl.c} since OpenSSL 3.0.1. A connection the
     * caller owns is left untouched. Later reads, writes, handshakes and flushes return 0 without retry flags
     * (MISUSE-9). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (closeSsl) {
            if (ssl.isInitFinished() && (ssl.getShutdown() & Ssl.SENT_SHUTDOWN) == 0) {
                ssl.shutdown();
            }
            ssl.close();
        }
    }

    @Override
    public String toString() {
        return "SslBio[" + ssl + "]";
    }
}
