package org.jpyc.conformance.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jpyc.conformance.check.CheckResult;
import org.jpyc.conformance.check.Status;
import org.jpyc.version.PyVersion;

/**
 * The ratchet: for the checks that jpyc is still growing into ({@link #CHECKS}), a committed pass list
 * per check and version ({@code <dir>/<check>-<X.Y>.txt}, one case id per line, sorted; {@code #}
 * comments allowed). A listed case that fails is a failure; an unlisted case that fails is a
 * {@link Status#KNOWN_FAILURE} (reported with its explanation, does not fail the run); an unlisted case
 * that passes is a {@link Status#NEW_PASS}, to be added with {@code jpyc conformance --update-ratchet}.
 * A missing file is an empty list. Skips stay skips.
 */
public final class Ratchet {
    /** The ratcheted checks. */
    public static final Set<String> CHECKS = Set.of("compile", "symtable");
    /** Where the lists live, relative to the repository root. */
    public static final String REPO_DIR = "conformance/src/test/resources/ratchet";

    private final Path dir;
    private final Map<String, Set<String>> baselines = new HashMap<>();

    /** @param dir the directory of the lists; null for none (every list empty) */
    public Ratchet(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The list file of a check and version. */
    public static Path file(Path dir, String check, PyVersion v) {
        return dir.resolve(check + "-" + v + ".txt");
    }

    /** The committed pass list (empty if there is none). */
    public synchronized Set<String> baseline(String check, PyVersion v) {
        return baselines.computeIfAbsent(check + "-" + v, k -> dir == null ? Set.of() : read(file(dir, check, v)));
    }

    static Set<String> read(Path f) {
        if (!Files.isRegularFile(f)) return Set.of();
        try {
            Set<String> out = new TreeSet<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ratchet list " + f, e);
        }
    }

    /** The result as the ratchet sees it. */
    public CheckResult apply(String check, PyVersion v, String caseId, CheckResult r) {
        if (!CHECKS.contains(check)) return r;
        boolean listed = baseline(check, v).contains(caseId);
        if (listed) return r;
        return switch (r.status()) {
            case FAILED -> r.withStatus(Status.KNOWN_FAILURE);
            case PASSED -> r.withStatus(Status.NEW_PASS);
            default -> r;
        };
    }

    /** One rewritten list. */
    public record Update(Path file, int before, int after, int added, int removed) {}

    /**
     * Rewrites the lists from a run: every ratcheted check and version that ran gets its old list plus
     * the run's passes; with {@code prune}, the cases that failed are also removed. Cases the run did not
     * include stay as they are. Files whose contents would not change are left alone.
     */
    public static List<Update> update(Path dir, RunResult result, boolean prune) throws IOException {
        List<Update> out = new ArrayList<>();
        for (RunResult.VersionEntry ve : result.versions()) {
            if (ve.error() != null) continue;
            for (String check : result.config().checks()) {
                if (!CHECKS.contains(check)) continue;
                Path f = file(dir, check, ve.version());
                Set<String> old = read(f);
                Set<String> now = new TreeSet<>(old);
                boolean ran = false;
                for (Outcome o : result.outcomes()) {
                    if (!o.version().equals(ve.version()) || !o.check().equals(check)) continue;
                    Status s = o.result().status();
                    if (s != Status.SKIPPED) ran = true;
                    if (s.isPass()) now.add(o.caseId());
                    if (prune && (s == Status.FAILED || s == Status.KNOWN_FAILURE)) now.remove(o.caseId());
                }
                if (!ran || now.equals(old)) continue;
                Files.createDirectories(dir);
                StringBuilder sb = new StringBuilder();
                for (String id : now) sb.append(id).append('\n');
                Path tmp = Files.createTempFile(dir, "ratchet", ".tmp");
                Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
                Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                int added = (int) now.stream().filter(id -> !old.contains(id)).count();
                out.add(new Update(f, old.size(), now.size(), added, old.size() + added - now.size()));
            }
        }
        return out;
    }

    /** The sentence telling how to take new passes into the lists. */
    public static String howToUpdate(RunResult result) {
        long newPasses = result.newPasses();
        TreeSet<String> versions = new TreeSet<>();
        for (Outcome o : result.outcomes()) {
            if (o.result().status() == Status.NEW_PASS) versions.add(o.version().toString());
        }
        String provider = result.config().provider();
        return newPasses + " new pass" + (newPasses == 1 ? "" : "es") + " outside the ratchet lists (" + REPO_DIR
                + "): run ./jpyc conformance" + ("embedded".equals(provider) ? "" : " --oracle " + provider)
                + " --checks " + String.join(",", new TreeSet<>(CHECKS))
                + " --versions " + String.join(",", versions) + " --update-ratchet to add them";
    }

    /** The repository's list directory: under {@code -Djpyc.root} if set, else under {@code base}. */
    public static Path defaultDir(Path base) {
        String root = System.getProperty("jpyc.root");
        Path r = root != null && !root.isBlank() ? Path.of(root) : base;
        return r == null ? null : r.resolve(REPO_DIR);
    }
}
