#!/usr/bin/env python3
"""Random Python programs for a differential sweep of jpyc's compiler against real CPython.

Usage (any python3 3.9+, from the repository root):

    python3 tools/fuzz/gen_programs.py OUT_DIR SEED COUNT [--mode=programs|annotations|constants|flow|scopes] [--reflow]
    ./jpyc conformance --checks compile --corpus OUT_DIR --versions 3.13,3.14
    ./jpyc conformance --oracle docker --checks compile --corpus OUT_DIR --versions 3.15

Each file is a corpus case (`# jpyc: optimize 0,1,2`), so the `compile` check compares all nine pycs of each
with the ones CPython's py_compile writes, or CPython's SyntaxError with jpyc's. The programs are meant to be
compiled, never run: names are unbound, operands mistyped. About a quarter are rejected by CPython's parser
(the check skips those) and some by its compiler (the check then compares the errors). The same seed gives
the same files.

Modes: `programs` (statements, functions with closures and generators, classes, match, try/except*, with,
f-strings, constant expressions that fold, type aliases and parameters), `annotations` (annotated names,
parameters and returns, under `from __future__ import annotations` or 3.14's deferred evaluation),
`constants` (expressions of constants and operators, which the AST optimizer (3.13) or the flowgraph (3.14+)
folds, or must leave), `flow` (functions of nested loops, handlers, with and match blocks whose exits cross
each other: jump threading, block order, exception tables, line numbers), `scopes` (names bound, used,
deleted, declared global or nonlocal across nested functions, classes, lambdas, comprehensions and type
parameter scopes: the symbol table, cells and free variables).
`--reflow` then breaks lines inside brackets at random, for the line and column tables.

A mismatch found this way is reduced by hand to a case under corpus/cases/ (conformance/README.md,
"Generated programs").
"""
import io
import os
import random
import sys
import tokenize

R = random.Random(0)

