package org.libssl4j.engine.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.ServerHooks;

/**
 * libssl's servername callback on a JSSE server, and {@code SSL_set_SSL_CTX}'s switch of certificate. JSSE has no
 * callback at the client's hello, but it has two calls there: an {@link SNIMatcher} for the client's name (false
 * refuses the hello with unrecognized_name), and the key manager's {@code chooseEngineServerAlias}, which names
 * the engine. The application is asked in the first of them to run ({@link Asked}, once per handshake); the key
 * manager then presents the certificate and key of the context the application chose, with aliases of another
 * context's key manager marked as such ({@link #FOREIGN}). The key managers of contexts switched to stay in
 * {@link #foreign} for this context's life: one entry per context ever switched to, not per connection.
 */
final class ServernameSwitch {
    private static final String FOREIGN = "libssl4j-context-";
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String id = FOREIGN + IDS.incrementAndGet() + ":";
    private final Map<SSLEngine, Asked> engines = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, X509ExtendedKeyManager> foreign = new ConcurrentHashMap<>();
    private final X509ExtendedKeyManager own;

    /** @param base the context's own key managers (empty when it has no key) */
    ServernameSwitch(KeyManager[] base) {
        X509ExtendedKeyManager found = null;
        for (KeyManager km : base) {
            if (km instanceof X509ExtendedKeyManager) {
                found = (X509ExtendedKeyManager) km;
                break;
            }
        }
        this.own = found;
    }

    /** The key managers to initialise the context's {@code SSLContext} with. */
    KeyManager[] keyManagers() {
        return new KeyManager[] {new Switching()};
    }

    /** The context's own key manager, or null when it has no key. */
    X509ExtendedKeyManager ownKeys() {
        return own;
    }

    /**
     * Asks {@code hooks} during {@code engine}'s handshakes.
     *
     * @param keyManagerEngine the object the provider names in its key manager calls for {@code engine}
     *     ({@link JsseBinding#keyManagerEngine})
     */
    Asked register(SSLEngine engine, SSLEngine keyManagerEngine, ServerHooks hooks) {
        Asked a = new Asked(hooks);
        engines.put(engine, a);
        engines.put(keyManagerEngine, a);
        return a;
    }

    /** The host name the client sent, as the handshake session tells it to a key manager; null if none. */
    private static String requestedHostName(SSLEngine engine) {
        try {
            javax.net.ssl.SSLSession session = engine.getHandshakeSession();
            if (session instanceof javax.net.ssl.ExtendedSSLSession) {
                for (SNIServerName n : ((javax.net.ssl.ExtendedSSLSession) session).getRequestedServerNames()) {
                    if (n instanceof SNIHostName) {
                        return ((SNIHostName) n).getAsciiName();
                    }
                }
            }
        } catch (RuntimeException e) {
            // a provider that cannot tell: as if the client sent no name
        }
        return null;
    }

    /** One server connection's answer from its application, asked once per handshake. */
    static final class Asked {
        private final ServerHooks hooks;
        private boolean asked;
        private String name;
        private EngineContext chosen;

        Asked(ServerHooks hooks) {
            this.hooks = hooks;
        }

        /** The context to present, asking the application the first time; null if it refused. */
        synchronized EngineContext ask(String hostName) {
            if (!asked) {
                asked = true;
                name = hostName;
                chosen = hooks.servername(hostName);
            }
            return chosen;
        }

        /** The name the client sent, once the application was asked; null before or when it sent none. */
        synchronized String name() {
            return name;
        }

        /** The client's name is matched by asking the application. */
        SNIMatcher matcher() {
            return new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName serverName) {
                    String host;
                    try {
                        host = serverName instanceof SNIHostName ? ((SNIHostName) serverName).getAsciiName()
                                : new SNIHostName(serverName.getEncoded()).getAsciiName();
                    } catch (IllegalArgumentException e) {
                        host = null; // not a host name libssl would show either
                    }
                    return ask(host) != null;
                }
            };
        }
    }

    /** The key manager of every context: its own keys, or those of the context a servername callback chose. */
    private final class Switching extends X509ExtendedKeyManager {
        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            Asked a = engine == null ? null : engines.get(engine);
            if (a == null) {
                return own == null ? null : own.chooseEngineServerAlias(keyType, issuers, engine);
            }
            // The provider called no SNIMatcher (there was no name, or it never calls them: Conscrypt): ask here.
            EngineContext chosen = a.ask(requestedHostName(engine));
            if (chosen == null) {
                return null;
            }
            X509ExtendedKeyManager keys = chosen instanceof JsseContext ? ((JsseContext) chosen).ownKeys() : own;
            if (keys == null) {
                return null;
            }
            String alias = keys.chooseEngineServerAlias(keyType, issuers, engine);
            if (alias == null || keys == own) {
                return alias;
            }
            String prefix = ((JsseContext) chosen).switchId();
            foreign.put(prefix, keys);
            return prefix + alias;
        }

        private X509ExtendedKeyManager keysOf(String alias) {
            if (alias != null && alias.startsWith(FOREIGN)) {
                int colon = alias.indexOf(':');
                return foreign.get(alias.substring(0, colon + 1));
            }
            return own;
        }

        private String aliasIn(String alias) {
            return alias != null && alias.startsWith(FOREIGN) ? alias.substring(alias.indexOf(':') + 1) : alias;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            X509ExtendedKeyManager keys = keysOf(alias);
            return keys == null ? null : keys.getCertificateChain(aliasIn(alias));
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            X509ExtendedKeyManager keys = keysOf(alias);
            return keys == null ? null : keys.getPrivateKey(aliasIn(alias));
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return own == null ? null : own.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return own == null ? null : own.getServerAliases(keyType, issuers);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return own == null ? null : own.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return own == null ? null : own.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return own == null ? null : own.chooseEngineClientAlias(keyType, issuers, engine);
        }
    }

    /** The prefix that marks this context's aliases when another context's connection presents them. */
    String id() {
        return id;
    }
}
