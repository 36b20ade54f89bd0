package org.libssl4j.engine.bc.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JceTlsSecret;
import org.libssl4j.engine.jsse.KeyLog;

/**
 * bctls's JCA cryptography that also hands a connection's secrets to its key log ({@code Capability.KEYLOG},
 * {@link KeyLog#current()}), through bctls's public API alone (engine-bc README Q17). TLS 1.3: the key schedule
 * starts at {@link #hkdfInit}, whose secret here watches each HKDF-Expand-Label and passes on the traffic and
 * exporter secrets by their labels. TLS 1.2: the master secret, copied when the record cipher is made from it
 * ({@link #createCipher}), which every handshake does, full or resumed. A connection that logs nothing (no key log
 * current while bctls derives its keys) gets bctls's own secrets.
 */
final class KeylogCrypto extends JcaTlsCrypto {
    KeylogCrypto(JcaJceHelper helper, JcaJceHelper altHelper, SecureRandom keyRandom, SecureRandom nonceRandom) {
        super(helper, altHelper, keyRandom, nonceRandom);
    }

    @Override
    public TlsSecret hkdfInit(int cryptoHashAlgorithm) {
        if (KeyLog.current() == null) {
            return super.hkdfInit(cryptoHashAlgorithm);
        }
        return new Watched(this, new byte[TlsCryptoUtils.getHashOutputSize(cryptoHashAlgorithm)]);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters params, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        KeyLog log = KeyLog.current();
        if (log != null) {
            SecurityParameters sp = params.getSecurityParametersHandshake();
            if (sp == null) {
                sp = params.getSecurityParametersConnection();
            }
            if (sp != null && !TlsUtils.isTLSv13(sp.getNegotiatedVersion()) && sp.getMasterSecret() instanceof AbstractTlsSecret) {
                log.secret(KeyLog.CLIENT_RANDOM, sp.getClientRandom(), Watched.copy(sp.getMasterSecret()));
            }
        }
        return super.createCipher(params, encryptionAlgorithm, macAlgorithm);
    }

    /** A TLS 1.3 key-schedule secret whose derivations are watched: every secret derived from it is one too. */
    private static final class Watched extends JceTlsSecret {
        Watched(JcaTlsCrypto crypto, byte[] data) {
            super(crypto, data);
        }

        /** A copy of a live secret's bytes; {@code TlsSecret.extract()} would destroy it. */
        static byte[] copy(TlsSecret secret) {
            return copyData((AbstractTlsSecret) secret);
        }

        @Override
        public synchronized TlsSecret hkdfExtract(int cryptoHashAlgorithm, TlsSecret ikm) {
            // The fresh result is nobody else's: extracting it destroys only it.
            return new Watched(crypto, super.hkdfExtract(cryptoHashAlgorithm, ikm).extract());
        }

        @Override
        public synchronized TlsSecret hkdfExpand(int cryptoHashAlgorithm, byte[] info, int length) {
            byte[] out = super.hkdfExpand(cryptoHashAlgorithm, info, length).extract();
            KeyLog log = KeyLog.current();
            String label = log == null ? null : nssLabel(info);
            if (label != null) {
                log.secret(label, null, out);
            }
            return new Watched(crypto, out);
        }

        /** The NSS label of the secret an HkdfLabel derives (uint16 length, then the label with its length byte). */
        private static String nssLabel(byte[] info) {
            if (info.length < 3 || info.length < 3 + (info[2] & 0xff)) {
                return null;
            }
            switch (new String(info, 3, info[2] & 0xff, StandardCharsets.US_ASCII)) {
                case "tls13 c hs traffic": return KeyLog.CLIENT_HANDSHAKE;
                case "tls13 s hs traffic": return KeyLog.SERVER_HANDSHAKE;
                case "tls13 c ap traffic": return KeyLog.CLIENT_TRAFFIC;
                case "tls13 s ap traffic": return KeyLog.SERVER_TRAFFIC;
                case "tls13 exp master": return KeyLog.EXPORTER;
                default: return null;
            }
        }
    }
}