NAMES = ["a", "b", "c", "x", "y", "z", "i", "n", "self_", "data", "__priv", "_p", "obj"]
ATTRS = ["attr", "real", "imag", "__dunder__", "__mangled", "x"]
CONSTS = ["0", "1", "-1", "2", "10", "255", "256", "-5", "1.5", "-0.0", "0.0", "1e400", "2j", "-1+2j", "1_000",
          "0x10", "0o7", "0b101", "True", "False", "None", "...", "'s'", "''", "'abc'", "b'xy'", "b''", "'é'",
          "'\\u2603'", "'\\ud800'", "'a' 'b'", "(1, 2)", "()", "(1,)", "'x' * 3", "2 ** 10", "2 ** 100", "'ab' * 3000",
          "(1, 2) + (3,)", "-(-3)", "~7", "not 1", "1 << 70", "'abc'[1]", "(1, 2, 3)[1:]", "b'abc'[0]", "frozenset()",
          "\"multi\\nline\"", "'%s-%d' % (x, 3)", "'%r' % (a,)", "'%5.2f %s' % (y, z)",
          "(1, 2)[::-1]", "'abc'[::-1]", "b'abc' + b'd'", "'a' * 0", "(1,) * 0", "1 / 0", "2 ** -1", "10 % 3", "'%d' % 5",
          "'%s%s' % ('a', 'b')", "- -1.5", "(1 < 2)", "(1, 2) == (1, 2)", "'x' in 'xyz'", "b'%d' % 3", "'ab'[5:]", "'ab'[0]",
          "(1, (2, 3))", "((), ((),))", "(None, ..., True)", "frozenset({1, 2})", "{1, 2, 3}", "[1, 2, 3]", "('a',) + ('b',)",
          "1 if 0 else 2", "0.1 + 0.2", "1j * 1j", "10 ** 20", "-2 ** 63", "2 ** 64 - 1", "'é' * 2", "'\\x00'", "b'\\xff' * 2",
          "(-0.0, 0.0)", "(0, 0.0, -0.0, 0j, False)", "(1, 1.0, True)", "'' + ''", "b'' + b'x'", "'x'[0:1]", "'xyz'[1]",
          "(1, 2, 3)[1]", "(1, 2, 3)[-1]", "('a', 'b')[0]", "'%(k)s' % {'k': 1}", "'%c' % 65", "'%5s|%-5s' % ('a', 'b')",
          "__debug__", "not __debug__", "(__debug__, 1)"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
CMPS = ["<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"]


class G:
    """One module's generator: statements, expressions and definitions at random, tracking the context a
    construct needs (a function for return and yield, an async function for await, a loop for break), so
    that most programs compile; what CPython still rejects is compared as an error."""

    def __init__(self):
        self.depth = 0
        self.in_func = False
        self.in_async = False
        self.in_loop = False
        self.in_class = False
        self.counter = 0

    def name(self):
        return R.choice(NAMES)

    def fresh(self, p="f"):
        self.counter += 1
        return "%s%d" % (p, self.counter)

    def expr(self, d=0):
        if d > 3 or R.random() < 0.25:
            c = R.choice(CONSTS)
            if " " in c or c[0] in "-~": c = "(" + c + ")"
            return R.choice([self.name(), c, self.name() + "." + R.choice(ATTRS)])
        k = R.randrange(24)
        e = lambda: self.expr(d + 1)
        if k == 0: return "(%s %s %s)" % (e(), R.choice(BINOPS), e())
        if k == 1: return "%s %s %s" % (e(), R.choice(CMPS), e())
        if k == 2: return "%s < %s <= %s" % (e(), e(), e())
        if k == 3: return "(%s and %s or not %s)" % (e(), e(), e())
        if k == 4: return "%s(%s)" % (self.name(), ", ".join(self.args(d)))
        if k == 5: return "%s.%s(%s)" % (self.name(), R.choice(ATTRS), ", ".join(self.args(d)))
        if k == 6: return "%s[%s]" % (e(), R.choice([e(), "%s:%s" % (e(), e()), "::2", "%s, %s" % (e(), e()), "1:2, ..."]))
        if k == 7: return "[%s]" % ", ".join(e() for _ in range(R.randrange(0, 5)))
        if k == 8: return "{%s}" % ", ".join("%s: %s" % (e(), e()) if R.random() < 0.8 else "**" + self.name() for _ in range(R.randrange(0, 5)))
        if k == 9: return "{%s}" % ", ".join(e() for _ in range(R.randrange(1, 4)))
        if k == 10: return "(%s if %s else %s)" % (e(), e(), e())
        if k == 11: return "[%s for %s in %s%s]" % (e(), self.name(), e(), self.cond_tail(d))
        if k == 12: return "{%s: %s for %s, %s in %s}" % (e(), e(), self.name(), self.name(), e())
        if k == 13: return "(%s for %s in %s if %s)" % (e(), self.name(), e(), e())
        if k == 14: return "(lambda %s: %s)" % (R.choice(["", "q", "q, r=1", "*q, **r", "q, /, r", "*, k=2"]), e())
        if k == 15: return self.fstring()
        if k == 16 and d == 0 and not self.in_class: return "(%s := %s)" % (self.fresh("w"), e())
        if k == 17 and self.in_func and not self.in_class: return R.choice(["(yield %s)" % e(), "(yield)", "(yield from %s)" % e()]) if not self.in_async else "(await %s)" % e()
        if k == 18: return "-%s" % e() if R.random() < 0.5 else "~%s" % e()
        if k == 19: return "(%s, *%s)" % (e(), self.name())
        if k == 20: return "[*%s, %s]" % (e(), e())
        if k == 21: return "%s(*%s, **%s)" % (self.name(), self.name(), self.name())
        if k == 22: return "(%s)" % ", ".join(R.choice(CONSTS) for _ in range(R.randrange(2, 6)))
        if k == 23 and self.in_async: return "[%s async for %s in %s]" % (e(), self.name(), e())
        return self.name()

    def cond_tail(self, d):
        return R.choice(["", " if %s" % self.expr(d + 1), " for %s in %s" % (self.name(), self.expr(d + 1))])

    def args(self, d):
        out = []
        for _ in range(R.randrange(0, 4)):
            out.append(self.expr(d + 1))
        if R.random() < 0.3: out.append("*" + self.name())
        if R.random() < 0.3: out.append("%s=%s" % (R.choice(["k", "key", "sep"]), self.expr(d + 1)))
        if R.random() < 0.2: out.append("**" + self.name())
        return out

    def fstring(self):
        parts = []
        for _ in range(R.randrange(1, 4)):
            r = R.random()
            if r < 0.3: parts.append("lit")
            elif r < 0.5: parts.append("{%s}" % self.name())
            elif r < 0.6: parts.append("{%s!r}" % self.name())
            elif r < 0.7: parts.append("{%s:>{%s}}" % (self.name(), self.name()))
            elif r < 0.8: parts.append("{%s=}" % self.name())
            elif r < 0.9: parts.append("{%s:.2f}" % self.name())
            else: parts.append("{{}}")
        return "f'%s'" % "".join(parts)

    def target(self):
        r = R.random()
        if r < 0.6: return self.name()
        if r < 0.7: return "%s.%s" % (self.name(), R.choice(ATTRS))
        if r < 0.8: return "%s[%s]" % (self.name(), self.expr(3))
        if r < 0.9: return "%s, %s" % (self.name(), self.name())
        return "%s, *%s, %s" % (self.name(), self.name(), self.name())

    def block(self, ind, n=None):
        n = n or R.randrange(1, 4)
        lines = []
        for _ in range(n):
            lines += self.stmt(ind)
        return lines

    def stmt(self, ind):
        sp = "    " * ind
        self.depth += 1
        try:
            if self.depth > 5:
                return [sp + "%s = %s" % (self.target(), self.expr())]
            k = R.randrange(34)
            if k < 5: return [sp + "%s = %s" % (self.target(), self.expr())]
            if k == 5: return [sp + "%s %s= %s" % (self.name(), R.choice(BINOPS), self.expr())]
            if k == 6: return [sp + self.expr()]
            if k == 7:
                return [sp + "if %s:" % self.expr()] + self.block(ind + 1) + R.choice([[], [sp + "elif %s:" % self.expr()] + self.block(ind + 1), [sp + "else:"] + self.block(ind + 1)])
            if k == 8:
                old = self.in_loop; self.in_loop = True
                b = [sp + "for %s in %s:" % (self.target(), self.expr())] + self.block(ind + 1)
                self.in_loop = old
                return b + R.choice([[], [sp + "else:"] + self.block(ind + 1)])
            if k == 9:
                old = self.in_loop; self.in_loop = True
                b = [sp + "while %s:" % self.expr()] + self.block(ind + 1)
                self.in_loop = old
                return b
            if k == 10 and self.in_loop: return [sp + R.choice(["break", "continue"])]
            if k == 11:
                b = [sp + "try:"] + self.block(ind + 1)
                star = R.random() < 0.25
                for _ in range(R.randrange(0 if not star else 1, 3)):
                    b += [sp + "except%s %s%s:" % ("*" if star else "", R.choice(["E", "(E, F)", "Exception"]), R.choice(["", " as e"]))] + self.block(ind + 1)
                handlers = any(line.startswith(sp + "except") for line in b)
                if not handlers or R.random() < 0.4:
                    if handlers and not star and R.random() < 0.3:
                        b += [sp + "else:"] + self.block(ind + 1)
                    b += [sp + "finally:"] + self.block(ind + 1)
                return b
            if k == 12:
                return [sp + "%swith %s as %s, %s:" % ("async " if self.in_async and R.random() < 0.5 else "", self.expr(), self.name(), self.expr())] + self.block(ind + 1)
            if k == 13 and not self.in_class:
                return self.funcdef(ind)
            if k == 14:
                return self.classdef(ind)
            if k == 15 and self.in_func: return [sp + "return %s" % R.choice(["", self.expr()])]
            if k == 16: return [sp + "assert %s%s" % (self.expr(), R.choice(["", ", " + self.expr()]))]
            if k == 17: return [sp + "del %s" % self.target().replace("*", "")]
            if k == 18: return [sp + "raise %s" % R.choice(["", "E", "E(%s) from %s" % (self.expr(), self.name())])]
            if k == 19: return [sp + "import %s" % R.choice(["os", "os.path", "a.b.c as d"]), sp + "from %s import %s" % (R.choice([".", "..m", "m"]), R.choice(["x", "y as z", "(a, b)"]))]
            if k == 20: return self.match(ind)
            if k == 21: return [sp + "%s: %s%s" % (R.choice([self.name(), self.name() + ".x", self.name() + "[0]", "(" + self.name() + ")"]), self.expr(), R.choice(["", " = " + self.expr()]))]
            if k == 22 and self.in_func: return [sp + "nonlocal %s" % self.name()] if R.random() < 0.3 else [sp + "global %s" % self.name()]
            if k == 23: return [sp + "type T%d[%s] = %s" % (self.counter, R.choice(["K", "K: int", "*Ts", "**P", "K = str"]), self.expr())]
            if k == 24: return [sp + "print(%s)" % self.fstring()]
            if k == 25: return [sp + "if %s:" % R.choice(["0", "1", "__debug__", "not __debug__", "None", "()", "'x'", "x is None", "x is not None", "not x"])] + self.block(ind + 1) + [sp + "else:"] + self.block(ind + 1)
            if k == 26: return [sp + "%s = [%s]" % (self.name(), ", ".join(R.choice(CONSTS) for _ in range(R.choice([3, 17, 31, 40]))))]
            if k == 27: return [sp + "%s = {%s}" % (self.name(), ", ".join("'k%d': %s" % (j, R.choice(CONSTS)) for j in range(R.choice([2, 17, 20]))))]
            if k == 28: return [sp + "%s = %s in %s" % (self.name(), self.name(), R.choice(["[1, 2, 3]", "{1, 2, 3}", "(1, 2)", "{'a', 'b'}", "[x, y]", "{a, 1}"]))]
            if k == 29 and self.in_loop:
                return [sp + "try:"] + self.block(ind + 1) + [sp + "finally:", sp + "    " + R.choice(["break", "continue", "pass", "x = 1"])]
            return [sp + "%s = %s" % (self.target(), self.expr())]
        finally:
            self.depth -= 1

    def match(self, ind):
        sp = "    " * ind
        pats = ["1", "-1", "'s'", "None", "True", "[a, b]", "[a, *rest]", "[*_, last]", "{'k': v, **kw}", "C(x=1, y=y2)",
                "C(1, 2)", "(1 | 2 | 3)", "[1, 2] | [3, 4]", "str() as s", "Point(x=0) | Point(y=0)", "mod.CONST", "_",
                "x if x > 0", "{1: _, 2: [a, b]}", "(a, b) if a == b", "-1+2j", "b'x'"]
        b = [sp + "match %s:" % self.expr()]
        for _ in range(R.randrange(1, 4)):
            p = R.choice(pats)
            if " if " in p:
                p, g = p.split(" if ")
                b += [sp + "    case %s if %s:" % (p, g)]
            else:
                b += [sp + "    case %s:" % p]
            b += self.block(ind + 2, R.randrange(1, 3))
        return b

    def funcdef(self, ind):
        sp = "    " * ind
        old = (self.in_func, self.in_async, self.in_loop)
        self.in_async = R.random() < 0.3
        self.in_func = True
        self.in_loop = False
        name = self.fresh()
        params = R.choice(["", "a", "a, b=1", "a, /, b, *, c", "*args, **kw", "self_, x: int = 3", "a, b=[], *c, d, **e"])
        tp = R.choice(["", "", "[T]", "[T: int, *Ts]", "[T = int]"])
        dec = [sp + "@" + R.choice(["dec", "dec(1)", "a.b", "x[0]"])] if R.random() < 0.3 else []
        ret = R.choice(["", " -> int", " -> 'str'"])
        doc = [sp + "    " + R.choice(['"""Doc."""', '"""\n    Multi\n      line.\n    """', "'single'"])] if R.random() < 0.3 else []
        body = []
        if R.random() < 0.5:
            v = self.fresh("v")
            body.append(sp + "    %s = %s" % (v, self.expr()))
            inner = self.fresh("g")
            body += [sp + "    def %s():" % inner, sp + "        nonlocal %s" % v, sp + "        %s += 1" % v,
                     sp + "        return %s" % R.choice([v, "[%s for %s in %s]" % (v, "q", v), "lambda: %s" % v])]
        if R.random() < 0.3 and not self.in_async:
            body += [sp + "    try:", sp + "        yield %s" % self.expr(), sp + "    finally:", sp + "        %s" % R.choice(["pass", "print(1)", "del a"])]
        body += self.block(ind + 1)
        if R.random() < 0.3:
            body = body + [sp + "    return %s" % self.expr()]
        b = dec + [sp + "%sdef %s%s(%s)%s:" % ("async " if self.in_async else "", name, tp, params, ret)] + doc + body
        self.in_func, self.in_async, self.in_loop = old
        return b

    def classdef(self, ind):
        sp = "    " * ind
        old = (self.in_class, self.in_func, self.in_loop)
        self.in_class = True
        self.in_loop = False
        name = self.fresh("C")
        base = R.choice(["", "(B)", "(B, metaclass=M)", "[T](B)", "(*bases, **kw)"])
        b = [sp + "class %s%s:" % (name, base)]
        if R.random() < 0.3: b += [sp + '    """Class doc."""']
        b += self.block(ind + 1)
        self.in_class = False
        self.in_func = False
        if R.random() < 0.6:
            m = self.funcdef(ind + 1)
            b += m
            if R.random() < 0.5:
                b += [sp + "    def m%d(self_):" % self.counter, sp + "        return super().m() + __class__.x + self_.__mangled"]
        self.in_class, self.in_func, self.in_loop = old
        return b


ANNOTATIONS = ["int", "list[int]", "dict[str, 'X']", "tuple[int, ...]", "Callable[[int], str]", "int | None", "'fwd'",
         "Literal[1, 'a', b'x', -1, 1.5, 1e400, -1e400, 2j, -0.0, None, True, ...]", "Annotated[int, lambda x: x + 1]",
         "a.b[c:d, ::e]", "x if y else z", "(yield)", "await x", "[*a, *b]", "{**a, 'k': v}", "f'{a!r:>{w}}'",
         "not a", "-a ** -b", "(-a) ** b", "a ** b ** c", "(a ** b) ** c", "a < b < c", "(a, b)", "()", "(a,)",
         "{a, b}", "{}", "lambda: 0", "lambda *a, b=1, **k: a", "[x for x in y if z]", "{k: v async for k, v in z}",
         "(x for x in y)", "a @ b", "~a", "+a", "a and b or c", "a and (b or c)", "(a and b) or c", "not (a and b)",
         "a[1:2, 3]", "a[(1, 2)]", "a[()]", "a[:]", "a[*b]", "'\\n\\t\\x00\\u2603\\U0001f600'", "b'\\x00\\xff'",
         "1_000", "0x_ff", "0o17", "0b1", "1e10", "1E-5", "1.0", "10.", ".5", "1j", "1.5J", "'''tri'''", "r'raw\\d'",
         "u'uni'", "'a' 'b'", "f'{x}' 'lit'", "f'{x=}'", "f'{x=!r:>10}'", "f'{{braces}}'", "f'{x:{y}.{z}}'",
         "*Ts", "P.args", "type[int]", "a.b.c.d", "a().b()[c]", "(a := 1)", "a if b else (c if d else e)",
         "(lambda: (yield))", "a is not b", "a not in b", "-(-a)", "-(1)", "(-1)", "2 ** -1", "(1).real", "1 .real",
         "1.0.real", "'%s' % a", "a + b * c", "(a + b) * c", "a - (b - c)", "a - b - c", "a // b % c", "a << b >> c",
         "a | b ^ c & d", "(a | b) & c", "await (a + b)", "(await a) + b", "(yield a)", "(yield from a)", "a[b][c](d)(e)",
         "Ellipsis", "...", "None", "True", "NotImplemented", "__debug__"]


def annotation(g):
    """An annotation: a form from ANNOTATIONS, or a random expression."""
    return R.choice(ANNOTATIONS) if R.random() < 0.6 else g.expr(1)


def annotations_module(i):
    g = G()
    lines = ["from __future__ import annotations"] if R.random() < 0.7 else ["# deferred annotations (3.14+)"]
    for _ in range(R.randrange(4, 12)):
        k = R.randrange(5)
        if k == 0:
            lines.append("%s: %s%s" % (R.choice(["x", "a.b", "a[0]", "(y)", "z"]), annotation(g), R.choice(["", " = 1"])))
        elif k == 1:
            lines.append("def f%d(a: %s, /, b: %s = 1, *c: %s, d: %s, **e: %s) -> %s:" % (
                len(lines), annotation(g), annotation(g), annotation(g), annotation(g), annotation(g), annotation(g)))
            lines.append("    v: %s = a" % annotation(g))
            lines.append("    return v")
        elif k == 2:
            lines.append("class C%d:" % len(lines))
            for _ in range(R.randrange(1, 4)):
                lines.append("    %s: %s%s" % (R.choice(["x", "y", "__z", "_w"]), annotation(g), R.choice(["", " = 0"])))
            if R.random() < 0.5:
                lines.append("    if cond:")
                lines.append("        q: %s" % annotation(g))
        elif k == 3:
            lines.append("async def h%d(a: %s) -> %s:" % (len(lines), annotation(g), annotation(g)))
            lines.append("    b: %s" % annotation(g))
        else:
            lines.append("lam = lambda a=%s: a" % g.expr(2))
    return lines


LEAVES = ["0", "1", "-1", "2", "3", "7", "63", "64", "127", "128", "255", "256", "1000", "2 ** 62", "10 ** 40",
          "1.5", "-0.0", "0.0", "1e300", "1e400", "2j", "True", "False", "None", "...", "''", "'a'", "'ab'", "'é'",
          "'\\u2603'", "'%s'", "'%d-%r'", "'%(k)s'", "b''", "b'a'", "b'ab'", "b'%d'", "()", "(1,)", "(1, 'a')",
          "((),)", "('a', b'b')", "frozenset()", "'x' * 100", "(0,) * 100",
          # the optimizers' size limits (MAX_INT_SIZE 128 bits, MAX_COLLECTION_SIZE 256, MAX_STR_SIZE 4096,
          # MAX_TOTAL_ITEMS 1024) and the values just past them
          "2 ** 127", "2 ** 128", "1 << 127", "1 << 128", "-(2 ** 128)", "'a' * 4096", "'a' * 4097", "b'a' * 4096",
          "b'a' * 4097", "(1,) * 256", "(1,) * 257", "(1, 2) * 128", "((1,) * 4,) * 256", "'%s' * 2000"]
OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]


