/**
 * The SunJSSE engine of libssl4j, found by ServiceLoader under the name {@code jdk}. Its one exported package,
 * {@code org.libssl4j.engine.jdk.failures}, reads SunJSSE's failures in OpenSSL's terms for engines of one's own over
 * SunJSSE; its signatures name the API's SPI types, so the API is a transitive requirement.
 */
module org.libssl4j.engine.jdk {
    requires transitive org.libssl4j.api;
    requires org.libssl4j.engine.jsse;
    exports org.libssl4j.engine.jdk.failures;
    provides org.libssl4j.spi.EngineProvider with org.libssl4j.engine.jdk.JdkEngineProvider;
}
