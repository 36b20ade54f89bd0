package org.libssl4j.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libssl4j.Capability;
import org.libssl4j.cli.SpeedMeasurement;

/** {@code report.json}: the comparison as data, for a script or a dashboard. Numbers not measured are null. */
final class JsonReport {
    private JsonReport() {
    }

    static String of(Comparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", c.environment);
        List<Object> engines = new ArrayList<>();
        for (Comparison.EngineRow e : c.engines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("version", e.version());
            m.put("available", e.available());
            m.put("unavailableReason", e.unavailableReason());
            m.put("capabilities", e.capabilities().stream().map(Capability::name).toList());
            m.put("passed", e.available() ? c.failures(e.name()).isEmpty() : null);
            m.put("failures", e.available() ? c.failures(e.name()) : List.of());
            engines.add(m);
        }
        root.put("engines", engines);
        root.put("conformance", suites(c.conformance));
        List<Object> interop = new ArrayList<>();
        for (Comparison.InteropCase i : c.interop) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client", i.client());
            m.put("server", i.server());
            m.put("version", i.version());
            m.put("key", i.key());
            m.put("status", i.status().name());
            m.put("message", i.message().isEmpty() ? null : i.message());
            interop.add(m);
        }
        root.put("interop", interop);
        Map<String, Object> openssl = new LinkedHashMap<>();
        openssl.put("binary", c.openssl);
        openssl.put("notRun", c.opensslAbsent);
        openssl.put("results", suites(c.opensslInterop));
        root.put("openssl", openssl);
        List<Object> speed = new ArrayList<>();
        for (SpeedMeasurement.Result r : c.speed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", r.engine());
            m.put("protocol", r.protocol());
            m.put("suite", r.suite());
            m.put("bytesPerWrite", r.bytesPerWrite());
            m.put("oursMegabytesPerSecond", rate(r.oursBulk()));
            m.put("rawMegabytesPerSecond", rate(r.rawBulk()));
            m.put("oursHandshakesPerSecond", rate(r.oursHandshakes()));
            m.put("rawHandshakesPerSecond", rate(r.rawHandshakes()));
            speed.add(m);
        }
        root.put("speed", speed);
        List<Object> memory = new ArrayList<>();
        for (IdleMemory.Result r : c.memory) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", r.engine());
            m.put("connections", r.connections());
            m.put("clientKib", r.clientKib());
            m.put("serverKib", r.serverKib());
            memory.add(m);
        }
        root.put("idleMemory", memory);
        root.put("passed", c.allPassed());
        StringBuilder b = new StringBuilder();
        write(b, root, "");
        return b.append('\n').toString();
    }

    /** A rate as {"best": ..., "worst": ...}, or null when it was not measured. */
    private static Map<String, Object> rate(SpeedMeasurement.Rate r) {
        if (Double.isNaN(r.best())) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best", r.best());
        m.put("worst", r.worst());
        return m;
    }

    private static Map<String, Object> suites(Map<String, SuiteResult> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        results.forEach((engine, r) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seconds", r.seconds());
            e.put("total", area(r.total()));
            Map<String, Object> areas = new LinkedHashMap<>();
            r.areas().forEach((name, a) -> areas.put(name, area(a)));
            e.put("areas", areas);
            out.put(engine, e);
        });
        return out;
    }

    private static Map<String, Object> area(SuiteResult.Area a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", a.passed());
        m.put("skipped", a.skipped());
        m.put("failed", a.failed());
        m.put("skippedFor", a.skippedFor());
        m.put("failures", a.failures());
        return m;
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Double d) {
            b.append(d.isNaN() || d.isInfinite() ? "null" : String.valueOf(Math.round(d * 1000) / 1000.0));
        } else if (v instanceof Number) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String inner = indent + "  ";
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(inner);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), inner);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < l.size(); i++) {
                b.append(inner);
                write(b, l.get(i), inner);
                b.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            b.append(indent).append(']');
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}
