package org.jpyc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Op;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * try, with, comprehensions and match ({@link TryCodegen}, {@link WithCodegen},
 * {@link ComprehensionCodegen}, {@link InlinedComprehension}, {@link PatternCodegen}) against CPython
 * 3.13's own code generator through {@link CodegenCompare} (skipped when the reference interpreter is
 * absent), and a deeply nested pattern compiled on a small stack (no interpreter needed). The sources
 * need no AST folding, so that only code generation is compared.
 */
class BlocksCodegenTest {
    /** Every form of the four constructs, their frame-block unwinding and PEP 709 inlining in each scope kind. */
    private static final List<String> SOURCES = List.of(
            """
            try:
                f()
            except E as e:
                g()
            except (A, B):
                pass
            except:
                h()
            else:
                k()
            finally:
                z()

            def fn(x):
                for i in x:
                    try:
                        if i: break
                        if x: continue
                        return i
                    finally:
                        print(i)
                try:
                    return 1
                except ValueError as err:
                    return err
                finally:
                    del x

            try:
                a
            except* TypeError as e:
                b
            except* (ValueError, KeyError):
                c
            else:
                d
            finally:
                e2

            try:
                pass
            except* E:
                pass
""",
            """
            with a as b, c() as (d, e):
                f(b)
            with open(x):
                pass
            def g():
                with a:
                    return 1
                for i in y:
                    with b as q:
                        if q: continue
                        break
            async def h():
                async with a as b, c:
                    await b
                    return 5
                async for x in y:
                    async with z:
                        break
""",
            """
            a = [x for x in y]
            b = {x: x*2 for x in y if x if not x}
            c = {x for x in y for z in x}
            d = (x for x in y)
            e = [x for x in y for q in (x,)]
            class C:
                v = [x + w for x in range(3)]
                w = (i for i in v)
            def f(y):
                z = 1
                r = [z for z in y]
                t = [lambda: x for x in y]
                return [(a, b) for a in y for b in (a,) if a]
            async def g(y):
                l = [x async for x in y]
                m = [await x for x in y]
                n = (x async for x in y)
                return {k: v async for k, v in y}
            def h():
                return [x := i for i in range(3)], x
""",
            """
            match x:
                case 1:
                    a
                case "s" | b"b" | 2.5:
                    b
                case None:
                    c
                case [a, b, *rest]:
                    d
                case [_, *_, last]:
                    e
                case (p, q) if p > q:
                    f
                case {"k": v, **kw}:
                    g
                case {1: _, C.x: y}:
                    h
                case Point(x=0, y=yy) | Point(yy, 0):
                    i
                case str() as s:
                    j
                case [(1 | 2) as n, *_]:
                    k
                case {}:
                    l
                case []:
                    m
                case _:
                    n
            def f(cmd):
                match cmd:
                    case (a, b) | (b, a):
                        return a
                    case [x, [y, *z]]:
                        return z
                    case q:
                        return q
            match y:
                case _:
                    pass
            match z:
                case [*_]:
                    pass
                case w if w:
                    pass
                case _ if z:
                    pass
""",
            """
            x = 0
            def outer():
                y = 1
                r = [lambda: y for y in range(3)]
                s = [y for y in range(3)]
                def inner():
                    return y
                t = [[y * z for z in range(y)] for y in range(4)]
                return r, s, t, inner
            class K:
                y = 5
                a = [y for _ in range(3)]
                b = [z for z in range(3) if z]
                c = {z: [w for w in z] for z in a}
                def m(self):
                    return [self for _ in self.q]
                d = [__class__ for _ in q]
            g = [x for x in range(3)]
            print(x)
            def walrus(items):
                if any((found := i) > 2 for i in items):
                    return found
                return [(last := i) for i in items], last
            def nl():
                v = 0
                def f():
                    nonlocal v
                    return [v := i for i in range(3)]
                return f
            def loops(seq):
                for a in seq:
                    try:
                        match a:
                            case [1, *rest] if rest:
                                continue
                            case {"k": 1}:
                                break
                            case _:
                                return a
                    except (ValueError, TypeError) as e:
                        with open(a) as f, open(e):
                            try:
                                return f
                            finally:
                                del a
                    finally:
                        pass
                else:
                    return None
            async def agen(src):
                async with src as s:
                    async for x in s:
                        try:
                            yield [y async for y in x if await y]
                        except* OSError:
                            pass
                return
            def gen():
                try:
                    yield 1
                finally:
                    return 2
            def cellcomp():
                x = 1
                f = [lambda: x for x in range(3)]
                g = [x for x in range(3)]
                return x, f, g
            def freecomp():
                x = 1
                def h():
                    return [lambda: x for x in range(3)] + [x]
                return h
            m = {k: v for k, v in {}.items() for q in (k,) if q}
            s = {i for i in range(5) for j in (i,)}
            gx = (a + b for a in range(3) for b in (a,) if b)
""");

