package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpython_timing.py}, the CPython side of every ratio in {@code jpyc bench}, run on a real
 * interpreter (the embedded 3.12) over payload files {@link PayloadSet} wrote: it reads that format,
 * knows every kind {@link BenchCommand#BENCHES} asks for, and prints one figure per measured round.
 * What the figures are is not checked (timing is JMH's and the runner's business), only their shape.
 */
class CpythonTimingTest {
    private static final PyVersion V = PyVersion.V3_12;
    private static Oracle oracle;
    private static Path python;

    @TempDir
    static Path dir;

    private static Path script;

    @BeforeAll
    static void start() throws IOException {
        oracle = Oracles.provider("embedded", OracleOptions.defaults()).open(V);
        python = Path.of(oracle.info().location());
        script = BenchCommand.timingScript(dir);
    }

    @AfterAll
    static void stop() {
        if (oracle != null) oracle.close();
    }

    /** A benchmark of {@code kind} with rounds of one second (the shortest a round can be). */
    private static BenchCommand.Bench bench(String kind, String payload) {
        return new BenchCommand.Bench(kind, MarshalBench.class, "load", kind, payload, 1, 1, 1, 1);
    }

    private static Path payloads(String kind, List<byte[]> payloads) throws IOException {
        Path file = PayloadSet.file(dir, kind, V.toString());
        new PayloadSet(V.toString(), payloads).write(file);
        return file;
    }

    private static void assertFigures(List<Double> figures, int rounds) {
        assertEquals(rounds, figures.size(), figures.toString());
        for (double mbs : figures) assertTrue(mbs > 0 && Double.isFinite(mbs), figures.toString());
    }

    @Test
    void everyKindTheRunnerUsesReadsPayloadSetFiles() throws Exception {
        // marshal data jpyc wrote for 3.12 (CPython must load it), and sources (CPython must parse them)
        PyObject a = new PyTuple(List.of(PyStr.of("name", true), PyInt.of(1), PyStr.of("ä" + "x".repeat(300), false)));
        PyObject b = new PyTuple(List.of(PyInt.of(Long.MAX_VALUE), a, a));
        Path marshal = payloads("marshal", List.of(Marshal.dump(a, V), Marshal.dump(b, V)));
        Path parse = payloads("parse", List.of(
                "def f(x):\n    return [y for y in x if y]\n".getBytes(StandardCharsets.UTF_8),
                "import os\nclass C:\n    a: int = 1\n".getBytes(StandardCharsets.UTF_8)));
        Path compile = payloads("compile", List.of(
                "def f(x):\n    return [y for y in x if y]\n".getBytes(StandardCharsets.UTF_8)));
        for (BenchCommand.Bench b0 : BenchCommand.BENCHES) {
            Path file = switch (b0.payload()) {
                case "parse" -> parse;
                case "compile" -> compile;
                default -> marshal;
            };
            assertFigures(BenchCommand.cpythonTiming(python, script, bench(b0.cpythonKind(), b0.payload()), file, 1), 1);
        }
    }

    @Test
    void cacheKindsTimeGetCodeWithAValidPycAndWithNone() throws Exception {
        List<byte[]> sources = List.of("import os\nx = 1\n".getBytes(StandardCharsets.UTF_8),
                "class C:\n    def m(self):\n        return 2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, BenchCommand.cacheTrees(dir, V.toString(), python, sources));
        Path tree = CacheBench.cacheTree(dir, V.toString());
        // CPython's compileall wrote the hit tree's pycs, and nothing else
        assertTrue(Files.isRegularFile(tree.resolve("hit/__pycache__/bench1.cpython-312.pyc")));
        assertFalse(Files.exists(tree.resolve("miss/__pycache__")));
        for (BenchCommand.Bench b0 : BenchCommand.CACHE_BENCHES) {
            assertFigures(BenchCommand.cpythonTiming(python, script, b0, PayloadSet.file(dir, b0.payload(), V.toString()), 1), 1);
        }
        // the miss kind never writes a pyc, and each kind refuses the other's tree
        assertFalse(Files.exists(tree.resolve("miss/__pycache__")));
        BenchCommand.Bench hit = BenchCommand.CACHE_BENCHES.get(0);
        BenchCommand.Bench miss = BenchCommand.CACHE_BENCHES.get(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BenchCommand.cpythonTiming(python, script, hit, PayloadSet.file(dir, miss.payload(), V.toString()), 1));
        assertTrue(e.getMessage().contains("no pyc for"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> BenchCommand.cpythonTiming(python, script, miss, PayloadSet.file(dir, hit.payload(), V.toString()), 1));
        assertTrue(e.getMessage().contains("a pyc exists for"), e.getMessage());
    }

    @Test
    void servesOneRoundPerRequestOfThePairedFork() throws Exception {
        Path marshal = payloads("marshal", List.of(Marshal.dump(PyInt.of(7), V)));
        List<Double> figures;
        try (PairedRounds cpython = PairedRounds.start(python, script, bench("marshal.loads", "marshal"), marshal);
                java.net.Socket fork = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), cpython.port())) {
            // what PairedCpython sends before each measured iteration, and the reply it waits for
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                fork.getOutputStream().write("round\n".getBytes(StandardCharsets.UTF_8));
                assertEquals("ok", in.readLine());
            }
            figures = cpython.figures();
        }
        assertFigures(figures, 2);
    }

    @Test
    void aServerThatCannotStartSaysWhy() throws Exception {
        Path marshal = payloads("marshal", List.of(Marshal.dump(PyInt.of(7), V)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PairedRounds.start(python, script, bench("marshal.nope", "marshal"), marshal).close());
        assertTrue(e.getMessage().contains("unknown kind marshal.nope"), e.getMessage());
    }

    @Test
    void printsOneFigurePerMeasuredRound() throws Exception {
        Path marshal = payloads("marshal", List.of(Marshal.dump(PyInt.of(7), V)));
        assertFigures(BenchCommand.cpythonTiming(python, script, bench("marshal.loads", "marshal"), marshal, 2), 2);
    }

    @Test
    void anUnknownKindFails() throws Exception {
        Path marshal = payloads("marshal", List.of(Marshal.dump(PyInt.of(7), V)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BenchCommand.cpythonTiming(python, script, bench("marshal.nope", "marshal"), marshal, 1));
        assertTrue(e.getMessage().contains("unknown kind marshal.nope"), e.getMessage());
    }
}
