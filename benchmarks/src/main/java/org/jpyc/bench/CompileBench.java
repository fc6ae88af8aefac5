package org.jpyc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpyc.compile.Compiler;
import org.jpyc.pyc.InvalidationMode;
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
 * Compile (source bytes to the bytes of a timestamp pyc: parse, future, AST optimizer, symbol table,
 * codegen, flowgraph, assembler, marshal) on one thread, over the same stdlib sample the parse
 * benchmark uses. One operation = every source once; the runner turns operations per second into MB/s
 * of source and divides by CPython's {@code marshal.dumps(compile(src, fn, "exec", dont_inherit=True))}
 * MB/s on the same sources ({@code cpython_timing.py compile}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompileBench {
    @Param({"3.13"})
    public String version;

    @Param({"target/bench"})
    public String dir;

    private byte[][] sources;
    private String[] names;
    private PyVersion v;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sources = PayloadSet.read(PayloadSet.file(Path.of(dir), "compile", version)).payloads().toArray(new byte[0][]);
        names = new String[sources.length];
        for (int i = 0; i < names.length; i++) names[i] = sourceName(i);
        v = PyVersion.parse(version);
    }

    /** The file name both sides compile source {@code i} under (it is {@code co_filename}). */
    static String sourceName(int i) {
        return "bench" + i + ".py";
    }

    /** A fixed source mtime for the timestamp header (its value changes no work). */
    static final long MTIME = 1_700_000_000L;

    @Benchmark
    public void compile(Blackhole bh, PairedCpython pair) {
        for (int i = 0; i < sources.length; i++) {
            bh.consume(Compiler.pyc(sources[i], names[i], v, 0, InvalidationMode.TIMESTAMP, MTIME));
        }
    }
}
