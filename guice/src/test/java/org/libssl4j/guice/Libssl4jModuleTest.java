package org.libssl4j.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.testkit.TestCerts;
import org.libssl4j.testkit.TestIdentity;
import org.libssl4j.testkit.TestPair;

class Libssl4jModuleTest {
    @TempDir
    Path dir;

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void bindsTheDefaultEngineAndEveryEngineByName() {
        Injector injector = Guice.createInjector(new Libssl4jModule(props()));
        assertThat(injector.getInstance(Engine.class)).isSameAs(Engines.getDefault());
        Map<String, Engine> byName = injector.getInstance(Key.get(new TypeLiteral<Map<String, Engine>>() { }));
        assertThat(byName).containsKeys("jdk", "bc", "conscrypt");
        assertThat(byName.get("bc")).isSameAs(Engines.get("bc"));
    }

    @Test
    void thePropertyNamesTheEngine() {
        Injector injector = Guice.createInjector(new Libssl4jModule(props(Libssl4jModule.ENGINE, "jdk")));
        assertThat(injector.getInstance(Engine.class).name()).isEqualTo("jdk");
        try (SslCtx ctx = injector.getInstance(Key.get(SslCtx.class, Client.class))) {
            assertThat(ctx.engine().name()).isEqualTo("jdk");
        }
    }

    @Test
    void theApplicationsOwnModuleOverridesTheEngine() {
        Injector injector = Guice.createInjector(new Libssl4jModule(props(Libssl4jModule.ENGINE, "jdk")), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Engine.class).setBinding().toInstance(Engines.get("bc"));
            }
        });
        assertThat(injector.getInstance(Engine.class).name()).isEqualTo("bc");
        try (SslCtx ctx = injector.getInstance(Key.get(SslCtx.class, Server.class))) {
            assertThat(ctx.engine().name()).isEqualTo("bc");
        }
    }

    @Test
    void aMissingEngineFailsWithTheNamesFound() {
        Injector injector = Guice.createInjector(new Libssl4jModule(props(Libssl4jModule.ENGINE, "nope")));
        assertThatThrownBy(() -> injector.getInstance(Engine.class)).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("no libssl4j engine named 'nope'").hasMessageContaining("found: ");
    }

    @Test
    void contextsFromPropertiesHandshake() {
        TestIdentity.PemFiles server = TestCerts.serverEc().writePem(dir);
        Path ca = TestCerts.ca().writePem(dir).certificateChain();
        for (String engine : new String[] {"jdk", "bc", "conscrypt"}) {
            Injector injector = Guice.createInjector(new Libssl4jModule(props(Libssl4jModule.ENGINE, engine,
                    "libssl4j.server.certFile", server.certificateChain().toString(),
                    "libssl4j.server.keyFile", server.privateKey().toString(),
                    "libssl4j.server.alpn", "h2,http/1.1",
                    "libssl4j.client.caFile", ca.toString(),
                    "libssl4j.client.minVersion", "TLSv1.2", "libssl4j.client.maxVersion", "TLSv1.2",
                    "libssl4j.client.alpn", "http/1.1")));
            try (SslCtx c = injector.getInstance(Key.get(SslCtx.class, Client.class));
                 SslCtx s = injector.getInstance(Key.get(SslCtx.class, Server.class));
                 TestPair p = TestPair.create(c, s, 0)) {
                p.client().setTlsextHostName(TestCerts.HOST);
                p.handshake();
                assertThat(p.client().getVersion()).as(engine).isEqualTo("TLSv1.2");
                assertThat(p.client().getAlpnSelected()).as(engine).isEqualTo("http/1.1");
            }
        }
    }

    @Test
    void aBadFileOrVersionNamesTheProperty() {
        Injector badFile = Guice.createInjector(new Libssl4jModule(props("libssl4j.server.certFile", dir.resolve("nope.pem").toString())));
        assertThatThrownBy(() -> badFile.getInstance(Key.get(SslCtx.class, Server.class)))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("libssl4j.server.certFile=" + dir.resolve("nope.pem"));
        Injector badVersion = Guice.createInjector(new Libssl4jModule(props("libssl4j.client.minVersion", "TLSv9")));
        assertThatThrownBy(() -> badVersion.getInstance(Key.get(SslCtx.class, Client.class)))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("libssl4j.client.minVersion=TLSv9: not a TLS version name");
        for (String source : new String[] {"bogus:x", "env:LIBSSL4J_NO_SUCH_VARIABLE", "file:" + dir.resolve("nope.txt")}) {
            Injector badPass = Guice.createInjector(new Libssl4jModule(props("libssl4j.server.keyPass", source)));
            assertThatThrownBy(() -> badPass.getInstance(Key.get(SslCtx.class, Server.class)))
                    .isInstanceOf(ProvisionException.class).hasMessageContaining("libssl4j.server.keyPass=")
                    .hasMessageNotContaining("bogus:x").hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void keyPassIsTheContextsPasswordCallback() {
        Injector injector = Guice.createInjector(new Libssl4jModule(props("libssl4j.client.keyPass", "pass:s3cret")));
        try (SslCtx ctx = injector.getInstance(Key.get(SslCtx.class, Client.class))) {
            assertThat(ctx.getDefaultPasswdCb()).isNotNull();
            char[] first = ctx.getDefaultPasswdCb().password(false);
            assertThat(new String(first)).isEqualTo("s3cret");
            java.util.Arrays.fill(first, '\0'); // as the context clears it after use: the next call still answers
            assertThat(new String(ctx.getDefaultPasswdCb().password(false))).isEqualTo("s3cret");
        }
    }
}
