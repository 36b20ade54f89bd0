package org.libssl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link SocketBio} over a loopback connection: the outcomes {@code bss_sock.c} gives, one per test. */
class SocketBioTest {
    private ServerSocketChannel listener;
    private SocketChannel near;
    private SocketChannel far;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        near = SocketChannel.open(listener.getLocalAddress());
        far = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        near.close();
        far.close();
        listener.close();
    }

    private static void assertNoFlags(SocketBio bio) {
        assertThat(bio.shouldRetry()).isFalse();
        assertThat(bio.shouldRead()).isFalse();
        assertThat(bio.shouldWrite()).isFalse();
    }

    @Test
    @DisplayName("bytes written on one end are read on the other, in order, with no flags")
    void movesBytes() throws IOException {
        SocketBio a = SocketBio.of(near);
        assertThat(a.write(new byte[] {1, 2, 3, 4}, 1, 3)).isEqualTo(3);
        assertNoFlags(a);
        ByteBuffer got = ByteBuffer.allocate(3);
        while (got.hasRemaining()) {
            far.read(got);
        }
        assertThat(got.array()).containsExactly(2, 3, 4);

        far.write(ByteBuffer.wrap(new byte[] {9, 8}));
        byte[] b = new byte[2];
        int n = 0;
        while (n < 2) {
            n += a.read(b, n, 2 - n);
        }
        assertThat(b).containsExactly(9, 8);
        assertThat(a.eof()).isFalse();
        assertThat(a.pending()).isZero();
    }

    @Test
    @DisplayName("non-blocking, nothing to read: -1 with retry + read, as EAGAIN in C")
    void wouldBlockRead() throws IOException {
        near.configureBlocking(false);
        SocketBio a = SocketBio.of(near);
        assertThat(a.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(a.shouldRetry()).isTrue();
        assertThat(a.shouldRead()).isTrue();
        assertThat(a.shouldWrite()).isFalse();
        assertThat(a.eof()).isFalse();
        assertThat(a.lastError()).isNull();
    }

    @Test
    @DisplayName("non-blocking, send buffer full: -1 with retry + write, and every byte taken before arrives")
    void wouldBlockWrite() throws IOException {
        near.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        near.configureBlocking(false);
        SocketBio a = SocketBio.of(near);
        byte[] chunk = new byte[64 * 1024];
        long taken = 0;
        int r;
        while ((r = a.write(chunk, 0, chunk.length)) > 0) {
            taken += r;
        }
        assertThat(r).isEqualTo(-1);
        assertThat(a.shouldRetry()).isTrue();
        assertThat(a.shouldWrite()).isTrue();
        assertThat(a.shouldRead()).isFalse();
        assertThat(taken).isPositive();

        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        long received = 0;
        while (received < taken) {
            sink.clear();
            received += far.read(sink);
        }
        assertThat(received).isEqualTo(taken);
    }

    @Test
    @DisplayName("orderly end of stream: 0, no flags, eof true")
    void endOfStream() throws IOException {
        far.close();
        SocketBio a = SocketBio.of(near);
        assertThat(a.read(new byte[8], 0, 8)).isZero();
        assertNoFlags(a);
        assertThat(a.eof()).isTrue();
    }

    @Test
    @DisplayName("connection reset: -1 without retry flags, eof false, the exception kept as errno")
    void reset() throws IOException {
        far.setOption(StandardSocketOptions.SO_LINGER, 0);
        far.close(); // linger 0: the close sends RST
        SocketBio a = SocketBio.of(near);
        assertThat(a.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertNoFlags(a);
        assertThat(a.eof()).isFalse();
        assertThat(a.lastError()).isInstanceOf(IOException.class).hasMessageContaining("reset");
    }

    @Test
    @DisplayName("blocking read past SO_TIMEOUT: -1 with retry + read, SocketTimeoutException kept; the socket still works")
    void readTimeout() throws IOException {
        near.socket().setSoTimeout(100);
        SocketBio a = SocketBio.of(near);
        byte[] b = new byte[4];
        assertThat(a.read(b, 0, 4)).isEqualTo(-1);
        assertThat(a.shouldRetry()).isTrue();
        assertThat(a.shouldRead()).isTrue();
        assertThat(a.lastError()).isInstanceOf(SocketTimeoutException.class);

        far.write(ByteBuffer.wrap(new byte[] {7}));
        assertThat(a.read(b, 0, 4)).isEqualTo(1);
        assertThat(b[0]).isEqualTo((byte) 7);
        assertThat(a.lastError()).isNull();
        assertNoFlags(a);
    }

    @Test
    @DisplayName("a timed blocking read after shutdownInput is end of stream, as an untimed one")
    void timedReadAfterShutdownInput() throws IOException {
        near.socket().setSoTimeout(1000);
        near.shutdownInput();
        SocketBio a = SocketBio.of(near);
        assertThat(a.read(new byte[4], 0, 4)).isZero();
        assertNoFlags(a);
        assertThat(a.eof()).isTrue();
    }

    @Test
    @DisplayName("a timed blocking read fills a direct buffer too")
    void readTimeoutDirect() throws IOException {
        near.socket().setSoTimeout(5000);
        SocketBio a = SocketBio.of(near);
        far.write(ByteBuffer.wrap(new byte[] {5, 6}));
        ByteBuffer direct = ByteBuffer.allocateDirect(2);
        while (direct.hasRemaining()) {
            assertThat(a.read(direct)).isPositive();
        }
        assertThat(direct.get(0)).isEqualTo((byte) 5);
        assertThat(direct.get(1)).isEqualTo((byte) 6);
    }

    @Test
    @DisplayName("a closed channel: -1 without retry flags, ClosedChannelException kept")
    void closedChannel() throws IOException {
        SocketBio a = SocketBio.of(near);
        near.close();
        assertThat(a.write(new byte[1], 0, 1)).isEqualTo(-1);
        assertNoFlags(a);
        assertThat(a.lastError()).isInstanceOf(ClosedChannelException.class);
        assertThat(a.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertNoFlags(a);
    }

    @Test
    @DisplayName("zero-length calls return 0 and touch nothing")
    void zeroLength() {
        SocketBio a = SocketBio.of(near);
        assertThat(a.read(new byte[1], 0, 0)).isZero();
        assertThat(a.write(new byte[1], 0, 0)).isZero();
        assertNoFlags(a);
        assertThat(a.eof()).isFalse();
    }

    @Test
    @DisplayName("close leaves the channel open by default (BIO_NOCLOSE) and closes it with BIO_CLOSE")
    void closeFlag() {
        SocketBio.of(near).close();
        assertThat(near.isOpen()).isTrue();
        SocketBio owned = SocketBio.of(near, true);
        owned.close();
        assertThat(near.isOpen()).isFalse();
    }

    @Test
    @DisplayName("programming errors throw at once: null channel, unconnected channel, bad ranges, push onto a sink")
    void programmingErrors() throws IOException {
        assertThatThrownBy(() -> SocketBio.of(null)).isInstanceOf(NullPointerException.class);
        try (SocketChannel unconnected = SocketChannel.open()) {
            assertThatThrownBy(() -> SocketBio.of(unconnected)).isInstanceOf(NotYetConnectedException.class);
        }
        SocketBio a = SocketBio.of(near);
        assertThatThrownBy(() -> a.read(null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("b");
        assertThatThrownBy(() -> a.write(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("off 1, len 2 out of bounds for b.length 2");
        assertThatThrownBy(() -> a.read(ByteBuffer.allocate(1).asReadOnlyBuffer()))
                .isInstanceOf(java.nio.ReadOnlyBufferException.class);
        assertThatThrownBy(() -> a.push(SocketBio.of(far)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("source/sink");
        assertThat(a.next()).isNull();
        assertThat(a.channel()).isSameAs(near);
    }
}
