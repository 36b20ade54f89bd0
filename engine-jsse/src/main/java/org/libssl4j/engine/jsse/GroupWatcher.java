package org.libssl4j.engine.jsse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads the negotiated key-exchange group off the wire, for {@code SSL_get_negotiated_group}: JSSE has no API for
 * it, but the server's choice travels in plaintext, in the TLS 1.3 ServerHello's key_share (or a
 * HelloRetryRequest's selected group) and in the TLS 1.2 ECDHE ServerKeyExchange's named curve. The watcher is fed
 * every record of one direction (the records a server wraps, or a client opens) until the first ChangeCipherSpec or
 * encrypted record, reassembles the handshake messages and remembers the group. docs/SEMANTICS.md GROUP-4.
 */
final class GroupWatcher {
    private static final int HANDSHAKE = 22;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int SERVER_HELLO = 2;
    private static final int SERVER_KEY_EXCHANGE = 12;
    private static final int KEY_SHARE = 51;
    private static final int MAX_BUFFERED = 1 << 17;

    private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    private boolean done;
    private int group;

    /** The group seen, or 0. */
    int group() {
        return group;
    }

    /** Looks at the records in {@code buf} between {@code from} and {@code to}; never throws, never moves {@code buf}. */
    void records(ByteBuffer buf, int from, int to) {
        if (done) {
            return;
        }
        try {
            int p = from;
            while (p + 5 <= to && !done) {
                int type = buf.get(p) & 0xff;
                int len = ((buf.get(p + 3) & 0xff) << 8) | (buf.get(p + 4) & 0xff);
                if (type == CHANGE_CIPHER_SPEC || type != HANDSHAKE) {
                    done = true; // what follows is encrypted (or not a hello any more)
                    return;
                }
                int end = Math.min(to, p + 5 + len);
                for (int i = p + 5; i < end; i++) {
                    handshake.write(buf.get(i));
                }
                p += 5 + len;
                messages();
            }
        } catch (RuntimeException e) {
            done = true;
        }
    }

    private void messages() {
        byte[] b = handshake.toByteArray();
        int p = 0;
        while (p + 4 <= b.length) {
            int type = b[p] & 0xff;
            int len = ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (p + 4 + len > b.length) {
                break;
            }
            message(type, b, p + 4, len);
            p += 4 + len;
        }
        handshake.reset();
        if (b.length - p > MAX_BUFFERED) {
            done = true;
            return;
        }
        handshake.write(b, p, b.length - p);
    }

    private void message(int type, byte[] b, int at, int len) {
        if (type == SERVER_HELLO) {
            // version(2) random(32) session_id(1+n) cipher_suite(2) compression(1) extensions(2+n)
            int p = at + 34;
            p += 1 + (b[p] & 0xff);
            p += 3;
            if (p + 2 > at + len) {
                return; // TLS 1.2 without extensions
            }
            int extEnd = Math.min(at + len, p + 2 + u16(b, p));
            p += 2;
            while (p + 4 <= extEnd) {
                int ext = u16(b, p);
                int extLen = u16(b, p + 2);
                if (ext == KEY_SHARE && extLen >= 2) {
                    group = u16(b, p + 4); // ServerHello: group + key; HelloRetryRequest: the selected group
                }
                p += 4 + extLen;
            }
        } else if (type == SERVER_KEY_EXCHANGE && len >= 3 && (b[at] & 0xff) == 3) {
            group = u16(b, at + 1); // ECParameters: named_curve(3), NamedCurve
        }
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }
}
