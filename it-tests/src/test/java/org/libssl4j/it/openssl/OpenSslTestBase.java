package org.libssl4j.it.openssl;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.it.ClearErrorQueue;

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

}
