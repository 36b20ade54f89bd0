package org.libssl4j;

/** The connection method a context is made for: {@code TLS_method()}, {@code TLS_client_method()}, {@code TLS_server_method()}. */
public enum SslMethod {
    /** {@code TLS_method()}: either side; the side is chosen by {@link Ssl#setConnectState()} or {@link Ssl#setAcceptState()}. */
    TLS,
    /** {@code TLS_client_method()}: client connections only. */
    TLS_CLIENT,
    /** {@code TLS_server_method()}: server connections only. */
    TLS_SERVER;

    /** Whether connections of this method may act as a client. */
    public boolean allowsClient() {
        return this != TLS_SERVER;
    }

    /** Whether connections of this method may act as a server. */
    public boolean allowsServer() {
        return this != TLS_CLIENT;
    }
}
