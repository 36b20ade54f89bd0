package org.libssl4j;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.libssl4j.internal.Settings;
import org.libssl4j.internal.Connection;

/**
 * One TLS connection, as OpenSSL's {@code SSL}: every call keeps libssl's arguments, return values and
 * {@link #getError(int)} codes (docs/SEMANTICS.md), whatever engine runs underneath.
 *
 * <p>Return values follow C: {@code > 0} success, {@code <= 0} see {@link #getError(int)}. TLS failures never
 * throw; they leave their reason on the thread's {@link SslErrorQueue}. Programming errors (a null buffer, a
 * range outside the array, README D1) throw {@link NullPointerException} or {@link IndexOutOfBoundsException}
 * at once and change nothing.
 *
 * <p>Misuse (docs/MISUSE.md, MISUSE-1 to MISUSE-7): a call in the wrong state answers as libssl does (a handshake,
 * read or write before {@link #setBio} is -1 with SSL_ERROR_SYSCALL, one before a side is set -1 with SSL
 * "uninitialized", ...), or throws at once:
 * <ul>
 * <li>{@link IllegalStateException} {@code "Ssl is closed"} from every method that changes the connection
 *     ({@code set*}, {@code clear*}) after {@link #close()}; the calls that run the state machine then fail as after
 *     a fatal error (-1, SSL_ERROR_SYSCALL, CLOSE-1) and the getters answer the last state;
 * <li>{@link IllegalStateException} {@code "Ssl used by two threads at once"} from any method but
 *     {@link #engineName()} and {@link #getContext()} called while another thread is inside a handshake, read, peek,
 *     write, shutdown, renegotiate, key update or close call on this connection. Not thread-safe, as an {@code SSL}
 *     is not: one thread at a time; a callback may call back into its connection on the same thread.
 * </ul>
 * A connection may move from thread to thread when the hand-over orders memory (an executor, a lock); its failures
 * go to the error queue of the thread that made the call (docs/THREADS.md).
 */
public final class Ssl implements AutoCloseable {
    /** {@link #getShutdown()} bit: this side's close_notify was sent ({@code SSL_SENT_SHUTDOWN}). */
    public static final int SENT_SHUTDOWN = 1;
    /** {@link #getShutdown()} bit: the peer's close_notify (or a fatal alert) was received ({@code SSL_RECEIVED_SHUTDOWN}). */
    public static final int RECEIVED_SHUTDOWN = 2;

    /** {@link #want()}: nothing ({@code SSL_NOTHING}). */
    public static final int NOTHING = 1;
    /** {@link #want()}: waits to write ({@code SSL_WRITING}). */
    public static final int WRITING = 2;
    /** {@link #want()}: waits to read ({@code SSL_READING}). */
    public static final int READING = 3;
    /** {@link #want()}: waits for a certificate lookup ({@code SSL_X509_LOOKUP}). */
    public static final int X509_LOOKUP = 4;
    /**
     * {@link #want()}: waits for the client-hello callback ({@code SSL_CLIENT_HELLO_CB}). Reserved: never returned
     * until {@link Capability#HANDSHAKE_CALLBACKS} has an SPI hook.
     */
    public static final int CLIENT_HELLO_CB = 7;
    /**
     * {@link #want()}: waits for the verify callback ({@code SSL_RETRY_VERIFY}). Reserved: never returned until
     * {@link Capability#HANDSHAKE_CALLBACKS} has an SPI hook.
     */
    public static final int RETRY_VERIFY = 8;

    /** {@link #getKeyUpdateType()}: no update scheduled ({@code SSL_KEY_UPDATE_NONE}). */
    public static final int KEY_UPDATE_NONE = -1;
    /** {@link #keyUpdate(int)}: update without asking the peer to update ({@code SSL_KEY_UPDATE_NOT_REQUESTED}). */
    public static final int KEY_UPDATE_NOT_REQUESTED = 0;
    /** {@link #keyUpdate(int)}: update and ask the peer to update too ({@code SSL_KEY_UPDATE_REQUESTED}). */
    public static final int KEY_UPDATE_REQUESTED = 1;

    /** Frees the engine of a connection its owner forgot to close (native engines hold memory outside the heap). */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final SslCtx ctx;
    /** {@code SSL_new} copies the context's verify mode and depth; {@link #setVerify} changes the copy. */
    private final int inheritedVerifyMode;
    private final int inheritedVerifyDepth;
    private final Settings settings;
    private final Connection connection;
    private final java.lang.ref.Cleaner.Cleanable cleanable;
    private final Switched switched = new Switched();
    private final Info info = new Info(this);
    /** The thread inside a call that runs the state machine or frees the connection, else null (MISUSE-6). */
    private final java.util.concurrent.atomic.AtomicReference<Thread> user = new java.util.concurrent.atomic.AtomicReference<>();
    /** How many times the thread in {@link #user} took the connection again (a callback); only that thread touches it. */
    private int reentered;
    /** Set by {@link #close()}: a call that changes the connection is refused from then on (MISUSE-5). */
    private volatile boolean closed;

    /** Settings a connection copies from its context at {@code SSL_new}. */
    record Inherited(long mode, long options, boolean readAhead, int maxSendFragment, boolean quietShutdown,
                     int minVersion, int maxVersion, boolean noTls13Suites, int verifyMode, int verifyDepth) {
    }

