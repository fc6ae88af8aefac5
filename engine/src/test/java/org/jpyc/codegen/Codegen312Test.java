package org.jpyc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 3.12 code generator deltas (3.12 as a delta backwards from 3.13) against 3.12.1's
 * {@code _testinternalcapi.compiler_codegen}: the module unit as generated, nested units as finished code objects
 * (jpyc's put through 3.12's optimizer and assembler), one source per delta.
 */
class Codegen312Test {
    static final List<String> SOURCES = List.of(
            // no TO_BOOL; COMPARE_OP shifted by 4; UNARY_NOT converts itself
            "if a and not b: pass\nx = a < b\ny = not a\nz = a or b\nif a < b < c: pass\n",
            // PUSH_NULL before the callable, KW_NAMES + CALL, LOAD_BUILD_CLASS after its NULL
            "f(a, b=1)\no.m(1, k=2)\nf(*a, **k)\nclass C(B, metaclass=M): pass\n",
            // MAKE_FUNCTION with flags; closures; lambda's return at (line, 0, 0)
            "def f(a=1, *, b=2) -> int:\n    def g(): return a\n    return g\nl = lambda x: x + 1\n",
            // FORMAT_VALUE; BUILD_STRING 0 for an empty spec; 3.12.1's '' for a nested spec
            "f'{x!r:>{w}}{y}{z:}{v=}'\n",
            // for/comprehension locations, END_FOR alone, no repeated GET_ITER
            "for i in a:\n    pass\nl = [x for x in a if x for y in b]\nimport re\nm = [x for x in y if re.match('a', x)]\n",
            // JUMP (not JUMP_NO_INTERRUPT) over else branches and handlers; with at the statement's location
            "if a: b\nelse: c\nx = a if b else c\ntry:\n    f()\nexcept E as e:\n    g()\nelse:\n    h()\nwith a as b, c:\n    pass\n",
            // assert raises at the statement; class bodies without __firstlineno__/__static_attributes__
            "assert x, 'm'\nclass C:\n    def __init__(self): self.a = 1\n",
            // docstrings kept as written; under -OO a statement
            "'''\n    mdoc\n'''\ndef f():\n    '''\n    fdoc\n    '''\n",
            // PEP 695: NULL pushed first, bounds evaluated at the type parameter's location
            "def f[T: int](a=1, *, b=2): pass\nclass C[T: (int, str)](B): pass\ntype A[T] = list[T]\n");

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void deltasMatchCPython312(int optimize, @TempDir Path dir) throws Exception {
        assumeTrue(CodegenCompare.interpreterPresent(PyVersion.V3_12), "CPython 3.12 not installed");
        CodegenCompare.SourcesRun run = CodegenCompare.runSources(PyVersion.V3_12, optimize, SOURCES, dir);
        assertEquals(SOURCES.size(), run.result().files());
        assertEquals(0, run.result().unitsDiffering(), run.report());
    }
}
