package org.libssl4j.bench;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Signature;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;
import org.libssl4j.engine.bc.provider.BcProviders;

/**
 * An experiment, not what engine-bc ships: as engine-bc's helper ({@link BcProviders#cryptoProvider}), but public-key
 * operations (key pair generation, key agreement, key factories, signatures) come from the private BouncyCastle
 * provider first, while ciphers, MACs and digests (the record layer's AES-GCM) stay with the JDK. Measures whether BC's X25519 and ECDSA
 * speed up JcaTlsCrypto's handshakes without giving up the JDK's AES-GCM.
 */
final class BcFirstForPublicKeyHelper extends ForwardingHelper {
    private final ProviderJcaJceHelper bc;

    BcFirstForPublicKeyHelper(Provider bcProvider) {
        super(BcProviders.cryptoProvider(bcProvider).getHelper());
        this.bc = new ProviderJcaJceHelper(bcProvider);
    }

    @Override
    public KeyAgreement createKeyAgreement(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return bc.createKeyAgreement(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return super.createKeyAgreement(algorithm);
        }
    }

    @Override
    public KeyPairGenerator createKeyPairGenerator(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return bc.createKeyPairGenerator(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return super.createKeyPairGenerator(algorithm);
        }
    }

    @Override
    public KeyFactory createKeyFactory(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return bc.createKeyFactory(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return super.createKeyFactory(algorithm);
        }
    }

    @Override
    public Signature createSignature(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
        try {
            return bc.createSignature(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return super.createSignature(algorithm);
        }
    }
}
