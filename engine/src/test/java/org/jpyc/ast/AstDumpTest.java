package org.jpyc.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structural properties of the dump; equality with CPython's ast.dump is checked by conformance. */
class AstDumpTest {
    private static ClassDef emptyClass() {
        List<StmtNode> body = new ArrayList<>();
        body.add(new Pass(2, 4, 2, 8));
        return new ClassDef("C", new ArrayList<>(), new ArrayList<>(), body, new ArrayList<>(), new ArrayList<>(),
                1, 0, 2, 8);
    }

    @Test
    void emptySequencesAreShownBefore313AndOmittedAfter() {
        Module m = new Module(List.of(emptyClass()), List.of());
        String d312 = AstDump.dump(m, PyVersion.V3_12);
        String d313 = AstDump.dump(m, PyVersion.V3_13);
        assertTrue(d312.contains("bases=[]") && d312.contains("type_ignores=[]"), d312);
        assertFalse(d313.contains("[]"), d313);
        assertTrue(d313.contains("name='C'") && d313.contains("lineno=1"), d313);
    }

    @Test
    void fieldsFollowTheVersionsOrderAndAbsentOptionalsAreLeftOut() {
        Module m = new Module(List.of(emptyClass()), List.of());
        String d312 = AstDump.dump(emptyClass(), PyVersion.V3_12);
        assertTrue(d312.indexOf("bases=") < d312.indexOf("keywords=") && d312.indexOf("keywords=") < d312.indexOf("body="));
        assertTrue(d312.indexOf("body=") < d312.indexOf("type_params="));
        // 3.10/3.11 have no type_params field at all.
        assertFalse(AstDump.dump(m, PyVersion.V3_11).contains("type_params"));
        Return r = new Return(null, 3, 0, 3, 6);
        assertEquals(-1, AstDump.dump(r, PyVersion.V3_10).indexOf("value"));
    }

    @Test
    void constantsUseRepr() {
        Constant c = new Constant(PyStr.of("it's", false), null, 1, 0, 1, 7);
        String d = AstDump.dump(c, PyVersion.V3_12);
        assertTrue(d.contains("value=\"it's\""), d);
        assertFalse(d.contains("kind"), d);
        Constant n = new Constant(PyConst.NONE, null, 1, 0, 1, 4);
        assertTrue(AstDump.dump(n, PyVersion.V3_12).contains("value=None"));
    }

    @Test
    void nodesAVersionLacksAreRejected() {
        TypeAlias t = new TypeAlias(new Name("X", ExprContextNode.Store, 1, 5, 1, 6), List.of(),
                new Name("int", ExprContextNode.Load, 1, 9, 1, 12), 1, 0, 1, 12);
        assertThrows(IllegalArgumentException.class, () -> AstDump.dump(t, PyVersion.V3_11));
        assertTrue(AstDump.dump(t, PyVersion.V3_12).startsWith("TypeAlias("));
    }

    @Test
    void veryDeepTreesPrintWithoutTheJavaStack() {
        ExprNode e = new Name("x", ExprContextNode.Load, 1, 0, 1, 1);
        for (int i = 0; i < 200_000; i++) {
            e = new BinOp(e, OperatorNode.Add, new Constant(org.jpyc.object.PyInt.of(1), null, 1, 0, 1, 1), 1, 0, 1, 1);
        }
        String d = AstDump.dump(e, PyVersion.V3_12);
        assertTrue(d.startsWith("BinOp(left=BinOp(left="));
        assertEquals(200_000, d.split("op=Add\\(\\)", -1).length - 1);
    }

    @Test
    void loadContextIsOmittedFrom315On() {
        Assign a = new Assign(List.of(new Name("x", ExprContextNode.Store, 1, 0, 1, 1)),
                new Name("y", ExprContextNode.Load, 1, 4, 1, 5), null, 1, 0, 1, 5);
        String d314 = AstDump.dump(a, PyVersion.V3_14);
        String d315 = AstDump.dump(a, PyVersion.V3_15);
        assertTrue(d314.contains("ctx=Load()") && d314.contains("ctx=Store()"), d314);
        assertFalse(d315.contains("Load()"), d315);
        assertTrue(d315.contains("ctx=Store()"), d315);
    }
}
