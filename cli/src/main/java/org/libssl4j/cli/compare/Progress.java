package org.libssl4j.cli.compare;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Where {@code compare} is: on a terminal, one bar redrawn in place ({@code [#####-----]  42%  conformance bc:
 * Write}); otherwise one plain line as each step starts and ends, so a log shows the steps without control
 * characters. Written to standard error, which keeps standard output for the comparison itself.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int steps;
    private int done;
    private String step = "";
    private long stepStart;
    private int lastLength;

    Progress(PrintStream out, boolean terminal, int steps) {
        this.out = out;
        this.terminal = terminal;
        this.steps = Math.max(1, steps);
    }

    /** True when standard output and error are a terminal. */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it says whether it is a terminal.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only on a terminal
        }
    }

    /** A step begins. */
    void start(String name) {
        step = name;
        stepStart = System.nanoTime();
        if (terminal) {
            draw(0, "");
        } else {
            out.println("compare: " + name + " ...");
            out.flush();
        }
    }

    /** Within the step: {@code fraction} of it done, {@code detail} running. */
    void within(double fraction, String detail) {
        if (terminal) {
            draw(fraction, detail);
        }
    }

    /** The step ended; {@code summary} says how. */
    void end(String summary) {
        done++;
        double seconds = (System.nanoTime() - stepStart) / 1e9;
        if (terminal) {
            draw(0, "");
        } else {
            out.printf("compare: %s: %s (%.1f s)%n", step, summary, seconds);
            out.flush();
        }
    }

    /** Clears the bar, so what follows starts on a clean line. */
    void finish() {
        if (terminal) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }

    private void draw(double fraction, String detail) {
        double overall = Math.min(1, (done + Math.max(0, Math.min(1, fraction))) / steps);
        int filled = (int) Math.round(overall * WIDTH);
        String line = String.format("[%s%s] %3d%%  %s%s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                (int) Math.round(overall * 100), step, detail.isEmpty() ? "" : ": " + detail);
        if (line.length() > 100) {
            line = line.substring(0, 100);
        }
        int pad = Math.max(0, lastLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLength = line.length();
    }
}
