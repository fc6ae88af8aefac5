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

    @Option(names = "--checks", paramLabel = "C,...", description = "checks to run (default roundtrip,dis,expect,ast,error)")
    String checks;

    @Option(names = "--corpus", paramLabel = "DIR|ARCHIVE|stdlib", description = "cases (repeatable; default corpus/cases)")
    List<String> corpora = new ArrayList<>();

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where report.json/html go (default target/conformance)")
    Path reportDir = Path.of("target", "conformance");

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

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
        RunResult result = new Runner(cfg).runAll(quiet ? RunListener.NONE : new Progress(err));
        System.out.print(result.summaryText());
        ReportWriter.write(result, reportDir);
        if (!quiet) err.println("report: " + reportDir.resolve("report.html").toAbsolutePath());
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
