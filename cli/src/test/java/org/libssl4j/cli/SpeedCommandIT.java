package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.cli.EnginesCommandIT.jar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.libssl4j.cli.EnginesCommandIT.Run;

/** {@code libssl4j speed}, run as a user runs it: it measures something on every engine, ours and raw (no speed is asserted). */
class SpeedCommandIT {

    @Test
    void measuresOursAndRawOnEveryEngine() throws Exception {
        Run r = jar("speed", "-seconds", "0.4", "-bytes", "4096", "-handshakes");
        assertThat(r.exit()).as(r.err()).isZero();
        for (String engine : new String[] {"jdk", "bc", "conscrypt"}) {
            Matcher m = Pattern.compile("(?m)^" + engine + " +TLS_AES_\\w+ +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+)$")
                    .matcher(r.out());
            assertThat(m.find()).as(r.out()).isTrue();
            for (int g = 1; g <= 6; g++) {
                assertThat(Double.parseDouble(m.group(g))).as(engine + " column " + g).isPositive();
            }
        }
    }

    @Test
    void badArguments() throws Exception {
        Run r = jar("speed", "-seconds", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().trim()).isEqualTo("speed: -seconds and -bytes must be positive");
        Run e = jar("speed", "-engine", "nope");
        assertThat(e.exit()).isEqualTo(1);
        assertThat(e.err().trim()).startsWith("speed: no libssl4j engine named 'nope'");
    }
}
