package org.jpyc.astopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpyc.ast.AstDump;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Module;
import org.jpyc.ast.StmtNode;
import org.jpyc.parse.Parser;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Folding edge cases against CPython 3.13's own optimized tree (skipped when the interpreter is
 * absent): each top-level statement's dump must be the one CPython prints, at -O0 and -O1.
 */
class AstOptimizerCPythonTest {
    /** Statements exercising each fold, guard and rewrite of ast_opt.c. */
    static final String CASES = """
x = 'a' + 'b'
'doc' + 'string'
x = '%s' % (a,)
x = '%s %r %a' % (a, b, c)
x = '%5s|%-5s|%.3s|%5.2r|%-10.1a' % (a, b, c, d, e)
x = '%s %s' % (a,)
x = '%s' % (a, b)
x = '%d' % (a,)
x = '%%s %s %%' % (a,)
x = '100%% %s' % (a,)
x = '%s' % (*a,)
x = '%s' % (1,)
x = '%s%s' % (a, 1)
x = 'x%' % (a,)
x = '%123s' % (a,)
x = '%12s' % (a,)
x = '%.12s' % (a,)
x = '%.123s' % (a,)
x = '%.s' % (a,)
x = '%+s %#r % a %0s' % (a, b, c, d)
x = '%(a)s' % (a,)
x = '%*s' % (a, b)
x = 'é%sü' % (a,)
x = b'%s' % (a,)
x = '' % ()
x = '%s' % (a.b, c[d])
x = f'{a}' % (b,)
for i in [1, 2, 3]: pass
for i in [a, b]: pass
for i in [*a, b]: pass
for i in {1, 2, 3}: pass
for i in {1, 1.0, True, 2}: pass
for i in {a, 1}: pass
for i in []: pass
async def f():
    async for i in [1, 2]: pass
    [i async for i in [1, 2]]
x = [i for i in [1, 2] if i in [3, 4]]
x = {i for i in {1, 2}}
x = (i for i in (1, 2))
x = a in [1, 2]
x = a not in {1, 2}
x = a in [b, c]
x = a in {b, c}
x = a in [1, 2] in [3, 4]
x = a in [1, 2] == [3, 4]
x = a < b in [1]
x = not a is b
x = not a is not b
x = not a in b
x = not a not in b
x = not a == b
x = not a < b
x = not a is b is c
x = not (a is b)
x = __debug__
__debug__ = 1
x = a.__debug__
if __debug__: pass
x = (1, 2, 3)
x = (1, (2, 3), [4])
(a, b) = 1, 2
x = (1, *a)
x = ()
x = 'abc'[1]
x = 'abc'[-1]
x = 'abc'[5]
x = 'abc'[1:2]
x = (1, 2)[0]
x = b'ab'[1]
x = 'abc'[True]
x[1] = 2
del x[1]
x = 2 ** 64
x = 2 ** 128
x = 2 ** 129
x = 3 ** 80
x = 3 ** 81
x = (-1) ** 128
x = (-1) ** 129
x = 1 ** 200
x = 1 << 127
x = 1 << 128
x = 2 << 126
x = 2 << 127
x = 0 << 1000
x = 1 << 0
x = 1 << -1
x = (1 << 64) * (1 << 64)
x = (1 << 64) * (1 << 63)
x = 'a' * 4096
x = 'a' * 4097
x = 'ab' * 2048
x = 'ab' * 2049
x = 4096 * 'a'
x = b'a' * 4097
x = (1,) * 256
x = (1,) * 257
x = (1, 2) * 128
x = ((1, 2, 3),) * 255
x = ((1, 2, 3),) * 256
x = ((1,2,3,4),) * 250
x = (((1,2),(3,4)),) * 100
x = '' * 10**30
x = '' * -5
x = 'a' * -5
x = () * 10**30
x = '' * 2**62
x = () * 2**62
x = b'' * -2**62
x = 2**62 * ''
x = 'a' * True
x = 1.5 * 'a'
x = -(-(-(1)))
x = ~~5
x = not not 0
x = not ()
x = not (1,)
x = +True
x = -True
x = ~True
x = 1 + 2 * 3 - 4 / 5 // 6 % 7
x = 7 // 2, -7 // 2, 7 // -2, -7 % 3, 7 % -3, 7.5 // 2, -7.5 // 2, 7.5 % -2, -0.0 % 5, 0.0 % -5, -7.5 % 0.5
x = 10**20 / 3, 2**1000 / 3**600, 1 / 3, (2**100 + 1) / 2**100, 2**1100 / 2**80, 1 / 2**1074, 1 / 2**1075, 3 / 2**1076, 2**1024 // 1 / 1
x = 10**400 / 10**399, (10**309) / 10, 1e300 * 10**300
x = 1e308 + 1e308, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10
x = 2.0 ** 1024, 2.0 ** -1075, 10.0 ** -320, (-2.0) ** 0.5, (-8) ** (1/3), 0.0 ** -1, 0 ** -1, 0 ** 0, 0.0 ** 0
x = 10 ** -1, 10 ** -2, 10 ** -3, 2 ** -1074, 2 ** -1075, 7 ** -300, 10 ** -400
x = 1.1 ** 2.2, 3.7 ** 0.3, 100.0 ** 0.5, 2.0 ** 0.5, 1e10 ** 0.1, 0.5 ** 1000.5, 1.0000001 ** 1e10
x = (1+2j) ** 2, (1+2j) ** -3, (1+2j) ** 0.5, 2 ** (1+1j), 0j ** 0, 0j ** -1, 0j ** 1j, (1e300+1e300j) ** 2
x = (1+2j) / (3-4j), 1j / 0, (1+2j) / 0.0, 1 / 1j, 1e308j * 10, (1e200+1e200j) * (1e200+1e200j)
x = 5 // 0, 5 % 0, 5.0 // 0.0, 5 / 0, 1j // 1, 1j % 1
x = True + True, True * 3, True & False, True | False, True ^ True, True & 1, 3 & True
x = (1, 2) + (3,), 'a' + 'b', b'a' + b'b', 'a' + b'b', (1,) + [2]
x = 10**4300 + 1
x = 1 >> 1000, -1 >> 1000, -5 >> 1, 5 >> 10**30, -5 >> 10**30
x = None + 1, ... * 2, 'a' - 'b', 'a' @ 'b'
x = "abc" "def"
def g():
    'doc'
    return 1
def h():
    'a' 'b' + 'c'
def k():
    ('a' * 2)
class C:
    'x' + 'y'
    z = 1
x = 1.5e300 * 1.5e300
x = -0.0, +(-0.0), -(0.0), 0.0 * -1
x = (lambda a=1+2: a)
def ff(a: 1+2 = 3+4, *b: 'x'*2, c: [1][0]=5, **d: 2**3) -> 2+2: pass
x: 1+1 = 2+2
match x:
    case -1: pass
    case 1+2j: pass
    case -1-2j: pass
    case {1+1j: a}: pass
    case [1, -2, *r]: pass
    case C(a=-1): pass
    case (1|2) as z: pass
type T = 1 + 2
def gen[T: 1+2](): pass
x = {1: 2+3, **a}
x = a if 1+1 else 2*3
x = [a := 1+2]
x = a[1+2:3*4:5-6]
x = f'{1+2:{3*4}}'
x = print(1+2, *[3+4], k=5+6, **{7: 8})
x = 'x' * 0
x = (1,) * 0
x = (a,) * 3
x = 'abc'[10**30]
x = (1e400, -1e400, 1e400-1e400)
x = {1.0, 1, True}
x = 3 in {1, 2}
x = 3 in {(1, 2), frozenset()}
x = 2 ** 0.5 ** 2
x = (1+0j) ** 101, (1+0j) ** 100, (1.5+0j) ** 100.5
""";

