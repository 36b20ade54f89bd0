package org.libssl4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A certificate, its private key and its chain, as made by {@link TestCerts}: what {@code SSL_CTX_use_certificate},
 * {@code SSL_CTX_add1_chain_cert} and {@code SSL_CTX_use_PrivateKey} take, or, through {@link #writePem(Path)},
 * what {@code openssl s_server -cert -key} and {@code SslCtx.useCertificateChainFile}/{@code usePrivateKeyFile}
 * read.
 */
public final class TestIdentity {
    private final String name;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    /**
     * Makes an identity.
     *
     * @param name a short name used for file names and messages, e.g. {@code server-rsa}
     * @param privateKey the key of {@code chain.get(0)}
     * @param chain the certificate first, then its issuers up to and including the root
     */
    public TestIdentity(String name, PrivateKey privateKey, List<X509Certificate> chain) {
        this.name = Objects.requireNonNull(name, "name");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("chain: empty");
        }
        this.certificate = this.chain.get(0);
    }

    /** A short name ({@code server-rsa}, {@code ca}, ...), used for file names and messages. */
    public String name() {
        return name;
    }

    /** The certificate itself (the leaf; for a CA, the self-signed root). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The private key of {@link #certificate()}, PKCS#8-encodable. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate then its issuers, up to and including the root; unmodifiable. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The files {@link #writePem(Path)} wrote. */
    public record PemFiles(Path certificateChain, Path privateKey) {
    }

    /**
     * Writes the chain ({@code CERTIFICATE} blocks, leaf first) and the key (PKCS#8, {@code BEGIN PRIVATE KEY})
     * as PEM files named after {@link #name()} in {@code dir}, replacing files of the same name.
     *
     * @param dir an existing directory, typically a JUnit {@code @TempDir}
     * @return the two paths: for {@code openssl s_server -cert C -key K} or
     *     {@code ctx.useCertificateChainFile(C)} and {@code ctx.usePrivateKeyFile(K, SslCtx.FILETYPE_PEM)}
     * @throws UncheckedIOException if a file cannot be written
     */
    public PemFiles writePem(Path dir) {
        Path certFile = dir.resolve(name + "-chain.pem");
        Path keyFile = dir.resolve(name + "-key.pem");
        StringBuilder certs = new StringBuilder();
        for (X509Certificate c : chain) {
            try {
                certs.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode " + c.getSubjectX500Principal(), e);
            }
        }
        try {
            Files.writeString(certFile, certs, StandardCharsets.US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PemFiles(certFile, keyFile);
    }

    /** One PEM block: 64-column Base64 as OpenSSL writes it, so that every PEM reader accepts it. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    @Override
    public String toString() {
        return name + " (" + certificate.getSubjectX500Principal() + ", issuer " + certificate.getIssuerX500Principal() + ")";
    }
}
