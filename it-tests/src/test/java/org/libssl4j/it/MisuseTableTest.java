package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.Bio;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.SocketBio;
import org.libssl4j.bio.BioPair;
import org.libssl4j.bio.BufferBio;
import org.libssl4j.bio.NullBio;
import org.libssl4j.bio.SslBio;
import org.libssl4j.bio.MemBio;
import org.libssl4j.testkit.NullEngineProvider;
import org.libssl4j.testkit.TestCerts;

/**
 * Every public method of {@link Ssl}, called in each wrong state, answers as the table below says (docs/MISUSE.md):
 * libssl's return value, {@code getError} code and error-queue reason, measured on libssl 3.0.19 with ctypes (the
 * report of issue 14, item 5), or an {@link IllegalStateException} at once. A public method added without a row fails
 * {@link #everyMethodHasARow()}. Every call runs under a time limit: none may wait.
 */
class MisuseTableTest {
    /** The wrong states, the columns of the table. */
    enum State {
        /** A client in connect state before {@code setBio}. */
        NO_BIO,
        /** A server in accept state before {@code setBio}: libssl's read BIO is missing, which is fatal. */
        SERVER_NO_BIO,
        /** BIOs set, no side yet. */
        NO_SIDE,
        /** A client whose handshake failed: garbage where the ServerHello should be. */
        FAILED,
        /** A client closed after its handshake began. */
        CLOSED
    }

    /** How a method that does not run the state machine answers: from every state a value, once closed ... */
    private static final String GETTER = "getter";
    /** ... and a method that changes the connection: refused once closed. */
    private static final String SETTER = "setter";

    private static final String ISE_CLOSED = "IllegalStateException: Ssl is closed";
    private static final String NO_SERVER = "IllegalStateException: a TLS_CLIENT context cannot make a server connection";
    private static final String SIDE_FIXED = "IllegalStateException: the side cannot change after the handshake started";
    private static final String SYSCALL = "-1 SYSCALL";
    private static final String NOT_SET_SERVER = "-1 SSL read bio not set";

    /**
     * The table: method, then its answer in each {@link State} in order (NO_BIO, SERVER_NO_BIO, NO_SIDE, FAILED,
     * CLOSED), or the kind {@link #GETTER}/{@link #SETTER} with exceptions after it as {@code STATE=answer}. An
     * answer {@code "0 SSL *"} takes any reason.
     */
    private static final Map<String, String[]> TABLE = new LinkedHashMap<>();

    private static void row(String method, String... answers) {
        TABLE.put(method, answers);
    }