    /** Operand sources for the operator matrix. */
    static final String[] VALUES = {"0", "1", "-1", "-7", "2**63", "-2**64", "0.0", "-0.0", "1.5", "-2.5",
        "1e308", "1e-310", "1e400", "(1e400-1e400)", "1j", "(2+3j)", "-0j", "True", "False", "None", "'ab'", "''",
        "'\\u00e9'", "b'xy'", "(1, 2)", "()", "x"};
    static final String[] OPERATORS = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^", "&", "@"};

    static String operatorMatrix() {
        StringBuilder sb = new StringBuilder();
        for (String a : VALUES) {
            for (String b : VALUES) {
                for (String op : OPERATORS) sb.append("x = (").append(a).append(") ").append(op).append(" (").append(b).append(")\n");
            }
            for (String u : new String[] {"-", "+", "~", "not "}) sb.append("x = ").append(u).append('(').append(a).append(")\n");
            for (String i : new String[] {"0", "-1", "5", "True", "1.0", "10**20"}) sb.append("x = (").append(a).append(")[").append(i).append("]\n");
        }
        return sb.toString();
    }

    static String jpycDumps(String source, int optimize) {
        return jpycDumps(source, optimize, PyVersion.V3_13);
    }

    static String jpycDumps(String source, int optimize, PyVersion v) {
        ModNode m = Parser.parse(source.getBytes(StandardCharsets.UTF_8), v);
        AstOptimizer.optimize(m, optimize, 0, v);
        StringBuilder sb = new StringBuilder();
        for (StmtNode s : ((Module) m).body()) sb.append(AstDump.dump(s, v)).append('\n');
        return sb.toString();
    }

    private static void compare(String source, int optimize, String target) throws Exception {
        PyVersion v = PyVersion.parse(target);
        Optional<Path> python = org.jpyc.testing.EmbeddedPython.find(target);
        assumeTrue(python.isPresent(), "CPython " + target + " not present");
        String[] want = Interpreter313.optimizedStatementDumps(python.get(), source, optimize).split("\n", -1);
        String[] got = jpycDumps(source, optimize, v).split("\n", -1);
        String[] lines = source.split("\n", -1);
        List<String> bad = new ArrayList<>();
        assertEquals(want.length, got.length, "statement count");
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals(got[i])) bad.add("statement " + (i + 1) + "\n  CPython: " + want[i] + "\n  jpyc:    " + got[i]);
        }
        assertEquals(List.of(), bad.size() > 20 ? bad.subList(0, 20) : bad, bad.size() + " statements differ");
    }

    /** 3.14's ast_preprocess.c folds far less (the rest moved to the CFG) and drops docstrings at -OO. */
    @ParameterizedTest
    @CsvSource({"3.13, 0", "3.13, 1", "3.14, 0", "3.14, 1", "3.14, 2"})
    void edgeCasesMatchCPython(String target, int optimize) throws Exception {
        compare(CASES, optimize, target);
    }

    @ParameterizedTest
    @CsvSource({"3.13, 0", "3.14, 0"})
    void operatorMatrixMatchesCPython(String target, int optimize) throws Exception {
        compare(operatorMatrix(), optimize, target);
    }
}
