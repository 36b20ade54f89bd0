package org.libssl4j.it.openssl;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * One {@code openssl s_server} or {@code openssl s_client} process: started with {@link ProcessBuilder}, its stdout
 * and stderr drained by threads into buffers (so it never blocks on a full pipe), its stdin written by the test,
 * and always destroyed by {@link #close()} (destroy, then destroyForcibly, each wait bounded). Every wait is
 * bounded; a failed wait throws an {@link AssertionError} carrying the tails of both streams.
 *
 * <p>The binary is {@code openssl} on the {@code PATH}, or {@code -Dlibssl4j.openssl=/path/to/openssl}. When it is
 * missing the tests fail with a message saying so, unless {@code -Dlibssl4j.skipOpenssl=true}, which skips them.
 */
final class OpenSslProcess implements AutoCloseable {
    /** The system property naming the openssl binary (default: {@code openssl} on the PATH). */
    static final String BINARY_PROPERTY = "libssl4j.openssl";
    /** The system property that turns a missing binary into skipped tests instead of failures. */
    static final String SKIP_PROPERTY = "libssl4j.skipOpenssl";

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Every process started and not yet closed: what {@link ReapOpenSsl} checks after each test. */
    static final java.util.Set<OpenSslProcess> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String binary;
    private static String version;

    private final String name;
    private final Process process;
    private final Buffer stdout = new Buffer();
    private final Buffer stderr = new Buffer();
    private final Thread outDrainer;
    private final Thread errDrainer;
    private final OutputStream stdin;
    private Thread feeder;
    private volatile Throwable feederFailure;
    private int port = -1;

    private OpenSslProcess(String name, List<String> command) throws IOException {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("OPENSSL_CONF");
        this.process = pb.start();
        this.stdin = process.getOutputStream();
        this.outDrainer = drain(process.getInputStream(), stdout, name + "-stdout");
        this.errDrainer = drain(process.getErrorStream(), stderr, name + "-stderr");
        LIVE.add(this);
    }

    /**
     * The openssl binary to run; fails the test (or, with {@code -Dlibssl4j.skipOpenssl=true}, skips it) when there
     * is none.
     */
    static synchronized String binary() {
        if (binary == null) {
            String candidate = System.getProperty(BINARY_PROPERTY, "");
            if (candidate.isBlank()) {
                candidate = findOnPath("openssl");
            }
            String problem = null;
            if (candidate == null) {
                problem = "no 'openssl' executable on the PATH (" + System.getenv("PATH") + ")";
            } else {
                try {
                    Process p = new ProcessBuilder(candidate, "version").redirectErrorStream(true).start();
                    byte[] out = p.getInputStream().readAllBytes();
                    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        p.destroyForcibly();
                        problem = "'" + candidate + " version' failed: " + new String(out, StandardCharsets.UTF_8);
                    } else {
                        version = new String(out, StandardCharsets.UTF_8).trim();
                        if (!version.matches("(?s)OpenSSL [3-9]\\..*")) {
                            problem = candidate + " is " + version + "; these tests expect the messages of OpenSSL 3.0 or later";
                        }
                    }
                } catch (IOException e) {
                    problem = "cannot run " + candidate + ": " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problem = "interrupted";
                }
            }
            if (problem != null) {
                String message = "the OpenSSL interop tests need the openssl command-line tool: " + problem
                        + "; install it (e.g. apt-get install openssl), name it with -D" + BINARY_PROPERTY
                        + "=/path/to/openssl, or skip these tests with -D" + SKIP_PROPERTY + "=true";
                if (Boolean.getBoolean(SKIP_PROPERTY)) {
                    Assumptions.abort(message);
                }
                throw new AssertionError(message);
            }
            binary = candidate;
        }
        return binary;
    }

    /** {@code openssl version}'s answer, e.g. "OpenSSL 3.0.19 27 Jan 2026 (Library: ...)". */
    static String version() {
        binary();
        return version;
    }

    private static String findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /**
     * Starts {@code openssl s_server -accept 127.0.0.1:0 ARGS} (not quiet: it prints the port it bound, which the
     * kernel chose) and waits for its {@code ACCEPT 127.0.0.1:PORT} line.
     */
    static OpenSslProcess server(String... args) {
        List<String> cmd = new ArrayList<>(List.of(binary(), "s_server", "-accept", "127.0.0.1:0"));
        cmd.addAll(Arrays.asList(args));
        OpenSslProcess p = start("s_server", cmd);
        try {
            Matcher m = p.awaitStdout(ACCEPT, WAIT);
            p.port = Integer.parseInt(m.group(1));
            return p;
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
    }

    /** Starts {@code openssl s_client -connect 127.0.0.1:PORT ARGS}. */
    static OpenSslProcess client(int port, String... args) {
        List<String> cmd = new ArrayList<>(List.of(binary(), "s_client", "-connect", "127.0.0.1:" + port));
        cmd.addAll(Arrays.asList(args));
        return start("s_client", cmd);
    }

    private static OpenSslProcess start(String name, List<String> cmd) {
        // s_server prints some lines ("SSL_do_handshake -> 1") with printf, which a pipe buffers until the next
        // BIO_flush; stdbuf makes stdout line-buffered so that every line can be waited for as it is printed.
        String stdbuf = findOnPath("stdbuf");
        if (stdbuf != null) {
            cmd = new ArrayList<>(cmd);
            cmd.addAll(0, List.of(stdbuf, "-oL"));
        }
        try {
            return new OpenSslProcess(name, cmd);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    /** The port s_server listens on. */
    int port() {
        if (port < 0) {
            throw new IllegalStateException(name + " has no port");
        }
        return port;
    }

    Process process() {
        return process;
    }

    // ---- stdin ------------------------------------------------------------------------------------------------

    /** Writes {@code line} and a newline to the process's stdin and flushes. */
    void writeLine(String line) {
        write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code data} to stdin and flushes; for small data (a pipe holds 64 KiB), else use {@link #feed}. */
    void write(byte[] data) {
        try {
            stdin.write(data);
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot write to " + name + "'s stdin: " + e + describe(), e);
        }
    }

    /** Writes {@code data} to stdin from a thread of its own (the process may need time to take it all). */
    void feed(byte[] data, boolean thenClose) {
        if (feeder != null) {
            throw new IllegalStateException("already feeding");
        }
        feeder = new Thread(() -> {
            try {
                stdin.write(data);
                stdin.flush();
                if (thenClose) {
                    stdin.close();
                }
            } catch (IOException e) {
                feederFailure = e;
            }
        }, name + "-stdin");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Waits (bounded) until the feeder has written everything. */
    void awaitFed(Duration timeout) throws InterruptedException {
        feeder.join(timeout.toMillis());
        if (feeder.isAlive()) {
            throw new AssertionError(name + " did not take its stdin within " + timeout + describe());
        }
        if (feederFailure != null) {
            throw new AssertionError("writing " + name + "'s stdin failed: " + feederFailure + describe(), feederFailure);
        }
    }

    /** Closes stdin: end of input. */
    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone; what it printed says why
        }
    }

    // ---- stdout / stderr ----------------------------------------------------------------------------------------

    /** Everything the process wrote to stdout so far. */
    byte[] stdoutBytes() {
        return stdout.bytes();
    }

    /** How often {@code what} occurs in {@code text} (lines of {@code -msg} output, say). */
    static int count(String text, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Stdout so far as ISO-8859-1 text (one char per byte, so indexes are byte offsets). */
    String stdoutText() {
        return new String(stdout.bytes(), StandardCharsets.ISO_8859_1);
    }

    String stderrText() {
        return new String(stderr.bytes(), StandardCharsets.ISO_8859_1);
    }

    /** Waits until stdout matches {@code pattern} (from its start), then returns the match. */
    Matcher awaitStdout(Pattern pattern, Duration timeout) {
        return awaitMatch(stdout, "stdout", pattern, timeout);
    }

    /** Waits until stdout contains {@code text}. */
    void awaitStdout(String text, Duration timeout) {
        awaitMatch(stdout, "stdout", Pattern.compile(Pattern.quote(text)), timeout);
    }

    /** Waits until stderr contains {@code text}. */
    void awaitStderr(String text, Duration timeout) {
        awaitMatch(stderr, "stderr", Pattern.compile(Pattern.quote(text)), timeout);
    }

    /** Waits until stdout holds at least {@code n} bytes from {@code from} on, and returns them. */
    byte[] awaitStdoutBytes(int from, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended;
        synchronized (stdout) {
            while (true) {
                if (stdout.size() >= from + n) {
                    return Arrays.copyOfRange(stdout.bytes(), from, from + n);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || stdout.closed) {
                    ended = stdout.closed;
                    break;
                }
                waitOn(stdout, left);
            }
        }
        settleIfEnded(ended);
        throw new AssertionError(name + ": expected " + n + " bytes on stdout after offset " + from + ", got "
                + Math.max(0, stdout.size() - from) + (ended ? " (stdout closed)" : " within " + timeout) + describe());
    }

    private Matcher awaitMatch(Buffer buffer, String stream, Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended;
        synchronized (buffer) {
            while (true) {
                Matcher m = pattern.matcher(new String(buffer.bytes(), StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || buffer.closed) {
                    ended = buffer.closed;
                    break;
                }
                waitOn(buffer, left);
            }
        }
        settleIfEnded(ended);
        throw new AssertionError(name + ": expected /" + pattern + "/ on " + stream
                + (ended ? ", but the stream ended" : " within " + timeout)
                + (findOnPath("stdbuf") == null ? " (no stdbuf on the PATH: lines that openssl prints with "
                        + "printf stay in its stdout buffer)" : "") + describe());
    }

    /** When a stream ended, lets the process exit and both streams drain (bounded), so the message has it all. */
    private void settleIfEnded(boolean ended) {
        if (!ended) {
            return;
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            outDrainer.join(2000);
            errDrainer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitOn(Object monitor, long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(monitor, Math.max(1, nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits (bounded) for the process to exit and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout + describe());
            }
            outDrainer.join(timeout.toMillis());
            errDrainer.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the process at once (SIGKILL): its socket is closed by the kernel, without close_notify. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line and the tails of stdout and stderr, for assertion messages. */
    String describe() {
        return "\n--- " + name + " (" + String.join(" ", commandLine()) + "), "
                + (process.isAlive() ? "running" : "exit code " + process.exitValue())
                + "\n--- stdout (last 3000 chars):\n" + tail(stdout.bytes(), 3000)
                + "\n--- stderr (last 3000 chars):\n" + tail(stderr.bytes(), 3000) + "\n---";
    }

    private List<String> commandLine() {
        return process.info().arguments().map(a -> {
            List<String> l = new ArrayList<>();
            l.add(process.info().command().orElse("openssl"));
            l.addAll(Arrays.asList(a));
            return l;
        }).orElse(List.of(name));
    }

    private static String tail(byte[] b, int n) {
        int from = Math.max(0, b.length - n);
        StringBuilder s = new StringBuilder(from > 0 ? "[... " + from + " bytes before]" : "");
        for (int i = from; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f)) {
                s.append((char) c);
            } else if (c != '\r') {
                s.append('.');
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        LIVE.remove(this);
        closeStdin();
        if (feeder != null) {
            feeder.interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            outDrainer.join(5000);
            errDrainer.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream in, Buffer into, String threadName) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (into) {
                        into.write(buf, 0, n);
                        into.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            } finally {
                synchronized (into) {
                    into.closed = true;
                    into.notifyAll();
                }
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A growing byte buffer that is its own monitor. */
    private static final class Buffer extends ByteArrayOutputStream {
        boolean closed;

        synchronized byte[] bytes() {
            return toByteArray();
        }
    }
}
