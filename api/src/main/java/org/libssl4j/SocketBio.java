package org.libssl4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A socket BIO, as OpenSSL's {@code BIO_new_socket} ({@code BIO_s_socket}): reads and writes a connected
 * {@link SocketChannel}. It is the BIO that {@link Ssl#setChannel(SocketChannel)} ({@code SSL_set_fd}) makes, and
 * {@link Ssl#getChannel()} ({@code SSL_get_fd}) finds its channel. Use it directly to put a socket at the end of a
 * chain ({@code BufferBio.create().push(SslBio.of(ssl)).push(SocketBio.of(channel))}, with the filters of the
 * {@code libssl4j-bio} module) or to read {@link #lastError()}. It lives in the API module, beside {@link Ssl},
 * because {@code SSL_set_fd} needs it and the API depends on no other module.
 *
 * <p>Blocking follows the channel: a blocking channel blocks in {@code read}/{@code write}, a non-blocking one
 * never does. Outcomes are mapped as {@code bss_sock.c} maps {@code recv}/{@code send}:
 * <ul>
 * <li>bytes moved: the count;</li>
 * <li>would block (a non-blocking channel that cannot move a byte, or a blocking read that waited longer than
 *     {@code channel.socket().getSoTimeout()}, which is {@code EAGAIN} under {@code SO_RCVTIMEO} in C): {@code -1}
 *     with {@link #shouldRetry()} and {@link #shouldRead()} / {@link #shouldWrite()} set, so libssl reports
 *     WANT_READ / WANT_WRITE; after a timeout {@link #lastError()} is a {@link SocketTimeoutException};</li>
 * <li>end of stream: {@code 0} with {@link #eof()} true, which libssl reports as an unexpected EOF unless a
 *     close_notify came first;</li>
 * <li>any other failure (a reset, a broken pipe, a closed channel): {@code -1} without retry flags, the exception
 *     in {@link #lastError()} (the {@code errno} of C); libssl reports this as SYSCALL with an empty error queue
 *     (docs/SEMANTICS.md R08.7).</li>
 * </ul>
 * Java has no send timeout ({@code SO_SNDTIMEO}); a blocking write waits until the peer reads. A null buffer or a
 * range outside the array throws at once (README D1).
 *
 * <p>Not thread-safe: one thread at a time, as a {@code BIO} in C. Reads and writes share the retry flags and
 * {@link #lastError()}, so one reader thread and one writer thread on the same BIO are not supported.
 */
public final class SocketBio implements Bio {
    private final SocketChannel channel;
    private final boolean closeChannel;
    private boolean retryRead;
    private boolean retryWrite;
    private boolean eof;
    private boolean closed;
    private IOException lastError;
    // Blocking reads with a timeout go through the socket adaptor's stream: SocketChannel.read ignores
    // SO_TIMEOUT, the adaptor's stream honours it and leaves the channel usable after a timeout.
    private InputStream timedInput;
    private byte[] scratch;

    private SocketBio(SocketChannel channel, boolean closeChannel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        if (channel.isOpen() && !channel.isConnected()) {
            throw new NotYetConnectedException();
        }
        this.closeChannel = closeChannel;
    }

    /**
     * {@code BIO_new_socket(fd, BIO_NOCLOSE)}: a socket BIO that leaves the channel open when closed.
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws NotYetConnectedException if the channel is open and not connected (a pending non-blocking connect
     *     must be finished with {@code finishConnect()} first)
     */
    public static SocketBio of(SocketChannel channel) {
        return new SocketBio(channel, false);
    }

    /**
     * {@code BIO_new_socket(fd, closeFlag)}: with {@code closeChannel} true, {@link #close()} closes the channel
     * too ({@code BIO_CLOSE}).
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws NotYetConnectedException if the channel is open and not connected yet
     */
    public static SocketBio of(SocketChannel channel, boolean closeChannel) {
        return new SocketBio(channel, closeChannel);
    }

    /** {@code BIO_get_fd}: the channel. */
    public SocketChannel channel() {
        return channel;
    }

    /**
     * The exception behind the last failed call, what {@code errno} tells in C: a {@link SocketTimeoutException}
     * after a timed-out blocking read (reported as a retry), the transport's exception after a failure reported
     * without retry flags, or null after a call that did not fail.
     */
    public IOException lastError() {
        return lastError;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        checkRange(b, off, len);
        return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException(); // before reading, so that no byte is lost
        }
        clearFlags();
        if (closed) {
            return refuseClosed();
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        try {
            int n = readChannel(dst);
            if (n < 0) {
                eof = true;
                return 0;
            }
            if (n == 0) {
                retryRead = true;
                return -1;
            }
            return n;
        } catch (SocketTimeoutException e) {
            lastError = e;
            retryRead = true;
            return -1;
        } catch (IOException e) {
            lastError = e;
            return -1;
        }
    }

    private int readChannel(ByteBuffer dst) throws IOException {
        if (!channel.isBlocking() || channel.socket().getSoTimeout() == 0) {
            return channel.read(dst);
        }
        if (timedInput == null) {
            if (channel.socket().isInputShutdown()) {
                return -1; // the adaptor refuses a stream then; a shut-down input reads as end of stream
            }
            timedInput = channel.socket().getInputStream();
        }
        if (dst.hasArray()) {
            int n = timedInput.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        if (scratch == null) {
            scratch = new byte[16 * 1024];
        }
        int n = timedInput.read(scratch, 0, Math.min(scratch.length, dst.remaining()));
        if (n > 0) {
            dst.put(scratch, 0, n);
        }
        return n;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        checkRange(b, off, len);
        return write(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        clearFlags();
        if (closed) {
            return refuseClosed();
        }
        if (!src.hasRemaining()) {
            return 0;
        }
        try {
            int n = channel.write(src);
            if (n == 0) {
                retryWrite = true;
                return -1;
            }
            return n;
        } catch (IOException e) {
            lastError = e;
            return -1;
        }
    }

    /** README D1, worded as the bio module's BIOs word it: the message names the argument that is wrong. */
    private static void checkRange(byte[] b, int off, int len) {
        Objects.requireNonNull(b, "b");
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException(
                    "off " + off + ", len " + len + " out of bounds for b.length " + b.length);
        }
    }

    private void clearFlags() {
        retryRead = false;
        retryWrite = false;
        lastError = null;
    }

    @Override
    public boolean shouldRetry() {
        return retryRead || retryWrite;
    }

    @Override
    public boolean shouldRead() {
        return retryRead;
    }

    @Override
    public boolean shouldWrite() {
        return retryWrite;
    }

    /** {@code BIO_ctrl_pending} of a socket BIO is 0: the kernel's buffer is not counted, as in C. */
    @Override
    public long pending() {
        return 0;
    }

    @Override
    public boolean eof() {
        return eof;
    }

    /**
     * A read or write after {@link #close()}: {@code -1} without retry flags, {@link #lastError()} a
     * {@link java.nio.channels.ClosedChannelException}, as on a closed channel, even when the channel was left open
     * ({@code BIO_NOCLOSE}): the BIO is freed, the channel is not (MISUSE-9).
     */
    private int refuseClosed() {
        lastError = new java.nio.channels.ClosedChannelException();
        return -1;
    }

    /**
     * {@code BIO_free}: closes the channel if this BIO owns it ({@link #of(SocketChannel, boolean)}); later reads and
     * writes fail as on a closed channel either way. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        if (closeChannel) {
            try {
                channel.close();
            } catch (IOException e) {
                lastError = e; // nothing more to do with a socket that is going away
            }
        }
    }

    @Override
    public String toString() {
        return "SocketBio[" + channel + "]";
    }
}