    Ssl(SslCtx ctx, SslCtx.Generation contextSettings, Inherited in) {
        this.ctx = ctx;
        this.inheritedVerifyMode = in.verifyMode();
        this.inheritedVerifyDepth = in.verifyDepth();
        this.settings = new Settings(in.mode(), in.options(), in.readAhead(), in.maxSendFragment(), in.quietShutdown(),
                in.minVersion(), in.maxVersion());
        settings.noTls13Suites = in.noTls13Suites();
        this.connection = new Connection(ctx.method(), contextSettings::context, ctx.engine().has(Capability.DIRECT_BUFFERS),
                ctx.engine().has(Capability.RENEGOTIATION), settings);
        this.cleanable = CLEANER.register(this, new Free(connection, contextSettings, switched)); // no reference to this
        connection.setServerHooks(new Hooks(this, ctx, contextSettings, switched, connection));
        connection.setInfoSink(info);
        connection.setKeylogSink(new Keylog(this, connection));
        connection.setMsgSink(info);
    }

    /**
     * {@code SSL_set_msg_callback}: this connection's message callback, which replaces its context's
     * ({@link SslCtx#setMsgCallback}); null to use the context's again.
     *
     * @param callback the callback, or null
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setMsgCallback(MsgCallback callback) {
        checkOpenAndAlone();
        info.ownMsg = callback;
    }

    /**
     * The connection's own message callback.
     *
     * @return the callback set by {@link #setMsgCallback}, or null
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public MsgCallback getMsgCallback() {
        checkAlone();
        return info.ownMsg;
    }

    /**
     * {@code SSL_set_info_callback}: this connection's info callback, which replaces its context's
     * ({@link SslCtx#setInfoCallback}); null to use the context's again.
     *
     * @param callback the callback, or null
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setInfoCallback(InfoCallback callback) {
        checkOpenAndAlone();
        info.own = callback;
    }

    /**
     * {@code SSL_get_info_callback}: the connection's own info callback.
     *
     * @return the callback set by {@link #setInfoCallback}, or null
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public InfoCallback getInfoCallback() {
        checkAlone();
        return info.own;
    }

    /** {@code SSL_get_SSL_CTX}: the context this connection was made with, or the one {@link #setSslCtx} chose. */
    public SslCtx getContext() {
        SslCtx other = switched.ctx();
        return other != null ? other : ctx;
    }

