package org.libssl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code libssl4j s_server -accept port -cert f -key f}, as {@code openssl s_server}: one connection after another on
 * blocking sockets; it echoes what a client sends, or with {@code -www} answers one HTTP request with a page that
 * says what was negotiated. A client that fails (bad handshake, silence, reset) is reported on one line and the
 * server goes on.
 */
@Command(name = "s_server", mixinStandardHelpOptions = true, description = "A TLS server: echo, or a small HTTP page with -www.")
final class SServerCommand implements Callable<Integer> {
    /** How long a connected client may stay silent before it is dropped. */
    static final int IDLE_MS = 10_000;

    @Option(names = "-accept", paramLabel = "[HOST:]PORT", required = true, description = "where to listen (host: every address)")
    String accept;

    @Option(names = "-www", description = "answer an HTTP request with a page that describes the session")
    boolean www;

    @Option(names = "-Verify", paramLabel = "DEPTH", description = "require a client certificate (checked against -CAfile)")
    Integer verify;

    @Option(names = "-naccept", paramLabel = "N", description = "stop after N connections (default: never)")
    int naccept;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tls.cert == null) {
            throw new IllegalArgumentException("a server needs -cert (and -key)");
        }
        InetSocketAddress where = address(accept);
        try (SslCtx ctx = tls.context(SslMethod.TLS_SERVER); ServerSocketChannel server = ServerSocketChannel.open()) {
            if (verify != null) {
                ctx.setVerify(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT, null);
            }
            try {
                server.bind(where);
            } catch (BindException e) {
                throw new IllegalArgumentException("cannot listen on " + accept + ": " + e.getMessage());
            }
            out.println("ACCEPT");
            out.flush();
            for (int n = 0; naccept <= 0 || n < naccept; n++) {
                try (SocketChannel ch = server.accept()) {
                    serve(ctx, ch, out, err);
                } catch (IOException | RuntimeException e) {
                    err.println("ERROR: " + e);
                }
                out.flush();
                err.flush();
            }
        }
        return 0;
    }

    static InetSocketAddress address(String spec) {
        int colon = spec.lastIndexOf(':');
        String host = colon >= 0 ? spec.substring(0, colon) : "";
        String port = colon >= 0 ? spec.substring(colon + 1) : spec;
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range (0..65535): " + p);
        }
        return host.isEmpty() ? new InetSocketAddress(p) : new InetSocketAddress(host, p);
    }

    private void serve(SslCtx ctx, SocketChannel ch, PrintWriter out, PrintWriter err) throws SocketException {
        ch.socket().setSoTimeout(IDLE_MS);
        try (Ssl ssl = ctx.newSsl()) {
            ssl.setChannel(ch);
            ssl.setAcceptState();
            SslErrorQueue.clear();
            int r = ssl.accept();
            if (r != 1) {
                err.println("ERROR: handshake failed: " + reason(ssl, r));
                return;
            }
            if (!tls.quiet) {
                out.println("CONNECTION ESTABLISHED");
                out.println("Protocol version: " + ssl.getVersion());
                out.println("CIPHER is " + ssl.getCipherName());
                out.println(ssl.getAlpnSelected() != null ? "ALPN protocol: " + ssl.getAlpnSelected() : "No ALPN negotiated");
            }
            if (www) {
                page(ssl, err);
            } else {
                echo(ssl, err);
            }
            if (!tls.quiet) {
                out.println("CONNECTION CLOSED");
            }
        }
    }

    /** Echoes until the client closes; returns after its close_notify (answered) or a failure (reported). */
    private static void echo(Ssl ssl, PrintWriter err) {
        byte[] buf = new byte[16384];
        while (true) {
            SslErrorQueue.clear();
            int n = ssl.read(buf, 0, buf.length);
            if (n <= 0) {
                if (ssl.getError(n) == SslError.ZERO_RETURN) {
                    ssl.shutdown();
                } else {
                    err.println("ERROR: read: " + reason(ssl, n));
                }
                return;
            }
            SslErrorQueue.clear();
            int w = ssl.write(buf, 0, n);
            if (w != n) {
                err.println("ERROR: write: " + reason(ssl, w));
                return;
            }
        }
    }

    /** Reads one HTTP request head and answers it with a page naming the protocol, cipher and ALPN. */
    private static void page(Ssl ssl, PrintWriter err) {
        StringBuilder request = new StringBuilder();
        byte[] buf = new byte[4096];
        while (request.indexOf("\r\n\r\n") < 0 && request.indexOf("\n\n") < 0) {
            SslErrorQueue.clear();
            int n = ssl.read(buf, 0, buf.length);
            if (n <= 0) {
                err.println("ERROR: reading the request: " + reason(ssl, n));
                return;
            }
            request.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            if (request.length() > 65536) {
                err.println("ERROR: request head over 64 KB");
                return;
            }
        }
        String body = "<html><body><pre>\r\nlibssl4j s_server\r\nProtocol: " + ssl.getVersion() + "\r\nCipher: "
                + ssl.getCipherName() + "\r\nALPN: " + (ssl.getAlpnSelected() != null ? ssl.getAlpnSelected() : "none")
                + "\r\nEngine: " + ssl.engineName() + "\r\n</pre></body></html>\r\n";
        byte[] bytes = ("HTTP/1.0 200 ok\r\nContent-type: text/html\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
        SslErrorQueue.clear();
        int w = ssl.write(bytes, 0, bytes.length);
        if (w != bytes.length) {
            err.println("ERROR: write: " + reason(ssl, w));
            return;
        }
        ssl.shutdown();
    }

    static String reason(Ssl ssl, int ret) {
        SslError e = ssl.getError(ret);
        String queue = SslErrorQueue.isEmpty() ? "" : " " + SslErrorQueue.snapshot();
        SslErrorQueue.clear();
        if (e == SslError.WANT_READ) {
            return "the peer sent nothing for " + IDLE_MS / 1000 + " s";
        }
        return e + queue;
    }
}
