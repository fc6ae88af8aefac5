package org.jpyc.flowgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.assemble.Assembler;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * 3.10's {@code assemble()} ({@link Optimizer310} and the assembler) on small sequences with symbolic labels, as 3.10's
 * codegen makes them, against the code objects python3.10 (3.10.8) makes of their sources.
 */
class FlowGraph310Test {
    private static final PyVersion V = PyVersion.V3_10;

    private static Location at(int line) {
        return new Location(line, line, 4, 8);
    }

    private static PyCode assemble(InstrSequence seq, List<PyObject> consts, int firstlineno, int flags, String... varnames) {
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.name = umd.qualname = "f";
        umd.firstlineno = firstlineno;
        for (String v : varnames) umd.varnames.add(v);
        ConstCache cache = new ConstCache(V);
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(V, seq, umd, consts, cache::mergeOne, flags, varnames.length, 0,
                firstlineno);
        return Assembler.makeCodeObject(V, umd, cache, consts, r.stackdepth(), r.instrs(), r.nlocalsplus(), flags, "x.py");
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    /**
     * {@code def g():\n    yield 1} (line 1): GEN_START 0 without a line goes first (the line table's first pair is
     * -128), the generator enters at depth 1, CO_NOFREE is added.
     */
    @Test
    void generatorStartsWithGenStart() {
        InstrSequence s = new InstrSequence();
        s.addOp(Op.LOAD_CONST, 1, at(2));
        s.addOp(Op.YIELD_VALUE, 0, at(2));
        s.addOp(Op.POP_TOP, 0, at(2));
        s.addOp(Op.LOAD_CONST, 0, Location.NO_LOCATION);
        s.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        PyCode co = assemble(s, new ArrayList<>(List.of(PyConst.NONE, PyInt.of(1))), 1, 0x23);
        assertArrayEquals(bytes(129, 0, 100, 1, 86, 0, 1, 0, 100, 0, 83, 0), co.codeBytes());
        assertArrayEquals(bytes(2, 128, 10, 1), ((PyBytes) co.linetable).value());
        assertEquals(1, co.stacksize);
        assertEquals(0x63, co.flags);
    }

    /**
     * {@code def f(y):\n    for x in y:\n        pass} (line 4): the back edge, without a line, takes the line of the
     * {@code pass} NOP that {@code clean_basic_block} removes; its oparg is the FOR_ITER's offset in code units, the
     * FOR_ITER's the distance to the loop's exit; the exit block takes the FOR_ITER's line.
     */
    @Test
    void forLoopJumpsInCodeUnits() {
        InstrSequence s = new InstrSequence();
        int start = s.newLabel(), cleanup = s.newLabel();
        s.addOp(Op.LOAD_FAST, 0, at(5));
        s.addOp(Op.GET_ITER, 0, at(5));
        s.useLabel(start);
        s.addOp(Op.FOR_ITER, cleanup, at(5));
        s.addOp(Op.STORE_FAST, 1, at(5));
        s.addOp(Op.NOP, 0, at(6));
        s.addOp(Op.JUMP_ABSOLUTE, start, Location.NO_LOCATION);
        s.useLabel(cleanup);
        s.addOp(Op.LOAD_CONST, 0, Location.NO_LOCATION);
        s.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        PyCode co = assemble(s, new ArrayList<>(List.of(PyConst.NONE)), 4, 0x03, "y", "x");
        assertArrayEquals(bytes(124, 0, 68, 0, 93, 2, 125, 1, 113, 2, 100, 0, 83, 0), co.codeBytes());
        assertArrayEquals(bytes(8, 1, 2, 1, 4, 255), ((PyBytes) co.linetable).value());
        assertEquals(2, co.stacksize);
        assertEquals(0x43, co.flags);
        assertEquals(2, co.nlocals);
    }

    /** {@code a, b = b, a} (line 8): BUILD_TUPLE 2 + UNPACK_SEQUENCE 2 become ROT_TWO, written with the oparg 2 it kept. */
    @Test
    void swapKeepsItsOparg() {
        InstrSequence s = new InstrSequence();
        s.addOp(Op.LOAD_FAST, 1, at(8));
        s.addOp(Op.LOAD_FAST, 0, at(8));
        s.addOp(Op.BUILD_TUPLE, 2, at(8));
        s.addOp(Op.UNPACK_SEQUENCE, 2, at(8));
        s.addOp(Op.STORE_FAST, 0, at(8));
        s.addOp(Op.STORE_FAST, 1, at(8));
        s.addOp(Op.LOAD_CONST, 0, Location.NO_LOCATION);
        s.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        PyCode co = assemble(s, new ArrayList<>(List.of(PyConst.NONE)), 7, 0x03, "a", "b");
        assertArrayEquals(bytes(124, 1, 124, 0, 2, 2, 125, 0, 125, 1, 100, 0, 83, 0), co.codeBytes());
        assertArrayEquals(bytes(14, 1), ((PyBytes) co.linetable).value());
        assertEquals(2, co.stacksize);
    }
}
