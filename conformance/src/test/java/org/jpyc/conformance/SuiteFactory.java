package org.jpyc.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.conformance.check.CheckResult;
import org.jpyc.conformance.corpus.Case;
import org.jpyc.conformance.run.Outcome;
import org.jpyc.conformance.run.Ratchet;
import org.jpyc.conformance.run.ReportWriter;
import org.jpyc.conformance.run.RunConfig;
import org.jpyc.conformance.run.RunResult;
import org.jpyc.conformance.run.Runner;
import org.jpyc.conformance.run.VersionRun;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Dynamic tests over the shared {@link Runner}: one container per version, one container per case,
 * one test per check. Failed checks fail with their explanation (known failures and new passes of the
 * ratchet pass; {@link #finish} reports them); skipped checks abort with their
 * reason. Everything that ran is collected for {@link ReportWriter} at the end.
 */
final class SuiteFactory {
    private final Runner runner;
    private final List<VersionRun> runs = Collections.synchronizedList(new ArrayList<>());
    private final List<RunResult.VersionEntry> entries = Collections.synchronizedList(new ArrayList<>());
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    SuiteFactory(RunConfig config) {
        this.runner = new Runner(config);
    }

    Stream<DynamicNode> nodes() {
        return runner.config().versions().stream().map(this::versionNode);
    }

    private DynamicNode versionNode(PyVersion v) {
        String name = "CPython " + v + " (" + runner.config().provider() + ")";
        // Lazy: the oracle starts when JUnit reaches this container, not while the tree is built.
        Stream<DynamicNode> children = Stream.of(v).flatMap(x -> {
            VersionRun run = runner.version(v);
            runs.add(run);
            List<Case> cases;
            try {
                cases = run.cases();
                entries.add(new RunResult.VersionEntry(v, run.info().fullVersion(), run.info().provider(),
                        run.info().location(), cases.size(), null));
            } catch (RuntimeException e) {
                entries.add(new RunResult.VersionEntry(v, null, runner.config().provider(), null, 0, String.valueOf(e.getMessage())));
                return Stream.of(DynamicTest.dynamicTest("oracle", () -> Assertions.fail(e.getMessage(), e)));
            }
            return cases.stream().map(k -> caseNode(run, k));
        });
        return DynamicContainer.dynamicContainer(name, children);
    }

    private DynamicNode caseNode(VersionRun run, Case k) {
        Stream<DynamicNode> tests = run.checks().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome o = run.outcomes(k).get(c.name());
            outcomes.add(o);
            CheckResult r = o.result();
            switch (r.status()) {
                case PASSED, NEW_PASS -> { }
                case KNOWN_FAILURE -> { } // outside the ratchet's pass list: reported, does not fail the build
                case SKIPPED -> Assumptions.abort(r.summary());
                case FAILED -> Assertions.fail(r.summary() + (r.detail().isEmpty() ? "" : "\n" + r.detail()));
            }
        }));
        return DynamicContainer.dynamicContainer(k.id(), tests);
    }

    /** Closes the oracles and writes report.json / report.html into {@code dir}. */
    void finish(Path dir) throws IOException {
        for (VersionRun r : runs) r.close();
        RunResult result = RunResult.of(runner.config(), entries, outcomes);
        ReportWriter.write(result, dir);
        if (result.knownFailures() > 0) {
            System.out.println("conformance: " + result.knownFailures() + " known failures (outside the ratchet's pass lists), see "
                    + dir.resolve("report.html"));
        }
        if (result.newPasses() > 0) System.out.println("conformance: " + Ratchet.howToUpdate(result));
    }
}
