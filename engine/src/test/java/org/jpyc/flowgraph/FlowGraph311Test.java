package org.jpyc.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** 3.11's pass list ({@link Optimizer311}) on small sequences, against what python3.11's dis shows for their sources. */
class FlowGraph311Test {
    private static final PyVersion V = PyVersion.V3_11;

    private static Location at(int line) {
        return new Location(line, line, 4, 8);
    }

    private static List<Op> run(InstrSequence seq, List<PyObject> consts) {
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.name = umd.qualname = "f";
        umd.firstlineno = 1;
        umd.varnames.add("x");
        ConstCache cache = new ConstCache(V);
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(V, seq, umd, consts, cache::mergeOne, 0x3, 1, 1, 1);
        List<Op> ops = new ArrayList<>();
        for (Instr in : r.instrs().instrs()) ops.add(in.op);
        return ops;
    }

    /** {@code while x: x = 1}: the loop's test at the bottom jumps back as POP_JUMP_BACKWARD_IF_TRUE (3.12 reverses it). */
    @Test
    void backwardConditionalJumpKeepsItsDirection() {
        InstrSequence s = new InstrSequence();
        int body = s.newLabel(), end = s.newLabel();
        s.addOp(Op.RESUME, 0, at(1));
        s.addOp(Op.LOAD_FAST, 0, at(2));
        s.addOp(Op.POP_JUMP_IF_FALSE, end, at(2));
        s.useLabel(body);
        s.addOp(Op.LOAD_CONST, 1, at(3));
        s.addOp(Op.STORE_FAST, 0, at(3));
        s.addOp(Op.LOAD_FAST, 0, at(2));
        s.addOp(Op.POP_JUMP_IF_TRUE, body, at(2));
        s.useLabel(end);
        s.addOp(Op.LOAD_CONST, 0, Location.NO_LOCATION);
        s.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        List<PyObject> consts = new ArrayList<>(List.of(PyConst.NONE, PyInt.of(1)));
        assertEquals(List.of(Op.RESUME, Op.LOAD_FAST, Op.POP_JUMP_FORWARD_IF_FALSE, Op.LOAD_CONST, Op.STORE_FAST, Op.LOAD_FAST,
                Op.POP_JUMP_BACKWARD_IF_TRUE, Op.LOAD_CONST, Op.RETURN_VALUE, Op.LOAD_CONST, Op.RETURN_VALUE), run(s, consts));
    }

    /** PUSH_NULL before a LOAD_GLOBAL that pushes its own NULL stays (3.11.3 tests LOAD_GLOBAL's oparg). */
    @Test
    void pushNullBeforeNullPushingLoadGlobalStays() {
        InstrSequence s = new InstrSequence();
        s.addOp(Op.RESUME, 0, at(1));
        s.addOp(Op.PUSH_NULL, 0, at(2));
        s.addOp(Op.LOAD_GLOBAL, 1, at(2));
        s.addOp(Op.PRECALL, 0, at(2));
        s.addOp(Op.CALL, 0, at(2));
        s.addOp(Op.PUSH_NULL, 0, at(3));
        s.addOp(Op.LOAD_GLOBAL, 0, at(3));
        s.addOp(Op.PRECALL, 0, at(3));
        s.addOp(Op.CALL, 0, at(3));
        s.addOp(Op.RETURN_VALUE, 0, at(3));
        List<Op> ops = run(s, new ArrayList<>(List.of(PyConst.NONE)));
        assertEquals(List.of(Op.RESUME, Op.PUSH_NULL, Op.LOAD_GLOBAL, Op.PRECALL, Op.CALL, Op.LOAD_GLOBAL, Op.PRECALL, Op.CALL,
                Op.RETURN_VALUE), ops);
    }

    /** {@code return 1 or x}: a true constant before JUMP_IF_TRUE_OR_POP makes it a JUMP and keeps the LOAD_CONST. */
    @Test
    void constantBeforeJumpIfTrueOrPop() {
        InstrSequence s = new InstrSequence();
        int end = s.newLabel();
        s.addOp(Op.RESUME, 0, at(1));
        s.addOp(Op.LOAD_CONST, 1, at(2));
        s.addOp(Op.JUMP_IF_TRUE_OR_POP, end, at(2));
        s.addOp(Op.LOAD_FAST, 0, at(2));
        s.useLabel(end);
        s.addOp(Op.RETURN_VALUE, 0, at(2));
        List<Op> ops = run(s, new ArrayList<>(List.of(PyConst.NONE, PyInt.of(1))));
        assertEquals(List.of(Op.RESUME, Op.LOAD_CONST, Op.RETURN_VALUE), ops);
    }
}
