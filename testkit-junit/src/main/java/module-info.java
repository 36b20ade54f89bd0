/**
 * The JUnit 5 part of libssl4j's test kit: the engines that {@code ServiceLoader} finds (and those a build requires)
 * as the arguments of parameterized tests, alone, with each TLS version, or as client and server pairs, and skips
 * that name the capability an engine lacks. The rest of the kit, {@code org.libssl4j.testkit}, needs no JUnit.
 */
module org.libssl4j.testkit.junit {
    requires transitive org.libssl4j.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    exports org.libssl4j.testkit.junit;
}
