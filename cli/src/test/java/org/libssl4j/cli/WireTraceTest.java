package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.libssl4j.bio.MemBio;

/** The wire trace on records made by hand, fed a byte at a time: names, lengths, and the resumption decision. */
class WireTraceTest {
    private static final byte[] SESSION = {1, 2, 3, 4};

    private static byte[] record(int type, int version, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(type);
        b.write(version >> 8);
        b.write(version);
        b.write(body.length >> 8);
        b.write(body.length);
        b.writeBytes(body);
        return b.toByteArray();
    }

    private static byte[] handshake(int type, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(type);
        b.write(0);
        b.write(body.length >> 8);
        b.write(body.length);
        b.writeBytes(body);
        return b.toByteArray();
    }

    /** A hello: version, random, session id, then (a ServerHello) suite, compression and extensions. */
    private static byte[] hello(byte[] random, byte[] session, byte[] extensions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(3);
        b.write(3);
        b.writeBytes(random);
        b.write(session.length);
        b.writeBytes(session);
        if (extensions != null) {
            b.writeBytes(new byte[] {0x13, 0x01, 0});
            b.write(extensions.length >> 8);
            b.write(extensions.length);
            b.writeBytes(extensions);
        }
        return b.toByteArray();
    }

    /** Writes {@code sent} and reads {@code received} through the trace, a byte at a time. */
    private static void trace(WireTrace t, MemBio wire, byte[] sent, byte[] received) {
        for (byte x : sent) {
            assertThat(t.write(new byte[] {x}, 0, 1)).isEqualTo(1);
        }
        assertThat(wire.read(new byte[sent.length + 1], 0, sent.length + 1)).isEqualTo(sent.length == 0 ? -1 : sent.length);
        wire.write(received, 0, received.length);
        byte[] one = new byte[1];
        int total = 0;
        while (t.read(one, 0, 1) == 1) {
            total++;
        }
        assertThat(total).isEqualTo(received.length);
    }

    @Test
    void tls12ResumptionIsTheOfferedSessionIdEchoed() {
        StringWriter s = new StringWriter();
        MemBio wire = MemBio.create();
        WireTrace t = new WireTrace(wire, new PrintWriter(s, true));
        byte[] clientHello = record(22, 0x0301, handshake(1, hello(new byte[32], SESSION, null)));
        byte[] twoMessages = concat(handshake(2, hello(new byte[32], SESSION, new byte[0])), handshake(14, new byte[0]));
        // the server's flight: both messages in one record, then a ChangeCipherSpec, then an encrypted Finished
        byte[] flight = concat(record(22, 0x0303, twoMessages), record(20, 0x0303, new byte[] {1}), record(22, 0x0303, new byte[40]));
        assertThat(t.resumed()).isNull();
        trace(t, wire, clientHello, flight);
        assertThat(t.resumed()).isTrue();
        assertThat(s.toString()).contains(">>> TLS 1.0 record [length 002b], Handshake: ClientHello")
                .contains("<<< TLS 1.2 record [length 0034], Handshake: ServerHello (resumes the session), ServerHelloDone")
                .contains("<<< TLS 1.2 record [length 0001], ChangeCipherSpec")
                .contains("<<< TLS 1.2 record [length 0028], Handshake (encrypted)");
    }

    @Test
    void tls12WithANewSessionIdIsNew() {
        MemBio wire = MemBio.create();
        WireTrace t = new WireTrace(wire, null);
        trace(t, wire, record(22, 0x0301, handshake(1, hello(new byte[32], SESSION, null))),
                record(22, 0x0303, handshake(2, hello(new byte[32], new byte[] {9, 9}, new byte[0]))));
        assertThat(t.resumed()).isFalse();
    }

    @Test
    void tls13ResumptionIsAPreSharedKeyAndAHelloRetryDecidesNothing() {
        byte[] tls13 = {0, 0x2b, 0, 2, 3, 4};
        byte[] psk = {0, 0x29, 0, 2, 0, 0};
        StringWriter s = new StringWriter();
        MemBio wire = MemBio.create();
        WireTrace t = new WireTrace(wire, new PrintWriter(s, true));
        byte[] retry = hexRandom();
        byte[] split = handshake(2, hello(new byte[32], SESSION, concat(tls13, psk)));
        // a HelloRetryRequest, then the ServerHello cut across two records
        trace(t, wire, record(22, 0x0301, handshake(1, hello(new byte[32], SESSION, null))),
                concat(record(22, 0x0303, handshake(2, hello(retry, SESSION, tls13))),
                        record(22, 0x0303, java.util.Arrays.copyOfRange(split, 0, 10)),
                        record(22, 0x0303, java.util.Arrays.copyOfRange(split, 10, split.length)),
                        record(23, 0x0303, new byte[30])));
        assertThat(t.resumed()).isTrue();
        assertThat(s.toString()).contains("Handshake: HelloRetryRequest").contains("Handshake: (part of a message)")
                .contains("Handshake: ServerHello (resumes the session)").contains("<<< TLS 1.2 record [length 001e], ApplicationData");
        WireTrace fresh = new WireTrace(wire = MemBio.create(), null);
        trace(fresh, wire, new byte[0], record(22, 0x0303, handshake(2, hello(new byte[32], SESSION, tls13))));
        assertThat(fresh.resumed()).isFalse();
    }

    @Test
    void aTruncatedHelloIsMalformedNotAnException() {
        StringWriter s = new StringWriter();
        MemBio wire = MemBio.create();
        WireTrace t = new WireTrace(wire, new PrintWriter(s, true));
        byte[] body = hello(new byte[32], new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, null);
        body[34] = 40; // a session id longer than the message
        trace(t, wire, new byte[0], record(22, 0x0303, handshake(2, body)));
        assertThat(s.toString()).contains("ServerHello (malformed)");
        assertThat(t.resumed()).isNull();
    }

    private static byte[] hexRandom() {
        String hex = "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C";
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
