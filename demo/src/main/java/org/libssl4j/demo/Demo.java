package org.libssl4j.demo;

import java.nio.charset.StandardCharsets;
import org.libssl4j.Engines;
import org.libssl4j.EngineInfo;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.TestCerts;

/**
 * A client and a server talking over a BIO pair in one thread, the libssl way: every call may say WANT_READ,
 * and the caller lets the other side run. Prints the engines found and what the two sides negotiated.
 * Run it with {@code -Dlibssl4j.engine=NAME} to pick an engine.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        System.out.println("engines found:");
        for (EngineInfo e : Engines.all()) {
            System.out.println("  " + e.name() + (e.isAvailable() ? " " + e.version() + " " + e.capabilities()
                    : " unavailable: " + e.unavailableReason()));
        }
        try (SslCtx serverCtx = SslCtx.newCtx(SslMethod.TLS_SERVER);
             SslCtx clientCtx = SslCtx.newCtx(SslMethod.TLS_CLIENT)) {
            serverCtx.useCertificate(TestCerts.serverRsa().certificate());
            serverCtx.usePrivateKey(TestCerts.serverRsa().privateKey());
            clientCtx.addTrustedCertificate(TestCerts.ca().certificate());

            BioPair pair = BioPair.create();
            try (Ssl client = clientCtx.newSsl(); Ssl server = serverCtx.newSsl()) {
                client.setBio(pair.first(), pair.first());
                server.setBio(pair.second(), pair.second());
                client.setConnectState();
                client.setTlsextHostName("localhost");
                server.setAcceptState();

                byte[] request = "GET / over libssl4j".getBytes(StandardCharsets.US_ASCII);
                int writeCalls = 0;
                int n;
                while ((n = client.write(request, 0, request.length)) <= 0) {
                    writeCalls++;
                    SslError why = client.getError(n);
                    System.out.println("client write #" + writeCalls + " -> " + n + " " + why);
                    if (why != SslError.WANT_READ && why != SslError.WANT_WRITE) {
                        throw new IllegalStateException("handshake failed: " + SslErrorQueue.snapshot());
                    }
                    int s = server.read(new byte[0], 0, 0);
                    System.out.println("server read     -> " + s + " " + server.getError(s));
                }
                System.out.println("client write #" + (writeCalls + 1) + " -> " + n + " NONE (handshake done, data sent)");

                byte[] buf = new byte[256];
                int got = server.read(buf, 0, buf.length);
                System.out.println("server got      \"" + new String(buf, 0, got, StandardCharsets.US_ASCII) + "\"");
                byte[] reply = "200 OK".getBytes(StandardCharsets.US_ASCII);
                server.write(reply, 0, reply.length);
                got = client.read(buf, 0, buf.length);
                System.out.println("client got      \"" + new String(buf, 0, got, StandardCharsets.US_ASCII) + "\"");

                System.out.println("engine          " + client.engineName() + " (" + clientCtx.engine().version() + ")");
                System.out.println("version         " + client.getVersion());
                System.out.println("cipher          " + client.getCipherName());
                System.out.println("server cert     " + client.getPeerCertificate().getSubjectX500Principal());

                System.out.println("client shutdown -> " + client.shutdown() + " (close_notify sent)");
                int r = server.read(buf, 0, buf.length);
                System.out.println("server read     -> " + r + " " + server.getError(r));
                System.out.println("server shutdown -> " + server.shutdown());
                System.out.println("client shutdown -> " + client.shutdown() + " (both close_notify exchanged)");
            }
        }
    }
}
