package org.libssl4j.engine.jsse;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The lists a ClientHello carries in its supported_groups (10), signature_algorithms (13) and key_share (51)
 * extensions, as code points: for deciding whether a provider honours a restriction ({@link GroupRestriction}).
 */
final class ClientHelloExtensions {
    private ClientHelloExtensions() {
    }

    /**
     * Reads the first record of {@code wire} (a ClientHello in one record).
     *
     * @return extension type to its list of 16-bit values (for key_share, the groups of the key shares)
     * @throws RuntimeException if the bytes are not such a ClientHello
     */
    static Map<Integer, int[]> read(ByteBuffer wire) {
        ByteBuffer b = wire.duplicate();
        if (b.get() != 22) {
            throw new IllegalArgumentException("not a handshake record");
        }
        b.position(b.position() + 4); // version, length
        if (b.get() != 1) {
            throw new IllegalArgumentException("not a ClientHello");
        }
        b.position(b.position() + 3 + 2 + 32); // length, version, random
        skip(b, b.get() & 0xff); // session id
        skip(b, b.getShort() & 0xffff); // cipher suites
        skip(b, b.get() & 0xff); // compression
        int extensions = b.getShort() & 0xffff;
        int end = b.position() + extensions;
        Map<Integer, int[]> out = new HashMap<>();
        while (b.position() + 4 <= end) {
            int type = b.getShort() & 0xffff;
            int len = b.getShort() & 0xffff;
            ByteBuffer data = b.slice();
            data.limit(len);
            b.position(b.position() + len);
            if (type == 10 || type == 13) {
                int n = (data.getShort() & 0xffff) / 2;
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = data.getShort() & 0xffff;
                }
                out.put(type, values);
            } else if (type == 51) {
                int listEnd = (data.getShort() & 0xffff) + 2;
                java.util.List<Integer> groups = new java.util.ArrayList<>();
                while (data.position() + 4 <= listEnd) {
                    groups.add(data.getShort() & 0xffff);
                    skip(data, data.getShort() & 0xffff);
                }
                out.put(type, groups.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n);
    }
}
