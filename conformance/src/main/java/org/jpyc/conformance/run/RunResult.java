package org.jpyc.conformance.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.conformance.check.Status;
import org.jpyc.conformance.oracle.OracleInfo;
import org.jpyc.version.PyVersion;

/** Everything a run produced: per-version oracle facts, all outcomes, and the pass/fail matrix. */
public record RunResult(RunConfig config, List<VersionEntry> versions, List<Outcome> outcomes) {
    /**
     * One version's oracle: its facts, or why it could not run ({@code error}); a version that could
     * not run counts as one failure.
     */
    public record VersionEntry(PyVersion version, String fullVersion, String provider, String location, int cases,
                               String error) {
        static VersionEntry of(OracleInfo i, int cases) {
            return new VersionEntry(i.version(), i.fullVersion(), i.provider(), i.location(), cases, null);
        }

        static VersionEntry failed(PyVersion v, String provider, String error) {
            return new VersionEntry(v, null, provider, null, 0, error);
        }
    }

    /** Counts for one cell of the matrix. */
    public record Cell(int passed, int failed, int skipped) {
        public int total() {
            return passed + failed;
        }

        Cell plus(Status s) {
            return new Cell(passed + (s == Status.PASSED ? 1 : 0), failed + (s == Status.FAILED ? 1 : 0),
                    skipped + (s == Status.SKIPPED ? 1 : 0));
        }
    }

    public static RunResult of(RunConfig config, List<VersionEntry> versions, List<Outcome> outcomes) {
        List<VersionEntry> vs = new ArrayList<>(versions);
        vs.sort(Comparator.comparing(VersionEntry::version));
        List<Outcome> os = new ArrayList<>(outcomes);
        os.sort(Comparator.comparing(Outcome::version).thenComparing(Outcome::caseId).thenComparing(Outcome::check));
        return new RunResult(config, List.copyOf(vs), List.copyOf(os));
    }

    /** version -> check -> counts, versions and checks in run order. */
    public Map<PyVersion, Map<String, Cell>> matrix() {
        Map<PyVersion, Map<String, Cell>> m = new LinkedHashMap<>();
        for (VersionEntry v : versions) {
            Map<String, Cell> row = new LinkedHashMap<>();
            for (String c : config.checks()) row.put(c, new Cell(0, 0, 0));
            m.put(v.version(), row);
        }
        for (Outcome o : outcomes) {
            m.computeIfAbsent(o.version(), k -> new LinkedHashMap<>()).merge(o.check(), new Cell(0, 0, 0).plus(o.result().status()),
                    (a, b) -> a.plus(o.result().status()));
        }
        return m;
    }

    public long passed() {
        return outcomes.stream().filter(o -> o.result().status() == Status.PASSED).count();
    }

    /** Failed checks plus versions whose oracle could not run. */
    public long failed() {
        return outcomes.stream().filter(o -> o.result().status() == Status.FAILED).count()
                + versions.stream().filter(v -> v.error() != null).count();
    }

    public long skipped() {
        return outcomes.stream().filter(o -> o.result().status() == Status.SKIPPED).count();
    }

    /** The matrix as text, then the line {@code N passed, M failed}. */
    public String summaryText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-8s", "version"));
        for (String c : config.checks()) sb.append(String.format("%18s", c));
        sb.append('\n');
        Map<PyVersion, Map<String, Cell>> m = matrix();
        for (VersionEntry v : versions) {
            sb.append(String.format("%-8s", v.version()));
            if (v.error() != null) {
                sb.append("  oracle failed: ").append(v.error().lines().findFirst().orElse("")).append('\n');
                continue;
            }
            for (String c : config.checks()) {
                Cell cell = m.get(v.version()).getOrDefault(c, new Cell(0, 0, 0));
                String text = cell.passed() + "/" + cell.total() + (cell.skipped() > 0 ? " (" + cell.skipped() + "s)" : "");
                sb.append(String.format("%18s", text));
            }
            sb.append('\n');
        }
        sb.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        return sb.toString();
    }
}
