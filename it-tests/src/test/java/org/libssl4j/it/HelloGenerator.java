package org.libssl4j.it;

import static org.libssl4j.it.ClientHellos.concat;
import static org.libssl4j.it.ClientHellos.list16;
import static org.libssl4j.it.ClientHellos.list8;
import static org.libssl4j.it.ClientHellos.u16s;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of hostile hellos (issue 14, item 3): ClientHellos and ServerHellos that are valid but unusual
 * (odd versions, unknown and GREASE suites, groups, signature schemes and extensions, empty lists, duplicated
 * extensions) or malformed (every length field of a real hello set wrong, the hello cut short at every byte, bits
 * flipped). The same seed gives the same hellos, in the same order.
 *
 * <p>Systematic cases come first (a truncation at every byte, every length field with each wrong value, every
 * extension duplicated), all of them when the count is at least twice as many and a seeded sample of half the count
 * otherwise; random cases fill the rest.
 */
final class HelloGenerator {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;

    /** A generated hello: its category (the key of the test's tally) and the plaintext record(s) to send. */
    record Case(String category, byte[] record) { }

    /** A length field in a handshake message: where it is and how many bytes wide. */
    record LengthField(int offset, int width, String name) { }

    private final SplittableRandom random;

    HelloGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    // ---- ClientHellos ----

    /** {@code count} ClientHellos: the systematic mutations of the standard hello, then random ones. */
    List<Case> clientHellos(int count) {
        List<Case> systematic = new ArrayList<>();
        byte[] base = ClientHellos.standard().message();
        systematic(base, CLIENT_HELLO, systematic);
        for (ClientHellos.Ext e : ClientHellos.standard().extensions) {
            ClientHellos h = ClientHellos.standard();
            h.extensions.add(random.nextInt(h.extensions.size() + 1), e);
            systematic.add(new Case("duplicated extension", record(h.message())));
        }
        systematic.add(new Case("unknown suites only", record(unknownSuitesOnly().message())));
        return mix(systematic, count, () -> {
            int pick = random.nextInt(10);
            if (pick < 5) {
                return new Case("unusual", record(unusualClientHello().message()));
            } else if (pick < 6) {
                return new Case("unknown suites only", record(unknownSuitesOnly().message()));
            }
            // A malformation of a random unusual hello, not only of the standard one.
            return randomMalformation(random.nextBoolean() ? base : unusualClientHello().message(), CLIENT_HELLO);
        });
    }

    /**
     * {@code count} cases: all of {@code systematic} and random ones after them when the count is at least twice
     * as many, else a seeded sample of half the count from {@code systematic} (in its order) and random ones.
     */
    private List<Case> mix(List<Case> systematic, int count, java.util.function.Supplier<Case> randomCase) {
        List<Case> cases = new ArrayList<>();
        if (count >= 2 * systematic.size()) {
            cases.addAll(systematic);
        } else {
            int take = count / 2;
            List<Integer> picks = new ArrayList<>();
            for (int i = 0; i < systematic.size(); i++) {
                picks.add(i);
            }
            java.util.Collections.shuffle(picks, new java.util.Random(random.nextLong()));
            picks.subList(0, take).stream().sorted().forEach(i -> cases.add(systematic.get(i)));
        }
        while (cases.size() < count) {
            cases.add(randomCase.get());
        }
        return cases;
    }

    private ClientHellos unknownSuitesOnly() {
        ClientHellos h = ClientHellos.standard();
        int n = 1 + random.nextInt(6);
        int[] suites = new int[n];
        for (int i = 0; i < n; i++) {
            suites[i] = unknownSuite();
        }
        h.cipherSuites = u16s(suites);
        return h;
    }

    /** A suite no engine implements: a GREASE value or one of the unassigned range 0x5700-0xbfff / 0xd100-0xfefe. */
    private int unknownSuite() {
        return random.nextBoolean() ? grease() : 0xe000 + random.nextInt(0x1e00);
    }

