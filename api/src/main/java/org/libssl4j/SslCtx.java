package org.libssl4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.libssl4j.internal.Pem;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;

/**
 * A TLS context, as OpenSSL's {@code SSL_CTX}: the settings that connections made with {@link #newSsl()} start
 * from, on one engine.
 *
 * <p>Defaults differ from OpenSSL's on purpose where safety asks for it (README, D2): a client context verifies
 * the peer's certificate and host name ({@link SslVerify#PEER}), and TLS 1.2 is the lowest version allowed.
 * {@link #setVerify(int, VerifyCallback) setVerify(SslVerify.NONE, null)} turns verification off.
 *
 * <p>Threads (docs/THREADS.md): a context may be shared by any number of threads making connections with
 * {@link #newSsl()}, and its setters may run on one thread while others make connections: each connection copies
 * the settings of one moment, every earlier setter call complete and no later one begun, and keeps them whatever
 * the context does afterwards.
 */
public final class SslCtx implements AutoCloseable {
    /** {@code SSL_SESS_CACHE_OFF}: no side keeps sessions in the internal cache. */
    public static final int SESS_CACHE_OFF = 0x0;
    /** {@code SSL_SESS_CACHE_CLIENT}. */
    public static final int SESS_CACHE_CLIENT = 0x1;
    /** {@code SSL_SESS_CACHE_SERVER}: the default. */
    public static final int SESS_CACHE_SERVER = 0x2;
    /** {@code SSL_SESS_CACHE_BOTH}. */
    public static final int SESS_CACHE_BOTH = SESS_CACHE_CLIENT | SESS_CACHE_SERVER;
    /** {@code SSL_SESS_CACHE_NO_AUTO_CLEAR}: kept for ported code; expired sessions leave the cache on their own. */
    public static final int SESS_CACHE_NO_AUTO_CLEAR = 0x80;
    /** {@code SSL_SESS_CACHE_NO_INTERNAL_LOOKUP}. */
    public static final int SESS_CACHE_NO_INTERNAL_LOOKUP = 0x100;
    /** {@code SSL_SESS_CACHE_NO_INTERNAL_STORE}. */
    public static final int SESS_CACHE_NO_INTERNAL_STORE = 0x200;
    /** {@code SSL_SESS_CACHE_NO_INTERNAL}. */
    public static final int SESS_CACHE_NO_INTERNAL = SESS_CACHE_NO_INTERNAL_LOOKUP | SESS_CACHE_NO_INTERNAL_STORE;

    /** {@code SSL_FILETYPE_PEM}. */
    public static final int FILETYPE_PEM = 1;
    /** {@code SSL_FILETYPE_ASN1} (DER). */
    public static final int FILETYPE_ASN1 = 2;

    private final SslMethod method;
    private final Engine engine;
    private long mode = SslMode.AUTO_RETRY;
    private volatile InfoCallback infoCallback;
    private int sessionCacheMode = SESS_CACHE_SERVER;
    private volatile MsgCallback msgCallback;
    private volatile KeylogCallback keylogCallback;
    private long options = SslOptions.NO_COMPRESSION | SslOptions.ENABLE_MIDDLEBOX_COMPAT; // SSL_CTX_new's (OPT-1)
    private int minVersion = SslVersion.TLS1_2_VERSION;
    private int maxVersion = SslVersion.TLS1_3_VERSION;
    private int verifyMode;
    /** Whether {@link #setVerify} was called; until then a TLS context's server connections ask for no certificate. */
    private boolean verifySet;
    private VerifyCallback verifyCallback;
    private volatile ServernameCallback servernameCallback;
    private volatile AlpnSelectCallback alpnSelectCallback;
    private boolean checkHostName = true;
    /** {@code SSL_CTX_set_verify_depth}; -1 for libssl's default (100). */
    private int verifyDepth = -1;
    private final List<X509Certificate> chain = new ArrayList<>();
    private PasswordCallback passwordCallback;
    private PrivateKey privateKey;
    private final List<X509Certificate> trusted = new ArrayList<>();
    /** Hashed directories of {@link #loadVerifyLocations(Path, Path)}, read when a generation of settings is made. */
    private final List<Path> trustedDirs = new ArrayList<>();
    private final List<String> cipherSuites = new ArrayList<>();

    /**
     * The cipher string a context's TLS 1.2 suites start from until {@link #setCipherList} is called: libssl's
     * {@code DEFAULT} without RSA key exchange and without CBC suites (their MAC is SHA-1, SHA-256 or SHA-384; the AEAD
     * suites' is AEAD), so a context offers only forward-secret AEAD suites unless asked for more (docs/SEMANTICS.md
     * D6). {@code setCipherList("DEFAULT")} gives libssl's own default.
     */
    public static final String SECURE_DEFAULT_CIPHER_LIST = "DEFAULT:!kRSA:!SHA1:!SHA256:!SHA384";
    private static final java.util.Map<Engine, List<String>> SECURE_DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> tls13CipherSuites = new ArrayList<>();
    /** {@code SSL_CTX_set_ciphersuites("")}: no TLS 1.3 suite at all (CIPHER-9). */
    private boolean noTls13Suites;
    private final List<String> alpn = new ArrayList<>();
    private List<String> groups = List.of();
    private List<String> sigalgs = List.of();
    private boolean readAhead;
    private int maxSendFragment = 16384;
    private boolean quietShutdown;
    private long sessionCacheSize = SESSION_CACHE_MAX_SIZE_DEFAULT;
    private long sessionTimeout = DEFAULT_SESSION_TIMEOUT;

    /** The settings new connections copy now, with their engine context; replaced when a setting changes. */
    private Generation current;
    private boolean closed;

    private SslCtx(SslMethod method, Engine engine) {
        this.method = Objects.requireNonNull(method, "method");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.verifyMode = method == SslMethod.TLS_SERVER ? SslVerify.NONE : SslVerify.PEER;
    }

    /**
     * {@code SSL_CTX_new(method)} on the default engine ({@link Engines#getDefault()}).
     *
     * @throws IllegalStateException if no engine is available
     */
    public static SslCtx newCtx(SslMethod method) {
        return new SslCtx(method, Engines.getDefault());
    }

    /**
     * {@code SSL_CTX_new(method)} on the engine named {@code engine} ("jdk", "bc", "conscrypt").
     *
     * @throws IllegalArgumentException if there is no such engine or it is unavailable
     */
    public static SslCtx newCtx(SslMethod method, String engine) {
        return new SslCtx(method, Engines.get(engine));
    }

    /** {@code SSL_CTX_new(method)} on {@code engine}. */
    public static SslCtx newCtx(SslMethod method, Engine engine) {
        return new SslCtx(method, engine);
    }

