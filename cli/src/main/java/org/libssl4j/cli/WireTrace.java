package org.libssl4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.libssl4j.Bio;

/**
 * The TLS records that cross a connection's wire, decoded from the bytes themselves: what {@code s_client -msg}
 * prints, and whether the server resumed the session ({@code -reconnect}'s "Reused"). A BIO wrapped around the
 * socket's: every call goes to it unchanged, and the bytes it moved are read as records, per direction.
 *
 * <p>It sees what the wire carries and nothing more: handshake messages while they travel in the clear (TLS 1.2's
 * up to ChangeCipherSpec, TLS 1.3's hellos), the rest as encrypted records, for TLS 1.3 every one of them of type
 * application_data. (OpenSSL's {@code -msg} shows the decrypted messages, through a callback inside libssl.)
 * Resumption is read from the ServerHello: TLS 1.3 with a {@code pre_shared_key} extension, TLS 1.2 with the
 * session id the client offered.
 */
final class WireTrace implements Bio {
    private static final Map<Integer, String> CONTENT = Map.of(20, "ChangeCipherSpec", 21, "Alert", 22, "Handshake",
            23, "ApplicationData", 24, "Heartbeat");
    private static final Map<Integer, String> HANDSHAKE = Map.ofEntries(Map.entry(0, "HelloRequest"),
            Map.entry(1, "ClientHello"), Map.entry(2, "ServerHello"), Map.entry(4, "NewSessionTicket"),
            Map.entry(5, "EndOfEarlyData"), Map.entry(8, "EncryptedExtensions"), Map.entry(11, "Certificate"),
            Map.entry(12, "ServerKeyExchange"), Map.entry(13, "CertificateRequest"), Map.entry(14, "ServerHelloDone"),
            Map.entry(15, "CertificateVerify"), Map.entry(16, "ClientKeyExchange"), Map.entry(20, "Finished"),
            Map.entry(24, "KeyUpdate"), Map.entry(254, "MessageHash"));
    private static final Map<Integer, String> ALERT = Map.ofEntries(Map.entry(0, "close_notify"),
            Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"), Map.entry(22, "record_overflow"),
            Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"), Map.entry(43, "unsupported_certificate"),
            Map.entry(44, "certificate_revoked"), Map.entry(45, "certificate_expired"), Map.entry(46, "certificate_unknown"),
            Map.entry(47, "illegal_parameter"), Map.entry(48, "unknown_ca"), Map.entry(49, "access_denied"),
            Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"),
            Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"), Map.entry(86, "inappropriate_fallback"),
            Map.entry(90, "user_canceled"), Map.entry(100, "no_renegotiation"), Map.entry(109, "missing_extension"),
            Map.entry(110, "unsupported_extension"), Map.entry(112, "unrecognized_name"),
            Map.entry(116, "certificate_required"), Map.entry(120, "no_application_protocol"));
    /** The random of a HelloRetryRequest (RFC 8446 4.1.3): SHA-256 of "HelloRetryRequest". */
    private static final byte[] HELLO_RETRY = hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    private static final int PRE_SHARED_KEY = 41;
    private static final int SUPPORTED_VERSIONS = 43;

    private final Bio wire;
    private final PrintWriter out;
    private final Direction sent = new Direction(">>>");
    private final Direction received = new Direction("<<<");
    private byte[] offeredSessionId;
    private Boolean resumed;
    private boolean quiet;

    /**
     * @param wire the socket's BIO
     * @param out where the records are printed, or null to print nothing (the resumption is still seen)
     */
    WireTrace(Bio wire, PrintWriter out) {
        this.wire = wire;
        this.out = out;
    }

    /** Whether the server resumed the session: null until its ServerHello has been read. */
    Boolean resumed() {
        return resumed;
    }

    /** Stops reading the records when nothing is printed: the handshake is over, the bulk data is not looked at. */
    void handshakeDone() {
        quiet = out == null;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = wire.read(b, off, len);
        if (n > 0 && !quiet) {
            received.feed(b, off, n);
        }
        return n;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        int n = wire.write(b, off, len);
        if (n > 0 && !quiet) {
            sent.feed(b, off, n);
        }
        return n;
    }

    @Override
    public boolean shouldRetry() {
        return wire.shouldRetry();
    }

    @Override
    public boolean shouldRead() {
        return wire.shouldRead();
    }

    @Override
    public boolean shouldWrite() {
        return wire.shouldWrite();
    }

    @Override
    public boolean shouldIoSpecial() {
        return wire.shouldIoSpecial();
    }

    @Override
    public long pending() {
        return wire.pending();
    }

    @Override
    public long wpending() {
        return wire.wpending();
    }

