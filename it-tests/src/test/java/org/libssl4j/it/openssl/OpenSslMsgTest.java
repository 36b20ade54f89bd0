package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.MsgCallback;
import org.libssl4j.SslCtx;
import org.libssl4j.it.EngineTest;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;

/**
 * The message callback against {@code openssl s_server -msg} (MSG-4): the ClientHello our client reports sending is,
 * byte for byte, the one s_server prints as received, and the ServerHello s_server prints as sent is the one our
 * client reports receiving; the record headers likewise.
 *
 * <p>Needs the {@code openssl} command-line tool (see {@link OpenSslProcess}).
 */
class OpenSslMsgTest extends OpenSslTestBase {

    @EngineTest
    @DisplayName("MSG-4 the ClientHello and ServerHello our client's message callback reports are those s_server -msg prints, byte for byte, and so is the first record header")
    void helloBytesAsSServerPrintsThem(String engine) {
        List<byte[]> sentHandshake = new ArrayList<>();
        List<byte[]> receivedHandshake = new ArrayList<>();
        List<byte[]> sentHeaders = new ArrayList<>();
        try (SslCtx ctx = TestContexts.client(engine).configure(c -> c.setMsgCallback((ssl, write, version, type, bytes) -> {
                    if (type == MsgCallback.RT_HANDSHAKE) {
                        (write ? sentHandshake : receivedHandshake).add(bytes);
                    } else if (type == MsgCallback.RT_HEADER && write) {
                        sentHeaders.add(bytes);
                    }
                })).build();
                OpenSslProcess server = OpenSslProcess.server(OpenSslBulkTest.concat(Pems.certKey(pems.rsa()), "-msg", "-naccept", "1"));
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            exchange(conn, server, "s_server", "msg");
            String out = server.stdoutText();
            assertThat(sentHandshake.get(0)).as(out).isEqualTo(dump(out, "<<< [^\\n]*ClientHello"));
            assertThat(receivedHandshake.get(0)).as(out).isEqualTo(dump(out, ">>> [^\\n]*ServerHello"));
            assertThat(sentHeaders.get(0)).as(out).isEqualTo(dump(out, "<<< [^\\n]*RecordHeader \\[length 0005\\]"));
        }
    }

    /** The hex dump s_server printed under the first line matching {@code title}. */
    private static byte[] dump(String out, String title) {
        Matcher m = Pattern.compile(title + "\\n((?: {4}[0-9a-f]{2}(?: [0-9a-f]{2})*\\n)+)").matcher(out);
        assertThat(m.find()).as("s_server printed " + title).isTrue();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String hex : m.group(1).trim().split("\\s+")) {
            b.write(Integer.parseInt(hex, 16));
        }
        return b.toByteArray();
    }
}
