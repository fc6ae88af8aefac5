package org.jpyc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole process, JVM start included: {@code jpyc compile} over a tree against CPython's
 * {@code python -m compileall -q} over the same tree, both on one worker ({@code -j 1}) and on all cores
 * ({@code jpyc compile} with {@code -j} = the core count, {@code compileall -j 0}). Each run copies the
 * tree afresh (no {@code __pycache__}) for each side, outside the timing, then times the process from
 * start to exit (wall clock). A used copy is moved aside, not deleted, until the bench command's timed runs
 * are over ({@link Discarded} says why). Runs alternate a CPython process and a jpyc process, as the JMH benchmarks
 * do; each side's figure is the median.
 */
final class ProcessBench {
    private ProcessBench() {}

    /** One worker, and all cores. */
    record Mode(String name, int jpycJobs, int compileallJobs) {}

    static List<Mode> modes() {
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of(new Mode("-j 1", 1, 1), new Mode("all cores", cores, 0));
    }

    /**
     * One measured mode: seconds per run of each side (medians and every run), the sources in the tree
     * and the pycs each side left in its last copy (equal counts: the same work done; sources that
     * neither compiler accepts get none).
     */
    record Row(String mode, String version, long sources, double jpycS, double cpythonS, List<Double> jpycRuns,
               List<Double> cpythonRuns, long jpycPycs, long cpythonPycs) {
        /** How many times faster jpyc's process is: CPython seconds / jpyc seconds. */
        double ratio() {
            return cpythonS / jpycS;
        }
    }

    /**
     * The JVM options {@code ./jpyc} adds for its batch commands (compile, compileall, verify): C1 alone,
     * whose code is ready sooner than C2's on a fresh JVM, and the serial collector, whose small young
     * generation a compile's short-lived garbage suits (the stdlib at -j 1 and -j 2 in 10-20% less time
     * than G1 on 2 cores, a third of the memory), and C1 compiling after a quarter of its default thresholds (less
     * time in the interpreter while the run warms up; the launcher gives the figures). {@code ProcessBenchTest}
     * holds the launcher to it.
     */
    static final List<String> BATCH_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=0.25");

    /**
     * The batch options as {@code ./jpyc} gives them on this machine: {@link #BATCH_JVM_OPTIONS}, and
     * {@code -XX:+UseTransparentHugePages} where the kernel's transparent huge pages are in madvise mode,
     * as the launcher checks.
     */
    static List<String> launcherJvmOptions() {
        boolean madvise;
        try {
            madvise = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            madvise = false;
        }
        if (!madvise) return BATCH_JVM_OPTIONS;
        List<String> out = new ArrayList<>(BATCH_JVM_OPTIONS);
        out.add("-XX:+UseTransparentHugePages");
        return List.copyOf(out);
    }

    /**
     * The command that runs jpyc: the checkout's {@code ./jpyc} launcher itself, as the README runs it (the
     * packaged jar with the batch options and the launcher's class data sharing archive), when this JVM was
     * started from a checkout ({@code -Djpyc.root}) whose jar is built; else this JVM's java and class path
     * with the batch options, which is what the launcher runs without a jar.
     */
    static List<String> jpycCommand() {
        Path launcher = launcher();
        if (launcher != null) return List.of(launcher.toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(launcherJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.jpyc.cli.Main"));
        return cmd;
    }

    /** {@code ./jpyc} of the checkout this JVM runs from, if it and the packaged jar it runs are there; else null. */
    static Path launcher() {
        String root = System.getProperty("jpyc.root");
        if (root == null) return null;
        Path dir = Path.of(root).toAbsolutePath();
        Path launcher = dir.resolve("jpyc");
        return Files.isExecutable(launcher) && Files.isRegularFile(dir.resolve("dist/target/jpyc.jar")) ? launcher : null;
    }

    /**
     * The jpyc command lines that have run once, not timed, in this benchmark: the launcher's first batch run writes
     * its class data sharing archive as it exits, which no timed run should pay for (nor should a timed run be the
     * first on a cold file cache).
     */
    private static final Set<List<String>> WARMED_UP = new HashSet<>();

    /** {@code jpyc compile --target V -j N tree}, jpyc run by {@code jpyc} (a command line, e.g. a native executable). */
    static List<String> jpycCompile(List<String> jpyc, String version, int jobs, Path tree) {
        List<String> cmd = new ArrayList<>(jpyc);
        cmd.addAll(List.of("compile", "--target", version, "-j", Integer.toString(jobs), tree.toString()));
        return cmd;
    }

    /** {@code python -m compileall -q -j N tree}. */
    static List<String> compileall(Path python, int jobs, Path tree) {
        return List.of(python.toString(), "-m", "compileall", "-q", "-j", Integer.toString(jobs), tree.toString());
    }

    /**
     * Runs the rest of its command line as a child of the same interpreter ({@code sys.executable}), output
     * discarded, and prints the child's exit status and its seconds from start to exit: what {@link #time}
     * measures of a jpyc process, measured where the interpreter runs. For an interpreter in a container (the
     * offline images' through {@code docker/offline/bin}) the container's own start-up is then outside the
     * figure, and an embedded interpreter is timed the same way.
     */
    static final String TIMER = "import subprocess, sys, time\n"
            + "t = time.perf_counter()\n"
            + "r = subprocess.run([sys.executable] + sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
            + "print(r, time.perf_counter() - t)\n";

    /** {@link #compileall} run under {@link #TIMER} by the same interpreter. */
    static List<String> timedCompileall(Path python, int jobs, Path tree) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", TIMER));
        List<String> compileall = compileall(python, jobs, tree);
        cmd.addAll(compileall.subList(1, compileall.size()));
        return cmd;
    }

    /** The interpreter's own stdlib directory ({@code sysconfig.get_paths()['stdlib']}). */
    static Path stdlib(Path python) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IllegalStateException(python + ": " + out);
        return Path.of(out);
    }

