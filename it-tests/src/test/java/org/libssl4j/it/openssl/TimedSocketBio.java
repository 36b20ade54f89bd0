package org.libssl4j.it.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import org.libssl4j.Bio;

/**
 * A blocking socket BIO whose reads honour {@code SO_TIMEOUT}, as {@code BIO_s_socket} on a socket with
 * {@code SO_RCVTIMEO}: a timed-out read returns -1 with the retry flags (so {@code SSL_read} answers WANT_READ),
 * end of stream returns 0 with {@code eof()} true, and any other failure (a reset) returns -1 without retry flags.
 * A stand-in for the product's socket BIO until {@code Ssl.setChannel} is on this branch.
 */
final class TimedSocketBio implements Bio {
    private final InputStream in;
    private final OutputStream out;
    private boolean retryRead;
    private boolean eof;

    TimedSocketBio(SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        this.in = channel.socket().getInputStream();
        this.out = channel.socket().getOutputStream();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        retryRead = false;
        if (len == 0) {
            return 0;
        }
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                eof = true;
                return 0;
            }
            return n;
        } catch (SocketTimeoutException e) {
            retryRead = true;
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int write(byte[] b, int off, int len) {
        retryRead = false;
        try {
            out.write(b, off, len);
            return len;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override public boolean shouldRetry() { return retryRead; }
    @Override public boolean shouldRead() { return retryRead; }
    @Override public boolean shouldWrite() { return false; }
    @Override public long pending() { return 0; }
    @Override public boolean eof() { return eof; }

    @Override
    public void close() {
        // the test closes the channel
    }
}