    /**
     * {@code SSL_new}: a connection that starts from this context's settings.
     *
     * @throws IllegalStateException if this context was closed
     */
    public Ssl newSsl() {
        Generation settings;
        Ssl.Inherited copied;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("SslCtx is closed");
            }
            settings = current();
            settings.hold();
            // Copied under the same lock as the settings generation: a setter racing with newSsl() on another thread
            // must reach both or neither (THREAD-2), never the engine's copy without the connection's.
            copied = inherited();
        }
        return new Ssl(this, settings, copied);
    }

    /** The method this context was made for. */
    public SslMethod method() {
        return method;
    }

    /** The engine this context runs on. */
    public Engine engine() {
        return engine;
    }

    // ---- modes and options ----------------------------------------------------------------------------------

    /** {@code SSL_CTX_set_mode}: adds {@code bits} ({@link SslMode}); returns the new mask. Existing connections keep theirs. */
    public synchronized long setMode(long bits) {
        mode |= bits;
        return mode;
    }

    /** {@code SSL_CTX_clear_mode}: removes {@code bits}; returns the new mask. */
    public synchronized long clearMode(long bits) {
        mode &= ~bits;
        return mode;
    }

    /** {@code SSL_CTX_get_mode}. The default is {@link SslMode#AUTO_RETRY}. */
    public synchronized long getMode() {
        return mode;
    }

    /**
     * {@code SSL_CTX_set_options}: adds {@code bits} ({@link SslOptions}); returns the new mask. On an engine without
     * {@link Capability#TICKET_CONTROL}, {@link SslOptions#NO_TICKET} is refused: it is left out of the mask, with
     * an error-queue entry "unsupported" (docs/SEMANTICS.md SESS-6).
     */
    public synchronized long setOptions(long bits) {
        options |= refuseUncontrollable(engine, bits);
        invalidate();
        return options;
    }

    /** {@code bits} less {@link SslOptions#NO_TICKET} where {@code engine} cannot honour it, which is then queued as "unsupported". */
    static long refuseUncontrollable(Engine engine, long bits) {
        if ((bits & SslOptions.NO_TICKET) != 0 && !engine.has(Capability.TICKET_CONTROL)) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED,
                    "the engine cannot turn session tickets off per context (SSL_OP_NO_TICKET)");
            return bits & ~SslOptions.NO_TICKET;
        }
        return bits;
    }

    /** {@code SSL_CTX_clear_options}: removes {@code bits}; returns the new mask. */
    public synchronized long clearOptions(long bits) {
        options &= ~bits;
        invalidate();
        return options;
    }

    /** {@code SSL_CTX_get_options}. */
    public synchronized long getOptions() {
        return options;
    }

    /** {@code SSL_CTX_set_read_ahead}: whether connections read as many bytes as the transport has. */
    public synchronized void setReadAhead(boolean on) {
        readAhead = on;
    }

    /** {@code SSL_CTX_get_read_ahead}. */
    public synchronized boolean getReadAhead() {
        return readAhead;
    }

    /**
     * {@code SSL_CTX_set_max_send_fragment}: the largest plaintext per record.
     *
     * @throws IllegalArgumentException if {@code size} is outside 512..16384
     */
    public synchronized void setMaxSendFragment(int size) {
        maxSendFragment = Ssl.checkFragment(size);
    }

    /** {@code SSL_CTX_get_max_send_fragment}. */
    public synchronized int getMaxSendFragment() {
        return maxSendFragment;
    }

    /** {@code SSL_SESSION_CACHE_MAX_SIZE_DEFAULT}: the sessions a context's cache holds unless told otherwise. */
    public static final long SESSION_CACHE_MAX_SIZE_DEFAULT = 20 * 1024;

    /** libssl's default session timeout for TLS ({@code tls1_default_timeout}), in seconds: two hours. */
    public static final long DEFAULT_SESSION_TIMEOUT = 2 * 60 * 60;

    /**
     * {@code SSL_CTX_sess_set_cache_size}: the most sessions the context's cache keeps (the engine's session cache,
     * server and client side); 0 means no limit. A server that makes many connections bounds its memory with it:
     * every engine keeps a few KB per cached session. New connections see the change.
     *
     * @return the previous size
     * @throws IllegalArgumentException if {@code size} is negative or above {@code Integer.MAX_VALUE}
     */
    public synchronized long sessSetCacheSize(long size) {
        long previous = sessionCacheSize;
        sessionCacheSize = sessionLimit(size, "session cache size");
        invalidate();
        return previous;
    }

    /** A session cache setting as the engines take it: 0 (no limit) to {@code Integer.MAX_VALUE}. */
    private static long sessionLimit(long value, String what) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be 0 (no limit) to " + Integer.MAX_VALUE + ": " + value);
        }
        return value;
    }

    /**
     * {@code SSL_CTX_set_session_cache_mode}: which sides keep sessions in the context's internal cache
     * ({@link #SESS_CACHE_SERVER} by default). A server without {@link #SESS_CACHE_SERVER}, or with
     * {@link #SESS_CACHE_NO_INTERNAL_STORE} or {@link #SESS_CACHE_NO_INTERNAL_LOOKUP}, resumes no session by its id;
     * tickets, which carry the session, still resume (SESS-7). The client bit changes nothing here, as in libssl,
     * whose client never looks sessions up in its cache ({@link Ssl#setSession} offers one). Connections made after
     * the call take it.
     *
     * @param mode {@code SESS_CACHE_*} bits
     * @return the previous mode
     * @throws IllegalArgumentException for bits libssl does not define
     */
    public synchronized int setSessionCacheMode(int mode) {
        if ((mode & ~(SESS_CACHE_BOTH | SESS_CACHE_NO_AUTO_CLEAR | SESS_CACHE_NO_INTERNAL)) != 0) {
            throw new IllegalArgumentException("mode: unknown SSL_SESS_CACHE bits 0x" + Integer.toHexString(mode));
        }
        int previous = sessionCacheMode;
        sessionCacheMode = mode;
        invalidate();
        return previous;
    }

    /**
     * {@code SSL_CTX_get_session_cache_mode}.
     *
     * @return the {@code SESS_CACHE_*} bits
     */
    public synchronized int getSessionCacheMode() {
        return sessionCacheMode;
    }

    private boolean serverSessionCache() {
        return (sessionCacheMode & SESS_CACHE_SERVER) != 0 && (sessionCacheMode & SESS_CACHE_NO_INTERNAL) == 0;
    }

    /** {@code SSL_CTX_sess_get_cache_size}. */
    public synchronized long sessGetCacheSize() {
        return sessionCacheSize;
    }

    /**
     * {@code SSL_CTX_set_timeout}: how long, in seconds, a cached session may be resumed; 0 means no limit (the
     * engines' meaning). New connections see the change.
     *
     * @return the previous timeout
     * @throws IllegalArgumentException if {@code seconds} is negative or above {@code Integer.MAX_VALUE}
     */
    public synchronized long setTimeout(long seconds) {
        long previous = sessionTimeout;
        sessionTimeout = sessionLimit(seconds, "session timeout in seconds");
        invalidate();
        return previous;
    }

    /** {@code SSL_CTX_get_timeout}. */
    public synchronized long getTimeout() {
        return sessionTimeout;
    }

    /**
     * {@code SSL_CTX_get_ciphers}: the cipher suites this context's connections offer, OpenSSL's names in
     * preference order (TLS 1.3 suites first), as the engine resolves the context's settings: its defaults, or what
     * {@link #setCipherList} and {@link #setCiphersuites} chose, within the versions allowed. A suite OpenSSL has no
     * name for keeps its IANA name.
     *
     * @return the names; empty where the engine cannot tell, or on failure (then with an error-queue entry)
     */
    public List<String> getCiphers() {
        try {
            List<String> names = new ArrayList<>();
            for (String iana : askEngine(EngineContext::cipherSuites)) {
                names.add(org.libssl4j.internal.CipherNames.toOpenSsl(iana));
            }
            return names;
        } catch (org.libssl4j.spi.EngineException e) {
            SslErrorQueue.push(new SslErrorEntry(e.library(), e.reason(), null, e.detail(), e));
            return List.of();
        }
    }

    /**
     * {@code SSL_CTX_get_ciphers} as {@link SslCipher}s: the suites this context's connections offer, in preference
     * order (TLS 1.3 suites first), each with OpenSSL's and the IANA name, version, bits, key exchange,
     * authentication, encryption, MAC and {@code SSL_CIPHER_description} (what {@code openssl ciphers -v} prints).
     * A suite OpenSSL 3.0 does not know is left out; {@link #getCiphers} names it.
     *
     * @return the suites; empty where the engine cannot tell, or on failure (then with an error-queue entry)
     */
    public List<SslCipher> getCipherList() {
        List<SslCipher> out = new ArrayList<>();
        for (String name : getCiphers()) {
            SslCipher c = SslCipher.of(name);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code SSL_CTX_sess_number}: the sessions the context's caches hold now (a server's for the clients it
     * served, a client's for the servers it may resume with), or -1 where the engine cannot count them.
     */
    public synchronized long sessNumber() {
        return current == null ? 0 : current.sessionCount();
    }

    /** {@code SSL_CTX_set_quiet_shutdown}: connections' {@code shutdown} then sends nothing. */
    public synchronized void setQuietShutdown(boolean on) {
        quietShutdown = on;
    }

    /** {@code SSL_CTX_get_quiet_shutdown}. */
    public synchronized boolean getQuietShutdown() {
        return quietShutdown;
    }

    // ---- versions -------------------------------------------------------------------------------------------

    /**
     * {@code SSL_CTX_set_min_proto_version}; 0 means the lowest this library allows (TLS 1.2 unless lowered).
     *
     * @throws IllegalArgumentException if {@code version} is not 0 or a TLS version
     */
    public synchronized void setMinProtoVersion(int version) {
        minVersion = version == 0 ? SslVersion.TLS1_VERSION : checkVersion(version);
        invalidate();
    }

    /** {@code SSL_CTX_set_max_proto_version}; 0 means the highest (TLS 1.3). */
    public synchronized void setMaxProtoVersion(int version) {
        maxVersion = version == 0 ? SslVersion.TLS1_3_VERSION : checkVersion(version);
        invalidate();
    }

    /** {@code SSL_CTX_get_min_proto_version}. */
    public synchronized int getMinProtoVersion() {
        return minVersion;
    }

    /** {@code SSL_CTX_get_max_proto_version}. */
    public synchronized int getMaxProtoVersion() {
        return maxVersion;
    }

    static int checkVersion(int version) {
        if (version < SslVersion.TLS1_VERSION || version > SslVersion.TLS1_3_VERSION) {
            throw new IllegalArgumentException("version: not a TLS version: 0x" + Integer.toHexString(version));
        }
        return version;
    }

    // ---- verification ---------------------------------------------------------------------------------------

    /**
     * {@code SSL_CTX_set_verify}: how the peer's certificate is checked ({@link SslVerify} bits) and the
     * callback that may overturn the verdict (or null).
     */
    public synchronized void setVerify(int mode, VerifyCallback callback) {
        if ((mode & ~0x0F) != 0) {
            throw new IllegalArgumentException("mode: unknown SSL_VERIFY bits 0x" + Integer.toHexString(mode));
        }
        verifyMode = mode;
        verifyCallback = callback;
        verifySet = true;
        invalidate();
    }

    /**
     * {@code SSL_CTX_get_verify_mode}. A {@code TLS_CLIENT} context starts with {@link SslVerify#PEER} (README D2), a
     * {@code TLS_SERVER} context with {@link SslVerify#NONE}. A {@code TLS} context reports {@code PEER}: its client
     * connections verify the server, while its server connections ask for no client certificate until
     * {@link #setVerify} says otherwise.
     */
    public synchronized int getVerifyMode() {
        return verifyMode;
    }

    /**
     * Whether a verifying client checks the server's certificate against the host name given by
     * {@link Ssl#set1Host(String)} or {@link Ssl#setTlsextHostName(String)}. On by default (D2); with it on and
     * no name given, the handshake fails rather than accept any name.
     */
    public synchronized void setHostNameCheck(boolean on) {
        checkHostName = on;
        invalidate();
    }

    /** Whether host names are checked (see {@link #setHostNameCheck(boolean)}). */
    public synchronized boolean getHostNameCheck() {
        return checkHostName;
    }

    /**
     * {@code SSL_CTX_set_verify_depth}: the most intermediate CA certificates a peer's chain may hold between its own
     * certificate and the trust anchor; a longer chain fails verification with error 22, "certificate chain too
     * long" (VERIFY-8), as {@code openssl verify -verify_depth} draws the line. Negative (the default, -1) is
     * libssl's 100. Connections made after the call take it.
     */
    public synchronized void setVerifyDepth(int depth) {
        verifyDepth = depth;
        invalidate();
    }

    /** {@code SSL_CTX_get_verify_depth}: the depth set, -1 when none was. */
    public synchronized int getVerifyDepth() {
        return verifyDepth;
    }

    /** {@code X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), cert)}: trusts {@code cert} as an anchor. */
    public synchronized void addTrustedCertificate(X509Certificate cert) {
        trusted.add(Objects.requireNonNull(cert, "cert"));
        invalidate();
    }

    /**
     * {@code SSL_CTX_load_verify_locations(ctx, caFile, NULL)}: trusts every certificate in a PEM file.
     *
     * @return 1 on success, 0 with an error-queue entry when the file cannot be read or holds no certificate
     */
    public int loadVerifyLocations(Path caFile) {
        Objects.requireNonNull(caFile, "caFile");
        return loadVerifyLocations(caFile, null);
    }

    /**
     * {@code SSL_CTX_load_verify_locations(ctx, caFile, caPath)}: trusts every certificate in the PEM file
     * {@code caFile} and in the hashed directory {@code caPath} (as {@code openssl rehash} or {@code c_rehash}
     * makes it: files named {@code HHHHHHHH.N}, the subject's hash in hex and a sequence number). Either may be null,
     * not both. The directory is not read now but when the next connection is made ({@link #newSsl()} after this
     * call or after a later change of the context's settings), and a directory that does not exist or cannot be read
     * is not an error, as with libssl's {@code by_dir} lookup (VERIFY-7). libssl opens, during each verification, only
     * the files named by the hash of the issuer it looks for; here every file so named is read, whatever its hash.
     *
     * @return 1 on success; 0 with no queue entry when both are null (as libssl); 0 with system "No such file or
     *     directory", X509 "no certificate or crl found" (136) or PEM's reason then X509 "PEM lib" when the file
     *     cannot be used (KEY-5)
     */
    public int loadVerifyLocations(Path caFile, Path caPath) {
        if (caFile == null && caPath == null) {
            return 0;
        }
        if (caFile == null) {
            synchronized (this) {
                trustedDirs.add(caPath);
                invalidate();
            }
            return 1;
        }
        try {
            List<X509Certificate> certs = readCertificates(caFile);
            synchronized (this) {
                trusted.addAll(certs);
                if (caPath != null) {
                    trustedDirs.add(caPath);
                }
                invalidate();
            }
            return 1;
        } catch (IOException e) {
            pushFileError(caFile, e);
            return 0;
        } catch (Pem.PemException e) {
            // X509_load_cert_crl_file: a file without a certificate is X509's own reason; a broken one is PEM's, then "PEM lib"
            if (e.reason() == Pem.NO_START_LINE) {
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, 136, "no certificate or crl found", caFile.toString(), null));
            } else {
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PEM, e.reason(), e.reasonString(), caFile + ": " + e.getMessage(), e));
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, SslReason.PEM_LIB, "PEM lib", caFile.toString(), null));
            }
            return 0;
        } catch (CertificateException e) {
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, SslReason.PEM_LIB, "PEM lib", caFile + ": " + e.getMessage(), e));
            return 0;
        }
    }

    /** {@code SSL_CTX_set_default_verify_paths}: trusts the JDK's default anchors (its {@code cacerts}). */
    public int setDefaultVerifyPaths() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            List<X509Certificate> anchors = new ArrayList<>();
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    anchors.addAll(List.of(((X509TrustManager) tm).getAcceptedIssuers()));
                }
            }
            synchronized (this) {
                trusted.addAll(anchors);
                invalidate();
            }
            return 1;
        } catch (Exception e) {
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, 0, "default verify paths", e.toString(), e));
            return 0;
        }
    }

    // ---- own certificate ------------------------------------------------------------------------------------

    /**
     * {@code SSL_CTX_use_certificate}: this side's certificate (the chain's leaf). Returns 1. As libssl's
     * {@code ssl_set_cert} does, a private key set before that does not match the certificate is dropped silently
     * ({@link #checkPrivateKey()} then says "no private key assigned"), and when there is a key the thread's error
     * queue is cleared (KEY-4).
     */
    public synchronized int useCertificate(X509Certificate cert) {
        Objects.requireNonNull(cert, "cert");
        setLeaf(cert);
        invalidate();
        return 1;
    }

    /** {@code ssl_set_cert}: the leaf, dropping a key it does not match. */
    private void setLeaf(X509Certificate cert) {
        if (privateKey != null) {
            if (!checkPair(cert, privateKey)) {
                privateKey = null;
            }
            SslErrorQueue.clear(); // ERR_clear_error(), whether the key matched or not
        }
        if (chain.isEmpty()) {
            chain.add(cert);
        } else {
            chain.set(0, cert);
        }
    }

    /** {@code SSL_CTX_add1_chain_cert}: appends an intermediate to this side's chain. Returns 1. */
    public synchronized int add1ChainCert(X509Certificate cert) {
        Objects.requireNonNull(cert, "cert");
        if (chain.isEmpty()) {
            throw new IllegalStateException("useCertificate must come before add1ChainCert");
        }
        chain.add(cert);
        invalidate();
        return 1;
    }

    /**
     * {@code SSL_CTX_use_PrivateKey}: this side's private key.
     *
     * @return 1; 0 when there is a certificate and the key is not its key: X509 "key values mismatch" (116), or
     *     "key type mismatch" (115) for a key of another type, where libssl would keep it for a certificate of its
     *     type (D3); the key set before stays (KEY-3)
     */
    public synchronized int usePrivateKey(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (!chain.isEmpty() && !checkPair(chain.get(0), key)) {
            return 0;
        }
        privateKey = key;
        invalidate();
        return 1;
    }

    /**
     * {@code SSL_CTX_check_private_key}: whether the private key belongs to the certificate.
     *
     * @return 1 if it does; 0 with SSL "no certificate assigned" (177) or "no private key assigned" (190) when one
     *     of them is missing, X509 "key values mismatch" (116) or "key type mismatch" (115) when they do not match
     */
    public synchronized int checkPrivateKey() {
        if (chain.isEmpty()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.NO_CERTIFICATE_ASSIGNED, null);
            return 0;
        }
        if (privateKey == null) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.NO_PRIVATE_KEY_ASSIGNED, null);
            return 0;
        }
        return checkPair(chain.get(0), privateKey) ? 1 : 0;
    }

    /** {@code X509_check_private_key}: true, or false with X509's entry saying why. */
    private static boolean checkPair(X509Certificate cert, PrivateKey key) {
        switch (Pem.matches(cert.getPublicKey(), key)) {
            case MATCH:
                return true;
            case TYPE_MISMATCH:
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, 115, "key type mismatch",
                        cert.getPublicKey().getAlgorithm() + " certificate, " + key.getAlgorithm() + " key", null));
                return false;
            default:
                SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_X509, 116, "key values mismatch",
                        "the key is not the certificate's", null));
                return false;
        }
    }

    /**
     * {@code SSL_CTX_use_certificate_chain_file}: the leaf and its chain from a PEM file.
     *
     * @return 1 on success, 0 with an error-queue entry otherwise
     */
    public int useCertificateChainFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            List<X509Certificate> certs = readCertificates(file);
            synchronized (this) {
                chain.clear();
                setLeaf(certs.get(0));
                chain.addAll(certs.subList(1, certs.size()));
                invalidate();
            }
            return 1;
        } catch (IOException e) {
            pushFileError(file, e);
            return 0;
        } catch (Pem.PemException e) {
            // PEM_read_bio_X509_AUX's reason, then SSL_R "PEM lib" (KEY-5)
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PEM, e.reason(), e.reasonString(), file + ": " + e.getMessage(), e));
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file.toString(), null));
            return 0;
        } catch (CertificateException e) {
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file + ": " + e.getMessage(), e));
            return 0;
        }
    }

    /**
     * {@code SSL_CTX_set_default_passwd_cb}: what gives the password of an encrypted private key that
     * {@link #usePrivateKeyFile} reads; null (the default) for none, and then an encrypted key fails to load
     * (OpenSSL would prompt on the terminal; a library does not).
     */
    public synchronized void setDefaultPasswdCb(PasswordCallback callback) {
        this.passwordCallback = callback;
    }

    /** {@code SSL_CTX_get_default_passwd_cb}: the password callback, or null. */
    public synchronized PasswordCallback getDefaultPasswdCb() {
        return passwordCallback;
    }

    /**
     * {@code SSL_CTX_use_PrivateKey_file}: the private key from a PEM or DER file: PKCS#8, encrypted PKCS#8
     * ({@code openssl pkcs8 -topk8 -v2 aes-256-cbc}), traditional RSA and EC ("BEGIN RSA PRIVATE KEY", "BEGIN EC
     * PRIVATE KEY", as {@code openssl rsa -traditional} and {@code openssl ec} write them), those encrypted with
     * {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info} ({@code -aes256}, {@code -des3}), and, as DER, PKCS#8,
     * PKCS#1 and SEC1 keys. An encrypted key is decrypted with the password of {@link #setDefaultPasswdCb}. As in
     * OpenSSL, a key that does not decrypt leaves the cause, then SSL "PEM lib": provider "bad decrypt" for a wrong
     * password (a traditional key adds PEM "bad decrypt", 101), PEM "bad password read" when there is none or the
     * callback throws (KEY-2, KEY-6, KEY-8). Never throws for bad input: a missing file, a malformed one, a key that
     * is not the certificate's (KEY-3) return 0 with error-queue entries.
     *
     * @param type {@link #FILETYPE_PEM} or {@link #FILETYPE_ASN1}
     * @return 1 on success, 0 with error-queue entries otherwise
     */
    public int usePrivateKeyFile(Path file, int type) {
        Objects.requireNonNull(file, "file");
        if (type != FILETYPE_PEM && type != FILETYPE_ASN1) {
            throw new IllegalArgumentException("type: must be FILETYPE_PEM or FILETYPE_ASN1, was " + type);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            pushFileError(file, e);
            return 0;
        }
        PrivateKey key;
        if (type == FILETYPE_ASN1) {
            if (Pem.isEncrypted(bytes)) {
                key = decrypt(file, bytes);
                if (key == null) {
                    return 0;
                }
            } else {
                try {
                    key = Pem.privateKey(bytes);
                } catch (RuntimeException e) {
                    // OpenSSL 3.0's decoders find no key in it: DECODER "unsupported", then SSL "ASN1 lib" (KEY-7)
                    SslErrorQueue.push(new SslErrorEntry(LIB_DECODER, SslReason.UNSUPPORTED, "unsupported",
                            file + ": No supported data to decode. Input type: DER (" + e.getMessage() + ")", e));
                    SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.ASN1_LIB, null, file.toString(), null));
                    return 0;
                }
            }
            return usePrivateKey(key);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            if (Pem.isEncrypted(text)) {
                key = decrypt(file, Pem.encryptedBlock(text));
            } else {
                Pem.KeyBlock block = Pem.keyBlock(text);
                key = block.encrypted() ? decryptTraditional(file, block) : Pem.privateKey(block.label(), block.der());
            }
        } catch (Pem.PemException | RuntimeException e) {
            // OpenSSL 3.0's decoders find no key in it: DECODER "unsupported", then SSL "PEM lib" (KEY-5)
            SslErrorQueue.push(new SslErrorEntry(LIB_DECODER, SslReason.UNSUPPORTED, "unsupported",
                    file + ": No supported data to decode. Input type: PEM (" + e.getMessage() + ")", e));
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file.toString(), null));
            return 0;
        }
        return key == null ? 0 : usePrivateKey(key);
    }

    /** A file that cannot be read: system "No such file or directory" (errno 2), as {@code fopen} fails in libssl. */
    private static void pushFileError(Path file, Exception e) {
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SYS, 2, "No such file or directory",
                "calling fopen(" + file + ", r): " + e.getMessage(), e));
    }

    /**
     * The password from the callback; null, with PEM "bad password read" then SSL "PEM lib" on the queue, when
     * there is no callback, it gives none, or it throws (KEY-8).
     */
    private char[] password(Path file) {
        PasswordCallback cb = getDefaultPasswdCb();
        char[] password = null;
        String why;
        Throwable cause = null;
        if (cb == null) {
            why = "an encrypted key and no password callback";
        } else {
            try {
                password = cb.password(false);
                why = "an encrypted key and no password";
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                cause = e;
                why = "the password callback threw " + e;
            }
        }
        if (password != null && password.length > 0) {
            return password;
        }
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PEM, 104, "bad password read", file + ": " + why, cause));
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file.toString(), null));
        return null;
    }

    /** The encrypted PKCS#8 key decrypted with the callback's password; null, with the queue entries, if it cannot be. */
    private PrivateKey decrypt(Path file, byte[] der) {
        char[] password = password(file);
        if (password == null) {
            return null;
        }
        try {
            return Pem.decrypt(der, password);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PROV, 100, "bad decrypt",
                    file + ": maybe wrong password (" + e.getMessage() + ")", e));
            SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file.toString(), null));
            return null;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * A traditional key with {@code Proc-Type: 4,ENCRYPTED}, decrypted as {@code PEM_do_header} does; null, with
     * libssl's three entries for a wrong password (provider "bad decrypt", PEM "bad decrypt", SSL "PEM lib").
     */
    private PrivateKey decryptTraditional(Path file, Pem.KeyBlock block) {
        char[] password = password(file);
        if (password == null) {
            return null;
        }
        try {
            byte[] der;
            try {
                der = Pem.decryptTraditional(block, password); // a malformed DEK-Info throws to the caller: undecodable
            } catch (java.security.GeneralSecurityException e) {
                return badDecrypt(file, e);
            }
            try {
                return Pem.privateKey(block.label(), der);
            } catch (IllegalArgumentException e) {
                return badDecrypt(file, e); // the padding happened to hold, the key did not
            }
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static PrivateKey badDecrypt(Path file, Exception e) {
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PROV, 100, "bad decrypt",
                file + ": maybe wrong password (" + e.getMessage() + ")", e));
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_PEM, 101, "bad decrypt", file.toString(), null));
        SslErrorQueue.push(new SslErrorEntry(SslErrorEntry.LIB_SSL, SslReason.PEM_LIB, null, file.toString(), null));
        return null;
    }

    /** {@code ERR_LIB_OSSL_DECODER} (60): OpenSSL 3.0's key decoders. */
    private static final int LIB_DECODER = 60;

    /** A hashed directory's name: the subject hash in hex, '.', a sequence number ({@code openssl rehash}). */
    private static final java.util.regex.Pattern HASHED = java.util.regex.Pattern.compile("[0-9a-f]{8}\\.[0-9]+");

    /** The certificates of the hashed directories, as {@code by_dir} would find them; unreadable entries are skipped. */
    private static List<X509Certificate> readDirs(List<Path> dirs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files = new ArrayList<>();
            try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                s.filter(f -> HASHED.matcher(f.getFileName().toString()).matches()).sorted().forEach(files::add);
            } catch (IOException | RuntimeException e) {
                continue; // by_dir: a directory that cannot be read finds nothing
            }
            for (Path f : files) {
                try {
                    out.addAll(readCertificates(f));
                } catch (IOException | CertificateException | Pem.PemException | RuntimeException e) {
                    // by_dir: a file that does not load finds nothing
                }
            }
        }
        return out;
    }

    /** The certificates of a PEM file, at least one; a file without any, or a broken block, is a {@link Pem.PemException}. */
    private static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException, Pem.PemException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> list = new ArrayList<>();
        for (byte[] der : Pem.blocks(text, "CERTIFICATE", "X509 CERTIFICATE")) {
            list.add((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(der)));
        }
        return list;
    }

    // ---- ciphers and ALPN -----------------------------------------------------------------------------------

    /** The TLS 1.3 suites libssl 3.0 knows ({@code SSL_CTX_set_ciphersuites} skips any other name). */
    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256");

    /**
     * {@code SSL_CTX_set_ciphersuites}: the TLS 1.3 suites connections offer and accept, in preference order, as
     * OpenSSL's colon-separated list ("TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"). As libssl, names are
     * case-sensitive and an unknown one (a TLS 1.2 name too) is skipped; a suite libssl knows but this engine cannot
     * do is skipped as well. An empty list means no TLS 1.3 suite: a connection that allows TLS 1.3 then fails at its
     * first handshake step with "no ciphers available" (CIPHER-9). Needs {@link Capability#TLS1_3_CIPHERSUITES} for
     * any other list.
     *
     * @param list the suites
     * @return 1; 0 with "no cipher match" on the error queue when no name is a suite the engine can do, 0 with
     *     "unsupported" where the engine cannot restrict its TLS 1.3 suites; the previous list stays
     */
    public synchronized int setCiphersuites(String list) {
        List<String> chosen = resolveCiphersuites(list);
        if (chosen == null) {
            return 0;
        }
        tls13CipherSuites.clear();
        tls13CipherSuites.addAll(chosen);
        noTls13Suites = chosen.isEmpty();
        invalidate();
        return 1;
    }

    /**
     * {@link #setCiphersuites}'s resolution against this context's engine, also for {@code SSL_set_ciphersuites}.
     *
     * @return the suites, empty for the empty list; null after queueing why the list is refused
     */
    synchronized List<String> resolveCiphersuites(String list) {
        Objects.requireNonNull(list, "list");
        List<String> chosen = new ArrayList<>();
        boolean named = false;
        List<String> offered = engineSuitesOrEmpty();
        for (String s : list.split(":")) {
            if (s.isEmpty()) {
                continue;
            }
            named = true;
            if (TLS13_SUITES.contains(s) && (offered.isEmpty() || offered.contains(s)) && !chosen.contains(s)) {
                chosen.add(s);
            }
        }
        if (named && chosen.isEmpty()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.NO_CIPHER_MATCH, null);
            return null;
        }
        if (named && !engine.has(Capability.TLS1_3_CIPHERSUITES)) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED,
                    "the engine cannot restrict its TLS 1.3 suites (SSL_CTX_set_ciphersuites)");
            return null;
        }
        return chosen;
    }

    /** The suites (IANA names) the engine offers, or an empty list when its context cannot be made now. */
    private List<String> engineSuitesOrEmpty() {
        try {
            return askEngine(EngineContext::supportedCipherSuites);
        } catch (EngineException e) {
            return List.of();
        }
    }

    /**
     * {@code SSL_CTX_set1_groups_list}: the key-exchange groups connections offer (a client's supported_groups and
     * key share) and accept (a server), in preference order: OpenSSL's names separated by ':' ({@code
     * "X25519:P-256"}; {@code x25519}, {@code X448}, {@code P-256}/{@code prime256v1}/{@code secp256r1}, {@code P-384},
     * {@code P-521}, {@code ffdhe2048}...), case-sensitive. Needs {@link Capability#GROUPS_LIST}.
     *
     * @return 1; 0 for an unknown name with SSL "passed invalid argument" on the error queue ("group 'x' cannot be
     *     set"), 0 with nothing on the queue for a duplicate or an empty list or element (as libssl), 0 with
     *     "unsupported" where the engine cannot restrict its groups; the previous list stays
     */
    public synchronized int set1GroupsList(String list) {
        Objects.requireNonNull(list, "list");
        org.libssl4j.internal.Groups.Parsed parsed = org.libssl4j.internal.Groups.parseGroups(list);
        if (!parsed.ok()) {
            if (parsed.badName() != null) {
                SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.PASSED_INVALID_ARGUMENT,
                        "group '" + parsed.badName() + "' cannot be set");
            }
            return 0;
        }
        if (!engine.capabilities().contains(Capability.GROUPS_LIST)) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED,
                    "the engine " + engine.name() + " cannot restrict its groups (no GROUPS_LIST)");
            return 0;
        }
        groups = parsed.names();
        invalidate();
        return 1;
    }

    /**
     * {@code SSL_CTX_set1_sigalgs_list}: the signature algorithms connections offer and accept, in preference order:
     * TLS 1.3 names ({@code ecdsa_secp256r1_sha256}, {@code rsa_pss_rsae_sha256}, {@code ed25519}...) or {@code
     * ALG+HASH} ({@code ECDSA+SHA256}, {@code RSA-PSS+SHA256}, {@code RSA+SHA256}) separated by ':'. Needs {@link
     * Capability#SIGALGS_LIST}.
     *
     * @return 1; 0 for an unknown name, a duplicate or an empty list or element, with nothing on the error queue
     *     (libssl raises nothing there), 0 with "unsupported" where the engine cannot restrict its signature
     *     algorithms; the previous list stays
     */
    public synchronized int set1SigalgsList(String list) {
        Objects.requireNonNull(list, "list");
        org.libssl4j.internal.Groups.Parsed parsed = org.libssl4j.internal.Groups.parseSigalgs(list);
        if (!parsed.ok()) {
            return 0;
        }
        if (!engine.capabilities().contains(Capability.SIGALGS_LIST)) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED,
                    "the engine " + engine.name() + " cannot restrict its signature algorithms (no SIGALGS_LIST)");
            return 0;
        }
        sigalgs = parsed.names();
        invalidate();
        return 1;
    }

    /**
     * {@code SSL_CTX_set_cipher_list}: the TLS 1.2 (and older) suites, by a cipher string in OpenSSL's syntax
     * (ciphers(1)): names and aliases separated by ':' (or ',', ';', spaces), joined by '+' to match all of them
     * ({@code ECDHE+AESGCM}), with the prefixes '!' (remove for good), '-' (remove), '+' (move to the end); the
     * aliases {@code DEFAULT} (at the start), {@code ALL}, {@code COMPLEMENTOFDEFAULT}, {@code COMPLEMENTOFALL},
     * {@code HIGH}, {@code MEDIUM}, {@code LOW}, {@code aNULL}, {@code eNULL}, {@code kRSA}, {@code kECDHE},
     * {@code aECDSA}, {@code AESGCM}, {@code AES128}, {@code CHACHA20}, {@code SHA256}, {@code TLSv1.2}, ...; and the
     * commands {@code @STRENGTH} and {@code @SECLEVEL=n}. Resolved in OpenSSL's order rules against the suites
     * the engine can do: a suite it lacks is left out, as libssl leaves out what it cannot do. TLS 1.3 suites are
     * set by {@link #setCiphersuites} only. With {@code @SECLEVEL=n} the connections offer only the suites libssl
     * allows at that level (n ≥ 1: no anonymous or MD5 suites, at least 80 bits; 2: 112 bits; 3: 128 bits and
     * forward secrecy; 4: 192 bits and no SHA-1 MAC; 5: 256 bits).
     *
     * @return 1 if the string selected at least one TLS 1.2 suite; else 0 with "no cipher match" on the error
     *     queue ("invalid command" for an unknown {@code @} command), and the previous list stays
     */
    public synchronized int setCipherList(String list) {
        List<String> suites = resolveCipherList(list);
        if (suites == null) {
            return 0;
        }
        cipherSuites.clear();
        cipherSuites.addAll(suites);
        invalidate();
        return 1;
    }

    /**
     * {@link #setCipherList}'s resolution against this context's engine, also for {@code SSL_set_cipher_list}.
     *
     * @return the suites' IANA names in order; null after queueing why nothing was selected
     */
    synchronized List<String> resolveCipherList(String list) {
        Objects.requireNonNull(list, "list");
        // Against the engine's suites; when its context cannot be made now, against every suite OpenSSL knows.
        java.util.Set<org.libssl4j.internal.CipherSuites.Suite> available = null;
        List<String> supported = engineSuitesOrEmpty();
        if (!supported.isEmpty()) {
            available = new java.util.HashSet<>();
            for (String iana : supported) {
                org.libssl4j.internal.CipherSuites.Suite s = org.libssl4j.internal.CipherSuites.byStandardName(iana);
                if (s != null) {
                    available.add(s);
                }
            }
        }
        org.libssl4j.internal.CipherStrings.Result r = org.libssl4j.internal.CipherStrings.resolve(list, available);
        if (!r.ok()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL,
                    r.invalidCommand() ? SslReason.INVALID_COMMAND : SslReason.NO_CIPHER_MATCH, null);
            return null;
        }
        List<String> suites = new ArrayList<>();
        for (org.libssl4j.internal.CipherSuites.Suite s : r.suites()) {
            if (s.allowedAt(r.securityLevel())) {
                suites.add(s.standardName());
            }
        }
        if (suites.isEmpty()) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.NO_CIPHER_MATCH, null);
            return null;
        }
        return suites;
    }

    /**
     * {@code SSL_CTX_set_alpn_protos} (a client's offer) and the list a server accepts, in preference order.
     *
     * @return 0 on success, as OpenSSL's function
     */
    public synchronized int setAlpnProtos(List<String> protocols) {
        Objects.requireNonNull(protocols, "protocols");
        alpn.clear();
        alpn.addAll(protocols);
        invalidate();
        return 0;
    }

    /**
     * {@code SSL_CTX_set_tlsext_servername_callback}: the server's callback for the client's server name. As in
     * libssl it is read from the connection's context when the client's hello arrives, so a change reaches
     * connections already made.
     *
     * @param callback the callback, or null for none
     */
    public void setTlsextServernameCallback(ServernameCallback callback) {
        servernameCallback = callback;
    }

    /**
     * {@code SSL_CTX_set_info_callback}: told of the handshakes and alerts of this context's connections (those
     * without their own, {@link Ssl#setInfoCallback}), at the time they happen; null for none.
     *
     * @param callback the callback, or null
     */
    public void setInfoCallback(InfoCallback callback) {
        infoCallback = callback;
    }

    /**
     * {@code SSL_CTX_get_info_callback}.
     *
     * @return the context's info callback, or null
     */
    public InfoCallback getInfoCallback() {
        return infoCallback;
    }

    /**
     * {@code SSL_CTX_set_msg_callback}: told of the record headers and protocol messages of this context's
     * connections (those without their own, {@link Ssl#setMsgCallback}); null for none. See {@link MsgCallback} for
     * what an engine's encryption hides.
     *
     * @param callback the callback, or null
     */
    public void setMsgCallback(MsgCallback callback) {
        msgCallback = callback;
    }

    /**
     * The context's message callback.
     *
     * @return the callback, or null
     */
    public MsgCallback getMsgCallback() {
        return msgCallback;
    }

    /**
     * {@code SSL_CTX_set_keylog_callback}: given the NSS key-log lines of this context's connections
     * ({@link KeylogCallback}), looked up when a line is written, so a change reaches connections already made
     * (a handshake that began with no callback logs nothing); null for none. On an engine without {@link Capability#KEYLOG} a callback is refused: none is kept, and the
     * error queue says "unsupported" (docs/SEMANTICS.md KEYLOG-5).
     *
     * @param callback the callback, or null
     */
    public void setKeylogCallback(KeylogCallback callback) {
        if (callback != null && !engine.has(Capability.KEYLOG)) {
            SslErrorQueue.raise(SslErrorEntry.LIB_SSL, SslReason.UNSUPPORTED,
                    "the engine cannot log the connections' secrets (SSL_CTX_set_keylog_callback)");
            return;
        }
        keylogCallback = callback;
    }

    /**
     * {@code SSL_CTX_get_keylog_callback}.
     *
     * @return the context's key-log callback, or null
     */
    public KeylogCallback getKeylogCallback() {
        return keylogCallback;
    }

    /** The servername callback, or null. */
    ServernameCallback servernameCallback() {
        return servernameCallback;
    }

    /**
     * {@code SSL_CTX_set_alpn_select_cb}: the server's ALPN choice. When set it replaces the context's own protocol
     * list on the server side; read when the client's hello arrives, as libssl reads it.
     *
     * @param callback the callback, or null for none
     */
    public void setAlpnSelectCb(AlpnSelectCallback callback) {
        alpnSelectCallback = callback;
    }

    /** The ALPN select callback, or null. */
    AlpnSelectCallback alpnSelectCallback() {
        return alpnSelectCallback;
    }

    /** Holds this context's current settings for a connection switched to it ({@code SSL_set_SSL_CTX}). */
    synchronized Generation holdCurrent() {
        if (closed) {
            throw new IllegalStateException("SslCtx is closed");
        }
        Generation g = current();
        g.hold();
        return g;
    }

    // ---- engine context -------------------------------------------------------------------------------------

    /** A question to the engine context of the current settings. */
    private interface EngineQuestion<T> {
        T ask(EngineContext context) throws EngineException;
    }

    /**
     * Asks the engine context of the current settings, made on first use and again after a setting changed. A closed
     * context is still asked (its connections resolve cipher strings through it, CLOSE-3, MISUSE-8): it holds no
     * settings then, so it makes an engine context for the question and closes it after.
     */
    private <T> T askEngine(EngineQuestion<T> question) throws EngineException {
        Generation asked;
        synchronized (this) {
            asked = closed ? snapshot() : current();
            if (!closed) {
                asked.hold();
            }
        }
        try {
            return question.ask(asked.context());
        } finally {
            asked.release();
        }
    }

    private List<X509Certificate> trustedWithDirs() {
        if (trustedDirs.isEmpty()) {
            return trusted;
        }
        List<X509Certificate> all = new ArrayList<>(trusted);
        all.addAll(readDirs(trustedDirs));
        return all;
    }

    /** The current settings, snapshotted once per change, as {@code SSL_new} copies them. */
    private Generation current() {
        if (current == null) {
            current = snapshot();
        }
        return current;
    }

    /** A snapshot of the settings now, held once (by whoever asked for it). */
    private Generation snapshot() {
        return snapshot(cipherSuites.isEmpty() ? secureDefaultSuites() : cipherSuites);
    }

    private Generation snapshot(List<String> suites) {
        return new Generation(engine, new ContextConfig(method, minVersion, maxVersion, options, mode, chain,
                privateKey, trustedWithDirs(), verifyMode, verifySet ? verifyMode : defaultServerVerify(), verifyCallback,
                checkHostName, suites, tls13CipherSuites, alpn, (int) sessionCacheSize, (int) sessionTimeout,
                groups, sigalgs, verifyDepth, serverSessionCache()));
    }

    /**
     * The TLS 1.2 suites of a context whose cipher list was never set (D6): {@link #SECURE_DEFAULT_CIPHER_LIST}
     * resolved against the engine's suites, once per engine; empty (the engine's own defaults) if the engine can
     * tell none of its suites or has none of these, or its context cannot be made now (then asked again later).
     */
    private List<String> secureDefaultSuites() {
        List<String> suites = SECURE_DEFAULTS.computeIfAbsent(engine, e -> {
            Generation plain = snapshot(List.of());
            try {
                java.util.Set<org.libssl4j.internal.CipherSuites.Suite> available = new java.util.HashSet<>();
                for (String iana : plain.context().supportedCipherSuites()) {
                    org.libssl4j.internal.CipherSuites.Suite suite = org.libssl4j.internal.CipherSuites.byStandardName(iana);
                    if (suite != null) {
                        available.add(suite);
                    }
                }
                org.libssl4j.internal.CipherStrings.Result r = org.libssl4j.internal.CipherStrings.resolve(
                        SECURE_DEFAULT_CIPHER_LIST, available);
                List<String> names = new ArrayList<>();
                if (r.ok() && !available.isEmpty()) {
                    r.suites().forEach(suite -> names.add(suite.standardName()));
                }
                return List.copyOf(names);
            } catch (EngineException x) {
                return null; // not remembered: a later context may make the engine's context
            } finally {
                plain.release();
            }
        });
        return suites != null ? suites : List.of();
    }

    private int defaultServerVerify() {
        return method == SslMethod.TLS ? SslVerify.NONE : verifyMode;
    }

    /** The settings a new connection copies. */
    private Ssl.Inherited inherited() {
        return new Ssl.Inherited(mode, options, readAhead, maxSendFragment, quietShutdown, minVersion, maxVersion,
                noTls13Suites, verifyMode, verifyDepth);
    }

    private void invalidate() {
        // Existing connections keep the settings (and engine context) they were made with; only new ones see the change.
        if (current != null) {
            current.release();
            current = null;
        }
    }

    /**
     * One snapshot of the context's settings, the one every connection made while it was current copied at
     * {@code SSL_new}, and the engine context made from it on first use. It is held by the context while current
     * and by each of its connections until freed; the engine context is closed when the last one lets go.
     */
    static final class Generation {
        private final Engine engine;
        private final ContextConfig config;
        private EngineContext context;
        private int holders = 1;

        Generation(Engine engine, ContextConfig config) {
            this.engine = engine;
            this.config = config;
        }

        /** The engine context of these settings, made the first time a connection needs it. */
        synchronized EngineContext context() throws EngineException {
            if (context == null) {
                context = engine.factory().newContext(config);
            }
            return context;
        }

        synchronized int sessionCount() {
            return context == null ? 0 : context.sessionCount();
        }

        synchronized void hold() {
            holders++;
        }

        /** One holder lets go; the last closes the engine context. */
        void release() {
            EngineContext toClose;
            synchronized (this) {
                if (--holders > 0 || context == null) {
                    return;
                }
                toClose = context;
                context = null;
            }
            try {
                toClose.close();
            } catch (RuntimeException ignored) {
                // Freeing must not fail the caller, who may be a Cleaner's thread.
            }
        }
    }

    /**
     * {@code SSL_CTX_free}. Connections already made keep working (CLOSE-3); {@link #newSsl()} and
     * {@link Ssl#setSslCtx} of this context are refused with {@link IllegalStateException}; every other call answers
     * as before, as libssl's context lives on while its connections hold it (MISUSE-8). Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        invalidate();
    }
}
