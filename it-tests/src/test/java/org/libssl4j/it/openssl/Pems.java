package org.libssl4j.it.openssl;

import java.nio.file.Path;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;

/** The test identities as PEM files for openssl's {@code -cert}, {@code -key} and {@code -CAfile}. */
record Pems(TestIdentity.PemFiles ca, TestIdentity.PemFiles rsa, TestIdentity.PemFiles ec, TestIdentity.PemFiles client) {
    static Pems write(Path dir) {
        return new Pems(TestCerts.ca().writePem(dir), TestCerts.serverRsa().writePem(dir), TestCerts.serverEc().writePem(dir),
                TestCerts.client().writePem(dir));
    }

    TestIdentity.PemFiles server(String key) {
        return key.equals("RSA") ? rsa : ec;
    }

    static TestIdentity identity(String key) {
        return key.equals("RSA") ? TestCerts.serverRsa() : TestCerts.serverEc();
    }

    /** {@code -cert C -key K} for {@code files}. */
    static String[] certKey(TestIdentity.PemFiles files) {
        return new String[] {"-cert", files.certificateChain().toString(), "-key", files.privateKey().toString()};
    }

    /** {@code -tls1_2} or {@code -tls1_3}. */
    static String versionFlag(String version) {
        return version.equals("TLSv1.2") ? "-tls1_2" : "-tls1_3";
    }
}
