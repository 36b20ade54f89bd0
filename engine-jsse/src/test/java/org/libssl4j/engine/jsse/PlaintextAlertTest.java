package org.libssl4j.engine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.libssl4j.SslReason;

/** The alert libssl sends where a provider queues another ({@code JsseEngine.libsslAlert}), on plaintext records only. */
class PlaintextAlertTest {
    @Test
    void noSuitableKeyShareGoesOutAsHandshakeFailureAndOtherReasonsKeepTheProvidersAlert() {
        assertThat(JsseEngine.libsslAlert(SslReason.NO_SUITABLE_KEY_SHARE)).isEqualTo(40);
        assertThat(JsseEngine.libsslAlert(SslReason.BAD_KEY_SHARE)).isEqualTo(-1);
        assertThat(JsseEngine.libsslAlert(SslReason.NO_SHARED_CIPHER)).isEqualTo(-1);
    }

    @Test
    void onlyAWholePlaintextFatalAlertRecordIsRewritten() {
        ByteBuffer out = ByteBuffer.wrap(new byte[] {9, 0x15, 3, 3, 0, 2, 2, 10});
        JsseEngine.replacePlaintextAlert(out, 1, 7, 40);
        assertThat(out.array()).containsExactly(9, 0x15, 3, 3, 0, 2, 2, 40);

        byte[] warning = {0x15, 3, 3, 0, 2, 1, 0};
        JsseEngine.replacePlaintextAlert(ByteBuffer.wrap(warning), 0, 7, 40);
        assertThat(warning).containsExactly(0x15, 3, 3, 0, 2, 1, 0);

        byte[] sealed = {0x17, 3, 3, 0, 2, 2, 10};
        JsseEngine.replacePlaintextAlert(ByteBuffer.wrap(sealed), 0, 7, 40);
        assertThat(sealed).containsExactly(0x17, 3, 3, 0, 2, 2, 10);

        byte[] longer = {0x15, 3, 3, 0, 2, 2, 10, 0x15};
        JsseEngine.replacePlaintextAlert(ByteBuffer.wrap(longer), 0, 8, 40);
        assertThat(longer[6]).isEqualTo((byte) 10);
    }
}
