package org.libssl4j.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * As {@link EngineTest}, once for every engine and every {@link BufferKind} a read can fill
 * (`BufferKind.enginesAndDestinations`): the method takes {@code (String engine, BufferKind kind)}, and each run is
 * named {@code ...[jdk, direct]}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = " [{0}, {1}]")
@MethodSource("org.libssl4j.it.BufferKind#enginesAndDestinations")
@ExtendWith(ClearErrorQueue.class)
public @interface EngineDestinationTest {
}
