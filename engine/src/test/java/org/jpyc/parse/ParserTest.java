package org.jpyc.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jpyc.ast.Assign;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Module;
import org.jpyc.ast.Name;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structure and limits of the generated parser (equality with CPython is checked against CPython itself elsewhere). */
class ParserTest {
    private static final PyVersion V = PyVersion.parse("3.13");

    private static Module parse(String src) {
        return (Module) Parser.parse(src.getBytes(StandardCharsets.UTF_8), V);
    }

    private static PyCompileError error(String src) {
        return assertThrows(PyCompileError.class, () -> parse(src));
    }

    @Test
    void assignmentTargetsAreStoreAndPositionsCoverTheSource() {
        Module m = parse("x = a + b\n");
        Assign a = assertInstanceOf(Assign.class, m.body().get(0));
        assertEquals(ExprContextNode.Store, ((Name) a.targets().get(0)).ctx());
        BinOp b = assertInstanceOf(BinOp.class, a.value());
        assertEquals(4, b.colOffset());
        assertEquals(9, b.endColOffset());
        assertEquals(0, a.colOffset());
    }

    @Test
    void leftRecursionBuildsLeftNestedTrees() {
        BinOp top = (BinOp) ((Assign) parse("x = a - b - c\n").body().get(0)).value();
        assertInstanceOf(BinOp.class, top.left());
        assertInstanceOf(Name.class, top.right());
    }

    @Test
    void adjacentStringsAndFStringsJoin() {
        Assign a = (Assign) parse("x = 'a' 'b'\ny = f'{x}' 'c'\n").body().get(0);
        assertInstanceOf(Constant.class, a.value());
        Assign b = (Assign) parse("y = f'{x}' 'c'\n").body().get(0);
        assertEquals(2, ((JoinedStr) b.value()).values().size());
    }

    @Test
    void columnsAreUtf8Bytes() {
        Assign a = (Assign) parse("\u00e9 = 1\n").body().get(0);
        assertEquals(2, a.targets().get(0).endColOffset());
    }

    @Test
    void errorsAreTypedWithPositions() {
        PyCompileError e = error("x = (1 +)\n");
        assertEquals("SyntaxError", e.pythonType());
        assertEquals(1, e.lineno());
        assertEquals("IndentationError", error("x = 1\n  y = 2\n").pythonType());
        assertTrue(error("f(**k, *a)\n").pythonMessage().startsWith("iterable argument unpacking"));
    }

    /** {@code type msg lineno offset end_lineno end_offset} of the error {@code src} gets on {@code version}. */
    private static String errorOn(String version, String src) {
        PyCompileError e = assertThrows(PyCompileError.class,
                () -> Parser.parse(src.getBytes(StandardCharsets.UTF_8), PyVersion.parse(version)));
        return e.pythonType() + " " + e.pythonMessage() + " " + e.lineno() + " " + e.offset() + " " + e.endLineno() + " " + e.endOffset();
    }

