package org.jpyc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.OracleProvider;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.parse.Parser;
import org.jpyc.version.PyVersion;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpyc bench}: JMH over the engine's hot paths, each figure next to CPython's own on the same
 * input, measured through the oracle in the same run, as a ratio (jpyc MB/s / CPython MB/s).
 *
 * <p>Inputs are each version's own standard library, compiled by that version's real CPython: a
 * deterministic sample of {@code --files} modules (sorted by path, evenly spaced), combined into one
 * marshal blob (see {@link #combine}) so that jpyc and CPython time exactly the same operation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "JMH benchmarks of the engine (marshal load/dump, parse, compile, pyc cache hit and recompile) and "
                + "whole compile processes, each as a ratio to CPython on the same input.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--oracle", defaultValue = "embedded", description = "embedded | local: CPython is timed on this machine (default: ${DEFAULT-VALUE})")
    String oracle;

    @Option(names = "--python", paramLabel = "PATH",
            description = "with --oracle local: the interpreter to time (repeatable; without it PATH is searched), e.g. "
                    + "docker/offline/bin/python3.15, which runs the oracle image's python3.15 as if it were local")
    List<Path> pythons = new ArrayList<>();

    @Option(names = "--versions", defaultValue = "3.10,3.11,3.12,3.13,3.14", description = "default: ${DEFAULT-VALUE}")
    String versions;

    @Option(names = "--files", defaultValue = "200", description = "stdlib modules per version (default: ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--quick", description = "one short iteration (for smoke runs; figures are noisy)")
    boolean quick;

    @Option(names = "--out", defaultValue = "target/bench", description = "work and result directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--benchmarks", defaultValue = ALL_BENCHMARKS, split = ",",
            description = "which to run (default: ${DEFAULT-VALUE}); cache and process run for the compiler's targets only")
    List<String> benchmarks = List.of(ALL_BENCHMARKS.split(","));

    @Option(names = "--jpyc", paramLabel = "PATH",
            description = "a jpyc executable for the process benchmark to time instead of the checkout's launcher, and for the start-up benchmark to time beside it "
                    + "(e.g. target/native/jpyc, built by tools/native/build.sh)")
    Path jpycExecutable;

    @Option(names = "--jmh-java", paramLabel = "JAVA",
            description = "the java executable that runs the JMH forks (default: the one running this command), e.g. a newer JDK's bin/java")
    Path jmhJava;

    @Option(names = "--jmh-jvm-option", paramLabel = "OPTION",
            description = "a JVM option for the JMH forks, after the fixed ones (repeatable), e.g. -XX:+UseCompactObjectHeaders")
    List<String> jmhJvmOptions = new ArrayList<>();

    @Option(names = "--process-runs", defaultValue = "3", description = "runs of each side per process mode (default: ${DEFAULT-VALUE})")
    int processRuns = 3;

    /** The versions the process benchmark times (null: every compiler target of {@link #versions}). */
    List<PyVersion> processVersions;

    @Option(names = "--startup-runs", defaultValue = "11", description = "rounds of the start-up commands (default: ${DEFAULT-VALUE})")
    int startupRuns = 11;

    @Option(names = "--worker-runs", defaultValue = "3", description = "fresh workers timed by the worker benchmark (default: ${DEFAULT-VALUE})")
    int workerRuns = 3;

    static final String ALL_BENCHMARKS = "marshal.load,marshal.dump,parse,compile,cache,process,startup,worker";

    /** The benchmarks that are not JMH methods of {@link #BENCHES}. */
    static final List<String> PROCESS_BENCHMARKS = List.of("cache", "process", "startup", "worker");

    /** Files sent through one persistent worker by the worker benchmark, as in rules_python's report (issue #16). */
    static final int WORKER_FILES = 2000;

    /**
     * The versions jpyc's compiler targets: the compile, cache and process benchmarks run for these
     * alone. One place for now; it should become the engine's own list (a {@code Compiler.targets()}).
     */
    static final java.util.Set<PyVersion> COMPILER_TARGETS = org.jpyc.compile.Compiler.targets();

    /** The cache rows and process rows of the last {@link #run} (empty when not selected). */
    List<CacheRow> cacheRows = List.of();
    List<ProcessBench.Row> processRows = List.of();
    List<StartupBench.Row> startupRows = List.of();
    /** The worker benchmark's result (null when not selected or without a 3.13 stdlib). */
    WorkerBench.Result workerResult;

    /**
     * One measured row: what, which version, jpyc's and CPython's MB/s (the medians of their runs),
     * and each run's own figure (the mean of its measured iterations or rounds): per JMH fork for
     * jpyc, per interpreter process for CPython, session by session (a fork and the process paired with it).
     */
    public record Row(String benchmark, String version, double jpycMbS, double cpythonMbS,
                      List<Double> jpycRuns, List<Double> cpythonRuns) {
        /** jpyc / CPython: the median of the sessions' own ratios ({@link #pairedRatio}). */
        public double ratio() {
            return pairedRatio(jpycRuns, cpythonRuns);
        }
    }

    /**
     * The median over sessions of {@code num.get(i) / den.get(i)}: each session's two figures were timed in turns
     * ({@link PairedRounds}), so a session in which the machine ran slower or faster moves both alike and its own
     * ratio not, where the ratio of the two sides' medians could take them from different sessions.
     */
    static double pairedRatio(List<Double> num, List<Double> den) {
        if (num.size() != den.size() || num.isEmpty()) {
            throw new IllegalArgumentException("sessions do not pair: " + num + " and " + den);
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < num.size(); i++) ratios.add(num.get(i) / den.get(i));
        return median(ratios);
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows = run();
        if (!rows.isEmpty()) System.out.println(table(rows));
        if (!cacheRows.isEmpty()) System.out.println(cacheTable(cacheRows));
        if (!processRows.isEmpty()) System.out.println(ProcessBench.table(processRows));
        if (!startupRows.isEmpty()) System.out.println(StartupBench.table(startupRows));
        if (workerResult != null) System.out.println(workerTable(workerResult));
        return 0;
    }

    /**
     * One benchmark: the row name, the JMH method that times jpyc, the {@code cpython_timing.py} kind
     * that times CPython, the payload kind, the JMH warm-up (iterations of seconds), the length of a
     * measured round (a JMH iteration, a CPython round), and how many sessions (one JMH fork, paired with
     * one CPython process) a full run has.
     */
    record Bench(String name, Class<?> jmhClass, String method, String cpythonKind, String payload, int warmups,
                 int warmupSeconds, int roundSeconds, int sessions) {
        /** The JMH include pattern that selects this benchmark's method alone. */
        String include() {
            return java.util.regex.Pattern.quote(jmhClass.getName() + "." + method) + "$";
        }
    }

    static final List<Bench> BENCHES = List.of(
            new Bench("marshal.load", MarshalBench.class, "load", "marshal.loads", "marshal", 3, 1, 1, 3),
            new Bench("marshal.dump", MarshalBench.class, "dump", "marshal.dumps", "marshal", 3, 1, 1, 3),
            // A generated parser of ~250 rule methods takes C2 far longer to compile than the marshal
            // code: measured by hand, throughput keeps rising for ~15 s, so warm up for 20 s.
            // At least 3 sessions for every benchmark: each side's figure is the median of its runs, and the
            // median of 2 is their mean, which one run far off the other moves (run() gives such runs).
            new Bench("parse", ParseBench.class, "parse", "parse", "parse", 10, 2, 2, 3),
            // The compiler runs the parser and far more code: C2 compiles for about twice as long. Counted with
            // -XX:+PrintCompilation over the compile payload (2026-12-07, one thread, a free second core), tier-4
            // compiles per 5 s: 3.13 still ~200 in 20-30 s and ~30 in 30-40 s; 3.14 273 / 181 / 111 / 47 / 29 from
            // 20 to 45 s, then under 20 (the parse payload's had fallen to ~20 per 5 s by 15 s). A 20 s warm-up
            // measured compile while C2 was still at it (3.13: 13.0 MB/s over 20-30 s, 14.0 after 30 s), so 40 s. Six
            // sessions alternating the two warm-ups (3.14, each paired with Debian's python3.14): the paired ratio was
            // 6% higher after 40 s than after 20 s (means of 3; medians 10%).
            new Bench("compile", CompileBench.class, "compile", "compile", "compile", 20, 2, 2, 3));

    /**
     * Cache hit and recompile, per file: each session is a JMH fork per method ({@link CacheBench}), each paired
     * with a CPython process of its kind; recompile runs the whole compiler, so it warms up as long as compile
     * (the hit path is small: the parser's warm-up is plenty).
     */
    static final List<Bench> CACHE_BENCHES = List.of(
            new Bench("cache.hit", CacheBench.class, "hit", "cache.hit", "cache.hit", 10, 2, 2, 3),
            new Bench("cache.recompile", CacheBench.class, "recompile", "cache.miss", "cache.miss", 20, 2, 2, 3));

    /**
     * One version's cache row: microseconds per file of jpyc's hit and recompile and of CPython's
     * {@code get_code} with a valid pyc (hit) and with none (miss), each the median of its runs.
     */
    public record CacheRow(String version, int files, double jpycHitUs, double jpycRecompileUs, double cpythonHitUs,
                           double cpythonMissUs, List<Double> jpycHitRuns, List<Double> jpycRecompileRuns,
                           List<Double> cpythonHitRuns, List<Double> cpythonMissRuns) {
        public double jpycRecompilePerHit() {
            return jpycRecompileUs / jpycHitUs;
        }

        public double cpythonMissPerHit() {
            return cpythonMissUs / cpythonHitUs;
        }

        /** How many times faster jpyc's hit is than CPython's, session by session ({@link #pairedRatio}). */
        public double hitRatio() {
            return pairedRatio(cpythonHitRuns, jpycHitRuns);
        }

        /** How many times faster jpyc's recompile is than CPython's miss, session by session ({@link #pairedRatio}). */
        public double recompileRatio() {
            return pairedRatio(cpythonMissRuns, jpycRecompileRuns);
        }
    }

    public List<Row> run() throws Exception {
        Path work = out.toAbsolutePath();
        Discarded.deleteAll(work); // what a stopped earlier run left, long before this run's first timed process
        try {
            return runAll();
        } finally {
            Discarded.deleteAll(work); // the trees the process and worker benchmarks moved aside
        }
    }

    private List<Row> runAll() throws Exception {
        List<PyVersion> vs = PyVersion.parseList(versions);
        OracleProvider provider = Oracles.provider(oracle, OracleOptions.defaults().withPythons(List.copyOf(pythons)));
        Path dir = out.toAbsolutePath();
        // per version: the interpreter, and the bytes of each payload kind written
        Map<String, Path> pythons = new LinkedHashMap<>();
        Map<String, Long> payloadBytes = new LinkedHashMap<>();
        Map<String, Integer> cacheFiles = new LinkedHashMap<>();
        for (PyVersion v : vs) {
            System.err.println("bench: preparing " + v + " stdlib payloads through the " + oracle + " oracle");
            try (Oracle o = provider.open(v)) {
                Path python = Path.of(o.info().location());
                if (!Files.isExecutable(python)) {
                    throw new IllegalStateException("bench times CPython on this machine: the " + oracle + " oracle's " + v
                            + " is not a local interpreter (" + o.info().location() + "); use --oracle embedded or local");
                }
                pythons.put(v.toString(), python);
                Sample sample = stdlibSample(o, files);
                if (selected(b0 -> b0.payload().equals("marshal"))) {
                    PayloadSet marshal = new PayloadSet(v.toString(), List.of(combine(sample.pycs(), v)));
                    marshal.write(PayloadSet.file(dir, "marshal", v.toString()));
                    payloadBytes.put("marshal " + v, marshal.totalBytes());
                }
                if (COMPILER_TARGETS.contains(v)) {
                    PayloadSet sources = new PayloadSet(v.toString(), sample.sources());
                    sources.write(PayloadSet.file(dir, "compile", v.toString()));
                    payloadBytes.put("compile " + v, sources.totalBytes());
                    if (benchmarks.contains("cache")) {
                        cacheFiles.put(v.toString(), cacheTrees(dir, v.toString(), python, sample.sources()));
                    }
                }
                if (Parser.supports(v)) {
                    PayloadSet sources = new PayloadSet(v.toString(), sample.sources());
                    sources.write(PayloadSet.file(dir, "parse", v.toString()));
                    payloadBytes.put("parse " + v, sources.totalBytes());
                }
            }
        }
        Path script = timingScript(dir);
        List<Row> rows = new ArrayList<>();
        for (Bench b : BENCHES) {
            if (!benchmarks.contains(b.name())) continue;
            for (PyVersion pv : vs) {
                String v = pv.toString();
                Long bytes = payloadBytes.get(b.payload() + " " + v);
                if (bytes == null) continue;
                // Each session is a JMH fork paired with a CPython process, the two taking turns every round
                // (PairedRounds), and each side's figure is the median of its sessions' means. Taking turns:
                // the speed of a shared machine drifts over minutes (seen here: both sides 2x slower half an
                // hour later, and a quarter within a minute), and both sides then see the same drift (before,
                // a CPython process timed before the whole fork saw other minutes than the fork). Several runs: one JVM fork or one CPython process
                // can be 30-50% off the others (heap layout, JIT decisions, address-space layout; seen
                // here: marshal.dump 3.11 forks at 303 and at 410-460 ops/s, CPython 3.10 processes
                // at 348, 682 and 675 MB/s in one row), and the median is not moved by one such run
                // either way; the runs themselves are reported.
                Path payload = PayloadSet.file(dir, b.payload(), v);
                System.err.println("bench: " + b.name() + " " + v);
                List<Double> jpycRuns = new ArrayList<>();
                List<Double> cpythonRuns = new ArrayList<>();
                for (int session = 0; session < sessions(b); session++) {
                    PairedSession ps = paired(b, v, dir, pythons.get(v), script, payload);
                    cpythonRuns.add(ps.cpython());
                    jpycRuns.add(ps.jpycScore() * bytes / 1e6);
                }
                rows.add(new Row(b.name(), v, median(jpycRuns), median(cpythonRuns), jpycRuns, cpythonRuns));
            }
        }
        List<CacheRow> cache = new ArrayList<>();
        for (Map.Entry<String, Integer> e : cacheFiles.entrySet()) {
            cache.add(cacheRow(e.getKey(), e.getValue(), pythons.get(e.getKey()), script, dir));
        }
        cacheRows = cache;
        List<ProcessBench.Row> process = new ArrayList<>();
        if (benchmarks.contains("process")) {
            List<String> jpyc = jpycExecutable != null ? List.of(jpycExecutable.toAbsolutePath().toString()) : ProcessBench.jpycCommand();
            for (PyVersion pv : vs) {
                if (!COMPILER_TARGETS.contains(pv)) continue;
                if (processVersions != null && !processVersions.contains(pv)) continue;
                for (ProcessBench.Mode m : ProcessBench.modes()) {
                    System.err.println("bench: process " + m.name() + " " + pv);
                    process.add(ProcessBench.measure(jpyc, pv.toString(), pythons.get(pv.toString()), dir.resolve("process-" + pv),
                            m, quick ? 1 : processRuns));
                }
            }
        }
        processRows = process;
        List<StartupBench.Row> startup = new ArrayList<>();
        if (benchmarks.contains("startup")) {
            Path root = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath();
            for (PyVersion pv : vs) {
                if (!COMPILER_TARGETS.contains(pv)) continue;
                System.err.println("bench: startup " + pv);
                List<StartupBench.Command> cmds = StartupBench.commands(root, pythons.get(pv.toString()), pv.toString(), jpycExecutable);
                startup.addAll(StartupBench.measure(cmds, pv.toString(), dir.resolve("startup-" + pv), quick ? 1 : startupRuns));
            }
        }
        startupRows = startup;
        if (benchmarks.contains("worker") && pythons.containsKey("3.13")) {
            System.err.println("bench: worker 3.13");
            WorkerBench w = new WorkerBench();
            w.files = WORKER_FILES;
            w.inFlight = 8;
            w.runs = quick ? 1 : workerRuns;
            w.passes = 1;
            w.source = ProcessBench.stdlib(pythons.get("3.13"));
            w.python = pythons.get("3.13");
            w.out = dir.resolve("worker");
            workerResult = w.measure(false);
        }
        write(dir.resolve("bench.json"), rows, cacheRows, processRows, startupRows, workerResult);
        return rows;
    }

    private boolean selected(java.util.function.Predicate<Bench> p) {
        return BENCHES.stream().anyMatch(b -> p.test(b) && benchmarks.contains(b.name()));
    }

    /**
     * The cache benchmark's trees for a version: {@code hit/} and {@code miss/}, each holding the sample
     * as {@code bench<i>.py}; {@code hit/} then gets its timestamp pycs from the interpreter's own
     * {@code compileall}. The payload files list the source paths. Returns the file count.
     */
    static int cacheTrees(Path dir, String version, Path python, List<byte[]> sources)
            throws java.io.IOException, InterruptedException {
        Path tree = CacheBench.cacheTree(dir, version);
        ProcessBench.delete(tree);
        List<byte[]> hit = new ArrayList<>();
        List<byte[]> miss = new ArrayList<>();
        for (String kind : List.of("hit", "miss")) {
            Path d = Files.createDirectories(tree.resolve(kind));
            for (int i = 0; i < sources.size(); i++) {
                Path f = d.resolve(CacheBench.moduleName(i) + ".py");
                Files.write(f, sources.get(i));
                (kind.equals("hit") ? hit : miss).add(f.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-m", "compileall", "-q", tree.resolve("hit").toString());
        pb.environment().putAll(CPYTHON_ENV);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IllegalStateException(python + " -m compileall failed: " + output);
        new PayloadSet(version, hit).write(PayloadSet.file(dir, "cache.hit", version));
        new PayloadSet(version, miss).write(PayloadSet.file(dir, "cache.miss", version));
        return sources.size();
    }

    /**
     * The cache row of a version: sessions alternate CPython (a process of {@code get_code} with a
     * valid pyc, then one with none) and jpyc (a JMH fork of {@link CacheBench#hit}, then one of
     * {@link CacheBench#recompile}); each figure is the median of its runs, in microseconds per file.
     */
    private CacheRow cacheRow(String v, int files, Path python, Path script, Path dir) throws Exception {
        System.err.println("bench: cache " + v);
        Bench hit = CACHE_BENCHES.get(0);
        Bench recompile = CACHE_BENCHES.get(1);
        List<List<Double>> runs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int session = 0; session < sessions(hit); session++) {
            PairedSession h = paired(hit, v, dir, python, script, PayloadSet.file(dir, hit.payload(), v));
            PairedSession r = paired(recompile, v, dir, python, script, PayloadSet.file(dir, recompile.payload(), v));
            runs.get(0).add(1e6 / (h.jpycScore() * files));
            runs.get(1).add(1e6 / (r.jpycScore() * files));
            runs.get(2).add(h.cpython());
            runs.get(3).add(r.cpython());
        }
        return new CacheRow(v, files, median(runs.get(0)), median(runs.get(1)), median(runs.get(2)), median(runs.get(3)),
                runs.get(0), runs.get(1), runs.get(2), runs.get(3));
    }

    /**
     * The JVM every benchmark fork runs in: a fixed heap, touched before the benchmark starts. Without
     * it the heap grows during the run, and each first touch of fresh memory is a page fault, which
     * on a virtual machine can cost more than the benchmarked work (measured here: the same marshal
     * load at 18 and at 220 ops/s in two forks). CPython's side gets the same footing from its malloc
     * settings (see {@link #cpythonTiming}). The collector is the serial one, which every {@code ./jpyc}
     * command that compiles runs on (the launcher's batch options, {@code ProcessBench.BATCH_JVM_OPTIONS}):
     * a compile's garbage dies young, and G1, the JVM's default on a machine of two or more cores, costs
     * {@code compile} about 8% (3.15) to 18% (3.13) of its throughput in its write barriers (C2, one thread,
     * alternated runs on this project's 2-core VM).
     */
    static final String[] JVM_ARGS = {"-Xss8m", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"};

    /** The JMH forks' JVM options: {@link #JVM_ARGS}, then {@code --jmh-jvm-option}'s. */
    String[] jmhJvmArgs() {
        List<String> all = new ArrayList<>(List.of(JVM_ARGS));
        all.addAll(jmhJvmOptions);
        return all.toArray(new String[0]);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The middle value, or the mean of the middle two. */
    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        if (n == 0) throw new IllegalArgumentException("no runs");
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    /** A session's two figures: the JMH fork's score (operations per second) and the mean of CPython's paired rounds. */
    record PairedSession(double jpycScore, double cpython) {}

    /**
     * One session of {@code b} for {@code version}: a JMH fork, with CPython ({@link PairedRounds}, over
     * {@code payload}) timing one round before each of the fork's measured iterations.
     */
    private PairedSession paired(Bench b, String version, Path dir, Path python, Path script, Path payload) throws Exception {
        try (PairedRounds cpython = PairedRounds.start(python, script, b, payload)) {
            RunResult r = jmh(b, version, dir, cpython.port());
            List<Double> rounds = cpython.figures();
            if (rounds.size() != rounds()) {
                throw new IllegalStateException(b.name() + " " + version + ": " + rounds.size() + " CPython rounds paired with " + rounds() + " iterations");
            }
            return new PairedSession(r.getPrimaryResult().getScore(), mean(rounds));
        }
    }

    /** One JMH run (one fork) of one benchmark method for one version, paired with CPython's rounds on {@code pairPort} (0: none). */
    private RunResult jmh(Bench b, String version, Path dir, int pairPort) throws Exception {
        Options opts = new OptionsBuilder()
                .include(b.include())
                .param("version", version)
                .param("dir", dir.toString())
                .param("pairPort", Integer.toString(pairPort))
                .forks(1)
                .warmupIterations(quick ? 1 : b.warmups())
                .warmupTime(TimeValue.seconds(b.warmupSeconds()))
                .measurementIterations(rounds())
                .measurementTime(TimeValue.seconds(b.roundSeconds()))
                .jvmArgsAppend(jmhJvmArgs())
                .build();
        if (jmhJava != null) opts = new OptionsBuilder().parent(opts).jvm(jmhJava.toAbsolutePath().toString()).build();
        return new Runner(opts).runSingle();
    }

    /**
     * Measured rounds of each CPython process, and measured iterations (of the same length) of each
     * JMH fork, so that both sides are timed as long.
     */
    static final int MEASURED_ROUNDS = 5;

    private int rounds() {
        return quick ? 1 : MEASURED_ROUNDS;
    }

    private int sessions(Bench b) {
        return quick ? 1 : b.sessions();
    }

    /** How each benchmark is timed (a full run, not {@code --quick}), as docs/STATUS.md says it. */
    static String timing() {
        StringBuilder sb = new StringBuilder("JVM `").append(String.join(" ", JVM_ARGS)).append("`");
        List<Bench> all = new ArrayList<>(BENCHES);
        all.addAll(CACHE_BENCHES);
        for (Bench b : all) {
            sb.append(String.format("; `%s`: %d sessions, each a JMH fork of %d warm-up iterations of %d s and %d measured of %d s, "
                            + "each measured one preceded by a CPython round of %d s (after 2 warm-up rounds)",
                    b.name(), b.sessions(), b.warmups(), b.warmupSeconds(), MEASURED_ROUNDS, b.roundSeconds(), b.roundSeconds()));
        }
        return sb.toString();
    }

    /**
     * Glibc malloc settings for the CPython side: freed memory is kept (no trimming, no mmap for large
     * blocks), so that steady-state timing does not page-fault fresh memory in on every multi-megabyte
     * result. They make CPython faster, never slower (measured on this project's 2-core VM:
     * {@code marshal.dumps} 3.10 about 2x); they change no result.
     */
    static final Map<String, String> CPYTHON_ENV = Map.of(
            "PYTHONHASHSEED", "0",
            "MALLOC_MMAP_THRESHOLD_", Integer.toString(1 << 30),
            "MALLOC_TRIM_THRESHOLD_", Integer.toString(1 << 30));

    /** Copies {@code cpython_timing.py} out of the jar into {@code dir}, for {@link #cpythonTiming}; returns its path. */
    static Path timingScript(Path dir) throws java.io.IOException {
        Path script = dir.resolve("cpython_timing.py");
        try (java.io.InputStream in = BenchCommand.class.getResourceAsStream("cpython_timing.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /**
     * CPython's MB/s for a benchmark over a payload file: the interpreter the oracle runs (embedded or
     * local), started once more on {@code script} ({@code cpython_timing.py}); {@code rounds} rounds of
     * the benchmark's round length after warm-up, one figure per round.
     */
    static List<Double> cpythonTiming(Path python, Path script, Bench b, Path payloadFile, int rounds)
            throws java.io.IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", script.toString(), b.cpythonKind(),
                payloadFile.toString(), Integer.toString(rounds), Integer.toString(b.roundSeconds()));
        pb.environment().putAll(CPYTHON_ENV);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IllegalStateException(python + " cpython_timing.py " + b.cpythonKind() + " failed: " + output);
        return output.lines().map(Double::valueOf).toList();
    }

    /** The sampled modules: their sources (those CPython compiles) and the optimize-0 pycs CPython wrote for them. */
    record Sample(List<byte[]> sources, List<byte[]> pycs) {}

    /** An evenly spaced sample of the oracle's own stdlib: sources CPython compiles, and its optimize-0 pycs (headers cut). */
    static Sample stdlibSample(Oracle o, int count) {
        List<String> all = new ArrayList<>(o.stdlibFiles());
        all.sort(null);
        List<String> pick = new ArrayList<>();
        double step = Math.max(1.0, (double) all.size() / Math.max(1, count));
        for (double i = 0; i < all.size() && pick.size() < count; i += step) pick.add(all.get((int) i));
        Map<String, byte[]> sources = o.readStdlib(pick);
        List<SourceRequest> reqs = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : sources.entrySet()) {
            reqs.add(new SourceRequest(e.getKey(), e.getValue(), 0L, List.of(PycVariant.DEFAULT), false, false));
            texts.add(e.getValue());
        }
        List<byte[]> okSources = new ArrayList<>();
        List<byte[]> pycs = new ArrayList<>();
        List<SourceAnswer> answers = o.compile(reqs);
        for (int i = 0; i < answers.size(); i++) {
            byte[] pyc = answers.get(i).pycs().get(PycVariant.DEFAULT);
            if (pyc == null) continue;
            okSources.add(texts.get(i));
            pycs.add(java.util.Arrays.copyOfRange(pyc, 16, pyc.length));
        }
        return new Sample(okSources, pycs);
    }

    /**
     * One marshal blob holding every module's code object (a tuple of them), written by jpyc with the
     * loaded FLAG_REF bits kept, so reference numbers stay consistent across modules. Both sides then
     * time the same operation: one pass over all of it, {@code marshal.loads(blob)} /
     * {@code marshal.dumps(obj)} for CPython and {@link MarshalBench} for jpyc.
     */
    static byte[] combine(List<byte[]> payloads, PyVersion v) {
        List<org.jpyc.object.PyObject> codes = new ArrayList<>();
        for (byte[] p : payloads) codes.add(org.jpyc.marshal.Marshal.load(p, 0, p.length, v));
        return org.jpyc.marshal.Marshal.dump(new org.jpyc.object.PyTuple(codes), v);
    }

    static void write(Path file, List<Row> rows) throws java.io.IOException {
        write(file, rows, List.of(), List.of());
    }

    static void write(Path file, List<Row> rows, List<CacheRow> cache, List<ProcessBench.Row> process) throws java.io.IOException {
        write(file, rows, cache, process, List.of(), null);
    }

    static void write(Path file, List<Row> rows, List<CacheRow> cache, List<ProcessBench.Row> process, List<StartupBench.Row> startup,
                      WorkerBench.Result worker) throws java.io.IOException {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (Row r : rows) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", r.benchmark());
            n.put("version", r.version());
            n.put("jpyc_mb_s", r.jpycMbS());
            n.put("cpython_mb_s", r.cpythonMbS());
            n.put("ratio", r.ratio());
            r.jpycRuns().forEach(n.putArray("jpyc_runs_mb_s")::add);
            r.cpythonRuns().forEach(n.putArray("cpython_runs_mb_s")::add);
        }
        for (CacheRow r : cache) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", "cache");
            n.put("version", r.version());
            n.put("files", r.files());
            n.put("jpyc_hit_us", r.jpycHitUs());
            n.put("jpyc_recompile_us", r.jpycRecompileUs());
            n.put("cpython_hit_us", r.cpythonHitUs());
            n.put("cpython_miss_us", r.cpythonMissUs());
            n.put("hit_ratio", r.hitRatio());
            n.put("recompile_ratio", r.recompileRatio());
            r.jpycHitRuns().forEach(n.putArray("jpyc_hit_runs_us")::add);
            r.jpycRecompileRuns().forEach(n.putArray("jpyc_recompile_runs_us")::add);
            r.cpythonHitRuns().forEach(n.putArray("cpython_hit_runs_us")::add);
            r.cpythonMissRuns().forEach(n.putArray("cpython_miss_runs_us")::add);
        }
        for (ProcessBench.Row r : process) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", "process " + r.mode());
            n.put("version", r.version());
            n.put("sources", r.sources());
            n.put("jpyc_s", r.jpycS());
            n.put("cpython_s", r.cpythonS());
            n.put("ratio", r.ratio());
            r.jpycRuns().forEach(n.putArray("jpyc_runs_s")::add);
            r.cpythonRuns().forEach(n.putArray("cpython_runs_s")::add);
            n.put("jpyc_pycs", r.jpycPycs());
            n.put("cpython_pycs", r.cpythonPycs());
        }
        for (StartupBench.Row r : startup) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", "startup");
            n.put("command", r.name());
            n.put("side", r.side());
            n.put("version", r.version());
            n.put("median_ms", r.medianMs());
            r.runsMs().forEach(n.putArray("runs_ms")::add);
        }
        if (worker != null) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", "worker");
            n.put("version", "3.13");
            n.put("files", worker.files());
            n.put("jpyc_s", worker.coldMedian());
            n.put("rules_python_s", RULES_PYTHON_WORKER_S);
            worker.coldRuns().forEach(n.putArray("jpyc_runs_s")::add);
            worker.failed().forEach(n.putArray("failed")::add);
            if (!worker.cpythonRuns().isEmpty()) {
                n.put("cpython_s", worker.cpythonMedian());
                n.put("ratio", worker.cpythonMedian() / worker.coldMedian());
                worker.cpythonRuns().forEach(n.putArray("cpython_runs_s")::add);
                worker.cpythonFailed().forEach(n.putArray("cpython_failed")::add);
            }
        }
        Files.createDirectories(file.getParent());
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), arr);
    }

    /** Each run's figure, rounded, in the order measured. */
    private static String runs(List<Double> xs) {
        if (xs.stream().anyMatch(x -> x < 100)) return runs(xs, "%.1f"); // small figures (compile MB/s): one decimal
        StringBuilder sb = new StringBuilder();
        for (double x : xs) sb.append(sb.length() == 0 ? "" : " / ").append(Math.round(x));
        return sb.toString();
    }

    /** Each run's figure in {@code format}, in the order measured. */
    static String runs(List<Double> xs, String format) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) sb.append(sb.length() == 0 ? "" : " / ").append(String.format(format, x));
        return sb.toString();
    }

    /**
     * A Markdown table of the cache rows: each side's hit and recompile in microseconds per file and
     * its recompile/hit ratio, then how many times faster jpyc is at each (CPython / jpyc).
     */
    public static String cacheTable(List<CacheRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| version | files | jpyc hit µs | jpyc recompile µs | jpyc recompile/hit | CPython hit µs | CPython miss µs "
                        + "| CPython miss/hit | hit ratio | recompile ratio | jpyc hit / recompile runs | CPython hit / miss runs |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CacheRow r : rows) {
            sb.append(String.format("| %s | %d | %.1f | %.1f | %.1fx | %.1f | %.1f | %.1fx | %.2fx | %.2fx | %s ; %s | %s ; %s |%n",
                    r.version(), r.files(), r.jpycHitUs(), r.jpycRecompileUs(), r.jpycRecompilePerHit(), r.cpythonHitUs(),
                    r.cpythonMissUs(), r.cpythonMissPerHit(), r.hitRatio(), r.recompileRatio(),
                    runs(r.jpycHitRuns(), "%.1f"), runs(r.jpycRecompileRuns(), "%.1f"),
                    runs(r.cpythonHitRuns(), "%.1f"), runs(r.cpythonMissRuns(), "%.1f")));
        }
        return sb.toString();
    }

    /**
     * rules_python's own persistent worker, as issue #16 quotes its report: a build of 2,000 files down
     * from 60 s to 4 s.
     */
    static final double RULES_PYTHON_WORKER_S = 4.0;

    /**
     * A Markdown table of the worker benchmark: jpyc's fresh worker beside CPython's (measured in the same run,
     * when it was) and rules_python's reported figure.
     */
    static String workerTable(WorkerBench.Result r) {
        boolean measured = !r.cpythonRuns().isEmpty();
        return "| files | jpyc worker s | CPython worker s | ratio | rules_python worker s (reported) | jpyc runs s | CPython runs s | failed requests jpyc / CPython |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + String.format(java.util.Locale.ROOT, "| %d | %.2f | %s | %s | %.0f | %s | %s | %s / %s |%n", r.files(), r.coldMedian(),
                        measured ? String.format(java.util.Locale.ROOT, "%.2f", r.cpythonMedian()) : "not timed",
                        measured ? String.format(java.util.Locale.ROOT, "%.2fx", r.cpythonMedian() / r.coldMedian()) : "",
                        RULES_PYTHON_WORKER_S, runs(r.coldRuns(), "%.2f"), measured ? runs(r.cpythonRuns(), "%.2f") : "",
                        r.failed().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" / ")),
                        measured ? r.cpythonFailed().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" / ")) : "-");
    }

    /** A Markdown table of the rows. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | version | jpyc MB/s | CPython MB/s | ratio | jpyc forks | CPython processes |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format("| %s | %s | %.1f | %.1f | %.2fx | %s | %s |%n", r.benchmark(), r.version(),
                    r.jpycMbS(), r.cpythonMbS(), r.ratio(), runs(r.jpycRuns()), runs(r.cpythonRuns())));
        }
        return sb.toString();
    }
}
