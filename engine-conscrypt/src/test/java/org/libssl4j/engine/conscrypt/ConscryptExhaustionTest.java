package org.libssl4j.engine.conscrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Making an engine when Conscrypt's native SSL cannot get its pipe: collect, wait for the Cleaner, try again. */
class ConscryptExhaustionTest {
    private static RuntimeException noAppData() {
        // As Conscrypt's ConscryptEngine wraps NativeSsl.newInstance's failure.
        return new RuntimeException(new SSLException(ConscryptSslContext.NO_APP_DATA));
    }

    @Test
    @DisplayName("RES-3 an engine that fails for want of descriptors is made again after a collection")
    void retriedAfterCollection() {
        AtomicInteger calls = new AtomicInteger();
        SSLEngine made = ConscryptSslContext.collectingIfExhausted(() -> {
            if (calls.incrementAndGet() < 3) {
                throw noAppData();
            }
            return null; // stands for the engine
        });
        assertThat(made).isNull();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("RES-3 the retries are bounded, and another failure is not retried")
    void boundedAndSelective() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConscryptSslContext.collectingIfExhausted(() -> {
            calls.incrementAndGet();
            throw noAppData();
        })).hasRootCauseMessage(ConscryptSslContext.NO_APP_DATA);
        assertThat(calls.get()).isEqualTo(1 + ConscryptSslContext.RETRIES);

        AtomicInteger other = new AtomicInteger();
        assertThatThrownBy(() -> ConscryptSslContext.collectingIfExhausted(() -> {
            other.incrementAndGet();
            throw new IllegalStateException("something else");
        })).hasMessage("something else");
        assertThat(other.get()).isEqualTo(1);
    }
}
