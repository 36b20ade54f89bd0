/** The BouncyCastle (bctls) engine of libssl4j, found by ServiceLoader under the name {@code bc}. */
module org.libssl4j.engine.bc {
    requires org.libssl4j.api;
    requires org.libssl4j.engine.jsse;
    requires org.bouncycastle.tls;
    requires org.bouncycastle.provider;
    requires java.logging;
    provides org.libssl4j.spi.EngineProvider with org.libssl4j.engine.bc.BcEngineProvider;
}
