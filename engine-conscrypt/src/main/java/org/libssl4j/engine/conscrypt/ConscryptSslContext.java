package org.libssl4j.engine.conscrypt;

import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Conscrypt's {@link SSLContext}, with two changes: its engines are {@link ConscryptSslEngine}s, and the trust
 * managers handed to {@link #init} see the {@code authType} that the JDK's PKIX trust manager understands (Quirk
 * Q1 in this module's README).
 *
 * <p>For a TLS 1.3 server certificate Conscrypt passes {@code authType} {@code "GENERIC"} (BoringSSL's name for
 * "the key exchange says nothing about the certificate"). The shared {@code VerifyingTrustManager} checks paths
 * with SunJSSE's PKIX trust manager, whose {@code EndEntityChecker.checkTLSServer} knows SunJSSE's own spelling
 * of the same thing, {@code "UNKNOWN"}, and throws {@code CertificateException: Unknown authType: GENERIC} for
 * anything else, so every TLS 1.3 handshake with verification would fail. Everything else is delegated
 * unchanged.
 */
final class ConscryptSslContext extends SSLContext {
    /** Conscrypt's message when its native {@code SSL} could not get the pipe of its {@code AppData}. */
    static final String NO_APP_DATA = "Unable to create application data";
    /** Tries after the collection before giving up on a native {@code SSL}; the waits before them double, 1 to 256 ms. */
    static final int RETRIES = 9;

    ConscryptSslContext(SSLContext conscrypt) {
        super(new Spi(conscrypt), conscrypt.getProvider(), conscrypt.getProtocol());
    }

    /**
     * Makes an engine, collecting garbage first when the native resources it needs are gone. Each of Conscrypt's
     * native {@code SSL}s holds a pipe (two file descriptors, its {@code AppData}) until freed, and a connection
     * dropped without {@code close()} is freed only once the GC has found it unreachable and the {@code Cleaner}
     * has run; a few thousand dropped connections use up a process's descriptors long before the heap asks for a
     * collection. So, as the JDK does when direct memory runs out ({@code java.nio.Bits.reserveMemory}), a failure
     * for want of them collects once, then tries again a bounded number of times, waiting longer each time (half a
     * second in all) for the Cleaner (docs/SEMANTICS.md RES-3).
     */
    static SSLEngine collectingIfExhausted(java.util.function.Supplier<SSLEngine> create) {
        RuntimeException failure;
        try {
            return create.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (exhausted(failure)) {
            System.gc(); // once: the Cleaner needs the time between the tries, and a collection stops it too
        }
        for (int attempt = 0; attempt < RETRIES && exhausted(failure); attempt++) {
            try {
                Thread.sleep(1L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                return create.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Whether {@code e} is Conscrypt's failure to get a native {@code SSL}'s pipe. */
    static boolean exhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_APP_DATA)) {
                return true;
            }
        }
        return false;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;

        Spi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            TrustManager[] adapted = null;
            if (tm != null) {
                adapted = new TrustManager[tm.length];
                for (int i = 0; i < tm.length; i++) {
                    adapted[i] = tm[i] instanceof X509ExtendedTrustManager
                            ? new AuthTypeAdapter((X509ExtendedTrustManager) tm[i]) : tm[i];
                }
            }
            delegate.init(km, adapted, sr);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return new ConscryptSslEngine(collectingIfExhausted(delegate::createSSLEngine));
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return new ConscryptSslEngine(collectingIfExhausted(() -> delegate.createSSLEngine(host, port)));
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    /** Translates BoringSSL's {@code "GENERIC"} authType into SunJSSE's {@code "UNKNOWN"}; delegates the rest. */
    static final class AuthTypeAdapter extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        AuthTypeAdapter(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        static String authType(String authType) {
            return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType(authType), engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType(authType), engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType(authType), socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType(authType), socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType(authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType(authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
