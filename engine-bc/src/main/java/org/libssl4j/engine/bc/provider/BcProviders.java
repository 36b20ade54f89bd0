package org.libssl4j.engine.bc.provider;

import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The BouncyCastle providers exactly as the engine {@code bc} makes them: BCJSSE over the JDK's cryptography, with a
 * private BouncyCastle provider for the algorithms the JDK lacks. libssl has no counterpart: this is for running
 * BCJSSE, or bctls's own protocol classes, beside libssl4j on the same configuration (the benchmarks do). Nothing is
 * registered with {@code Security}: other code in the JVM is not affected. See this module's README, "The
 * decision", for why each choice.
 */
public final class BcProviders {
    /**
     * bctls logs every connection at INFO ("accepting connection", "raised fatal(2) ... alert" with a stack trace)
     * through {@code java.util.logging}. Held strongly: a logger's level is lost when the logger is collected.
     */
    private static final Logger BC_JSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");
    private static final Logger BC_CONSTRAINTS_LOG =
            Logger.getLogger("org.bouncycastle.jsse.provider.DisabledAlgorithmConstraints");

    private BcProviders() {
    }

    /**
     * A {@code BCJSSE} provider over the JDK's cryptography, with a new private {@code BC} provider as fallback: what
     * the engine runs on. Also turns bctls's per-connection INFO logging down to WARNING, unless the application set
     * a level itself or {@code -Dlibssl4j.bc.keepLogging=true}.
     */
    public static Provider newJsseProvider() {
        return newJsseProvider(new BouncyCastleProvider());
    }

    /** As {@link #newJsseProvider()}, with {@code bc} as the fallback provider. */
    public static Provider newJsseProvider(Provider bc) {
        quietLogging();
        return new BouncyCastleJsseProvider(false, cryptoProvider(bc));
    }

    /**
     * bctls's {@code JcaTlsCrypto} over the JDK's installed providers, with {@code bc} as fallback for the algorithms
     * the JDK does not know (its {@link JcaTlsCryptoProvider#getHelper() helper} asks the JDK first): the engine's
     * cryptography, for bctls's other APIs too.
     */
    public static JcaTlsCryptoProvider cryptoProvider(Provider bc) {
        JcaJceHelper helper = new FallbackJcaJceHelper(bc);
        JcaTlsCryptoProvider crypto = new JcaTlsCryptoProvider() {
            @Override
            public JcaJceHelper getHelper() {
                return helper;
            }

            /** The JDK's cryptography, which also tells a connection's key log its secrets ({@link KeylogCrypto}). */
            @Override
            public JcaTlsCrypto create(java.security.SecureRandom keyRandom, java.security.SecureRandom nonceRandom) {
                return new KeylogCrypto(getHelper(), getAltHelper(), keyRandom, nonceRandom);
            }
        };
        crypto.setAlternateProvider(bc);
        return crypto;
    }

    /** Turns bctls's per-connection INFO logging down to WARNING, unless the application set a level itself. */
    private static void quietLogging() {
        if (Boolean.getBoolean("libssl4j.bc.keepLogging")) {
            return;
        }
        if (BC_JSSE_LOG.getLevel() == null) {
            BC_JSSE_LOG.setLevel(Level.WARNING);
        }
        if (BC_CONSTRAINTS_LOG.getLevel() == null) {
            // Its warnings say only that bctls ignores JDK security-property entries it does not understand.
            BC_CONSTRAINTS_LOG.setLevel(Level.SEVERE);
        }
    }
}
