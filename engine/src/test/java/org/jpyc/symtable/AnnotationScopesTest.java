package org.jpyc.symtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jpyc.ast.ModNode;
import org.jpyc.parse.Parser;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * 3.14's annotation scopes ({@link AnnotationScopes}: PEP 649 {@code __annotate__} blocks, {@code .format},
 * {@code __conditional_annotations__}, unevaluated local annotations) against {@code _symtable} of CPython
 * 3.14 (skipped when absent), and the same sources unchanged for 3.13.
 */
class AnnotationScopesTest {
    static final List<String> SOURCES = List.of(
            "x: int = 1\nif x:\n    y: str\ndef f(a: int, *b: T, c: 'S' = 1, **d: U) -> R:\n    z: local = 3\n    return z\n",
            "class C:\n    a: int\n    if x:\n        b: str\n    for i in y:\n        c: float = 1\n    def m(self, v: C) -> a: pass\n",
            "class C:\n    x: int\n    def f(self, a: int = 1) -> None: pass\n",
            "from __future__ import annotations\nclass C:\n    if 1:\n        x: int\nif 2:\n    y: int\ndef f(a: A) -> B: pass\n",
            "from __future__ import annotations\nx: int\n",
            "class K:\n    type A[T: int = str] = list[T]\n    def m[U](self, x: U) -> U: pass\n",
            "def outer(n):\n    class L:\n        v: n\n        if n:\n            w: list[n]\n    def g(m: n) -> n: return m\n    return L, g\n",
            "try:\n    a: int\nexcept E:\n    b: int\nwith c:\n    d: int\nwhile e:\n    f: int\nmatch g:\n    case 1:\n        h: int\n",
            "class C:\n    x: [q for q in range(3)]\n    if 1:\n        y: lambda: C\n",
            "def f(format: format) -> format: pass\nclass C:\n  def f(self, __a: __b) -> __c: pass\n",
            "def f():\n    nonlocal_ = 1\n    x: [q for q in nonlocal_]\n    y: super\n",
            "x: (yield)\n",
            "def f(a: (y := 1)): pass\n",
            "class C:\n    x: (await z)\n",
            "def f[T](a: (yield)): pass\n",
            "def f():\n    x: int\n    global x\n");

    static ModNode parse(String source, PyVersion v) {
        return Parser.parse(source.getBytes(StandardCharsets.UTF_8), v);
    }

    @Test
    void dumpsMatchCPython314() throws Exception {
        Path py = SymtableCompare.python(PyVersion.V3_14).orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython 3.14 under ~/.cache/jpyc/cpython");
        List<CPythonSymtable.Result> expected = CPythonSymtable.run(py, SOURCES);
        for (int i = 0; i < SOURCES.size(); i++) {
            assertEquals(expected.get(i).dump(), SymtableCompare.dump(SOURCES.get(i), PyVersion.V3_14), SOURCES.get(i));
        }
    }

    @Test
    void dumpsMatchCPython313() throws Exception {
        Path py = CPythonSymtable.python313().orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        List<CPythonSymtable.Result> expected = CPythonSymtable.run(py, SOURCES);
        for (int i = 0; i < SOURCES.size(); i++) {
            assertEquals(expected.get(i).dump(), SymtableCompare.dump(SOURCES.get(i), PyVersion.V3_13), SOURCES.get(i));
        }
    }

    @Test
    void annotationBlocksAreSharedAndFoundByTheirOwner() {
        String src = "a: int\nb: str\nclass C:\n    c: int\n    if c:\n        d: int\ndef f(x: int) -> int: pass\n";
        ModNode mod = parse(src, PyVersion.V3_14);
        SymbolTable st = SymbolTable.build(mod, "<t>", FutureFeatures.fromAst(mod, "<t>", PyVersion.V3_14), PyVersion.V3_14);
        Scope top = st.top;
        assertNotNull(top.annotationBlock);
        assertEquals(top.annotationBlock, st.annotationBlocks.get(mod));
        for (Scope s : st.scopes()) {
            boolean registered = st.lookup(s.node) == s || st.typeParamBlocks.get(s.node) == s
                    || st.typeVarDefaultBlocks.get(s.node) == s || st.annotationBlocks.containsValue(s);
            assertTrue(registered, s.toString());
        }
        assertEquals(1, top.children.stream().filter(s -> s == top.annotationBlock).count());
        assertTrue(top.hasConditionalAnnotations, "every module annotation is indexed");
        assertTrue(top.annotationsUsed);
        Scope cls = top.children.stream().filter(s -> s.type == BlockType.CLASS).findFirst().orElseThrow();
        assertTrue(cls.hasConditionalAnnotations);
        assertEquals(BlockType.ANNOTATION, cls.annotationBlock.type);
        Scope fAnnotate = st.lookup(((org.jpyc.ast.FunctionDef) ((org.jpyc.ast.Module) mod).body().get(3)).args());
        assertNotNull(fAnnotate);
        assertTrue(fAnnotate.annotationsUsed);
        assertEquals(List.of(".format"), fAnnotate.varnames);
        // 3.13 keeps annotations in the enclosing scope
        SymbolTable st13 = SymbolTable.build(parse(src, PyVersion.V3_13), "<t>", new FutureFeatures(), PyVersion.V3_13);
        assertNull(st13.top.annotationBlock);
        assertTrue(st13.top.symbols.containsKey("int"));
    }
}
