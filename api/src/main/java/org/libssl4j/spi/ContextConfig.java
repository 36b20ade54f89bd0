package org.libssl4j.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.libssl4j.SslMethod;
import org.libssl4j.VerifyCallback;

/**
 * A snapshot of an {@code SslCtx}'s settings that an engine needs to build its context. Immutable.
 *
 * @param method the method the context was made for
 * @param minVersion the lowest protocol version allowed ({@code SslVersion}), never 0
 * @param maxVersion the highest protocol version allowed, never 0
 * @param options the {@code SslOptions} bits
 * @param mode the {@code SslMode} bits (engines look only at {@code SEND_FALLBACK_SCSV})
 * @param certificateChain the own certificate followed by its chain; empty when none is set
 * @param privateKey the own private key, or null
 * @param trusted the certificates that anchor verification of the peer
 * @param verifyMode the {@code SslVerify} bits of client connections
 * @param serverVerifyMode the {@code SslVerify} bits of server connections (they differ only for a {@code TLS}
 *     context whose verify mode was never set: its clients verify, its servers ask for no certificate)
 * @param verifyCallback the verify callback, or null
 * @param checkHostName whether a client checks the server's certificate against the host name
 * @param cipherSuites the TLS 1.2 cipher suites allowed, as IANA names; empty for the engine's defaults
 * @param tls13CipherSuites the TLS 1.3 cipher suites allowed; empty for the engine's defaults
 * @param alpnProtocols the ALPN protocols a client offers or a server accepts, in preference order; empty for none
 * @param sessionCacheSize the most sessions the engine's session caches keep ({@code SSL_CTX_sess_set_cache_size});
 *     0 for no limit
 * @param sessionTimeout how long a cached session may be resumed, in seconds ({@code SSL_CTX_set_timeout}); 0 for
 *     no limit
 * @param groups the key-exchange groups allowed, in preference order, by their TLS names ({@code x25519},
 *     {@code secp256r1}, as {@code SSLParameters.setNamedGroups} takes them); empty for the engine's defaults
 *     ({@code SSL_CTX_set1_groups_list})
 * @param signatureSchemes the signature algorithms allowed, in preference order, by their TLS names
 *     ({@code ecdsa_secp256r1_sha256}); empty for the engine's defaults ({@code SSL_CTX_set1_sigalgs_list})
 * @param verifyDepth the most intermediate CA certificates a peer's chain may have between its certificate and the
 *     trust anchor ({@code SSL_CTX_set_verify_depth}); negative for libssl's default, 100
 * @param serverSessionCache whether a server keeps its sessions for session-id resumption
 *     ({@code SSL_CTX_set_session_cache_mode} with {@code SSL_SESS_CACHE_SERVER} and neither
 *     {@code NO_INTERNAL_STORE} nor {@code NO_INTERNAL_LOOKUP}); tickets do not depend on it
 */
public record ContextConfig(
        SslMethod method,
        int minVersion,
        int maxVersion,
        long options,
        long mode,
        List<X509Certificate> certificateChain,
        PrivateKey privateKey,
        List<X509Certificate> trusted,
        int verifyMode,
        int serverVerifyMode,
        VerifyCallback verifyCallback,
        boolean checkHostName,
        List<String> cipherSuites,
        List<String> tls13CipherSuites,
        List<String> alpnProtocols,
        int sessionCacheSize,
        int sessionTimeout,
        List<String> groups,
        List<String> signatureSchemes,
        int verifyDepth,
        boolean serverSessionCache) {

    /** libssl's verify depth when none is set ({@code X509_VERIFY_PARAM}'s default, 100). */
    public static final int DEFAULT_VERIFY_DEPTH = 100;

    /** A snapshot with libssl's default verify depth. */
    public ContextConfig(SslMethod method, int minVersion, int maxVersion, long options, long mode,
            List<X509Certificate> certificateChain, PrivateKey privateKey, List<X509Certificate> trusted, int verifyMode,
            int serverVerifyMode, VerifyCallback verifyCallback, boolean checkHostName, List<String> cipherSuites,
            List<String> tls13CipherSuites, List<String> alpnProtocols, int sessionCacheSize, int sessionTimeout,
            List<String> groups, List<String> signatureSchemes) {
        this(method, minVersion, maxVersion, options, mode, certificateChain, privateKey, trusted, verifyMode,
                serverVerifyMode, verifyCallback, checkHostName, cipherSuites, tls13CipherSuites, alpnProtocols,
                sessionCacheSize, sessionTimeout, groups, signatureSchemes, -1, true);
    }

    /** A snapshot whose server keeps its sessions (libssl's default cache mode). */
    public ContextConfig(SslMethod method, int minVersion, int maxVersion, long options, long mode,
            List<X509Certificate> certificateChain, PrivateKey privateKey, List<X509Certificate> trusted, int verifyMode,
            int serverVerifyMode, VerifyCallback verifyCallback, boolean checkHostName, List<String> cipherSuites,
            List<String> tls13CipherSuites, List<String> alpnProtocols, int sessionCacheSize, int sessionTimeout,
            List<String> groups, List<String> signatureSchemes, int verifyDepth) {
        this(method, minVersion, maxVersion, options, mode, certificateChain, privateKey, trusted, verifyMode,
                serverVerifyMode, verifyCallback, checkHostName, cipherSuites, tls13CipherSuites, alpnProtocols,
                sessionCacheSize, sessionTimeout, groups, signatureSchemes, verifyDepth, true);
    }

    /** The verify depth in force: {@link #verifyDepth()}, or 100 when it is negative. */
    public int effectiveVerifyDepth() {
        return verifyDepth < 0 ? DEFAULT_VERIFY_DEPTH : verifyDepth;
    }

    /** Copies the lists so that the snapshot cannot change. */
    public ContextConfig {
        certificateChain = List.copyOf(certificateChain);
        trusted = List.copyOf(trusted);
        cipherSuites = List.copyOf(cipherSuites);
        tls13CipherSuites = List.copyOf(tls13CipherSuites);
        alpnProtocols = List.copyOf(alpnProtocols);
        groups = List.copyOf(groups);
        signatureSchemes = List.copyOf(signatureSchemes);
    }
}