    /** Each as the embedded CPython 3.10.8 / 3.13.5 / 3.14.3 and 3.15.2 give it (corpus cases errors/... check them against CPython). */
    @Test
    void errorDeltasBetweenVersions() {
        // SOFT_KEYWORD took any prefix of a soft keyword ("c" of "case") until 3.14 (python/cpython#130077)
        assertEquals("SyntaxError invalid syntax 1 5 1 6", errorOn("3.13", "f(c d)\n"));
        assertEquals("SyntaxError invalid syntax. Perhaps you forgot a comma? 1 3 1 6", errorOn("3.14", "f(c d)\n"));
        assertEquals("SyntaxError invalid syntax. Perhaps you forgot a comma? 1 3 1 6", errorOn("3.15", "f(c d)\n"));
        // "arguments" until 3.15's python/cpython#133379
        assertEquals("SyntaxError named arguments must follow bare * 1 7 1 8", errorOn("3.14", "def f(*): pass\n"));
        assertEquals("SyntaxError named parameters must follow bare * 1 7 1 8", errorOn("3.15", "def f(*): pass\n"));
        // no invalid target in a comparison: the generic error at the first pass's last token
        assertEquals("SyntaxError invalid syntax 1 7 1 8", errorOn("3.10", "for i < (): pass\n"));
        assertEquals("SyntaxError invalid syntax 1 7 1 8", errorOn("3.14", "for i < (): pass\n"));
        // 3.10.8's backports
        assertEquals("SyntaxError cannot assign to True 1 3 1 8", errorOn("3.10", "f(True=1)\n"));
        assertEquals("SyntaxError expected ':' 1 8 1 8", errorOn("3.10", "class A\n  pass\n"));
        assertEquals("SyntaxError f-string: empty expression not allowed 1 8 1 8", errorOn("3.10", "f'{!r}'\n"));
        assertEquals("SyntaxError f-string: expression required before '!' 1 8 1 8", errorOn("3.11", "f'{!r}'\n"));
        // incompatible string prefixes are a tokenizer error from 3.14; its columns are characters from 3.15
        assertEquals("SyntaxError invalid syntax 1 3 1 5", errorOn("3.13", "ub''\n"));
        assertEquals("SyntaxError 'u' and 'b' prefixes are incompatible 1 6 1 8", errorOn("3.14", "\u00e9 = ub''\n"));
        assertEquals("SyntaxError 'u' and 'b' prefixes are incompatible 1 5 1 7", errorOn("3.15", "\u00e9 = ub''\n"));
        assertEquals("SyntaxError cannot assign to t-string expression here. Maybe you meant '==' instead of '='? 1 1 1 7",
                errorOn("3.14", "t'{x}' = 42\n"));
    }

    @Test
    void deepNestingHitsCpythonLimitsNotTheJavaStack() {
        assertEquals("MemoryError", error("x = " + "-".repeat(20000) + "1\n").pythonType());
        assertEquals("too many nested parentheses", error("x = " + "(".repeat(300) + "\n").pythonMessage());
        assertEquals("RecursionError", error("x = " + "a+".repeat(20000) + "a\n").pythonType());
    }

    /**
     * Parsing starts on the caller's thread and moves to a deep-stack thread past {@link Parser#SHALLOW_DEPTH}
     * rule levels: a caller with a small stack still gets CPython's answers, shallow and deep, and the
     * deep input's rule levels (unary minus nests factor rules) are far past the shallow limit.
     */
    @Test
    void deepSourcesLeaveTheCallersSmallStack() throws InterruptedException {
        Object[] out = new Object[3];
        Thread t = new Thread(null, () -> {
            out[0] = parse("x = 1\n").body().size();
            out[1] = parse("x = " + "-".repeat(1500) + "1\n").body().size();
            out[2] = error("x = " + "-".repeat(20000) + "1\n").pythonType();
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertEquals(1, out[0]);
        assertEquals(1, out[1]);
        assertEquals("MemoryError", out[2]);
    }

    /** Which sources make CPython's parser import unicodedata (a named escape in a str, a non-ASCII identifier): each
     *  answer as 3.10.8, 3.12.1 and 3.14.3 give it ({@code "unicodedata" in sys.modules} after {@code compile}). */
    @Test
    void namedEscapesAndNonAsciiIdentifiersImportUnicodedata() {
        String[] imports = {"s = '\\N{BULLET}'\n", "s = 'a' '\\\\\\N{BULLET}'\n", "s = f'{x}\\N{BULLET}'\n", "caf\u00e9 = 1\n",
            "s = f'{caf\u00e9}'\n", "s = f'{x:\\N{BULLET}}'\n"};
        String[] none = {"s = '\\\\N{BULLET}'\n", "s = r'\\N{BULLET}'\n", "s = b'\\\\N'\n", "s = rf'{x}\\N{BULLET}'\n",
            "# caf\u00e9 \\N{BULLET}\ns = 'caf\u00e9'\n"};
        for (String v : new String[] {"3.10", "3.11", "3.12", "3.14"}) {
            PyVersion pv = PyVersion.parse(v);
            for (String src : imports) {
                assertTrue(Parser.parseForCompile(src.getBytes(StandardCharsets.UTF_8), pv).importedUnicodedata(), v + ": " + src);
            }
            for (String src : none) {
                assertEquals(false, Parser.parseForCompile(src.getBytes(StandardCharsets.UTF_8), pv).importedUnicodedata(), v + ": " + src);
            }
        }
    }
}
