package org.libssl4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.libssl4j.SocketBio;
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
 * {@code libssl4j s_client -connect host:port}, as {@code openssl s_client}: connects, prints the session summary
 * OpenSSL prints (peer chain, protocol, cipher, ALPN, verify result), then copies standard input to the peer and the
 * peer to standard output; at the end of standard input it sends close_notify and waits briefly for the peer's.
 * As in OpenSSL, a failed verification is reported and the session goes on, unless {@code -verify_return_error}.
 * {@code -reconnect} connects five more times with the same context, offering the previous connection's session
 * ({@code SSL_get1_session}, {@code SSL_set_session}), each time saying whether the server resumed
 * the session; {@code -msg} prints the records as they cross the wire ({@link WireTrace}).
 */
@Command(name = "s_client", mixinStandardHelpOptions = true, description = "A TLS client: stdin to the peer, the peer to stdout.")
final class SClientCommand implements Callable<Integer> {
    /** How long one read waits before the loop looks at standard input again (SO_TIMEOUT). */
    private static final int POLL_MS = 50;
    /** How long the client waits for the peer's close_notify after its own. */
    private static final long CLOSE_WAIT_MS = 2_000;

    @Option(names = "-connect", paramLabel = "HOST:PORT", required = true, description = "the server")
    String connect;

    @Option(names = "-servername", paramLabel = "NAME", description = "the SNI name and the name checked (default: the host)")
    String servername;

    @Option(names = "-verify_return_error", description = "fail when the server's certificate does not verify")
    boolean verifyReturnError;

    @Option(names = "-reconnect", description = "drop the connection and reconnect 5 times offering the previous session, "
            + "saying each time whether the session was reused")
    boolean reconnect;

    @Option(names = "-msg", description = "print each TLS record sent (>>>) and received (<<<), and the handshake messages "
            + "that travel in the clear")
    boolean msg;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** How many times -reconnect reconnects, as OpenSSL's. */
    static final int RECONNECTS = 5;
    /** How long -reconnect waits for what the server sends after the handshake (TLS 1.3 session tickets). */
    private static final int TICKET_WAIT_MS = 300;

    private volatile String verifyFailure;

