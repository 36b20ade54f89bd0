package org.libssl4j.bench;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.libssl4j.engine.bc.provider.BcProviders;

/** engine-bc's crypto configuration, from its API ({@link BcProviders}), and the experiment beside it. */
final class BcSetup {
    private BcSetup() {
    }

    /** JcaTlsCrypto over the JDK's providers with a private BC provider as fallback: engine-bc's own. */
    static JcaTlsCryptoProvider cryptoProvider() {
        return BcProviders.cryptoProvider(new BouncyCastleProvider());
    }

    /** A BCJSSE provider exactly as engine-bc makes it (not registered with Security). */
    static Provider jsseProvider() {
        return BcProviders.newJsseProvider();
    }

    /** Experiment: JcaTlsCrypto with BC's public-key algorithms first, the JDK's ciphers/MACs/digests. */
    static JcaTlsCrypto jcaCryptoBcPublicKey() {
        Provider bc = new BouncyCastleProvider();
        JcaJceHelper helper = new BcFirstForPublicKeyHelper(bc);
        JcaTlsCryptoProvider crypto = new JcaTlsCryptoProvider() {
            @Override
            public JcaJceHelper getHelper() {
                return helper;
            }
        };
        crypto.setAlternateProvider(bc);
        return crypto.create(new SecureRandom());
    }

    /** The JcaTlsCrypto for the low-level protocol, same configuration. */
    static JcaTlsCrypto jcaCrypto() {
        return cryptoProvider().create(new SecureRandom());
    }
}