def const_expr(d=0):
    """An expression of constants and operators that CPython's optimizer may fold, or leave (a
    TypeError, a ZeroDivisionError, a result past its size limits), at random depth."""
    if d > 2 or R.random() < 0.3:
        return R.choice(LEAVES)
    k = R.randrange(8)
    a = const_expr(d + 1)
    if k < 3:
        return "(%s %s %s)" % (a, R.choice(OPS), const_expr(d + 1))
    if k == 3:
        return "(%s(%s))" % (R.choice(["-", "+", "~", "not "]), a)
    if k == 4:
        return "(%s)[%s]" % (a, R.choice(["0", "-1", "1", "5", "::2", "::-1", "1:", ":-1", "-5:5:2", "::-3", "2:0:-1", "True"]))
    if k == 5:
        return "(%s, %s)" % (a, const_expr(d + 1))
    if k == 6:
        return "(%s if %s else %s)" % (a, const_expr(d + 1), const_expr(d + 1))
    return "(%s %s %s)" % (a, R.choice(["and", "or", "in", "not in", "is", "==", "<"]), const_expr(d + 1))


def constants_module(i):
    lines = []
    for j in range(R.randrange(10, 30)):
        e = const_expr()
        r = R.random()
        if r < 0.45:
            lines.append("v%d = %s" % (j, e))
        elif r < 0.6:
            # the contexts 3.14's flowgraph folds constant displays in: iteration, containment, unpacking
            a, b = const_expr(1), const_expr(1)
            lines.append(R.choice([
                "for q in [%s, %s]:\n    pass" % (a, b), "for q in {%s, %s}:\n    pass" % (a, b),
                "u%d = x in [%s, %s]" % (j, a, b), "u%d = x not in {%s, %s}" % (j, a, b),
                "u%d = [*[%s, %s], x]" % (j, a, b), "u%d = {%s, %s, x}" % (j, a, b),
                "u%d = (%s, %s)[x]" % (j, a, b), "while %s:\n    break" % a,
                "u%d = [%s] * 3" % (j, ", ".join(const_expr(2) for _ in range(R.choice([1, 3, 31, 33])))),
                "u%d = x if %s else y" % (j, a)]))
        elif r < 0.8:
            lines.append("def f%d():\n    return %s, %s" % (j, e, R.choice(LEAVES)))
        else:
            lines.append("if %s:\n    w%d = %s" % (e, j, const_expr()))
    return lines


