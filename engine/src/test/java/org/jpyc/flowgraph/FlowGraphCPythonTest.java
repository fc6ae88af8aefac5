package org.jpyc.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.jpyc.testing.Checkout;

/**
 * The optimizer against CPython 3.12, 3.13, 3.14 and 3.15 themselves (skipped when the interpreter is absent; 3.15 runs
 * in Docker, {@link org.jpyc.testing.EmbeddedPython#find}):
 * {@code dump_units.py} gives, per code unit of the sources below and of corpus/cases, CPython's
 * codegen output, its {@code optimize_cfg} result and the real code object; {@link CfgHarness}
 * runs this package on the same input and compares.
 */
class FlowGraphCPythonTest {
    /** Snippets for the passes the corpus may touch lightly. */
    private static final String[] SNIPPETS = {
        // swaps, static swaps, superinstructions, LOAD_FAST_CHECK
        "def f(a, b, c):\n    a, b = b, a\n    a, b, c = c, a, b\n    x = y = a\n    del a\n    return a, b, c, x, y\n",
        // constant conditions, is None folding, tuple folding, defaults
        "def g(x, y=(1, 2), *, z=3):\n    if x is None:\n        return 1\n    if x is not None and y:\n        pass\n    while 1:\n        if x: break\n    return f(**x)\n",
        // exception handling, with, async, generators and cells
        "import contextlib\nasync def h(a):\n    async with a as b:\n        try:\n            await b\n        except* ValueError:\n            pass\n        finally:\n            del b\n    async for q in a:\n        yield q\n",
        "def outer(p):\n    c = 1\n    def inner(q=p):\n        nonlocal c\n        c += q\n        return c + p\n    class K:\n        def m(self):\n            return __class__, c\n    return inner, K, [lambda: p for p in range(3)]\n",
        // pattern matching (SWAP-heavy), comprehensions inlined at module level
        "match x:\n    case [a, b, *rest] if a > b:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(x=yy, y=0):\n        pass\n    case _:\n        pass\nsq = [i * i for i in range(10) if i % 2]\n",
        // many locals (> 64) and big functions
        "def many():\n" + manyLocals() + "    return v0 + v70\n",
        // constant folding (in the CFG from 3.14): operators, size limits, subscripts and slices, lists and sets
        "a = (1, 2) + (3,)\nb = -1, ~2, +3, not 0\nc = 'ab'[1:], b'xy'[0], (1, 2, 3)[-1]\nd = 2 ** 100, 2 ** 200, 'x' * 5000\n"
            + "e = [1, 2, 3]\nf = {1, 2, 3}\nfor g in [a, b]: pass\nh = a in [1, 2]\ni = 1 / 0\nj = (0.0 - 1j) * 2\n",
        // borrowed loads: yield from, f-strings, del, with, generators
        "def gen(x, y):\n    yield from x\n    s = f'{y}'\n    del y\n    with x as w:\n        pass\n    return s, w\n",
        // 3.15: long constant displays (LIST_APPEND / SET_ADD) folded before GET_ITER and CONTAINS_OP, yield from's
        // GET_ITER check, threaded jumps and NOT_TAKEN inside an inlined comprehension's handler, None/''/-1 loads
        "def big(y):\n    for x in [" + longDisplay() + "]: pass\n    if y in {" + longDisplay() + "}: pass\n"
            + "    return y in [" + longDisplay() + "], [v for v in y if v != -1 and v is not None], ''\n"
            + "def yf(x):\n    yield from x\n",
        // loops with else, try/finally with returns in loops
        "def loops(xs):\n    for x in xs:\n        try:\n            if x: continue\n            return x\n        finally:\n            print(x)\n    else:\n        return None\n    while xs:\n        xs.pop()\n",
    };

