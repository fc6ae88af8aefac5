package org.jpyc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpyc bench-worker}: the time Bazel would spend in {@code jpyc precompiler --persistent_worker}
 * for a build of {@code --files} Python sources, one PyCompile action (one WorkRequest with one
 * {@code --src/--src_name/--pyc} triple) per file, as rules_python's precompile actions are. The sources
 * are the first {@code --files} modules, by path, of the embedded CPython 3.13's standard library
 * (or {@code --source DIR}), copied to a fresh work directory. One worker process serves all requests;
 * at most {@code --in-flight} are outstanding at once (Bazel's {@code --worker_max_multiplex_instances}
 * defaults to 8; 1 with request id 0 is a singleplex worker). Each run starts a fresh worker and
 * reports the time from its start (JVM start included) to the last response of the first pass over
 * the files (a cold worker: a clean build), and with {@code --passes} above 1 the time of each later
 * pass through the same worker (a warm worker: the next build's actions, the pycs written again); the
 * figures are medians over {@code --runs}.
 */
@Command(name = "bench-worker", mixinStandardHelpOptions = true,
        description = "Time N files sent through one jpyc precompiler persistent worker, one WorkRequest per file, as Bazel sends them.")
public final class WorkerBench implements Callable<Integer> {
    @Option(names = "--files", defaultValue = "2000", description = "sources, one request each (default: ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--in-flight", defaultValue = "8", description = "requests outstanding at once; 1 = singleplex (default: ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--runs", defaultValue = "3", description = "fresh workers timed (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--passes", defaultValue = "1", description = "passes over the files per worker; the later ones time a warm worker (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(names = "--source", description = "a directory of .py files (default: the embedded CPython 3.13's Lib)")
    Path source;

    @Option(names = "--out", defaultValue = "target/bench-worker", description = "work directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--python", paramLabel = "PATH",
            description = "CPython timed beside jpyc on the same requests, through cpython_worker.py (py_compile.compile per request, "
                    + "as rules_python's worker calls it); default: the embedded CPython 3.13, if present")
    Path python;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "an option for the worker's JVM (repeatable; default: the worker options ./jpyc gives precompiler)")
    List<String> jvmOptions;

    /** The JVM options {@code ./jpyc} gives {@code precompiler} here: those of the batch commands (see the launcher). */
    static List<String> workerJvmOptions() {
        return ProcessBench.launcherJvmOptions();
    }

    /**
     * A measurement: the requests sent per pass, the seconds of each fresh worker's first pass (JVM start
     * included), of its last pass when {@code --passes} is above 1, the failed requests of each first pass, and
     * the same for CPython's worker ({@code cpython_worker.py}: interpreter start included; empty lists
     * when no CPython was timed).
     */
    record Result(int files, List<Double> coldRuns, List<Double> warmRuns, List<Long> failed, List<Double> cpythonRuns,
                  List<Long> cpythonFailed) {
        double coldMedian() {
            return median(coldRuns);
        }

        /** CPython's median, or NaN when it was not timed. */
        double cpythonMedian() {
            return cpythonRuns.isEmpty() ? Double.NaN : median(cpythonRuns);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path bins = out.toAbsolutePath().getParent();
        Discarded.deleteAll(bins); // what a stopped earlier run left
        Result r;
        try {
            r = measure(true);
        } finally {
            Discarded.deleteAll(bins);
        }
        if (r == null) {
            System.err.println("jpyc bench-worker: no CPython 3.13 under ~/.cache/jpyc/cpython (run ./jpyc oracle list once), and no --source");
            return 2;
        }
        System.out.printf(Locale.ROOT, "median: %.2f s for %d files through a fresh worker, JVM start included%s%s; %d cores%n",
                r.coldMedian(), r.files(),
                r.cpythonRuns().isEmpty() ? "" : String.format(Locale.ROOT, "; CPython's worker %.2f s (%.2fx)", r.cpythonMedian(),
                        r.cpythonMedian() / r.coldMedian()),
                r.warmRuns().isEmpty() ? "" : String.format(Locale.ROOT, "; %.2f s for pass %d through the same worker", median(r.warmRuns()), passes),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    /** The runs, each reported on stdout when {@code verbose}; null when there are no sources. */
    Result measure(boolean verbose) throws IOException, InterruptedException {
        Path lib = source != null ? source : embeddedLib();
        if (lib == null) return null;
        Path cpython = python != null ? python : embeddedPython();
        List<Path> found;
        try (Stream<Path> s = Files.walk(lib)) {
            found = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted(Comparator.comparing(Path::toString))
                    .limit(files).toList();
        }
        Path work = out.toAbsolutePath();
        Discarded.discard(work);
        List<String> requests = new ArrayList<>();
        int id = 0;
        for (Path f : found) {
            String rel = lib.relativize(f).toString().replace('\\', '/');
            Path dst = work.resolve("src").resolve(rel);
            Files.createDirectories(dst.getParent());
            Files.copy(f, dst);
            id++;
            String pyc = "bazel-out/bin/src/" + rel.substring(0, rel.length() - 3) + ".cpython-313.pyc";
            List<String> args = List.of("--invalidation_mode", "checked_hash", "--src", "src/" + rel, "--src_name", rel, "--pyc", pyc,
                    "--optimize", "0", "--python_version", "3.13");
            requests.add(request(inFlight == 1 ? 0 : id, args));
        }
        if (verbose) {
            System.out.printf(Locale.ROOT, "%d sources from %s; one worker, %s%n", requests.size(), lib,
                    inFlight == 1 ? "singleplex" : "multiplex, " + inFlight + " requests in flight");
        }
        List<Double> totals = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<Double> cpythonTotals = new ArrayList<>();
        List<Long> cpythonFailed = new ArrayList<>();
        List<String> cpythonCommand = null;
        if (cpython != null) {
            Path script = work.resolve("cpython_worker.py");
            try (java.io.InputStream in = WorkerBench.class.getResourceAsStream("cpython_worker.py")) {
                Files.write(script, in.readAllBytes());
            }
            cpythonCommand = List.of(cpython.toAbsolutePath().toString(), "-s", script.toString());
        }
        for (int r = 0; r < runs; r++) {
            if (cpythonCommand != null) { // alternated: CPython's worker, then jpyc's, as the other benchmarks alternate
                double[] c = runOnce(work, requests, cpythonCommand, 1);
                cpythonTotals.add(c[0]);
                cpythonFailed.add((long) c[1]);
                if (verbose) {
                    System.out.printf(Locale.ROOT, "run %d: CPython's worker %.2f s from interpreter start to the last response; %d failed%n",
                            r + 1, c[0], (long) c[1]);
                }
            }
            double[] t = runOnce(work, requests, jpycCommand(), passes);
            totals.add(t[0]);
            failed.add((long) t[1]);
            StringBuilder later = new StringBuilder();
            for (int k = 2; k < t.length; k++) {
                later.append(String.format(Locale.ROOT, ", pass %d %.2f s", k, t[k]));
                if (k == t.length - 1) warm.add(t[k]);
            }
            if (verbose) {
                System.out.printf(Locale.ROOT, "run %d: %.2f s from worker start to the last response of pass 1%s; %d failed per pass%n",
                        r + 1, t[0], later, (long) t[1]);
            }
        }
        return new Result(requests.size(), totals, warm, failed, cpythonTotals, cpythonFailed);
    }

    /**
     * Seconds from process start to the end of pass 1, the failed requests of pass 1, then the seconds
     * of each later pass.
     */
    private double[] runOnce(Path work, List<String> requests, List<String> cmd, int passes) throws IOException, InterruptedException {
        Discarded.discard(work.resolve("bazel-out"));
        for (String r : requests) { // both workers write into existing directories, as Bazel creates an action's output directory
            Matcher m = PYC.matcher(r);
            if (m.find()) Files.createDirectories(work.resolve(m.group(1)).getParent());
        }
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PYTHONHASHSEED", "0");
        Process p = pb.start();
        OutputStream in = p.getOutputStream();
        BufferedReader outLines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        double[] out = new double[Math.max(1, passes) + 1];
        for (int pass = 1; pass <= Math.max(1, passes); pass++) {
            long start = pass == 1 ? t0 : System.nanoTime();
            long failed = pass(in, outLines, requests);
            double s = (System.nanoTime() - start) / 1e9;
            if (pass == 1) {
                out[0] = s;
                out[1] = failed;
            } else {
                out[pass] = s;
            }
        }
        in.close();
        p.waitFor();
        return out;
    }

    /** Sends every request, at most {@code --in-flight} outstanding; returns how many failed. */
    private long pass(OutputStream in, BufferedReader outLines, List<String> requests) throws IOException {
        int window = Math.max(1, inFlight);
        int sent = 0;
        int answered = 0;
        long failed = 0;
        while (answered < requests.size()) {
            while (sent < requests.size() && sent - answered < window) {
                in.write((requests.get(sent++) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush();
            String line = outLines.readLine();
            if (line == null) throw new IOException("the worker ended after " + answered + " responses");
            Matcher m = EXIT.matcher(line);
            if (!m.find() || !m.group(1).equals("0")) failed++;
            answered++;
        }
        return failed;
    }

    private static final Pattern EXIT = Pattern.compile("\"exitCode\": ?(\\d+)");
    private static final Pattern PYC = Pattern.compile("\"--pyc\",\"([^\"]+)\"");

    /** {@code jpyc precompiler --persistent_worker} on this JVM's java and class path with the worker's JVM options. */
    private List<String> jpycCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmOptions != null ? jvmOptions : workerJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.jpyc.cli.Main", "precompiler", "--persistent_worker"));
        return cmd;
    }

    private static String request(int id, List<String> args) {
        StringBuilder sb = new StringBuilder("{\"arguments\":[");
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? "," : "").append('"').append(args.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append("],\"inputs\":[],\"requestId\":").append(id).append(",\"cancel\":false,\"verbosity\":0,\"sandboxDir\":\"\"}")
                .toString();
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The embedded CPython 3.13's interpreter beside {@link #embeddedLib}, or null. */
    static Path embeddedPython() throws IOException {
        Path lib = embeddedLib();
        if (lib == null) return null;
        Path py = lib.getParent().getParent().resolve("bin/python3.13");
        return Files.isExecutable(py) ? py : null;
    }

    static Path embeddedLib() throws IOException {
        return ProcessBench.embeddedStdlib("3.13");
    }

}
