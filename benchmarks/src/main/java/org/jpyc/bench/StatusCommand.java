package org.jpyc.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jpyc.compile.Compiler;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.run.RunConfig;
import org.jpyc.conformance.run.RunListener;
import org.jpyc.conformance.run.RunResult;
import org.jpyc.conformance.run.Runner;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpyc status}: measures everything docs/STATUS.md reports and writes the file. Nothing in
 * that file is typed by hand: it is this command's output.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Run the conformance suite, the stdlib sweeps and the benchmarks; write docs/STATUS.md.")
public final class StatusCommand implements Callable<Integer> {
    static final String COMMAND = "./jpyc status";
    /** Every check the engine can answer so far. */
    static final List<String> CORPUS_CHECKS = List.of("roundtrip", "dis", "expect", "ast", "error");
    /** The compiler's checks, run for the versions the compiler targets ({@link BenchCommand#COMPILER_TARGETS}). */
    static final List<String> COMPILER_CHECKS = List.of("compile", "symtable");

    @Option(names = "--out", defaultValue = "docs/STATUS.md", description = "default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--no-sweep", description = "skip the sweeps (the stdlibs and real code)")
    boolean noSweep;

    @Option(names = "--no-docker", description = "skip the container oracles (3.9, 3.15)")
    boolean noDocker;

    @Option(names = "--no-bench", description = "skip the benchmarks")
    boolean noBench;

    @Option(names = "--process-runs", defaultValue = "3", description = "runs of each side of the whole-process compile benchmark (default: ${DEFAULT-VALUE})")
    int processRuns = 3;

