package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.libssl4j.MsgCallback;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.SslVersion;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestPair;

/** The message callback ({@code SSL_CTX_set_msg_callback}): record headers and readable messages (MSG). */
class MsgCallbackTest {

    record Msg(boolean write, int version, int type, byte[] bytes) {
        @Override
        public String toString() {
            return (write ? ">>> " : "<<< ") + String.format("0x%x %d ", version, type)
                    + (bytes.length > 8 ? bytes.length + " bytes " + (bytes[0] & 0xff) : Arrays.toString(bytes));
        }

        /** The same report as the peer saw it: direction flipped. */
        boolean mirrors(Msg other) {
            return write != other.write && type == other.type && Arrays.equals(bytes, other.bytes);
        }
    }

    static final class Msgs implements MsgCallback {
        final List<Msg> list = new ArrayList<>();
        final List<Ssl> from = new ArrayList<>();

        @Override
        public void onMsg(Ssl ssl, boolean write, int version, int contentType, byte[] bytes) {
            list.add(new Msg(write, version, contentType, bytes));
            from.add(ssl);
        }

        List<Msg> of(boolean write, int type) {
            return list.stream().filter(m -> m.write == write && m.type == type).toList();
        }

        List<Msg> messages(boolean write) {
            return list.stream().filter(m -> m.write == write && m.type != RT_HEADER).toList();
        }
    }

    @EngineTest
    @DisplayName("MSG-1 every record header one side writes is reported by it, and the same header read by the peer; the plaintext handshake messages and ChangeCipherSpec each side sends are the ones the peer reads, in order, with the protocol version; TLS 1.2 and 1.3")
    void handshakeMessages(String engine) {
        for (int version : new int[] {SslVersion.TLS1_2_VERSION, SslVersion.TLS1_3_VERSION}) {
            try (TestPair p = Fixtures.pair(engine, version, 0)) {
                Msgs client = new Msgs();
                Msgs server = new Msgs();
                p.client().setMsgCallback(client);
                p.server().setMsgCallback(server);
                p.handshake();
                String what = "v" + Integer.toHexString(version) + " client " + client.list + " server " + server.list;
                // A record sent last (a ticket after the handshake) may not have been read yet: the read ones lead.
                assertMirrored(client.of(true, MsgCallback.RT_HEADER), server.of(false, MsgCallback.RT_HEADER), 1, what);
                assertMirrored(server.of(true, MsgCallback.RT_HEADER), client.of(false, MsgCallback.RT_HEADER), 1, what);
                assertMirrored(client.messages(true), server.messages(false), 0, what);
                assertMirrored(server.messages(true), client.messages(false), 0, what);
                Msg hello = client.list.stream().filter(m -> m.type == MsgCallback.RT_HANDSHAKE).findFirst().orElseThrow();
                assertThat(hello.write).as(what).isTrue();
                assertThat(hello.bytes[0]).as("ClientHello first: " + what).isEqualTo((byte) 1);
                assertThat(hello.bytes.length).as(what).isEqualTo(4 + (((hello.bytes[1] & 0xff) << 16)
                        | ((hello.bytes[2] & 0xff) << 8) | (hello.bytes[3] & 0xff)));
                assertThat(client.of(false, MsgCallback.RT_HANDSHAKE)).as(what)
                        .anySatisfy(m -> assertThat(m.bytes[0]).isEqualTo((byte) 2));
                List<Msg> afterServerHello = client.of(false, MsgCallback.RT_HANDSHAKE);
                assertThat(afterServerHello.get(afterServerHello.size() - 1).version).as(what).isEqualTo(version);
                for (Msg header : client.of(true, MsgCallback.RT_HEADER)) {
                    assertThat(header.bytes).hasSize(5);
                    assertThat(header.version).isEqualTo(((header.bytes[1] & 0xff) << 8) | (header.bytes[2] & 0xff));
                }
                if (version == SslVersion.TLS1_2_VERSION) {
                    assertThat(types(client.of(true, MsgCallback.RT_HANDSHAKE))).as(what).containsExactly(1, 16);
                    assertThat(client.of(true, MsgCallback.RT_CHANGE_CIPHER_SPEC)).as(what).hasSize(1);
                    assertThat(types(client.of(false, MsgCallback.RT_HANDSHAKE))).as(what).startsWith(2, 11).contains(14); // and a ticket (4)
                } else {
                    assertThat(types(client.of(true, MsgCallback.RT_HANDSHAKE))).as(what).containsExactly(1);
                    assertThat(types(client.of(false, MsgCallback.RT_HANDSHAKE))).as(what).containsExactly(2);
                }
                assertThat(client.from).containsOnly(p.client());
            }
        }
    }

