/**
 * libssl4j's API: OpenSSL's libssl programming model ({@code SslCtx}, {@code Ssl}, {@code Bio}, mode flags,
 * {@code getError} codes and the error queue) and the engine SPI. The state machine in
 * {@code org.libssl4j.internal} gives every engine the same libssl behaviour and is not exported.
 */
module org.libssl4j.api {
    exports org.libssl4j;
    exports org.libssl4j.spi;
    // The bio module's SocketBio is the socket BIO behind Ssl.setChannel; it is written once, here.
    exports org.libssl4j.internal to org.libssl4j.bio;
    uses org.libssl4j.spi.EngineProvider;
}