    /** One connection: the socket, the TLS connection over it, and the trace of its records. */
    private record Connection(SocketChannel channel, Ssl ssl, WireTrace trace) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (channel) {
                ssl.close();
            }
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int colon = connect.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("-connect wants HOST:PORT, not " + connect);
        }
        String host = connect.substring(0, colon);
        InetSocketAddress where = SServerCommand.address(connect);
        String name = servername != null ? servername : host;
        try (SslCtx ctx = tls.context(SslMethod.TLS_CLIENT)) {
            // OpenSSL's s_client reports a failed verification and carries on; -verify_return_error makes it fatal.
            ctx.setVerify(SslVerify.PEER, (ok, chain, failure) -> {
                if (!ok) {
                    verifyFailure = failure;
                }
                return ok || !verifyReturnError;
            });
            Connection c = open(ctx, where, name, out, null);
            for (int i = 0; reconnect && i < RECONNECTS; i++) {
                org.libssl4j.SslSession session;
                try (Connection previous = c) {
                    awaitTickets(previous);
                    SslErrorQueue.clear();
                    session = previous.ssl().getSession(); // as OpenSSL's s_client: SSL_get1_session, SSL_set_session
                    previous.ssl().shutdown();
                }
                out.println("drop connection and then reconnect");
                c = open(ctx, where, name, out, session);
            }
            try (Connection last = c) {
                return copy(last.ssl(), last.channel(), out, err);
            }
        }
    }

    /** Connects, shakes hands and prints the summary; a failure is one exception naming the server. */
    private Connection open(SslCtx ctx, InetSocketAddress where, String name, PrintWriter out,
                            org.libssl4j.SslSession session) throws IOException {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(where);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot connect to " + connect + ": " + e.getMessage());
        }
        Ssl ssl = null;
        try {
            ssl = ctx.newSsl();
            WireTrace trace = new WireTrace(SocketBio.of(ch), msg ? out : null);
            ssl.setBio(trace, trace);
            ssl.setTlsextHostName(name);
            ssl.set1Host(name);
            ssl.setConnectState();
            if (session != null) {
                ssl.setSession(session);
            }
            if (!tls.quiet) {
                out.println("CONNECTED");
            }
            verifyFailure = null;
            SslErrorQueue.clear();
            int r = ssl.connect();
            if (r != 1) {
                throw new IllegalStateException("handshake with " + connect + " failed: " + SServerCommand.reason(ssl, r));
            }
            trace.handshakeDone();
            if (!tls.quiet) {
                summary(ssl, Boolean.TRUE.equals(trace.resumed()), out);
            }
            out.flush();
            return new Connection(ch, ssl, trace);
        } catch (RuntimeException e) {
            if (ssl != null) {
                ssl.close();
            }
            ch.close();
            throw e;
        }
    }

    /**
     * Reads for a moment before the connection is dropped, so that what the server sends after the handshake
     * (TLS 1.3 session tickets, which the next connection resumes with) is taken in.
     */
    private static void awaitTickets(Connection c) throws IOException {
        int before = c.channel().socket().getSoTimeout();
        c.channel().socket().setSoTimeout(TICKET_WAIT_MS);
        SslErrorQueue.clear();
        c.ssl().peek(new byte[1], 0, 1);
        SslErrorQueue.clear();
        c.channel().socket().setSoTimeout(before);
    }

    private void summary(Ssl ssl, boolean reused, PrintWriter out) {
        out.println("---");
        out.println("Certificate chain");
        List<X509Certificate> chain = ssl.getPeerCertChain();
        for (int i = 0; i < chain.size(); i++) {
            out.println(" " + i + " s:" + chain.get(i).getSubjectX500Principal().getName());
            out.println("   i:" + chain.get(i).getIssuerX500Principal().getName());
        }
        out.println("---");
        out.println((reused ? "Reused, " : "New, ") + ssl.getVersion() + ", Cipher is " + ssl.getCipherName());
        out.println(ssl.getAlpnSelected() != null ? "ALPN protocol: " + ssl.getAlpnSelected() : "No ALPN negotiated");
        out.println("Verify return code: " + verifyCode(verifyFailure));
        out.println("---");
    }

    /** OpenSSL's {@code X509_V_*} code and text for the verify callback's failure text. */
    static String verifyCode(String failure) {
        if (failure == null) {
            return "0 (ok)";
        }
        String f = failure.toLowerCase(java.util.Locale.ROOT);
        int code = f.contains("expired") ? 10 : f.contains("not yet valid") ? 9 : f.contains("hostname") ? 62
                : f.contains("issuer") ? 20 : f.contains("application") ? 50 : 1;
        return code + " (" + failure + ")";
    }

    /** Standard input to the peer, the peer to standard output, until either side ends. */
    private static int copy(Ssl ssl, SocketChannel ch, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ch.socket().setSoTimeout(POLL_MS); // a read past it is WANT_READ: the loop then looks at stdin again
        BlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pumpStdin(System.in, stdin), "s_client stdin");
        reader.setDaemon(true);
        reader.start();
        OutputStream stdout = System.out;
        out.flush();
        byte[] buf = new byte[16384];
        long closingSince = -1;
        while (true) {
            byte[] chunk = stdin.poll();
            if (chunk != null && closingSince < 0) {
                if (chunk.length == 0) {
                    SslErrorQueue.clear();
                    ssl.shutdown(); // end of stdin: close_notify, then wait a little for the peer's
                    closingSince = System.nanoTime();
                } else {
                    SslErrorQueue.clear();
                    int w = ssl.write(chunk, 0, chunk.length);
                    if (w != chunk.length) {
                        err.println("write: " + SServerCommand.reason(ssl, w));
                        return Main.FAILED;
                    }
                }
            }
            SslErrorQueue.clear();
            int n = ssl.read(buf, 0, buf.length);
            if (n > 0) {
                stdout.write(buf, 0, n);
                stdout.flush();
                continue;
            }
            SslError e = ssl.getError(n);
            if (e == SslError.ZERO_RETURN) {
                ssl.shutdown();
                out.println("DONE");
                return 0;
            }
            if (e != SslError.WANT_READ) {
                String why = SServerCommand.reason(ssl, n);
                if (closingSince >= 0) {
                    out.println("DONE");
                    return 0; // the peer went away after our close_notify: a normal end
                }
                err.println("read: " + why);
                return Main.FAILED;
            }
            if (closingSince >= 0 && System.nanoTime() - closingSince > TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS)) {
                out.println("DONE");
                return 0;
            }
        }
    }

    /** Reads standard input into {@code queue}; an empty chunk marks its end. */
    private static void pumpStdin(InputStream in, BlockingQueue<byte[]> queue) {
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                queue.put(Arrays.copyOf(buf, n));
            }
        } catch (IOException | InterruptedException e) {
            // treated as the end of input
        }
        queue.add(new byte[0]);
    }
}
