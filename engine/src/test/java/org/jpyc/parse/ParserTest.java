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
}