    /** 40 string constants: more than a BUILD_LIST n display takes ({@code _PY_STACK_USE_GUIDELINE}). */
    private static String longDisplay() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.append(i == 0 ? "" : ", ").append("'s").append(i).append('\'');
        return sb.toString();
    }

    private static String manyLocals() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 80; i++) sb.append("    v").append(i).append(" = ").append(i % 7 == 0 ? "del_" : "").append(i).append('\n');
        sb.append("    if v3:\n        del v70\n");
        return sb.toString().replace("del_", "");
    }

    static Optional<Path> python313() {
        return org.jpyc.testing.EmbeddedPython.python313();
    }

    /**
     * 3.14 (a delta still in progress) asserts a ratchet: no crash, every unit's optimize_cfg identical,
     * and at least this many units identical in the whole conversion to the final instruction sequence
     * among those whose input constants are known exactly (the count may only rise).
     */
    private static final int FINAL_SAME_3_14 = 865;
    /** The same ratchet for 3.15 (a delta in progress; the nested units' input constants are guessed). */
    private static final int FINAL_SAME_3_15 = 890;


    @ParameterizedTest
    @ValueSource(strings = {"3.12", "3.13", "3.14", "3.15"})
    void matchesCPython(String minor, @TempDir Path dir) throws Exception {
        Optional<Path> py = org.jpyc.testing.EmbeddedPython.find(minor);
        Assumptions.assumeTrue(py.isPresent(), "no CPython " + minor + " (embedded under ~/.cache/jpyc/cpython; 3.15: Docker image)");
        PyVersion version = PyVersion.of(3, Integer.parseInt(minor.substring(2)));
        Path script = dir.resolve("dump_units.py");
        try (InputStream in = FlowGraphCPythonTest.class.getResourceAsStream("dump_units.py")) {
            if (in != null) {
                Files.write(script, in.readAllBytes());
            } else {
                Path src = Checkout.findUp("engine/src/test/resources/org/jpyc/flowgraph/dump_units.py");
                Assumptions.assumeTrue(src != null, "dump_units.py not found");
                Files.copy(src, script);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(py.get().toString(), "-s", "-B", script.toString(), dir.resolve("out.dump").toString()));
        for (int i = 0; i < SNIPPETS.length; i++) {
            Path f = dir.resolve("snippet" + i + ".py");
            Files.writeString(f, SNIPPETS[i]);
            cmd.add(f.toString());
        }
        Path corpus = Checkout.findUp("corpus/cases");
        if (corpus != null) {
            try (Stream<Path> files = Files.walk(corpus)) {
                files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> cmd.add(f.toString()));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);

        CfgHarness h = new CfgHarness(version);
        List<UnitDump> units = UnitDump.read(dir.resolve("out.dump"));
        assertTrue(units.size() > SNIPPETS.length, "units dumped: " + units.size());
        for (UnitDump u : units) h.check(u);
        String summary = h.summary() + "\n" + String.join("\n", h.reports);
        assertEquals(0, h.crashes, summary);
        // 3.12.1's _testinternalcapi.optimize_cfg is no stable reference: besides crashing on some units and
        // dropping cold blocks, it gave misc/line_continuations.py's POP_BLOCK a location in one run of this test
        // and none in the next two. Its stage result is reported; the final code objects decide.
        boolean stableOptimizeCfg = !version.equals(PyVersion.of(3, 12));
        if (stableOptimizeCfg) {
            assertEquals(0, h.optBad, summary);
            assertTrue(h.optOk + h.optTruncated >= units.size() - h.optSkipped - h.stashed, summary);
        }
        if (version.equals(PyVersion.of(3, 12))) {
            // 3.12: module units only (its compiler_codegen shows no other), each one final-identical
            assertEquals(0, h.finBad, summary);
        } else if (version.equals(PyVersion.V3_13)) {
            assertEquals(0, h.finBad, summary);
        } else if (version.equals(PyVersion.V3_14)) {
            assertTrue(h.finOk >= FINAL_SAME_3_14, summary);
        } else {
            assertEquals(0, h.finBad, summary);
            assertTrue(h.finOk >= FINAL_SAME_3_15, summary);
        }
    }
}