    @Option(names = "--docker-versions", defaultValue = "3.9,3.15", description = "versions taken from containers (default: ${DEFAULT-VALUE})")
    String dockerVersions;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "regenerate only these sections (corpus, sweep, compiler, docker, realcode, bench, debian, jdk, native) and keep the others of the existing file as they are, saying so in its header; "
                    + "if this machine cannot measure one of them (no Docker engine, offline images, real code's archives, native executable or newer JDK), stop first and leave the file as it is (exit status 1)")
    java.util.Set<String> only;

    @Option(names = "--newer-jdk", paramLabel = "JDK",
            description = "a JDK 25 or newer (its home directory) for the section \"On a newer JDK\": the rows against Debian's builds again, "
                    + "with the JMH forks on that JDK and compact object headers; without it that section is not measured")
    Path newerJdk;

    /** The stdlib modules per version the benchmarks sample, and where they keep their work. */
    private static final int BENCH_FILES = 200;
    private static final Path BENCH_OUT = Path.of("target", "bench");

    /** The groups {@code --only} takes, as {@link StatusSections#group} names them. */
    static final List<String> GROUPS = List.of("corpus", "sweep", "compiler", "docker", "realcode", "bench", "debian", "jdk", "native");

    /** The sections this run measures: all, or those of {@code --only}. */
    private boolean want(String section) {
        return only == null || only.isEmpty() || only.contains(section);
    }

    @Override
    public Integer call() throws Exception {
        // A partial run replaces the sections of the groups it names. One whose oracle or executable is missing here
        // would replace measured figures with "Not measured" (after the other groups' measurements, which can take an
        // hour), so such a run stops first. A full run writes "Not measured" where it cannot measure.
        if (only != null && !only.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String g : new java.util.TreeSet<>(only)) {
                String why = GROUPS.contains(g) ? unmeasurable(g) : "no such section (the sections are " + String.join(", ", GROUPS) + ")";
                if (why != null) missing.add(g + ": " + why);
            }
            if (!missing.isEmpty()) {
                System.err.println("jpyc status: cannot measure " + String.join("; ", missing)
                        + ". docs/STATUS.md is left as it was.");
                return 1;
            }
        }
        Path base = Path.of("").toAbsolutePath();
        List<PyVersion> embedded = PyVersion.parseList("3.10,3.11,3.12,3.13,3.14");
        OracleOptions opts = OracleOptions.defaults();
        StringBuilder md = new StringBuilder();
        md.append("# jpyc status\n\n");
        md.append("Generated by `").append(COMMAND).append("` on ").append(LocalDate.now(ZoneOffset.UTC))
                .append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores). Do not edit by hand: run the command again.\n");
        md.append("Every figure compares jpyc with real CPython output produced in the same run (or cached from it under the interpreter's exact `sys.version`).\n\n");

        if (want("corpus")) {
        RunResult corpus = run("embedded", opts, embedded, CORPUS_CHECKS, List.of("corpus/cases"), base);
        md.append("## Oracles\n\n| version | CPython | provider |\n|---|---|---|\n");
        for (RunResult.VersionEntry v : corpus.versions()) {
            md.append("| ").append(v.version()).append(" | `").append(firstLine(v.fullVersion())).append("` | ").append(v.provider()).append(" |\n");
        }
        md.append("\n## Conformance: corpus/cases, embedded oracle\n\n");
        md.append("`roundtrip`: every pyc CPython writes (optimize 0/1/2 x timestamp/checked-hash/unchecked-hash) loaded and written again, byte for byte. ");
        md.append("`dis`: jpyc's disassembly of CPython's pyc against `dis.dis` of the same CPython. ");
        md.append("`expect`: the case header's claim (compiles / must fail) against CPython. ");
        md.append("`ast`: `ast.dump(ast.parse(src), include_attributes=True)` against jpyc's parser and AstDump. ");
        md.append("`error`: the SyntaxError/IndentationError/TabError (type, message, positions) of a source CPython rejects. ");
        md.append("Skipped: cases CPython rejects for that version (no pyc to compare), `ast`/`error` for versions jpyc has no parser for yet, "
                + "and `dis` on a frozenset whose printed order depends on object addresses in the CPython process (None before 3.12); "
                + "`target/conformance/report.html` gives each reason.\n\n");
        md.append(matrix(corpus));
        }

        if (!noSweep && want("sweep")) {
            RunResult sweep = run("embedded", opts, embedded, List.of("roundtrip", "dis"), List.of("stdlib"), base);
            md.append("\n## Stdlib sweep, embedded oracle\n\nEach version's own standard library (Lib/ with Lib/test), compiled by that CPython; ")
                    .append("`roundtrip` covers all nine pycs (optimize 0/1/2 x three invalidation modes), `dis` the optimize-0 and optimize-2 pycs.\n\n");
            md.append(matrix(sweep));
            List<PyVersion> parsed = embedded.stream().filter(org.jpyc.parse.Parser::supports).toList();
            if (!parsed.isEmpty()) {
                RunResult front = run("embedded", opts, parsed, List.of("ast", "error"), List.of("stdlib"), base);
                md.append("\nFrontend over the stdlib, for the versions jpyc parses so far:\n\n").append(matrix(front));
            }
        }
        List<PyVersion> targets = embedded.stream().filter(v -> Compiler.targets(v) || Compiler.inProgress().contains(v)).toList();
        if (!targets.isEmpty() && want("compiler")) {
            md.append("\n## Compiler conformance, embedded oracle\n\n").append(compilerText(targets)).append("\n\ncorpus/cases:\n\n");
            appendCompilerRuns(md, "embedded", opts, targets, base, "\nStdlib sweep (Lib/ with Lib/test):\n\n");
        }
        if (!noDocker && want("docker")) {
            md.append("\n## Container oracles (docker)\n\n");
            if (!Oracles.dockerAvailable()) {
                md.append("Not measured: no Docker engine was reachable when this file was generated.\n");
            } else {
                List<PyVersion> dv = PyVersion.parseList(dockerVersions);
                RunResult dc = run("docker", opts, dv, CORPUS_CHECKS, List.of("corpus/cases"), base);
                md.append("corpus/cases:\n\n").append(matrix(dc));
                List<PyVersion> dTargets = dv.stream().filter(v -> Compiler.targets(v) || Compiler.inProgress().contains(v)).toList();
                if (!dTargets.isEmpty()) {
                    md.append("\nThe compiler in a container. ").append(compilerText(dTargets)).append("\n\ncorpus/cases:\n\n");
                    appendCompilerRuns(md, "docker", opts, dTargets, base, "\nThe compiler over the image's stdlib (Lib/ with Lib/test):\n\n");
                }
                if (!noSweep) {
                    RunResult ds = run("docker", opts, dv, List.of("roundtrip", "dis"), List.of("stdlib"), base);
                    md.append("\nstdlib sweep:\n\n").append(matrix(ds));
                    List<PyVersion> parsed = dv.stream().filter(org.jpyc.parse.Parser::supports).toList();
                    if (!parsed.isEmpty()) {
                        RunResult front = run("docker", opts, parsed, List.of("ast", "error"), List.of("stdlib"), base);
                        md.append("\nFrontend over the stdlib:\n\n").append(matrix(front));
                    }
                }
            }
        }
        if (!noSweep && want("realcode")) appendRealCode(md, opts, targets, base);
        if (!noBench && want("bench")) {
            BenchCommand bench = new BenchCommand();
            bench.oracle = "embedded";
            bench.versions = "3.10,3.11,3.12,3.13,3.14";
            bench.files = BENCH_FILES;
            bench.out = BENCH_OUT;
            bench.processRuns = processRuns;
            List<BenchCommand.Row> rows = new ArrayList<>(bench.run());
            // 3.15 has no embedded build: its rows time the sid image's python3.15 through the checkout's wrapper,
            // as a local interpreter (the container costs start-up, which no in-process round includes)
            BenchCommand b315 = containerBench315(bench);
            if (b315 != null) {
                rows.addAll(b315.run());
                List<BenchCommand.CacheRow> cache = new ArrayList<>(bench.cacheRows);
                cache.addAll(b315.cacheRows);
                bench.cacheRows = cache;
            }
            md.append("\n## Benchmarks\n\n")
                    .append("Inputs: an evenly spaced sample of ").append(bench.files)
                    .append(" modules of each version's stdlib; `marshal.*` time one marshal blob holding all their code objects as that CPython compiled them, ")
                    .append("`parse` and `compile` their sources. Each benchmark and version runs sessions (`./jpyc bench`), each a JMH fork paired with a CPython process: before each measured iteration of the fork, CPython times one round of the same length over the same inputs (`PairedRounds`), so the two sides take turns every round and a change in the machine's speed during a session reaches both; ")
                    .append("a session gives each side the mean of its rounds, and each side's figure is the median of its sessions (so that one run far off the others, as JVM forks and CPython processes on this machine sometimes are, moves neither), and the last two columns give each run's own figure, in the order measured. ")
                    .append("jpyc: JMH forks on a fixed, pre-touched heap and the serial collector (the one every `./jpyc` command that compiles runs on; G1, the JVM's default here, gives `compile` about 8-18% less), each fork the mean of its measured iterations (parse warms up longest: C2 needs that long for the generated parser); ")
                    .append("`marshal.load`/`dump` is `Marshal.load`/`dump` (the graphs `dump` walks are compacted in load order by a full collection first, as a graph just loaded or compiled is laid out), ")
                    .append("`parse` is `Parser.parse` (decode, tokenize, parse to the AST); ")
                    .append("`compile` (only for the versions the compiler targets: ").append(versions(BenchCommand.COMPILER_TARGETS))
                    .append(") is `Compiler.pyc` (source bytes to the bytes of a timestamp pyc, every stage, one thread). ")
                    .append("CPython: the oracle's interpreter running `benchmarks/src/main/resources/org/jpyc/bench/cpython_timing.py` beside each JMH fork, ")
                    .append("2 warm-up rounds, then the rounds the fork asks for, `marshal.loads`/`marshal.dumps` of the same blob, ")
                    .append("for `parse` `_symtable.symtable` of the same sources (its cheapest full parse: C AST plus symbol table, no Python objects), ")
                    .append("and for `compile` `marshal.dumps(compile(src, fn, \"exec\", dont_inherit=True))` of the same sources; ")
                    .append("its malloc keeps freed memory (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`), as the JVM's heap is pre-touched, ")
                    .append("so that neither side pays first-touch page faults in steady state. Timing: ").append(BenchCommand.timing()).append(". ")
                    .append("ratio = jpyc / CPython, the median of the sessions' own ratios (each session's two figures were timed in turns; goal: >= 2x). ")
                    .append("Figures from a shared ").append(Runtime.getRuntime().availableProcessors())
                    .append("-core virtual machine: expect +-30% between runs, and other ratios on other machines. ")
                    .append(b315 == null ? "3.15: not measured in this run (no `jpyc/oracle:sid` image; `docker/offline/build.sh sid`).\n\n"
                            : "3.15 has no embedded build: its CPython is Debian's python3.15 of the `jpyc/oracle:sid` image, run through "
                            + "`docker/offline/bin/python3.15` as a local interpreter (`./jpyc bench --oracle local --python docker/offline/bin/python3.15 "
                            + "--versions 3.15`); a container adds start-up, which no timed round includes. It is Debian's optimized build, "
                            + "faster than the embedded builds of the other versions: \"Against Debian's builds of CPython\" below times 3.13, 3.14 "
                            + "and 3.15 against Debian's builds, each JMH fork paired with a CPython process, and is the comparison the goals are judged by.\n\n");
            md.append(BenchCommand.table(rows));
            if (!bench.cacheRows.isEmpty()) {
                md.append("\n### Cache hit against recompile, per file\n\n").append(cacheText(bench)).append("\n\n")
                        .append(BenchCommand.cacheTable(bench.cacheRows));
            }
            if (!bench.processRows.isEmpty()) {
                md.append("\n### Whole process\n\n").append(processText(bench)).append("\n\n")
                        .append(ProcessBench.table(bench.processRows));
            }
            if (!bench.startupRows.isEmpty()) {
                md.append("\n### Start-up\n\n").append(startupText(bench)).append("\n\n").append(StartupBench.table(bench.startupRows));
            }
            if (bench.workerResult != null) {
                md.append("\n### Bazel persistent worker\n\n").append(workerText(bench)).append("\n\n")
                        .append(BenchCommand.workerTable(bench.workerResult));
            }
        }
        if (!noBench && want("debian")) appendDebian(md);
        if (!noBench && want("jdk")) appendNewerJdk(md);
        if (!noBench && want("native")) appendNative(md);
        md.append("\n## Not measured yet\n\n");
        md.append("- `ast` and `error` on versions other than those above: their grammars are not generated yet (issue 4).\n");
        md.append("- `compile` and `symtable` for versions other than ").append(versions(BenchCommand.COMPILER_TARGETS))
                .append(": the compiler targets those alone so far; the compiler benchmarks cover the versions their tables list");
        if (!Compiler.inProgress().isEmpty()) {
            md.append(" (").append(versions(Compiler.inProgress()))
                    .append(" in progress: measured by the ratcheted checks above, no benchmarks yet)");
        }
        md.append(".\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        String text = md.toString();
        if (only != null && !only.isEmpty() && Files.isRegularFile(out)) {
            text = StatusSections.splice(Files.readString(out, StandardCharsets.UTF_8), text, only, gitHead());
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        return 0;
    }

    /**
     * Why this machine cannot measure group {@code g} now (what it lacks), or null. The container oracles need a
     * Docker engine; the benchmarks' rows against Debian's builds and the native executable's section need the
     * offline images too, and the latter the executable.
     */
    private String unmeasurable(String g) {
        Path root = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath();
        boolean needsImages = g.equals("bench") || g.equals("debian") || g.equals("jdk") || g.equals("native");
        if (needsImages || g.equals("docker")) {
            if (noDocker && g.equals("docker")) return "--no-docker was given";
            if (!Oracles.dockerAvailable()) return "no Docker engine is reachable (start one: `dockerd &`)";
        }
        if (needsImages && !debianPythons().keySet().containsAll(DEBIAN_VERSIONS)) {
            return "the offline images `jpyc/oracle:trixie` (3.13) and `jpyc/oracle:sid` (3.14, 3.15) are not both built (`docker/offline/build.sh trixie sid`)";
        }
        if (noBench && needsImages) return "--no-bench was given";
        if (g.equals("realcode")) {
            if (noSweep) return "--no-sweep was given";
            try {
                org.jpyc.conformance.corpus.RealCodeCorpus.fetchAll(Path.of("").toAbsolutePath());
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        }
        if (g.equals("jdk")) {
            String why = newerJdkProblem();
            if (why != null) return why;
        }
        if (g.equals("native") && !Files.isExecutable(root.resolve("target/native/jpyc"))) {
            return "`target/native/jpyc` is not built (`tools/native/build.sh`)";
        }
        return null;
    }

    /** The versions of a set, sorted, as {@code 3.13, 3.14}. */
    static String versions(java.util.Set<PyVersion> vs) {
        return String.join(", ", vs.stream().sorted().map(PyVersion::toString).toList());
    }

    /**
     * The compiler targets' rows again, with CPython timed in Debian's builds of the same versions (the offline images
     * through {@code docker/offline/bin}), working under {@code benchOut/debian}, or null when no image is there. The
     * embedded interpreters are the reference for bytes, not for speed: they are built without profile-guided and
     * link-time optimization, and compile more slowly than a distribution's CPython, which is what most users run.
     */
    private BenchCommand debianBench(Path benchOut) {
        Map<PyVersion, Path> debian = debianPythons();
        if (debian.isEmpty()) return null;
        BenchCommand b = new BenchCommand();
        b.oracle = "local";
        b.pythons = new ArrayList<>(debian.values());
        b.versions = String.join(",", debian.keySet().stream().map(PyVersion::toString).toList());
        b.files = BENCH_FILES;
        b.out = benchOut.resolve("debian");
        b.processRuns = processRuns;
        b.benchmarks = List.of("compile", "cache", "process");
        // the process rows need a tree on this machine, the embedded interpreter's stdlib (ProcessBench.tree): an image's is inside it
        b.processVersions = debian.keySet().stream().filter(Oracles::hasEmbeddedBuild).toList();
        return b;
    }

    /**
     * The "Against Debian's builds of CPython" section: a group of its own (once a subsection of "Benchmarks"), so that
     * the rows the goals are judged by can be measured again without the hours the other benchmarks take.
     */
    private void appendDebian(StringBuilder md) throws Exception {
        BenchCommand debian = debianBench(BENCH_OUT);
        md.append("\n## Against Debian's builds of CPython\n\n");
        if (debian == null) {
            md.append("Not measured in this run: it needs a Docker engine and the offline images `jpyc/oracle:trixie` (3.13) and "
                    + "`jpyc/oracle:sid` (3.14, 3.15) (`docker/offline/build.sh trixie sid`).\n");
            return;
        }
        List<BenchCommand.Row> drows = debian.run();
        md.append(debianText(debian)).append("\n\n").append(BenchCommand.table(drows));
        if (!debian.cacheRows.isEmpty()) md.append("\n").append(BenchCommand.cacheTable(debian.cacheRows));
        if (!debian.processRows.isEmpty()) md.append("\n").append(ProcessBench.table(debian.processRows));
    }

    /** The JVM option the section "On a newer JDK" gives the JMH forks: 8-byte object headers instead of 12 (JEP 519, a product option from JDK 25). */
    static final String COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders";

    /** The oldest JDK the section "On a newer JDK" takes: the first whose compact object headers are a product option. */
    static final int NEWER_JDK_FEATURE = 25;

    /** Why {@link #newerJdk} cannot be used (not given, no java in it, too old), or null. */
    String newerJdkProblem() {
        if (newerJdk == null) return "give a JDK " + NEWER_JDK_FEATURE + " or newer with --newer-jdk (its home directory)";
        Path javaExe = newerJava();
        if (!Files.isExecutable(javaExe)) return "--newer-jdk " + newerJdk + " has no bin/java";
        int feature = javaFeature(javaExe);
        if (feature < NEWER_JDK_FEATURE) {
            return "--newer-jdk " + newerJdk + " is Java " + (feature < 0 ? "of an unknown version" : Integer.toString(feature))
                    + ", not " + NEWER_JDK_FEATURE + " or newer";
        }
        return null;
    }

    /** The java executable of {@link #newerJdk}. */
    private Path newerJava() {
        return newerJdk.resolve("bin/java");
    }

    /** The feature release of a java executable ({@code java.specification.version}), or -1 if it does not say. */
    static int javaFeature(Path javaExe) {
        String settings = output("", javaExe.toString(), "-XshowSettings:properties", "-version");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(settings);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The first line of {@code java -version} of a java executable ({@code openjdk version "25.0.3" 2026-04-21}). */
    private static String javaVersionLine(Path java) {
        String v = output("?", java.toString(), "-version");
        int eol = v.indexOf('\n');
        return eol < 0 ? v : v.substring(0, eol);
    }

    /**
     * The section "On a newer JDK": the {@code compile} and cache rows of "Against Debian's builds of CPython" again,
     * with the JMH forks run by {@link #newerJdk} with {@link #COMPACT_HEADERS}. The same jar (compiled for Java 17);
     * only the JVM that runs it changes.
     */
    private void appendNewerJdk(StringBuilder md) throws Exception {
        md.append("\n## On a newer JDK\n\n");
        String why = newerJdkProblem();
        BenchCommand b = debianBench(BENCH_OUT);
        if (why != null || b == null) {
            md.append("Not measured in this run: ").append(why != null ? why : "it needs a Docker engine and the offline images "
                    + "`jpyc/oracle:trixie` and `jpyc/oracle:sid` (`docker/offline/build.sh trixie sid`)").append(".\n");
            return;
        }
        Path javaExe = newerJava();
        b.benchmarks = List.of("compile", "cache");
        b.jmhJava = javaExe;
        b.jmhJvmOptions = List.of(COMPACT_HEADERS);
        List<BenchCommand.Row> rows = b.run();
        md.append(newerJdkText(javaVersionLine(javaExe))).append("\n\n").append(BenchCommand.table(rows));
        if (!b.cacheRows.isEmpty()) md.append("\n").append(BenchCommand.cacheTable(b.cacheRows));
    }

    /** What "On a newer JDK" measures, and what it does not change. */
    static String newerJdkText(String javaVersion) {
        return "The `compile` and cache rows of \"Against Debian's builds of CPython\" again (the same CPython builds, samples, pairing, "
                + "sessions and counts), with jpyc's JMH forks run by another JDK: `" + javaVersion + "`, with `" + COMPACT_HEADERS
                + "` beside the options above (JEP 519, a product option from JDK 25: an object's header takes 8 bytes instead of 12, and a "
                + "compile allocates some 64 bytes per byte of source, most of it in small objects: instructions, locations, AST nodes). "
                + "The jar is the same, compiled for Java 17; `./jpyc status --only jdk --newer-jdk JDK_HOME` measures it. "
                + "This is what an embedder gets from running jpyc in a long-lived JVM on that JDK (a build tool's daemon or worker "
                + "that runs tiered); the batch commands are not changed by it: `./jpyc compile` runs C1 alone (\"Speed\" in "
                + "docs/ARCHITECTURE.md), and there that JDK with compact headers was no faster than JDK 17.";
    }

    /** The versions whose Debian build is here ({@code docker/offline/bin/pythonX.Y} and its offline image), with that wrapper, in order. */
    private static Map<PyVersion, Path> debianPythons() {
        Path bin = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath().resolve("docker/offline/bin");
        Map<PyVersion, Path> out = new java.util.LinkedHashMap<>();
        for (PyVersion v : DEBIAN_VERSIONS) {
            Path w = bin.resolve("python" + v);
            if (Files.isExecutable(w) && Oracles.offlineImagePresent(v)) out.put(v, w);
        }
        return out;
    }

    /**
     * The versions "Against Debian's builds of CPython" times: every compiler target Debian builds here (3.15, which
     * has no embedded build, is timed against Debian's python3.15 in "Benchmarks" too).
     */
    private static final List<PyVersion> DEBIAN_VERSIONS = List.of(PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15);

    /** The versions the native section checks ({@code tools/native/verify.sh}) and times. */
    private static final List<String> NATIVE_VERSIONS = List.of("3.13", "3.14");

    /**
     * The native executable's section (tools/native): whether it writes the JVM's bytes ({@code tools/native/verify.sh}),
     * then its whole-process rows against Debian's builds (as "Against Debian's builds of CPython" times the JVM) and
     * its start-up beside the launcher's. Not measured without the executable or the images.
     */
    private void appendNative(StringBuilder md) throws Exception {
        Path root = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath();
        Path exe = root.resolve("target/native/jpyc");
        md.append("\n## Native executable (experimental)\n\n");
        Path nativeOut = BENCH_OUT.resolve("native");
        BenchCommand process = debianBench(nativeOut);
        if (!Files.isExecutable(exe) || process == null) {
            md.append("Not measured in this run: it needs `target/native/jpyc` (`tools/native/build.sh`, see tools/native/README.md), "
                    + "a Docker engine and the offline images `jpyc/oracle:trixie` and `jpyc/oracle:sid`.\n");
            return;
        }
        List<String> verifyCommand = new ArrayList<>(List.of(root.resolve("tools/native/verify.sh").toString()));
        verifyCommand.addAll(NATIVE_VERSIONS);
        ProcessBuilder verify = new ProcessBuilder(verifyCommand).redirectErrorStream(true);
        Process p = verify.start();
        String verified = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int verifyStatus = p.waitFor();
        process.jpycExecutable = exe;
        process.versions = String.join(",", NATIVE_VERSIONS);
        process.benchmarks = List.of("process");
        process.run();
        BenchCommand startup = new BenchCommand();
        startup.oracle = "embedded";
        startup.versions = String.join(",", NATIVE_VERSIONS);
        startup.jpycExecutable = exe;
        startup.benchmarks = List.of("startup");
        startup.out = nativeOut;
        startup.files = BENCH_FILES;
        startup.run();
        md.append("`target/native/jpyc`: jpyc's command line (the engine's commands) compiled ahead of time by GraalVM's native-image builder (Community Edition "
                        + "25.0.4 from Maven, no profile-guided optimization) with C libraries built by `tools/native/build.sh`; "
                        + "tools/native/README.md says what it is and what it does not promise. Nothing else in this file uses it.\n\n")
                .append("Same bytes as the JVM's jpyc (`tools/native/verify.sh " + String.join(" ", NATIVE_VERSIONS) + "`: each embedded CPython's stdlib, Lib/ with Lib/test, compiled "
                        + "by both at the same path; every pyc, the exit status and the output compared; the optimization-0 run is made a second time "
                        + "on a small heap with three compile threads, so that the collector recycles heap chunks all the time), exit status ")
                .append(verifyStatus).append(":\n\n```\n").append(verified).append("\n```\n\n")
                .append("Whole process, as \"Against Debian's builds of CPython\" above times the launcher (same tree, runs, alternation and timer), "
                        + "with the executable in the launcher's place:\n\n")
                .append(ProcessBench.table(process.processRows))
                .append("\nStart-up, as \"Start-up\" above times it (against the embedded interpreters, with the caveat given there), "
                        + "with the executable's two commands beside the launcher's:\n\n")
                .append(StartupBench.table(startup.startupRows));
    }

    /** How the rows against Debian's builds differ from those above. */
    static String debianText(BenchCommand debian) {
        List<String> builds = new ArrayList<>();
        for (Path w : debian.pythons) builds.add(pythonVersion(w) + " (`" + w.getFileName() + "` of `" + imageOf(w) + "`)");
        return "The embedded interpreters above are the reference for bytes, not for speed: bytedeco builds them without "
                + "profile-guided and link-time optimization (configured `--enable-shared`, without `--enable-optimizations` or `--with-lto`; "
                + "the interpreter calls into `libpythonX.Y.so`), and a distribution's CPython, which is what most users run, "
                + "compiles faster (compare the CPython column of the `compile` rows here with those above). "
                + "These rows time the same benchmarks with CPython in Debian's builds: " + String.join(", ", builds)
                + ", run through `docker/offline/bin/pythonX.Y` as local interpreters "
                + "(`./jpyc bench --oracle local --python docker/offline/bin/python3.13 ...`); "
                + "the `compile` and cache samples come from those interpreters' own stdlib. jpyc is the same as above. "
                + "`compile` and the cache rows time inside the interpreter, the process rows through a timer run by that interpreter "
                + "(`ProcessBench.TIMER`), so no container start-up is counted; the process rows compile the same tree as above "
                + "(the embedded interpreter's Lib/ with Lib/test: Debian moves parts of the stdlib, such as idlelib and tkinter, into "
                + "other packages, so its own tree is smaller); 3.15 has no process rows, as in \"Benchmarks\": it has no embedded build, and its stdlib "
                + "is inside the image, not a tree here. "
                + "Each `compile` and cache session is a JMH fork paired with a CPython process: before each measured iteration, CPython times "
                + "one round of the same length over the same inputs (`PairedRounds`), so the two sides take turns every round; a session gives "
                + "each side the mean of its rounds, each side's figure is the median of its sessions, and a ratio the median of the sessions' own ratios. "
                + "Warm-up, rounds and the JVM as \"Benchmarks\" describes them, with this run's counts: " + sessions(BenchCommand.BENCHES, "compile")
                + " sessions for `compile`, " + sessions(BenchCommand.CACHE_BENCHES, "cache.hit") + " for the cache rows (each run listed in the last columns), "
                + debian.processRuns + " runs per side and mode for the process rows. "
                + "The goals of issue #14 (>= 2x) are met only where these rows say so.";
    }

    /** How many sessions a full run gives the benchmark {@code name} of {@code benches}. */
    private static int sessions(List<BenchCommand.Bench> benches, String name) {
        return benches.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow().sessions();
    }

    /** {@code platform.python_version()} of an interpreter, or "?" if it cannot say. */
    private static String pythonVersion(Path python) {
        return output("?", python.toString(), "-c", "import platform; print(platform.python_version())");
    }

    /** What a command prints (stdout and stderr, stripped), or {@code fallback} if it fails or prints nothing. */
    private static String output(String fallback, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : fallback;
        } catch (java.io.IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    /** The offline image a {@code docker/offline/bin/pythonX.Y} link runs. */
    private static String imageOf(Path wrapper) {
        String name = wrapper.getFileName().toString();
        PyVersion v = PyVersion.parse(name.substring("python".length()));
        String image = org.jpyc.conformance.oracle.Oracles.offlineImage(v);
        return image == null ? "?" : image;
    }

    /**
     * The benchmarks for 3.15 (parse, compile, marshal, cache), timing the oracle image's python3.15 through
     * {@code docker/offline/bin/python3.15}; null when the wrapper, Docker or the image is missing.
     */
    private static BenchCommand containerBench315(BenchCommand embedded) {
        Path wrapper = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath().resolve("docker/offline/bin/python3.15");
        if (!Files.isExecutable(wrapper) || !Oracles.offlineImagePresent(PyVersion.V3_15)) return null;
        BenchCommand b = new BenchCommand();
        b.oracle = "local";
        b.pythons = List.of(wrapper);
        b.versions = "3.15";
        b.files = embedded.files;
        b.out = embedded.out.resolve("3.15");
        b.benchmarks = List.of("marshal.load", "marshal.dump", "parse", "compile", "cache");
        return b;
    }

    /**
     * The compiler's checks through one provider: corpus/cases, then (unless {@code --no-sweep}) the stdlib
     * under {@code sweepHeading}, each as a matrix and a per-field table.
     */
    private void appendCompilerRuns(StringBuilder md, String provider, OracleOptions opts, List<PyVersion> versions, Path base,
                                    String sweepHeading) {
        RunResult corpus = run(provider, opts, versions, COMPILER_CHECKS, List.of("corpus/cases"), base);
        md.append(matrix(corpus)).append(fieldTable(corpus));
        if (!noSweep) {
            md.append(sweepHeading);
            RunResult sweep = run(provider, opts, versions, COMPILER_CHECKS, List.of("stdlib"), base);
            md.append(matrix(sweep)).append(fieldTable(sweep));
        }
    }

    /**
     * The compiler checks over real code: the Debian packages {@code corpus/realcode} pins, on the embedded
     * versions the compiler targets and, with a Docker engine, on the container versions it targets.
     */
    private void appendRealCode(StringBuilder md, OracleOptions opts, List<PyVersion> embeddedTargets, Path base) {
        md.append("\n## Real code\n\n")
                .append("The compiler over widely used Python libraries and tools: every `.py` file of the Debian 12 packages `")
                .append(org.jpyc.conformance.corpus.RealCodeCorpus.LIST).append("` pins (")
                .append(realCodePackages(base))
                .append("), fetched from a Debian mirror and checked by SHA-256 (`--corpus realcode`). ")
                .append("`compile` and `symtable` as in \"Compiler conformance\" above: all nine pycs of each file (optimize 0/1/2 x three invalidation modes) ")
                .append("against the ones the interpreter's `py_compile` writes, and the symbol tables against its `symtable` module. ")
                .append("These cases are in no ratchet list: a failure is reported here, it does not fail a build.\n\n");
        if (!embeddedTargets.isEmpty()) {
            RunResult r = run("embedded", opts, embeddedTargets, COMPILER_CHECKS, List.of("realcode"), base);
            md.append("Embedded oracles:\n\n").append(matrix(r)).append(fieldTable(r));
        }
        if (!noDocker && Oracles.dockerAvailable()) {
            List<PyVersion> dTargets = PyVersion.parseList(dockerVersions).stream().filter(Compiler::targets).toList();
            if (!dTargets.isEmpty()) {
                RunResult r = run("docker", opts, dTargets, COMPILER_CHECKS, List.of("realcode"), base);
                md.append("\nContainer oracles:\n\n").append(matrix(r)).append(fieldTable(r));
            }
        } else {
            md.append("\nContainer oracles: not measured (no Docker engine was reachable).\n");
        }
    }

    /** "python3-docutils 0.19+dfsg-6, ..." from the pinned list. */
    private static String realCodePackages(Path base) {
        List<String> out = new ArrayList<>();
        for (var p : org.jpyc.conformance.corpus.RealCodeCorpus.parse(base.resolve(org.jpyc.conformance.corpus.RealCodeCorpus.LIST))) {
            out.add("`" + p.name() + "` " + p.version());
        }
        return String.join(", ", out);
    }

    /** The commit this tree is at (for a partial regeneration's header), or "unknown". */
    private static String gitHead() {
        return output("unknown", "git", "rev-parse", "--short", "HEAD");
    }

    /** What the compiler checks compare, for the versions the compiler targets or is being written for. */
    static String compilerText(List<PyVersion> targets) {
        java.util.Set<PyVersion> complete = new java.util.TreeSet<>();
        java.util.Set<PyVersion> partial = new java.util.TreeSet<>();
        for (PyVersion v : targets) (Compiler.targets(v) ? complete : partial).add(v);
        String inProgress = "(" + versions(partial) + ": `jpyc compile` refuses them until they are complete; their pass lists only grow)";
        return (complete.isEmpty() ? "For the versions jpyc's compiler is being written for " + inProgress
                : "For the versions jpyc's compiler targets (" + versions(complete) + ")"
                        + (partial.isEmpty() ? "" : " and those it is being written for " + inProgress)) + ". "
                + "`compile`: jpyc's own pyc (`Compiler.pyc`) against the one CPython's `py_compile` writes, byte for byte, for optimize 0/1/2 "
                + "x timestamp/checked-hash/unchecked-hash; for a source CPython's compiler rejects after `ast.parse` accepts it, the same exception. "
                + "`symtable`: jpyc's symbol tables against CPython's `symtable` module. "
                + "Both checks are ratcheted (`" + org.jpyc.conformance.run.Ratchet.REPO_DIR + "`): a failure of a case outside the committed pass list is a "
                + "known failure, reported, that does not fail the run; `passed/total` counts every compared case, known failures included.";
    }

    /** How the cache row is measured, from {@link BenchCommand#CACHE_BENCHES} and {@link CacheBench}. */
    static String cacheText(BenchCommand bench) {
        return "The same " + bench.files + " sampled modules, copied as files into two trees: one with the timestamp pycs the interpreter's own "
                + "`compileall` wrote, one with none. jpyc hit (`CacheBench.hit`): the cache path (`PycacheRules.cacheFromSource`), stat of the source, "
                + "the pyc read, its header validated for its invalidation mode (`Staleness.check`), the code object loaded (`Marshal.load`). "
                + "jpyc recompile (`CacheBench.recompile`): stat and read the source, `Compiler.pyc` (timestamp), the pyc written atomically "
                + "(`CacheWriter`, temporary file and rename, into a scratch `__pycache__`). "
                + "CPython: `importlib.machinery.SourceFileLoader(name, path).get_code(name)` over the same files with their valid pycs (hit) and with none (miss), "
                + "with `sys.dont_write_bytecode` set, so its miss is stat, a failed pyc read, source read and compile, and no write: "
                + "it does less than jpyc's recompile, which writes its pyc. "
                + "Each session is a JMH fork per method, each paired with a CPython process of the matching kind (the same timing and pairing as `cache.hit` and `cache.recompile` above); "
                + "figures are medians, in microseconds per file. "
                + "hit ratio = CPython hit / jpyc hit, recompile ratio = CPython miss / jpyc recompile (how many times faster jpyc is), "
                + "each the median of the sessions' own ratios.";
    }

    /** How the process rows are measured, from {@link ProcessBench}. */
    static String processText(BenchCommand bench) {
        List<String> jpyc = ProcessBench.jpycCommand();
        return "Whole processes, JVM start included, over the interpreter's own stdlib (Lib/ with Lib/test, without site-packages), "
                + "copied afresh for each run and side (no `__pycache__`; the copy is not timed; a used copy is moved aside and deleted only "
                + "after the last timed run, since creating files soon after thousands were deleted costs ext4 without a journal a scan of the "
                + "freed inodes per file, which earlier runs paid: `Discarded`'s Javadoc gives the figures): `jpyc compile --target X.Y -j N TREE` "
                + (jpyc.size() == 1
                        ? "run as `./jpyc compile ...` (the launcher, which runs the packaged jar with `" + String.join(" ", ProcessBench.launcherJvmOptions())
                                + "` and its class data sharing archive, written by one jpyc run before the timed ones) "
                        : "(`java " + String.join(" ", ProcessBench.launcherJvmOptions()) + " -cp ... " + jpyc.get(jpyc.size() - 1)
                                + "`, as `./jpyc` runs it without a packaged jar) ")
                + "against `python -m compileall -q -j N TREE` (started and timed by a parent process of the same interpreter, "
                + "`ProcessBench.TIMER`, as the benchmark's JVM starts and times jpyc's), "
                + "`-j 1` on both sides, then all cores (`jpyc compile -j " + Runtime.getRuntime().availableProcessors() + "`, `compileall -j 0`). "
                + "jpyc's `-j N` counts its compile threads: beside them, one thread writes the pycs (as docs/ARCHITECTURE.md says), and the JVM "
                + "runs its JIT compiler and collector on threads of their own; `compileall -j 1` does all in one thread. "
                + bench.processRuns + " runs per side and mode, alternated (CPython, then jpyc); wall-clock seconds from process start to exit, medians. "
                + "Both sides write timestamp pycs at optimize 0; the last column counts the pycs each left (sources neither accepts get none). "
                + "ratio = CPython seconds / jpyc seconds.";
    }

    /** What the rows that time an embedded interpreter's start-up do not show yet. */
    static final String EMBEDDED_START_CAVEAT = "Not yet timed against a distribution's build (see \"Against Debian's builds of CPython\" "
            + "below): `py_compile` of a small module takes several times as long in the embedded interpreters as in Debian's builds, so ";

    /** How the start-up rows are measured, from {@link StartupBench}. */
    static String startupText(BenchCommand bench) {
        return "Whole processes, from start to exit (wall clock), on a small module (`StartupBench.SMALL_SOURCE`: a docstring, an import, "
                + "a function and a class) written afresh before each run, with no `__pycache__`: the packaged jar run as `java -jar dist/target/jpyc.jar` "
                + "(no JVM options) and the checkout's `./jpyc` launcher, each for `--help` and for `compile --target X.Y small.py`, beside the "
                + "embedded interpreter's `python -m py_compile small.py` and `python -c pass` (its own start-up). "
                + bench.startupRuns + " rounds, each running every command once in that order, after one round not timed; medians in milliseconds. "
                + "`/ py_compile` = jpyc's median / py_compile's (how many times longer jpyc takes). "
                + EMBEDDED_START_CAVEAT + "there it takes a fraction of the time above, and less than jpyc's start-up.";
    }

    /** How the worker row is measured, from {@link WorkerBench}. */
    static String workerText(BenchCommand bench) {
        return "`./jpyc bench-worker`: the first " + BenchCommand.WORKER_FILES + " sources (by path) of the embedded CPython 3.13's stdlib, "
                + "one Bazel WorkRequest each (rules_python's PyCompile arguments, checked-hash pycs), through one fresh "
                + "`jpyc precompiler --persistent_worker` (on the JVM options `./jpyc` gives it: `" + String.join(" ", WorkerBench.workerJvmOptions())
                + "`) with 8 requests in flight (Bazel's multiplex default); the time from starting the worker's JVM "
                + "to its last response, the median of " + bench.workerRuns + " fresh workers. CPython's worker, measured in the same run and "
                + "alternated with jpyc's (CPython first): the embedded CPython 3.13 running `benchmarks/src/main/resources/org/jpyc/bench/cpython_worker.py`, "
                + "which reads the same requests and calls `py_compile.compile` for each as rules_python's precompiler worker does "
                + "(serially, without its argparse and asyncio per request, so it does less than that worker), from interpreter start to its last "
                + "response; ratio = CPython seconds / jpyc seconds. Both write into existing output directories, as Bazel creates them, each "
                + "run into a new one (the last is moved aside, as in the process rows). "
                + "Beside them, rules_python's own worker as issue #16 quotes rules_python's report (\"60 s down to 4 s for 2,000 files\"): "
                + "that figure is theirs, from their machine, not measured here. "
                + EMBEDDED_START_CAVEAT + "CPython's worker here, on the embedded 3.13, is slower than one on such a build would be.";
    }

    private static RunResult run(String provider, OracleOptions opts, List<PyVersion> versions, List<String> checks,
                                 List<String> corpora, Path base) {
        System.err.println("status: " + provider + " " + versions + " " + checks + " over " + corpora);
        RunConfig cfg = RunConfig.of(provider, opts, versions, checks, corpora, base);
        return new Runner(cfg).runAll(RunListener.NONE);
    }

    /** The matrix as a Markdown table: pass/total per version and check, skipped in brackets. */
    static String matrix(RunResult r) {
        List<String> checks = r.config().checks();
        StringBuilder sb = new StringBuilder("| version |");
        for (String c : checks) sb.append(' ').append(c).append(" |");
        sb.append("\n|---|");
        for (int i = 0; i < checks.size(); i++) sb.append("---:|");
        sb.append('\n');
        Map<PyVersion, Map<String, RunResult.Cell>> m = r.matrix();
        for (RunResult.VersionEntry v : r.versions()) {
            sb.append("| ").append(v.version()).append(" |");
            if (v.error() != null) {
                sb.append(" oracle failed: ").append(firstLine(v.error())).append(" |\n");
                continue;
            }
            for (String c : checks) {
                sb.append(' ').append(cellText(m.get(v.version()).getOrDefault(c, new RunResult.Cell(0, 0, 0)))).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n").append(r.passed()).append(" passed, ").append(r.failed()).append(" failed, ");
        if (r.knownFailures() > 0) sb.append(r.knownFailures()).append(" known failures, ");
        if (r.newPasses() > 0) sb.append(r.newPasses()).append(" new passes (not yet in the ratchet lists), ");
        sb.append(r.skipped()).append(" skipped.\n");
        return sb.toString();
    }

    /**
     * Per version and check that reports fields (e.g. {@code compile}: which parts of the code objects
     * agree, all optimize levels together): cases agreeing / cases compared, one column per field.
     * Empty when no check reports fields.
     */
    static String fieldTable(RunResult r) {
        Map<PyVersion, Map<String, Map<String, RunResult.Tally>>> t = r.fieldTallies();
        if (t.isEmpty()) return "";
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        t.values().forEach(checks -> checks.values().forEach(f -> fields.addAll(f.keySet())));
        StringBuilder sb = new StringBuilder("\nCases agreeing per part of the code objects:\n\n| version | check |");
        for (String f : fields) sb.append(' ').append(f).append(" |");
        sb.append("\n|---|---|");
        for (int i = 0; i < fields.size(); i++) sb.append("---:|");
        sb.append('\n');
        t.forEach((v, checks) -> checks.forEach((check, tallies) -> {
            sb.append("| ").append(v).append(" | ").append(check).append(" |");
            for (String f : fields) {
                RunResult.Tally x = tallies.get(f);
                sb.append(' ').append(x == null ? "" : x.agreed() + "/" + x.compared()).append(" |");
            }
            sb.append('\n');
        }));
        return sb.toString();
    }

    /** {@code passed/compared}, then skips, the ratchet's known failures and new passes when there are any. */
    static String cellText(RunResult.Cell cell) {
        StringBuilder sb = new StringBuilder().append(cell.passed()).append('/').append(cell.total());
        List<String> extra = new ArrayList<>();
        if (cell.skipped() > 0) extra.add(cell.skipped() + " skipped");
        if (cell.knownFailures() > 0) extra.add(cell.knownFailures() + " known failures");
        if (cell.newPasses() > 0) extra.add(cell.newPasses() + " new passes");
        if (!extra.isEmpty()) sb.append(" (").append(String.join(", ", extra)).append(')');
        return sb.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
