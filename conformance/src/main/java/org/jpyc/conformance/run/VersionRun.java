package org.jpyc.conformance.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jpyc.conformance.check.Check;
import org.jpyc.conformance.check.CheckContext;
import org.jpyc.conformance.check.CheckResult;
import org.jpyc.conformance.check.Needs;
import org.jpyc.conformance.corpus.Case;
import org.jpyc.conformance.corpus.Corpus;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleException;
import org.jpyc.conformance.oracle.OracleInfo;
import org.jpyc.conformance.oracle.OracleProvider;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.version.PyVersion;

/**
 * All checks of all cases on one version, with one oracle interpreter. Cases are answered by the
 * oracle in batches as they are first asked for; outcomes are memoised, so the JUnit factory can
 * ask test by test and the CLI case by case through the same code. Not thread-safe: one per worker.
 */
public final class VersionRun implements AutoCloseable {
    private static final int BATCH_CASES = 32;
    private static final long BATCH_BYTES = 4L << 20;

    private final RunConfig config;
    private final PyVersion version;
    private final OracleProvider provider;
    private final List<Corpus> corpora;
    private final List<Check> checks;
    private final Needs needs;
    private final Ratchet ratchet;
    private Oracle oracle;
    private OracleInfo info;
    private List<Case> cases;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, SourceAnswer> answers = new HashMap<>();
    private final Map<String, String> oracleFailures = new HashMap<>();
    private final Map<String, Map<String, Outcome>> outcomes = new HashMap<>();
    private ExecutorService engine = newEngineThread();

    VersionRun(RunConfig config, PyVersion version, OracleProvider provider, List<Corpus> corpora, List<Check> checks,
               Ratchet ratchet) {
        this.config = config;
        this.ratchet = ratchet;
        this.version = version;
        this.provider = provider;
        this.corpora = corpora;
        this.checks = checks;
        Needs n = Needs.NOTHING;
        for (Check c : checks) n = n.union(c.needs(version));
        this.needs = n;
    }

    public PyVersion version() {
        return version;
    }

    public List<Check> checks() {
        return checks;
    }

    /** Starts the oracle if needed; throws {@link OracleException} if it cannot. */
    private Oracle oracle() {
        if (oracle == null) {
            oracle = provider.open(version);
            info = oracle.info();
        }
        return oracle;
    }

    /** What the oracle said about itself (starts it). */
    public OracleInfo info() {
        oracle();
        return info;
    }

    /** Every case of every corpus on this version, ids unique (a later duplicate is dropped). */
    public List<Case> cases() {
        if (cases == null) {
            List<Case> all = new ArrayList<>();
            for (Corpus c : corpora) {
                for (Case k : c.cases(oracle())) {
                    if (index.putIfAbsent(k.id(), all.size()) == null) all.add(k);
                }
            }
            cases = List.copyOf(all);
        }
        return cases;
    }

    /** The outcome of every check on {@code kase}, by check name, in check order. */
    public Map<String, Outcome> outcomes(Case kase) {
        Map<String, Outcome> done = outcomes.get(kase.id());
        if (done != null) return done;
        if (!answers.containsKey(kase.id()) && !oracleFailures.containsKey(kase.id())) fetchBatchFrom(kase);
        Map<String, Outcome> out = new LinkedHashMap<>();
        SourceAnswer answer = answers.get(kase.id());
        for (Check c : checks) {
            CheckResult r = answer == null
                    ? CheckResult.failed("oracle failed: " + oracleFailures.get(kase.id()), "")
                    : runCheck(c, new CheckContext(kase, version, answer, oracle));
            r = ratchet.apply(c.name(), version, kase.id(), r);
            out.put(c.name(), new Outcome(version, kase.id(), kase.group(), c.name(), r));
        }
        outcomes.put(kase.id(), out);
        answers.remove(kase.id()); // answers are big (nine pycs); the outcome is what stays
        return out;
    }

    private void fetchBatchFrom(Case first) {
        List<Case> all = cases();
        Integer start = index.get(first.id());
        List<Case> batch = new ArrayList<>();
        long bytes = 0;
        if (start == null) {
            batch.add(first);
        } else {
            for (int i = start; i < all.size() && batch.size() < BATCH_CASES && (batch.isEmpty() || bytes < BATCH_BYTES); i++) {
                Case k = all.get(i);
                if (answers.containsKey(k.id()) || outcomes.containsKey(k.id()) || oracleFailures.containsKey(k.id())) continue;
                batch.add(k);
                bytes += k.source().length;
            }
        }
        try {
            store(batch, oracle().compile(requests(batch)));
        } catch (OracleException batchFailure) {
            // Find the culprit: restart the interpreter and ask case by case.
            for (Case k : batch) {
                try {
                    restartOracle();
                    store(List.of(k), oracle().compile(requests(List.of(k))));
                } catch (OracleException e) {
                    oracleFailures.put(k.id(), e.getMessage());
                }
            }
        }
    }

    private void restartOracle() {
        if (oracle != null) {
            try {
                oracle.close();
            } catch (RuntimeException ignored) {
                // it has already failed
            }
            oracle = null;
        }
    }

    private List<SourceRequest> requests(List<Case> batch) {
        List<SourceRequest> reqs = new ArrayList<>(batch.size());
        for (Case k : batch) {
            reqs.add(new SourceRequest(k.dfile(), k.source(), config.mtime(), needs.orderedVariants(), needs.ast(), needs.dis(),
                    needs.symtable(), needs.fresh()));
        }
        return reqs;
    }

    private void store(List<Case> batch, List<SourceAnswer> got) {
        for (int i = 0; i < batch.size(); i++) answers.put(batch.get(i).id(), got.get(i));
    }

    /** Runs one check with a deadline; anything it throws or a hang is a failure, never a crash. */
    private CheckResult runCheck(Check check, CheckContext ctx) {
        Future<CheckResult> f = engine.submit(() -> check.run(ctx));
        try {
            return f.get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            engine.shutdownNow(); // the stuck thread is a daemon; the next check gets a fresh one
            engine = newEngineThread();
            return CheckResult.failed(check.name() + " did not finish within " + config.engineTimeout().toSeconds() + " s", "");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            return CheckResult.failed(check.name() + " threw " + t, stackOf(t));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed("interrupted", "");
        }
    }

    private static String stackOf(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\tat ").append(e).append('\n');
            if (sb.length() > 3000) break;
        }
        return sb.toString();
    }

    private static ExecutorService newEngineThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "jpyc-check", 64L << 20); // deep trees need a deep stack
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        engine.shutdownNow();
        restartOracle();
    }
}
