package org.libssl4j.it;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer of ClientHellos as raw bytes, for tests that hand a server a hostile hello: a list of extensions that a
 * test may change, repeat, reorder or spoil, wrapped in a plaintext handshake record. The default hello is a valid
 * TLS 1.3 and 1.2 hello that every engine answers with its ServerHello.
 */
public final class ClientHellos {
    static final int SERVER_NAME = 0;
    static final int MAX_FRAGMENT_LENGTH = 1;
    static final int SUPPORTED_GROUPS = 10;
    static final int EC_POINT_FORMATS = 11;
    static final int SIGNATURE_ALGORITHMS = 13;
    static final int ALPN = 16;
    static final int EXTENDED_MASTER_SECRET = 23;
    static final int PRE_SHARED_KEY = 41;
    static final int EARLY_DATA = 42;
    static final int SUPPORTED_VERSIONS = 43;
    static final int COOKIE = 44;
    static final int PSK_KEY_EXCHANGE_MODES = 45;
    static final int KEY_SHARE = 51;
    static final int RENEGOTIATION_INFO = 0xff01;

    static final int X25519 = 0x001d;
    static final int SECP256R1 = 0x0017;

    /** x25519's base point, u = 9: a valid public key. */
    static final byte[] X25519_KEY = new byte[32];

    static {
        X25519_KEY[0] = 9;
    }

    /** One extension: its type and its body as sent (lengths inside the body are the test's business). */
    record Ext(int type, byte[] body) { }

    int legacyVersion = 0x0303;
    byte[] sessionId = new byte[32];
    byte[] cipherSuites = u16s(0x1302, 0x1301, 0x1303, 0xc02f, 0xc030, 0xc02b, 0xc02c);
    byte[] compression = {0};
    final List<Ext> extensions = new ArrayList<>();
    /** Bytes after the extensions block, inside the handshake message. */
    byte[] trailing = new byte[0];

    /** The default hello: SNI, groups x25519 and P-256, EC point formats, signature algorithms, TLS 1.3 and 1.2. */
    static ClientHellos standard() {
        ClientHellos h = new ClientHellos();
        h.add(SERVER_NAME, serverName("localhost"));
        h.add(SUPPORTED_GROUPS, list16(u16s(X25519, SECP256R1)));
        h.add(EC_POINT_FORMATS, list8(new byte[] {0}));
        h.add(SIGNATURE_ALGORITHMS, list16(u16s(0x0804, 0x0805, 0x0403, 0x0503, 0x0401, 0x0501)));
        h.add(SUPPORTED_VERSIONS, list8(u16s(0x0304, 0x0303)));
        h.add(PSK_KEY_EXCHANGE_MODES, list8(new byte[] {1}));
        h.add(KEY_SHARE, list16(keyShareEntry(X25519, X25519_KEY)));
        return h;
    }

    /** The default hello offering TLS 1.2 only: no supported_versions, key_share or psk modes. */
    static ClientHellos tls12() {
        ClientHellos h = standard();
        h.remove(SUPPORTED_VERSIONS);
        h.remove(KEY_SHARE);
        h.remove(PSK_KEY_EXCHANGE_MODES);
        h.cipherSuites = u16s(0xc02f, 0xc030, 0xc02b, 0xc02c);
        return h;
    }

    /** The default hello with a key_share of an empty body (R10.11), for the ledger's check of BC-2. */
    public static byte[] emptyKeyShareRecord() {
        return standard().set(KEY_SHARE, new byte[0]).record();
    }

    /** The default hello cut short inside its cipher suites, its handshake length saying so, for the check of BC-4. */
    public static byte[] cutShortRecord() {
        return HelloGenerator.record(HelloGenerator.shortened(standard().message(), 80));
    }

    ClientHellos add(int type, byte[] body) {
        extensions.add(new Ext(type, body));
        return this;
    }

    ClientHellos remove(int type) {
        extensions.removeIf(e -> e.type() == type);
        return this;
    }

    /** Replaces the body of the extension {@code type}, where it stands. */
    ClientHellos set(int type, byte[] body) {
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).type() == type) {
                extensions.set(i, new Ext(type, body));
                return this;
            }
        }
        throw new IllegalArgumentException("no extension " + type);
    }

    /** The ClientHello handshake message. */
    byte[] message() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(legacyVersion >> 8);
        b.write(legacyVersion);
        for (int i = 0; i < 32; i++) {
            b.write(i * 7 + 1); // random
        }
        b.write(sessionId.length);
        b.writeBytes(sessionId);
        b.writeBytes(list16(cipherSuites));
        b.writeBytes(list8(compression));
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        for (Ext e : extensions) {
            ext.writeBytes(u16s(e.type()));
            ext.writeBytes(list16(e.body()));
        }
        b.writeBytes(list16(ext.toByteArray()));
        b.writeBytes(trailing);
        byte[] body = b.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(1);
        m.write(body.length >> 16);
        m.write(body.length >> 8);
        m.write(body.length);
        m.writeBytes(body);
        return m.toByteArray();
    }

    /** The ClientHello in one plaintext handshake record of version 0301. */
    byte[] record() {
        byte[] m = message();
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.writeBytes(new byte[] {22, 3, 1, (byte) (m.length >> 8), (byte) m.length});
        r.writeBytes(m);
        return r.toByteArray();
    }

    static byte[] u16s(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) (values[i] >> 8);
            b[2 * i + 1] = (byte) values[i];
        }
        return b;
    }

    /** {@code body} after its 2-byte length. */
    static byte[] list16(byte[] body) {
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) (body.length >> 8);
        b[1] = (byte) body.length;
        System.arraycopy(body, 0, b, 2, body.length);
        return b;
    }

    /** {@code body} after its 1-byte length. */
    static byte[] list8(byte[] body) {
        byte[] b = new byte[body.length + 1];
        b[0] = (byte) body.length;
        System.arraycopy(body, 0, b, 1, body.length);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] keyShareEntry(int group, byte[] key) {
        return concat(u16s(group), list16(key));
    }

    static byte[] serverName(String host) {
        byte[] name = host.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return list16(concat(new byte[] {0}, list16(name)));
    }
}
