package org.libssl4j.it.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.testkit.SocketConnection;
import org.libssl4j.testkit.TestContexts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * Every engine against the real {@code openssl} (s_server and s_client, OpenSSL 3.0 or later), as client and as
 * server, TLS 1.2 and 1.3, RSA and ECDSA: handshake, {@value #BYTES} bytes each way checked by SHA-256, close_notify
 * both ways, over loopback sockets on ports the kernel chooses.
 *
 * <p>These tests need the {@code openssl} command-line tool; CI has it. Without it they <b>fail</b> with a message
 * saying so, unless {@code -Dlibssl4j.skipOpenssl=true} is given, which skips them ({@code -Dlibssl4j.openssl=PATH}
 * names another binary). Every openssl process is destroyed when its test ends, pass or fail.
 */
class OpenSslBulkTest extends OpenSslTestBase {
    static final int BYTES = 1 << 20;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : TestEngines.names().collect(Collectors.toList())) {
            for (String version : new String[] {"TLSv1.3", "TLSv1.2"}) {
                for (String key : new String[] {"RSA", "ECDSA"}) {
                    cases.add(Arguments.of(engine, version, key));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{0} client, openssl s_server, {1}, {2}]")
    @DisplayName("OPENSSL-INTEROP R07.1 R07.2 R07.4 our client with s_server: handshake, 1 MiB each way by SHA-256, close_notify both ways")
    @MethodSource("cases")
    void ourClient(String engine, String version, String key) throws Exception {
        TestIdentity id = Pems.identity(key);
        TestContexts.Builder c = TestContexts.client(engine).only(version);
        byte[] up = data(BYTES, 1 + version.hashCode() + key.hashCode(), false);
        byte[] down = data(BYTES, 2 + version.hashCode() + key.hashCode(), true);
        try (SslCtx ctx = c.build();
                OpenSslProcess server = OpenSslProcess.server(concat(Pems.certKey(pems.server(key)),
                        Pems.versionFlag(version), "-naccept", "1"));
                SocketConnection conn = SocketConnection.connect(ctx, server.port(), server::describe).handshake()) {
            Ssl ssl = conn.ssl();
            assertThat(ssl.getVersion()).isEqualTo(version);
            assertThat(ssl.getPeerCertificate()).isEqualTo(id.certificate());
            server.awaitStdout("CIPHER is " + "", WAIT);

            // Up: a marker, then the data; s_server writes what it reads to stdout after its connection report.
            String marker = "<<<DATA-" + Long.toHexString(new Random().nextLong()) + ">>>";
            conn.writeAll(marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            server.awaitStdout(marker, WAIT);
            int from = server.stdoutText().indexOf(marker) + marker.length();
            conn.writeAll(up);
            assertThat(sha256(server.awaitStdoutBytes(from, up.length, WAIT))).as("SHA-256 of what s_server got")
                    .isEqualTo(sha256(up));

            // Down: s_server sends what it reads on stdin.
            server.feed(down, false);
            assertThat(sha256(conn.readExactly(down.length))).as("SHA-256 of what we got").isEqualTo(sha256(down));
            server.awaitFed(WAIT);

            // close_notify both ways: s_server answers ours with its own.
            assertThat(ssl.shutdown()).as("first shutdown" + conn.why()).isZero();
            assertThat(ssl.getShutdown() & Ssl.SENT_SHUTDOWN).isEqualTo(Ssl.SENT_SHUTDOWN);
            server.awaitStdout("DONE", WAIT);
            SocketConnection.Result r = conn.readResult(new byte[100]);
            assertThat(r.ret()).as("read after our close_notify" + conn.why()).isZero();
            assertThat(r.error()).as("read after our close_notify: " + r + conn.why()).isEqualTo(SslError.ZERO_RETURN);
            assertThat(ssl.getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(ssl.shutdown()).as("second shutdown" + conn.why()).isEqualTo(1);
            assertThat(server.awaitExit(WAIT)).as("s_server exit code" + server.describe()).isZero();
        }
    }

    @ParameterizedTest(name = "[{0} server, openssl s_client, {1}, {2}]")
    @DisplayName("OPENSSL-INTEROP R07.1 R07.2 R07.4 our server with s_client: handshake, 1 MiB each way by SHA-256, close_notify both ways")
    @MethodSource("cases")
    void ourServer(String engine, String version, String key) throws Exception {
        TestIdentity id = Pems.identity(key);
        TestContexts.Builder s = TestContexts.server(engine).identity(id).only(version);
        byte[] up = data(BYTES, 3 + version.hashCode() + key.hashCode(), false);
        byte[] down = data(BYTES, 4 + version.hashCode() + key.hashCode(), false);
        Path msgs = Files.createTempFile(dir, "s_client-msg", ".txt");
        try (SslCtx ctx = s.build();
                ServerSocketChannel listener = SocketConnection.listen();
                OpenSslProcess client = OpenSslProcess.client(SocketConnection.port(listener), "-quiet", "-servername", "localhost",
                        "-CAfile", pems.ca().certificateChain().toString(), "-verify_return_error",
                        "-verify_hostname", "localhost", Pems.versionFlag(version), "-msg", "-msgfile", msgs.toString());
                SocketConnection conn = SocketConnection.accept(ctx, listener, client::describe).handshake()) {
            Ssl ssl = conn.ssl();
            assertThat(ssl.getVersion()).isEqualTo(version);

            // Up: s_client -quiet sends its stdin as is (its end is ignored: -quiet implies -ign_eof).
            client.feed(up, true);
            assertThat(sha256(conn.readExactly(up.length))).as("SHA-256 of what we got").isEqualTo(sha256(up));
            client.awaitFed(WAIT);

            // Down: s_client -quiet writes exactly what it reads to stdout.
            conn.writeAll(down);
            assertThat(sha256(client.awaitStdoutBytes(0, down.length, WAIT))).as("SHA-256 of what s_client got")
                    .isEqualTo(sha256(down));

            // close_notify both ways: s_client answers ours with its own and exits with 0.
            assertThat(ssl.shutdown()).as("first shutdown" + conn.why()).isZero();
            SocketConnection.Result r = conn.readResult(new byte[100]);
            assertThat(r.ret()).as("read after our close_notify" + conn.why()).isZero();
            assertThat(r.error()).as("read after our close_notify: " + r + conn.why()).isEqualTo(SslError.ZERO_RETURN);
            assertThat(ssl.getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
            assertThat(ssl.shutdown()).as("second shutdown" + conn.why()).isEqualTo(1);
            assertThat(client.awaitExit(WAIT)).as("s_client exit code" + client.describe()).isZero();
            String log = Files.readString(msgs, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(log).as("s_client's -msg log").contains("<<< " + version.replace("v", " ") + ", Alert [length 0002], warning close_notify");
        }
    }

    /**
     * {@code n} pseudo-random bytes. For s_server's stdin ({@code forServerStdin}) the bytes that are its interactive
     * commands when they begin a read (Q q r R k K c P S B) are replaced, so that no chunk can be taken for one.
     */
    static byte[] data(int n, long seed, boolean forServerStdin) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        if (forServerStdin) {
            String commands = "QqrRkKcPSB";
            for (int i = 0; i < n; i++) {
                if (commands.indexOf(b[i]) >= 0) {
                    b[i] = (byte) (b[i] | 0x80);
                }
            }
        }
        return b;
    }

    static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
