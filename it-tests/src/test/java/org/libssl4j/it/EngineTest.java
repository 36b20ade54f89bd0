package org.libssl4j.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conformance test that runs once for every engine ServiceLoader finds. The method takes the engine's name;
 * its {@code @DisplayName} starts with the rule ID and each run is named after its engine, so the surefire
 * report names every case by both: {@code R05.3 shorter retry is bad length[jdk]}. Each run starts with the
 * thread's error queue empty ({@link ClearErrorQueue}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = " [{0}]")
@MethodSource("org.libssl4j.testkit.junit.TestEngines#names")
@ExtendWith(ClearErrorQueue.class)
public @interface EngineTest {
}
