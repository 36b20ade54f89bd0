package org.libssl4j.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conformance test that runs once for every engine ServiceLoader finds and every TLS version (1.3, then 1.2),
 * each pair a case of its own, so that a failure on one version hides nothing on the other. The method takes
 * {@code (String engine, int version)}; its {@code @DisplayName} starts with the rule ID and each run is named after
 * its engine and version: {@code R07.1 the first shutdown queues close_notify ...[jdk, TLSv1.3]}. As with
 * {@link EngineTest}, each run starts with the thread's error queue empty ({@link ClearErrorQueue}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = " [{0}, {1}]")
@MethodSource("org.libssl4j.testkit.junit.TestEngines#namesAndVersions")
@ExtendWith(ClearErrorQueue.class)
public @interface EngineVersionTest {
}
