package org.libssl4j.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.libssl4j.Capability;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j engines [-v]}: every engine {@code ServiceLoader} finds, its provider's version, whether it runs
 * here (or why not), and its capabilities as decided on this JVM; {@code -v} gives every capability, held or not,
 * with what it means.
 */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "List the TLS engines found, their versions, availability and capabilities.")
public final class EnginesCommand implements Callable<Integer> {
    /** What each capability promises, in one line. */
    static final Map<Capability, String> MEANING = meanings();

    /** What {@code c} promises, in one line. */
    public static String meaning(Capability c) {
        return MEANING.get(c);
    }

    @Option(names = "-v", description = "every capability, held or not, with its meaning")
    boolean verbose;

    @com.google.inject.Inject
    EngineChoice engines;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EngineInfo> all = Engines.all();
        if (all.isEmpty()) {
            throw new IllegalStateException("no engine found: put libssl4j-engine-jdk (or -bc, -conscrypt) on the class path");
        }
        String defaultName = engines.defaultName();
        for (EngineInfo e : all) {
            if (!e.isAvailable()) {
                out.printf("%-10s unavailable: %s%n", e.name(), e.unavailableReason());
                continue;
            }
            out.printf("%-10s %s%s%n", e.name(), e.version(), e.name().equals(defaultName) ? "  (default)" : "");
            if (verbose) {
                for (Capability c : Capability.values()) {
                    out.printf("    %-3s %-22s %s%n", e.has(c) ? "yes" : "no", c, MEANING.get(c));
                }
            } else {
                out.println("    " + e.capabilities().stream().map(Enum::name).collect(Collectors.joining(" ")));
            }
        }
        return Engines.available().isEmpty() ? Main.FAILED : 0;
    }

    private static Map<Capability, String> meanings() {
        Map<Capability, String> m = new EnumMap<>(Capability.class);
        m.put(Capability.TLS1_2, "TLS 1.2");
        m.put(Capability.TLS1_3, "TLS 1.3");
        m.put(Capability.TLS1_3_FULL_RECORDS, "TLS 1.3 records carry 16384 bytes, as libssl's (SunJSSE pads to 16367)");
        m.put(Capability.RENEGOTIATION, "TLS 1.2 renegotiation started by either side (SSL_renegotiate)");
        m.put(Capability.RENEGOTIATION_CONTROL, "libssl's per-connection refusal of renegotiation, with its warning alert");
        m.put(Capability.KEY_UPDATE, "reserved (no SPI call yet): TLS 1.3 KeyUpdate on request (SSL_key_update)");
        m.put(Capability.TLS1_3_TICKETS, "TLS 1.3 session tickets arrive as records of their own");
        m.put(Capability.TLS1_3_RESUMPTION, "TLS 1.3 sessions resume (SSL_set_session, PSK from a ticket)");
        m.put(Capability.TICKET_CONTROL, "SSL_OP_NO_TICKET turns session tickets off per context");
        m.put(Capability.SESSION_TIMEOUT, "a server refuses a session past its context's timeout (SSL_CTX_set_timeout)");
        m.put(Capability.TLS1_3_CIPHERSUITES, "SSL_CTX_set_ciphersuites restricts and orders the TLS 1.3 suites");
        m.put(Capability.TLS1_2_HALF_CLOSE, "after a TLS 1.2 close_notify the side may still write");
        m.put(Capability.TLS1_3_HALF_CLOSE, "after a TLS 1.3 close_notify the side may still write");
        m.put(Capability.READ_AFTER_SHUTDOWN, "after its own close_notify a side still reads the peer's data");
        m.put(Capability.CERTIFICATE_ALERTS, "a failed certificate check sends libssl's alert (expired 45, name mismatch 42)");
        m.put(Capability.ALPN, "application-layer protocol negotiation");
        m.put(Capability.SNI, "server name indication, sent and seen");
        m.put(Capability.CLIENT_AUTH, "client certificates requested and verified");
        m.put(Capability.RSA, "RSA certificates");
        m.put(Capability.ECDSA, "ECDSA P-256 certificates");
        m.put(Capability.FALLBACK_SCSV, "SSL_MODE_SEND_FALLBACK_SCSV and the server's check");
        m.put(Capability.HANDSHAKE_CALLBACKS, "reserved (no SPI hook yet): client-hello, client-certificate and retry-verify callbacks");
        m.put(Capability.ALERT_ON_REQUEST, "record-layer errors send the alert libssl sends");
        m.put(Capability.ALERT_UNEXPECTED_MESSAGE, "a TLS 1.3 record of another outer type sends unexpected_message (10)");
        m.put(Capability.ALERT_RECORD_OVERFLOW, "an overlong record sends record_overflow (22)");
        m.put(Capability.ALERT_DECODE_ERROR, "a TLS 1.3 record's changed minor version sends decode_error (50)");
        m.put(Capability.ALERT_PROTOCOL_VERSION, "a changed record version sends protocol_version (70)");
        m.put(Capability.GROUPS_LIST, "set1GroupsList restricts the key-exchange groups");
        m.put(Capability.SIGALGS_LIST, "set1SigalgsList restricts the signature algorithms");
        m.put(Capability.NEGOTIATED_GROUP, "getNegotiatedGroup names the group of the handshake");
        m.put(Capability.KEYLOG, "setKeylogCallback gets the NSS key-log lines (CLIENT_RANDOM, TLS 1.3 traffic secrets)");
        m.put(Capability.DIRECT_BUFFERS, "records sealed and opened in direct buffers without copies");
        return m;
    }
}