    static {
        String io = "-1 SSL uninitialized";
        for (String m : List.of("read(byte[],int,int)", "read(ByteBuffer)", "peek(byte[],int,int)", "peek(ByteBuffer)",
                "write(byte[],int,int)", "write(byte[])", "write(ByteBuffer)")) {
            row(m, SYSCALL, NOT_SET_SERVER, io, SYSCALL, SYSCALL);
        }
        row("doHandshake()", SYSCALL, NOT_SET_SERVER, "-1 SSL connection type not set", SYSCALL, SYSCALL);
        // once a side is set, connect() and accept() are the handshake of that side, whatever the method (MISUSE-1)
        row("connect()", SYSCALL, NOT_SET_SERVER, "-1 WANT_READ", SYSCALL, SYSCALL);
        row("accept()", SYSCALL, NOT_SET_SERVER, "0 SSL called a function you should not call", SYSCALL, SYSCALL);
        row("shutdown()", "-1 SSL shutdown while in init", "-1 SSL shutdown while in init", io,
                "-1 SSL shutdown while in init", "-1 SSL shutdown while in init");
        row("keyUpdate(int)", "0 SSL wrong ssl version", "0 SSL wrong ssl version", "0 SSL wrong ssl version",
                "0 SSL wrong ssl version", "0 SSL wrong ssl version");
        // libssl returns 1 here (MISUSE-3): ours refuses, "wrong ssl version", or "unsupported" without RENEGOTIATION
        row("renegotiate()", "0 SSL *", "0 SSL *", "0 SSL *", "0 SSL *", "0 SSL *");
        for (String m : List.of("engineName()", "getAlpnSelected()", "getChannel()", "getCipherName()", "getContext()",
                "getError(int)", "getInfoCallback()", "getKeyUpdateType()", "getMode()", "getMsgCallback()",
                "getNegotiatedGroup()", "getOptions()", "getPeerCertChain()", "getPeerCertificate()", "getQuietShutdown()",
                "getRbio()", "getReadAhead()", "getServername()", "getSession()", "getShutdown()", "getVerifyDepth()",
                "getVerifyMode()", "getVerifyResult()", "getVersion()", "getWbio()", "hasPending()", "inBefore()", "inInit()",
                "isInitFinished()", "isServer()", "pending()", "renegotiatePending()", "sessionReused()", "want()", "close()")) {
            row(m, GETTER);
        }
        for (String m : List.of("clearMode(long)", "clearOptions(long)", "set1Host(String)", "setBio(Bio,Bio)",
                "setChannel(SocketChannel)", "setCipherList(String)", "setCiphersuites(String)", "setInfoCallback(InfoCallback)",
                "setMaxProtoVersion(int)", "setMaxSendFragment(int)", "setMinProtoVersion(int)", "setMode(long)",
                "setMsgCallback(MsgCallback)", "setOptions(long)", "setQuietShutdown(boolean)", "setRbio(Bio)",
                "setReadAhead(boolean)", "setSession(SslSession)", "setShutdown(int)", "setSslCtx(SslCtx)",
                "setTlsextHostName(String)", "setVerify(int,VerifyCallback)", "setVerifyDepth(int)", "setWbio(Bio)")) {
            row(m, SETTER);
        }
        row("setAcceptState()", SETTER, "NO_BIO=" + NO_SERVER, "NO_SIDE=" + NO_SERVER, "FAILED=" + NO_SERVER);
        row("setConnectState()", SETTER, "FAILED=" + SIDE_FIXED);
    }