    /** Sources CPython rejects in code generation: the same message and position. */
    private static final List<String> ERRORS = List.of(
            "match x:\n    case [a, a]: pass\n",
            "match x:\n    case {\"k\": a, **a}: pass\n",
            "match x:\n    case a:\n        pass\n    case 1: pass\n",
            "match x:\n    case _: pass\n    case 1: pass\n",
            "match x:\n    case a | [b]: pass\n",
            "match x:\n    case [a] | (b,): pass\n",
            "match x:\n    case [*a, *b]: pass\n",
            "match x:\n    case {1: a, 1: b}: pass\n",
            "match x:\n    case {1: a, True: b}: pass\n",
            "match x:\n    case {\"s\": a, \"s\": b}: pass\n",
            "match x:\n    case C(a=1, a=2): pass\n",
            "match x:\n    case C(__debug__=1): pass\n",
            "match x:\n    case [__debug__]: pass\n",
            "match x:\n    case (a | b) | c: pass\n",
            "match x:\n    case a | b: pass\n",
            "match x:\n    case ((a as b) | (b as a)) as a: pass\n",
            "match x:\n    case [(a | a)]: pass\n",
            "match x:\n    case [x, (a, b) | (b, c)]: pass\n",
            "match x:\n    case _ | 1: pass\n",
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "try:\n    pass\nexcept* E:\n    break\n",
            "for x in y:\n    try:\n        pass\n    except* E:\n        continue\n",
            "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
            "async with a: pass\n",
            "def f():\n    async with a: pass\n",
            "def f():\n    return [x async for x in y]\n",
            "def f():\n    return {x: y async for x, y in z}\n",
            "def f():\n    return (x async for x in y)\n",
            "async def f():\n    return [[x async for x in y] for z in w]\n",
            "def f():\n    return [[x async for x in y] for z in w]\n",
            "for a in b:\n for a in b:\n  for a in b:\n   for a in b:\n    for a in b:\n     for a in b:\n      for a in b:\n       for a in b:\n        for a in b:\n         for a in b:\n          for a in b:\n           for a in b:\n            for a in b:\n             for a in b:\n              for a in b:\n               for a in b:\n                for a in b:\n                 for a in b:\n                  for a in b:\n                   for a in b:\n                    for a in b:\n                     pass\n",
            "with a0:\n with a1:\n  with a2:\n   with a3:\n    with a4:\n     with a5:\n      with a6:\n       with a7:\n        with a8:\n         with a9:\n          with a10:\n           with a11:\n            with a12:\n             with a13:\n              with a14:\n               with a15:\n                with a16:\n                 with a17:\n                  with a18:\n                   with a19:\n                    with a20:\n                     with a21:\n                      pass\n");

    @TempDir
    Path dir;

    private void assertSameAsCPython(List<String> sources) throws Exception {
        CodegenCompare.assertSameAsCPython(dir, sources);
    }

    @Test
    void blocksCompileAsCPythonDoes() throws Exception {
        assertSameAsCPython(SOURCES);
    }

    @Test
    void errorsAreCPythons() throws Exception {
        assertSameAsCPython(ERRORS);
    }

    /**
     * A sequence pattern nested as deep as the tokenizer allows, compiled on a thread with a small
     * stack: the pattern walk moves to a large stack itself. Checked structurally.
     */
    @Test
    void deepPatternsDoNotOverflowTheStack() throws Exception {
        int n = 190;
        String src = "match x:\n    case " + "[".repeat(n) + "a" + "]".repeat(n) + ":\n        pass\n";
        InstrSequence module = CodegenCompare.moduleOnSmallStack(src);
        int matchSeq = 0, unpack = 0, stores = 0;
        for (Instr i : module.instrs()) {
            if (i.op == Op.MATCH_SEQUENCE) matchSeq++;
            if (i.op == Op.UNPACK_SEQUENCE) unpack++;
            if (i.op == Op.STORE_NAME) stores++;
        }
        assertEquals(n, matchSeq);
        assertEquals(n, unpack);
        assertEquals(1, stores);
    }
}