    /**
     * The tree a version's rows compile: the embedded interpreter's stdlib when it is unpacked (upstream's Lib/ with
     * Lib/test, the same tree whichever build of that version is timed: a distribution's, such as the offline images',
     * moves parts of the stdlib, such as idlelib and tkinter, into other packages), else the interpreter's own, which must
     * then be a directory here.
     */
    static Path tree(String version, Path python) throws IOException, InterruptedException {
        Path embedded = embeddedStdlib(version);
        if (embedded != null) return embedded;
        Path lib = stdlib(python);
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(python + "'s stdlib " + lib + " is not a directory here (an interpreter in a container?), and "
                    + "no embedded " + version + " is unpacked (./jpyc oracle list)");
        }
        return lib;
    }

    /** {@code <jpyc cache>/cpython/X.Y.*}/lib/pythonX.Y, the embedded interpreter's stdlib, or null if none is unpacked. */
    static Path embeddedStdlib(String version) throws IOException {
        String cache = System.getenv("JPYC_CACHE");
        Path root = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "jpyc")).resolve("cpython");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(version + ".")).map(d -> d.resolve("lib/python" + version))
                    .filter(Files::isDirectory).sorted().findFirst().orElse(null);
        }
    }

    /** The row of one mode over the version's {@link #tree}, jpyc run by {@code jpyc} ({@link #jpycCommand} or an executable). */
    static Row measure(List<String> jpycCommand, String version, Path python, Path work, Mode mode, int runs)
            throws IOException, InterruptedException {
        return measure(jpycCommand, version, python, tree(version, python), work, mode, runs);
    }

    /** The row of one mode over the {@code .py} files of {@code lib}. */
    static Row measure(List<String> jpycCommand, String version, Path python, Path lib, Path work, Mode mode, int runs)
            throws IOException, InterruptedException {
        List<Double> jpyc = new ArrayList<>();
        List<Double> cpython = new ArrayList<>();
        long sources = 0;
        long jpycPycs = 0;
        long cpythonPycs = 0;
        if (WARMED_UP.add(jpycCommand)) {
            Path tree = work.resolve("tree");
            Discarded.discard(tree);
            copyTree(lib, tree);
            time(jpycCompile(jpycCommand, version, mode.jpycJobs(), tree));
            Discarded.discard(tree);
        }
        for (int run = 0; run < runs; run++) {
            Path tree = work.resolve("tree");
            Discarded.discard(tree);
            sources = copyTree(lib, tree);
            cpython.add(timeReported(timedCompileall(python, mode.compileallJobs(), tree)));
            cpythonPycs = count(tree, ".pyc");
            Discarded.discard(tree);
            copyTree(lib, tree);
            jpyc.add(time(jpycCompile(jpycCommand, version, mode.jpycJobs(), tree)));
            jpycPycs = count(tree, ".pyc");
            Discarded.discard(tree);
        }
        return new Row(mode.name(), version, sources, BenchCommand.median(jpyc), BenchCommand.median(cpython), jpyc, cpython,
                jpycPycs, cpythonPycs);
    }

    /**
     * Wall-clock seconds of one process from start to exit. Exit status 0 or 1 (1: some sources were
     * rejected, as the stdlib's deliberately bad test files are, by both sides); output discarded.
     */
    static double time(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = timed(command);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        int rc = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rc != 0 && rc != 1) throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
        return seconds;
    }

    /** Runs a {@link #TIMER} command line; returns the seconds it reports (exit status 0 or 1, as {@link #time} takes). */
    static double timeReported(List<String> command) throws IOException, InterruptedException {
        Process p = timed(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int rc = p.waitFor();
        String[] last = out.isEmpty() ? new String[0] : out.lines().reduce((a, b) -> b).orElse("").split(" ");
        if (rc != 0 || last.length != 2 || !(last[0].equals("0") || last[0].equals("1"))) {
            throw new IllegalStateException(command.get(0) + " under ProcessBench.TIMER " + command.subList(3, command.size())
                    + ": exit " + rc + ", printed: " + out);
        }
        return Double.parseDouble(last[1]);
    }

    /** A timed command as both sides run: {@code PYTHONHASHSEED=0}, stderr merged into stdout. */
    private static ProcessBuilder timed(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PYTHONHASHSEED", "0");
        return pb.redirectErrorStream(true);
    }

    /** Copies the {@code .py} files of a stdlib tree (no {@code site-packages}, no caches); returns how many. */
    static long copyTree(Path from, Path to) throws IOException {
        long[] n = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                String name = d.getFileName() == null ? "" : d.getFileName().toString();
                if (!d.equals(from) && (name.equals("__pycache__") || d.equals(from.resolve("site-packages")))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (a.isRegularFile() && f.getFileName().toString().endsWith(".py")) {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                    n[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return n[0];
    }

    static long count(Path tree, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) return;
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A Markdown table of the rows. */
    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| mode | version | sources | jpyc s | CPython s | ratio | jpyc runs | CPython runs | pycs jpyc / CPython |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format("| %s | %s | %d | %.2f | %.2f | %.2fx | %s | %s | %d / %d |%n", r.mode(), r.version(), r.sources(),
                    r.jpycS(), r.cpythonS(), r.ratio(), BenchCommand.runs(r.jpycRuns(), "%.1f"),
                    BenchCommand.runs(r.cpythonRuns(), "%.1f"), r.jpycPycs(), r.cpythonPycs()));
        }
        return sb.toString();
    }
}
