package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;

class FailureTest {
    private final Failure failure = new Failure();

    @BeforeEach
    void clearQueue() {
        SslErrorQueue.clear();
    }

    @Test
    @DisplayName("a fresh connection is not failed")
    void fresh() {
        assertThat(failure.isFatal()).isFalse();
    }

    @Test
    @DisplayName("R15.7 fail makes the connection fatal and pushes the entry that says why")
    void failPushesEntry() {
        IllegalStateException cause = new IllegalStateException("x");
        failure.fail(SslErrorEntry.LIB_X509, 42, "the detail", cause);
        assertThat(failure.isFatal()).isTrue();
        assertThat(SslErrorQueue.snapshot()).hasSize(1);
        SslErrorEntry e = SslErrorQueue.peek();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_X509);
        assertThat(e.reason()).isEqualTo(42);
        assertThat(e.detail()).isEqualTo("the detail");
        assertThat(e.cause()).isSameAs(cause);
    }

    @Test
    @DisplayName("R15.2 a failure's entry goes behind an older one, which stays the oldest")
    void failAppends() {
        SslErrorQueue.raise(SslErrorEntry.LIB_SYS, 1, null);
        failure.local(SslReason.BAD_LENGTH);
        assertThat(SslErrorQueue.peek().library()).isEqualTo(SslErrorEntry.LIB_SYS);
        assertThat(SslErrorQueue.peekLast().reason()).isEqualTo(SslReason.BAD_LENGTH);
    }

    @Test
    @DisplayName("R05.7 a local failure is libssl's reason alone: LIB_SSL, its text, no detail, no cause")
    void local() {
        failure.local(SslReason.BAD_WRITE_RETRY);
        assertThat(failure.isFatal()).isTrue();
        SslErrorEntry e = SslErrorQueue.get();
        assertThat(e.library()).isEqualTo(SslErrorEntry.LIB_SSL);
        assertThat(e.reason()).isEqualTo(SslReason.BAD_WRITE_RETRY);
        assertThat(e.reasonString()).isEqualTo("bad write retry");
        assertThat(e.detail()).isNull();
        assertThat(e.cause()).isNull();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("silently makes the connection fatal with nothing on the queue")
    void silently() {
        failure.silently();
        assertThat(failure.isFatal()).isTrue();
        assertThat(SslErrorQueue.isEmpty()).isTrue();
    }
}
