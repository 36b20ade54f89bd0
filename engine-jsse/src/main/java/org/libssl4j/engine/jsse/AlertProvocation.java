package org.libssl4j.engine.jsse;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * How to make a provider send an alert the state machine chose ({@code TlsEngine.sealAlert}) although
 * {@code SSLEngine} has no call for it: hand the engine a record its own record layer rejects, before decryption,
 * with exactly that alert, then wrap what it queued. Which record does that differs by provider (SunJSSE raises only
 * unexpected_message there, bctls also record_overflow and decode_error, Conscrypt's BoringSSL record_overflow and
 * protocol_version), so {@link #probe} tries the {@link #CANDIDATES} on this JVM, on an established connection of
 * each protocol version, and keeps for each alert the first record whose alert the peer read. A record is kept only
 * if it works on every version tried.
 *
 * <p>Only after the handshake: during it, the same record can meet another check first (bctls answers application
 * data before the handshake with unexpected_message, whatever its length).
 */
final class AlertProvocation {
    static final int UNEXPECTED_MESSAGE = 10;
    static final int RECORD_OVERFLOW = 22;
    static final int DECODE_ERROR = 50;
    static final int PROTOCOL_VERSION = 70;

    /** For each alert the state machine may ask for, the records to try, in order. */
    static final Map<Integer, List<byte[]>> CANDIDATES;

    static {
        Map<Integer, List<byte[]>> m = new LinkedHashMap<>();
        m.put(UNEXPECTED_MESSAGE, List.of(
                record(0x63, 0x0303, 32), // an unknown content type (bctls checks the type first)
                header(0x17, 0x0303, 0xFFFF))); // SunJSSE: "Bad input record size", an SSLProtocolException
        m.put(RECORD_OVERFLOW, List.of(record(0x17, 0x0303, 16384 + 2048 + 1))); // over every ciphertext limit
        m.put(DECODE_ERROR, List.of(record(0x17, 0x0303, 0))); // an empty application-data record: no room for a tag
        m.put(PROTOCOL_VERSION, List.of(record(0x17, 0x0302, 32))); // a record version other than the connection's
        CANDIDATES = Collections.unmodifiableMap(m);
    }


    private AlertProvocation() {
    }

    private static byte[] header(int type, int version, int length) {
        return new byte[] {(byte) type, (byte) (version >> 8), (byte) version, (byte) (length >> 8), (byte) length};
    }

    private static byte[] record(int type, int version, int bodyLength) {
        byte[] r = new byte[5 + bodyLength];
        System.arraycopy(header(type, version, bodyLength), 0, r, 0, 5);
        return r;
    }

    /**
     * Feeds {@code record} to {@code engine}, which must reject it, and wraps the alert the engine then sends.
     *
     * @return the bytes written to {@code out}, or -1 if the engine took the record without failing
     */
    static int provoke(SSLEngine engine, byte[] record, ByteBuffer out) {
        try {
            engine.unwrap(ByteBuffer.wrap(record), ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()));
            return -1;
        } catch (SSLException | RuntimeException expected) {
            // The record failed, as intended; the engine now holds its alert.
        }
        int start = out.position();
        JsseProbe.wrapQueuedAlert(engine, out);
        return out.position() - start;
    }

    /** What {@link #probe} found: the record kept for each alert, and what was seen, in a few words. */
    static final class Found {
        final Map<Integer, byte[]> records = new LinkedHashMap<>();
        final Map<Integer, String> seen = new LinkedHashMap<>();
    }

    /**
     * Tries the candidates on an established connection of each of {@code versions}.
     *
     * @param client a client context that accepts the server's certificate
     * @param server a server context with a key
     */
    static Found probe(JsseBinding binding, SSLContext client, SSLContext server, List<String> versions) {
        Found found = new Found();
        for (Map.Entry<Integer, List<byte[]>> e : CANDIDATES.entrySet()) {
            int alert = e.getKey();
            StringBuilder why = new StringBuilder();
            for (byte[] candidate : e.getValue()) {
                boolean works = !versions.isEmpty();
                StringBuilder answers = new StringBuilder();
                for (String version : versions) {
                    int got = peerReads(binding, client, server, version, candidate);
                    answers.append(answers.length() == 0 ? "" : ", ").append(version).append(' ')
                            .append(got < 0 ? "no alert" : "alert " + got);
                    works &= got == alert;
                    if (!works) {
                        break; // one version is enough to rule it out
                    }
                }
                String name = describe(candidate);
                if (works) {
                    found.records.put(alert, candidate);
                    found.seen.put(alert, name + " makes it send alert " + alert + " (" + String.join(", ", versions) + ")");
                    break;
                }
                why.append(why.length() == 0 ? "" : "; ").append(name).append(": ").append(answers);
            }
            found.seen.putIfAbsent(alert, versions.isEmpty() ? "no protocol version to try" : "no record makes it send alert " + alert + ": " + why);
        }
        return found;
    }

    /** The alert a client reads after its server was handed {@code record}, or -1 if it reads none. */
    private static int peerReads(JsseBinding binding, SSLContext client, SSLContext server, String version, byte[] record) {
        JsseProbe.Pair p = new JsseProbe.Pair(client, server, version);
        try {
            p.handshake();
        } catch (SSLException | RuntimeException e) {
            return -1;
        }
        if (provoke(p.server, record, p.toClient) <= 0) {
            return -1;
        }
        try {
            p.deliverToClient();
            return -1;
        } catch (SSLException received) {
            return JsseProbe.receivedAlert(binding, received, true);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A record in a few words: its header in hex and its body's length. */
    static String describe(byte[] record) {
        return "record " + HexFormat.of().formatHex(record, 0, 5) + " with " + (record.length - 5) + " body bytes";
    }
}
