package org.jpyc.conformance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.conformance.check.Status;
import org.jpyc.version.PyVersion;

/** Writes {@code report.json} and a self-contained {@code report.html} for a {@link RunResult}. */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes both files into {@code dir} (created if needed). */
    public static void write(RunResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("report.json").toFile(), toJson(r, json));
        // getBytes, not Files.writeString: a detail can quote a lone surrogate (a str constant in a code
        // object's dump), which writeString refuses; getBytes writes '?' for it
        Files.write(dir.resolve("report.html"), html(r).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode toJson(RunResult r, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("generated", Instant.now().toString());
        root.put("provider", r.config().provider());
        root.putPOJO("checks", r.config().checks());
        root.putPOJO("corpora", r.config().corpora());
        root.put("passed", r.passed());
        root.put("failed", r.failed());
        root.put("skipped", r.skipped());
        root.put("knownFailures", r.knownFailures());
        root.put("newPasses", r.newPasses());
        ArrayNode versions = root.putArray("versions");
        for (RunResult.VersionEntry v : r.versions()) {
            ObjectNode o = versions.addObject();
            o.put("version", v.version().toString());
            o.put("fullVersion", v.fullVersion());
            o.put("provider", v.provider());
            o.put("location", v.location());
            o.put("cases", v.cases());
            if (v.error() != null) o.put("error", v.error());
        }
        ObjectNode matrix = root.putObject("matrix");
        r.matrix().forEach((v, row) -> {
            ObjectNode m = matrix.putObject(v.toString());
            row.forEach((check, cell) -> m.putObject(check).put("passed", cell.passed()).put("failed", cell.failed())
                    .put("skipped", cell.skipped()).put("knownFailures", cell.knownFailures()).put("newPasses", cell.newPasses()));
        });
        ObjectNode fields = root.putObject("fields");
        r.fieldTallies().forEach((v, checks) -> {
            ObjectNode fv = fields.putObject(v.toString());
            checks.forEach((check, row) -> {
                ObjectNode fc = fv.putObject(check);
                row.forEach((f, t) -> fc.putObject(f).put("agreed", t.agreed()).put("compared", t.compared()));
            });
        });
        ArrayNode outcomes = root.putArray("outcomes");
        for (Outcome o : r.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("version", o.version().toString());
            n.put("case", o.caseId());
            n.put("group", o.group());
            n.put("check", o.check());
            n.put("status", o.result().status().name().toLowerCase());
            n.put("summary", o.result().summary());
            if (!o.result().detail().isEmpty()) n.put("detail", o.result().detail());
            if (!o.result().fields().isEmpty()) {
                ObjectNode f = n.putObject("fields");
                o.result().fields().forEach(f::put);
            }
        }
        return root;
    }

    static String html(RunResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>jpyc conformance</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}th{background:#eee}")
                .append(".ok{background:#d8f5d8}.bad{background:#f8d4d4}.known{background:#fbeccb}.none{background:#f4f4f4}")
                .append("pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:12px}")
                .append("summary{cursor:pointer}.skip{color:#666}</style></head><body>\n");
        h.append("<h1>jpyc conformance</h1>\n<p>").append(r.passed()).append(" passed, ").append(r.failed())
                .append(" failed, ").append(r.skipped()).append(" skipped, ").append(r.knownFailures())
                .append(" known failures, ").append(r.newPasses()).append(" new passes &mdash; oracle <b>").append(esc(r.config().provider()))
                .append("</b>, corpora ").append(esc(String.join(", ", r.config().corpora()))).append(", generated ")
                .append(esc(Instant.now().toString())).append("</p>\n");

        h.append("<h2>Oracles</h2><table><tr><th>version</th><th>sys.version</th><th>location</th><th>cases</th></tr>\n");
        for (RunResult.VersionEntry v : r.versions()) {
            h.append("<tr><td>").append(v.version()).append("</td>");
            if (v.error() != null) {
                h.append("<td colspan=3 class=bad style=\"text-align:left\"><pre>").append(esc(v.error())).append("</pre></td></tr>\n");
            } else {
                h.append("<td style=\"text-align:left\">").append(esc(v.fullVersion())).append("</td><td style=\"text-align:left\">")
                        .append(esc(v.location())).append("</td><td>").append(v.cases()).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<h2>Matrix</h2><p>passed/total; s: skipped, k: known failures (outside the ratchet's pass"
                + " list; they do not fail the run), n: new passes (not in the list yet)</p><table><tr><th>version</th>");
        for (String c : r.config().checks()) h.append("<th>").append(esc(c)).append("</th>");
        h.append("</tr>\n");
        for (Map.Entry<PyVersion, Map<String, RunResult.Cell>> row : r.matrix().entrySet()) {
            h.append("<tr><th>").append(row.getKey()).append("</th>");
            for (String c : r.config().checks()) {
                RunResult.Cell cell = row.getValue().getOrDefault(c, new RunResult.Cell(0, 0, 0));
                String cls = cell.total() == 0 ? "none" : cell.failed() > 0 ? "bad" : cell.knownFailures() > 0 ? "known" : "ok";
                h.append("<td class=").append(cls).append('>').append(cell.passed()).append('/').append(cell.total());
                if (cell.skipped() > 0) h.append(" <span class=skip>(").append(cell.skipped()).append(" skipped)</span>");
                if (cell.knownFailures() > 0) h.append(" <span class=skip>(").append(cell.knownFailures()).append(" known)</span>");
                if (cell.newPasses() > 0) h.append(" <span class=skip>(").append(cell.newPasses()).append(" new)</span>");
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        fieldTable(r, h);
        outcomeList(r, Status.FAILED, "Failures", h);
        outcomeList(r, Status.KNOWN_FAILURE, "Known failures (outside the ratchet's pass lists; they do not fail the run)", h);
        List<Outcome> fresh = r.outcomes().stream().filter(o -> o.result().status() == Status.NEW_PASS).toList();
        h.append("<h2>New passes (").append(fresh.size()).append(")</h2>\n");
        if (!fresh.isEmpty()) {
            h.append("<p>").append(esc(Ratchet.howToUpdate(r))).append("</p><details><summary>cases</summary><pre>");
            for (Outcome o : fresh) h.append(o.version()).append(' ').append(esc(o.caseId())).append(" [").append(esc(o.check())).append("]\n");
            h.append("</pre></details>\n");
        }
        List<Outcome> skips = r.outcomes().stream().filter(o -> o.result().status() == Status.SKIPPED).toList();
        h.append("<h2>Skipped (").append(skips.size()).append(")</h2><details><summary>reasons</summary><pre>");
        for (Outcome o : skips) {
            h.append(o.version()).append(' ').append(esc(o.caseId())).append(" [").append(esc(o.check())).append("] ")
                    .append(esc(o.result().summary())).append('\n');
        }
        h.append("</pre></details>\n</body></html>\n");
        return h.toString();
    }

    /** Per version and check that reports fields: how many compared cases agree on each. */
    private static void fieldTable(RunResult r, StringBuilder h) {
        Map<PyVersion, Map<String, Map<String, RunResult.Tally>>> t = r.fieldTallies();
        if (t.isEmpty()) return;
        h.append("<h2>Fields (cases agreeing / compared)</h2>\n");
        t.forEach((v, checks) -> checks.forEach((check, row) -> {
            h.append("<table><tr><th>").append(v).append(' ').append(esc(check)).append("</th>");
            row.keySet().forEach(f -> h.append("<th>").append(esc(f)).append("</th>"));
            h.append("</tr><tr><td></td>");
            row.values().forEach(x -> h.append("<td class=").append(x.agreed() == x.compared() ? "ok" : "bad").append('>')
                    .append(x.agreed()).append('/').append(x.compared()).append("</td>"));
            h.append("</tr></table>\n");
        }));
    }

    private static void outcomeList(RunResult r, Status status, String title, StringBuilder h) {
        List<Outcome> failures = r.outcomes().stream().filter(o -> o.result().status() == status).toList();
        h.append("<h2>").append(esc(title)).append(" (").append(failures.size()).append(")</h2>\n");
        Map<String, Integer> bySummary = new LinkedHashMap<>();
        for (Outcome o : failures) bySummary.merge(o.check() + ": " + firstLine(o.result().summary()), 1, Integer::sum);
        if (!bySummary.isEmpty()) {
            h.append("<details><summary>most common failure messages</summary><pre>");
            bySummary.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                    .forEach(e -> h.append(String.format("%6d  ", e.getValue())).append(esc(e.getKey())).append('\n'));
            h.append("</pre></details>\n");
        }
        int shown = 0;
        for (Outcome o : failures) {
            if (shown++ >= 2000) {
                h.append("<p>... ").append(failures.size() - 2000).append(" more in report.json</p>\n");
                break;
            }
            h.append("<details><summary><b>").append(o.version()).append("</b> ").append(esc(o.caseId())).append(" &mdash; <i>")
                    .append(esc(o.check())).append("</i>: ").append(esc(firstLine(o.result().summary()))).append("</summary><pre>")
                    .append(esc(o.result().summary())).append("\n\n").append(esc(o.result().detail())).append("</pre></details>\n");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
