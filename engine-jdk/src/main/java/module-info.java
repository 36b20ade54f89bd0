/** The SunJSSE engine of libssl4j, found by ServiceLoader under the name {@code jdk}. */
module org.libssl4j.engine.jdk {
    requires org.libssl4j.api;
    requires org.libssl4j.engine.jsse;
    provides org.libssl4j.spi.EngineProvider with org.libssl4j.engine.jdk.JdkEngineProvider;
}
