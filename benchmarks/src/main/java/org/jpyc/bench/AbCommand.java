package org.jpyc.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpyc ab}: which of two engine builds is faster, for developers changing a hot path. Both
 * builds are loaded into one JVM, each by a class loader of its own, and timed in alternating slices
 * of 300 ms over the payloads {@code jpyc bench} wrote; the first third of the slices is warm-up,
 * each build's figure is the median of the rest, and the ratio the median of each slice pair's own
 * (the two slices of a pair ran one after the other, so a change in the machine's speed reaches both). On a shared machine whose speed drifts by 2x
 * within an hour, this ratio is far steadier than two JMH runs apart. It is no benchmark figure (those
 * are {@code jpyc bench}'s, against CPython): run it with {@code --baseline .} to see the spread an
 * identical pair gives here (seen: 2-3% for parse, up to 10% for dump). For {@code dump} it is a
 * hint at most: each build walks graphs of its own, and where the heap put them moves the figure
 * (builds that alternated JMH forks put within 2% of each other measured x1.07 to x1.52 here);
 * confirm a dump change with {@code --forks N}: JMH forks of the benchmark for each build, alternated.
 * As with JMH, a fixed
 * pre-touched heap keeps page faults out of the slices:
 * {@code JPYC_JAVA_OPTS="-Xms2g -Xmx2g -XX:+AlwaysPreTouch" ./jpyc ab ...}.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Time this checkout's engine against another build's, alternating in one JVM or in JMH forks (for developers).")
public final class AbCommand implements Callable<Integer> {
    @Option(names = "--baseline", required = true, description = "root of the other checkout (its engine/target/classes is loaded)")
    Path baseline;

    @Option(names = "--kind", defaultValue = "parse", description = "parse | compile | load | dump (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--versions", defaultValue = "3.13", description = "default: ${DEFAULT-VALUE}")
    String versions;

    @Option(names = "--seconds", defaultValue = "60", description = "per version (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--dir", defaultValue = "target/bench", description = "where jpyc bench left its payloads (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--forks", defaultValue = "0", description = "instead of slices in one JVM: this many JMH forks per build, "
            + "alternated (each build's graphs then have a heap of their own; what a dump change wants)")
    int forks;

    /** One pass over every payload with one build. */
    private interface Pass {
        Object run() throws Throwable;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private int run() throws Throwable {
        Path self = Path.of(System.getProperty("jpyc.root", ".")).toAbsolutePath();
        if (forks > 0) return runForks(self);
        for (PyVersion v : PyVersion.parseList(versions)) {
            Path file = payloads(kind.equals("parse") || kind.equals("compile") ? kind : "marshal", v);
            if (file == null) return 2;
            List<byte[]> payloads = PayloadSet.read(file).payloads();
            long bytes = payloads.stream().mapToLong(p -> p.length).sum();
            Pass a = pass(engine(baseline), v, payloads);
            Pass b = pass(engine(self), v, payloads);
            System.gc(); // dump: both builds' graphs compacted in load order (see MarshalBench)
            List<Double> ra = new ArrayList<>();
            List<Double> rb = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                ra.add(slice(a, bytes));
                rb.add(slice(b, bytes));
            }
            int warm = ra.size() / 3;
            double ma = median(ra.subList(warm, ra.size()));
            double mb = median(rb.subList(warm, rb.size()));
            System.out.printf("%s %s: baseline %.1f MB/s, this build %.1f MB/s (medians of %d slices each), ratio %.3f (the median of the slice pairs' own)%n",
                    kind, v, ma, mb, ra.size() - warm, BenchCommand.pairedRatio(rb.subList(warm, rb.size()), ra.subList(warm, ra.size())));
        }
        return 0;
    }

    /** The payload file {@code jpyc bench} left for a kind and version, or null (said on stderr) if there is none. */
    private Path payloads(String payloadKind, PyVersion v) {
        Path file = PayloadSet.file(dir, payloadKind, v.toString());
        if (Files.isRegularFile(file)) return file;
        System.err.println("ab: no payloads at " + file + "; run ./jpyc bench --quick --versions " + v + " first");
        return null;
    }

    /**
     * {@code --forks}: JMH forks of the benchmark {@code jpyc bench} runs for the kind, alternating
     * between the builds, each started with this class path but the engine classes of its build
     * (warm-up and measured iterations as {@code jpyc bench} times them).
     */
    private int runForks(Path self) throws Exception {
        BenchCommand.Bench bench = BenchCommand.BENCHES.stream()
                .filter(b -> b.method().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--kind: parse, compile, load or dump, not " + kind));
        String selfClasses = self.resolve("engine/target/classes").toString();
        String baseClasses = baseline.toAbsolutePath().resolve("engine/target/classes").toString();
        engine(baseline); // (checks that the baseline is built)
        List<String> cp = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        if (!cp.contains(selfClasses)) throw new IllegalStateException("this build's engine classes are not on the class path: " + selfClasses);
        for (PyVersion v : PyVersion.parseList(versions)) {
            if (payloads(bench.payload(), v) == null) return 2;
            List<Double> ra = new ArrayList<>();
            List<Double> rb = new ArrayList<>();
            for (int i = 0; i < forks; i++) {
                ra.add(jmhFork(bench, v, cp, selfClasses, baseClasses));
                rb.add(jmhFork(bench, v, cp, selfClasses, selfClasses));
                System.err.printf("ab: fork %d: baseline %.1f ops/s, this build %.1f ops/s%n", i + 1, ra.get(i), rb.get(i));
            }
            double ma = ra.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double mb = rb.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.printf("%s %s: baseline %.1f ops/s, this build %.1f ops/s (means of %d JMH forks each), ratio %.3f (the median of the fork pairs' own)%n",
                    kind, v, ma, mb, forks, BenchCommand.pairedRatio(rb, ra));
        }
        return 0;
    }

    /** One JMH fork of {@code bench} with {@code engine} in place of {@code selfClasses}; its score (ops/s). */
    private double jmhFork(BenchCommand.Bench bench, PyVersion v, List<String> cp, String selfClasses, String engine)
            throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        for (String e : cp) path.add(e.equals(selfClasses) ? engine : e);
        Path result = Files.createTempFile("jpyc-ab", ".csv");
        try {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", String.join(java.io.File.pathSeparator, path), "org.openjdk.jmh.Main",
                    bench.include(),
                    "-p", "version=" + v, "-p", "dir=" + dir.toAbsolutePath(),
                    "-f", "1", "-wi", Integer.toString(bench.warmups()), "-w", bench.warmupSeconds() + "s",
                    "-i", Integer.toString(BenchCommand.MEASURED_ROUNDS), "-r", bench.roundSeconds() + "s",
                    "-jvmArgsAppend", String.join(" ", BenchCommand.JVM_ARGS),
                    "-rf", "csv", "-rff", result.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new IllegalStateException("JMH fork failed: " + String.join(" ", cmd));
            // "Benchmark","Mode","Threads","Samples","Score",...: the score of the one row
            List<String> lines = Files.readAllLines(result);
            return Double.parseDouble(lines.get(1).split(",")[4]);
        } finally {
            Files.deleteIfExists(result);
        }
    }

    /** A class loader for the engine classes under {@code root}, sharing nothing with this one. */
    private static ClassLoader engine(Path root) throws IOException {
        Path classes = root.resolve("engine/target/classes");
        if (!Files.isDirectory(classes)) throw new IOException("no engine build at " + classes + " (mvn -DskipTests package there)");
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private Pass pass(ClassLoader cl, PyVersion v, List<byte[]> payloads) throws Throwable {
        Class<?> versionClass = cl.loadClass("org.jpyc.version.PyVersion");
        Object version = versionClass.getMethod("parse", String.class).invoke(null, v.toString());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        if (kind.equals("parse")) {
            MethodHandle parse = lookup.findStatic(cl.loadClass("org.jpyc.parse.Parser"), "parse",
                    MethodType.methodType(cl.loadClass("org.jpyc.ast.ModNode"), byte[].class, versionClass));
            return () -> {
                Object r = null;
                for (byte[] p : payloads) r = parse.invoke(p, version);
                return r;
            };
        }
        if (kind.equals("compile")) {
            // Compiler.compile then Compiler.marshal: source bytes to the code object's marshal bytes, as CompileBench times
            Class<?> pyCode = cl.loadClass("org.jpyc.object.PyCode");
            Class<?> compiler = cl.loadClass("org.jpyc.compile.Compiler");
            MethodHandle compile = lookup.findStatic(compiler, "compile",
                    MethodType.methodType(pyCode, byte[].class, String.class, versionClass, int.class));
            MethodHandle marshal = lookup.findStatic(compiler, "marshal", MethodType.methodType(byte[].class, pyCode, versionClass));
            return () -> {
                Object r = null;
                int i = 0;
                for (byte[] p : payloads) r = marshal.invoke(compile.invoke(p, "bench" + (i++) + ".py", version, 0), version);
                return r;
            };
        }
        Class<?> pyObject = cl.loadClass("org.jpyc.object.PyObject");
        MethodHandle load = lookup.findStatic(cl.loadClass("org.jpyc.marshal.Marshal"), "load",
                MethodType.methodType(pyObject, byte[].class, versionClass));
        if (kind.equals("load")) {
            return () -> {
                Object r = null;
                for (byte[] p : payloads) r = load.invoke(p, version);
                return r;
            };
        }
        if (!kind.equals("dump")) throw new IllegalArgumentException("--kind: parse, compile, load or dump, not " + kind);
        MethodHandle dump = lookup.findStatic(cl.loadClass("org.jpyc.marshal.Marshal"), "dump",
                MethodType.methodType(byte[].class, pyObject, versionClass));
        List<Object> graphs = new ArrayList<>();
        for (byte[] p : payloads) graphs.add(load.invoke(p, version));
        return () -> {
            Object r = null;
            for (Object g : graphs) r = dump.invoke(g, version);
            return r;
        };
    }

    private static int sink;

    /** MB/s of one build over a 300 ms slice. */
    private static double slice(Pass pass, long bytes) throws Throwable {
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 300_000_000L) {
            sink += System.identityHashCode(pass.run()) & 1;
            n++;
        }
        return (double) bytes * n / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
