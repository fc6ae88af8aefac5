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

    /**
     * Counts for one cell of the matrix. {@code passed} includes the ratchet's new passes;
     * {@code knownFailures} are failures outside the ratchet's pass list (not in {@code failed}).
     */
    public record Cell(int passed, int failed, int skipped, int knownFailures, int newPasses) {
        public Cell(int passed, int failed, int skipped) {
            this(passed, failed, skipped, 0, 0);
        }

        /** Every case that was compared: passes, failures and known failures. */
        public int total() {
            return passed + failed + knownFailures;
        }

        Cell plus(Status s) {
            return new Cell(passed + (s.isPass() ? 1 : 0), failed + (s == Status.FAILED ? 1 : 0),
                    skipped + (s == Status.SKIPPED ? 1 : 0), knownFailures + (s == Status.KNOWN_FAILURE ? 1 : 0),
                    newPasses + (s == Status.NEW_PASS ? 1 : 0));
        }

        /** {@code passed/total}, then skips, known failures and new passes when there are any. */
        public String text() {
            StringBuilder sb = new StringBuilder().append(passed).append('/').append(total());
            List<String> extra = new ArrayList<>();
            if (skipped > 0) extra.add(skipped + "s");
            if (knownFailures > 0) extra.add(knownFailures + "k");
            if (newPasses > 0) extra.add(newPasses + "n");
            if (!extra.isEmpty()) sb.append(" (").append(String.join(" ", extra)).append(')');
            return sb.toString();
        }
    }

    /** How many compared cases agreed on one field ({@link org.jpyc.conformance.check.CheckResult#fields()}). */
    public record Tally(int agreed, int compared) {
        Tally plus(boolean ok) {
            return new Tally(agreed + (ok ? 1 : 0), compared + 1);
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

    /** Passes, new passes included. */
    public long passed() {
        return outcomes.stream().filter(o -> o.result().status().isPass()).count();
    }

    /** Failures outside the ratchet's pass lists (they do not fail the run). */
    public long knownFailures() {
        return count(Status.KNOWN_FAILURE);
    }

    /** Passes outside the ratchet's pass lists. */
    public long newPasses() {
        return count(Status.NEW_PASS);
    }

    private long count(Status s) {
        return outcomes.stream().filter(o -> o.result().status() == s).count();
    }

    /** version -> check -> field -> cases agreeing, for the checks that report fields (e.g. compile). */
    public Map<PyVersion, Map<String, Map<String, Tally>>> fieldTallies() {
        Map<PyVersion, Map<String, Map<String, Tally>>> m = new java.util.TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.result().fields().isEmpty()) continue;
            Map<String, Tally> row = m.computeIfAbsent(o.version(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.check(), k -> new LinkedHashMap<>());
            o.result().fields().forEach((f, ok) -> row.merge(f, new Tally(0, 0).plus(ok), (a, b) -> a.plus(ok)));
        }
        return m;
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
        Map<PyVersion, Map<String, Cell>> m = matrix();
        int width = 18;
        for (Map<String, Cell> row : m.values()) {
            for (Cell cell : row.values()) width = Math.max(width, cell.text().length() + 2);
        }
        String col = "%" + width + "s";
        sb.append(String.format("%-8s", "version"));
        for (String c : config.checks()) sb.append(String.format(col, c));
        sb.append('\n');
        for (VersionEntry v : versions) {
            sb.append(String.format("%-8s", v.version()));
            if (v.error() != null) {
                sb.append("  oracle failed: ").append(v.error().lines().findFirst().orElse("")).append('\n');
                continue;
            }
            for (String c : config.checks()) {
                Cell cell = m.get(v.version()).getOrDefault(c, new Cell(0, 0, 0));
                sb.append(String.format(col, cell.text()));
            }
            sb.append('\n');
        }
        fieldTallies().forEach((v, checks) -> checks.forEach((check, row) -> {
            sb.append(v).append(' ').append(check).append(" fields (cases agreeing):");
            row.forEach((f, t) -> sb.append(' ').append(f).append(' ').append(t.agreed()).append('/').append(t.compared()).append(','));
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }));
        if (knownFailures() > 0 || newPasses() > 0) {
            sb.append("(s skipped, k known failures and n new passes of the ratchet: ").append(knownFailures())
                    .append(" known failures, ").append(newPasses()).append(" new passes)\n");
        }
        sb.append(passed()).append(" passed, ").append(failed()).append(" failed");
        // a mismatch outside the ratchet lists does not fail the run, so "0 failed" alone would hide it
        if (knownFailures() > 0) sb.append(", ").append(knownFailures()).append(" known failures (mismatches outside the ratchet lists)");
        sb.append('\n');
        return sb.toString();
    }
}
