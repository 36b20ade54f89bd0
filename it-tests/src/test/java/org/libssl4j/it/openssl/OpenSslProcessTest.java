package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: a process is reaped when the test fails inside try-with-resources, a failed wait is bounded and
 * says what the process printed, and the port s_server reports is one we can connect to.
 */
class OpenSslProcessTest extends OpenSslTestBase {
    @Test
    @DisplayName("OPENSSL-INTEROP a test that fails inside try-with-resources leaves no openssl process behind")
    void reapedOnFailure() {
        ProcessHandle[] handle = new ProcessHandle[1];
        assertThatThrownBy(() -> {
            try (OpenSslProcess server = OpenSslProcess.server(Pems.certKey(pems.rsa()))) {
                handle[0] = server.process().toHandle();
                assertThat(handle[0].isAlive()).isTrue();
                throw new AssertionError("the test fails here");
            }
        }).hasMessage("the test fails here");
        assertThat(handle[0].isAlive()).as("s_server after the failed test").isFalse();
        assertThat(OpenSslProcess.LIVE).isEmpty();
    }

    @Test
    @DisplayName("OPENSSL-INTEROP a wait that cannot succeed ends within its bound and carries the process's stderr")
    void failedWaitIsBoundedAndExplained() {
        try (OpenSslProcess server = OpenSslProcess.server(Pems.certKey(pems.rsa()))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> server.awaitStdout(Pattern.compile("never printed"), Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected /never printed/ on stdout within PT0.3S")
                    .hasMessageContaining("ACCEPT 127.0.0.1:" + server.port())
                    .hasMessageContaining("--- stderr");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThatThrownBy(() -> OpenSslProcess.server("-cert", dir.resolve("no-such-file.pem").toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but the stream ended")
                .hasMessageContaining("no-such-file.pem");
        assertThat(OpenSslProcess.LIVE).isEmpty();
    }
}
