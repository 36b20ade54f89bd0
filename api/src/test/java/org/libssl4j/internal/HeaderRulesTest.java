package org.libssl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libssl4j.SslReason;

class HeaderRulesTest {
    private static final int UNEXPECTED_MESSAGE = 10;
    private static final int RECORD_OVERFLOW = 22;
    private static final int DECODE_ERROR = 50;
    private static final int PROTOCOL_VERSION = 70;

    /** The verdict on a header of {@code type}, {@code version}, {@code length}. */
    private static long judge(int type, int version, int length, boolean first, boolean server, boolean after, boolean tls13) {
        byte[] header = {(byte) type, (byte) (version >> 8), (byte) version, (byte) (length >> 8), (byte) length};
        return judge(header, first, server, after, tls13);
    }

    private static long judge(byte[] bytes, boolean first, boolean server, boolean after, boolean tls13) {
        Inbound in = new Inbound(false);
        assertThat(in.fill(new MemoryBio().put(bytes), bytes.length, false)).isEqualTo(1);
        return HeaderRules.check(in, first, after, tls13);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static long verdict(int reason, int alert) {
        return ((long) reason << 8) | alert;
    }

    @Test
    @DisplayName("a ClientHello record header as the server's first record is accepted, whatever its minor version")
    void clientHelloAccepted() {
        assertThat(judge(22, 0x0301, 200, true, true, false, false)).isZero();
        assertThat(judge(22, 0x0303, 200, true, true, false, false)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1", "POST /x HTTP/1.1", "HEAD / HTTP/1.0", "PUT /y HTTP/1.1"})
    @DisplayName("R10.1 an HTTP request as the first record is http request, with no alert")
    void httpRequest(String request) {
        assertThat(judge(ascii(request), true, true, false, false))
                .isEqualTo(verdict(SslReason.HTTP_REQUEST, HeaderRules.NO_ALERT));
    }

    @Test
    @DisplayName("R10.2 a CONNECT request as the first record is https proxy request, with no alert")
    void proxyRequest() {
        assertThat(judge(ascii("CONNECT host:443 HTTP/1.1"), true, true, false, false))
                .isEqualTo(verdict(SslReason.HTTPS_PROXY_REQUEST, HeaderRules.NO_ALERT));
    }

    @Test
    @DisplayName("R10.3 other bytes that are no TLS header as the first record are wrong version number, with no alert")
    void notTls() {
        assertThat(judge(new byte[5], true, true, false, false))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, HeaderRules.NO_ALERT));
        assertThat(judge(ascii("GETS /"), true, true, false, false))
                .as("a method name must end with its space")
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, HeaderRules.NO_ALERT));
    }

    @Test
    @DisplayName("R10.8 a client that gets an HTTP response as its first record fails with wrong version number, with no alert")
    void clientGetsHttpResponse() {
        assertThat(judge(ascii("HTTP/1.1 400 Bad Request"), true, false, false, false))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, HeaderRules.NO_ALERT));
    }

    @Test
    @DisplayName("R09.6 a major version change after the first record is wrong version number with protocol_version, even for an HTTP-like header")
    void majorVersionLater() {
        assertThat(judge(23, 0x0403, 10, false, true, true, false))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, PROTOCOL_VERSION));
        assertThat(judge(23, 0x0403, 10, false, true, true, true))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, PROTOCOL_VERSION));
        assertThat(judge(ascii("GET / HTTP/1.1"), false, true, false, false))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, PROTOCOL_VERSION));
    }

    @Test
    @DisplayName("R10.5 a header longer than the read buffer takes is packet length too long with record_overflow")
    void packetTooLong() {
        assertThat(judge(22, 0x0301, Inbound.MAX_BODY + 1, true, true, false, false))
                .isEqualTo(verdict(SslReason.PACKET_LENGTH_TOO_LONG, RECORD_OVERFLOW));
    }

    @Test
    @DisplayName("R09.7 the packet length is checked before the TLS 1.3 type and the version")
    void packetTooLongFirst() {
        assertThat(judge(21, 0x0301, 0xFFFF, false, false, true, true))
                .isEqualTo(verdict(SslReason.PACKET_LENGTH_TOO_LONG, RECORD_OVERFLOW));
    }

    @Test
    @DisplayName("R09.5 after a TLS 1.3 handshake an outer type other than application data is bad record type with unexpected_message")
    void tls13BadType() {
        for (int type : new int[] {20, 21, 22, 24}) {
            assertThat(judge(type, 0x0303, 10, false, false, true, true))
                    .isEqualTo(verdict(SslReason.BAD_RECORD_TYPE, UNEXPECTED_MESSAGE));
        }
        assertThat(judge(23, 0x0303, 10, false, false, true, true)).isZero();
    }

    @Test
    @DisplayName("R09.5 TLS 1.3 checks the type before the version; TLS 1.2 does not check the type at all")
    void typeBeforeVersion() {
        assertThat(judge(21, 0x0301, 10, false, false, true, true))
                .isEqualTo(verdict(SslReason.BAD_RECORD_TYPE, UNEXPECTED_MESSAGE));
        assertThat(judge(21, 0x0303, 2, false, false, true, false)).isZero();
    }

    @Test
    @DisplayName("R09.6 a minor version other than 0x0303 after the handshake: protocol_version on TLS 1.2, decode_error on TLS 1.3")
    void minorVersionAfterHandshake() {
        assertThat(judge(23, 0x0302, 10, false, false, true, false))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, PROTOCOL_VERSION));
        assertThat(judge(23, 0x0304, 10, false, false, true, true))
                .isEqualTo(verdict(SslReason.WRONG_VERSION_NUMBER, DECODE_ERROR));
    }

    @Test
    @DisplayName("R09.6 before the handshake is done any minor version is accepted")
    void minorVersionDuringHandshake() {
        assertThat(judge(22, 0x0300, 10, false, false, false, false)).isZero();
    }

    @Test
    @DisplayName("R09.7 a TLS 1.2 body over 2^14 + 320 is encrypted length too long with record_overflow")
    void tls12EncryptedTooLong() {
        assertThat(judge(23, 0x0303, 16384 + 320, false, false, true, false)).isZero();
        assertThat(judge(23, 0x0303, 16384 + 321, false, false, true, false))
                .isEqualTo(verdict(SslReason.ENCRYPTED_LENGTH_TOO_LONG, RECORD_OVERFLOW));
        assertThat(judge(23, 0x0303, Inbound.MAX_BODY, false, false, true, false))
                .isEqualTo(verdict(SslReason.ENCRYPTED_LENGTH_TOO_LONG, RECORD_OVERFLOW));
    }

    @Test
    @DisplayName("R09.7 a TLS 1.3 body over 2^14 + 256 is encrypted length too long with record_overflow")
    void tls13EncryptedTooLong() {
        assertThat(judge(23, 0x0303, 16384 + 256, false, false, true, true)).isZero();
        assertThat(judge(23, 0x0303, 16384 + 257, false, false, true, true))
                .isEqualTo(verdict(SslReason.ENCRYPTED_LENGTH_TOO_LONG, RECORD_OVERFLOW));
    }

    @Test
    @DisplayName("R10.10 the header rules let a first record of any type through: R10.6 is judged once the record is read whole")
    void firstRecordTypeIsNotAHeaderRule() {
        assertThat(judge(23, 0x0303, 10, true, true, false, false)).isZero();
        assertThat(judge(21, 0x0303, 2, true, true, false, false)).isZero();
        assertThat(judge(21, 0x0303, 2, true, false, false, false)).isZero();
    }
}
