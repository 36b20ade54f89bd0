package org.libssl4j.bio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.libssl4j.Bio;
import org.libssl4j.internal.ChannelBackedBio;
import org.libssl4j.internal.SocketChannelBio;

/**
 * A socket BIO, as OpenSSL's {@code BIO_new_socket}: reads and writes a connected {@link SocketChannel}.
 * It behaves exactly as the BIO that {@link org.libssl4j.Ssl#setChannel(SocketChannel)} makes (one implementation
 * serves both); use this class to put a socket at the end of a chain
 * ({@code BufferBio.create().push(SslBio.of(ssl)).push(SocketBio.of(channel))}) or to read {@link #lastError()}.
 *
 * <p>Blocking follows the channel. Outcomes are mapped as {@code BIO_s_socket} maps them:
 * <ul>
 * <li>a non-blocking channel that cannot move a byte, or a blocking read that waited longer than
 *     {@code channel.socket().getSoTimeout()}: {@code -1} with {@link #shouldRetry()} and
 *     {@link #shouldRead()} / {@link #shouldWrite()} set (a timeout is {@code EAGAIN} under {@code SO_RCVTIMEO}
 *     in C; {@link #lastError()} is then a {@link java.net.SocketTimeoutException});</li>
 * <li>end of stream: {@code 0} with {@link #eof()} true;</li>
 * <li>a reset, a broken pipe or a closed channel: {@code -1} without retry flags, the exception in
 *     {@link #lastError()} (the {@code errno} of C). libssl reports this as SYSCALL with an empty error
 *     queue.</li>
 * </ul>
 * Java has no send timeout ({@code SO_SNDTIMEO}); a blocking write waits until the peer reads.
 *
 * <p>Not thread-safe: one thread at a time, as a {@code BIO} in C. Reads and writes share the retry flags and
 * {@link #lastError()}, so one reader thread and one writer thread on the same BIO are not supported.
 */
public final class SocketBio implements Bio, ChannelBackedBio {
    private final SocketChannelBio socket;

    private SocketBio(SocketChannel channel, boolean closeChannel) {
        this.socket = new SocketChannelBio(channel, closeChannel);
    }

    /**
     * {@code BIO_new_socket(fd, BIO_NOCLOSE)}: a socket BIO that leaves the channel open when closed.
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws java.nio.channels.NotYetConnectedException if the channel is open and not connected yet
     */
    public static SocketBio of(SocketChannel channel) {
        return new SocketBio(channel, false);
    }

    /**
     * {@code BIO_new_socket(fd, closeFlag)}: with {@code closeChannel} true, {@link #close()} closes the channel
     * too ({@code BIO_CLOSE}).
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws java.nio.channels.NotYetConnectedException if the channel is open and not connected yet
     */
    public static SocketBio of(SocketChannel channel, boolean closeChannel) {
        return new SocketBio(channel, closeChannel);
    }

    /** {@code BIO_get_fd}: the channel. */
    @Override
    public SocketChannel channel() {
        return socket.channel();
    }

    /**
     * The exception behind the last failed call, or null: what {@code errno} tells in C. After a timed-out
     * blocking read it is a {@link java.net.SocketTimeoutException}.
     */
    public IOException lastError() {
        return socket.lastError();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        return socket.read(b, off, len);
    }

    @Override
    public int write(byte[] b, int off, int len) {
        Checks.range(b, off, len);
        return socket.write(b, off, len);
    }

    @Override
    public int read(ByteBuffer dst) {
        Checks.readTarget(dst);
        return socket.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
        Checks.writeSource(src);
        return socket.write(src);
    }

    @Override
    public boolean shouldRetry() {
        return socket.shouldRetry();
    }

    @Override
    public boolean shouldRead() {
        return socket.shouldRead();
    }

    @Override
    public boolean shouldWrite() {
        return socket.shouldWrite();
    }

    @Override
    public long pending() {
        return socket.pending();
    }

    @Override
    public boolean eof() {
        return socket.eof();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return socket.toString();
    }
}
