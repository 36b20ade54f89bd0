package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Ssl;

class ShutdownStateTest {
    private static final int BOTH = Ssl.SENT_SHUTDOWN | Ssl.RECEIVED_SHUTDOWN;
    private final ShutdownState s = new ShutdownState();

    @Test
    @DisplayName("a fresh connection has no shutdown bit, dispatches nothing and is not complete")
    void fresh() {
        assertThat(s.bits()).isZero();
        assertThat(s.sent()).isFalse();
        assertThat(s.received()).isFalse();
        assertThat(s.dispatching()).isFalse();
        assertThat(s.complete()).isFalse();
    }

    @Test
    @DisplayName("R07.1 the first shutdown sets SENT_SHUTDOWN and has the close_notify to dispatch")
    void beginSending() {
        s.beginSending();
        assertThat(s.bits()).isEqualTo(Ssl.SENT_SHUTDOWN);
        assertThat(s.sent()).isTrue();
        assertThat(s.received()).isFalse();
        assertThat(s.dispatching()).isTrue();
    }

    @Test
    @DisplayName("R07.2 the peer's close_notify sets RECEIVED_SHUTDOWN alone")
    void markReceived() {
        s.markReceived();
        assertThat(s.bits()).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
        assertThat(s.received()).isTrue();
        assertThat(s.sent()).isFalse();
        assertThat(s.complete()).isFalse();
    }

    @Test
    @DisplayName("R07.8 not complete while this side's close_notify is still to be dispatched, even with both bits")
    void notCompleteWhileDispatching() {
        s.markReceived();
        s.beginSending();
        assertThat(s.bits()).isEqualTo(BOTH);
        assertThat(s.complete()).isFalse();
        s.dispatched();
        assertThat(s.dispatching()).isFalse();
        assertThat(s.bits()).isEqualTo(BOTH);
        assertThat(s.complete()).isTrue();
    }

    @Test
    @DisplayName("R07.6 sent and dispatched but nothing received is not complete")
    void sentOnlyNotComplete() {
        s.beginSending();
        s.dispatched();
        assertThat(s.complete()).isFalse();
        s.markReceived();
        assertThat(s.complete()).isTrue();
    }

    @Test
    @DisplayName("the close_notify is made once: the second ask says it is made already")
    void closeNotifyMadeOnce() {
        assertThat(s.makeCloseNotify()).isTrue();
        assertThat(s.makeCloseNotify()).isFalse();
        assertThat(s.makeCloseNotify()).isFalse();
    }

    @Test
    @DisplayName("an engine that sent its close_notify on its own sets SENT_SHUTDOWN, and none is made again")
    void sentByEngine() {
        s.sentByEngine();
        assertThat(s.bits()).isEqualTo(Ssl.SENT_SHUTDOWN);
        assertThat(s.dispatching()).isFalse();
        assertThat(s.makeCloseNotify()).isFalse();
    }

    @Test
    @DisplayName("R07.10 a quiet shutdown sets both bits and is complete at once")
    void quiet() {
        s.quiet();
        assertThat(s.bits()).isEqualTo(BOTH);
        assertThat(s.complete()).isTrue();
    }

    @Test
    @DisplayName("setBits takes the caller's word, and clears as well as sets")
    void setBits() {
        s.setBits(BOTH);
        assertThat(s.sent()).isTrue();
        assertThat(s.received()).isTrue();
        assertThat(s.complete()).isTrue();
        s.setBits(Ssl.RECEIVED_SHUTDOWN);
        assertThat(s.sent()).isFalse();
        assertThat(s.received()).isTrue();
        s.setBits(0);
        assertThat(s.bits()).isZero();
    }
}
