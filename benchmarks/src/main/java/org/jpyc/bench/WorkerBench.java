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

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "an option for the worker's JVM (repeatable; default: the worker options ./jpyc gives precompiler)")
    List<String> jvmOptions;

    /**
     * A measurement: the requests sent per pass, the seconds of each fresh worker's first pass (JVM start
     * included), of its last pass when {@code --passes} is above 1, and the failed requests of each first pass.
     */
    /** The JVM options {@code ./jpyc} gives {@code precompiler}: those of the batch commands (see the launcher). */
    static final List<String> WORKER_JVM_OPTIONS = ProcessBench.BATCH_JVM_OPTIONS;

    record Result(int files, List<Double> coldRuns, List<Double> warmRuns, List<Long> failed) {
        double coldMedian() {
            return median(coldRuns);
        }
    }

    @Override
    public Integer call() throws Exception {
        Result r = measure(true);
        if (r == null) {
            System.err.println("jpyc bench-worker: no CPython 3.13 under ~/.cache/jpyc/cpython (run ./jpyc oracle list once), and no --source");
            return 2;
        }
        System.out.printf(Locale.ROOT, "median: %.2f s for %d files through a fresh worker, JVM start included%s; %d cores%n",
                r.coldMedian(), r.files(),
                r.warmRuns().isEmpty() ? "" : String.format(Locale.ROOT, "; %.2f s for pass %d through the same worker", median(r.warmRuns()), passes),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    /** The runs, each reported on stdout when {@code verbose}; null when there are no sources. */
    Result measure(boolean verbose) throws IOException, InterruptedException {
        Path lib = source != null ? source : embeddedLib();
        if (lib == null) return null;
        List<Path> found;
        try (Stream<Path> s = Files.walk(lib)) {
            found = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted(Comparator.comparing(Path::toString))
                    .limit(files).toList();
        }
        Path work = out.toAbsolutePath();
        deleteTree(work);
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
        for (int r = 0; r < runs; r++) {
            double[] t = runOnce(work, requests);
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
        return new Result(requests.size(), totals, warm, failed);
    }

    /**
     * Seconds from process start to the end of pass 1, the failed requests of pass 1, then the seconds
     * of each later pass.
     */
    private double[] runOnce(Path work, List<String> requests) throws IOException, InterruptedException {
        deleteTree(work.resolve("bazel-out"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmOptions != null ? jvmOptions : WORKER_JVM_OPTIONS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.jpyc.cli.Main", "precompiler", "--persistent_worker"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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

    private static final Pattern EXIT = Pattern.compile("\"exitCode\":(\\d+)");

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

    /** {@code .../cpython/3.13.*}/lib/python3.13, or null. */
    static Path embeddedLib() throws IOException {
        String cache = System.getenv("JPYC_CACHE");
        Path root = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "jpyc")).resolve("cpython");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("3.13.")).map(d -> d.resolve("lib/python3.13"))
                    .filter(Files::isDirectory).sorted().findFirst().orElse(null);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
