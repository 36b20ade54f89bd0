package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslVerify;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** SSL_new copies the context's settings: a connection keeps them whatever the context does afterwards (R16). */
class ContextSettingsTest {

    @EngineTest
    @DisplayName("R16.1 a connection keeps the settings its context had at newSsl: verification turned off afterwards does not reach it, and reaches the next")
    void settingsCopiedAtNewSsl(String engine) {
        try (SslCtx client = TestContexts.client(engine).build();
             SslCtx server = TestContexts.server(engine).identity(TestCerts.untrustedServer()).build()) {
            TestPair made = TestPair.create(client, server, 0);
            client.setVerify(SslVerify.NONE, null);
            TestPair later = TestPair.create(client, server, 0);
            try (made; later) {
                assertThatThrownBy(made::handshake).hasMessageContaining("certificate verify failed");
                SslErrorQueue.clear();
                assertThat(later.handshake()).isSameAs(later);
            }
        }
        SslErrorQueue.clear();
    }
}
