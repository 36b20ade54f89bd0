package org.libssl4j.testkit;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.libssl4j.Capability;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.ContextConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.EngineFactory;
import org.libssl4j.spi.EngineProvider;
import org.libssl4j.spi.TlsEngine;

/**
 * An engine without cryptography, for testing the state machine alone: records carry their plaintext, the
 * "handshake" is one record each way, close_notify is a plain alert record. It is not registered with
 * {@code ServiceLoader} (it is no TLS); make one with {@code Engines.load(new NullEngineProvider())}.
 *
 * <p>It allocates nothing per record, so that allocation measured around it is the state machine's.
 */
public final class NullEngineProvider implements EngineProvider {
    /** The engine's name. */
    public static final String NAME = "null";

    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

    /** A provider; its engine is made by {@link #load()}. */
    public NullEngineProvider() {
    }

    /** How many null engines were made and not yet closed, in this JVM: for tests of freeing. */
    public static int openEngines() {
        return OPEN.get();
    }

    /** How many null engine contexts were made and not yet closed, in this JVM: for tests of freeing contexts. */
    public static int openContexts() {
        return OPEN_CONTEXTS.get();
    }

    @Override

    public int spiVersion() {

        return SPI_VERSION;

    }


    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -1000;
    }

    @Override
    public EngineFactory load() {
        return new EngineFactory() {
            @Override
            public String version() {
                return "null 1";
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.of(Capability.TLS1_2);
            }

            @Override
            public EngineContext newContext(ContextConfig config) {
                OPEN_CONTEXTS.incrementAndGet();
                return new EngineContext() {
                    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

                    @Override
                    public TlsEngine newEngine(ConnectionConfig cc) {
                        return new NullEngine(cc.client());
                    }

                    @Override
                    public void close() {
                        if (closed.compareAndSet(false, true)) {
                            OPEN_CONTEXTS.decrementAndGet();
                        }
                    }
                };
            }
        };
    }

    /** The engine: see the class. */
    private static final class NullEngine implements TlsEngine {
        private static final int HEADER = 5;
        private static final int MAX_PLAINTEXT = 16384;
        private final boolean client;
        private Status status;
        private boolean closeQueued;
        private boolean outboundDone;

        private boolean closed;

        NullEngine(boolean client) {
            this.client = client;
            OPEN.incrementAndGet();
        }

        @Override
        public void beginHandshake() {
            status = client ? Status.NEED_WRAP : Status.NEED_UNWRAP;
        }

        @Override
        public Status status() {
            return status;
        }

        @Override
        public int wrapHandshake(ByteBuffer out) {
            if (closeQueued) {
                closeQueued = false;
                outboundDone = true;
                header(out, 21, 2).put((byte) 1).put((byte) 0); // warning close_notify
                return HEADER + 2;
            }
            if (status != Status.NEED_WRAP) {
                return 0;
            }
            header(out, 22, 1).put((byte) (client ? 1 : 2));
            status = client ? Status.NEED_UNWRAP : Status.NOT_HANDSHAKING;
            return HEADER + 1;
        }

        private static ByteBuffer header(ByteBuffer out, int type, int length) {
            return out.put((byte) type).put((byte) 3).put((byte) 3).put((byte) (length >> 8)).put((byte) length);
        }

        @Override
        public int seal(ByteBuffer src, ByteBuffer out) {
            if (status != Status.NOT_HANDSHAKING || outboundDone) {
                return 0;
            }
            int n = Math.min(src.remaining(), MAX_PLAINTEXT);
            header(out, 23, n);
            int limit = src.limit();
            src.limit(src.position() + n);
            out.put(src);
            src.limit(limit);
            return n;
        }

        @Override
        public int open(ByteBuffer record, ByteBuffer dst) throws EngineException {
            int type = record.get(record.position()) & 0xFF;
            record.position(record.position() + HEADER);
            switch (type) {
                case 23:
                    int n = record.remaining();
                    dst.put(record);
                    return n;
                case 22:
                    record.position(record.limit());
                    if (status == Status.NEED_UNWRAP) {
                        status = client ? Status.NOT_HANDSHAKING : Status.NEED_WRAP;
                    }
                    return 0;
                case 21:
                    record.get(); // level
                    int description = record.get();
                    if (description == 0) {
                        return CLOSED;
                    }
                    throw EngineException.alertReceived(description & 0xFF, null);
                default:
                    throw EngineException.of(SslReason.UNEXPECTED_RECORD, "record type " + type, null);
            }
        }

        @Override
        public void closeOutbound() {
            if (!outboundDone) {
                closeQueued = true;
            }
        }

        @Override
        public boolean isOutboundDone() {
            return outboundDone;
        }

        @Override
        public int maxRecordSize() {
            return HEADER + MAX_PLAINTEXT;
        }

        @Override
        public int maxPlaintextSize() {
            return MAX_PLAINTEXT;
        }

        @Override
        public String protocol() {
            return status == Status.NOT_HANDSHAKING ? "TLSv1.2" : null;
        }

        @Override
        public String cipherSuite() {
            return "TLS_NULL_WITH_NULL_NULL";
        }

        @Override
        public List<X509Certificate> peerCertificates() {
            return List.of();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                OPEN.decrementAndGet();
            }
        }
    }
}
