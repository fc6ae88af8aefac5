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
 * Expression code generation ({@link ExprCodegen}, {@link BranchCodegen}, {@link CollectionCodegen},
 * {@link CallCodegen}, {@link FStringCodegen}) against CPython 3.13's own code generator, through
 * {@link CodegenCompare} (skipped when the reference interpreter is absent), and deep expressions
 * compiled on a small stack (no interpreter needed). The sources need no AST folding, so that only
 * code generation is compared.
 */
class ExprCodegenTest {
    /** Every expression kind, in load, store and delete contexts, conditions, and the stack-guideline limits. */
    private static final List<String> SOURCES = List.of(
            """
            a = b + c * d - e / f // g % h ** i @ j << k >> l | m ^ n & o
            a = -b; a = +b; a = ~b; a = not b
            a = b and c; a = b or c or d; a = b and (c or d) and e
            a = (b := c)
            a = b if c else d
            a = b if c and d or not e else f
            a = b < c; a = b <= c == d != e > f >= g
            a = b is c; a = b is not c; a = b in c; a = b not in c
            a = b < c < d
            if a < b < c: pass
            if not a: pass
            if a and b or c: pass
            if (a if b else c): pass
            if not (a and b): pass
            while a < b and not c: pass
            a = [b, c]; a = (b, c); a = {b, c}; a = {b: c, d: e}
            a = [b, *c, d]; a = (*b, c); a = {*b, c}; a = {**b, c: d, **e}
            a = {'x': b, 'y': c}; a = {'x': b, c: d}
            a = [1, 2, 3]; a = {1, 2, 3}; a = {1, 1, 2, 3.0, 2}
            a = b[c]; a = b[c:d]; a = b[c:d:e]; a = b[:]; a = b[c, d:e]; b[c] = a; b[c:d] = a; del b[c]; del b[c:d]
            a.b = c; del a.b; a = b.c.d
            a, b = c; [a, *b] = c; a, (b, c) = d; a, *b, c = d
            a = b(); a = b(c, d); a = b(c, d=e); a = b(*c); a = b(*c, d); a = b(**c); a = b(c, *d, e=f, **g)
            a = b.c(); a = b.c(d, e=f); a = b.c(*d); a = b.c(**d)
            a = f'{b}'; a = f'x{b!r}y{c:>{d}}z'; a = f'{b!s}{c!a}'; a = f''; a = f'{b=}'
            a = lambda: b
            a = [b for b in c]
            a = b.c(d)(e)[f]
            """,
            """
            import os
            from x import y
            class A:
                def f(self):
                    super().f()
                    super().g
                    super(A, self).h()
                    super(A, self).i
                    self.x = 1
                    self.y.z = 2
                    return __class__
                def g(self, a):
                    return super().h(a, b=1)
            def gen():
                yield
                yield a
                b = yield from c
                x = yield
            async def co():
                await a
                return [await b for b in c]
            async def ag():
                yield a
                await b
            os.path.join(a)
            y.z(a)
            def many(): return f(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32)
            def manykw(): return f(a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,k=11,l=12,m=13,n=14,o=15,p=16)
            def manym(): return o.f(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32)
            x = [a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,*b]
            x = [a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a]
            x = (a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a)
            x = {a:1,b:1,c:1,d:1,e:1,f:1,g:1,h:1,i:1,j:1,k:1,l:1,m:1,n:1,o:1,p:1,q:1,r:1}
            x = {'a':1,'b':1,'c':1,'d':1,'e':1,'f':1,'g':1,'h':1,'i':1,'j':1,'k':1,'l':1,'m':1,'n':1,'o':1,'p':1,'q':1,'r':1}
            x = {'a':1,'b':1,'c':1,'d':1,'e':1,'f':1,'g':1,'h':1,'i':1,'j':1,'k':1,'l':1,'m':1,'n':1,'o':1,'p':1,'q':1,'r':1, **z}
            x = f(*a, a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,k=11,l=12,m=13,n=14,o=15,p=16)
            x = f'{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}'
            x = (a.
                 b)
            x = (a
                 .b
                 .c(d))
            x = a.b(
              c).d(
              e)
            """,
            """
            import os
            import os.path as osp
            from m import sup
            class B:
                def f(self, *a):
                    super().f()
                def g(*a):
                    super().g()
                def h(self, /):
                    super().h()
                    super().x = 1
                    super().__class__
                    super(B).y
                    super(*a).z
                    super(B, self, 3).w
                    super(B, self).v(*a)
                    super(B, self).u(**k)
                    super().t(k=1)
                def i(self):
                    def inner():
                        super().x
                    return lambda: super().y
                def j(self):
                    super = 3
                    super().x
                def k(self):
                    global super
                    super().x
                def l(self):
                    super().m(a, b=c)
                    return super(). \\
                        n
                x = super().y
            def fn():
                os.getcwd()
                osp.join(a, b)
                sup.x()
                q.r()
            def th():
                a.b(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28,c29)
                a.b(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28)
                a.b(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,k=1)
                a.b(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,k=1)
                f(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28,c29,c30)
                f(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28,c29,c30,c31)
                f(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28,k=1)
                f(c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,c23,c24,c25,c26,c27,c28,c29,k=1)
                f(*x, a1=1,a2=2,a3=3,a4=4,a5=5,a6=6,a7=7,a8=8,a9=9,a10=10,a11=11,a12=12,a13=13,a14=14,a15=15,a16=16, **y, z=1)
                f(**y, a=1, **z, b=2, c=3)
                f(*x, *y, z, *w)
                f(a, *x)
            """,
            """
            if not a < b < c: pass
            if not (a < b < c): x
            if a < b < c or d: x
            if (a < b < c) and d: x
            while a < b < c: x
            while not a < b < c: x
            assert a < b < c
            assert not (a < b < c), "m"
            assert a and (b or not c)
            x = a < b < c < d
            x = not a < b
            x = a if b < c < d else e
            x = a if (b if c else d) else e
            if (a if b else c) and d: x
            if not (a if b else c): x
            if a and not b or c and not d: x
            x = [a for a in b if a < c < d if not a]
            del (a, b), [c, d]
            del a[1:2], a[::3], a.b
            a[::2] = b
            a[b:c] = d
            x = a[b:c:d]
            x = a[b:]
            x = a[:c]
            x = a[::d]
            x = [y := 1, z := y]
            x = a.éé
            x = (a.
              éé)
            x = (a
              .éé
              .éx(1))
            x = f'{a!r}{b!s:{c!a}}{d:{e}.{f}}' f'{g}' 'h'
            x = f'{a}' 'b' f'{c=!r:>10}'
            x = f'{"a"}'
            x = {**a}
            x = {**a, **b}
            x = {a: b, **c}
            x = {a: b, c: d, **e, f: g}
            x = {'a': b, 'c': d, **e, 'f': g, 'h': i}
            x = {1: a, 2: b}
            x = {1: a}
            x = {k1:1,k2:2,k3:3,k4:4,k5:5,k6:6,k7:7,k8:8,k9:9,k10:10,k11:11,k12:12,k13:13,k14:14,k15:15,k16:16,k17:17,k18:18,k19:19,k20:20,k21:21,k22:22,k23:23,k24:24,k25:25,k26:26,k27:27,k28:28,k29:29,k30:30,k31:31,k32:32,k33:33,k34:34, **z}
            x = {a, b, *c}
            x = {a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a}
            x = (a, *b, c, *d)
            x = [*a]
            x = (*a,)
            x = [1, 2, a]
            x = [a, 1, 2, 3]
            x = {'a', 'b', 'c'}
            x = [1, 'a', b'c', None]
            x = f(a)(b)(c)
            x = a.b.c.d()
            x = (lambda: (yield))
            x = lambda: (yield from a)
            a, *b = c
            *a, b = c
            [a, [b, *c]] = d
            (a.b, a[c], *a.d) = e
            for a.b, (c, *d) in e: pass
            """);

