package org.libssl4j.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.libssl4j.Bio;

/**
 * A minimal non-blocking socket BIO for the seed's socket sentences: a would-block read or write returns -1 with
 * the retry flags, as {@code BIO_s_socket} does on EAGAIN. (The product's socket BIO comes with its own issue.)
 */
final class ChannelBio implements Bio {
    private final SocketChannel channel;
    private boolean retryRead;
    private boolean retryWrite;
    private boolean eof;

    ChannelBio(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        retryRead = false;
        retryWrite = false;
        try {
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            if (n < 0) {
                eof = true;
                return 0;
            }
            if (n == 0 && len > 0) {
                retryRead = true;
                return -1;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int write(byte[] b, int off, int len) {
        retryRead = false;
        retryWrite = false;
        try {
            int n = channel.write(ByteBuffer.wrap(b, off, len));
            if (n == 0 && len > 0) {
                retryWrite = true;
                return -1;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override public boolean shouldRetry() { return retryRead || retryWrite; }
    @Override public boolean shouldRead() { return retryRead; }
    @Override public boolean shouldWrite() { return retryWrite; }
    @Override public long pending() { return 0; }
    @Override public boolean eof() { return eof; }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
