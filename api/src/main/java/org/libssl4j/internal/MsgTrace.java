package org.libssl4j.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.libssl4j.MsgCallback;
import org.libssl4j.SslVersion;

/**
 * What the message callback is told ({@code SSL_CTX_set_msg_callback}; docs/SEMANTICS.md MSG-1..4): every record's
 * header as it is written to the outbound buffer or taken from the read BIO, and the messages the record layer can
 * read: those of plaintext records (hellos, a TLS 1.2 handshake up to its ChangeCipherSpec, plaintext alerts,
 * ChangeCipherSpec), reassembled when a message spans records. Protected content is the engine's; of it only the
 * alerts the state machine knows are reported ({@link #protectedAlert}).
 */
final class MsgTrace {
    private static final int HEADER = 5;
    private static final int SERVER_HELLO = 2;
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int MAX_BUFFERED = 1 << 17;

    private final InfoEvents guard;
    private Connection.MsgSink sink;
    private final Direction sent = new Direction(true);
    private final Direction received = new Direction(false);
    /** The version for message events: the highest allowed until a ServerHello says which. */
    private int version = SslVersion.TLS1_3_VERSION;
    /** A ServerHello chose TLS 1.3: a handshake record is then plaintext even after a (compatibility) ChangeCipherSpec. */
    private boolean tls13;

    MsgTrace(InfoEvents guard) {
        this.guard = guard;
    }

    void setSink(Connection.MsgSink sink) {
        this.sink = sink;
    }

    /** Whether a message callback is in force now (checked per record, so one set at any time counts). */
    boolean on() {
        Connection.MsgSink s = sink;
        return s != null && s.active();
    }

    /** The highest version the connection allows, until the peer's hello tells. */
    void offering(int highest) {
        if (!tls13 && highest > 0) {
            version = Math.min(highest, SslVersion.TLS1_3_VERSION);
        }
    }

    /** Whole records this side just put in its outbound buffer, {@code [from, to)} of {@code buf}. */
    void written(ByteBuffer buf, int from, int to) {
        sent.records(buf, from, to);
    }

    /** The whole record at {@code record}'s position, about to be opened. */
    void read(ByteBuffer record) {
        received.records(record, record.position(), record.limit());
    }

    /**
     * An alert the state machine knows was sent or received in a protected record (close_notify, a fatal alert it
     * sealed, one the engine reported received). An alert in a plaintext record was reported from its bytes.
     */
    void protectedAlert(boolean write, int level, int description) {
        Direction d = write ? sent : received;
        if (d.lastProtected) {
            emit(write, version, MsgCallback.RT_ALERT, new byte[] {(byte) level, (byte) description});
        }
    }

    private void emit(boolean write, int v, int type, byte[] bytes) {
        Connection.MsgSink s = sink;
        if (s != null) {
            guard.guard(() -> s.msg(write, v, type, bytes));
        }
    }

    private final class Direction {
        private final boolean write;
        private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        /** A ChangeCipherSpec went this way (TLS 1.2): what follows is encrypted. */
        private boolean afterChangeCipherSpec;
        boolean lastProtected;

        Direction(boolean write) {
            this.write = write;
        }

        void records(ByteBuffer buf, int from, int to) {
            int p = from;
            while (p + HEADER <= to) {
                int type = buf.get(p) & 0xff;
                int recordVersion = ((buf.get(p + 1) & 0xff) << 8) | (buf.get(p + 2) & 0xff);
                int end = Math.min(to, p + HEADER + (((buf.get(p + 3) & 0xff) << 8) | (buf.get(p + 4) & 0xff)));
                emit(write, recordVersion, MsgCallback.RT_HEADER, bytes(buf, p, p + HEADER));
                content(type, buf, p + HEADER, end);
                p = end;
            }
        }

        private void content(int type, ByteBuffer buf, int from, int to) {
            lastProtected = type == MsgCallback.RT_APPLICATION_DATA
                    || (afterChangeCipherSpec && !(tls13 && type == MsgCallback.RT_HANDSHAKE));
            if (lastProtected) {
                return;
            }
            switch (type) {
                case MsgCallback.RT_CHANGE_CIPHER_SPEC:
                    emit(write, version, type, bytes(buf, from, to));
                    afterChangeCipherSpec = true;
                    break;
                case MsgCallback.RT_ALERT:
                    for (int p = from; p + 2 <= to; p += 2) {
                        emit(write, version, type, bytes(buf, p, p + 2));
                    }
                    break;
                case MsgCallback.RT_HANDSHAKE:
                    for (int i = from; i < to; i++) {
                        handshake.write(buf.get(i));
                    }
                    messages();
                    break;
                default:
                    break; // a record type TLS does not have: the header said all there is
            }
        }

        private void messages() {
            byte[] b = handshake.toByteArray();
            int p = 0;
            while (p + 4 <= b.length) {
                int len = ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
                if (p + 4 + len > b.length) {
                    break;
                }
                byte[] message = java.util.Arrays.copyOfRange(b, p, p + 4 + len);
                if ((message[0] & 0xff) == SERVER_HELLO) {
                    serverHello(message);
                }
                emit(write, version, MsgCallback.RT_HANDSHAKE, message);
                p += 4 + len;
            }
            handshake.reset();
            if (b.length - p <= MAX_BUFFERED) {
                handshake.write(b, p, b.length - p);
            }
        }
    }

    /** The version a ServerHello (or HelloRetryRequest) chose: supported_versions, else its legacy version. */
    private void serverHello(byte[] m) {
        try {
            int p = 4 + 2 + 32;
            int chosen = ((m[4] & 0xff) << 8) | (m[5] & 0xff);
            p += 1 + (m[p] & 0xff) + 2 + 1; // session id, cipher suite, compression method
            int end = p + 2 + (((m[p] & 0xff) << 8) | (m[p + 1] & 0xff));
            for (p += 2; p + 4 <= end && p + 4 <= m.length; ) {
                int type = ((m[p] & 0xff) << 8) | (m[p + 1] & 0xff);
                int len = ((m[p + 2] & 0xff) << 8) | (m[p + 3] & 0xff);
                if (type == SUPPORTED_VERSIONS && len == 2) {
                    chosen = ((m[p + 4] & 0xff) << 8) | (m[p + 5] & 0xff);
                }
                p += 4 + len;
            }
            version = chosen;
            tls13 = chosen == SslVersion.TLS1_3_VERSION;
        } catch (ArrayIndexOutOfBoundsException e) {
            // a hello cut short: the engine fails on it; the version stays
        }
    }

    private static byte[] bytes(ByteBuffer buf, int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            b[i - from] = buf.get(i);
        }
        return b;
    }
}
