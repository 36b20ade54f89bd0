package org.libssl4j.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.libssl4j.Engine;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.SslVersion;

/**
 * libssl4j for Guice:
 * <ul>
 *   <li>{@code Engine}: the default engine, through an {@code OptionalBinder}, so an application's own module can
 *       set another ({@code OptionalBinder.newOptionalBinder(binder(), Engine.class).setBinding().toInstance(...)});
 *       by default the engine named by the property {@code libssl4j.engine}, else {@link Engines#getDefault()};</li>
 *   <li>{@code Map<String, Engine>}: every available engine by name ({@code MapBinder});</li>
 *   <li>{@code @Client SslCtx} and {@code @Server SslCtx}: new contexts on the bound engine, configured from the
 *       properties {@code libssl4j.client.*} and {@code libssl4j.server.*}: {@code minVersion} and {@code maxVersion}
 *       ({@code TLSv1.2}, {@code TLSv1.3}), {@code caFile}, {@code certFile}, {@code keyFile} (PEM; default: in
 *       {@code certFile}), {@code keyPass} (an encrypted key's password, as OpenSSL's {@code -pass}:
 *       {@code pass:secret}, {@code env:VARIABLE} or {@code file:path}, whose first line it is), {@code alpn}
 *       (comma-separated).</li>
 * </ul>
 * An unknown engine name or a file that cannot be used fails the provision with a message naming the property.
 */
public final class Libssl4jModule extends AbstractModule {
    /** The property naming the default engine, as {@link Engines#ENGINE_PROPERTY}. */
    public static final String ENGINE = Engines.ENGINE_PROPERTY;

    private final Properties properties;

    /** Configured from the system properties. */
    public Libssl4jModule() {
        this(System.getProperties());
    }

    /** Configured from {@code properties} (copied). */
    public Libssl4jModule(Properties properties) {
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    @Override
    protected void configure() {
        MapBinder<String, Engine> byName = MapBinder.newMapBinder(binder(), String.class, Engine.class);
        for (EngineInfo info : Engines.all()) {
            if (info instanceof Engine) {
                byName.addBinding(info.name()).toInstance((Engine) info);
            }
        }
        OptionalBinder.newOptionalBinder(binder(), Engine.class).setDefault().toProvider(this::defaultEngine);
    }

    private Engine defaultEngine() {
        String name = properties.getProperty(ENGINE);
        return name != null && !name.isBlank() ? Engines.get(name.trim()) : Engines.getDefault();
    }

    /** A new client context on the bound engine, from the {@code libssl4j.client.*} properties. */
    @Provides
    @Client
    SslCtx clientContext(Engine engine) {
        return context(SslMethod.TLS_CLIENT, engine, "libssl4j.client.");
    }

    /** A new server context on the bound engine, from the {@code libssl4j.server.*} properties. */
    @Provides
    @Server
    SslCtx serverContext(Engine engine) {
        return context(SslMethod.TLS_SERVER, engine, "libssl4j.server.");
    }

    private SslCtx context(SslMethod method, Engine engine, String prefix) {
        SslCtx ctx = SslCtx.newCtx(method, engine);
        try {
            String min = properties.getProperty(prefix + "minVersion");
            if (min != null) {
                ctx.setMinProtoVersion(version(prefix + "minVersion", min));
            }
            String max = properties.getProperty(prefix + "maxVersion");
            if (max != null) {
                ctx.setMaxProtoVersion(version(prefix + "maxVersion", max));
            }
            String ca = properties.getProperty(prefix + "caFile");
            if (ca != null) {
                check(ctx.loadVerifyLocations(Path.of(ca)), prefix + "caFile", ca);
            }
            String cert = properties.getProperty(prefix + "certFile");
            String key = properties.getProperty(prefix + "keyFile", cert);
            String pass = properties.getProperty(prefix + "keyPass");
            if (pass != null) {
                char[] password = password(prefix + "keyPass", pass);
                ctx.setDefaultPasswdCb(forWriting -> password.clone());
            }
            if (cert != null) {
                check(ctx.useCertificateChainFile(Path.of(cert)), prefix + "certFile", cert);
                check(ctx.usePrivateKeyFile(Path.of(key), SslCtx.FILETYPE_PEM), prefix + "keyFile", key);
            }
            String alpn = properties.getProperty(prefix + "alpn");
            if (alpn != null) {
                ctx.setAlpnProtos(Arrays.asList(alpn.split(",")));
            }
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** A password source as OpenSSL's {@code -pass} spells it: {@code pass:}, {@code env:} or {@code file:}. */
    private static char[] password(String property, String source) {
        int colon = source.indexOf(':');
        String kind = colon < 0 ? source : source.substring(0, colon);
        String value = colon < 0 ? "" : source.substring(colon + 1);
        switch (kind) {
            case "pass":
                return value.toCharArray();
            case "env": {
                String v = System.getenv(value);
                if (v == null) {
                    throw new IllegalArgumentException(property + "=" + source + ": no environment variable " + value);
                }
                return v.toCharArray();
            }
            case "file":
                try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(Path.of(value))) {
                    String line = r.readLine();
                    return line == null ? new char[0] : line.toCharArray();
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException(property + "=file:" + value + ": cannot read it: " + e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException(property + "=" + kind + ":...: not a password source (pass:, env: or file:)");
        }
    }

    private static int version(String property, String name) {
        int v = SslVersion.ofName(name.trim());
        if (v == 0) {
            throw new IllegalArgumentException(property + "=" + name + ": not a TLS version name (TLSv1.2, TLSv1.3)");
        }
        return v;
    }

    private static void check(int result, String property, String file) {
        if (result != 1) {
            String why = SslErrorQueue.isEmpty() ? "not usable" : SslErrorQueue.get().toString();
            SslErrorQueue.clear();
            throw new IllegalArgumentException(property + "=" + file + ": " + why);
        }
    }
}
