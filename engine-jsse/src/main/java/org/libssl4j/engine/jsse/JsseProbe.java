package org.libssl4j.engine.jsse;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.libssl4j.Capability;
import org.libssl4j.spi.EngineException;

/**
 * Decides, on the running JVM, the capabilities whose truth depends on the provider's version or on JVM-wide
 * settings ({@link #PROBED}), by driving a client and a server {@code SSLEngine} of the provider against each
 * other in memory. What an engine declares is then what this JVM's provider does, not what the machine the engine
 * was written on did: SunJSSE 17.0.15 sends certificate_unknown for every failed certificate check where later 17
 * updates send certificate_expired or bad_certificate, and {@code jdk.tls.*} properties change close and ticket
 * behaviour JVM-wide.
 *
 * <p>Each probe observes the wire or the engine's results, never a version string. A probe that meets anything
 * unexpected (an exception, no progress) decides "absent": a capability is declared only where it was seen. The
 * engine modules' READMEs say what each probe does and what it observed on each JDK.
 */
public final class JsseProbe {
    /** The capabilities {@link #run} decides; an engine declares the others from what its adapter does. */
    public static final Set<Capability> PROBED = Collections.unmodifiableSet(EnumSet.of(Capability.CERTIFICATE_ALERTS,
            Capability.TLS1_3_FULL_RECORDS, Capability.TLS1_3_TICKETS, Capability.RENEGOTIATION,
            Capability.TLS1_2_HALF_CLOSE, Capability.TLS1_3_HALF_CLOSE, Capability.READ_AFTER_SHUTDOWN,
            Capability.ALERT_UNEXPECTED_MESSAGE, Capability.ALERT_RECORD_OVERFLOW, Capability.ALERT_DECODE_ERROR,
            Capability.ALERT_PROTOCOL_VERSION, Capability.ALERT_ON_REQUEST));

    /** The capability that says the provider can be made to send each alert of {@link AlertProvocation}. */
    private static final Map<Integer, Capability> ALERTS = Map.of(
            AlertProvocation.UNEXPECTED_MESSAGE, Capability.ALERT_UNEXPECTED_MESSAGE,
            AlertProvocation.RECORD_OVERFLOW, Capability.ALERT_RECORD_OVERFLOW,
            AlertProvocation.DECODE_ERROR, Capability.ALERT_DECODE_ERROR,
            AlertProvocation.PROTOCOL_VERSION, Capability.ALERT_PROTOCOL_VERSION);

    /** TLS alert descriptions libssl sends for a failed certificate check ({@code ssl_x509err2alert}). */
    static final int CERTIFICATE_EXPIRED = 45;
    static final int BAD_CERTIFICATE = 42;
    /** Plaintext in TLS 1.3: the most one record carries, as libssl fills it (R04.3). */
    static final int MAX_PLAINTEXT = 16384;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final String TLS12 = "TLSv1.2";
    private static final String TLS13 = "TLSv1.3";

    /** What the probes decided, and what each saw. */
    public static final class Result {
        private final Set<Capability> capabilities;
        private final Map<Capability, String> observations;
        private final Map<Integer, byte[]> provocations;
        private long elapsedNanos;

        Result(Set<Capability> capabilities, Map<Capability, String> observations) {
            this(capabilities, observations, Map.of());
        }

        Result(Set<Capability> capabilities, Map<Capability, String> observations, Map<Integer, byte[]> provocations) {
            this.provocations = Map.copyOf(provocations);
            this.capabilities = Collections.unmodifiableSet(capabilities.isEmpty()
                    ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
            this.observations = Collections.unmodifiableMap(new EnumMap<>(observations));
        }

        /** The probed capabilities the provider has here; a subset of {@link #PROBED}. */
        public Set<Capability> capabilities() {
            return capabilities;
        }

        /** For each probed capability, what the probe saw, in a few words. */
        public Map<Capability, String> observations() {
            return observations;
        }

        /** For each alert the provider can be made to send after the handshake, the record that does it. */
        Map<Integer, byte[]> provocations() {
            return provocations;
        }

        /** How long the probe took, in nanoseconds: its cost, once per engine and JVM. */
        public long elapsedNanos() {
            return elapsedNanos;
        }

        @Override
        public String toString() {
            return observations + " in " + elapsedNanos / 1_000_000 + " ms";
        }
    }

    private JsseProbe() {
    }

