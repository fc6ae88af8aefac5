package org.jpyc.conformance.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jpyc.conformance.check.Check;
import org.jpyc.conformance.check.Checks;
import org.jpyc.conformance.corpus.Case;
import org.jpyc.conformance.corpus.Corpora;
import org.jpyc.conformance.corpus.Corpus;
import org.jpyc.conformance.oracle.OracleProvider;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.version.PyVersion;

/**
 * The core shared by {@code jpyc conformance} and the JUnit suite: builds the provider, corpora and
 * checks once, and gives a {@link VersionRun} per version. {@link #runAll} runs everything with
 * one worker per version (at most two at a time: the machines this runs on have two cores).
 */
public final class Runner {
    private static final int WORKERS = 2;

    private final RunConfig config;
    private final OracleProvider provider;
    private final List<Corpus> corpora;
    private final Ratchet ratchet;

    public Runner(RunConfig config) {
        this.config = config;
        this.provider = Oracles.provider(config.provider(), config.options());
        List<Corpus> cs = new ArrayList<>();
        for (String spec : config.corpora()) cs.add(Corpora.of(spec, config.base()));
        this.corpora = List.copyOf(cs);
        this.ratchet = new Ratchet(config.ratchetDir());
        Checks.parse(String.join(",", config.checks())); // fail early on an unknown name
    }

    public RunConfig config() {
        return config;
    }

    /** The pass lists this run applies. */
    public Ratchet ratchet() {
        return ratchet;
    }

    /** A fresh run for one version (its own oracle process and check instances); close it when done. */
    public VersionRun version(PyVersion v) {
        List<Check> checks = Checks.parse(String.join(",", config.checks()));
        return new VersionRun(config, v, provider, corpora, checks, ratchet);
    }

    /** Runs every case on every version. Oracle failures become failed entries, never exceptions. */
    public RunResult runAll(RunListener listener) {
        List<RunResult.VersionEntry> entries = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WORKERS, Math.max(1, config.versions().size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PyVersion v : config.versions()) {
                futures.add(pool.submit(() -> runVersion(v, listener, entries, outcomes)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException("conformance worker failed", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return RunResult.of(config, entries, outcomes);
    }

    private void runVersion(PyVersion v, RunListener listener, List<RunResult.VersionEntry> entries, List<Outcome> outcomes) {
        try (VersionRun run = version(v)) {
            List<Case> cases;
            try {
                cases = run.cases();
                entries.add(RunResult.VersionEntry.of(run.info(), cases.size()));
            } catch (RuntimeException e) {
                entries.add(RunResult.VersionEntry.failed(v, config.provider(), String.valueOf(e.getMessage())));
                listener.versionFailed(v, String.valueOf(e.getMessage()));
                return;
            }
            listener.versionStarted(v, cases.size());
            int done = 0;
            for (Case k : cases) {
                outcomes.addAll(run.outcomes(k).values());
                listener.caseDone(v, ++done, cases.size());
            }
        }
    }
}
