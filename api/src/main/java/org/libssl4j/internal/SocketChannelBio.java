package org.libssl4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import org.libssl4j.Bio;

/**
 * A socket BIO over a connected {@link SocketChannel}, as OpenSSL's {@code BIO_s_socket}: the one
 * implementation behind {@code Ssl.setChannel} ({@code SSL_set_fd}) and the bio module's {@code SocketBio}.
 *
 * <p>It maps the channel's outcomes as {@code bss_sock.c} maps {@code recv}/{@code send}:
 * <ul>
 * <li>bytes moved: the count;</li>
 * <li>would block (a non-blocking channel returning 0, or a blocking read that exceeded
 *     {@code socket().getSoTimeout()}, which is {@code EAGAIN} under {@code SO_RCVTIMEO} in C): {@code -1} with
 *     the retry flags, so libssl reports WANT_READ / WANT_WRITE;</li>
 * <li>end of stream: {@code 0} and {@link #eof()} true, which libssl reports as an unexpected EOF unless a
 *     close_notify came first;</li>
 * <li>any other failure (reset, broken pipe, closed channel): {@code -1} without retry flags, which libssl
 *     reports as SYSCALL with an empty error queue (docs/SEMANTICS.md R08.7). The exception is kept, as C keeps
 *     {@code errno}: {@link #lastError()}.</li>
 * </ul>
 * Blocking follows the channel: a blocking channel blocks in {@code read}/{@code write}, a non-blocking one
 * never does.
 */
public final class SocketChannelBio implements Bio, ChannelBackedBio {
    private final SocketChannel channel;
    private final boolean closeChannel;
    private boolean retryRead;
    private boolean retryWrite;
    private boolean eof;
    private IOException lastError;
    // Blocking reads with a timeout go through the socket adaptor's stream: SocketChannel.read ignores
    // SO_TIMEOUT, the adaptor's stream honours it and leaves the channel usable after a timeout.
    private InputStream timedInput;
    private byte[] scratch;

    /**
     * @param channel a connected channel
     * @param closeChannel whether {@link #close()} closes the channel ({@code BIO_CLOSE}) or leaves it to the
     *     caller ({@code BIO_NOCLOSE}, what {@code SSL_set_fd} uses)
     * @throws NullPointerException if {@code channel} is null
     * @throws NotYetConnectedException if the channel is open and not connected (a pending non-blocking connect
     *     must be finished with {@code finishConnect()} first)
     */
    public SocketChannelBio(SocketChannel channel, boolean closeChannel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        if (channel.isOpen() && !channel.isConnected()) {
            throw new NotYetConnectedException();
        }
        this.closeChannel = closeChannel;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    /**
     * The exception behind the last failed call ({@code errno} in C): a {@link SocketTimeoutException} after a
     * timed-out blocking read (reported as a retry), the transport's exception after a failure reported without
     * retry flags, or null after a call that did not fail.
     */
    public IOException lastError() {
        return lastError;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        clearFlags();
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
        Objects.checkFromIndexSize(off, len, b.length);
        return write(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        clearFlags();
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

    @Override
    public void close() {
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