    /**
     * {@code SSL_set_SSL_CTX}: a server presents {@code other}'s certificate and key (a servername callback calls it
     * to answer another name with another certificate, {@link SslCtx#setTlsextServernameCallback}). As in libssl
     * the other settings stay the connection's. Called in the servername callback, it takes effect in this
     * handshake; called before the handshake, in the first.
     *
     * @return {@code other}
     * @throws IllegalArgumentException if {@code other} runs on another engine
     * @throws IllegalStateException if {@code other} was closed
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public SslCtx setSslCtx(SslCtx other) {
        checkOpenAndAlone();
        java.util.Objects.requireNonNull(other, "other");
        if (other.engine() != ctx.engine()) {
            throw new IllegalArgumentException("the context runs on engine " + other.engine().name() + ", this connection on "
                    + ctx.engine().name());
        }
        switched.set(other == ctx ? null : other, other == ctx ? null : other.holdCurrent());
        return other;
    }

    // ---- BIOs and state -------------------------------------------------------------------------------------

    /**
     * {@code SSL_set_bio}: the BIOs records are read from and written to (may be the same object).
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setBio(Bio rbio, Bio wbio) {
        checkOpenAndAlone();
        connection.setBio(rbio, wbio);
    }

    /**
     * {@code SSL_set0_rbio}.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setRbio(Bio rbio) {
        checkOpenAndAlone();
        connection.setBio(rbio, connection.wbio());
    }

    /**
     * {@code SSL_set0_wbio}.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setWbio(Bio wbio) {
        checkOpenAndAlone();
        connection.setBio(connection.rbio(), wbio);
    }

    /**
     * {@code SSL_set_fd}: reads and writes records on {@code channel} through one {@link SocketBio}, used both ways.
     * Blocking follows the channel: on a blocking channel {@code write} returns once every byte is sent and
     * {@code read} waits for data, up to {@code channel.socket().getSoTimeout()} if set (a timeout is
     * {@code -1}/{@link SslError#WANT_READ}, as {@code SO_RCVTIMEO} gives in C); on a non-blocking channel
     * {@link SslError#WANT_READ} / {@link SslError#WANT_WRITE} mean {@code OP_READ} / {@code OP_WRITE}.
     * Closing this connection does not close the channel ({@code BIO_NOCLOSE}, as in C).
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws java.nio.channels.NotYetConnectedException if the channel is not connected yet
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setChannel(SocketChannel channel) {
        checkOpenAndAlone();
        Bio bio = SocketBio.of(channel);
        connection.setBio(bio, bio);
    }

    /**
     * {@code SSL_get_fd}: the channel of the read BIO when it is a {@link SocketBio} ({@link #setChannel}, or one
     * given to {@link #setBio}), else null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public SocketChannel getChannel() {
        checkAlone();
        return connection.rbio() instanceof SocketBio ? ((SocketBio) connection.rbio()).channel() : null;
    }

    /**
     * {@code SSL_get_rbio}, or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public Bio getRbio() {
        checkAlone();
        return connection.rbio();
    }

    /**
     * {@code SSL_get_wbio}, or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public Bio getWbio() {
        checkAlone();
        return connection.wbio();
    }

    /**
     * {@code SSL_set_connect_state}: this connection is the client; the first read, write or handshake call
     * starts the handshake.
     *
     * @throws IllegalStateException if the context was made with {@link SslMethod#TLS_SERVER}
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setConnectState() {
        checkOpenAndAlone();
        connection.setState(true);
    }

    /**
     * {@code SSL_set_accept_state}: this connection is the server.
     *
     * @throws IllegalStateException if the context was made with {@link SslMethod#TLS_CLIENT}
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setAcceptState() {
        checkOpenAndAlone();
        connection.setState(false);
    }

    /**
     * {@code SSL_is_server}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean isServer() {
        checkAlone();
        return connection.isServer();
    }

    // ---- handshake ------------------------------------------------------------------------------------------


    /**
     * {@code SSL_connect}: sets the connect state if none is set, then {@link #doHandshake()}. On a
     * {@link SslMethod#TLS_SERVER} connection with no side set it returns 0 with SSL "called a function you should
     * not call", as do the handshake calls after it until {@link #setConnectState}/{@link #setAcceptState} (MISUSE-1).
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int connect() {
        return guarded(CONNECT, null, 0, 0, null);
    }

    /**
     * {@code SSL_accept}: sets the accept state if none is set, then {@link #doHandshake()}. On a
     * {@link SslMethod#TLS_CLIENT} connection with no side set it returns 0 with SSL "called a function you should
     * not call", as do the handshake calls after it until {@link #setConnectState}/{@link #setAcceptState} (MISUSE-1).
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int accept() {
        return guarded(ACCEPT, null, 0, 0, null);
    }

    /**
     * {@code SSL_do_handshake}: drives the handshake.
     *
     * @return 1 once this side's handshake is done; {@code <= 0} see {@link #getError(int)}
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int doHandshake() {
        return guarded(HANDSHAKE, null, 0, 0, null);
    }

    /**
     * {@code SSL_is_init_finished}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean isInitFinished() {
        checkAlone();
        return connection.isInitFinished();
    }

    /**
     * {@code SSL_in_init}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean inInit() {
        checkAlone();
        return connection.inInit();
    }

    /**
     * {@code SSL_in_before}: no handshake message has been sent or received yet.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean inBefore() {
        checkAlone();
        return connection.inBefore();
    }

    // ---- data -----------------------------------------------------------------------------------------------

    /**
     * {@code SSL_write}: writes {@code num} bytes of {@code buf} from {@code off}. A call that returned
     * WANT_READ or WANT_WRITE must be repeated with the same arguments (same array, same offset), unless
     * {@link SslMode#ACCEPT_MOVING_WRITE_BUFFER} is set.
     *
     * @return the bytes written ({@code num}, or one record's worth in {@link SslMode#ENABLE_PARTIAL_WRITE}
     *     mode); {@code <= 0} see {@link #getError(int)}
     * @throws NullPointerException if {@code buf} is null
     * @throws IndexOutOfBoundsException if {@code off}/{@code num} are not a range of {@code buf}
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int write(byte[] buf, int off, int num) {
        checkRange(buf, off, num, "num");
        return guarded(WRITE, buf, off, num, null);
    }

    /** README D1: a null buffer or a range outside it is a programming error, named in the message. */
    private static void checkRange(byte[] buf, int off, int count, String countName) {
        Objects.requireNonNull(buf, "buf");
        if (off < 0 || count < 0 || off > buf.length - count) {
            throw new IndexOutOfBoundsException("off " + off + ", " + countName + " " + count
                    + " out of bounds for buf.length " + buf.length);
        }
    }

