package org.jpyc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpyc.parse.Parser;
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
 * Parse (source bytes to AST: decoding, tokenizing, both of pegen's passes as needed) over one
 * version's stdlib sample, the sources CPython itself parses. One operation = every source once; the
 * runner turns operations per second into MB/s of source and divides by CPython's
 * {@code _symtable.symtable} MB/s on the same sources ({@code cpython_timing.py parse}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBench {
    @Param({"3.13"})
    public String version;

    @Param({"target/bench"})
    public String dir;

    private byte[][] sources;
    private PyVersion v;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sources = PayloadSet.read(PayloadSet.file(Path.of(dir), "parse", version)).payloads().toArray(new byte[0][]);
        v = PyVersion.parse(version);
    }

    @Benchmark
    public void parse(Blackhole bh, PairedCpython pair) {
        for (byte[] s : sources) {
            bh.consume(Parser.parse(s, v));
        }
    }
}
