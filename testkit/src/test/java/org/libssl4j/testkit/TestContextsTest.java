package org.libssl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.SslVerify;
import org.libssl4j.SslVersion;

/** Settings only: the "fake" test engine makes contexts but no connections. */
class TestContextsTest {

    @Test
    void serverDefaults() {
        try (SslCtx ctx = TestContexts.server("fake").build()) {
            assertThat(ctx.method()).isEqualTo(SslMethod.TLS_SERVER);
            assertThat(ctx.engine().name()).isEqualTo("fake");
            assertThat(ctx.getVerifyMode()).isEqualTo(SslVerify.NONE);
            assertThat(ctx.getMinProtoVersion()).isEqualTo(SslVersion.TLS1_2_VERSION);
            assertThat(ctx.getMaxProtoVersion()).isEqualTo(SslVersion.TLS1_3_VERSION);
        }
    }

    @Test
    void clientVerifiesPeerAndHostByDefault() {
        try (SslCtx ctx = TestContexts.client("fake").build()) {
            assertThat(ctx.method()).isEqualTo(SslMethod.TLS_CLIENT);
            assertThat(ctx.getVerifyMode()).isEqualTo(SslVerify.PEER);
            assertThat(ctx.getHostNameCheck()).isTrue();
        }
    }

    @Test
    void versionsArePinned() {
        try (SslCtx ctx = TestContexts.client("fake").tls12().build()) {
            assertThat(ctx.getMinProtoVersion()).isEqualTo(SslVersion.TLS1_2_VERSION);
            assertThat(ctx.getMaxProtoVersion()).isEqualTo(SslVersion.TLS1_2_VERSION);
        }
        try (SslCtx ctx = TestContexts.server("fake").ec().tls13().build()) {
            assertThat(ctx.getMinProtoVersion()).isEqualTo(SslVersion.TLS1_3_VERSION);
            assertThat(ctx.getMaxProtoVersion()).isEqualTo(SslVersion.TLS1_3_VERSION);
        }
    }

    @Test
    void onlyPinsTheVersionGivenByConstantOrName() {
        try (SslCtx ctx = TestContexts.client("fake").only("TLSv1.2").build()) {
            assertThat(ctx.getMinProtoVersion()).isEqualTo(SslVersion.TLS1_2_VERSION);
            assertThat(ctx.getMaxProtoVersion()).isEqualTo(SslVersion.TLS1_2_VERSION);
        }
        try (SslCtx ctx = TestContexts.server("fake").only(SslVersion.TLS1_3_VERSION).build()) {
            assertThat(ctx.getMinProtoVersion()).isEqualTo(SslVersion.TLS1_3_VERSION);
            assertThat(ctx.getMaxProtoVersion()).isEqualTo(SslVersion.TLS1_3_VERSION);
        }
        assertThatThrownBy(() -> TestContexts.client("fake").only("SSLv3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSLv3");
        assertThatThrownBy(() -> TestContexts.client("fake").only(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x0");
    }

    @Test
    void verifyNoneTurnsOffPeerAndHostChecks() {
        try (SslCtx ctx = TestContexts.client("fake").verifyNone().build()) {
            assertThat(ctx.getVerifyMode()).isEqualTo(SslVerify.NONE);
            assertThat(ctx.getHostNameCheck()).isFalse();
        }
    }

    @Test
    void requireClientCertAsksAndFailsWithoutOne() {
        try (SslCtx ctx = TestContexts.server("fake").requireClientCert().build()) {
            assertThat(ctx.getVerifyMode()).isEqualTo(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT);
        }
    }

    @Test
    void modeAndExtraStepsApply() {
        AtomicBoolean ran = new AtomicBoolean();
        try (SslCtx ctx = TestContexts.client("fake").identity(TestCerts.client())
                .mode(SslMode.ENABLE_PARTIAL_WRITE).mode(SslMode.ACCEPT_MOVING_WRITE_BUFFER)
                .configure(c -> ran.set(true)).build()) {
            assertThat(ctx.getMode()).isEqualTo(SslMode.AUTO_RETRY | SslMode.ENABLE_PARTIAL_WRITE
                    | SslMode.ACCEPT_MOVING_WRITE_BUFFER);
            assertThat(ran).isTrue();
        }
    }

    @Test
    void misuseIsReportedAtOnce() {
        assertThatThrownBy(() -> TestContexts.client("fake").rsa()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestContexts.client("fake").requireClientCert()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestContexts.server("broken").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unavailable");
    }
}
