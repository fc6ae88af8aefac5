package org.jpyc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyObject;
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
 * Marshal load (bytes to object graph) and dump (graph to bytes) over one version's stdlib, compiled
 * by that version's real CPython. One operation = every payload once (the runner passes one blob
 * holding all the modules); the runner turns operations per second into MB/s of marshal data and
 * divides by CPython's {@code marshal.loads}/{@code dumps} MB/s on the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MarshalBench {
    /** Target version, e.g. {@code 3.12}. */
    @Param({"3.12"})
    public String version;

    /** Directory holding the payload files the runner wrote. */
    @Param({"target/bench"})
    public String dir;

    private byte[][] data;
    private PyObject[] loaded;
    private PyVersion v;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PayloadSet set = PayloadSet.read(PayloadSet.file(Path.of(dir), "marshal", version));
        v = PyVersion.parse(version);
        data = set.payloads().toArray(new byte[0][]);
        loaded = new PyObject[data.length];
        for (int i = 0; i < data.length; i++) {
            loaded[i] = Marshal.load(data[i], 0, data[i].length, v);
        }
        // The graphs dump walks are laid out in the order they were loaded, as a graph just loaded
        // or just compiled is: a full collection compacts them in that order. Without it their
        // layout is whatever order a young collection happened to copy them in, and that decides
        // the figure (measured: 3.11's dump at 140 ops/s without, 300 with).
        System.gc();
    }

    @Benchmark
    public void load(Blackhole bh, PairedCpython pair) {
        for (byte[] d : data) {
            bh.consume(Marshal.load(d, 0, d.length, v));
        }
    }

    @Benchmark
    public void dump(Blackhole bh, PairedCpython pair) {
        for (PyObject o : loaded) {
            bh.consume(Marshal.dump(o, v));
        }
    }
}