    /**
     * {@code SSL_write} of all of {@code buf}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int write(byte[] buf) {
        return write(buf, 0, Objects.requireNonNull(buf, "buf").length);
    }

    /**
     * {@code SSL_write} of the remaining bytes of {@code src}. On success the position advances by the count
     * returned; otherwise it is unchanged, and the retry must pass the same buffer at the same position.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        return guarded(WRITE, null, 0, src.remaining(), src);
    }

    /**
     * {@code SSL_read}: reads at most {@code len} bytes, from one record at most.
     *
     * @return the bytes read; {@code <= 0} see {@link #getError(int)}
     * @throws NullPointerException if {@code buf} is null
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} are not a range of {@code buf}
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int read(byte[] buf, int off, int len) {
        checkRange(buf, off, len, "len");
        return guarded(READ, buf, off, len, null);
    }

    /**
     * {@code SSL_read} into the remaining space of {@code dst}, advancing its position by the count returned; its
     * limit is never touched.
     *
     * @return the bytes read; {@code <= 0} see {@link #getError(int)}
     * @throws NullPointerException if {@code dst} is null
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only, at once: nothing is read (D1, R06.11)
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        return guarded(READ, null, 0, dst.remaining(), dst);
    }

    /**
     * {@code SSL_peek}: as {@link #read(byte[], int, int)}, but the bytes stay to be read again.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int peek(byte[] buf, int off, int len) {
        checkRange(buf, off, len, "len");
        return guarded(PEEK, buf, off, len, null);
    }

    /**
     * {@code SSL_peek} into {@code dst}, advancing its position by the count returned; the bytes stay to be read.
     *
     * @return the bytes peeked; {@code <= 0} see {@link #getError(int)}
     * @throws NullPointerException if {@code dst} is null
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only, at once: nothing is read (D1, R06.11)
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int peek(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        return guarded(PEEK, null, 0, dst.remaining(), dst);
    }

    /**
     * {@code SSL_pending}: decrypted bytes of the current record not yet read.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int pending() {
        checkAlone();
        return connection.pending();
    }

    /**
     * {@code SSL_has_pending}: whether any bytes, decrypted or not, are held inside this connection.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean hasPending() {
        checkAlone();
        return connection.hasPending();
    }

    /**
     * {@code SSL_get_error}: why the last call on this connection returned {@code ret}. Looks at the oldest
     * error-queue entry first (docs/SEMANTICS.md R15.2).
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public SslError getError(int ret) {
        checkAlone();
        return connection.getError(ret);
    }

    /**
     * {@code SSL_want}: {@link #NOTHING}, {@link #READING}, {@link #WRITING}, ...
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int want() {
        checkAlone();
        return connection.want();
    }

    // ---- shutdown -------------------------------------------------------------------------------------------

    /**
     * {@code SSL_shutdown}: sends close_notify, then waits for the peer's.
     *
     * @return 0 when close_notify was sent, 1 when both were exchanged, {@code < 0} see {@link #getError(int)}
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int shutdown() {
        return guarded(SHUTDOWN, null, 0, 0, null);
    }

    /**
     * {@code SSL_get_shutdown}: {@link #SENT_SHUTDOWN} and {@link #RECEIVED_SHUTDOWN} bits.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int getShutdown() {
        checkAlone();
        return connection.getShutdown();
    }

    /**
     * {@code SSL_set_shutdown}: sets the shutdown bits without sending anything.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setShutdown(int bits) {
        checkOpenAndAlone();
        if ((bits & ~(SENT_SHUTDOWN | RECEIVED_SHUTDOWN)) != 0) {
            throw new IllegalArgumentException("bits: only SENT_SHUTDOWN and RECEIVED_SHUTDOWN, was " + bits);
        }
        connection.setShutdown(bits);
    }

    /**
     * {@code SSL_set_quiet_shutdown}: {@link #shutdown()} then sends nothing and returns 1.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setQuietShutdown(boolean on) {
        checkOpenAndAlone();
        settings.setQuietShutdown(on);
    }

    /**
     * {@code SSL_get_quiet_shutdown}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean getQuietShutdown() {
        checkAlone();
        return settings.getQuietShutdown();
    }

    // ---- modes and options ----------------------------------------------------------------------------------

    /**
     * {@code SSL_set_mode}: adds {@code bits} ({@link SslMode}); returns the new mask.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public long setMode(long bits) {
        checkOpenAndAlone();
        return settings.setMode(bits);
    }

    /**
     * {@code SSL_clear_mode}: removes {@code bits}; returns the new mask.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public long clearMode(long bits) {
        checkOpenAndAlone();
        return settings.clearMode(bits);
    }

    /**
     * {@code SSL_get_mode}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public long getMode() {
        checkAlone();
        return settings.getMode();
    }

    /**
     * {@code SSL_set_options}: adds {@code bits} ({@link SslOptions}); returns the new mask. {@link SslOptions#NO_TICKET}
     * is refused as {@link SslCtx#setOptions} refuses it.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public long setOptions(long bits) {
        checkOpenAndAlone();
        return settings.setOptions(SslCtx.refuseUncontrollable(ctx.engine(), bits));
    }

    /**
     * {@code SSL_clear_options}: removes {@code bits}; returns the new mask.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public long clearOptions(long bits) {
        checkOpenAndAlone();
        return settings.clearOptions(bits);
    }

    /**
     * {@code SSL_get_options}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public long getOptions() {
        checkAlone();
        return settings.getOptions();
    }

    /**
     * {@code SSL_set_read_ahead}.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setReadAhead(boolean on) {
        checkOpenAndAlone();
        settings.setReadAhead(on);
    }

    /**
     * {@code SSL_get_read_ahead}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean getReadAhead() {
        checkAlone();
        return settings.getReadAhead();
    }

    /**
     * {@code SSL_set_max_send_fragment}: the largest plaintext per record sent.
     *
     * @throws IllegalArgumentException if {@code size} is outside 512..16384
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setMaxSendFragment(int size) {
        checkOpenAndAlone();
        settings.setMaxSendFragment(checkFragment(size));
    }

    static int checkFragment(int size) {
        if (size < 512 || size > 16384) {
            throw new IllegalArgumentException("size: max send fragment must be 512..16384, was " + size);
        }
        return size;
    }

    /**
     * {@code SSL_set_min_proto_version} for this connection, before its handshake.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setMinProtoVersion(int version) {
        checkOpenAndAlone();
        settings.setMinProtoVersion(version == 0 ? SslVersion.TLS1_VERSION : SslCtx.checkVersion(version));
    }

    /**
     * {@code SSL_set_max_proto_version} for this connection, before its handshake.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setMaxProtoVersion(int version) {
        checkOpenAndAlone();
        settings.setMaxProtoVersion(version == 0 ? SslVersion.TLS1_3_VERSION : SslCtx.checkVersion(version));
    }

    // ---- names ----------------------------------------------------------------------------------------------

    /**
     * {@code SSL_set_tlsext_host_name}: the server name a client sends (SNI); also checked against the certificate
     * when {@link #set1Host} gave none. Null, as NULL in C, sends no name.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public int setTlsextHostName(String name) {
        checkOpenAndAlone();
        settings.setSniHostName(name);
        return 1;
    }

    /**
     * {@code SSL_set1_host}: the name a client checks the server's certificate against.
     *
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public int set1Host(String name) {
        checkOpenAndAlone();
        settings.setVerifyHostName(Objects.requireNonNull(name, "name"));
        return 1;
    }

    // ---- what was negotiated --------------------------------------------------------------------------------

    /**
     * {@code SSL_get_version}: "TLSv1.3", "TLSv1.2", or "unknown" before the handshake.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public String getVersion() {
        checkAlone();
        return connection.handshakeState().version();
    }

    /**
     * {@code SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))}: OpenSSL's name of the cipher, or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public String getCipherName() {
        checkAlone();
        return connection.handshakeState().cipherName();
    }

    /**
     * {@code SSL_get_peer_certificate}: the peer's leaf certificate, or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public X509Certificate getPeerCertificate() {
        checkAlone();
        List<X509Certificate> chain = connection.handshakeState().peerChain();
        return chain.isEmpty() ? null : chain.get(0);
    }

    /**
     * {@code SSL_get_peer_cert_chain}: the peer's chain, leaf first; empty when there is none.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public List<X509Certificate> getPeerCertChain() {
        checkAlone();
        return connection.handshakeState().peerChain();
    }

    /**
     * {@code SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name)}: on a client the name given to
     * {@link #setTlsextHostName}, on a server the name the client sent (SNI), or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public String getServername() {
        checkAlone();
        return connection.handshakeState().servername();
    }

    /**
     * {@code SSL_get0_alpn_selected}: the negotiated protocol, or null.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public String getAlpnSelected() {
        checkAlone();
        return connection.handshakeState().alpn();
    }

    /**
     * {@code SSL_group_to_name(ssl, SSL_get_negotiated_group(ssl))}: the key-exchange group the handshake
     * negotiated, by OpenSSL's name ({@code "x25519"}, {@code "secp256r1"}, {@code "ffdhe2048"}), or null before the
     * handshake, when none was used (a TLS 1.2 RSA key exchange or resumption), or when the engine cannot tell (it
     * lacks {@link Capability#NEGOTIATED_GROUP}).
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public String getNegotiatedGroup() {
        checkAlone();
        return connection.handshakeState().negotiatedGroup();
    }

    // ---- sessions -------------------------------------------------------------------------------------------

    /**
     * {@code SSL_get1_session}: this connection's session, or null before its handshake began or where the engine
     * cannot tell. A session of a handshake that failed or has not finished is not resumable
     * ({@link SslSession#isResumable()}).
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public SslSession getSession() {
        checkAlone();
        org.libssl4j.internal.HandshakeState hs = connection.handshakeState();
        org.libssl4j.spi.TlsEngine engine = hs.startedEngine();
        org.libssl4j.spi.EngineSession s = engine == null ? null : engine.session();
        if (s == null) {
            return null;
        }
        boolean finished = hs.finished() && !connection.failed();
        return new SslSession(hs.context(), s.handle(), s.id(), hs.version(), hs.cipherName(), getPeerCertificate(),
                s.creationTimeMillis(), s.timeoutSeconds(), finished && s.resumable());
    }

    /**
     * {@code SSL_set_session}: a client offers {@code session} in its next handshake; null offers none. Only a
     * resumable session of a connection of the same context (and settings generation) is offered; another is
     * ignored and the handshake is a full one, as when the server refuses the session. It has no effect once the
     * handshake began.
     *
     * @return 1
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public int setSession(SslSession session) {
        checkOpenAndAlone();
        if (session == null || !session.isResumable()) {
            settings.setResumeSession(null, null);
        } else {
            settings.setResumeSession(session.context(), session.handle());
        }
        return 1;
    }

    /**
     * {@code SSL_set_cipher_list}: this connection's TLS 1.2 suites, an OpenSSL cipher string resolved as
     * {@link SslCtx#setCipherList} does against its context's engine; read when the handshake begins (CIPHER-11).
     *
     * @param list the cipher string
     * @return 1; 0 with "no cipher match" (or "invalid command") on the error queue, the previous choice kept
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public int setCipherList(String list) {
        checkOpenAndAlone();
        List<String> suites = getContext().resolveCipherList(list);
        if (suites == null) {
            return 0;
        }
        settings.setCipherSuites(suites);
        return 1;
    }

    /**
     * {@code SSL_set_ciphersuites}: this connection's TLS 1.3 suites, as {@link SslCtx#setCiphersuites} takes them
     * (CIPHER-11).
     *
     * @param list the suites, colon-separated; empty for none
     * @return 1; 0 with "no cipher match" or "unsupported" on the error queue, the previous choice kept
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public int setCiphersuites(String list) {
        checkOpenAndAlone();
        List<String> suites = getContext().resolveCiphersuites(list);
        if (suites == null) {
            return 0;
        }
        settings.setTls13Suites(suites);
        return 1;
    }

    /**
     * {@code SSL_set_verify}: how this connection checks its peer's certificate ({@link SslVerify} bits), replacing
     * what it took from its context at {@code SSL_new}; the callback replaces the context's unless null (libssl
     * keeps the callback it had then). Read when the handshake begins.
     *
     * @param mode the {@link SslVerify} bits
     * @param callback the verify callback, or null to keep the one in force
     * @throws IllegalArgumentException if {@code mode} has bits libssl does not define
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setVerify(int mode, VerifyCallback callback) {
        checkOpenAndAlone();
        if ((mode & ~0x0F) != 0) {
            throw new IllegalArgumentException("mode: unknown SSL_VERIFY bits 0x" + Integer.toHexString(mode));
        }
        settings.setVerify(mode, callback);
    }

    /**
     * {@code SSL_get_verify_mode}: the mode {@link #setVerify} set, else the context's at {@code SSL_new}.
     *
     * @return the {@link SslVerify} bits
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int getVerifyMode() {
        checkAlone();
        int own = settings.verifyMode();
        return own == org.libssl4j.spi.PeerVerification.CONTEXT_MODE ? inheritedVerifyMode : own;
    }

    /**
     * {@code SSL_set_verify_depth}: the most intermediate CA certificates this connection's peer chain may hold
     * (VERIFY-9's rule, for one connection); negative is libssl's 100.
     *
     * @param depth the depth
     * @throws IllegalStateException if the connection was closed, or is in another thread's call (MISUSE-5, MISUSE-6)
     */
    public void setVerifyDepth(int depth) {
        checkOpenAndAlone();
        settings.setVerifyDepth(depth);
    }

