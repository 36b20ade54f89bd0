/**
 * The BouncyCastle (bctls) engine of libssl4j, found by ServiceLoader under the name {@code bc}. Its one exported
 * package, {@code org.libssl4j.engine.bc.provider}, makes the BouncyCastle providers as the engine configures them;
 * its signatures name bctls's types, so bctls is a transitive requirement.
 */
module org.libssl4j.engine.bc {
    requires org.libssl4j.api;
    requires org.libssl4j.engine.jsse;
    requires transitive org.bouncycastle.tls;
    requires org.bouncycastle.provider;
    requires java.logging;
    exports org.libssl4j.engine.bc.provider;
    provides org.libssl4j.spi.EngineProvider with org.libssl4j.engine.bc.BcEngineProvider;
}
