package org.libssl4j.engine.conscrypt;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.net.ssl.SSLEngine;

/**
 * The one native call Conscrypt's API does not offer (README Q14): {@code SSL_clear_options} on an engine's
 * BoringSSL {@code SSL}, reached through Conscrypt 2.5's internals ({@code Java8EngineWrapper.delegate}, a {@code ConscryptEngine}; its {@code ssl}, a
 * {@code NativeSsl}; its {@code ssl}, the pointer; {@code NativeCrypto.SSL_clear_options}). Where they are not
 * found (another Conscrypt), nothing is changed and the server keeps its own order.
 */
final class ConscryptNative {
    /** BoringSSL's {@code SSL_OP_CIPHER_SERVER_PREFERENCE}. */
    static final long SSL_OP_CIPHER_SERVER_PREFERENCE = 0x00400000L;

    private static final Field WRAPPED;
    private static final Field ENGINE_SSL;
    private static final Field NATIVE_SSL_POINTER;
    private static final Method CLEAR_OPTIONS;
    private static final Method SESSION_REUSED;

    static {
        Field wrapped = null;
        Field engineSsl = null;
        Field pointer = null;
        Method clear = null;
        Method reused = null;
        try {
            Class<?> engine = Class.forName("org.conscrypt.ConscryptEngine");
            Class<?> nativeSsl = Class.forName("org.conscrypt.NativeSsl");
            Class<?> crypto = Class.forName("org.conscrypt.NativeCrypto");
            wrapped = Class.forName("org.conscrypt.Java8EngineWrapper").getDeclaredField("delegate");
            wrapped.setAccessible(true);
            engineSsl = engine.getDeclaredField("ssl");
            pointer = nativeSsl.getDeclaredField("ssl");
            clear = crypto.getDeclaredMethod("SSL_clear_options", long.class, nativeSsl, long.class);
            engineSsl.setAccessible(true);
            pointer.setAccessible(true);
            clear.setAccessible(true);
            reused = crypto.getDeclaredMethod("SSL_session_reused", long.class, nativeSsl);
            reused.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            engineSsl = null;
        }
        WRAPPED = wrapped;
        ENGINE_SSL = engineSsl;
        NATIVE_SSL_POINTER = pointer;
        CLEAR_OPTIONS = clear;
        SESSION_REUSED = reused;
    }

    private ConscryptNative() {
    }

    /**
     * The {@code ConscryptEngine} inside what Conscrypt's {@code createSSLEngine} returned (a
     * {@code Java8EngineWrapper} on Java 8+): the engine Conscrypt names to key managers; {@code engine} itself if
     * it is not a wrapper.
     */
    static SSLEngine conscryptEngine(SSLEngine engine) {
        try {
            if (WRAPPED != null && WRAPPED.getDeclaringClass().isInstance(engine)) {
                return (SSLEngine) WRAPPED.get(engine);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Conscrypt: its wrapper, if any, is not known
        }
        return engine;
    }

    /** Clears {@code SSL_OP_CIPHER_SERVER_PREFERENCE} on {@code engine}'s native {@code SSL}, once it exists. */
    static boolean clearCipherServerPreference(SSLEngine engine) {
        return call(engine, CLEAR_OPTIONS, SSL_OP_CIPHER_SERVER_PREFERENCE) != null;
    }

    /**
     * BoringSSL's {@code SSL_session_reused} on {@code engine}'s native {@code SSL} (Conscrypt's API has no such call,
     * and its session's creation time is in whole seconds), or null where it cannot be asked.
     */
    static Boolean sessionReused(SSLEngine engine) {
        Object r = SESSION_REUSED == null ? null : call(engine, SESSION_REUSED, null);
        return r instanceof Boolean ? (Boolean) r : null;
    }

    /** Calls {@code NativeCrypto.method(pointer, ssl[, arg])} on {@code engine}'s native {@code SSL}; null if not possible. */
    private static Object call(SSLEngine engine, Method method, Long arg) {
        if (ENGINE_SSL == null || method == null) {
            return null;
        }
        try {
            if (WRAPPED.getDeclaringClass().isInstance(engine)) {
                engine = (SSLEngine) WRAPPED.get(engine); // what Conscrypt's createSSLEngine returns on Java 8+
            }
            if (!ENGINE_SSL.getDeclaringClass().isInstance(engine)) {
                return null;
            }
            Object ssl = ENGINE_SSL.get(engine);
            long pointer = NATIVE_SSL_POINTER.getLong(ssl);
            if (pointer == 0) {
                return null;
            }
            Object r = arg == null ? method.invoke(null, pointer, ssl) : method.invoke(null, pointer, ssl, arg);
            return r == null ? Boolean.TRUE : r;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