    /**
     * {@code SSL_get_verify_depth}: the depth {@link #setVerifyDepth} set, else the context's at {@code SSL_new}
     * (-1 when none was set).
     *
     * @return the depth
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int getVerifyDepth() {
        checkAlone();
        int own = settings.verifyDepth();
        return own == org.libssl4j.spi.PeerVerification.CONTEXT_DEPTH ? inheritedVerifyDepth : own;
    }

    /**
     * {@code SSL_get_verify_result}: the {@code X509_V_*} code of the peer's certificate check on this connection
     * ({@link SslVerify#errorString(long)} gives its text): 0 ({@code X509_V_OK}) after a good chain and before any
     * check, 10 for an expired certificate, 20 for an untrusted one, 62 for a name mismatch, 22 for a chain longer
     * than the verify depth (VERIFY-8). Recorded also with {@link SslVerify#NONE}, where the handshake goes on.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public long getVerifyResult() {
        checkAlone();
        org.libssl4j.spi.TlsEngine engine = connection.handshakeState().startedEngine();
        return engine == null ? 0 : engine.verifyResult();
    }

    /**
     * {@code SSL_session_reused}: the finished handshake resumed a session rather than making a new one.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean sessionReused() {
        checkAlone();
        return connection.handshakeState().sessionReused();
    }

    /** The name of the engine this connection runs on. */
    public String engineName() {
        return ctx.engine().name();
    }

