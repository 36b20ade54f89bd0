package org.libssl4j.bench;

import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;

/** The implementations compared, by the name used as the JMH parameter. */
final class Drivers {
    static final String[] ALL = {"libssl4j-bc", "bcjsse-raw", "bctls-lowlevel-jca", "bctls-lowlevel-bc", "libssl4j-jdk",
        "bctls-lowlevel-jca-bcpk"};

    private Drivers() {
    }

    static Driver create(String impl, String cert) throws Exception {
        TestIdentity id = switch (cert) {
            case "ec" -> TestCerts.serverEc();
            case "rsa" -> TestCerts.serverRsa();
            default -> throw new IllegalArgumentException(cert);
        };
        return switch (impl) {
            case "libssl4j-bc" -> new SslDriver("bc", id);
            case "libssl4j-jdk" -> new SslDriver("jdk", id);
            case "bcjsse-raw" -> new RawJsseDriver(BcSetup.jsseProvider(), id);
            case "bctls-lowlevel-jca" -> new LowLevelDriver(true, id);
            case "bctls-lowlevel-bc" -> new LowLevelDriver(false, id);
            // experiment: JcaTlsCrypto, public-key algorithms from BC first (not in the default run)
            case "bctls-lowlevel-jca-bcpk" -> new LowLevelDriver(BcSetup.jcaCryptoBcPublicKey(), id);
            default -> throw new IllegalArgumentException(impl);
        };
    }

    /** Sanity check outside JMH: every driver handshakes with both certificates and moves data. */
    public static void main(String[] args) throws Exception {
        byte[] data = new byte[16 * 1024];
        for (String impl : ALL) {
            for (String cert : new String[] {"ec", "rsa"}) {
                try (Driver d = create(impl, cert)) {
                    d.handshakeOnce();
                    d.connect();
                    int n = 0;
                    for (int i = 0; i < 100; i++) {
                        n += d.transfer(data);
                    }
                    System.out.println(impl + " " + cert + ": " + d.describe() + ", moved " + n);
                }
            }
        }
    }
}