    /** Sources CPython rejects in code generation (or earlier): the same error type and message. */
    private static final List<String> ERRORS = List.of(
            "f(a=1, a=2)\n",
            "f(__debug__=1)\n",
            "o.m(x, a=1, b=2, a=3)\n",
            "x = yield\n",
            "await x\n",
            "def f():\n    await x\n",
            "a, *b, *c = d\n",
            "print(*a)\nx = *a\n",
            "*a = b\n",
            "x = (yield from a)\n",
            "async def f():\n    yield from a\n",
            "a.__debug__ = 1\n",
            "del a.__debug__\n",
            "def f():\n    x = [await y for y in z]\n",
            "def f():\n    x = lambda: await y\n",
            "class C:\n    await x\n",
            "f(**a, *b)\n",
            "f(a=1, *b)\n");

    /**
     * Constant set displays folded to a frozenset (with duplicates: 1, 1.0 and True are one item).
     * The constant's iteration order depends on the constant cache rebuilding it in iteration
     * order, as {@code merge_consts_recursive} does.
     */
    private static final List<String> FROZENSETS = List.of("""
            x = {'win32', 'darwin', 'emscripten', 'wasi'}
            y = {'True', 'False', 'None'}
            z = {1, 1.0, True, 2, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'}
            w = {'aa', 'bb', 'cc', 'dd', 'ee', 'ff', 'gg', 'hh', 'ii', 'jj', 'kk', 'll', 'mm', 'nn', 'oo', 'pp', 'qq', 'rr'}
            v = {1, 2.0, 3j, 'x', b'y', None, True, ...}
            """);

    @TempDir
    Path dir;

    private void assertSameAsCPython(List<String> sources) throws Exception {
        CodegenCompare.assertSameAsCPython(dir, sources);
    }

    @Test
    void expressionsCompileAsCPythonDoes() throws Exception {
        assertSameAsCPython(SOURCES);
    }

    @Test
    void setDisplaysFoldToCPythonsFrozensets() throws Exception {
        assertSameAsCPython(FROZENSETS);
    }

    @Test
    void errorsAreCPythons() throws Exception {
        assertSameAsCPython(ERRORS);
    }

    /**
     * Chains thousands of levels deep (CPython compiles them) are compiled on a thread with a small
     * stack: the walk moves to a large stack itself. The module's code is checked structurally.
     */
    @Test
    void deepChainsDoNotOverflowTheStack() throws Exception {
        int n = 4000;
        String add = "x = " + String.join(" + ", java.util.Collections.nCopies(n, "a")) + "\n";
        String attr = "x = a" + ".b".repeat(n) + "\n";
        String calls = "x = f" + "()".repeat(n) + "\n";
        for (String src : List.of(add, attr, calls)) {
            InstrSequence module = CodegenCompare.moduleOnSmallStack(src);
            int loads = 0, binops = 0, attrs = 0, callOps = 0;
            for (Instr i : module.instrs()) {
                if (i.op == Op.LOAD_NAME) loads++;
                if (i.op == Op.BINARY_OP) binops++;
                if (i.op == Op.LOAD_ATTR) attrs++;
                if (i.op == Op.CALL) callOps++;
            }
            if (src == add) {
                assertEquals(n, loads);
                assertEquals(n - 1, binops);
            } else if (src == attr) {
                assertEquals(n, attrs);
            } else {
                assertEquals(n, callOps);
            }
        }
    }
}