    // ---- renegotiation and key update -----------------------------------------------------------------------

    /**
     * {@code SSL_renegotiate}: schedules a TLS 1.2 renegotiation.
     *
     * @return 1 if scheduled; 0 with an error-queue entry when it cannot be (TLS 1.3, the option
     *     {@link SslOptions#NO_RENEGOTIATION}, or an engine without {@link Capability#RENEGOTIATION})
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int renegotiate() {
        return guarded(RENEGOTIATE, null, 0, 0, null);
    }

    /**
     * {@code SSL_renegotiate_pending}: a renegotiation this side asked for has not finished yet.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public boolean renegotiatePending() {
        checkAlone();
        return connection.renegotiatePending();
    }

    /**
     * {@code SSL_key_update}: schedules a TLS 1.3 KeyUpdate.
     *
     * @param updateType {@link #KEY_UPDATE_NOT_REQUESTED} or {@link #KEY_UPDATE_REQUESTED}
     * @return 1 if scheduled; 0 with an error-queue entry otherwise
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int keyUpdate(int updateType) {
        return guarded(KEY_UPDATE, null, updateType, 0, null);
    }

    /**
     * {@code SSL_get_key_update_type}: the scheduled update, or {@link #KEY_UPDATE_NONE}.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    public int getKeyUpdateType() {
        checkAlone();
        return connection.getKeyUpdateType();
    }

    /**
     * {@code SSL_free}: frees the engine's resources at once. Idempotent; later handshake, read, write and shutdown
     * calls fail as on a fatal error (CLOSE-1), and a call that changes the connection throws (MISUSE-5). The BIOs
     * are not closed (MISUSE-7). A connection that is never closed has its engine freed by a
     * {@link java.lang.ref.Cleaner} once unreachable.
     *
     * @throws IllegalStateException if the connection is in another thread's call (MISUSE-6)
     */
    @Override
    public void close() {
        enter();
        try {
            closed = true;
            cleanable.clean();
        } finally {
            exit();
        }
    }

    // ---- misuse: a closed connection, two threads at once (docs/MISUSE.md) ------------------------------------

    private static final int CONNECT = 0;
    private static final int ACCEPT = 1;
    private static final int HANDSHAKE = 2;
    private static final int WRITE = 3;
    private static final int READ = 4;
    private static final int PEEK = 5;
    private static final int SHUTDOWN = 6;
    private static final int RENEGOTIATE = 7;
    private static final int KEY_UPDATE = 8;
    private static final String[] CALL_NAMES = {
        "connect", "accept", "doHandshake", "write", "read", "peek", "shutdown", "renegotiate", "keyUpdate",
    };

