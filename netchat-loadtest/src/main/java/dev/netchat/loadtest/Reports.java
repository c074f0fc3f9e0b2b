package dev.netchat.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's JSON result and a self-contained HTML page with inline SVG charts. */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    static void write(LoadConfig cfg, LoadResult result) throws IOException {
        Files.createDirectories(cfg.resultsDir());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String base = cfg.label().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + stamp;
        Path json = cfg.resultsDir().resolve(base + ".json");
        Path html = cfg.resultsDir().resolve(base + ".html");
        Map<String, Object> m = result.asMap();
        JSON.writeValue(json.toFile(), m);
        Files.writeString(html, html(cfg, result, JSON.writeValueAsString(m.get("summary"))));
        result.files(json, html);
    }

    private static String html(LoadConfig cfg, LoadResult r, String summaryJson) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(cfg.label()))
                .append("</title><style>body{font:14px sans-serif;margin:2em}"
                        + "svg{border:1px solid #ccc;margin:0 1em 1em 0}pre{background:#f6f6f6;padding:1em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
                        + "</style></head><body><main><h1>")
                .append(esc(cfg.label()))
                .append("</h1><p>")
                .append(esc(cfg.asMap().toString()))
                .append("</p>");
        sb.append("<h2>Summary</h2><pre>").append(esc(summaryJson)).append("</pre>");
        if (!r.getSeries().isEmpty()) {
            sb.append("<h2>Per second</h2>");
            for (String key : List.of(
                    "deliveriesPerSec",
                    "messagesInPerSec",
                    "p99Ms",
                    "serverCpuPercent",
                    "serverRssMb",
                    "generatorCpuPercent")) {
                sb.append(chart(key, r.getSeries(), "t", key));
            }
        }
        if (!r.getSteps().isEmpty()) {
            Map<String, Object> first = r.getSteps().get(0);
            if (first.containsKey("socketsHeld")) {
                sb.append("<h2>Steps</h2>")
                        .append(chart("server RSS MB by sockets held", r.getSteps(), "socketsHeld", "serverRssMb"));
            }
            sb.append("<h2>Steps</h2><table><tr>");
            for (String k : first.keySet()) {
                sb.append("<th>").append(esc(k)).append("</th>");
            }
            sb.append("</tr>");
            for (Map<String, Object> row : r.getSteps()) {
                sb.append("<tr>");
                for (String k : first.keySet()) {
                    sb.append("<td>").append(esc(String.valueOf(row.get(k)))).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</table>");
        }
        return sb.append("</main></body></html>\n").toString();
    }

    /** A line chart of y against x; 640x220, axes labelled with the extremes. */
    static String chart(String title, List<Map<String, Object>> rows, String xKey, String yKey) {
        List<double[]> pts = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object x = row.get(xKey);
            Object y = row.get(yKey);
            if (x instanceof Number nx && y instanceof Number ny) {
                pts.add(new double[] {nx.doubleValue(), ny.doubleValue()});
            }
        }
        if (pts.isEmpty()) {
            return "";
        }
        double minX = pts.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double maxX = pts.stream().mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = Math.max(1e-9, pts.stream().mapToDouble(p -> p[1]).max().orElse(1));
        int w = 640;
        int h = 220;
        int pad = 40;
        StringBuilder poly = new StringBuilder();
        for (double[] p : pts) {
            double px = pad + (maxX == minX ? 0 : (p[0] - minX) / (maxX - minX)) * (w - 2 * pad);
            double py = h - pad - p[1] / maxY * (h - 2 * pad);
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        }
        return String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
                        + "<text x=\"%d\" y=\"16\">%s (max %.2f)</text>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s %.1f</text><text x=\"%d\" y=\"%d\">%.1f</text>"
                        + "<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"%s\"/></svg>",
                w,
                h,
                esc(title),
                pad,
                esc(title),
                maxY,
                pad,
                h - pad,
                w - pad,
                h - pad,
                pad,
                pad,
                pad,
                h - pad,
                pad,
                h - pad + 16,
                esc(xKey),
                minX,
                w - pad - 40,
                h - pad + 16,
                maxX,
                poly);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
