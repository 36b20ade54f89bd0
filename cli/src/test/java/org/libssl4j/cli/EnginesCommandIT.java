package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.libssl4j.Capability;

/** {@code libssl4j engines}, run as a user runs it: {@code java -jar cli/target/libssl4j.jar engines}. */
class EnginesCommandIT {

    /** The output, error output and exit code of one run of the real jar. */
    record Run(int exit, String out, String err) {
    }

    static Run jar(String... args) throws Exception {
        return jarWithin(2, args);
    }

    /** As {@link #jar}, allowed {@code minutes}. */
    static Run jarWithin(int minutes, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("libssl4j.cliJar", "target/libssl4j.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("libssl4j " + String.join(" ", args) + " did not finish in " + minutes + " minutes");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void listsEveryEngineWithItsVersionAndCapabilities() throws Exception {
        Run r = jar("engines");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("jdk").contains("SunJSSE " + System.getProperty("java.version"))
                .contains("bc").contains("bctls").contains("TLS1_2").contains("TLS1_3").contains("(default)");
        assertThat(r.out()).containsAnyOf("conscrypt", "unavailable");
        assertThat(r.err()).as("nothing on standard error (no JVM or provider warnings)").isEmpty();
    }

    @Test
    void verboseGivesEveryCapabilityWithItsMeaning() throws Exception {
        Run r = jar("engines", "-v");
        assertThat(r.exit()).as(r.err()).isZero();
        for (Capability c : Capability.values()) {
            assertThat(r.out()).contains(c.name()).contains(EnginesCommand.MEANING.get(c));
        }
        assertThat(r.out()).containsPattern("(?m)^ +(yes|no) +CERTIFICATE_ALERTS ");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() throws Exception {
        Run r = jar("engines", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("engines: Unknown option: '--bogus'").doesNotContain("at org.");
        Run unknown = jar("nonsense");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("nonsense").doesNotContain("Exception");
    }

    @Test
    void versionAndHelp() throws Exception {
        Run v = jar("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("libssl4j ").contains("Java " + System.getProperty("java.version"));
        Run h = jar("help", "engines");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("Usage: libssl4j engines").contains("-v");
    }
}