    /**
     * With assertions enabled for this package ({@code -ea}, as test runners run), a call that succeeds having
     * pushed entries on the thread's error queue throws {@link AssertionError} (docs/SEMANTICS.md QUEUE-1): such an
     * entry would turn a later call's WANT_READ into SSL_ERROR_SSL (R15.2). Off in production.
     */
    private static final boolean CHECK_QUEUE = Ssl.class.desiredAssertionStatus();

    /**
     * The calls that run the state machine, with this connection held by the calling thread for the call's length
     * (MISUSE-6). {@code off} carries the key update type for {@link #KEY_UPDATE}.
     */
    private int guarded(int call, byte[] array, int off, int len, ByteBuffer bb) {
        enter();
        try {
            long pushedBefore = CHECK_QUEUE ? SslErrorQueue.pushed() : 0;
            int r = dispatch(call, array, off, len, bb);
            if (CHECK_QUEUE && succeeded(call, r) && SslErrorQueue.pushed() != pushedBefore) {
                throw new AssertionError("R15.2 QUEUE-1: " + CALL_NAMES[call] + " succeeded (" + r + ") on engine "
                        + engineName() + " but left entries on the thread's error queue, which would poison a later"
                        + " getError: " + SslErrorQueue.snapshot());
            }
            return r;
        } finally {
            exit();
        }
    }

    private int dispatch(int call, byte[] array, int off, int len, ByteBuffer bb) {
        switch (call) {
            case CONNECT:
                return connection.connect();
            case ACCEPT:
                return connection.accept();
            case HANDSHAKE:
                return connection.doHandshake();
            case WRITE:
                return connection.write(array, off, len, bb);
            case READ:
            case PEEK:
                return connection.read(array, off, len, bb, call == PEEK);
            case SHUTDOWN:
                return connection.shutdown();
            case RENEGOTIATE:
                return connection.renegotiate();
            default:
                return connection.keyUpdate(off);
        }
    }

    /** Whether {@code r} is the call's success: 1 for the handshake calls, renegotiate and key update. */
    private static boolean succeeded(int call, int r) {
        switch (call) {
            case WRITE:
            case READ:
            case PEEK:
                return r > 0;
            case SHUTDOWN:
                return r >= 0;
            default:
                return r == 1;
        }
    }

    /**
     * Takes the connection for the calling thread, or throws if another thread holds it. A thread that holds it
     * already (a callback calling back into its connection) takes it again.
     */
    private void enter() {
        Thread me = Thread.currentThread();
        if (user.get() == me) {
            reentered++;
        } else if (!user.compareAndSet(null, me)) {
            throw usedByTwoThreads();
        }
    }

    private void exit() {
        if (reentered > 0) {
            reentered--;
        } else {
            user.set(null);
        }
    }

    /** A call that neither runs the state machine nor changes the connection: only another thread's call is refused. */
    private void checkAlone() {
        Thread holder = user.get();
        if (holder != null && holder != Thread.currentThread()) {
            throw usedByTwoThreads();
        }
    }

    /** A call that changes the connection: refused after {@link #close()} (MISUSE-5) and during another thread's call. */
    private void checkOpenAndAlone() {
        checkAlone();
        if (closed) {
            throw new IllegalStateException("Ssl is closed");
        }
    }

    private IllegalStateException usedByTwoThreads() {
        Thread holder = user.get();
        return new IllegalStateException("Ssl used by two threads at once: " + Thread.currentThread().getName()
                + " called it while " + (holder == null ? "another thread" : holder.getName()) + " was inside a call");
    }

    /** What freeing a connection does, once, by {@link #close()} or by the Cleaner: the engine, then the context's hold. */
    private record Free(Connection connection, SslCtx.Generation contextSettings, Switched switched) implements Runnable {
        @Override
        public void run() {
            connection.close();
            contextSettings.release();
            switched.set(null, null);
        }
    }

    /** The context {@link #setSslCtx} chose, and the settings of it this connection holds. */
    private static final class Switched {
        /** Volatile: read on every record while a message callback may be in force (the context's is looked up). */
        private volatile SslCtx ctx;
        private SslCtx.Generation settings;

        SslCtx ctx() {
            return ctx;
        }

        synchronized SslCtx.Generation settings() {
            return settings;
        }

        void set(SslCtx newCtx, SslCtx.Generation newSettings) {
            SslCtx.Generation old;
            synchronized (this) {
                old = settings;
                ctx = newCtx;
                settings = newSettings;
            }
            if (old != null) {
                old.release();
            }
        }
    }

    /**
     * The application's servername and ALPN select callbacks, as the engine asks for them during a server's
     * handshake. It reaches the {@code Ssl} weakly: the engine holds it, and a strong reference would keep an
     * abandoned connection from its {@link Free}.
     */
    /**
     * Hands the connection's info events and message reports to the callback in force, looked up at each event as libssl does: the
     * connection's own, else its current context's. Holds the {@code Ssl} weakly, like {@link Hooks}, so that the
     * cleaner's state does not keep it alive.
     */
    private static final class Info implements Connection.InfoSink, Connection.MsgSink {
        private final java.lang.ref.WeakReference<Ssl> ssl;
        volatile InfoCallback own;
        volatile MsgCallback ownMsg;

