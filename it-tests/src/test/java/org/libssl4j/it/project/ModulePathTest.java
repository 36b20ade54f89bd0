package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.EngineInfo;
import org.libssl4j.Engines;

/** The published modules work on the module path: the API's {@code uses} finds the engine's {@code provides}. */
class ModulePathTest {

    /** Run in a child JVM: the API and engines on the module path, this class on the class path. */
    public static void main(String[] args) {
        System.out.println("module " + Engines.class.getModule().getName());
        for (EngineInfo e : Engines.all()) {
            System.out.println("engine " + e.name() + " " + e.isAvailable());
        }
        java.util.ServiceLoader.load(org.libssl4j.spi.EngineProvider.class).stream()
                .forEach(p -> System.out.println("provider in " + p.type().getModule().getName()));
    }

    @Test
    @DisplayName("JPMS-1 on the module path ServiceLoader finds the jdk engine through module-info provides/uses")
    void modulePath() throws Exception {
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.matches(".*libssl4j-(api|engine-jsse|engine-jdk)[^" + File.separator + "]*\\.jar")
                        || p.matches(".*(api|engine-jsse|engine-jdk)" + File.separator + "target" + File.separator + "classes"))
                .collect(Collectors.toList());
        assertThat(jars).as("api, engine-jsse and engine-jdk on the test class path").hasSize(3);
        String self = Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, jars),
                "--add-modules", "org.libssl4j.engine.jdk",
                "-cp", self, ModulePathTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("module org.libssl4j.api").contains("engine jdk true")
                .contains("provider in org.libssl4j.engine.jdk");
    }
}
