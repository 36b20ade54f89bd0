package org.libssl4j.engine.conscrypt;

import java.net.Socket;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A {@link KeyManagerFactory} whose key managers let a Conscrypt server find its certificate whatever its TLS 1.2
 * cipher list says (Quirk Q2 in this module's README).
 *
 * <p>Conscrypt chooses a server's certificate before the handshake, by asking the key manager for one alias per
 * key type of the enabled TLS 1.2 (and older) cipher suites ({@code NativeSsl.configureServerCertificate}):
 * {@code "RSA"} for {@code ECDHE_RSA}, {@code "EC"} for {@code ECDHE_ECDSA}. TLS 1.3 suites name no key type. A
 * server with an RSA key whose cipher list holds only ECDSA suites therefore sets no certificate at all, and even
 * a TLS 1.3 handshake fails with {@code NO_CERTIFICATE_SET}, where OpenSSL (whose TLS 1.2 cipher list has no say
 * in TLS 1.3) succeeds. These key managers answer a server's request for one key type with the context's
 * identity of another type when there is none of that type; BoringSSL then uses it where it fits (TLS 1.3, or a
 * matching TLS 1.2 suite) and fails with {@code NO_SHARED_CIPHER} where it does not, as OpenSSL does.
 */
final class ConscryptKeyManagers extends KeyManagerFactory {
    /** Key types to fall back on, in Conscrypt's spelling ({@code SSLUtils.KEY_TYPE_*} and the JDK's). */
    private static final String[] KEY_TYPES = {"RSA", "EC", "RSASSA-PSS", "EdDSA", "Ed25519", "DSA"};

    ConscryptKeyManagers(KeyManagerFactory delegate) {
        super(new Spi(delegate), delegate.getProvider(), delegate.getAlgorithm());
    }

    private static final class Spi extends KeyManagerFactorySpi {
        private final KeyManagerFactory delegate;

        Spi(KeyManagerFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyStore ks, char[] password)
                throws KeyStoreException, NoSuchAlgorithmException, UnrecoverableKeyException {
            delegate.init(ks, password);
        }

        @Override
        protected void engineInit(ManagerFactoryParameters spec) throws InvalidAlgorithmParameterException {
            delegate.init(spec);
        }

        @Override
        protected KeyManager[] engineGetKeyManagers() {
            KeyManager[] kms = delegate.getKeyManagers();
            KeyManager[] out = new KeyManager[kms.length];
            for (int i = 0; i < kms.length; i++) {
                out[i] = kms[i] instanceof X509ExtendedKeyManager
                        ? new AnyKeyType((X509ExtendedKeyManager) kms[i]) : kms[i];
            }
            return out;
        }
    }

    /** Delegates, except that a server alias of any key type answers when there is none of the requested one. */
    static final class AnyKeyType extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        AnyKeyType(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            String alias = delegate.chooseEngineServerAlias(keyType, issuers, engine);
            for (int i = 0; alias == null && i < KEY_TYPES.length; i++) {
                if (!KEY_TYPES[i].equals(keyType)) {
                    alias = delegate.chooseEngineServerAlias(KEY_TYPES[i], issuers, engine);
                }
            }
            return alias;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            String alias = delegate.chooseServerAlias(keyType, issuers, socket);
            for (int i = 0; alias == null && i < KEY_TYPES.length; i++) {
                if (!KEY_TYPES[i].equals(keyType)) {
                    alias = delegate.chooseServerAlias(KEY_TYPES[i], issuers, socket);
                }
            }
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
