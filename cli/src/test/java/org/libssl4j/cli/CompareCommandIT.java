package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.cli.EnginesCommandIT.jar;
import static org.libssl4j.cli.EnginesCommandIT.jarWithin;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code libssl4j compare}, the main job, run as a user runs it: the real jar, as a process. */
class CompareCommandIT {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES) // the default run takes under 3 minutes on 2 cores
    void comparesEveryEngineAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        EnginesCommandIT.Run r = jarWithin(6, "compare", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();

        // Standard output: the comparison, every engine, every section, and the verdict.
        for (String section : new String[] {"Engines", "Capabilities", "Conformance", "Interop between engines",
                "Interop with OpenSSL", "Speed", "Idle memory", "Environment"}) {
            assertThat(r.out()).containsPattern("(?m)^" + section + "$");
        }
        assertThat(r.out()).contains("Verdict: ").contains("jdk PASS").contains("bc PASS").contains("conscrypt PASS");
        // the interop matrix: nine cells of four cases, all passed
        Matcher cells = Pattern.compile("\\| 4/4 ").matcher(r.out());
        int count = 0;
        while (cells.find()) {
            count++;
        }
        assertThat(count).as("4/4 cells of the 3x3 interop matrix").isEqualTo(9);
        assertThat(r.out()).contains("| Write ").contains("| ScheduleExplorer ").doesNotContain("FAILED");
        // skips name the capability lacked, as the suite's assumptions do
        assertThat(r.out()).contains("RENEGOTIATION x");

        // Standard error, not a terminal here: plain progress lines, no bar and no stack trace.
        assertThat(r.err()).contains("compare: conformance jdk ...").contains("compare: interop ")
                .contains("compare: speed conscrypt: ").doesNotContain("\r").doesNotContain("\tat ");

        // The report: HTML self-contained, Markdown with its charts, JSON, and the charts themselves.
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").doesNotContain("src=\"http").doesNotContain("<script");
        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int charts = 0;
        while (images.find()) {
            BufferedImage png = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertThat(png.getWidth()).isEqualTo(720);
            charts++;
        }
        assertThat(charts).as("charts inline in report.html").isEqualTo(3);
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("## Conformance").contains("](throughput.png)").contains("](handshakes.png)").contains("](memory.png)");
        for (String chart : new String[] {"throughput.png", "handshakes.png", "memory.png"}) {
            BufferedImage png = ImageIO.read(out.resolve(chart).toFile());
            assertThat(png).as(chart).isNotNull();
            assertThat(png.getHeight()).isEqualTo(360);
        }
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).startsWith("{").contains("\"passed\": true").contains("\"conformance\": {")
                .contains("\"name\": \"conscrypt\"").contains("\"oursMegabytesPerSecond\": ").doesNotContain("NaN");
        assertThat(out.resolve("logs").resolve("conformance-bc.log")).exists();
    }

    /**
     * An engine that fails a check makes the run exit 1, with the failures in the output and the report; with no
     * openssl binary, the OpenSSL section says it was not run.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anEngineThatFailsIsExitCode1AndTheFailuresAreNamed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        String classPath = String.join(java.io.File.pathSeparator, System.getProperty("libssl4j.cliJar", "target/libssl4j.jar"),
                "target/test-classes", "src/test/liar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "org.libssl4j.cli.Main", "compare", "--engines", "liar", "--openssl", dir.resolve("no-openssl").toString(),
                "--out", out.toString()).redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String stdout = Files.readString(dir.resolve("out"));
        assertThat(p.exitValue()).as(stdout + Files.readString(dir.resolve("err"))).isEqualTo(1);
        assertThat(stdout).containsPattern("\\| liar +\\| liar on SunJSSE .*\\| FAIL \\(\\d+\\) +\\|")
                .contains("FAILED on liar: ").contains("KEY_UPDATE").containsPattern("Verdict: liar FAIL \\(\\d+\\)")
                .contains("Not run: no " + dir.resolve("no-openssl") + " binary found");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"passed\": false").contains("\"notRun\": \"no ");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<td class=\"fail\">FAIL (");
    }

    @Test
    void anUnknownEngineIsOneLineAndExitCode1() throws Exception {
        EnginesCommandIT.Run r = jar("compare", "--engines", "jdk,nope");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().trim()).startsWith("compare: --engines nope: no such engine (found: ").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenFailsAtOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        EnginesCommandIT.Run r = jar("compare", "--out", file.resolve("report").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().trim()).startsWith("compare: --out " + file.resolve("report") + ": cannot write the report there")
                .doesNotContain("\n");
    }

    @Test
    void aUsageErrorIsExitCode2() throws Exception {
        EnginesCommandIT.Run r = jar("compare", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("compare: Unknown option: '--bogus'");
        EnginesCommandIT.Run help = jar("compare", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--engines").contains("--full").contains("--out");
    }
}
