package org.libssl4j.engine.jsse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One connection's NSS key-log lines ({@code SSL_CTX_set_keylog_callback}, {@code Capability.KEYLOG}), as libssl
 * writes them: {@code LABEL <client random> <secret>} in lower-case hex, each label once per handshake. The adapter
 * reads the client random off the ClientHello (the client's first record, the first record a server opens); a
 * provider hands in the secrets from inside its engine calls, where {@link #current()} names the connection: the
 * adapter sets it around every engine call of a handshake.
 */
public final class KeyLog {
    /** TLS 1.2: the master secret. */
    public static final String CLIENT_RANDOM = "CLIENT_RANDOM";
    /** TLS 1.3: client_handshake_traffic_secret. */
    public static final String CLIENT_HANDSHAKE = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3: server_handshake_traffic_secret. */
    public static final String SERVER_HANDSHAKE = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3: client_application_traffic_secret_0. */
    public static final String CLIENT_TRAFFIC = "CLIENT_TRAFFIC_SECRET_0";
    /** TLS 1.3: server_application_traffic_secret_0. */
    public static final String SERVER_TRAFFIC = "SERVER_TRAFFIC_SECRET_0";
    /** TLS 1.3: exporter_master_secret. */
    public static final String EXPORTER = "EXPORTER_SECRET";

    private static final ThreadLocal<KeyLog> CURRENT = new ThreadLocal<>();
    private static final HexFormat HEX = HexFormat.of();

    private final Consumer<String> sink;
    private byte[] clientRandom;
    private final Set<String> logged = new HashSet<>();
    /** Secrets that came before the client random was seen: label and secret. */
    private final List<String[]> pending = new ArrayList<>();

    KeyLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * The key log of the connection whose engine call runs on this thread during a handshake, or null when it logs
     * nothing (or no such call runs).
     */
    public static KeyLog current() {
        return CURRENT.get();
    }

    /** Sets the thread's key log for one engine call; returns the one it replaces, for {@link #restore}. */
    static KeyLog enter(KeyLog log) {
        KeyLog before = CURRENT.get();
        CURRENT.set(log);
        return before;
    }

    static void restore(KeyLog before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    /** A new handshake begins: every label may be logged again, with the new ClientHello's random. */
    void newHandshake() {
        logged.clear();
        pending.clear();
        clientRandom = null;
    }

    /**
     * Looks at a record the connection wrote (client) or read (server) from {@code start} to {@code end}: the first
     * plaintext ClientHello of the handshake gives the client random (record header 5 bytes, handshake header 4,
     * version 2).
     */
    void record(ByteBuffer buf, int start, int end) {
        if (clientRandom != null || end - start < 43 || buf.get(start) != 22 || buf.get(start + 5) != 1) {
            return;
        }
        byte[] random = new byte[32];
        for (int i = 0; i < 32; i++) {
            random[i] = buf.get(start + 11 + i);
        }
        clientRandom = random;
        for (String[] p : pending) {
            emit(p[0], p[1]);
        }
        pending.clear();
    }

    /**
     * One secret of the running handshake; logged unless its label was this handshake.
     *
     * @param label one of this class's labels
     * @param random the client random if the provider knows it, else null for the one read off the wire
     * @param secret the secret's bytes
     */
    public void secret(String label, byte[] random, byte[] secret) {
        if (random != null && clientRandom == null) {
            clientRandom = random.clone();
        }
        if (clientRandom == null) {
            pending.add(new String[] {label, HEX.formatHex(secret)});
            return;
        }
        emit(label, HEX.formatHex(secret));
    }

    private void emit(String label, String secretHex) {
        if (logged.add(label)) {
            sink.accept(label + " " + HEX.formatHex(clientRandom) + " " + secretHex);
        }
    }
}
