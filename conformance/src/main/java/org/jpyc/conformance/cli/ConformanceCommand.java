package org.jpyc.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.jpyc.conformance.check.Checks;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.run.Ratchet;
import org.jpyc.conformance.run.ReportWriter;
import org.jpyc.conformance.run.RunConfig;
import org.jpyc.conformance.run.RunListener;
import org.jpyc.conformance.run.RunResult;
import org.jpyc.conformance.run.Runner;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jpyc conformance}: runs the checks over corpora against real CPython and reports. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Compare jpyc with real CPython over a corpus; exit status 1 on any failure.")
public final class ConformanceCommand implements Callable<Integer> {
    @Mixin
    OracleSettings oracle = new OracleSettings();

    @Option(names = "--versions", paramLabel = "X.Y,...", description = "versions to test (default: all the oracle has)")
    String versions;

    @Option(names = "--checks", paramLabel = "C,...",
            description = "checks to run (default roundtrip,dis,expect,ast,error,compile,symtable)")
    String checks;

    @Option(names = "--corpus", paramLabel = "DIR|ARCHIVE|stdlib|realcode", description = "cases (repeatable; default corpus/cases; realcode: corpus/realcode's pinned packages)")
    List<String> corpora = new ArrayList<>();

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where report.json/html go (default target/conformance)")
    Path reportDir = Path.of("target", "conformance");

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Option(names = "--ratchet-dir", paramLabel = "DIR",
            description = "the ratchet's pass lists (default <jpyc root>/" + Ratchet.REPO_DIR + ")")
    Path ratchetDir;

    @Option(names = "--update-ratchet", description = "add this run's passes of the ratcheted checks (compile, symtable) to the pass lists")
    boolean updateRatchet;

    @Option(names = "--ratchet-prune", description = "with --update-ratchet: also remove the cases that failed")
    boolean ratchetPrune;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        List<PyVersion> vs = versions == null
                ? Oracles.provider(oracle.provider, oracle.options()).versions()
                : PyVersion.parseList(versions);
        List<String> checkNames = checks == null ? Checks.DEFAULT : List.of(checks.split(","));
        List<String> cs = corpora.isEmpty() ? List.of("corpus/cases") : corpora;
        RunConfig cfg = RunConfig.of(oracle.provider, oracle.options(), vs, checkNames.stream().map(String::strip).toList(),
                cs, Path.of("").toAbsolutePath());
        if (ratchetDir != null) cfg = cfg.withRatchetDir(ratchetDir.toAbsolutePath());
        RunResult result = new Runner(cfg).runAll(quiet ? RunListener.NONE : new Progress(err));
        System.out.print(result.summaryText());
        ReportWriter.write(result, reportDir);
        if (!quiet) err.println("report: " + reportDir.resolve("report.html").toAbsolutePath());
        if (updateRatchet) {
            if (cfg.ratchetDir() == null) {
                err.println("no ratchet directory; give --ratchet-dir");
                return 2;
            }
            for (Ratchet.Update u : Ratchet.update(cfg.ratchetDir(), result, ratchetPrune)) {
                err.println("ratchet: " + u.file() + ": " + u.before() + " -> " + u.after() + " cases (+" + u.added() + ", -" + u.removed() + ")");
            }
        } else if (result.newPasses() > 0) {
            err.println(Ratchet.howToUpdate(result));
        }
        return result.failed() == 0 ? 0 : 1;
    }

    /** At most one progress line every few seconds per version, plus start and end. */
    static final class Progress implements RunListener {
        private final PrintStream err;
        private final Map<PyVersion, Long> last = new ConcurrentHashMap<>();

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void versionStarted(PyVersion v, int cases) {
            err.println("[" + v + "] " + cases + " cases");
            last.put(v, System.nanoTime());
        }

        @Override
        public void caseDone(PyVersion v, int done, int total) {
            long now = System.nanoTime();
            if (done == total || now - last.getOrDefault(v, 0L) > 5_000_000_000L) {
                last.put(v, now);
                err.println("[" + v + "] " + done + "/" + total);
            }
        }

        @Override
        public void versionFailed(PyVersion v, String message) {
            err.println("[" + v + "] oracle failed: " + message);
        }
    }
}
