package org.libssl4j.bench;

import java.security.Provider;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/** engine-bc's crypto configuration, copied from {@code BcEngineProvider.newJsseProvider}. */
final class BcSetup {
    private static final Logger BC_JSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

    private BcSetup() {
    }

    /** JcaTlsCrypto over the JDK's providers with a private BC provider as fallback, as engine-bc has it. */
    static JcaTlsCryptoProvider cryptoProvider() {
        Provider bc = new BouncyCastleProvider();
        JcaJceHelper helper = new FallbackJcaJceHelper(bc);
        JcaTlsCryptoProvider crypto = new JcaTlsCryptoProvider() {
            @Override
            public JcaJceHelper getHelper() {
                return helper;
            }
        };
        crypto.setAlternateProvider(bc);
        return crypto;
    }

    /** A BCJSSE provider exactly as engine-bc makes it (not registered with Security). */
    static Provider jsseProvider() {
        if (BC_JSSE_LOG.getLevel() == null) {
            BC_JSSE_LOG.setLevel(Level.WARNING);
        }
        return new BouncyCastleJsseProvider(false, cryptoProvider());
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
