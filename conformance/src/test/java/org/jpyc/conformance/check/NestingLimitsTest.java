package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.compile.Compiler;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.OracleProvider;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.oracle.PyError;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Where nesting stops compiling, against real CPython: for each shape below, the largest number of
 * inner operators that the interpreter (embedded; 3.15's in its offline container image, when the Docker
 * engine holds it) still compiles, found by bisection over its answers (which the driver makes with a
 * fresh py_compile's recursion headroom), must compile with jpyc too, and one more must fail with
 * CPython's exception (type, message, position). Two limits decide it: pegen's
 * MAXSTACK on the parser's rule depth ("Parser stack overflowed", a bare MemoryError before 3.12), and
 * the AST optimizer's and symbol table's recursion limit ({@code CompilerLimits}). The generated
 * parser's shortcuts skip rule calls and add their levels to the depth instead (expression_chain and
 * chain_entry in tools/gen_parser.py); these thresholds are what shows that count exact. The shapes wrap
 * a run of unary or binary operators in P brackets (the tokenizer allows 199 levels), each bracket
 * reaching the expression rules by another path. Shapes that only the compiler's limit stops are not
 * run from 3.14 on ({@code Feature.COMPILER_STACK_CHECK}): there CPython bounds the C stack, at a depth
 * its build's frame sizes set, which jpyc does not model.
 */
class NestingLimitsTest {
    /** A source with {@code p} levels around {@code m} inner operators. */
    private record Shape(String name, int p, String open, String inner, String core, String close, boolean compilerLimit) {
        Shape(String name, int p, String open, String inner, String core, String close) {
            this(name, p, open, inner, core, close, false);
        }

        String source(int m) {
            return "x = " + open.repeat(p) + inner.repeat(m) + core + close.repeat(p) + "\n";
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("parentheses, unary minus", 199, "(", "-", "1", ")"),
            new Shape("parentheses, unary minus (the compiler's limit first before 3.13)", 100, "(", "-", "1", ")"),
            new Shape("unary minus", 0, "", "-", "1", ""),
            new Shape("additions (the compiler's limit)", 0, "", "1+", "1", "", true),
            new Shape("lists, not", 199, "[", "not ", "x", "]"),
            new Shape("calls, unary minus", 199, "f(", "-", "1", ")"),
            new Shape("keyword arguments, unary minus", 199, "f(a=", "-", "1", ")"),
            new Shape("subscripts, invert", 199, "a[", "~", "1", "]"),
            new Shape("conditions of conditional expressions, unary minus", 150, "(1 if ", "-", "1", " else 2)"),
            new Shape("lambda bodies, unary minus", 150, "(lambda: ", "-", "1", ")"),
            new Shape("assignment expressions, unary plus", 199, "(y := ", "+", "1", ")"));

    /** More inner operators than any version compiles at any P above. */
    private static final int MAX_M = 12000;

    @TestFactory
    Stream<DynamicTest> nestingLimitsAreCPythons() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PyVersion v : Compiler.targets()) {
            if (Oracles.hasEmbeddedBuild(v)) {
                tests.add(DynamicTest.dynamicTest(v.toString(), () -> check(v, "embedded")));
            } else {
                // 3.15: its interpreter is in an offline container image (docker/offline), when the engine holds it
                tests.add(DynamicTest.dynamicTest(v + " (docker)", () -> {
                    Assumptions.assumeTrue(Oracles.offlineImagePresent(v),
                            "no embedded build of " + v + ", and no Docker engine holding " + Oracles.offlineImage(v));
                    check(v, "docker");
                }));
            }
        }
        return tests.stream();
    }

    private static void check(PyVersion v, String providerName) {
        OracleProvider provider = Oracles.provider(providerName, OracleOptions.defaults());
        List<String> failures = new ArrayList<>();
        try (Oracle oracle = provider.open(v)) {
            for (Shape s : SHAPES) {
                if (s.compilerLimit() && v.has(Feature.COMPILER_STACK_CHECK)) continue; // see the class comment
                PyError none = cpython(oracle, s.source(0));
                assertNull(none, s.name() + " with no inner operator: " + none);
                PyError expected = cpython(oracle, s.source(MAX_M)); // what CPython raises at hi
                assertNotNull(expected, s.name() + ": " + MAX_M + " inner operators compile");
                int lo = 0, hi = MAX_M; // lo compiles, hi does not
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    PyError e = cpython(oracle, s.source(mid));
                    if (e == null) {
                        lo = mid;
                    } else {
                        hi = mid;
                        expected = e;
                    }
                }
                String atLimit = jpyc(v, s.source(lo));
                if (atLimit != null) failures.add(s.name() + ", " + lo + " inner operators: CPython compiles, jpyc raises " + atLimit);
                String past = jpyc(v, s.source(hi));
                String want = expected.type() + ": " + expected.message() + " at " + expected.lineno() + ":" + expected.offset();
                if (!want.equals(past)) failures.add(s.name() + ", " + hi + " inner operators: CPython raises " + want + ", jpyc " + past);
            }
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    /** What CPython's compile of {@code source} raised, or null. */
    private static PyError cpython(Oracle oracle, String source) {
        SourceAnswer a = oracle.compile(List.of(new SourceRequest("deep.py", source.getBytes(StandardCharsets.UTF_8), 0,
                List.of(PycVariant.DEFAULT), false, false))).get(0);
        return a.compileError();
    }

    /** What jpyc's compile of {@code source} raised (as {@link #check} compares it), or null. */
    private static String jpyc(PyVersion v, String source) {
        try {
            Compiler.compile(source.getBytes(StandardCharsets.UTF_8), "deep.py", v, 0);
            return null;
        } catch (PyCompileError e) {
            return e.pythonType() + ": " + e.pythonMessage() + " at " + e.lineno() + ":" + e.offset();
        }
    }
}
