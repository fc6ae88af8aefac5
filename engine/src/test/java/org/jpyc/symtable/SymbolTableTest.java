package org.jpyc.symtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.ModNode;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SymbolTableTest {
    /** Sources whose symbol tables exercise the tricky parts: cells, inlined comprehensions, classes, generics. */
    static final List<String> TRICKY = List.of(
            "def f(a, /, b, *c, d=1, **e):\n    def g():\n        return a + b + super\n    return g\n",
            "class C:\n    x = 1\n    def m(self):\n        return __class__, super().m(), x\n    y = [x for _ in range(3)]\n",
            "def f():\n    x = 1\n    return [lambda: x + y for y in range(3)]\n",
            "def f():\n    return [[i * j for j in range(i)] for i in range(3) if (k := i)], k\n",
            "class C:\n    __p = 1\n    def __m(self, __a):\n        global __g\n        return self.__p + __a + __g + __d__\n",
            "x = 1\ndef f():\n    global x\n    def g():\n        nonlocal_ = x\n        return nonlocal_\n",
            "def outer():\n    v = 1\n    def mid():\n        nonlocal v\n        v += 1\n        def inner():\n            return v\n    return mid\n",
            "class C[T, *Ts, **P](Base[T], metaclass=M):\n    def m[U: (int, T) = str](self, u: U) -> T: ...\n    type A[V] = list[V | T]\n",
            "def f[T: int = bool, *Ts = (), **P = [int]](a: T = 1, *, b: Ts = 2) -> P: pass\n",
            "class Outer:\n    class Inner[X]:\n        def go(self): return [X for _ in ()], __class__\n    type Al = Outer\n",
            "from __future__ import annotations\ndef f(x: Thing, *a: Other) -> Ret: pass\nclass K:\n    v: Annot = 3\n",
            "async def f():\n    return [x async for x in g()], (y async for y in h()), {await z for z in ()}\n",
            "def f():\n    class C:\n        nonlocal_name = [i for i in range(3)]\n        def g(self): return C\n    return C\n",
            "def f():\n    a = 1\n    class C:\n        a = 2\n        def g(self): return a\n        h = [a for _ in ()]\n    return C\n",
            "match p:\n    case [a, *rest] | {'k': a, **rest}:\n        pass\n    case Point(x=b, y=[c, d]) if b:\n        pass\n    case e:\n        pass\n",
            "try:\n    pass\nexcept* E as err:\n    pass\nimport a.b.c as d, e.f\nfrom g import h as i\n",
            "def gen():\n    x = yield\n    y = yield from x\n    return (z for z in y)\n",
            "def f():\n    for x in range(3):\n        [x := x + 1 for _ in ()]\n    return lambda: x\n",
            "def f():\n    def g():\n        return [__class__ for _ in ()]\n    class C:\n        def m(self): return [super() for _ in ()]\n",
            "class A:\n    class B:\n        def f(self): return [[q for q in ()] for w in ()]\n");

    static final List<String> ERRORS = List.of(
            "def f(a, a): pass\n",
            "def f(x):\n    global x\n",
            "def f():\n    s = 'éé'; global s\n",
            "nonlocal x\n",
            "def f():\n    nonlocal q\n",
            "def f():\n    from os import *\n",
            "[(yield x) for x in y]\n",
            "[x := 1 for x in y]\n",
            "[i for i in range(5) if (j := 0) for j in range(5)]\n",
            "[i for i in (x := [1])]\n",
            "class C:\n    [(y := 1) for x in z]\n",
            "def f[T: (yield)](): pass\n",
            "type A = (x := 1)\n",
            "def f[T, T](): pass\n",
            "def f[__classdict__](): pass\n",
            "def f():\n    x = 1\n    def g[x]():\n        nonlocal x\n",
            "from __future__ import annotations\ndef f(x: (yield)): pass\n",
            "from __future__ import braces\n",
            "'doc'\nfrom __future__ import generators, nope\n",
            "def f():\n    x: int\n    global x\n");

    static ModNode parse(String source) {
        return Parser.parse(source.getBytes(StandardCharsets.UTF_8), PyVersion.V3_13);
    }

    /** The dump, or the error line in the format the CPython side prints. */
    static String jpycDump(String source) {
        try {
            ModNode mod = parse(source);
            FutureFeatures ff = FutureFeatures.fromAst(mod, "<test>", PyVersion.V3_13);
            return SymtableDump.dump(SymbolTable.build(mod, "<test>", ff, PyVersion.V3_13));
        } catch (PyCompileError e) {
            return "ERROR " + e.pythonType() + ": " + e.pythonMessage() + " (" + s(e.lineno()) + ", " + s(e.offset())
                    + ", " + s(e.endLineno()) + ", " + s(e.endOffset()) + ")\n";
        }
    }

    private static String s(Object o) {
        return o == null ? "None" : o.toString();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3.13", "3.14"})
    void dumpsAndErrorsMatchCPython(String target) throws Exception {
        PyVersion version = PyVersion.parse(target);
        Path py = SymtableCompare.python(version).orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython " + target + " under ~/.cache/jpyc/cpython");
        List<String> all = new ArrayList<>(TRICKY);
        all.addAll(ERRORS);
        List<CPythonSymtable.Result> expected = CPythonSymtable.run(py, all);
        for (int i = 0; i < all.size(); i++) {
            String src = all.get(i);
            assertEquals(expected.get(i).dump(), SymtableCompare.dump(src, version), src);
            if (i < TRICKY.size()) {
                assertTrue(expected.get(i).dump().startsWith("scope "), src);
            } else {
                assertTrue(expected.get(i).dump().startsWith("ERROR "), src);
            }
        }
    }

    @Test
    void futureFlagsMatchCPython() throws Exception {
        Path py = CPythonSymtable.python313().orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        List<String> sources = List.of(
                "from __future__ import annotations\n",
                "'''doc'''\nfrom __future__ import barry_as_FLUFL, annotations\nx = 1\n",
                "from __future__ import division\nfrom __future__ import annotations\n",
                "x = 1\n",
                "import os\nfrom __future__ import annotations\n",
                "from __future__ import generator_stop, nested_scopes, print_function, unicode_literals\n");
        List<CPythonSymtable.Result> expected = CPythonSymtable.run(py, sources);
        for (int i = 0; i < sources.size(); i++) {
            int want = expected.get(i).futureFlags();
            if (want < 0) continue; // compile() refuses it (a misplaced future import is codegen's error)
            assertEquals(want, FutureFeatures.fromAst(parse(sources.get(i)), "<test>", PyVersion.V3_13).features, sources.get(i));
        }
    }

    @Test
    void everyScopeIsRegisteredAndResolved() {
        for (String src : TRICKY) {
            SymbolTable st = SymbolTable.build(parse(src), "<t>", FutureFeatures.fromAst(parse(src), "<t>", PyVersion.V3_13), PyVersion.V3_13);
            for (Scope s : st.scopes()) {
                boolean registered = st.lookup(s.node) == s || st.typeParamBlocks.get(s.node) == s
                        || st.typeVarDefaultBlocks.get(s.node) == s;
                assertTrue(registered, src + ": " + s);
                for (int e = 0, n = s.symbols.entryCount(); e < n; e++) {
                    if (s.symbols.keyAt(e) == null) continue;
                    int scope = Symbols.scopeOf(s.symbols.valueAt(e));
                    assertTrue(scope >= Symbols.LOCAL && scope <= Symbols.CELL, src + ": " + s.symbols.keyAt(e));
                }
                for (Scope c : s.children) {
                    assertNotNull(c.parent);
                    assertTrue(!c.compInlined, "an inlined comprehension stays in the tree: " + c);
                }
            }
        }
    }

    @Test
    void deepNestingGivesTypedErrors() {
        // deep but parseable: the symbol table must neither overflow the Java stack nor refuse it
        String deep = "x = 1" + "+1".repeat(9000) + "\n";
        assertTrue(jpycDump(deep).startsWith("scope 2 top"));
        String lambdas = "f = " + "lambda: ".repeat(150) + "0\n";
        assertTrue(jpycDump(lambdas).startsWith("scope 2 top"));
    }

    @Test
    void astDeeperThanTheRecursionLimitGivesRecursionError() {
        // deeper than the parser would build: the symbol table's own limit (recursion_limit) must answer,
        // as a typed error and not a StackOverflowError
        java.util.function.IntFunction<ModNode> chain = depth -> {
            org.jpyc.ast.ExprNode e = new org.jpyc.ast.Name("x", org.jpyc.ast.ExprContextNode.Load, 1, 0, 1, 1);
            for (int i = 0; i < depth; i++) {
                e = new org.jpyc.ast.BinOp(e, org.jpyc.ast.OperatorNode.Add, new org.jpyc.ast.Name("y", org.jpyc.ast.ExprContextNode.Load, 1, 0, 1, 1), 1, 0, 1, 1);
            }
            return new org.jpyc.ast.Module(List.of(new org.jpyc.ast.Expr(e, 1, 0, 1, 1)), List.of());
        };
        for (PyVersion v : List.of(PyVersion.V3_10, PyVersion.V3_12, PyVersion.V3_13)) {
            int fits = org.jpyc.version.CompilerLimits.recursionLimit(v) - org.jpyc.version.CompilerLimits.startingDepth(v) - 2; // Expr + leaf
            assertNotNull(SymbolTable.build(chain.apply(fits), "<t>", new FutureFeatures(), v).top);
            PyCompileError e = assertThrows(PyCompileError.class,
                    () -> SymbolTable.build(chain.apply(fits + 1), "<t>", new FutureFeatures(), v));
            assertEquals("RecursionError", e.pythonType());
            assertEquals(SymtableErrors.RECURSION_MESSAGE, e.pythonMessage());
        }
    }

    @Test
    void manglerLeavesDunderDottedAndUnderscoreClassesAlone() {
        assertEquals("__x__", Mangler.mangle("C", "__x__"));
        assertEquals("__a.b", Mangler.mangle("C", "__a.b"));
        assertEquals("__x", Mangler.mangle("___", "__x"));
        assertEquals("__x", Mangler.mangle(null, "__x"));
        assertEquals("_x", Mangler.mangle("C", "_x"));
        assertEquals(Mangler.mangle("C", "__x"), Mangler.mangle("__C", "__x"));
    }

    @Test
    void nameSetKeepsSetSemanticsThroughResizeDiscardAndMerge() {
        // structural: the model keeps CPython's set semantics (members, size) through many adds,
        // discards and merges; the order itself is checked against CPython by the dump tests
        StrHasher h = new StrHasher(PyVersion.V3_13);
        NameSet a = new NameSet(h);
        java.util.Set<String> ref = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            a.add("n" + i);
            ref.add("n" + i);
            if (i % 3 == 0) {
                a.discard("n" + (i / 2));
                ref.remove("n" + (i / 2));
            }
        }
        NameSet b = new NameSet(a);
        b.update(a);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String k : b) assertTrue(seen.add(k));
        assertEquals(ref, seen);
        assertEquals(ref.size(), b.size());
        for (String k : ref) assertTrue(b.contains(k), k);
        assertTrue(!b.contains("n1"));
    }

    @Test
    void errorsAreSyntaxErrorsWithOneBasedByteOffsets() {
        PyCompileError e = assertThrows(PyCompileError.class, () -> {
            ModNode m = parse("def f():\n    s = 'é'; global s\n");
            SymbolTable.build(m, "<t>", FutureFeatures.fromAst(m, "<t>", PyVersion.V3_13), PyVersion.V3_13);
        });
        assertEquals("SyntaxError", e.pythonType());
        // 'é' is two UTF-8 bytes: the column CPython reports counts bytes
        assertEquals("    s = 'é'; ".getBytes(StandardCharsets.UTF_8).length + 1, e.offset());
    }
}
