package org.jpyc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jpyc.compile.Compiler;
import org.jpyc.marshal.Marshal;
import org.jpyc.pyc.CacheWriter;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.pyc.Staleness;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cached module found valid (hit) against one compiled again (recompile), per file, over the stdlib
 * sample copied into two trees by the runner (the payload file holds their source paths): {@code hit/},
 * whose timestamp pycs CPython's {@code compileall} wrote, and {@code miss/}, with no pycs.
 *
 * <p>{@link #hit}: what {@code SourceFileLoader.get_code} does before it trusts a pyc, then loads it:
 * the cache path, stat of the source, the pyc read, its header validated ({@link Staleness}), the code
 * object loaded ({@link Marshal}). {@link #recompile}: stat and read the source, compile it to pyc bytes
 * ({@link Compiler#pyc}, timestamp), write them atomically ({@link CacheWriter}) -- into a scratch
 * {@code __pycache__} of the runner's, so that neither tree changes. One operation = every file once;
 * the runner divides by the file count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CacheBench {
    @Param({"3.13"})
    public String version;

    @Param({"target/bench"})
    public String dir;

    private PyVersion v;
    private PycacheRules rules;
    private String[] hitSources;
    private String[] missSources;
    private String[] names;
    private Path[] scratch;
    private final CacheWriter writer = new CacheWriter(false);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        v = PyVersion.parse(version);
        rules = PycacheRules.forVersion(v);
        Path base = Path.of(dir);
        hitSources = paths(PayloadSet.file(base, "cache.hit", version));
        missSources = paths(PayloadSet.file(base, "cache.miss", version));
        names = new String[missSources.length];
        scratch = new Path[missSources.length];
        Path out = cacheTree(base, version).resolve("scratch").resolve("__pycache__");
        Files.createDirectories(out);
        for (int i = 0; i < names.length; i++) {
            names[i] = moduleName(i);
            scratch[i] = out.resolve(names[i] + "." + rules.cacheTag() + ".pyc");
        }
        // every pyc of the hit tree must be valid, or hit would time a miss
        for (int i = 0; i < hitSources.length; i++) {
            Path src = Path.of(hitSources[i]);
            Staleness.Verdict verdict = Staleness.check(rules, Path.of(rules.cacheFromSource(hitSources[i])), src, names[i],
                    Staleness.CheckHashBasedPycs.DEFAULT);
            if (!verdict.fresh()) throw new IllegalStateException(hitSources[i] + ": " + verdict.reason());
        }
    }

    /** The directory of the cache benchmark's trees for a version. */
    static Path cacheTree(Path dir, String version) {
        return dir.resolve("cache-" + version);
    }

    /** The module name of sample file {@code i} (its file is {@code <name>.py} in both trees). */
    static String moduleName(int i) {
        return "bench" + i;
    }

    private static String[] paths(Path payloads) throws IOException {
        return PayloadSet.read(payloads).payloads().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    @Benchmark
    public void hit(Blackhole bh, PairedCpython pair) throws IOException {
        for (int i = 0; i < hitSources.length; i++) {
            String path = hitSources[i];
            Path src = Path.of(path);
            Path cached = Path.of(rules.cacheFromSource(path));
            Staleness.SourceStat st = Staleness.SourceStat.of(src);
            byte[] pyc = FileBytes.read(cached);
            Staleness.Verdict verdict = Staleness.check(rules, pyc, names[i], st, reader(src),
                    Staleness.CheckHashBasedPycs.DEFAULT);
            if (!verdict.fresh()) throw new IllegalStateException(path + ": " + verdict.reason());
            bh.consume(Marshal.load(pyc, 16, pyc.length, v));
        }
    }

    @Benchmark
    public void recompile(Blackhole bh, PairedCpython pair) throws IOException {
        for (int i = 0; i < missSources.length; i++) {
            String path = missSources[i];
            Path src = Path.of(path);
            Staleness.SourceStat st = Staleness.SourceStat.of(src);
            byte[] source = FileBytes.read(src);
            byte[] pyc = Compiler.pyc(source, path, v, 0, InvalidationMode.TIMESTAMP, st.mtime());
            CacheWriter.Result r = writer.cacheBytecode(src, scratch[i], pyc);
            if (r.outcome() != CacheWriter.Outcome.WRITTEN) throw new IllegalStateException(r.detail());
            bh.consume(r);
        }
    }

    private static Supplier<byte[]> reader(Path src) {
        return () -> {
            try {
                return FileBytes.read(src);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
