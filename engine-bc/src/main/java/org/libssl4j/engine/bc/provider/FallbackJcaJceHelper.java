package org.libssl4j.engine.bc.provider;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;

/**
 * Cryptographic objects from the JVM's installed providers (the JDK's SunJCE, SunEC, SunRsaSign, SUN: AES-GCM and
 * ChaCha20 with the JIT's intrinsics), and from a private BouncyCastle provider instance only for the algorithms
 * the JDK does not know. It is never registered with {@code Security.addProvider}.
 *
 * <p>Why a fallback is needed at all: bctls asks for some algorithms by BouncyCastle-only names. The one that matters
 * is the RSASSA-PSS signature, asked for as {@code SHA256WITHRSAANDMGF1} ({@code
 * JcaTlsCrypto.getSignatureSchemeAlgorithmParameters}); the JDK calls it {@code RSASSA-PSS}. Without it bctls drops
 * every rsa_pss_* scheme from its signature_algorithms, and TLS 1.3 with an RSA certificate fails with
 * handshake_failure ("found no selectable cipher suite"). bctls's own "alternate provider"
 * ({@code JcaTlsCryptoProvider.setAlternateProvider}) is consulted only when a signer refuses a key
 * ({@code JcaTlsCrypto.createStreamSigner}), not for that lookup, so it does not help.
 */
final class FallbackJcaJceHelper implements JcaJceHelper {
    private final JcaJceHelper jdk = new DefaultJcaJceHelper();
    private final JcaJceHelper fallback;

    /** A helper asking the installed providers first and {@code fallback} when they lack an algorithm. */
    FallbackJcaJceHelper(Provider fallback) {
        this.fallback = new ProviderJcaJceHelper(fallback);
    }

    @Override
    public javax.crypto.Cipher createCipher(String algorithm) throws NoSuchAlgorithmException, javax.crypto.NoSuchPaddingException, NoSuchProviderException {
        try {
            return jdk.createCipher(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createCipher(algorithm);
        }
    }

    @Override
    public javax.crypto.Mac createMac(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createMac(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createMac(algorithm);
        }
    }

    @Override
    public javax.crypto.KeyAgreement createKeyAgreement(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createKeyAgreement(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createKeyAgreement(algorithm);
        }
    }

    @Override
    public java.security.AlgorithmParameterGenerator createAlgorithmParameterGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createAlgorithmParameterGenerator(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createAlgorithmParameterGenerator(algorithm);
        }
    }

    @Override
    public java.security.AlgorithmParameters createAlgorithmParameters(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createAlgorithmParameters(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createAlgorithmParameters(algorithm);
        }
    }

    @Override
    public javax.crypto.KeyGenerator createKeyGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createKeyGenerator(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createKeyGenerator(algorithm);
        }
    }

    @Override
    public java.security.KeyFactory createKeyFactory(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createKeyFactory(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createKeyFactory(algorithm);
        }
    }

    @Override
    public javax.crypto.SecretKeyFactory createSecretKeyFactory(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createSecretKeyFactory(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createSecretKeyFactory(algorithm);
        }
    }

    @Override
    public java.security.KeyPairGenerator createKeyPairGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createKeyPairGenerator(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createKeyPairGenerator(algorithm);
        }
    }

    @Override
    public java.security.MessageDigest createMessageDigest(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createMessageDigest(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createMessageDigest(algorithm);
        }
    }

    @Override
    public java.security.Signature createSignature(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createSignature(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createSignature(algorithm);
        }
    }

    @Override
    public java.security.SecureRandom createSecureRandom(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createSecureRandom(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createSecureRandom(algorithm);
        }
    }

    @Override
    public java.security.cert.CertPathBuilder createCertPathBuilder(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createCertPathBuilder(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createCertPathBuilder(algorithm);
        }
    }

    @Override
    public java.security.cert.CertPathValidator createCertPathValidator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createCertPathValidator(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createCertPathValidator(algorithm);
        }
    }

    @Override
    public javax.crypto.ExemptionMechanism createExemptionMechanism(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return jdk.createExemptionMechanism(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createExemptionMechanism(algorithm);
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public java.security.MessageDigest createDigest(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return createMessageDigest(algorithm);
    }

    @Override
    public java.security.cert.CertificateFactory createCertificateFactory(String algorithm)
            throws NoSuchProviderException, CertificateException {
        try {
            return jdk.createCertificateFactory(algorithm);
        } catch (CertificateException e) {
            return fallback.createCertificateFactory(algorithm);
        }
    }

    @Override
    public java.security.cert.CertStore createCertStore(String type, CertStoreParameters parameters)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException, NoSuchProviderException {
        try {
            return jdk.createCertStore(type, parameters);
        } catch (NoSuchAlgorithmException e) {
            return fallback.createCertStore(type, parameters);
        }
    }

    @Override
    public java.security.KeyStore createKeyStore(String type) throws KeyStoreException, NoSuchProviderException {
        try {
            return jdk.createKeyStore(type);
        } catch (KeyStoreException e) {
            return fallback.createKeyStore(type);
        }
    }
}