    private int grease() {
        int n = random.nextInt(16);
        return (n << 12) | 0x0a00 | (n << 4) | 0x0a;
    }

    private static final int[] VERSIONS = {0x0002, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x7f1c, 0xfefd, 0xfeff};
    private static final int[] SUITES = {
        0x1301, 0x1302, 0x1303, 0x1304, 0x1305, 0xc02b, 0xc02c, 0xc02f, 0xc030, 0xcca8, 0xcca9, 0x009c, 0x009d,
        0x002f, 0x0035, 0xc013, 0xc014, 0x000a, 0x0004, 0x0000, 0x00ff,
    };
    private static final int[] GROUPS = {0x001d, 0x001e, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0000, 0x6399};
    private static final int[] SCHEMES = {
        0x0804, 0x0805, 0x0806, 0x0807, 0x0808, 0x0403, 0x0503, 0x0603, 0x0401, 0x0501, 0x0601, 0x0201, 0x0203,
        0x0809, 0x080a, 0x080b, 0x0000,
    };
    private static final int[] UNKNOWN_EXTENSIONS = {0x0fff, 0x1234, 0x7777, 0xfe0d, 0xffce, 0x002c, 0x0039};

    /** A value from {@code known}, a GREASE value, or a random 16-bit value. */
    private int value(int[] known) {
        int p = random.nextInt(10);
        if (p < 7) {
            return known[random.nextInt(known.length)];
        }
        return p < 9 ? grease() : random.nextInt(0x10000);
    }

