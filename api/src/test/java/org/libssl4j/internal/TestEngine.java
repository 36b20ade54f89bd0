package org.libssl4j.internal;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.libssl4j.SslReason;
import org.libssl4j.spi.ConnectionConfig;
import org.libssl4j.spi.EngineContext;
import org.libssl4j.spi.EngineException;
import org.libssl4j.spi.TlsEngine;

/**
 * The one engine of the api module's tests: records carry plaintext under a real 5-byte header. The "handshake" is
 * one handshake record each way (the client's body is 1, a ClientHello; the server's is 2), close_notify is a plain
 * alert record, a fatal alert record becomes {@link EngineException#alertReceived}. After the handshake a handshake
 * record with body 0 (a HelloRequest, to a client) or 1 (a ClientHello, to a server) begins a renegotiation; any other
 * is absorbed as a ticket would be. {@link #renegotiate} makes a server send a HelloRequest, a client a ClientHello;
 * while a handshake is under way {@link #seal} takes nothing. {@link #failOn} makes one operation throw.
 */
final class TestEngine implements TlsEngine {
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    static final byte HELLO_REQUEST = 0;
    static final byte CLIENT_HELLO = 1;
    static final byte SERVER_HELLO = 2;
    static final byte TICKET = 4;

    /** The operations {@link #failOn} can make throw. */
    enum Op { BEGIN, STATUS, WRAP, SEAL, OPEN, CLOSE }

    final boolean client;
    String protocol = "TLSv1.2";
    String cipherSuite = "TLS_AES_128_GCM_SHA256";
    String requestedServerName;
    String selectedAlpn;
    List<X509Certificate> peerCertificates = List.of();
    int maxRecordSize = 5 + 16384;
    /** What {@link #renegotiate} answers. */
    boolean canRenegotiate = true;
    /** {@link #sealAlert} seals the alert asked for (Capability.ALERT_ON_REQUEST). */
    boolean alertOnRequest;
    /** A status to answer instead of the handshake's own (null: the handshake's). */
    Status forcedStatus;

    int beginCalls;
    int renegotiateCalls;
    int closeCalls;
    /** A local failure's alert still to send, or -1. */
    int alertToSend = -1;

    private Status status = Status.NOT_HANDSHAKING;
    private boolean handshaken;
    private boolean closeQueued;
    private boolean helloRequestQueued;
    private boolean outboundDone;
    private Op failOp;
    private Exception failure;

    TestEngine(boolean client) {
        this.client = client;
    }

    /** From now on {@code op} throws {@code e} (an {@link EngineException} or a {@link RuntimeException}). */
    TestEngine failOn(Op op, Exception e) {
        failOp = op;
        failure = e;
        return this;
    }

    private void check(Op op) throws EngineException {
        if (op != failOp) {
            return;
        }
        if (failure instanceof EngineException) {
            throw (EngineException) failure;
        }
        throw (RuntimeException) failure;
    }

