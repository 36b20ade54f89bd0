package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.it.ClearErrorQueue;
import org.libssl4j.testkit.SocketConnection;

/**
 * What every test class against the openssl tool shares: the binary checked once per class (a clear failure when
 * it is missing), the test certificates written as PEM files for it, an empty error queue before each test, and
 * {@link ReapOpenSsl} so that no process outlives its test.
 */
@ExtendWith({ReapOpenSsl.class, ClearErrorQueue.class})
abstract class OpenSslTestBase {
    static final Duration WAIT = OpenSslProcess.WAIT;

    @TempDir
    static Path dir;
    static Pems pems;

    @BeforeAll
    static void certificates() {
        OpenSslProcess.binary();
        pems = Pems.write(dir);
    }

    /**
     * One line each way, to show {@code conn} moves data: {@code peer} ("s_server" or "s_client" as
     * {@code peerName}) sends a line we read, then we send one that {@code peer} prints.
     */
    static void exchange(SocketConnection conn, OpenSslProcess peer, String peerName, String tag) {
        String theirs = "from " + peerName + " " + tag + "\n";
        peer.writeLine("from " + peerName + " " + tag);
        assertThat(conn.readUntil(theirs)).endsWith(theirs);
        conn.writeAll(("from us " + tag + "\n").getBytes(StandardCharsets.US_ASCII));
        peer.awaitStdout("from us " + tag, OpenSslProcess.WAIT);
    }
}
