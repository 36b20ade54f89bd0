package org.libssl4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The call-sequence target's decoder: every input is a valid plan (FUZZ-2). */
class ChoicesTest {
    @Test
    @DisplayName("FUZZ-2 every choice read from any bytes is within its bounds, and an exhausted input gives the lowest")
    void choicesStayInBounds() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[random.nextInt(12)];
            random.nextBytes(input);
            Choices choices = new Choices(input, 0);
            for (int i = 0; i < 20; i++) {
                int min = random.nextInt(100) - 50;
                int max = min + (random.nextBoolean() ? random.nextInt(40_000) : Integer.MAX_VALUE / 2);
                assertThat(choices.nextInt(min, max)).isBetween(min, max);
                assertThat(choices.remaining()).isBetween(0, input.length);
            }
            assertThat(choices.remaining()).isZero();
            assertThat(choices.nextInt(3, 9)).isEqualTo(3);
            assertThat(choices.nextBoolean()).isFalse();
        }
    }
}
