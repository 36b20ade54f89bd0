package org.libssl4j.it;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.TestContexts;

/**
 * A TLS 1.3 warning-level alert of a description no version defines (200), sent encrypted after the handshake (issue
 * 11, item 14). No engine sends such an alert on request, so the peer is bctls's own low-level client, whose
 * protected {@code raiseAlertWarning} sends any alert at warning level.
 */
public final class Tls13WarningAlert {
    /** An alert description no TLS version defines. */
    public static final short UNKNOWN = 200;

    private Tls13WarningAlert() {
    }

    /** bctls's TLS 1.3 client in non-blocking mode, able to send a warning alert of any description. */
    private static final class Peer extends TlsClientProtocol {
        void warn(short description) throws IOException {
            raiseAlertWarning(description, "test");
        }

        byte[] output() {
            byte[] b = new byte[getAvailableOutputBytes()];
            readOutput(b, 0, b.length);
            return b;
        }
    }

    private static DefaultTlsClient client() {
        return new DefaultTlsClient(new JcaTlsCryptoProvider().create(new SecureRandom())) {
            @Override
            protected ProtocolVersion[] getSupportedVersions() {
                return ProtocolVersion.TLSv13.only();
            }

            @Override
            public TlsAuthentication getAuthentication() {
                return new TlsAuthentication() {
                    @Override
                    public void notifyServerCertificate(TlsServerCertificate certificate) {
                        // the test's server; its chain is not the point
                    }

                    @Override
                    public TlsCredentials getClientCredentials(CertificateRequest request) {
                        return null;
                    }
                };
            }
        };
    }

    /** What a TLS 1.3 server of an engine answers to the warning alert: its read's result and the queue. */
    public record Answer(int ret, SslError error, SslErrorEntry entry, boolean receivedShutdown) {
        @Override
        public String toString() {
            return ret + " " + error + " " + (entry == null ? "(empty queue)" : entry.reasonString());
        }
    }

    /** Handshakes a TLS 1.3 server of {@code engine} with bctls's client, which then sends warning alert 200. */
    public static Answer send(String engine) throws IOException {
        try (SslCtx ctx = TestContexts.server(engine).ec().tls13().build(); Ssl server = ctx.newSsl()) {
            MemBio in = MemBio.create();
            MemBio out = MemBio.create();
            server.setBio(in, out);
            server.setAcceptState();
            Peer peer = new Peer();
            peer.connect(client());
            for (int i = 0; i < 10 && (peer.isHandshaking() || !server.isInitFinished()); i++) {
                byte[] b = peer.output();
                in.write(b, 0, b.length);
                SslErrorQueue.clear();
                server.accept();
                SslErrorQueue.clear();
                byte[] s = out.drain();
                if (s.length > 0) {
                    peer.offerInput(s);
                }
            }
            if (!server.isInitFinished() || !peer.isConnected()) {
                throw new IllegalStateException("the handshake did not complete");
            }
            Fixtures.drain(server); // what the peer's last flight left
            peer.warn(UNKNOWN); // bctls sends any description
            byte[] alert = peer.output();
            in.write(alert, 0, alert.length);
            SslErrorQueue.clear();
            int r = server.read(new byte[100], 0, 100);
            Answer a = new Answer(r, server.getError(r), SslErrorQueue.peek(),
                    (server.getShutdown() & Ssl.RECEIVED_SHUTDOWN) != 0);
            SslErrorQueue.clear();
            return a;
        }
    }
}
