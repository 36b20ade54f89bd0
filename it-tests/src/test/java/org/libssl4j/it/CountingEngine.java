package org.libssl4j.it;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.libssl4j.Capability;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;
import org.libssl4j.spi.EngineSession;
import org.libssl4j.spi.TlsEngine;

/**
 * A real engine behind a decorator that counts the engines ({@code SSL}) and engine contexts it made and that are
 * not closed yet: what shows, for an engine with no counter of its own, that {@code close()} and the
 * {@code Cleaner} free every connection. Every call goes to the real engine unchanged.
 */
final class CountingEngine {
    private final AtomicInteger openEngines = new AtomicInteger();
    private final AtomicInteger openContexts = new AtomicInteger();
    private final Engine engine;

    private CountingEngine(EngineProvider real) {
        this.engine = Engines.load(new Provider(real, this));
    }

    /** The engine named {@code name}, as {@link java.util.ServiceLoader} finds it, behind a counter of its own. */
    static CountingEngine of(String name) {
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                return new CountingEngine(p);
            }
        }
        throw new IllegalArgumentException("no engine provider named " + name);
    }

    /** The counted engine, to make contexts with ({@code SslCtx.newCtx(method, engine())}). */
    Engine engine() {
        return engine;
    }

    /** Engines made and not closed. */
    int openEngines() {
        return openEngines.get();
    }

    /** Engine contexts made and not closed. */
    int openContexts() {
        return openContexts.get();
    }

    private record Provider(EngineProvider real, CountingEngine counts) implements EngineProvider {
        @Override
        public int spiVersion() {
            return real.spiVersion();
        }

        @Override
        public String name() {
            return real.name() + "-counted";
        }

        @Override
        public int priority() {
            return real.priority();
        }

        @Override
        public EngineFactory load() throws Exception {
            return new Factory(real.load(), counts);
        }
    }

    private record Factory(EngineFactory real, CountingEngine counts) implements EngineFactory {
        @Override
        public String version() {
            return real.version();
        }

        @Override
        public Set<Capability> capabilities() {
            return real.capabilities();
        }

        @Override
        public EngineContext newContext(ContextConfig config) throws EngineException {
            EngineContext context = real.newContext(config);
            counts.openContexts.incrementAndGet();
            return new Context(context, counts);
        }
    }

    private static final class Context implements EngineContext {
        private final EngineContext real;
        private final CountingEngine counts;
        private final AtomicInteger closed = new AtomicInteger();

        Context(EngineContext real, CountingEngine counts) {
            this.real = real;
            this.counts = counts;
        }

        @Override
        public TlsEngine newEngine(ConnectionConfig config) throws EngineException {
            TlsEngine engine = real.newEngine(config);
            counts.openEngines.incrementAndGet();
            return new Counted(engine, counts);
        }

        @Override
        public List<String> cipherSuites() {
            return real.cipherSuites();
        }

        @Override
        public List<String> supportedCipherSuites() {
            return real.supportedCipherSuites();
        }

        @Override
        public int sessionCount() {
            return real.sessionCount();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(0, 1)) {
                counts.openContexts.decrementAndGet();
            }
            real.close();
        }
    }

    private static final class Counted implements TlsEngine {
        private final TlsEngine real;
        private final CountingEngine counts;
        private boolean closed;

        Counted(TlsEngine real, CountingEngine counts) {
            this.real = real;
            this.counts = counts;
        }

        @Override
        public void beginHandshake() throws EngineException {
            real.beginHandshake();
        }

        @Override
        public Status status() throws EngineException {
            return real.status();
        }

        @Override
        public int wrapHandshake(ByteBuffer out) throws EngineException {
            return real.wrapHandshake(out);
        }

        @Override
        public int seal(ByteBuffer src, ByteBuffer out) throws EngineException {
            return real.seal(src, out);
        }

        @Override
        public int open(ByteBuffer record, ByteBuffer dst) throws EngineException {
            return real.open(record, dst);
        }

        @Override
        public int sealAlert(int description, ByteBuffer out) throws EngineException {
            return real.sealAlert(description, out);
        }

        @Override
        public boolean renegotiate() throws EngineException {
            return real.renegotiate();
        }

        @Override
        public void closeOutbound() {
            real.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return real.isOutboundDone();
        }

        @Override
        public int maxRecordSize() {
            return real.maxRecordSize();
        }

        @Override
        public int maxPlaintextSize() {
            return real.maxPlaintextSize();
        }

        @Override
        public String protocol() {
            return real.protocol();
        }

        @Override
        public String cipherSuite() {
            return real.cipherSuite();
        }

        @Override
        public List<X509Certificate> peerCertificates() {
            return real.peerCertificates();
        }

        @Override
        public String requestedServerName() {
            return real.requestedServerName();
        }

        @Override
        public String selectedAlpn() {
            return real.selectedAlpn();
        }

        @Override
        public int negotiatedGroup() {
            return real.negotiatedGroup();
        }

        @Override
        public EngineSession session() {
            return real.session();
        }

        @Override
        public boolean sessionReused() {
            return real.sessionReused();
        }

        @Override
        public int verifyResult() {
            return real.verifyResult();
        }

        @Override
        public void close() {
            // The connection frees its engine once, on one thread (close() or the Cleaner's), as SSL_free.
            if (!closed) {
                closed = true;
                counts.openEngines.decrementAndGet();
            }
            real.close();
        }
    }
}