    /**
     * Runs every probe on {@code binding}'s provider, all in memory with a throwaway key: for each of TLS 1.2 and 1.3,
     * two handshakes that stop at a failed certificate check, then one full handshake followed by a renegotiation
     * (TLS 1.2) or a full record (TLS 1.3), and a close with data in flight.
     *
     * @throws GeneralSecurityException if the provider cannot make a context or the throwaway key at all
     */
    public static Result run(JsseBinding binding) throws GeneralSecurityException {
        long start = System.nanoTime();
        Result r = probe(binding);
        r.elapsedNanos = System.nanoTime() - start;
        return r;
    }

    /**
     * The protocol versions the provider supports ({@link Capability#TLS1_2}, {@link Capability#TLS1_3}), as a
     * client context of {@code binding} lists them in {@code getSupportedSSLParameters()}. Cheap (no handshake): an
     * engine asks when it loads ({@link JsseEngineFactory#forProvider}).
     */
    static Set<Capability> protocolVersions(JsseBinding binding) throws GeneralSecurityException {
        Set<String> supported = supportedProtocols(acceptingClient(binding));
        Set<Capability> versions = EnumSet.noneOf(Capability.class);
        if (supported.contains(TLS12)) {
            versions.add(Capability.TLS1_2);
        }
        if (supported.contains(TLS13)) {
            versions.add(Capability.TLS1_3);
        }
        return versions;
    }

    /** A client context of the provider that accepts any certificate. */
    private static SSLContext acceptingClient(JsseBinding binding) throws GeneralSecurityException {
        SSLContext client = binding.newSslContext();
        client.init(null, new TrustManager[] {new FixedTrustManager(null)}, binding.secureRandom());
        return client;
    }

    private static Set<String> supportedProtocols(SSLContext context) {
        return Set.of(context.getSupportedSSLParameters().getProtocols());
    }

    private static Result probe(JsseBinding binding) throws GeneralSecurityException {
        ProbeIdentity identity = ProbeIdentity.create();
        SSLContext server = binding.newSslContext();
        server.init(keyManagers(binding, identity), null, binding.secureRandom());
        SSLContext client = acceptingClient(binding);
        Set<String> supported = supportedProtocols(client);

        Map<Capability, String> seen = new EnumMap<>(Capability.class);
        Set<Capability> found = EnumSet.noneOf(Capability.class);
        for (Capability c : PROBED) {
            seen.put(c, "not probed: the provider lacks the protocol version");
        }
        // The alert is chosen per version (SunJSSE 17.0.15 maps the cause only in its TLS 1.2 code): probe both.
        StringBuilder alerts = new StringBuilder();
        boolean alertsAsLibssl = !supported.isEmpty();
        for (String version : new String[] {TLS12, TLS13}) {
            if (supported.contains(version)) {
                int expired = certificateAlert(binding, server, version, VerifyFailure.CERT_HAS_EXPIRED);
                int mismatch = certificateAlert(binding, server, version, VerifyFailure.HOSTNAME_MISMATCH);
                alertsAsLibssl &= certificateAlertsAsLibssl(expired, mismatch);
                alerts.append(alerts.length() == 0 ? "" : "; ").append(version).append(": expired certificate ")
                        .append(alertName(expired)).append(", name mismatch ").append(alertName(mismatch));
            }
        }
        decide(found, seen, Capability.CERTIFICATE_ALERTS, alertsAsLibssl, alerts.toString());
        Facts tls12 = null;
        Facts tls13 = null;
        if (supported.contains(TLS12)) {
            tls12 = probeConnection(client, server, TLS12);
            decide(found, seen, Capability.RENEGOTIATION, tls12.renegotiation == null,
                    tls12.renegotiation == null ? "a server's beginHandshake() renegotiated" : tls12.renegotiation);
            decide(found, seen, Capability.TLS1_2_HALF_CLOSE, tls12.halfClose == null,
                    tls12.halfClose == null ? "after the peer's close_notify the server still sealed data" : tls12.halfClose);
        }
        if (supported.contains(TLS13)) {
            tls13 = probeConnection(client, server, TLS13);
            decide(found, seen, Capability.TLS1_3_TICKETS, tls13.postHandshakeRecords > 0,
                    tls13.postHandshakeRecords + " record(s) without data reached the client after its handshake");
            decide(found, seen, Capability.TLS1_3_FULL_RECORDS, tls13.fullRecord == MAX_PLAINTEXT,
                    "one record took " + tls13.fullRecord + " of " + MAX_PLAINTEXT + " bytes");
            decide(found, seen, Capability.TLS1_3_HALF_CLOSE, tls13.halfClose == null,
                    tls13.halfClose == null ? "after the peer's close_notify the server still sealed data" : tls13.halfClose);
        }
        // Not per version: it must hold on every version the provider has.
        if (tls12 != null || tls13 != null) {
            String why12 = tls12 == null ? null : tls12.readAfterShutdown;
            String why13 = tls13 == null ? null : tls13.readAfterShutdown;
            decide(found, seen, Capability.READ_AFTER_SHUTDOWN, why12 == null && why13 == null,
                    why12 == null && why13 == null ? "data sent before the client's close_notify was still read"
                            : (why12 != null ? "TLS 1.2: " + why12 : "") + (why12 != null && why13 != null ? "; " : "")
                                    + (why13 != null ? "TLS 1.3: " + why13 : ""));
        }
        List<String> versions = new ArrayList<>();
        for (String v : new String[] {TLS12, TLS13}) {
            if (supported.contains(v)) {
                versions.add(v);
            }
        }
        AlertProvocation.Found provoked = AlertProvocation.probe(binding, client, server, versions);
        boolean everyAlert = true;
        for (Map.Entry<Integer, Capability> a : ALERTS.entrySet()) {
            boolean has = provoked.records.containsKey(a.getKey());
            decide(found, seen, a.getValue(), has, provoked.seen.get(a.getKey()));
            everyAlert &= has;
        }
        // A provider that renegotiates would also need no_renegotiation (R11.10), which no record provokes.
        boolean renegotiates = found.contains(Capability.RENEGOTIATION);
        decide(found, seen, Capability.ALERT_ON_REQUEST, everyAlert && !renegotiates, everyAlert && !renegotiates
                ? "it can be made to send every alert the state machine chooses"
                : "it cannot be made to send " + (everyAlert ? "no_renegotiation (100), though it renegotiates"
                        : "every record-layer alert (see the ALERT_* capabilities)"));
        return new Result(found, seen, provoked.records);
    }

