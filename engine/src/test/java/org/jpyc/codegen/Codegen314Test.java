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
 * The 3.14 code generator deltas (outside annotations and template strings) against 3.14.3's
 * {@code _testinternalcapi.compiler_codegen}, with its AST preprocessing: one source per delta.
 */
class Codegen314Test {
    static final List<String> SOURCES = List.of(
            // POP_ITER, NOP at the target, single GET_ITER in comprehensions
            "for i in c:\n    pass\nelse:\n    x = 1\nfor a, b in d: break\n",
            "g = (x for x in a for y in b if y)\nl = [x for x in a for y in b]\nasync def f():\n    return [x async for x in a]\n",
            // LOAD_SPECIAL, CALL 3 on exit, unwinding a with block with a value
            "with a as b, c:\n    pass\nasync def f():\n    async with a as b:\n        pass\ndef g():\n    with a:\n        return f()\n",
            // LOAD_COMMON_CONSTANT
            "assert x, 'm'\nassert y\n",
            // BINARY_OP NB_SUBSCR, constant slices
            "a[1]\na[b] += 1\ndel a[c]\na[1:2]\na[::2]\na[x:1]\na[1:2] = 3\n",
            // JUMP_IF_FALSE / JUMP_IF_TRUE, compare chains
            "x = a and b or c\ny = a < b < c\nif a < b < c: pass\n",
            // CALL_FUNCTION_EX always with a kwargs slot
            "f(*a)\nf(*a, **k)\nf(a, b=1)\no.m(*a)\nf(**k)\nf(*a, b=1, c=2)\n",
            // co_consts[0] only for a docstring; lambdas; kw-only defaults without BUILD_CONST_KEY_MAP
            "def f(a):\n    return 1\ndef g():\n    'doc'\n    return 2\nl = lambda: 3\nclass C:\n    'cdoc'\n"
                    + "def k(a, *, b=1, c=2):\n    'kd'\n    return a\n",
            // no AST folding, no BUILD_CONST_KEY_MAP, constant displays built item by item
            "x = {'a': 1, 'b': 2}\ny = 1 in [1, 2]\nz = (1, 2, 3)\nw = -1\nv = 2 ** 8\ns = 'a' 'b'\nt = not (a is b)\n",
            // match: folded pattern constants (3.14 mixed-mode complex), NEXT_LOCATION
            "match x:\n    case -1: pass\n    case 1+2j: pass\n    case {-0-0j: a}: pass\n    case [-1.5, -2-3j, 0-0j]: pass\n",
            // while: the test once, at the top
            "while a < b:\n    a += 1\nelse:\n    pass\n",
            // all/any/tuple of a generator expression
            "a = all(x for x in y)\nb = any(x for x in y)\nt = tuple(x for x in y)\n",
            // inlined comprehensions in a class body save only the names they bind
            "class T:\n    w = {name: len(name) * 2 for name in columns}\n    v = [a + b for a in c]\n",
            // -OO docstring removal (a body of only a docstring keeps a pass)
            "'mdoc'\nclass C:\n    'cdoc'\n    x = 1\nasync def g():\n    'gdoc'\ndef h():\n    'only'\n");

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void deltasMatchCPython314(int optimize, @TempDir Path dir) throws Exception {
        assumeTrue(CodegenCompare.interpreterPresent(PyVersion.V3_14), "CPython 3.14 not installed");
        CodegenCompare.SourcesRun run = CodegenCompare.runSources(PyVersion.V3_14, optimize, SOURCES, dir);
        assertEquals(SOURCES.size(), run.result().files());
        assertEquals(0, run.result().unitsDiffering(), run.report());
    }
}
