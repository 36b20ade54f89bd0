package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.TestCerts;

/** The README's code example is this test's code, and it runs. */
class ReadmeExampleTest {

    @Test
    @DisplayName("README example runs on the default engine and says hello")
    void example() {
        X509Certificate serverCert = TestCerts.serverRsa().certificate();
        PrivateKey serverKey = TestCerts.serverRsa().privateKey();
        X509Certificate caCert = TestCerts.ca().certificate();
        // README example start
        SslCtx serverCtx = SslCtx.newCtx(SslMethod.TLS_SERVER);
        serverCtx.useCertificate(serverCert);
        serverCtx.usePrivateKey(serverKey);
        SslCtx clientCtx = SslCtx.newCtx(SslMethod.TLS_CLIENT);  // verifies the peer and its host name
        clientCtx.addTrustedCertificate(caCert);

        BioPair pair = BioPair.create();                        // BIO_new_bio_pair: 17408 bytes each way
        Ssl client = clientCtx.newSsl();
        Ssl server = serverCtx.newSsl();
        client.setBio(pair.first(), pair.first());
        server.setBio(pair.second(), pair.second());
        client.setConnectState();
        client.setTlsextHostName("localhost");
        server.setAcceptState();

        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        int n;
        while ((n = client.write(hello, 0, hello.length)) <= 0) {  // SSL_write drives the handshake
            if (client.getError(n) != SslError.WANT_READ) {
                throw new IllegalStateException(SslErrorQueue.get().toString());
            }
            server.read(new byte[0], 0, 0);                         // the server answers: -1, WANT_READ
        }
        byte[] buf = new byte[100];
        n = server.read(buf, 0, buf.length);                        // 5: "hello"
        // README example end
        assertThat(n).isEqualTo(5);
        assertThat(Arrays.copyOf(buf, n)).isEqualTo(hello);
        client.close();
        server.close();
    }

    @Test
    @DisplayName("README example is the same code as this test")
    void readmeShowsThisCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- readme-example");
        assertThat(marker).as("README example marker").isPositive();
        int start = readme.indexOf("```java", marker) + "```java".length();
        int end = readme.indexOf("```", start);
        String fromReadme = normalize(readme.substring(start, end));

        String source = Files.readString(Path.of("src/test/java/org/libssl4j/it/project/ReadmeExampleTest.java"));
        int s = source.indexOf("// README example start") + "// README example start".length();
        int e = source.indexOf("        // README example end");
        String fromTest = normalize(source.substring(s, e));

        assertThat(fromReadme).isEqualTo(fromTest);
        assertThat(fromReadme.lines().count()).as("lines of the example").isBetween(15L, 30L);
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