    /**
     * As {@link #run}, but never throws: a provider that cannot run the probe at all has none of the probed
     * capabilities, and the observations say why.
     */
    public static Result runSafely(JsseBinding binding) {
        try {
            return run(binding);
        } catch (GeneralSecurityException | RuntimeException e) {
            Map<Capability, String> seen = new EnumMap<>(Capability.class);
            for (Capability c : PROBED) {
                seen.put(c, "no: the probe could not run: " + e);
            }
            return new Result(EnumSet.noneOf(Capability.class), seen);
        }
    }

    /** libssl's alerts: certificate_expired for an expired certificate, bad_certificate for a name mismatch. */
    static boolean certificateAlertsAsLibssl(int expiredAlert, int mismatchAlert) {
        return expiredAlert == CERTIFICATE_EXPIRED && mismatchAlert == BAD_CERTIFICATE;
    }

    private static String alertName(int alert) {
        return alert < 0 ? "(none seen)" : String.valueOf(alert);
    }

    private static void decide(Set<Capability> found, Map<Capability, String> seen, Capability c, boolean has, String what) {
        if (has) {
            found.add(c);
        }
        seen.put(c, (has ? "yes: " : "no: ") + what);
    }

    /**
     * The alert a client of {@code version} sends when its trust manager rejects the server's certificate with
     * {@code verifyError}, as libssl4j's own trust manager does, read where libssl's peer reads it: from the failure
     * of the server that receives it ({@link JsseBinding#mapFailure}), since in TLS 1.3 it is encrypted.
     *
     * @return the alert description the server received, or -1 if it received none
     */
    static int certificateAlert(JsseBinding binding, SSLContext server, String version, int verifyError)
            throws GeneralSecurityException {
        SSLContext rejecting = binding.newSslContext();
        rejecting.init(null, new TrustManager[] {new FixedTrustManager(new VerifyFailure(verifyError, "probe", null))},
                binding.secureRandom());
        Pair p = new Pair(rejecting, server, version);
        try {
            p.handshake();
            return -1; // the trust manager was never asked, or its failure was ignored
        } catch (SSLException | RuntimeException clientFailed) {
            wrapQueuedAlert(p.client, p.toServer);
        }
        p.toServer.flip();
        try {
            while (p.toServer.hasRemaining()) {
                if (p.server.unwrap(p.toServer, p.serverApp).bytesConsumed() == 0) {
                    break;
                }
                Pair.runTasks(p.server);
            }
            // bctls consumes a received alert quietly during the handshake and throws it from the next wrap, even
            // once its outbound side is done (engine-bc README Q2): wrap once into nothing to surface it.
            p.server.wrap(EMPTY, ByteBuffer.allocate(0));
            return -1;
        } catch (SSLException received) {
            return receivedAlert(binding, received, false);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Wraps the alert a failed engine holds into {@code out}: providers send it from the failing call or queue it
     * for the next wrap, and SunJSSE rethrows a delegated task's failure once before it wraps it (engine-jdk Q1).
     */
    static void wrapQueuedAlert(SSLEngine engine, ByteBuffer out) {
        for (int i = 0; i < 3 && !engine.isOutboundDone(); i++) {
            try {
                engine.wrap(EMPTY, out);
            } catch (SSLException | RuntimeException again) {
                // the failure again; the alert comes with a later wrap
            }
        }
    }

    /** The description of the fatal alert {@code e} says the peer sent, as the binding reads it, or -1 if none. */
    static int receivedAlert(JsseBinding binding, SSLException e, boolean client) {
        EngineException mapped = binding.mapFailure(e, client);
        return mapped.isAlertReceived() ? mapped.receivedAlert() : -1;
    }

    /** What one probe connection showed; each {@code String} is null where the behaviour held, else why not. */
    private static final class Facts {
        int postHandshakeRecords;
        int fullRecord;
        String renegotiation;
        String readAfterShutdown;
        String halfClose;
    }

    /**
     * One connection of {@code version}: tickets and a full record (TLS 1.3) or a renegotiation (TLS 1.2), then a
     * data record in flight while the client closes.
     */
    private static Facts probeConnection(SSLContext client, SSLContext server, String version) {
        Facts f = new Facts();
        Pair p;
        try {
            p = new Pair(client, server, version);
            p.handshake();
        } catch (SSLException | RuntimeException e) {
            f.renegotiation = f.readAfterShutdown = f.halfClose = "the " + version + " probe handshake failed: " + e;
            return f;
        }
        f.postHandshakeRecords = p.clientPostHandshakeRecords;
        if (version.equals(TLS13)) {
            f.fullRecord = fullRecord(p);
        } else {
            f.renegotiation = renegotiate(p);
        }
        String[] close = closeWithDataInFlight(p);
        f.readAfterShutdown = close[0];
        f.halfClose = close[1];
        return f;
    }

    /** Bytes of a 16384-byte write that the server's first data record takes (TLS 1.3). */
    private static int fullRecord(Pair p) {
        try {
            ByteBuffer data = ByteBuffer.allocate(MAX_PLAINTEXT);
            for (int i = 0; i < 4; i++) {
                SSLEngineResult r = p.server.wrap(data, p.toClient);
                if (r.bytesConsumed() > 0 || r.getStatus() != SSLEngineResult.Status.OK) {
                    p.deliverToClient();
                    return r.bytesConsumed();
                }
            }
            return 0;
        } catch (SSLException | RuntimeException e) {
            return 0;
        }
    }

    /** Null if a server's {@code beginHandshake()} on an established TLS 1.2 connection renegotiated; else why not. */
    private static String renegotiate(Pair p) {
        try {
            p.server.beginHandshake();
            p.clientFinished = false;
            p.serverFinished = false;
            p.handshake();
            return p.clientFinished && p.serverFinished ? null : "beginHandshake() on an established server started no handshake";
        } catch (SSLException | RuntimeException e) {
            return "beginHandshake() on an established server: " + e;
        }
    }

    /**
     * The server seals a data record; the client closes (its close_notify) and then reads that record; the server
     * reads the close_notify and seals more data.
     *
     * @return {why the client could not read after its close_notify, why the server could not write after the
     *     peer's}, each null where it could
     */
    private static String[] closeWithDataInFlight(Pair p) {
        String[] why = new String[2];
        try {
            SSLEngineResult r = p.server.wrap(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), p.toClient);
            if (r.bytesConsumed() != 4) {
                why[0] = why[1] = "the server could not seal data before the close: " + r;
                return why;
            }
            p.client.closeOutbound();
            for (int i = 0; i < 3 && !p.client.isOutboundDone(); i++) {
                p.client.wrap(EMPTY, p.toServer);
            }
        } catch (SSLException | RuntimeException e) {
            why[0] = why[1] = "the close failed: " + e;
            return why;
        }
        try {
            int read = p.deliverToClient();
            if (read != 4) {
                why[0] = "the client read " + read + " of 4 bytes sent before its close_notify";
            }
        } catch (SSLException | RuntimeException e) {
            why[0] = "the client's read after its close_notify failed: " + e;
        }
        try {
            p.toServer.flip();
            SSLEngineResult r;
            do {
                r = p.server.unwrap(p.toServer, p.serverApp);
            } while (r.getStatus() == SSLEngineResult.Status.OK && r.bytesConsumed() > 0 && p.toServer.hasRemaining());
            p.toServer.compact();
            Pair.runTasks(p.server);
            r = p.server.wrap(ByteBuffer.wrap(new byte[] {5}), p.toClient);
            if (r.bytesConsumed() != 1) {
                why[1] = "after the peer's close_notify the server's wrap took no data: " + r.getStatus();
            }
        } catch (SSLException | RuntimeException e) {
            why[1] = "after the peer's close_notify the server's wrap failed: " + e;
        }
        return why;
    }

    static KeyManager[] keyManagers(JsseBinding binding, ProbeIdentity identity) throws GeneralSecurityException {
        try {
            return JsseEngineFactory.keyManagers(binding, identity.key, java.util.List.of(identity.certificate));
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot make the probe's key store", e);
        }
    }

    /** A client and a server engine joined by two in-memory wires. */
    static final class Pair {
        final SSLEngine client;
        final SSLEngine server;
        final ByteBuffer toServer = ByteBuffer.allocate(1 << 17); // write mode between calls
        final ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        final ByteBuffer clientApp = ByteBuffer.allocate(1 << 17);
        final ByteBuffer serverApp = ByteBuffer.allocate(1 << 17);
        boolean clientFinished;
        boolean serverFinished;
        int clientPostHandshakeRecords;

        Pair(SSLContext clientCtx, SSLContext serverCtx, String version) {
            client = clientCtx.createSSLEngine("probe.invalid", 443);
            client.setUseClientMode(true);
            client.setEnabledProtocols(new String[] {version});
            server = serverCtx.createSSLEngine();
            server.setUseClientMode(false);
            server.setEnabledProtocols(new String[] {version});
        }

        /** Runs both sides until neither makes progress (bounded), throwing the first failure. */
        void handshake() throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            for (int round = 0; round < 64; round++) {
                boolean progress = step(client, toServer, toClient, clientApp, true);
                progress |= step(server, toClient, toServer, serverApp, false);
                if (!progress) {
                    return;
                }
            }
        }

        private boolean step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app, boolean isClient) throws SSLException {
            boolean progress = runTasks(e);
            if (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = e.wrap(EMPTY, out);
                note(r, isClient);
                progress |= r.bytesProduced() > 0 || r.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
                return progress;
            }
            in.flip();
            try {
                while (in.hasRemaining()) {
                    boolean finishedBefore = isClient && clientFinished;
                    SSLEngineResult r = e.unwrap(in, app);
                    note(r, isClient);
                    if (r.bytesConsumed() == 0) {
                        break;
                    }
                    progress = true;
                    if (finishedBefore && r.bytesProduced() == 0 && r.getStatus() == SSLEngineResult.Status.OK) {
                        clientPostHandshakeRecords++;
                    }
                    runTasks(e);
                    if (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                        break;
                    }
                }
            } finally {
                in.compact();
            }
            return progress;
        }

