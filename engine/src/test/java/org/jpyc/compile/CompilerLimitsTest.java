package org.jpyc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs at CPython's limits (recursion in the compiler's stages, the parser's stack, nested
 * parentheses, f-strings, indentation and blocks, marshal depth, the int digit limit) and invalid
 * UTF-8 in literals and identifiers: jpyc's outcome (compiles, or the error's type, message and
 * line) must be CPython 3.13's (skipped without the interpreter).
 */
class CompilerLimitsTest {
    @BeforeAll
    static void start() {
        CompilerFuzzTest.start();
    }

    @AfterAll
    static void stop() {
        CompilerFuzzTest.stop();
    }

    static Map<String, byte[]> cases() {
        Map<String, String> c = new LinkedHashMap<>();
        for (int n : new int[] {9000, 10100}) {
            c.put("binop" + n, "x = " + String.join("+", Collections.nCopies(n, "a")) + "\n");
            c.put("attr" + n, "x = a" + ".b".repeat(n) + "\n");
            c.put("call" + n, "def f():\n    return g" + "()".repeat(n) + "\n");
        }
        c.put("unary", "x = " + "-".repeat(7000) + "1\n");
        c.put("parens200", "x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n");
        c.put("parens201", "x = " + "(".repeat(201) + "1" + ")".repeat(201) + "\n");
        c.put("lambdas500", "x = " + "lambda: ".repeat(500) + "1\n");
        c.put("lambdas1000", "x = " + "lambda: ".repeat(1000) + "1\n");
        c.put("int4300", "x = " + "9".repeat(4300) + "\n");
        c.put("int4301", "x = 1\ny = " + "9_".repeat(4300) + "9\n");
        c.put("hexhuge", "x = 0x" + "f".repeat(20000) + "\n");
        StringBuilder indent = new StringBuilder();
        for (int i = 0; i < 100; i++) indent.append(" ".repeat(i)).append("if x:\n");
        c.put("indent100", indent.append(" ".repeat(100)).append("pass\n").toString());
        for (int n : new int[] {20, 21}) {
            StringBuilder loops = new StringBuilder();
            for (int i = 0; i < n; i++) loops.append("    ".repeat(i)).append("for i in x:\n");
            c.put("blocks" + n, loops.append("    ".repeat(n)).append("pass\n").toString());
        }
        String f = "x";
        for (int i = 0; i < 150; i++) f = "f\"{" + f + "}\"";
        c.put("fstrings150", "y = " + f + "\n");
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : c.entrySet()) out.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        // invalid UTF-8 (each byte array is Latin-1 text here: one char per byte)
        String[] bad = {
            "x = \"\u00ce\"\n", "x = \"\u00e2\u0080\"\n", "x = b\"\u00ce\"\n", "x = \"ab\\n\u00ce\"\n", "x = r\"ab\u00ce\"\n",
            "x = f\"\u00ce\"\n", "x = f\"{a}ok\u00c3\u00a9 \u00ce\"\n", "x = rf\"a{x}b\u00ce\"\n", "x\u00ce = 1\n",
            "print(a, \u00c3\u0091and\u00c3)\n",
        };
        for (int i = 0; i < bad.length; i++) out.put("utf8_" + i, bad[i].getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    @Test
    void outcomesAreCPythons() throws Exception {
        Optional<Path> python = PyCompileOracle.python313();
        assumeTrue(python.isPresent(), "no CPython 3.13");
        Map<String, byte[]> cases = cases();
        Map<String, String> theirs = CPythonOutcomes.of(python.get(), cases);
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : cases.entrySet()) {
            String ours = CompilerFuzzTest.outcome(e.getValue(), "<fuzz>");
            if (!ours.equals(theirs.get(e.getKey()))) differ.add(e.getKey() + ": jpyc " + ours + " | CPython " + theirs.get(e.getKey()));
        }
        assertEquals(List.of(), differ);
    }
}
