package org.libssl4j.engine.jsse;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.libssl4j.SslVerify;
import org.libssl4j.VerifyCallback;
import org.libssl4j.spi.ContextConfig;

/**
 * libssl's peer verification on any JSSE provider: {@code SSL_VERIFY_*} modes, the trust anchors of the
 * context, host name checking, and the verify callback that may overturn the verdict. Failures are
 * {@link VerifyFailure}s carrying OpenSSL's verify error.
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {
    private final ContextConfig config;
    private final X509ExtendedTrustManager pkix;

    VerifyingTrustManager(ContextConfig config) throws java.security.GeneralSecurityException, java.io.IOException {
        this.config = config;
        this.pkix = config.trusted().isEmpty() ? null : pkixOver(config.trusted());
    }

    private static X509ExtendedTrustManager pkixOver(List<X509Certificate> anchors)
            throws java.security.GeneralSecurityException, java.io.IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : anchors) {
            ks.setCertificateEntry("anchor-" + (i++), c);
        }
        // The JDK's own PKIX implementation, whatever the TLS provider: it validates paths the same everywhere.
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) tm;
            }
        }
        throw new IllegalStateException("SunJSSE offers no X509ExtendedTrustManager");
    }

    /**
     * The connection whose engine call runs on this thread ({@link JsseEngine}): its own verify settings, and where
     * its verdict is recorded for {@code SSL_get_verify_result}. A thread, not the {@code SSLEngine} passed in,
     * because a provider may pass another object than the engine it made (Conscrypt passes the engine its wrapper
     * wraps). Null outside a connection (the probe): the context's settings.
     */
    static final ThreadLocal<PeerCheck> CURRENT = new ThreadLocal<>();

    private static void record(VerifyFailure failure) {
        PeerCheck c = CURRENT.get();
        if (c != null) {
            c.result = failure == null ? 0 : failure.verifyError();
        }
    }

    private static PeerCheck current() {
        PeerCheck c = CURRENT.get();
        return c != null ? c : CONTEXT_ONLY;
    }

    private static final PeerCheck CONTEXT_ONLY = new PeerCheck(null);

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        if ((current().mode(config.verifyMode()) & SslVerify.PEER) == 0) {
            // SSL_VERIFY_NONE: the client accepts any server certificate, but libssl still verifies it and records
            // the result (SSL_get_verify_result); the verify callback is not asked.
            record(check(chain, () -> pkix.checkServerTrusted(chain, authType, engine)));
            return;
        }
        VerifyFailure failure = null;
        if (config.checkHostName() && !hasHostName(engine)) {
            failure = new VerifyFailure(VerifyFailure.HOSTNAME_MISMATCH,
                    "hostname mismatch (no host name was set to check against: call Ssl.setTlsextHostName or Ssl.set1Host, "
                            + "or SslCtx.setHostNameCheck(false))", null);
        } else {
            failure = check(chain, () -> pkix.checkServerTrusted(chain, authType, engine));
        }
        decide(chain, failure);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        decide(chain, check(chain, () -> pkix.checkClientTrusted(chain, authType, engine)));
    }

    private static boolean hasHostName(SSLEngine engine) {
        if (engine == null) {
            return false;
        }
        SSLParameters p = engine.getSSLParameters();
        return engine.getPeerHost() != null && p.getEndpointIdentificationAlgorithm() != null;
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private VerifyFailure check(X509Certificate[] chain, Check check) {
        if (pkix == null) {
            return new VerifyFailure(VerifyFailure.UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
                    "unable to get local issuer certificate (the context trusts no certificate)", null);
        }
        try {
            check.run();
        } catch (CertificateException e) {
            return translate(e);
        }
        int intermediates = intermediates(chain);
        if (intermediates > current().depth(config)) {
            return new VerifyFailure(VerifyFailure.CERT_CHAIN_TOO_LONG, "certificate chain too long", null);
        }
        return null;
    }

    /**
     * The intermediate CA certificates of a chain PKIX accepted: those between the peer's certificate and the first
     * one that is, or is issued by, a trust anchor. {@code SSL_CTX_set_verify_depth(n)} allows n of them, as
     * {@code openssl verify -verify_depth n} does (VERIFY-8).
     */
    private int intermediates(X509Certificate[] chain) {
        List<X509Certificate> anchors = config.trusted();
        for (int i = 0; i < chain.length; i++) {
            if (i > 0 && anchors.contains(chain[i])) {
                return i - 1;
            }
            for (X509Certificate a : anchors) {
                if (a.getSubjectX500Principal().equals(chain[i].getIssuerX500Principal())) {
                    return i;
                }
            }
        }
        return Math.max(0, chain.length - 1);
    }

    /** OpenSSL's verify error for a PKIX failure. */
    static VerifyFailure translate(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return new VerifyFailure(VerifyFailure.CERT_HAS_EXPIRED, "certificate has expired", e);
            }
            if (t instanceof CertificateNotYetValidException) {
                return new VerifyFailure(VerifyFailure.CERT_NOT_YET_VALID, "certificate is not yet valid", e);
            }
            if (t instanceof CertPathValidatorException
                    && ((CertPathValidatorException) t).getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new VerifyFailure(VerifyFailure.CERT_HAS_EXPIRED, "certificate has expired", e);
            }
            if (t instanceof CertPathBuilderException) {
                return new VerifyFailure(VerifyFailure.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "unable to get local issuer certificate", e);
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("No subject alternative") || m.contains("No name matching") || m.contains("does not match")) {
            return new VerifyFailure(VerifyFailure.HOSTNAME_MISMATCH, "hostname mismatch", e);
        }
        if (m.contains("expired")) {
            return new VerifyFailure(VerifyFailure.CERT_HAS_EXPIRED, "certificate has expired", e);
        }
        if (m.contains("certification path") || m.contains("PKIX")) {
            return new VerifyFailure(VerifyFailure.UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "unable to get local issuer certificate", e);
        }
        return new VerifyFailure(VerifyFailure.UNSPECIFIED, "unspecified certificate verification error", e);
    }

    /** Lets the verify callback overturn the verdict, as {@code SSL_CTX_set_verify}'s callback does. */
    private void decide(X509Certificate[] chain, VerifyFailure failure) throws VerifyFailure {
        VerifyCallback callback = current().callback(config);
        if (callback != null) {
            boolean ok;
            try {
                ok = callback.verify(failure == null, List.of(chain), failure == null ? null : failure.getMessage());
            } catch (RuntimeException e) {
                // A callback that throws refuses the chain, with its exception as the cause (VERIFY-15).
                failure = new VerifyFailure(VerifyFailure.APPLICATION_VERIFICATION,
                        "application verification failure (the verify callback threw " + e + ")", e);
                record(failure);
                throw failure;
            }
            if (ok) {
                record(failure); // libssl keeps the error the callback overlooked
                return;
            }
            if (failure == null) {
                failure = new VerifyFailure(VerifyFailure.APPLICATION_VERIFICATION, "application verification failure", null);
            }
        }
        record(failure);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        decide(chain, check(chain, () -> pkix.checkClientTrusted(chain, authType, socket)));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return config.trusted().toArray(new X509Certificate[0]);
    }
}