        private void note(SSLEngineResult r, boolean isClient) {
            if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                if (isClient) {
                    clientFinished = true;
                } else {
                    serverFinished = true;
                }
            }
        }

        /** Unwraps everything waiting for the client; the plaintext bytes it gave. */
        int deliverToClient() throws SSLException {
            int before = clientApp.position();
            toClient.flip();
            try {
                while (toClient.hasRemaining()) {
                    SSLEngineResult r = client.unwrap(toClient, clientApp);
                    if (r.bytesConsumed() == 0) {
                        break;
                    }
                }
            } finally {
                toClient.compact();
            }
            return clientApp.position() - before;
        }

        static boolean runTasks(SSLEngine e) {
            boolean ran = false;
            Runnable task;
            while ((task = e.getDelegatedTask()) != null) {
                task.run();
                ran = true;
            }
            return ran;
        }
    }

    /** A trust manager that accepts every chain (for in-memory connections whose peer is our own). */
    static X509ExtendedTrustManager acceptingEverything() {
        return new FixedTrustManager(null);
    }

    /** Accepts every chain, or rejects every chain with one failure, as libssl4j's trust manager would. */
    private static final class FixedTrustManager extends X509ExtendedTrustManager {
        private final CertificateException failure;

        FixedTrustManager(CertificateException failure) {
            this.failure = failure;
        }

        private void check() throws CertificateException {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
