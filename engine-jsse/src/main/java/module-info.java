/** The one adapter from any {@code javax.net.ssl.SSLEngine} to the libssl4j engine SPI. */
module org.libssl4j.engine.jsse {
    requires transitive org.libssl4j.api;
    exports org.libssl4j.engine.jsse;
}