    private int[] values(int[] known, int max) {
        int[] v = new int[random.nextInt(max + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(known);
        }
        return v;
    }

    /**
     * A ClientHello whose lengths all hold but whose content is unusual: any legacy version and session_id length
     * up to 32, random suites, compression methods, groups, schemes, supported_versions and key shares, unknown and
     * GREASE extensions, extensions dropped, duplicated or reordered.
     */
    ClientHellos unusualClientHello() {
        ClientHellos h = ClientHellos.standard();
        if (random.nextInt(3) == 0) {
            h.legacyVersion = value(VERSIONS);
        }
        if (random.nextInt(4) == 0) {
            h.sessionId = new byte[random.nextInt(33)];
        }
        if (random.nextInt(2) == 0) {
            h.cipherSuites = u16s(values(SUITES, 12));
        }
        if (random.nextInt(6) == 0) {
            h.compression = new byte[][] {{}, {1}, {1, 0}, {0, 0}, {(byte) 0xff}}[random.nextInt(5)];
        }
        if (random.nextInt(3) == 0) {
            h.set(ClientHellos.SUPPORTED_GROUPS, list16(u16s(values(GROUPS, 6))));
        }
        if (random.nextInt(3) == 0) {
            h.set(ClientHellos.SIGNATURE_ALGORITHMS, list16(u16s(values(SCHEMES, 8))));
        }
        if (random.nextInt(3) == 0) {
            h.set(ClientHellos.SUPPORTED_VERSIONS, list8(u16s(values(VERSIONS, 5))));
        }
        if (random.nextInt(4) == 0) {
            h.set(ClientHellos.KEY_SHARE, list16(keyShares()));
        }
        if (random.nextInt(6) == 0) {
            h.set(ClientHellos.PSK_KEY_EXCHANGE_MODES, list8(bytes(random.nextInt(4))));
        }
        int drops = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < drops && !h.extensions.isEmpty(); i++) {
            h.extensions.remove(random.nextInt(h.extensions.size()));
        }
        int unknown = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < unknown; i++) {
            int type = random.nextBoolean() ? grease() : UNKNOWN_EXTENSIONS[random.nextInt(UNKNOWN_EXTENSIONS.length)];
            h.extensions.add(random.nextInt(h.extensions.size() + 1),
                    new ClientHellos.Ext(type, bytes(random.nextInt(3) == 0 ? 0 : random.nextInt(40))));
        }
        if (random.nextInt(8) == 0 && !h.extensions.isEmpty()) {
            ClientHellos.Ext e = h.extensions.get(random.nextInt(h.extensions.size()));
            h.extensions.add(random.nextInt(h.extensions.size() + 1), e);
        }
        if (random.nextInt(8) == 0) {
            java.util.Collections.shuffle(h.extensions, new java.util.Random(random.nextLong()));
        }
        return h;
    }

    /** key_share entries: known groups with keys of the right or a wrong size, unknown and GREASE groups. */
    private byte[] keyShares() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int group = value(GROUPS);
            int size = group == ClientHellos.X25519 && random.nextBoolean() ? 32 : random.nextInt(70);
            byte[] key = group == ClientHellos.X25519 && size == 32 ? ClientHellos.X25519_KEY : bytes(size);
            b.writeBytes(ClientHellos.keyShareEntry(group, key));
        }
        return b.toByteArray();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    // ---- ServerHellos ----

    /**
     * {@code count} mutations of {@code serverHello}, a real ServerHello message: the systematic ones, then random
     * unusual and malformed ones.
     */
    List<Case> serverHellos(byte[] serverHello, int count) {
        List<Case> systematic = new ArrayList<>();
        systematic(serverHello, SERVER_HELLO, systematic);
        Hello base = Hello.parse(serverHello);
        for (int i = 0; i < base.extensions.size(); i++) {
            Hello h = Hello.parse(serverHello);
            h.extensions.add(random.nextInt(h.extensions.size() + 1), h.extensions.get(i));
            systematic.add(new Case("duplicated extension", record(h.message())));
        }
        return mix(systematic, count, () -> {
            if (random.nextInt(10) < 4) {
                return new Case("unusual", record(unusualServerHello(serverHello).message()));
            }
            byte[] m = random.nextBoolean() ? serverHello : unusualServerHello(serverHello).message();
            return randomMalformation(m, SERVER_HELLO);
        });
    }

    /** A ServerHello whose lengths hold: another version, suite, compression method, or extensions. */
    Hello unusualServerHello(byte[] serverHello) {
        Hello h = Hello.parse(serverHello);
        int changes = 1 + random.nextInt(2);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(7)) {
                case 0 -> h.putShort(0, value(VERSIONS));
                case 1 -> h.putShort(h.suiteOffset(), value(SUITES));
                case 2 -> h.head[h.suiteOffset() + 2] = (byte) (1 + random.nextInt(255));
                case 3 -> h.extensions.add(random.nextInt(h.extensions.size() + 1), new ClientHellos.Ext(
                        random.nextBoolean() ? grease() : UNKNOWN_EXTENSIONS[random.nextInt(UNKNOWN_EXTENSIONS.length)],
                        bytes(random.nextInt(8))));
                case 4 -> h.replace(ClientHellos.SUPPORTED_VERSIONS, u16s(value(VERSIONS)));
                case 5 -> h.replace(ClientHellos.KEY_SHARE, ClientHellos.keyShareEntry(value(GROUPS),
                        random.nextBoolean() ? bytes(32) : bytes(random.nextInt(70))));
                default -> {
                    if (!h.extensions.isEmpty()) {
                        h.extensions.remove(random.nextInt(h.extensions.size()));
                    }
                }
            }
        }
        return h;
    }

    // ---- Malformations of either ----

    /**
     * The systematic malformations of {@code message}: cut short at every byte (its handshake and record lengths
     * saying so), and every length field set to each of its wrong values.
     */
    private void systematic(byte[] message, int type, List<Case> cases) {
        for (int end = 4; end < message.length; end++) {
            cases.add(new Case("truncated", record(shortened(message, end))));
        }
        for (LengthField f : lengthFields(message, type)) {
            long value = read(message, f.offset(), f.width());
            long max = (1L << (8 * f.width())) - 1;
            for (long wrong : new long[] {value - 1, value + 1, 0, max}) {
                if (wrong >= 0 && wrong <= max && wrong != value) {
                    byte[] m = message.clone();
                    write(m, f.offset(), f.width(), wrong);
                    cases.add(new Case("wrong length", record(m)));
                }
            }
        }
    }

    private Case randomMalformation(byte[] message, int type) {
        switch (random.nextInt(4)) {
            case 0 -> {
                return new Case("truncated", record(shortened(message, 4 + random.nextInt(message.length - 4))));
            }
            case 1 -> {
                List<LengthField> fields = lengthFields(message, type);
                LengthField f = fields.get(random.nextInt(fields.size()));
                byte[] m = message.clone();
                long value = read(m, f.offset(), f.width());
                long wrong = value + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(40));
                write(m, f.offset(), f.width(), Math.max(0, Math.min(wrong, (1L << (8 * f.width())) - 1)));
                return new Case("wrong length", record(m));
            }
            case 2 -> {
                byte[] m = message.clone();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    int at = 4 + random.nextInt(m.length - 4);
                    m[at] ^= (byte) (1 << random.nextInt(8));
                }
                return new Case("bit flip", record(m));
            }
            default -> {
                // Bytes after the extensions block, inside the message.
                byte[] m = concat(message, bytes(1 + random.nextInt(8)));
                write(m, 1, 3, m.length - 4);
                return new Case("trailing bytes", record(m));
            }
        }
    }

    /** The first {@code end} bytes of {@code message}, its handshake length rewritten to match. */
    static byte[] shortened(byte[] message, int end) {
        byte[] m = Arrays.copyOf(message, end);
        write(m, 1, 3, end - 4);
        return m;
    }

    /**
     * The length fields of a ClientHello or ServerHello message: the handshake length, session_id, suites and
     * compression (ClientHello), the extensions block, each extension's length, and the lists inside the extensions
     * this generator writes (server_name, groups, point formats, signature algorithms, supported_versions, psk
     * modes, key_share).
     */
    static List<LengthField> lengthFields(byte[] m, int type) {
        List<LengthField> f = new ArrayList<>();
        f.add(new LengthField(1, 3, "handshake"));
        int p = 4 + 34;
        f.add(new LengthField(p, 1, "session_id"));
        p += 1 + (m[p] & 0xFF);
        if (type == CLIENT_HELLO) {
            f.add(new LengthField(p, 2, "cipher_suites"));
            p += 2 + (int) read(m, p, 2);
            f.add(new LengthField(p, 1, "compression_methods"));
            p += 1 + (m[p] & 0xFF);
        } else {
            p += 3;
        }
        if (p + 2 > m.length) {
            return f;
        }
        f.add(new LengthField(p, 2, "extensions"));
        p += 2;
        while (p + 4 <= m.length) {
            int ext = (int) read(m, p, 2);
            int len = (int) read(m, p + 2, 2);
            f.add(new LengthField(p + 2, 2, "extension " + ext));
            int body = p + 4;
            if (body + len > m.length) {
                break;
            }
            inner(m, type, ext, body, len, f);
            p = body + len;
        }
        return f;
    }

    /** The length fields inside the body of extension {@code ext}. */
    private static void inner(byte[] m, int type, int ext, int body, int len, List<LengthField> f) {
        String name = "extension " + ext + " list";
        switch (ext) {
            case ClientHellos.SERVER_NAME -> {
                if (len >= 5) {
                    f.add(new LengthField(body, 2, name));
                    f.add(new LengthField(body + 3, 2, "server_name host_name"));
                }
            }
            case ClientHellos.SUPPORTED_GROUPS, ClientHellos.SIGNATURE_ALGORITHMS, ClientHellos.ALPN -> {
                if (len >= 2) {
                    f.add(new LengthField(body, 2, name));
                }
            }
            case ClientHellos.EC_POINT_FORMATS, ClientHellos.PSK_KEY_EXCHANGE_MODES -> {
                if (len >= 1) {
                    f.add(new LengthField(body, 1, name));
                }
            }
            case ClientHellos.SUPPORTED_VERSIONS -> {
                if (type == CLIENT_HELLO && len >= 1) {
                    f.add(new LengthField(body, 1, name));
                }
            }
            case ClientHellos.KEY_SHARE -> {
                int p = body;
                if (type == CLIENT_HELLO && len >= 2) {
                    f.add(new LengthField(body, 2, name));
                    p += 2;
                }
                if (p + 4 <= body + len) {
                    f.add(new LengthField(p + 2, 2, "key_exchange"));
                }
            }
            default -> { }
        }
    }

    /** {@code message} in one plaintext handshake record of version 0303. */
    static byte[] record(byte[] message) {
        return concat(new byte[] {22, 3, 3, (byte) (message.length >> 8), (byte) message.length}, message);
    }

    static long read(byte[] b, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    static void write(byte[] b, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (value >> (8 * (width - 1 - i)));
        }
    }

    /**
     * A hello message cut in two: the bytes before its extensions block (type and length excluded) and its
     * extensions, so that a mutation may change either and {@link #message()} writes the lengths anew.
     */
    static final class Hello {
        final int type;
        byte[] head;
        final List<ClientHellos.Ext> extensions = new ArrayList<>();

        private Hello(int type, byte[] head) {
            this.type = type;
            this.head = head;
        }

        /** Parses a well-formed ClientHello or ServerHello message. */
        static Hello parse(byte[] m) {
            int type = m[0];
            int p = 4 + 34;
            p += 1 + (m[p] & 0xFF);
            if (type == CLIENT_HELLO) {
                p += 2 + (int) read(m, p, 2);
                p += 1 + (m[p] & 0xFF);
            } else {
                p += 3;
            }
            Hello h = new Hello(type, Arrays.copyOfRange(m, 4, p));
            if (p < m.length) {
                int end = p + 2 + (int) read(m, p, 2);
                for (int q = p + 2; q < end; ) {
                    int len = (int) read(m, q + 2, 2);
                    h.extensions.add(new ClientHellos.Ext((int) read(m, q, 2), Arrays.copyOfRange(m, q + 4, q + 4 + len)));
                    q += 4 + len;
                }
            }
            return h;
        }

        /** Offset in {@link #head} of a ServerHello's cipher_suite. */
        int suiteOffset() {
            return 35 + (head[34] & 0xFF);
        }

        void putShort(int at, int value) {
            write(head, at, 2, value);
        }

        /** The session_id (the legacy one, a TLS 1.3 client checks its echo). */
        byte[] sessionId() {
            return Arrays.copyOfRange(head, 35, 35 + (head[34] & 0xFF));
        }

        void setSessionId(byte[] id) {
            head = concat(Arrays.copyOf(head, 34), new byte[] {(byte) id.length}, id,
                    Arrays.copyOfRange(head, 35 + (head[34] & 0xFF), head.length));
        }

        /** Replaces the body of extension {@code ext}, if there is one. */
        void replace(int ext, byte[] body) {
            for (int i = 0; i < extensions.size(); i++) {
                if (extensions.get(i).type() == ext) {
                    extensions.set(i, new ClientHellos.Ext(ext, body));
                }
            }
        }

        byte[] message() {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            for (ClientHellos.Ext x : extensions) {
                e.writeBytes(u16s(x.type()));
                e.writeBytes(list16(x.body()));
            }
            byte[] body = concat(head, list16(e.toByteArray()));
            byte[] m = concat(new byte[4], body);
            m[0] = (byte) type;
            write(m, 1, 3, body.length);
            return m;
        }
    }
}
