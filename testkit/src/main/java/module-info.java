/**
 * libssl4j's test kit: certificates made at run time, a context builder, a connected client/server pair, a BIO
 * pump, chunking and fault-injecting BIOs, and the JUnit 5 parameterization over the engines that
 * {@code ServiceLoader} finds. Used by the conformance suite, the demo, the benchmarks and third-party engines.
 */
module org.libssl4j.testkit {
    requires transitive org.libssl4j.api;
    requires transitive org.libssl4j.bio;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    exports org.libssl4j.testkit;
}
