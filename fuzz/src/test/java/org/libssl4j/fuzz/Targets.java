package org.libssl4j.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * The connections the peer-input targets fuzz: a server and a client of every engine found, TLS 1.2 and 1.3
 * allowed, made from contexts built once per JVM (building one per input would measure key loading, not parsing).
 * The server presents a fixed, checked-in ECDSA P-256 identity (fuzz-server.pem, valid until 2126), so that the
 * seed flights stay meaningful across runs and no key is generated at start; the client verifies nothing
 * ({@code SSL_VERIFY_NONE}), so that a fuzzed server flight reaches past the certificate to the key exchange.
 */
final class Targets {
    /** Every engine the suite runs for ({@code -Dlibssl4j.testEngines}, {@code -Dlibssl4j.requireEngines}). */
    static final List<String> ENGINES = TestEngines.names().collect(Collectors.toUnmodifiableList());

    private static final Map<String, SslCtx> SERVERS = new LinkedHashMap<>();
    private static final Map<String, SslCtx> CLIENTS = new LinkedHashMap<>();

    /**
     * bctls logs every alert it raises as a WARNING with a stack trace (java.util.logging); at hundreds of inputs a
     * second that is most of the run. Held here, since the logging framework keeps loggers only weakly.
     */
    private static final Logger BC_LOG = quiet("org.bouncycastle");

    /** The server's identity: a self-signed ECDSA P-256 certificate for {@link TestCerts#HOST} and its key. */
    static final TestIdentity IDENTITY = loadIdentity();

    static {
        for (String engine : ENGINES) {
            SERVERS.put(engine, TestContexts.server(engine).identity(IDENTITY).build());
            CLIENTS.put(engine, TestContexts.client(engine).trust(IDENTITY.certificate()).verifyNone().build());
        }
    }

    private static TestIdentity loadIdentity() {
        try (InputStream cert = resource("fuzz-server.pem"); InputStream key = resource("fuzz-server.pk8")) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(cert);
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key.readAllBytes()));
            return new TestIdentity("fuzz-server", privateKey, List.of(certificate));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the fuzz server's identity", e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(Targets.class.getResourceAsStream(name), name);
    }

    private Targets() {
    }

    /** {@code input} as a client's bytes to a new server of every engine ({@link PeerInput}). */
    static void feedServers(byte[] input) {
        for (String engine : ENGINES) {
            PeerInput.drive(server(engine), input);
        }
    }

    /** {@code input} as a server's answer to a new client of every engine, after its ClientHello ({@link PeerInput}). */
    static void feedClients(byte[] input) {
        for (String engine : ENGINES) {
            PeerInput.drive(client(engine), input);
        }
    }

    /** A new server connection of {@code engine}, in the accept state, no BIO yet. */
    static Ssl server(String engine) {
        Ssl ssl = SERVERS.get(engine).newSsl();
        ssl.setAcceptState();
        return ssl;
    }

    /** A new client connection of {@code engine}, in the connect state, naming {@link TestCerts#HOST}, no BIO yet. */
    static Ssl client(String engine) {
        Ssl ssl = CLIENTS.get(engine).newSsl();
        ssl.setConnectState();
        ssl.setTlsextHostName(TestCerts.HOST);
        return ssl;
    }
}