    private static List<Integer> types(List<Msg> handshake) {
        return handshake.stream().map(m -> m.bytes[0] & 0xff).toList();
    }

    /** {@code received} mirrors {@code sent}, of which at most {@code unread} trailing reports are not read yet. */
    private static void assertMirrored(List<Msg> sent, List<Msg> received, int unread, String what) {
        assertThat(received.size()).as(what).isBetween(Math.max(1, sent.size() - unread), sent.size());
        for (int i = 0; i < received.size(); i++) {
            assertThat(sent.get(i).mirrors(received.get(i))).as(i + ": " + what).isTrue();
        }
    }

    @EngineTest
    @DisplayName("MSG-2 application data reports only its record header (type 23); close_notify reports its header and the alert 1, 0 on both sides")
    void dataAndCloseNotify(String engine) {
        try (SslCtx client = TestContexts.client(engine).build(); SslCtx server = TestContexts.server(engine).build();
                TestPair p = TestPair.create(client, server, 0).handshake()) {
            Msgs sent = new Msgs();
            Msgs received = new Msgs();
            client.setMsgCallback(sent); // the context's, looked up at each record
            p.server().setMsgCallback(received);
            byte[] data = Fixtures.bytes(100, 1);
            assertThat(p.client().write(data, 0, data.length)).isEqualTo(100);
            assertThat(sent.list).as(sent.list.toString()).hasSize(1);
            assertThat(sent.list.get(0).type).isEqualTo(MsgCallback.RT_HEADER);
            assertThat(sent.list.get(0).bytes[0]).isEqualTo((byte) 23);
            byte[] buf = new byte[200];
            assertThat(p.server().read(buf, 0, buf.length)).isEqualTo(100);
            assertThat(p.client().shutdown()).isZero();
            assertThat(p.server().read(buf, 0, buf.length)).isZero();
            List<Msg> alerts = sent.of(true, MsgCallback.RT_ALERT);
            assertThat(alerts).as(sent.list.toString()).hasSize(1);
            assertThat(alerts.get(0).bytes).containsExactly(1, 0);
            List<Msg> read = received.of(false, MsgCallback.RT_ALERT);
            assertThat(read).as(received.list.toString()).hasSize(1);
            assertThat(read.get(0).bytes).containsExactly(1, 0);
            assertThat(received.list.get(received.list.size() - 2).type).isEqualTo(MsgCallback.RT_HEADER);
        }
    }

    @EngineTest
    @DisplayName("MSG-3 a message callback that throws fails that handshake with 'callback failed' (234); another connection of the context completes")
    void throwingCallback(String engine) {
        try (SslCtx client = TestContexts.client(engine).build(); SslCtx server = TestContexts.server(engine).build();
                TestPair bad = TestPair.create(client, server, 0); TestPair good = TestPair.create(client, server, 0)) {
            bad.client().setMsgCallback((ssl, write, version, type, bytes) -> {
                throw new IllegalStateException("boom");
            });
            SslErrorQueue.clear();
            assertResult(bad.client(), bad.client().connect(), -1, SslError.SSL);
            assertReason(SslReason.CALLBACK_FAILED, "callback failed");
            SslErrorQueue.clear();
            assertThat(good.handshake()).isSameAs(good);
        }
        SslErrorQueue.clear();
    }
}
