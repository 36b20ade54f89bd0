package org.libssl4j;

import java.util.List;

/**
 * The server's ALPN select callback ({@code SSL_CTX_set_alpn_select_cb}): called once per handshake with the
 * protocols the client offers, in its order. When set it replaces the server's own list
 * ({@link SslCtx#setAlpnProtos}).
 */
@FunctionalInterface
public interface AlpnSelectCallback {
    /**
     * Chooses the protocol.
     *
     * @param ssl the server connection
     * @param out where the choice goes ({@code out[0]}, one of {@code offered}) for {@link SslTlsext#ERR_OK}
     * @param offered the client's protocols, in its order
     * @return {@link SslTlsext#ERR_OK} with {@code out[0]} set, {@link SslTlsext#ERR_NOACK} to go on without ALPN,
     *     or {@link SslTlsext#ERR_ALERT_FATAL} to fail the handshake with no_application_protocol
     */
    int select(Ssl ssl, String[] out, List<String> offered);
}
