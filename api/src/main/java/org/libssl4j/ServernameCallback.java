package org.libssl4j;

/**
 * The server's servername callback ({@code SSL_CTX_set_tlsext_servername_callback}): called once per handshake when
 * the client's hello has arrived, before the server's certificate is chosen, also when the client sent no name.
 * It reads the name with {@link Ssl#getServername()} and may switch the connection to another context with
 * {@link Ssl#setSslCtx(SslCtx)}, whose certificate and key the server then presents.
 */
@FunctionalInterface
public interface ServernameCallback {
    /**
     * Decides how the handshake goes on.
     *
     * @param ssl the server connection
     * @param alert the alert to send on {@link SslTlsext#ERR_ALERT_FATAL}, preset to
     *     {@link SslTlsext#AD_UNRECOGNIZED_NAME} ({@code *al}); engines send unrecognized_name whatever it says
     * @return {@link SslTlsext#ERR_OK}, {@link SslTlsext#ERR_NOACK} or {@link SslTlsext#ERR_ALERT_WARNING} to go on,
     *     {@link SslTlsext#ERR_ALERT_FATAL} to fail the handshake
     */
    int servername(Ssl ssl, int[] alert);
}
