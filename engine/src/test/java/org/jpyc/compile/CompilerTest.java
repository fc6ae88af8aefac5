package org.jpyc.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver and the marshal identity model against CPython 3.13's py_compile (skipped without the
 * embedded interpreter): sources chosen for identity effects (shared constants and tables, interned
 * and singleton strings, frozensets rebuilt by interning, class qualname constants, names of modules
 * loaded at startup), end to end and as an identity replay of CPython's own pyc.
 */
class CompilerTest {
    /** Identity effects, one source each. */
    static final Map<String, String> SNIPPETS = new LinkedHashMap<>();

    static {
        SNIPPETS.put("empty.py", "");
        SNIPPETS.put("shared.py", "def f():\n    return 'a b', 2.5, b'', b'x', (1, 'a b')\n\ndef g():\n    return 'a b', 2.5, b'x', -0.0, 0.0, 1j, -1j\n");
        SNIPPETS.put("frozen.py", "def f(t):\n    return t in {'replace', 'delete'}\n\ndef g(t):\n    return t in {'replace', 'delete'}\n\ns = 'x'.replace('x', 'y')\n");
        SNIPPETS.put("frozen2.py", "def f(t):\n    return t in {'a', 'b', 'zzqq_new'}\n\ndef g(t):\n    return [x in {'a', 'b', 'zzqq_new'} for x in t]\n");
        SNIPPETS.put("qualname.py", "class A:\n    class B:\n        def m(self):\n            return 'A.B.m'\n    x = 'A.B'\n");
        SNIPPETS.put("chars.py", "x = ('', 'a', '\\xe9', '\\u0100', 'ab', 'a.b', 'caf\\xe9')\ny = {'': 1, '\\xe9': 2}\n");
        SNIPPETS.put("lambdas.py", "f = lambda: 0\ng = lambda: 0\nh = (lambda: 0, lambda: 0)\n");
        SNIPPETS.put("tuples.py", "from os import path, sep\n\ndef f():\n    return ('path', 'sep'), path, sep\n\ndef g(a, b, *c, d, **e):\n    def h():\n        return a, b\n    return h\n");
        SNIPPETS.put("kw.py", "def f(**k):\n    return k\nf(gl\u00f6bals=1, a=2)\n");
    }

    static Optional<Path> python;
    /** py_compile's pycs by optimization level, made once. */
    private static final Map<Integer, Map<String, byte[]>> REF = new java.util.HashMap<>();

    private static Map<String, byte[]> reference(int optimize) throws Exception {
        Map<String, byte[]> r = REF.get(optimize);
        if (r == null) REF.put(optimize, r = PyCompileOracle.pyCompile(python.get(), sources(), optimize));
        return r;
    }

    @BeforeAll
    static void findPython() {
        python = PyCompileOracle.python313();
    }

    private static Map<String, byte[]> sources() throws Exception {
        Map<String, byte[]> src = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SNIPPETS.entrySet()) src.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        // stdlib modules where identity effects were seen: shared frozensets, startup-interned qualnames
        src.put("difflib.py", PyCompileOracle.stdlib(python.get(), "difflib.py"));
        src.put("wave.py", PyCompileOracle.stdlib(python.get(), "wave.py"));
        return src;
    }

    @Test
    void pycEqualsPyCompile() throws Exception {
        assumeTrue(python.isPresent(), "no CPython 3.13");
        for (int optimize : new int[] {0, 2}) {
            Map<String, byte[]> src = sources();
            Map<String, byte[]> ref = reference(optimize);
            assertEquals(src.size(), ref.size());
            for (Map.Entry<String, byte[]> e : ref.entrySet()) {
                byte[] ours = Compiler.pyc(src.get(e.getKey()), e.getKey(), PyVersion.V3_13, optimize,
                        InvalidationMode.TIMESTAMP, PyCompileOracle.MTIME);
                assertArrayEquals(e.getValue(), ours, e.getKey() + " -O" + optimize);
            }
        }
    }

    @Test
    void identityReplayOfCPythonsPycs() throws Exception {
        assumeTrue(python.isPresent(), "no CPython 3.13");
        Map<String, byte[]> ref = reference(0);
        for (Map.Entry<String, byte[]> e : ref.entrySet()) {
            IdentityReplay.Outcome o = IdentityReplay.run(e.getValue());
            if (e.getKey().equals("kw.py")) continue; // a non-ASCII keyword's name is the parser's interned str: not visible in a replay
            assertTrue(o.same(), e.getKey() + " differs at " + o.firstDifference());
        }
    }

    /**
     * 3.12's identity rules (its code generator is in progress, so as a replay of its own pycs): filename, name and
     * qualname objects not interned, one-character strs interned only by name characters or at startup, a
     * stack size of 0, a class body's qualname constant merged away from its co_qualname.
     */
    @Test
    void identityReplayOf312Pycs() throws Exception {
        Optional<Path> py312 = org.jpyc.testing.EmbeddedPython.find("3.12");
        assumeTrue(py312.isPresent(), "no CPython 3.12");
        Map<String, byte[]> src = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SNIPPETS.entrySet()) src.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        src.put("ones.py", "x = ('*', '.', '\\xe9', 'q', '', '-')\ndef f():\n    pass\nl = lambda: 0\n".getBytes(StandardCharsets.UTF_8));
        src.put("twice.py", ("def t(a):\n    class C:\n        def m(self): pass\n    if a:\n        class C:\n"
                + "            def m(self): pass\n    return C\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : PyCompileOracle.pyCompile(py312.get(), src, 0).entrySet()) {
            if (e.getKey().equals("kw.py")) continue; // as in identityReplayOfCPythonsPycs
            IdentityReplay.Outcome o = IdentityReplay.run(e.getValue());
            assertTrue(o.same(), e.getKey() + " differs at " + o.firstDifference());
        }
    }

    @Test
    void hashBasedHeader() throws Exception {
        byte[] src = "x = 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] checked = Compiler.pyc(src, "m.py", PyVersion.V3_13, 0, InvalidationMode.CHECKED_HASH, 0);
        byte[] unchecked = Compiler.pyc(src, "m.py", PyVersion.V3_13, 0, InvalidationMode.UNCHECKED_HASH, 0);
        assertEquals(3, checked[4]);
        assertEquals(1, unchecked[4]);
        byte[] body = Compiler.marshal(Compiler.compile(src, "m.py", PyVersion.V3_13, 0), PyVersion.V3_13);
        assertArrayEquals(body, java.util.Arrays.copyOfRange(checked, 16, checked.length));
    }
}