        Info(Ssl ssl) {
            this.ssl = new java.lang.ref.WeakReference<>(ssl);
        }

        @Override
        public void info(int where, int ret) {
            Ssl s = ssl.get();
            if (s == null) {
                return;
            }
            InfoCallback callback = own != null ? own : s.getContext().getInfoCallback();
            if (callback != null) {
                callback.onInfo(s, where, ret);
            }
        }

        @Override
        public boolean active() {
            Ssl s = ssl.get();
            return s != null && (ownMsg != null || s.getContext().getMsgCallback() != null);
        }

        @Override
        public void msg(boolean write, int version, int contentType, byte[] bytes) {
            Ssl s = ssl.get();
            MsgCallback callback = s == null ? null : ownMsg != null ? ownMsg : s.getContext().getMsgCallback();
            if (callback != null) {
                callback.onMsg(s, write, version, contentType, bytes);
            }
        }
    }

    /**
     * Hands the engine's key-log lines to the context's callback in force when each line is written
     * ({@code SSL_CTX_set_keylog_callback}). Holds the {@code Ssl} weakly, like {@link Hooks}: the engine holds it. A
     * callback that throws fails the handshake as a refusing callback does.
     */
    private static final class Keylog implements Connection.KeylogSink {
        private final java.lang.ref.WeakReference<Ssl> ssl;
        private final Connection connection;

        Keylog(Ssl ssl, Connection connection) {
            this.ssl = new java.lang.ref.WeakReference<>(ssl);
            this.connection = connection;
        }

        private KeylogCallback callback(Ssl s) {
            return s == null ? null : s.getContext().getKeylogCallback();
        }

        @Override
        public boolean wanted() {
            return callback(ssl.get()) != null;
        }

        @Override
        public void line(String line) {
            Ssl s = ssl.get();
            KeylogCallback cb = callback(s);
            if (cb == null) {
                return;
            }
            try {
                cb.onKeylog(s, line);
            } catch (RuntimeException e) {
                connection.callbackRefused(SslReason.CALLBACK_FAILED, SslTlsext.AD_INTERNAL_ERROR,
                        "the keylog callback threw " + e, e);
            }
        }
    }

    private static final class Hooks implements org.libssl4j.spi.ServerHooks {
        private final java.lang.ref.WeakReference<Ssl> ssl;
        private final SslCtx own;
        private final SslCtx.Generation ownSettings;
        private final Switched switched;
        private final Connection connection;

        Hooks(Ssl ssl, SslCtx own, SslCtx.Generation ownSettings, Switched switched, Connection connection) {
            this.ssl = new java.lang.ref.WeakReference<>(ssl);
            this.own = own;
            this.ownSettings = ownSettings;
            this.switched = switched;
            this.connection = connection;
        }

        private SslCtx current() {
            SslCtx other = switched.ctx();
            return other != null ? other : own;
        }

        @Override
        public boolean asksServername() {
            return current().servernameCallback() != null || switched.ctx() != null;
        }

        @Override
        public org.libssl4j.spi.EngineContext servername(String hostName) {
            Ssl s = ssl.get();
            ServernameCallback cb = current().servernameCallback();
            if (s != null && cb != null) {
                int[] alert = {SslTlsext.AD_UNRECOGNIZED_NAME};
                int r;
                try {
                    r = cb.servername(s, alert);
                } catch (RuntimeException e) {
                    connection.callbackRefused(SslReason.CALLBACK_FAILED, SslTlsext.AD_UNRECOGNIZED_NAME,
                            "servername callback: " + e, e);
                    return null;
                }
                if (r == SslTlsext.ERR_ALERT_FATAL) {
                    connection.callbackRefused(SslReason.CALLBACK_FAILED, alert[0],
                            "the servername callback refused " + hostName, null);
                    return null;
                }
            }
            try {
                SslCtx.Generation chosen = switched.settings();
                return (chosen != null ? chosen : ownSettings).context();
            } catch (org.libssl4j.spi.EngineException e) {
                connection.callbackRefused(e.reason(), SslTlsext.AD_INTERNAL_ERROR, e.detail(), e);
                return null;
            }
        }

        @Override
        public boolean selectsAlpn() {
            return current().alpnSelectCallback() != null;
        }

        @Override
        public String selectAlpn(List<String> offered) {
            Ssl s = ssl.get();
            AlpnSelectCallback cb = current().alpnSelectCallback();
            if (s == null || cb == null) {
                return "";
            }
            String[] out = new String[1];
            int r;
            try {
                r = cb.select(s, out, List.copyOf(offered));
            } catch (RuntimeException e) {
                connection.callbackRefused(SslReason.CALLBACK_FAILED, SslTlsext.AD_NO_APPLICATION_PROTOCOL,
                        "ALPN select callback: " + e, e);
                return null;
            }
            if (r == SslTlsext.ERR_OK && out[0] != null && !out[0].isEmpty()) {
                return out[0];
            }
            if (r == SslTlsext.ERR_ALERT_FATAL) {
                connection.callbackRefused(SslReason.NO_APPLICATION_PROTOCOL, SslTlsext.AD_NO_APPLICATION_PROTOCOL, null, null);
                return null;
            }
            return ""; // NOACK, or OK with no protocol: no ALPN in the answer
        }
    }
}
