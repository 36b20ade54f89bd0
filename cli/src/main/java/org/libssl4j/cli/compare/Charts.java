package org.libssl4j.cli.compare;

import java.awt.Color;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.libssl4j.cli.SpeedMeasurement;

/** The report's charts, drawn by XChart as PNG: throughput, handshake rate and idle memory per engine. */
final class Charts {
    private static final Color OURS = new Color(0x2b6cb0);
    private static final Color RAW = new Color(0xa0aec0);

    private Charts() {
    }

    /** The charts by file name ({@code throughput.png}, ...), for what {@code c} measured. */
    static Map<String, byte[]> draw(Comparison c) throws IOException {
        // A server or a container has no display; the charts are drawn off-screen.
        System.setProperty("java.awt.headless", "true");
        Map<String, byte[]> charts = new LinkedHashMap<>();
        List<SpeedMeasurement.Result> speed = c.speed;
        if (!speed.isEmpty()) {
            int kib = speed.get(0).bytesPerWrite() / 1024;
            charts.put("throughput.png", sideBySide("Bulk throughput, one thread, " + (kib > 0 ? kib + " KiB" : speed.get(0).bytesPerWrite() + " B") + " writes",
                    "MB/s", speed, SpeedMeasurement.Result::oursMegabytesPerSecond, SpeedMeasurement.Result::rawMegabytesPerSecond));
            if (speed.stream().anyMatch(r -> !Double.isNaN(r.oursHandshakesPerSecond()))) {
                charts.put("handshakes.png", sideBySide("Full handshakes per second, client and server in one thread",
                        "handshakes/s", speed, SpeedMeasurement.Result::oursHandshakesPerSecond, SpeedMeasurement.Result::rawHandshakesPerSecond));
            }
        }
        if (!c.memory.isEmpty()) {
            CategoryChart chart = chart("Java heap per idle connection", "KiB");
            List<String> names = c.memory.stream().map(IdleMemory.Result::engine).toList();
            chart.addSeries("client", names, c.memory.stream().map(IdleMemory.Result::clientKib).toList()).setFillColor(OURS);
            chart.addSeries("server", names, c.memory.stream().map(IdleMemory.Result::serverKib).toList()).setFillColor(RAW);
            charts.put("memory.png", BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
        return charts;
    }

    private static byte[] sideBySide(String title, String unit, List<SpeedMeasurement.Result> rows,
            ToDoubleFunction<SpeedMeasurement.Result> ours, ToDoubleFunction<SpeedMeasurement.Result> raw) throws IOException {
        CategoryChart chart = chart(title, unit);
        List<String> names = rows.stream().map(SpeedMeasurement.Result::engine).toList();
        chart.addSeries("libssl4j Ssl", names, rows.stream().map(r -> finite(ours.applyAsDouble(r))).toList()).setFillColor(OURS);
        if (rows.stream().anyMatch(r -> !Double.isNaN(raw.applyAsDouble(r)))) {
            chart.addSeries("raw SSLEngine", names, rows.stream().map(r -> finite(raw.applyAsDouble(r))).toList()).setFillColor(RAW);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart chart(String title, String unit) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360).title(title).xAxisTitle("engine").yAxisTitle(unit).build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setDecimalPattern("#,##0.#");
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColor(Color.DARK_GRAY);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** XChart cannot draw NaN: a figure not measured is drawn as 0 (the tables say "n/a"). */
    private static Double finite(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }
}
