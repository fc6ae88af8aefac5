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
 * The 3.15 code generator deltas against 3.15.2's {@code _testinternalcapi.compiler_codegen} (the Docker image's
 * interpreter; skipped without it), with its AST preprocessing: one source per delta.
 */
class Codegen315Test {
    static final List<String> SOURCES = List.of(
            // generator preamble: RETURN_GENERATOR, POP_TOP before the StopIteration handler (lambdas have none)
            "def g():\n    yield 1\n@d\ndef h():\n    yield\nasync def c():\n    await x\nf = lambda: (yield)\n",
            // virtual iterators: a generator expression makes its own iterator; GET_ITER inside inlined comprehensions
            "g = (a for a in b for c in a if c)\nh = (a async for a in b)\nl = [a for a in b for c in a]\n"
                    + "s = {a for a in b}\nd = {a: c for a, c in b}\n",
            // unwinding a for loop pops two items (an async for loop, one)
            "def f(a):\n    for x in a:\n        if x:\n            return x\n        break\n"
                    + "async def g(a):\n    async for x in a:\n        return x\n",
            // await / async for / async with push a NULL for SEND; yield from is GET_ITER 1
            "async def f():\n    await x\n    async for a in b: pass\n    async with c as d: return d\n"
                    + "def g():\n    yield from x\n",
            // list(genexp), set(genexp); an asynchronous genexp is called normally
            "a = list(x for x in y)\nb = set(x for x in y)\nc = tuple(x for x in y)\nd = all(x for x in y)\n"
                    + "async def f():\n    return all(await x for x in y)\n",
            // lazy imports: IMPORT_NAME's flags
            "import a\nlazy import b.c as d\nlazy from e import f\nfrom g import *\ntry:\n    import h\nexcept E:\n"
                    + "    import i\nfinally:\n    import j\nwith k:\n    import l\nclass C:\n    import m\n"
                    + "def n():\n    from o import p\n",
            // __annotate__ lists positional-only parameters first
            "def every(p1: int, p2: 'str', /, p3: float = 1.0, *args: tuple, k1: bytes, **kw: dict) -> None:\n    pass\n",
            // non-inlined comprehensions (in a class's annotations) take the iterable
            "class C:\n    x: [a for a in b]\n    y: {a: 1 for a in b}\n",
            // match: unary plus folds
            "match x:\n    case +0: pass\n    case +1-2j: pass\n    case {+1: 2}: pass\n",
            // a lambda in a class-body comprehension uses the class cell
            "class C:\n    res = [lambda: __class__ for _ in [1]]\n    d = [__classdict__ for x in y]\n",
            // PEP 798: unpacking in comprehensions
            "a = [*x for x in y if x]\nb = {*x for x in y}\nc = {**d for d in e}\ng = (*x for x in y)\n"
                    + "h = (*x async for x in y)\nasync def f():\n    return [*x async for x in y]\n",
            // __annotate__ qualnames name their function
            "def simple(a: int): pass\nclass P:\n    def __m(self, a: int): pass\n    def g[T](self, a: T): pass\n"
                    + "def gfun[T](a: T): pass\n");

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void deltasMatchCPython315(int optimize, @TempDir Path dir) throws Exception {
        assumeTrue(CodegenCompare.interpreterPresent(PyVersion.V3_15), "CPython 3.15 (Docker image) not available");
        CodegenCompare.SourcesRun run = CodegenCompare.runSources(PyVersion.V3_15, optimize, SOURCES, dir);
        assertEquals(SOURCES.size(), run.result().files());
        assertEquals(0, run.result().filesDiffering(), run.report());
    }
}
