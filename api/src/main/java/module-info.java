/**
 * libssl4j's API: OpenSSL's libssl programming model ({@code SslCtx}, {@code Ssl}, {@code Bio}, mode flags,
 * {@code getError} codes and the error queue) and the engine SPI. The state machine in
 * {@code org.libssl4j.internal} gives every engine the same libssl behaviour and is not exported.
 */
module org.libssl4j.api {
    exports org.libssl4j;
    exports org.libssl4j.spi;
    uses org.libssl4j.spi.EngineProvider;
}
