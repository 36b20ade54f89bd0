package org.libssl4j.testkit;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVerify;
import org.libssl4j.SslVersion;

/**
 * Builds the {@link SslCtx} objects tests need in one line:
 *
 * <pre>{@code
 * SslCtx server = TestContexts.server(engine).ec().tls12().build();
 * SslCtx client = TestContexts.client(engine).tls12().build();
 * }</pre>
 *
 * <p>A server presents {@link TestCerts#serverRsa()} unless told otherwise. A client trusts {@link TestCerts#ca()}
 * and keeps the library's default verification of the peer and its host name (README, D2), so its connections
 * must name the host: {@code ssl.setTlsextHostName("localhost")}, which {@link TestPair} does.
 */
public final class TestContexts {
    private TestContexts() {
    }

    /** A builder of a {@link SslMethod#TLS_SERVER} context on {@code engine}, presenting {@link TestCerts#serverRsa()}. */
    public static Builder server(String engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"), true);
    }

    /** A builder of a {@link SslMethod#TLS_CLIENT} context on {@code engine}, trusting {@link TestCerts#ca()}. */
    public static Builder client(String engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"), false);
    }

    /** Settings for one context; {@link #build()} makes it. Each call returns this builder. */
    public static final class Builder {
        private final String engine;
        private final boolean server;
        private TestIdentity identity;
        private final List<X509Certificate> trusted = new ArrayList<>();
        private int version;
        private boolean verifyNone;
        private boolean requireClientCert;
        private long mode;
        private final List<Consumer<SslCtx>> extra = new ArrayList<>();

        private Builder(String engine, boolean server) {
            this.engine = engine;
            this.server = server;
        }

        /** A server presents {@link TestCerts#serverRsa()} (the default). */
        public Builder rsa() {
            return identity(serverOnly("rsa()", TestCerts.serverRsa()));
        }

        /** A server presents {@link TestCerts#serverEc()}. */
        public Builder ec() {
            return identity(serverOnly("ec()", TestCerts.serverEc()));
        }

        /**
         * This side presents {@code id}: any server identity, or {@link TestCerts#client()} on a client for client
         * authentication (a client presents nothing by default).
         */
        public Builder identity(TestIdentity id) {
            this.identity = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Only TLS 1.2: pins the minimum and the maximum version. */
        public Builder tls12() {
            return only(SslVersion.TLS1_2_VERSION);
        }

        /** Only TLS 1.3: pins the minimum and the maximum version. */
        public Builder tls13() {
            return only(SslVersion.TLS1_3_VERSION);
        }

        /** Only {@code version}, an {@link SslVersion} constant: pins the minimum and the maximum version. */
        public Builder only(int version) {
            if (SslVersion.name(version).equals("unknown")) {
                throw new IllegalArgumentException("not a TLS version: 0x" + Integer.toHexString(version));
            }
            this.version = version;
            return this;
        }

        /** Only the version OpenSSL names {@code name} ("TLSv1.2", as {@code SSL_get_version} says it). */
        public Builder only(String name) {
            int v = SslVersion.ofName(name);
            if (v == 0) {
                throw new IllegalArgumentException("not a TLS version name: " + name);
            }
            return only(v);
        }

        /**
         * Trusts {@code anchor} instead of {@link TestCerts#ca()}; call it again to trust more than one. Servers
         * use it to check client certificates.
         */
        public Builder trust(X509Certificate anchor) {
            trusted.add(Objects.requireNonNull(anchor, "anchor"));
            return this;
        }

        /** {@code SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL)}: a client checks neither certificate nor host name. */
        public Builder verifyNone() {
            verifyNone = true;
            return this;
        }

        /** A server asks for a client certificate and fails the handshake without one ({@code PEER | FAIL_IF_NO_PEER_CERT}). */
        public Builder requireClientCert() {
            if (!server) {
                throw new IllegalStateException("requireClientCert() is for a server; a client presents "
                        + "TestCerts.client() with identity(TestCerts.client())");
            }
            requireClientCert = true;
            return this;
        }

        /** {@code SSL_CTX_set_mode}: adds {@code bits} ({@code SslMode}) to the context's mode. */
        public Builder mode(long bits) {
            mode |= bits;
            return this;
        }

        /** Anything else, applied to the context last: {@code .configure(c -> c.setCiphersuites("..."))}. */
        public Builder configure(Consumer<SslCtx> step) {
            extra.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Makes the context. The caller owns it and closes it.
         *
         * @throws AssertionError if the engine refuses a setting; the message holds the error queue
         */
        public SslCtx build() {
            SslCtx ctx = SslCtx.newCtx(server ? SslMethod.TLS_SERVER : SslMethod.TLS_CLIENT, engine);
            try {
                configure(ctx);
                return ctx;
            } catch (RuntimeException | AssertionError e) {
                ctx.close();
                throw e;
            }
        }

        private void configure(SslCtx ctx) {
            TestIdentity id = identity != null ? identity : server ? TestCerts.serverRsa() : null;
            if (id != null) {
                check(ctx.useCertificate(id.certificate()), "useCertificate", id);
                for (X509Certificate c : id.chain().subList(1, id.chain().size())) {
                    check(ctx.add1ChainCert(c), "add1ChainCert", id);
                }
                check(ctx.usePrivateKey(id.privateKey()), "usePrivateKey", id);
            }
            for (X509Certificate anchor : trusted.isEmpty() ? List.of(TestCerts.ca().certificate()) : trusted) {
                ctx.addTrustedCertificate(anchor);
            }
            if (version != 0) {
                ctx.setMinProtoVersion(version);
                ctx.setMaxProtoVersion(version);
            }
            if (verifyNone) {
                ctx.setVerify(SslVerify.NONE, null);
                ctx.setHostNameCheck(false);
            } else if (requireClientCert) {
                ctx.setVerify(SslVerify.PEER | SslVerify.FAIL_IF_NO_PEER_CERT, null);
            }
            if (mode != 0) {
                ctx.setMode(mode);
            }
            extra.forEach(step -> step.accept(ctx));
        }

        private TestIdentity serverOnly(String call, TestIdentity id) {
            if (!server) {
                throw new IllegalStateException(call + " picks a server certificate; on a client use identity(TestCerts.client())");
            }
            return id;
        }

        private void check(int rc, String call, TestIdentity id) {
            if (rc != 1) {
                throw new AssertionError(call + " of " + id + " on engine " + engine + " returned " + rc
                        + "; error queue: " + SslErrorQueue.snapshot());
            }
        }
    }
}
