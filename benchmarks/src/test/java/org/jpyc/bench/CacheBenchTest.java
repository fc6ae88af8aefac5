package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyCode;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.pyc.Staleness;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link CacheBench}'s two operations, run once outside JMH on trees {@link BenchCommand#cacheTrees}
 * made with a real CPython of a version the compiler targets: hit accepts the pycs CPython wrote and
 * refuses a stale one; recompile leaves a valid pyc in its scratch directory and none in the trees.
 */
class CacheBenchTest {
    private static final String BLACKHOLE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    @TempDir
    Path dir;

    private Path python(PyVersion v) {
        try (Oracle o = Oracles.provider("embedded", OracleOptions.defaults()).open(v)) {
            return Path.of(o.info().location());
        } catch (RuntimeException e) {
            Assumptions.abort("no embedded CPython " + v + ": " + e.getMessage());
            return null;
        }
    }

    private CacheBench bench(String version) throws Exception {
        CacheBench b = new CacheBench();
        b.version = version;
        b.dir = dir.toString();
        b.setUp();
        return b;
    }

    @Test
    void hitAndRecompileOnCpythonsTrees() throws Exception {
        PyVersion v = BenchCommand.COMPILER_TARGETS.stream().sorted().findFirst().orElseThrow();
        Path python = python(v);
        List<byte[]> sources = List.of("import os\nx = 1\n".getBytes(StandardCharsets.UTF_8),
                "def f(a):\n    return [b for b in a if b]\n".getBytes(StandardCharsets.UTF_8));
        BenchCommand.cacheTrees(dir, v.toString(), python, sources);
        CacheBench b = bench(v.toString());
        Blackhole bh = new Blackhole(BLACKHOLE);
        b.hit(bh, new PairedCpython());
        b.recompile(bh, new PairedCpython());
        PycacheRules rules = PycacheRules.forVersion(v);
        Path tree = CacheBench.cacheTree(dir, v.toString());
        for (int i = 0; i < sources.size(); i++) {
            Path src = tree.resolve("miss").resolve(CacheBench.moduleName(i) + ".py");
            Path pyc = tree.resolve("scratch/__pycache__").resolve(CacheBench.moduleName(i) + "." + rules.cacheTag() + ".pyc");
            assertTrue(Staleness.check(rules, pyc, src, CacheBench.moduleName(i), Staleness.CheckHashBasedPycs.DEFAULT).fresh());
            byte[] data = Files.readAllBytes(pyc);
            PyCode code = (PyCode) Marshal.load(data, 16, data.length, v);
            assertEquals(src.toString(), code.filenameText(), "co_filename is the source path, as get_code gives it");
        }
        try (var s = Files.list(tree.resolve("miss"))) {
            assertEquals(sources.size(), s.count(), "recompile writes nothing into the miss tree");
        }
        // a source changed after its pyc was written: the hit tree is refused
        Files.writeString(tree.resolve("hit").resolve(CacheBench.moduleName(0) + ".py"), "y = 2\n", StandardOpenOption.APPEND);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bench(v.toString()));
        assertTrue(e.getMessage().contains("bytecode is stale"), e.getMessage());
    }
}