def flow_block(ind, depth, ctx):
    """Statements for the `flow` mode: nested loops and handlers whose exits (break, continue, return, raise,
    fall-through) cross try/finally, with and except blocks, the shapes the flowgraph's jump threading, block
    ordering (cold blocks), exception table and line-number passes act on."""
    sp = "    " * ind
    out = []
    for _ in range(R.randrange(1, 4)):
        k = R.randrange(14) if depth < 4 else 0
        if k <= 2:
            out.append(sp + R.choice(["x = f(x)", "y += 1", "g()", "a.b = c", "del z", "pass", "print(x, y)"]))
        elif k == 3 and ctx["loop"]:
            out.append(sp + R.choice(["break", "continue"]))
        elif k == 4:
            out.append(sp + R.choice(["return", "return x", "return (yield)" if ctx["gen"] else "return 1"]))
        elif k == 5:
            out.append(sp + R.choice(["raise", "raise E", "raise E from None"]))
        elif k == 6:
            out.append(sp + "for %s in %s:" % (R.choice(["i", "i, j", "_"]), R.choice(["xs", "range(3)", "f()"])))
            out += flow_block(ind + 1, depth + 1, dict(ctx, loop=True))
            if R.random() < 0.3:
                out.append(sp + "else:")
                out += flow_block(ind + 1, depth + 1, ctx)
        elif k == 7:
            out.append(sp + "while %s:" % R.choice(["x", "True", "1", "not done", "x < 10"]))
            out += flow_block(ind + 1, depth + 1, dict(ctx, loop=True))
        elif k == 8:
            out.append(sp + "if %s:" % R.choice(["x", "x and y", "not x or y", "x is None", "a < b < c"]))
            out += flow_block(ind + 1, depth + 1, ctx)
            if R.random() < 0.5:
                out.append(sp + R.choice(["else:", "elif y:"]))
                out += flow_block(ind + 1, depth + 1, ctx)
        elif k in (9, 10):
            out.append(sp + "try:")
            out += flow_block(ind + 1, depth + 1, ctx)
            star = R.random() < 0.2
            n = R.randrange(0, 3)
            for _ in range(n):
                out.append(sp + "except%s %s%s:" % ("*" if star else "", R.choice(["E", "(E, F)", "Exception"]), R.choice(["", " as e"])))
                out += flow_block(ind + 1, depth + 1, ctx)
            if n and not star and R.random() < 0.3:
                out.append(sp + "else:")
                out += flow_block(ind + 1, depth + 1, ctx)
            if not n or R.random() < 0.4:
                out.append(sp + "finally:")
                out += flow_block(ind + 1, depth + 1, ctx)
        elif k == 11:
            out.append(sp + "%swith %s:" % ("async " if ctx["async"] and R.random() < 0.5 else "", R.choice(["cm", "cm as c", "a, b as d", "(a as b, c)"])))
            out += flow_block(ind + 1, depth + 1, ctx)
        elif k == 12:
            out.append(sp + "match x:")
            for pat in R.sample(["1", "[a, *b]", "{'k': v}", "C(a=1)", "_", "str() | bytes()", "(1, 2) if y"], R.randrange(1, 3)):
                pat, _, guard = pat.partition(" if ")
                out.append(sp + "    case %s%s:" % (pat, " if " + guard if guard else ""))
                out += flow_block(ind + 2, depth + 1, ctx)
        else:
            out.append(sp + R.choice(["x = [y for y in xs if y]", "x = (lambda: y)()", "x = a if b else c",
                                      "assert x, 'msg'", "x = yield x" if ctx["gen"] else "x = await y" if ctx["async"] else "x = y or z"]))
    return out


