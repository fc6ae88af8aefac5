package org.jpyc.astopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Assign;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Expr;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Module;
import org.jpyc.ast.Name;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Tuple;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyTuple;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structural properties of the optimizer that need no interpreter. */
class AstOptimizerTest {
    private static final PyVersion V = PyVersion.V3_13;

    private static Module optimized(String src, int optimize) {
        Module m = (Module) Parser.parse(src.getBytes(StandardCharsets.UTF_8), V);
        AstOptimizer.optimize(m, optimize, 0, V);
        return m;
    }

    private static ExprNode value(Module m, int i) {
        StmtNode s = m.body().get(i);
        return s instanceof Assign a ? a.value() : ((Expr) s).value();
    }

    /** {@code a+a+...+a} (or with constants) as a left-nested chain of {@code n} BinOps, built directly. */
    private static Module chain(int n, boolean constants) {
        ExprNode e = constants ? new Constant(PyInt.of(1), null) : new Name("a", ExprContextNode.Load);
        e.setPosition(1, 0, 1, 1);
        for (int i = 0; i < n; i++) {
            ExprNode r = constants ? new Constant(PyInt.of(1), null) : new Name("a", ExprContextNode.Load);
            r.setPosition(1, 0, 1, 1);
            e = new BinOp(e, OperatorNode.Add, r, 1, 0, 1, 1);
        }
        List<StmtNode> body = new ArrayList<>();
        body.add(new Expr(e, 1, 0, 1, 1));
        return new Module(body, new ArrayList<>());
    }

    @Test
    void foldedNodeTakesTheOperationsPosition() {
        Constant c = assertInstanceOf(Constant.class, value(optimized("x = 1 + 2\n", 0), 0));
        assertEquals(3, ((PyInt) c.value()).longValue());
        assertEquals(4, c.colOffset());
        assertEquals(9, c.endColOffset());
        assertEquals(null, c.kind());
    }

    @Test
    void debugIsAConstantOfTheOptimizationLevel() {
        assertSame(PyConst.TRUE, ((Constant) value(optimized("x = __debug__\n", 0), 0)).value());
        assertSame(PyConst.FALSE, ((Constant) value(optimized("x = __debug__\n", 2), 0)).value());
    }

    @Test
    void notOfIdentityTestIsInverted() {
        Compare c = assertInstanceOf(Compare.class, value(optimized("x = not a is b\n", 0), 0));
        assertEquals(List.of(CmpopNode.IsNot), c.ops());
        assertEquals(8, c.colOffset()); // the comparison's own position
    }

    @Test
    void listInForBecomesTuple() {
        Module m = optimized("for i in [a, b]: pass\nfor i in [1, 2]: pass\n", 0);
        assertInstanceOf(Tuple.class, ((org.jpyc.ast.For) m.body().get(0)).iter());
        Constant c = assertInstanceOf(Constant.class, ((org.jpyc.ast.For) m.body().get(1)).iter());
        assertEquals(2, ((PyTuple) c.value()).size());
    }

    @Test
    void foldedFirstStringIsNotADocstring() {
        Module m = optimized("'a' + 'b'\n", 0);
        JoinedStr js = assertInstanceOf(JoinedStr.class, value(m, 0));
        assertInstanceOf(Constant.class, js.values().get(0));
        assertInstanceOf(Constant.class, value(optimized("'ab'\n", 0), 0));
    }

    @Test
    void sizeGuardsStopFolding() {
        assertInstanceOf(BinOp.class, value(optimized("x = 2 ** 65\n", 0), 0));
        assertInstanceOf(Constant.class, value(optimized("x = 2 ** 64\n", 0), 0));
        assertInstanceOf(BinOp.class, value(optimized("x = 'a' * 4097\n", 0), 0));
        assertInstanceOf(BinOp.class, value(optimized("x = 1 / 0\n", 0), 0));
    }

    @Test
    void deepTreeFoldsWithoutStackOverflow() {
        Module m = chain(9000, true);
        AstOptimizer.optimize(m, 0, 0, V);
        assertEquals(9001, ((PyInt) ((Constant) value(m, 0)).value()).longValue());
    }

    @Test
    void tooDeepTreeIsARecursionError() {
        // Expr statement (1) + BinOps + leaf, counted from the start depth, against the C limit.
        int fits = org.jpyc.version.CompilerLimits.recursionLimit(V) - org.jpyc.version.CompilerLimits.startingDepth(V) - 2;
        AstOptimizer.optimize(chain(fits, false), 0, 0, V);
        PyCompileError e = assertThrows(PyCompileError.class, () -> AstOptimizer.optimize(chain(fits + 1, false), 0, 0, V));
        assertEquals("RecursionError", e.pythonType());
    }
}
