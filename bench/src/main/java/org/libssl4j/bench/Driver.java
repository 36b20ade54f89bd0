package org.libssl4j.bench;

/**
 * One way of running TLS between a client and a server in this thread, in memory. Each implementation keeps a pair
 * of connections for {@link #transfer} and makes fresh ones for {@link #handshakeOnce}.
 */
interface Driver extends AutoCloseable {
    /** A new client and server, a full TLS 1.3 handshake between them, both discarded. */
    void handshakeOnce() throws Exception;

    /** Makes and handshakes the connection pair {@link #transfer} uses. */
    void connect() throws Exception;

    /**
     * One application write of {@code data} (16 KiB) by the client, read completely by the server.
     *
     * @return the number of bytes the server read (for the blackhole)
     */
    int transfer(byte[] data) throws Exception;

    /** The negotiated protocol and cipher suite of the connected pair, for the log. */
    String describe();

    @Override
    void close() throws Exception;
}
