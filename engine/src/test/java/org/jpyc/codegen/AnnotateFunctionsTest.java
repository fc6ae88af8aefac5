package org.jpyc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Op;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEP 649 {@code __annotate__} functions ({@link AnnotateFunctions}) and PEP 750 template strings
 * ({@link TemplateStrCodegen}) against CPython 3.14's own code generator through {@link CodegenCompare}
 * (skipped when the 3.14 interpreter is absent). A module's {@code __annotate__} is emitted into a separate
 * sequence that {@code _testinternalcapi.compiler_codegen} does not show; it is checked structurally here
 * and by whole pycs (the e2e check).
 */
class AnnotateFunctionsTest {
    static final List<String> SOURCES = List.of(
            """
            def f(a: int, b: "str" = "x", /, c: float = 1.0, *args: tuple, k: bytes, k2: list = None, **kw: dict) -> bool:
                local: int = 5
                other: Undefined
                return local
            def g(x, y=2):
                return x
            class C:
                attr: int
                __priv: str = "p"
                if attr:
                    maybe: bytes
                for i in attr:
                    looped: float
                def m(self, v: "C", w: attr = 0) -> attr:
                    return v
            def outer(n: int):
                class Local:
                    value: n
                    if n:
                        cond: list[n]
                def inner(m: n = 1) -> type(n):
                    return m
                return Local, inner
            class G[T: int, *Ts, **P = [int]]:
                field: T
                def meth[U = str](self, u: U, *a: *Ts) -> T:
                    return u
            type Alias[K: (int, str)] = dict[K, int]
            type Plain = int
            """,
            """
            from __future__ import annotations
            def f(a: int, *args: str, b: "q" = None, **kw: float) -> list[int]:
                loc: int = 1
                return loc
            class C:
                a: int
                if a:
                    b: str = "b"
                def m(self, v: C) -> C:
                    return v
            """,
            """
            name = "w"
            x = 1.5
            t1 = t"Hello {name}"
            t2 = t"{name!r:>{x}} and {x=} {x!a}{name!s:^10}"
            t3 = t""
            t4 = t"plain text"
            t5 = t"{name}" t"{x}" t"tail"
            t6 = t"{t'{name}'}"
            t7 = t"{x:{'>' if x else '<'}{10}}"
            t8 = rt"\\d{name}" t"{x}"
            def f(v):
                return t"{v}{v}"
            t9 = [t"{i}" for i in range(3)]
            """,
            """
            from __future__ import annotations
            x: t"{a}"
            y: t"a{ {1: 2} }b{c!s:{d}x}" = 1
            z: t""
            w: t"{(lambda: 1)}"
            v: t"{x}" t"{y}" t"tail"
            u: t"{ x = }" t"'\\"{x!r}"
            def f(p: t"{p=}") -> t"x{y:{z}}":
                pass
            """);

    @Test
    void annotationsAndTemplateStringsMatchCPython314(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(CodegenCompare.interpreterPresent(PyVersion.V3_14), "CPython 3.14 not installed");
        CodegenCompare.SourcesRun run = CodegenCompare.runSources(PyVersion.V3_14, 0, SOURCES, dir);
        CodegenCompare.Result r = run.result();
        String report = run.report();
        assertEquals(0, r.filesDiffering(), report);
        assertTrue(r.units() > 30, report);
    }

    /** The module unit of {@code src} compiled for {@code v}, with nested sequences kept. */
    private static CodegenUnit module(String src, PyVersion v) {
        CodegenCompare.Setup s = CodegenCompare.setup(v, src.getBytes(StandardCharsets.UTF_8), "<t>", 0, true);
        CodegenCompare.Recorder rec = new CodegenCompare.Recorder(v);
        s.codegen().setUnitSink(rec);
        s.codegen().compileModule(s.mod());
        return rec.last;
    }

    private static List<Op> ops(InstrSequence seq) {
        List<Op> out = new ArrayList<>();
        for (Instr in : seq.instrs()) out.add(in.op);
        return out;
    }

    @Test
    void moduleAnnotateRunsFirstThroughThePlaceholder() {
        CodegenUnit u = module("'doc'\nx: int = 1\nif x:\n    y: str\n", PyVersion.V3_14);
        assertEquals(Op.ANNOTATIONS_PLACEHOLDER, u.instrs.get(1).op);
        InstrSequence setup = u.instrs.annotationsCode;
        assertNotNull(setup);
        assertEquals(List.of(Op.LOAD_CONST, Op.MAKE_FUNCTION, Op.STORE_NAME), ops(setup));
        assertEquals(List.of("__conditional_annotations__"), u.metadata.cellvars.names());
        // the body starts the conditional set, then indexes both annotations
        List<Op> body = ops(u.instrs);
        assertEquals(List.of(Op.RESUME, Op.ANNOTATIONS_PLACEHOLDER, Op.BUILD_SET, Op.STORE_NAME), body.subList(0, 4));
        assertEquals(2, body.stream().filter(o -> o == Op.SET_ADD).count());
        // the __annotate__ unit: format check, then one guarded store per annotation
        InstrSequence annotate = setup.nested().get(0);
        List<Op> a = ops(annotate);
        assertEquals(List.of(Op.RESUME, Op.LOAD_FAST, Op.LOAD_CONST, Op.COMPARE_OP, Op.POP_JUMP_IF_FALSE,
                Op.LOAD_COMMON_CONSTANT, Op.RAISE_VARARGS, Op.BUILD_MAP), a.subList(0, 8));
        assertEquals(2, a.stream().filter(o -> o == Op.CONTAINS_OP).count());
        assertEquals(2, a.stream().filter(o -> o == Op.STORE_SUBSCR).count());
    }

    @Test
    void withoutAnnotationsThePlaceholderStaysAlone() {
        CodegenUnit u = module("x = 1\n", PyVersion.V3_14);
        assertEquals(Op.ANNOTATIONS_PLACEHOLDER, u.instrs.get(1).op);
        assertNull(u.instrs.annotationsCode);
        assertTrue(u.metadata.cellvars.isEmpty());
    }

    @Test
    void version313KeepsAnnotationsDict() {
        CodegenUnit u = module("x: int = 1\n", PyVersion.V3_13);
        List<Op> body = ops(u.instrs);
        assertTrue(body.contains(Op.SETUP_ANNOTATIONS));
        assertTrue(!body.contains(Op.ANNOTATIONS_PLACEHOLDER));
        assertNull(u.instrs.annotationsCode);
    }
}
