package org.jpyc.dis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.jpyc.code.CodeFormatException;
import org.jpyc.code.OpcodeTable;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structure of dis output for hand-built code objects (CPython equality is the conformance suite's job). */
class DisStructureTest {
    /** {@code LOAD_CONST 0; RETURN_VALUE} on line 1, with {@code consts}. */
    private static PyCode code(PyVersion v, String name, List<PyObject> consts, int constIndex) {
        OpcodeTable t = OpcodeTable.forVersion(v);
        PyCode c = new PyCode();
        c.code = new PyBytes(new byte[] {(byte) t.opcode("LOAD_CONST"), (byte) constIndex, (byte) t.opcode("RETURN_VALUE"), 0});
        c.consts = new PyTuple(consts);
        c.names = new PyTuple(List.of());
        c.varnames = new PyTuple(List.of());
        c.freevars = new PyTuple(List.of());
        c.cellvars = new PyTuple(List.of());
        c.localsplusnames = new PyTuple(List.of());
        c.localspluskinds = new PyBytes(new byte[0]);
        c.exceptiontable = new PyBytes(new byte[0]);
        c.filename = PyStr.of("f.py", false);
        c.name = PyStr.of(name, true);
        c.qualname = c.name;
        c.firstlineno = 1;
        if (v.has(Feature.LOCATION_TABLE)) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.write(0x80 | (13 << 3) | 1); // 2 units, no column, line delta 0
            o.write(0);
            c.linetable = new PyBytes(o.toByteArray());
        } else {
            c.linetable = new PyBytes(new byte[] {4, 0});
        }
        return c;
    }

    @Test
    void nestedCodeObjectsFollowInConstOrder() {
        for (PyVersion v : List.of(PyVersion.V3_9, PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_12,
                PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15)) {
            PyCode inner = code(v, "inner", List.of(PyConst.NONE), 0);
            PyCode outer = code(v, "<module>", List.of(inner, PyConst.NONE), 1);
            String text = Dis.dis(outer, v);
            String[] lines = text.split("\n");
            assertTrue(lines[0].contains("LOAD_CONST") && lines[0].endsWith("(None)"), v + ": " + lines[0]);
            assertTrue(lines[0].trim().startsWith("1"), "line number column: " + lines[0]);
            assertTrue(text.contains("\n\nDisassembly of <code object inner at 0x"), text);
            assertTrue(text.endsWith("RETURN_VALUE\n"), text);
            assertEquals(text.indexOf("Disassembly"), text.lastIndexOf("Disassembly"));
            assertEquals(v.has(Feature.DIS_LABELS), !lines[0].matches(".*\\s0 LOAD_CONST.*"), lines[0]);
        }
    }

    /** {@code consts}-free code: {@code op arg; RETURN_VALUE}, one line, {@code names}. */
    private static PyCode oneOp(PyVersion v, String op, int arg, List<PyObject> names) {
        OpcodeTable t = OpcodeTable.forVersion(v);
        PyCode c = code(v, "m", List.of(PyConst.NONE), 0);
        c.code = new PyBytes(new byte[] {(byte) t.opcode(op), (byte) arg, (byte) t.opcode("RETURN_VALUE"), 0});
        c.names = new PyTuple(names);
        return c;
    }

    @Test
    void jumpArgumentsIn39AreBytesAndOnlyRelativeJumpsAreDescribed() {
        PyVersion v = PyVersion.V3_9;
        String abs = Dis.dis(oneOp(v, "JUMP_ABSOLUTE", 2, List.of()), v).split("\n")[0];
        assertTrue(abs.endsWith("JUMP_ABSOLUTE            2"), abs);
        String rel = Dis.dis(oneOp(v, "JUMP_FORWARD", 0, List.of()), v).split("\n")[0];
        assertTrue(rel.endsWith("JUMP_FORWARD             0 (to 2)"), rel);
        // From 3.10 the argument counts code units and absolute jumps say where they go.
        String abs310 = Dis.dis(oneOp(PyVersion.V3_10, "JUMP_ABSOLUTE", 1, List.of()), PyVersion.V3_10).split("\n")[0];
        assertTrue(abs310.endsWith("JUMP_ABSOLUTE            1 (to 2)"), abs310);
    }

    @Test
    void importNameFlagsIn315() {
        PyVersion v = PyVersion.V3_15;
        List<PyObject> names = List.of(PyStr.of("a", true), PyStr.of("b", true));
        String[] expected = {"(a)", "(a + lazy)", "(a + eager)", "(a + lazy)", "(b)"};
        for (int arg = 0; arg < expected.length; arg++) {
            String line = Dis.dis(oneOp(v, "IMPORT_NAME", arg, names), v).split("\n")[0];
            assertTrue(line.endsWith(arg + " " + expected[arg]), line);
        }
        String line314 = Dis.dis(oneOp(PyVersion.V3_14, "IMPORT_NAME", 1, names), PyVersion.V3_14).split("\n")[0];
        assertTrue(line314.endsWith("1 (b)"), line314);
    }

    @Test
    void badConstantIndexIsATypedError() {
        PyVersion v = PyVersion.V3_12;
        PyCode c = code(v, "m", List.of(PyConst.NONE), 7);
        CodeFormatException e = assertThrows(CodeFormatException.class, () -> Dis.dis(c, v));
        assertEquals(0, e.offset());
    }

    @Test
    void deeplyNestedCodeDoesNotOverflowTheStack() {
        PyVersion v = PyVersion.V3_13;
        PyCode c = code(v, "m", List.of(PyConst.NONE), 0);
        for (int i = 0; i < 5000; i++) c = code(v, "m" + i, List.of(PyConst.NONE, c), 0);
        String text = Dis.dis(c, v);
        assertEquals(5000, text.split("Disassembly of ", -1).length - 1);
    }

    @Test
    void selfContainingCodeIsRejected() {
        PyVersion v = PyVersion.V3_12;
        PyCode c = code(v, "m", List.of(PyConst.NONE), 0);
        PyObject[] consts = {PyConst.NONE, c};
        c.consts = org.jpyc.object.PyTuple.over(consts, true); // (a tuple holding the code that holds it)
        assertThrows(IllegalArgumentException.class, () -> Dis.dis(c, v));
    }
}
