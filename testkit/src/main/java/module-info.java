/**
 * libssl4j's test kit: certificates made at run time, a context builder, a connected client/server pair, a BIO
 * pump, chunking and fault-injecting BIOs, and connections over loopback sockets. It needs no JUnit: the demo and
 * the benchmarks use it too. The JUnit 5 parameterization over the engines is in {@code org.libssl4j.testkit.junit}.
 */
module org.libssl4j.testkit {
    requires transitive org.libssl4j.api;
    requires transitive org.libssl4j.bio;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    exports org.libssl4j.testkit;
}
