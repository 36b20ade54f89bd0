package org.libssl4j.spi;

import java.util.List;

/**
 * What a server connection asks its application during the handshake, where libssl calls the servername callback
 * ({@code SSL_CTX_set_tlsext_servername_callback}) and the ALPN select callback ({@code SSL_CTX_set_alpn_select_cb}).
 * An engine calls each at most once per handshake, on the thread that drives it.
 */
public interface ServerHooks {
    /**
     * Whether {@link #servername} must be asked: the application set a servername callback or switched the
     * connection's context ({@code SSL_set_SSL_CTX}).
     */
    boolean asksServername();

    /**
     * The client's hello arrived, with server name {@code hostName} (null when it sent none): called before the
     * server's certificate is chosen.
     *
     * @return the engine context whose certificate and key the server presents (the connection's own unless the
     *     application switched it), or null to refuse the handshake with unrecognized_name
     */
    EngineContext servername(String hostName);

    /** Whether {@link #selectAlpn} must be asked: the application set an ALPN select callback. */
    boolean selectsAlpn();

    /**
     * Chooses the application protocol from the client's offer, in the client's order.
     *
     * @return the protocol (one of {@code offered}), "" to go on without ALPN, or null to fail the handshake with
     *     no_application_protocol
     */
    String selectAlpn(List<String> offered);
}