    @Override
    public int flush() {
        return wire.flush();
    }

    @Override
    public boolean eof() {
        return wire.eof();
    }

    @Override
    public void close() {
        wire.close();
    }

    /** One direction's bytes, cut into records, and its handshake messages while they are in the clear. */
    private final class Direction {
        private final String arrow;
        private final ByteArrayOutputStream records = new ByteArrayOutputStream();
        private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
        private boolean encrypted;

        Direction(String arrow) {
            this.arrow = arrow;
        }

        void feed(byte[] b, int off, int n) {
            records.write(b, off, n);
            byte[] buf = records.toByteArray();
            int p = 0;
            while (buf.length - p >= 5) {
                int length = u16(buf, p + 3);
                if (buf.length - p - 5 < length) {
                    break;
                }
                record(buf[p] & 0xff, u16(buf, p + 1), Arrays.copyOfRange(buf, p + 5, p + 5 + length));
                p += 5 + length;
            }
            records.reset();
            records.write(buf, p, buf.length - p);
        }

        private void record(int type, int version, byte[] body) {
            String what = CONTENT.getOrDefault(type, "content type " + type);
            String detail = "";
            if (type == 22 && !encrypted) {
                messages.write(body, 0, body.length);
                detail = ": " + String.join(", ", handshakeMessages());
            } else if (type == 22 || (type == 21 && encrypted)) {
                detail = " (encrypted)";
            } else if (type == 21 && body.length == 2) {
                detail = ": " + (body[0] == 2 ? "fatal " : "warning ") + ALERT.getOrDefault(body[1] & 0xff, "alert " + (body[1] & 0xff));
            } else if (type == 20) {
                encrypted = true; // TLS 1.2: what follows is encrypted (a TLS 1.3 ChangeCipherSpec changes nothing visible)
            }
            if (out != null) {
                out.printf("%s %s record [length %04x], %s%s%n", arrow, version(version), body.length, what, detail);
                out.flush();
            }
        }

        /** The complete messages gathered so far, named; a message that spans records is named when it ends. */
        private List<String> handshakeMessages() {
            byte[] buf = messages.toByteArray();
            List<String> names = new ArrayList<>();
            int p = 0;
            while (buf.length - p >= 4) {
                int length = ((buf[p + 1] & 0xff) << 16) | u16(buf, p + 2);
                if (buf.length - p - 4 < length) {
                    break;
                }
                int type = buf[p] & 0xff;
                byte[] body = Arrays.copyOfRange(buf, p + 4, p + 4 + length);
                names.add(hello(type, body));
                p += 4 + length;
            }
            messages.reset();
            messages.write(buf, p, buf.length - p);
            if (names.isEmpty()) {
                names.add("(part of a message)");
            }
            return names;
        }
    }

    /** Names a handshake message, and reads what the hellos say about the session. */
    private String hello(int type, byte[] body) {
        String name = HANDSHAKE.getOrDefault(type, "handshake type " + type);
        try {
            if (type == 1 && body.length >= 35) {
                offeredSessionId = slice(body, 35, body[34] & 0xff);
            } else if (type == 2 && body.length >= 35) {
                if (Arrays.equals(Arrays.copyOfRange(body, 2, 34), HELLO_RETRY)) {
                    return "HelloRetryRequest";
                }
                int p = 34;
                byte[] sessionId = slice(body, p + 1, body[p] & 0xff);
                p += 1 + sessionId.length + 3; // session id, cipher suite, compression
                slice(body, 0, p);
                boolean tls13 = false;
                boolean psk = false;
                if (body.length >= p + 2) {
                    int end = p + 2 + u16(body, p);
                    for (p += 2; p + 4 <= end && p + 4 <= body.length; p += 4 + u16(body, p + 2)) {
                        int ext = u16(body, p);
                        tls13 |= ext == SUPPORTED_VERSIONS && u16(body, p + 2) == 2 && u16(body, p + 4) == 0x0304;
                        psk |= ext == PRE_SHARED_KEY;
                    }
                }
                resumed = tls13 ? psk : sessionId.length > 0 && Arrays.equals(sessionId, offeredSessionId);
                return name + (resumed ? " (resumes the session)" : "");
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return name + " (malformed)";
        }
        return name;
    }

    /** {@code length} bytes from {@code from}; a message too short for them is malformed. */
    private static byte[] slice(byte[] b, int from, int length) {
        if (from + length > b.length) {
            throw new ArrayIndexOutOfBoundsException("a field runs past its message");
        }
        return Arrays.copyOfRange(b, from, from + length);
    }

    private static String version(int v) {
        return switch (v) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("0x%04x", v);
        };
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
