/**
 * The Conscrypt (BoringSSL) engine of libssl4j, found by ServiceLoader under the name {@code conscrypt}.
 *
 * <p>{@code conscrypt-openjdk-uber} 2.5.2 has no {@code module-info}; its manifest names the automatic module
 * {@code org.conscrypt}.
 */
module org.libssl4j.engine.conscrypt {
    requires org.libssl4j.api;
    requires org.libssl4j.engine.jsse;
    requires org.conscrypt;
    provides org.libssl4j.spi.EngineProvider with org.libssl4j.engine.conscrypt.ConscryptEngineProvider;
}
