package org.libssl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.guice.Libssl4jModule;

/** The command line's commands are made by Guice from {@link Libssl4jModule}: what a module binds, they use. */
class GuiceWiringTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result run(com.google.inject.Module module, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), module);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aModuleOverridingTheDefaultEngineIsWhatTheCommandsUse() {
        String last = Engines.available().get(Engines.available().size() - 1).name();
        assertThat(last).isNotEqualTo(Engines.getDefault().name());
        com.google.inject.Module override = Modules.override(new Libssl4jModule()).with(binder ->
                OptionalBinder.newOptionalBinder(binder, Engine.class).setBinding().toInstance(Engines.get(last)));
        Result engines = run(override, "engines");
        assertThat(engines.exit()).isZero();
        assertThat(engines.out()).containsPattern("(?m)^" + last + " .*\\(default\\)$");
        Result ciphers = run(override, "ciphers", "-v");
        Result named = run(new Libssl4jModule(), "ciphers", "-v", "-engine", last);
        assertThat(ciphers.out()).isEqualTo(named.out()).isNotEmpty();
    }

    @Test
    void aMissingDefaultEngineIsOneClearLine() {
        Properties p = new Properties();
        p.setProperty(Libssl4jModule.ENGINE, "nope");
        Result r = run(new Libssl4jModule(p), "ciphers");
        assertThat(r.exit()).isEqualTo(Main.FAILED);
        assertThat(r.err().trim()).startsWith("ciphers: no libssl4j engine named 'nope'").doesNotContain("\n").doesNotContain("Guice");
        assertThat(r.out()).isEmpty();
    }
}