    /** The methods that answer any thread: they read what never changes. */
    private static final List<String> ANY_THREAD = List.of("engineName()", "getContext()");

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    static List<Method> publicMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort((a, b) -> signature(a).compareTo(signature(b)));
        return methods;
    }

    @Test
    @DisplayName("MISUSE-3 every public method of Ssl has a row in the misuse table, and every row names one")
    void everyMethodHasARow() {
        TreeSet<String> methods = publicMethods(Ssl.class).stream().map(MisuseTableTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(methods).as("public methods of Ssl without a row in MisuseTableTest.TABLE and docs/MISUSE.md")
                .isSubsetOf(TABLE.keySet());
        assertThat(TABLE.keySet()).as("rows naming no public method").isSubsetOf(methods);
    }

    /** Arguments a connection in the right state would take: the state alone makes the call wrong. */
    static Object[] arguments(Method m, Ssl ssl, SocketChannel channel) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        String name = m.getName();
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == byte[].class) {
                args[i] = new byte[16];
            } else if (t == int.class) {
                boolean range = types[0] == byte[].class;
                args[i] = range ? (i == 1 ? 0 : 16) : name.equals("setMaxSendFragment") ? 16384 : name.equals("getError") ? -1 : 0;
            } else if (t == long.class) {
                args[i] = 0L;
            } else if (t == boolean.class) {
                args[i] = false;
            } else if (t == String.class) {
                args[i] = name.equals("setCipherList") ? "HIGH" : name.equals("setCiphersuites") ? "TLS_AES_128_GCM_SHA256" : "localhost";
            } else if (t == ByteBuffer.class) {
                args[i] = ByteBuffer.allocate(16);
            } else if (t == Bio.class) {
                args[i] = MemBio.create();
            } else if (t == SslCtx.class) {
                args[i] = ssl.getContext();
            } else if (t == SocketChannel.class) {
                args[i] = channel;
            } // else null: a callback, a session (null means none)
        }
        return args;
    }

    /** The calls whose {@code int} is libssl's return value, described with {@code getError} and the queue. */
    private static final List<String> RETURNS = List.of("read", "peek", "write", "doHandshake", "connect", "accept",
            "shutdown", "keyUpdate", "renegotiate");

    /** What a call did: {@code "-1 SYSCALL"}, {@code "0 SSL reason"}, {@code "value"}, or the exception. */
    static String outcome(Ssl ssl, Method m, SocketChannel channel) {
        return invoke(ssl, m, arguments(m, ssl, channel), r -> {
            if (!(r instanceof Integer) || (Integer) r > 0 || !RETURNS.contains(m.getName())) {
                return "value";
            }
            int ret = (Integer) r;
            return (ret + " " + ssl.getError(ret) + " " + queue()).trim();
        });
    }

    /** The reasons on the thread's error queue. */
    static String queue() {
        return SslErrorQueue.snapshot().stream().map(SslErrorEntry::reasonString).collect(Collectors.joining(", "));
    }

    /**
     * Calls {@code m} on an empty queue and describes what it returned, or names the exception it threw (with its
     * message); the queue is left empty.
     */
    static String invoke(Object target, Method m, Object[] args, java.util.function.Function<Object, String> describe) {
        SslErrorQueue.clear();
        try {
            return describe.apply(m.invoke(target, args));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } finally {
            SslErrorQueue.clear();
        }
    }

    static boolean matches(String expected, String actual) {
        return expected.endsWith(" *") ? actual.startsWith(expected.substring(0, expected.length() - 1)) : actual.equals(expected);
    }

    static String expected(String[] row, State state) {
        if (!row[0].equals(GETTER) && !row[0].equals(SETTER)) {
            return row[state.ordinal()];
        }
        for (int i = 1; i < row.length; i++) {
            if (row[i].startsWith(state + "=")) {
                return row[i].substring(state.toString().length() + 1);
            }
        }
        return row[0].equals(SETTER) && state == State.CLOSED ? ISE_CLOSED : "value";
    }

    /** A fresh connection in {@code state} for each call, so that no call sees another's effect. */
    static Ssl connection(State state, SslCtx client, SslCtx server) {
        Ssl ssl = (state == State.SERVER_NO_BIO ? server : client).newSsl();
        switch (state) {
            case NO_BIO:
                ssl.setConnectState();
                break;
            case SERVER_NO_BIO:
                ssl.setAcceptState();
                break;
            case NO_SIDE:
                ssl.setBio(MemBio.create(), MemBio.create());
                break;
            case FAILED: {
                MemBio in = MemBio.create();
                ssl.setBio(in, MemBio.create());
                ssl.setConnectState();
                assertThat(ssl.doHandshake()).isEqualTo(-1);
                byte[] garbage = "\u0016\u0003\u0001\u0000\u0005garbage-garbage".getBytes(StandardCharsets.ISO_8859_1);
                in.write(garbage, 0, garbage.length);
                int r = ssl.doHandshake();
                assertThat(ssl.getError(r)).as("the garbage fails the handshake").hasToString("SSL");
                break;
            }
            default:
                ssl.setBio(MemBio.create(), MemBio.create());
                ssl.setConnectState();
                ssl.doHandshake();
                ssl.close();
        }
        SslErrorQueue.clear();
        return ssl;
    }

    static void checkTable(Engine engine, List<State> states) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
                SslCtx server = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
            client.setVerify(SslVerify.NONE, null);
            List<String> wrong = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (Method m : publicMethods(Ssl.class)) {
                    String[] row = TABLE.get(signature(m));
                    for (State state : states) {
                        boolean kind = row[0].equals(GETTER) || row[0].equals(SETTER);
                        if (state == State.SERVER_NO_BIO && kind) {
                            continue; // the server's column is the calls that run the state machine
                        }
                        try (Ssl ssl = connection(state, client, server)) {
                            String actual = outcome(ssl, m, channel);
                            String expected = expected(row, state);
                            if (!matches(expected, actual)) {
                                wrong.add(signature(m) + " " + state + ": expected " + expected + ", was " + actual);
                            }
                        }
                    }
                }
            }, "a call waited");
            assertThat(wrong).as("answers that differ from the table").isEmpty();
        }
    }

    @EngineTest
    @DisplayName("MISUSE-3 MISUSE-4 MISUSE-5 every public method of Ssl before setBio (client and server), before a side is set, after a fatal error and after close() answers as the table says: libssl's value, getError and reason, or IllegalStateException")
    void tableOnEveryEngine(String engine) throws Exception {
        checkTable(Engines.get(engine), List.of(State.values()));
    }

    @Test
    @DisplayName("MISUSE-3 MISUSE-4 MISUSE-5 the table holds on the null engine too, where it does not depend on TLS (all but the fatal error)")
    void tableOnTheNullEngine() throws Exception {
        checkTable(Engines.load(new NullEngineProvider()), List.of(State.NO_BIO, State.SERVER_NO_BIO, State.NO_SIDE, State.CLOSED));
    }

    // ---- SslCtx after close() ----------------------------------------------------------------------------------

    /** Arguments for a context's methods, the same for an open and a closed one. */
    static Object[] contextArguments(Method m, Path dir) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        String name = m.getName();
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = name.equals("setMaxSendFragment") ? 16384 : name.equals("usePrivateKeyFile") ? SslCtx.FILETYPE_PEM : 0;
            } else if (t == long.class) {
                args[i] = name.equals("setTimeout") || name.equals("sessSetCacheSize") ? 100L : 0L;
            } else if (t == boolean.class) {
                args[i] = true;
            } else if (t == String.class) {
                args[i] = name.equals("setCipherList") ? "HIGH" : name.equals("setCiphersuites") ? "TLS_AES_128_GCM_SHA256"
                        : name.equals("set1GroupsList") ? "P-256" : "RSA-PSS+SHA256";
            } else if (t == List.class) {
                args[i] = List.of("h2");
            } else if (t == java.security.cert.X509Certificate.class) {
                args[i] = TestCerts.serverRsa().certificate();
            } else if (t == java.security.PrivateKey.class) {
                args[i] = TestCerts.serverRsa().privateKey();
            } else if (t == Path.class) {
                args[i] = dir.resolve("missing.pem");
            } // else null: a callback
        }
        return args;
    }

    /** What a context's call did: its value (an object's class), or the exception. */
    static String contextOutcome(SslCtx ctx, Method m, Path dir) {
        return invoke(ctx, m, contextArguments(m, dir), r -> {
            boolean plain = r == null || r instanceof Number || r instanceof Boolean || r instanceof String || r instanceof Enum;
            String queue = queue();
            return (plain ? String.valueOf(r) : r.getClass().getSimpleName()) + (queue.isEmpty() ? "" : " " + queue);
        });
    }

    @TempDir
    Path dir;

    @EngineTest
    @DisplayName("MISUSE-8 a closed SslCtx answers every public method as an open one does, as libssl's context lives on while its connections hold it, but newSsl() and setSslCtx() of it, which throw IllegalStateException(\"SslCtx is closed\")")
    void closedContext(String engine) {
        List<String> wrong = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (Method m : publicMethods(SslCtx.class)) {
                String open;
                String closed;
                try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine)) {
                    open = contextOutcome(ctx, m, dir);
                }
                SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
                ctx.close();
                closed = contextOutcome(ctx, m, dir);
                String expected = signature(m).equals("newSsl()") ? "IllegalStateException: SslCtx is closed" : open;
                if (!closed.equals(expected)) {
                    wrong.add(signature(m) + ": open " + open + ", closed " + closed);
                }
            }
        }, "a call waited");
        assertThat(wrong).as("calls a closed context answers otherwise").isEmpty();
        try (SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_SERVER, engine); Ssl ssl = ctx.newSsl()) {
            SslCtx other = SslCtx.newCtx(SslMethod.TLS_SERVER, engine);
            other.close();
            assertThatThrownBy(() -> ssl.setSslCtx(other)).isInstanceOf(IllegalStateException.class).hasMessage("SslCtx is closed");
            assertThat(ssl.getContext()).isSameAs(ctx);
            ctx.close();
            assertThat(ssl.setCipherList("HIGH")).as("a connection of a closed context resolves its cipher string").isEqualTo(1);
            assertThat(ssl.setCiphersuites("TLS_AES_128_GCM_SHA256")).isIn(0, 1); // 0 with "unsupported" on some engines
            SslErrorQueue.clear();
        }
    }

    @Test
    @DisplayName("MISUSE-8 a closed context asked for its ciphers makes an engine context for the question and closes it after (null engine, which counts)")
    void closedContextLeavesNoEngineContext() {
        Engine engine = Engines.load(new NullEngineProvider());
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
        ctx.getCiphers();
        ctx.close();
        int before = NullEngineProvider.openContexts();
        ctx.getCiphers();
        assertThat(ctx.setCipherList("ALL")).isEqualTo(1);
        assertThat(NullEngineProvider.openContexts()).isEqualTo(before);
        SslErrorQueue.clear();
    }

    // ---- BIOs after close() ------------------------------------------------------------------------------------

    /** The calls that move bytes: after close() they return 0 or less, and set no retry flag. */
    private static final List<String> IO = List.of("read", "write", "flush", "doHandshake");

    static String bioOutcome(Bio bio, Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            boolean range = types[0] == byte[].class;
            args[i] = t == byte[].class ? new byte[16] : t == int.class ? (range && i == 2 ? 16 : 0) : t == ByteBuffer.class
                    ? ByteBuffer.allocate(16) : t == Bio.class ? MemBio.create() : null;
        }
        String outcome = invoke(bio, m, args, r -> IO.contains(m.getName())
                ? ((Integer) r <= 0 ? "<= 0" : "took " + r) + (bio.shouldRetry() ? ", retry" : "")
                : "value");
        return outcome.contains(": ") ? outcome.substring(0, outcome.indexOf(':')) : outcome;
    }

    @EngineTest
    @DisplayName("MISUSE-9 after close() every public method of every BIO returns at once: a read, write or handshake 0 or less without retry flags (a null BIO excepted, which holds nothing and takes every write), a flush 1 (nothing to pass on) or 0 or less without retry flags, the rest a value, setNext and push onto a source/sink BIO UnsupportedOperationException as always")
    void closedBios(String engine) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                SocketChannel owned = SocketChannel.open(listener.getLocalAddress());
                SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, engine);
                Ssl ssl = ctx.newSsl()) {
            ctx.setVerify(SslVerify.NONE, null);
            ssl.setBio(MemBio.create(), MemBio.create());
            ssl.setConnectState();
            Map<String, Supplier<Bio>> bios = new LinkedHashMap<>();
            bios.put("MemBio", MemBio::create);
            bios.put("MemBio.of", () -> MemBio.of(new byte[40]));
            bios.put("BioPair.Half", () -> BioPair.create().first());
            bios.put("BufferBio", () -> BufferBio.create().push(MemBio.create()));
            bios.put("NullBio", NullBio::create);
            bios.put("SslBio.of", () -> SslBio.of(ssl));
            bios.put("SslBio.create", () -> SslBio.create(ctx, true).push(MemBio.create()));
            bios.put("SocketBio.of (NOCLOSE)", () -> SocketBio.of(channel));
            bios.put("SocketBio.of (CLOSE)", () -> SocketBio.of(owned, true));
            List<String> wrong = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (Map.Entry<String, Supplier<Bio>> e : bios.entrySet()) {
                    boolean sourceSink = e.getValue().get().next() == null;
                    for (Method m : publicMethods(e.getValue().get().getClass())) {
                        Bio bio = e.getValue().get();
                        bio.close();
                        String actual = bioOutcome(bio, m);
                        String expected = IO.contains(m.getName())
                                ? e.getKey().equals("NullBio") && m.getName().equals("write") ? "took 16" : "<= 0"
                                : m.getName().equals("push") || sourceSink && m.getName().equals("setNext")
                                ? "UnsupportedOperationException" // every chain here ends in a source/sink BIO
                                : "value";
                        boolean nothingToFlush = m.getName().equals("flush") && actual.equals("took 1");
                        if (!actual.equals(expected) && !nothingToFlush) {
                            wrong.add(e.getKey() + " " + signature(m) + ": expected " + expected + ", was " + actual);
                        }
                    }
                }
            }, "a call on a closed BIO waited");
            assertThat(wrong).as("calls on closed BIOs").isEmpty();
        }
    }
}