def flow_module(i):
    lines = []
    for n in range(R.randrange(2, 6)):
        kind = R.choice(["def", "def", "gen", "async"])
        ctx = {"loop": False, "gen": kind == "gen", "async": kind == "async"}
        lines.append("%sdef f%d(x, y, xs):" % ("async " if kind == "async" else "", n))
        if kind == "gen":
            lines.append("    yield x")
        lines += flow_block(1, 0, ctx)
    return lines


SCOPE_NAMES = ["a", "b", "c", "d"]


def scope_body(ind, depth, kind, bound):
    """Statements for the `scopes` mode: names bound, read, deleted and declared global or nonlocal at several
    levels of functions, classes, lambdas, comprehensions (inlined since 3.12) and type parameter scopes, the
    symbol table's and the closure analysis's work (cells, free variables, __class__, __classdict__)."""
    sp = "    " * ind
    out = []
    declared = set()
    for _ in range(R.randrange(2, 5)):
        n = R.choice(SCOPE_NAMES)
        k = R.randrange(12) if depth < 3 else R.randrange(5)
        if k == 0:
            out.append(sp + "%s = %s" % (n, R.choice(SCOPE_NAMES + ["1", "[]"])))
            bound = bound | {n}
        elif k == 1:
            out.append(sp + "print(%s)" % ", ".join(R.sample(SCOPE_NAMES, 2)))
        elif k == 2:
            v = R.choice(SCOPE_NAMES)
            out.append(sp + "%s = [%s for %s in %s if %s]" % (n, R.choice(SCOPE_NAMES), v, R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES + ["(%s := 1)" % R.choice(["w1", "w2"])]) if kind == "def" else R.choice(SCOPE_NAMES)))
            bound = bound | {n}
        elif k == 3:
            out.append(sp + "%s = lambda %s=%s: %s" % (n, R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES)))
        elif k == 4 and kind == "def" and n not in declared and n not in bound:
            decl = R.choice(["global", "nonlocal"]) if depth > 1 else "global"
            out.insert(0, sp + "%s %s" % (decl, n))
            declared.add(n)
        elif k == 5 and kind == "class":
            out.append(sp + "def m(self):")
            out.append(sp + "    return %s" % R.choice(["__class__", "super().m()", "a", "self.a", "[__class__ for _ in a]"]))
        elif k in (6, 7):
            name = "f%d_%d" % (depth, len(out))
            tp = R.choice(["", "", "[T]", "[T: a]", "[T = b]"])
            out.append(sp + "def %s%s(%s):" % (name, tp, R.choice(["", "a", "b=c", "*d"])))
            out += scope_body(ind + 1, depth + 1, "def", set())
            bound = bound | {name}
        elif k == 8:
            name = "K%d_%d" % (depth, len(out))
            tp = R.choice(["", "", "[T]", "[T: (a, b)]"])
            out.append(sp + "class %s%s(%s):" % (name, tp, R.choice(["", "a", "metaclass=b"])))
            out += scope_body(ind + 1, depth + 1, "class", set())
            bound = bound | {name}
        elif k == 9:
            out.append(sp + "del %s" % n)
        elif k == 10:
            out.append(sp + "type A%d[T] = list[T | %s]" % (len(out), n))
        else:
            out.append(sp + "%s = {%s: %s for %s in %s}" % (n, R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES), R.choice(SCOPE_NAMES)))
    return out or [sp + "pass"]