    /** A record: type, version 0x0303, length, body. */
    static byte[] record(int type, byte... body) {
        byte[] r = new byte[5 + body.length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (body.length >> 8);
        r[4] = (byte) body.length;
        System.arraycopy(body, 0, r, 5, body.length);
        return r;
    }

    static byte[] closeNotify() {
        return record(ALERT, (byte) 1, (byte) 0);
    }

    static byte[] fatalAlert(int description) {
        return record(ALERT, (byte) 2, (byte) description);
    }

    @Override
    public void beginHandshake() throws EngineException {
        beginCalls++;
        check(Op.BEGIN);
        status = client ? Status.NEED_WRAP : Status.NEED_UNWRAP;
    }

    @Override
    public Status status() throws EngineException {
        check(Op.STATUS);
        if (forcedStatus != null) {
            return forcedStatus;
        }
        if (alertToSend >= 0 || closeQueued && !outboundDone) {
            return Status.NEED_WRAP;
        }
        return status;
    }

    @Override
    public int wrapHandshake(ByteBuffer out) throws EngineException {
        check(Op.WRAP);
        byte[] r;
        if (alertToSend >= 0) {
            r = fatalAlert(alertToSend);
        } else if (closeQueued && !outboundDone) {
            r = closeNotify();
        } else if (helloRequestQueued) {
            r = record(HANDSHAKE, HELLO_REQUEST);
        } else if (status == Status.NEED_WRAP) {
            r = record(HANDSHAKE, client ? CLIENT_HELLO : SERVER_HELLO);
        } else {
            return 0;
        }
        if (out.remaining() < r.length) {
            return OVERFLOW;
        }
        out.put(r);
        if (alertToSend >= 0) {
            alertToSend = -1;
        } else if (closeQueued && !outboundDone) {
            outboundDone = true;
        } else if (helloRequestQueued) {
            helloRequestQueued = false;
            status = Status.NEED_UNWRAP;
        } else {
            status = client ? Status.NEED_UNWRAP : Status.NOT_HANDSHAKING;
            handshaken |= !client;
        }
        return r.length;
    }

    @Override
    public int seal(ByteBuffer src, ByteBuffer out) throws EngineException {
        check(Op.SEAL);
        if (outboundDone || status != Status.NOT_HANDSHAKING) {
            return 0;
        }
        int n = Math.min(src.remaining(), maxPlaintextSize());
        byte[] body = new byte[n];
        src.get(body);
        out.put(record(APPLICATION_DATA, body));
        return n;
    }

    @Override
    public int open(ByteBuffer record, ByteBuffer dst) throws EngineException {
        check(Op.OPEN);
        int type = record.get() & 0xFF;
        record.position(record.position() + 4);
        byte[] body = new byte[record.remaining()];
        record.get(body);
        switch (type) {
            case APPLICATION_DATA:
                dst.put(body);
                return body.length;
            case ALERT:
                if (body[1] == 0) {
                    return CLOSED;
                }
                throw EngineException.alertReceived(body[1], null);
            case HANDSHAKE:
                handshakeMessage(body[0]);
                return 0;
            default:
                throw EngineException.of(SslReason.UNEXPECTED_RECORD, "content type " + type, null);
        }
    }

    private void handshakeMessage(byte message) {
        if (status == Status.NEED_UNWRAP) {
            status = client ? Status.NOT_HANDSHAKING : Status.NEED_WRAP;
            handshaken |= client;
        } else if (handshaken && message == (client ? HELLO_REQUEST : CLIENT_HELLO)) {
            status = Status.NEED_WRAP; // a client answers with a ClientHello, a server with a ServerHello
        }
        // else: a ticket, absorbed
    }

    @Override
    public int sealAlert(int description, ByteBuffer out) {
        if (!alertOnRequest) {
            return -1;
        }
        byte[] r = fatalAlert(description);
        out.put(r);
        return r.length;
    }

    @Override
    public boolean renegotiate() {
        renegotiateCalls++;
        if (canRenegotiate) {
            status = Status.NEED_WRAP;
            helloRequestQueued = !client;
        }
        return canRenegotiate;
    }

    @Override
    public void closeOutbound() {
        closeQueued = true;
    }

    @Override
    public boolean isOutboundDone() {
        return outboundDone;
    }

    @Override
    public int maxRecordSize() {
        return maxRecordSize;
    }

    @Override
    public int maxPlaintextSize() {
        return 16384;
    }

    @Override
    public String protocol() {
        return handshaken ? protocol : null;
    }

    @Override
    public String cipherSuite() {
        return handshaken ? cipherSuite : null;
    }

    @Override
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    @Override
    public String requestedServerName() {
        return requestedServerName;
    }

    @Override
    public String selectedAlpn() {
        return selectedAlpn;
    }

    @Override
    public void close() {
        closeCalls++;
        if (failOp == Op.CLOSE) {
            throw (RuntimeException) failure;
        }
    }

    /** The context the connections of a test get their engines from; {@link #setup} prepares each one made. */
    static final class Context implements EngineContext, Connection.ContextSource {
        final List<TestEngine> made = new ArrayList<>();
        final List<ConnectionConfig> configs = new ArrayList<>();
        Consumer<TestEngine> setup = e -> { };

        @Override
        public EngineContext get() {
            return this;
        }

        @Override
        public TlsEngine newEngine(ConnectionConfig config) {
            TestEngine e = new TestEngine(config.client());
            setup.accept(e);
            configs.add(config);
            made.add(e);
            return e;
        }

        /** The engine made last. */
        TestEngine engine() {
            return made.get(made.size() - 1);
        }

        @Override
        public void close() {
        }
    }
}
