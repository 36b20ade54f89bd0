package org.libssl4j.bench;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import org.bouncycastle.jcajce.util.JcaJceHelper;

/** A JcaJceHelper that forwards every call. */
abstract class ForwardingHelper implements JcaJceHelper {
    private final JcaJceHelper delegate;

    ForwardingHelper(JcaJceHelper delegate) {
        this.delegate = delegate;
    }

    @Override
    public javax.crypto.Cipher createCipher(String algorithm) throws NoSuchAlgorithmException, javax.crypto.NoSuchPaddingException, NoSuchProviderException {
        return delegate.createCipher(algorithm);
    }

    @Override
    public javax.crypto.Mac createMac(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createMac(algorithm);
    }

    @Override
    public javax.crypto.KeyAgreement createKeyAgreement(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createKeyAgreement(algorithm);
    }

    @Override
    public java.security.AlgorithmParameterGenerator createAlgorithmParameterGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createAlgorithmParameterGenerator(algorithm);
    }

    @Override
    public java.security.AlgorithmParameters createAlgorithmParameters(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createAlgorithmParameters(algorithm);
    }

    @Override
    public javax.crypto.KeyGenerator createKeyGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createKeyGenerator(algorithm);
    }

    @Override
    public java.security.KeyFactory createKeyFactory(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createKeyFactory(algorithm);
    }

    @Override
    public javax.crypto.SecretKeyFactory createSecretKeyFactory(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createSecretKeyFactory(algorithm);
    }

    @Override
    public java.security.KeyPairGenerator createKeyPairGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createKeyPairGenerator(algorithm);
    }

    @Override
    public java.security.MessageDigest createMessageDigest(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createMessageDigest(algorithm);
    }

    @Override
    public java.security.Signature createSignature(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createSignature(algorithm);
    }

    @Override
    public java.security.SecureRandom createSecureRandom(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createSecureRandom(algorithm);
    }

    @Override
    public java.security.cert.CertPathBuilder createCertPathBuilder(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createCertPathBuilder(algorithm);
    }

    @Override
    public java.security.cert.CertPathValidator createCertPathValidator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createCertPathValidator(algorithm);
    }

    @Override
    public javax.crypto.ExemptionMechanism createExemptionMechanism(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createExemptionMechanism(algorithm);
    }

    @Override
    @SuppressWarnings("deprecation")
    public java.security.MessageDigest createDigest(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        return delegate.createDigest(algorithm);
    }

    @Override
    public java.security.cert.CertificateFactory createCertificateFactory(String algorithm) throws NoSuchProviderException, CertificateException {
        return delegate.createCertificateFactory(algorithm);
    }

    @Override
    public java.security.cert.CertStore createCertStore(String type, CertStoreParameters parameters) throws NoSuchAlgorithmException, InvalidAlgorithmParameterException, NoSuchProviderException {
        return delegate.createCertStore(type, parameters);
    }

    @Override
    public java.security.KeyStore createKeyStore(String type) throws KeyStoreException, NoSuchProviderException {
        return delegate.createKeyStore(type);
    }

}