def scopes_module(i):
    lines = []
    for n in range(R.randrange(2, 5)):
        kind = R.choice(["def", "def", "class"])
        if kind == "def":
            lines.append("def top%d(a, b):" % n)
        else:
            lines.append("class Top%d:" % n)
        lines += scope_body(1, 1, kind, set())
    return lines


def programs_module(i):
    g = G()
    lines = []
    if R.random() < 0.2:
        lines.append("from __future__ import annotations")
    lines.append('"""Module %d."""' % i if R.random() < 0.5 else "# no docstring")
    for _ in range(R.randrange(3, 9)):
        if R.random() < 0.6:
            g.depth = 0
            lines += g.funcdef(0)
        else:
            lines += g.stmt(0)
    return lines


def reflow(text):
    """Breaks lines after opening brackets, commas and some operators inside brackets, at random."""
    lines = text.split("\n")
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return text
    depth = 0
    cuts = []
    for t in toks:
        if t.type != tokenize.OP:
            continue
        if t.string in "([{":
            depth += 1
            if R.random() < 0.3:
                cuts.append(t.end)
        elif t.string in ")]}":
            depth -= 1
        elif t.string in (",", "+") and depth > 0 and R.random() < 0.3:
            cuts.append(t.end)
    for row, col in sorted(cuts, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + "\n" + " " * R.choice([0, 1, 4, 9, 13]) + line[col:]
    return "\n".join(lines)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = [a for a in argv if a.startswith("--")]
    if len(args) != 3:
        raise SystemExit(__doc__)
    out, seed, count = args[0], int(args[1]), int(args[2])
    mode = "programs"
    for o in opts:
        if o.startswith("--mode="):
            mode = o.split("=", 1)[1]
    if "--mode" in opts:
        raise SystemExit("use --mode=programs or --mode=annotations")
    if mode not in ("programs", "annotations", "constants", "flow", "scopes"):
        raise SystemExit("unknown mode " + mode)
    R.seed(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        lines = {"programs": programs_module, "annotations": annotations_module, "constants": constants_module,
                 "flow": flow_module, "scopes": scopes_module}[mode](i)
        text = "\n".join(lines) + "\n"
        if "--reflow" in opts:
            text = reflow(text)
        head = "# jpyc: feature generated program (tools/fuzz/gen_programs.py, %s, seed %d)\n# jpyc: optimize 0,1,2\n" % (mode, seed)
        with open(os.path.join(out, "g%04d.py" % i), "w", encoding="utf-8") as f:
            f.write(head + text)


if __name__ == "__main__":
    main(sys.argv[1:])
