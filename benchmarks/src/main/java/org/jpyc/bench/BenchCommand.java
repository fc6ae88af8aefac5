package org.jpyc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
        description = "JMH benchmarks of the engine (marshal load/dump, parse), each as a ratio to CPython on the same input.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--oracle", defaultValue = "embedded", description = "embedded | docker | local (default: ${DEFAULT-VALUE})")
    String oracle;

    @Option(names = "--versions", defaultValue = "3.10,3.11,3.12,3.13,3.14", description = "default: ${DEFAULT-VALUE}")
    String versions;

    @Option(names = "--files", defaultValue = "200", description = "stdlib modules per version (default: ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--quick", description = "one short iteration (for smoke runs; figures are noisy)")
    boolean quick;

    @Option(names = "--out", defaultValue = "target/bench", description = "work and result directory (default: ${DEFAULT-VALUE})")
    Path out;

    /** One measured row: what, which version, jpyc's and CPython's MB/s. */
    public record Row(String benchmark, String version, double jpycMbS, double cpythonMbS) {
        public double ratio() {
            return jpycMbS / cpythonMbS;
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows = run();
        System.out.println(table(rows));
        return 0;
    }

    public List<Row> run() throws Exception {
        List<PyVersion> vs = PyVersion.parseList(versions);
        OracleProvider provider = Oracles.provider(oracle, OracleOptions.defaults());
        Path dir = out.toAbsolutePath();
        Map<String, Long> marshalBytes = new LinkedHashMap<>();
        Map<String, double[]> cpython = new LinkedHashMap<>();
        Map<String, Long> parseBytes = new LinkedHashMap<>();
        Map<String, Double> cpythonParse = new LinkedHashMap<>();
        for (PyVersion v : vs) {
            System.err.println("bench: preparing " + v + " stdlib payloads through the " + oracle + " oracle");
            try (Oracle o = provider.open(v)) {
                Sample sample = stdlibSample(o, files);
                byte[] combined = combine(sample.pycs(), v);
                List<byte[]> payloads = List.of(combined);
                PayloadSet set = new PayloadSet(v.toString(), payloads);
                set.write(PayloadSet.file(dir, "marshal", v.toString()));
                marshalBytes.put(v.toString(), set.totalBytes());
                cpython.put(v.toString(), cpythonMarshal(o, payloads));
                Path python = Path.of(o.info().location());
                if (Parser.supports(v) && Files.isExecutable(python)) {
                    PayloadSet sources = new PayloadSet(v.toString(), sample.sources());
                    Path file = PayloadSet.file(dir, "parse", v.toString());
                    sources.write(file);
                    parseBytes.put(v.toString(), sources.totalBytes());
                    cpythonParse.put(v.toString(), cpythonParse(python, file, dir));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RunResult r : jmh(MarshalBench.class, vs.stream().map(PyVersion::toString).toList(), dir, 3, 1)) {
            String method = method(r);
            String v = r.getParams().getParam("version");
            double mbs = r.getPrimaryResult().getScore() * marshalBytes.get(v) / 1e6;
            double[] cp = cpython.get(v);
            rows.add(new Row("marshal." + method, v, mbs, method.equals("load") ? cp[0] : cp[1]));
        }
        if (!parseBytes.isEmpty()) {
            // A generated parser of ~250 rule methods takes C2 far longer to compile than the marshal
            // code: measured by hand, throughput keeps rising for ~15 s, so warm up for 20 s.
            for (RunResult r : jmh(ParseBench.class, List.copyOf(parseBytes.keySet()), dir, 10, 2)) {
                String v = r.getParams().getParam("version");
                double mbs = r.getPrimaryResult().getScore() * parseBytes.get(v) / 1e6;
                rows.add(new Row("parse", v, mbs, cpythonParse.get(v)));
            }
        }
        write(dir.resolve("bench.json"), rows);
        return rows;
    }

    private Iterable<RunResult> jmh(Class<?> bench, List<String> versionParams, Path dir, int warmups, int warmupSeconds)
            throws Exception {
        Options opts = new OptionsBuilder()
                .include(bench.getName())
                .param("version", versionParams.toArray(new String[0]))
                .param("dir", dir.toString())
                .forks(1)
                .warmupIterations(quick ? 1 : warmups)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(quick ? 1 : 5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xss8m")
                .build();
        return new Runner(opts).run();
    }

    private static String method(RunResult r) {
        String bench = r.getParams().getBenchmark();
        return bench.substring(bench.lastIndexOf('.') + 1);
    }

    /**
     * CPython's MB/s for {@code _symtable.symtable} over the same sources: the interpreter the oracle
     * runs (embedded or local), started once more on {@code parse_timing.py}.
     */
    static double cpythonParse(Path python, Path payloadFile, Path dir) throws java.io.IOException, InterruptedException {
        Path script = dir.resolve("parse_timing.py");
        try (java.io.InputStream in = BenchCommand.class.getResourceAsStream("parse_timing.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", script.toString(), payloadFile.toString(), "3");
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IllegalStateException(python + " parse_timing.py failed: " + output);
        return Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow());
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

    /** CPython's marshal.loads / marshal.dumps MB/s over the same payloads: {loads, dumps}. */
    static double[] cpythonMarshal(Oracle o, List<byte[]> payloads) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode args = m.createObjectNode();
        ArrayNode arr = args.putArray("payloads");
        // The driver strips a 16-byte header from each payload; give it one.
        for (byte[] p : payloads) {
            byte[] withHeader = new byte[p.length + 16];
            System.arraycopy(p, 0, withHeader, 16, p.length);
            arr.add(Base64.getEncoder().encodeToString(withHeader));
        }
        args.put("min_time", 2.0);
        JsonNode res = o.call("marshal_bench", args);
        double bytes = 0;
        double loadSeconds = 0;
        double dumpSeconds = 0;
        for (JsonNode r : res.get("results")) {
            double b = r.get("bytes").asDouble();
            bytes += b;
            loadSeconds += b / (r.get("loads_mb_s").asDouble() * 1e6);
            dumpSeconds += b / (r.get("dumps_mb_s").asDouble() * 1e6);
        }
        return new double[] {bytes / loadSeconds / 1e6, bytes / dumpSeconds / 1e6};
    }

    static void write(Path file, List<Row> rows) throws java.io.IOException {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (Row r : rows) {
            ObjectNode n = arr.addObject();
            n.put("benchmark", r.benchmark());
            n.put("version", r.version());
            n.put("jpyc_mb_s", r.jpycMbS());
            n.put("cpython_mb_s", r.cpythonMbS());
            n.put("ratio", r.ratio());
        }
        Files.createDirectories(file.getParent());
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), arr);
    }

    /** A Markdown table of the rows. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | version | jpyc MB/s | CPython MB/s | ratio |\n|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format("| %s | %s | %.1f | %.1f | %.2fx |%n", r.benchmark(), r.version(), r.jpycMbS(), r.cpythonMbS(), r.ratio()));
        }
        return sb.toString();
    }
}
