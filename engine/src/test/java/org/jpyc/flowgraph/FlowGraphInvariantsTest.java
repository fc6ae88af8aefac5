package org.jpyc.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structural invariants of the optimizer that hold without CPython at hand. */
class FlowGraphInvariantsTest {
    private static final PyVersion V = PyVersion.V3_13;
    private static final OpcodeFacts F = new OpcodeFacts(V);

    /** Runs SWAPs on a model stack (top first). */
    private static int[] simulate(BasicBlock b, int depth) {
        int[] s = new int[depth];
        for (int i = 0; i < depth; i++) s[i] = i;
        for (int i = 0; i < b.used; i++) {
            if (b.instrs[i].op == Op.SWAP) {
                int k = b.instrs[i].oparg - 1;
                int t = s[0];
                s[0] = s[k];
                s[k] = t;
            }
        }
        return s;
    }

    @Test
    void swaptimizeKeepsThePermutationAndNeverGrows() {
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            BasicBlock b = new BasicBlock();
            int n = 2 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                if (r.nextInt(5) == 0) b.addOp(Op.NOP, 0, Location.NO_LOCATION);
                else b.addOp(Op.SWAP, 2 + r.nextInt(5), Location.NO_LOCATION);
            }
            b.addOp(Op.POP_TOP, 0, Location.NO_LOCATION);
            if (b.instrs[0].op != Op.SWAP) continue;
            long swapsBefore = Arrays.stream(b.instrs, 0, b.used).filter(i -> i.op == Op.SWAP).count();
            int[] before = simulate(b, 8);
            int end = Swaps.swaptimize(b, 0);
            assertTrue(end < b.used);
            assertTrue(Arrays.equals(before, simulate(b, 8)), "round " + round);
            long swapsAfter = Arrays.stream(b.instrs, 0, b.used).filter(i -> i.op == Op.SWAP).count();
            assertTrue(swapsAfter <= swapsBefore);
            assertEquals(Op.POP_TOP, b.instrs[b.used - 1].op);
        }
    }

    /** A function body: x = a if a else b; try: return x finally: del x; plus a folded tuple and dead code. */
    private static InstrSequence sample(List<PyObject> consts) {
        InstrSequence s = new InstrSequence();
        Location l1 = new Location(1, 1, 0, 5), l2 = new Location(2, 2, 4, 9), l3 = new Location(3, 3, 4, 9);
        consts.add(PyConst.NONE);
        consts.add(PyInt.of(1));
        consts.add(PyInt.of(2));
        consts.add(PyInt.of(99));
        int orElse = s.newLabel(), join = s.newLabel(), handler = s.newLabel(), exit = s.newLabel();
        s.addOp(Op.RESUME, 0, l1);
        s.addOp(Op.LOAD_FAST, 0, l1);
        s.addOp(Op.TO_BOOL, 0, l1);
        s.addOp(Op.POP_JUMP_IF_FALSE, orElse, l1);
        s.addOp(Op.LOAD_FAST, 0, l1);
        s.addOp(Op.JUMP, join, l1);
        s.useLabel(orElse);
        s.addOp(Op.LOAD_FAST, 1, l1);
        s.useLabel(join);
        s.addOp(Op.STORE_FAST, 2, l1);
        s.addOp(Op.SETUP_FINALLY, handler, l2);
        s.addOp(Op.LOAD_CONST, 1, l2);
        s.addOp(Op.LOAD_CONST, 2, l2);
        s.addOp(Op.BUILD_TUPLE, 2, l2);
        s.addOp(Op.STORE_FAST, 3, l2);
        s.addOp(Op.POP_BLOCK, 0, Location.NO_LOCATION);
        s.addOp(Op.LOAD_FAST, 2, l2);
        s.addOp(Op.RETURN_VALUE, 0, l2);
        s.addOp(Op.LOAD_CONST, 3, l2);
        s.addOp(Op.RETURN_VALUE, 0, l2);
        s.useLabel(handler);
        s.addOp(Op.PUSH_EXC_INFO, 0, l3);
        s.addOp(Op.DELETE_FAST, 2, l3);
        s.addOp(Op.RERAISE, 0, l3);
        s.useLabel(exit);
        s.addOp(Op.LOAD_CONST, 0, Location.NO_LOCATION);
        s.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        return s;
    }

    @Test
    void convertedSequenceIsWellFormed() {
        OpTable t = OpTable.of(V);
        List<PyObject> consts = new ArrayList<>();
        InstrSequence in = sample(consts);
        String before = in.toString();
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.firstlineno = 1;
        for (String v : List.of("a", "b", "x", "t")) umd.varnames.add(v);
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(V, in, umd, consts, new UnitDump.MergeStandIn().register(consts),
                0x3, 4, 2, 1);
        assertEquals(before, in.toString(), "the input sequence is not changed");
        InstrSequence out = r.instrs();
        assertTrue(r.stackdepth() >= 1);
        assertEquals(4, r.nlocalsplus());
        boolean sawHandler = false;
        for (Instr i : out.instrs()) {
            assertTrue(!t.isPseudo(i.op) || i.op == Op.JUMP || i.op == Op.JUMP_NO_INTERRUPT, "pseudo op left: " + i);
            assertNotEquals(Op.NOP, i.op == Op.NOP && i.loc.lineno() < 0 ? Op.NOP : Op.CACHE, "NOP without a line: " + i);
            if (t.hasJump(i.op)) assertTrue(i.oparg >= 0 && i.oparg < out.size(), "jump target " + i);
            if (t.hasConst(i.op)) assertTrue(i.oparg >= 0 && i.oparg < consts.size(), "const index " + i);
            if (i.handlerLabel >= 0) {
                sawHandler = true;
                assertTrue(i.handlerLabel < out.size());
                assertTrue(i.handlerStartDepth >= 0);
            }
        }
        assertTrue(sawHandler, "the try body is covered by its handler");
        // the dead `return 99` and the folded items are gone from the constants; the folded tuple is there
        assertTrue(consts.stream().noneMatch(c -> c instanceof PyInt i && i.longValue() == 99), consts.toString());
        assertTrue(consts.stream().anyMatch(c -> c instanceof PyTuple tu && tu.size() == 2), consts.toString());
    }

    @Test
    void removeUnusedConstsKeepsIndexZeroAndOrder() {
        List<PyObject> consts = new ArrayList<>(List.of(PyInt.of(10), PyInt.of(11), PyInt.of(12), PyInt.of(13)));
        Cfg g = new Cfg(F);
        g.addOp(Op.LOAD_CONST, 3, Location.NO_LOCATION);
        g.addOp(Op.LOAD_CONST, 2, Location.NO_LOCATION);
        g.addOp(Op.RETURN_VALUE, 0, Location.NO_LOCATION);
        new ConstFolding(F, consts, x -> x).removeUnusedConsts(g);
        assertEquals(List.of(10L, 12L, 13L), consts.stream().map(c -> ((PyInt) c).longValue()).toList());
        assertEquals(2, g.entry.instrs[0].oparg);
        assertEquals(1, g.entry.instrs[1].oparg);
    }

    @Test
    void deepExceptionNestingDoesNotOverflow() {
        // deeper than CO_MAXBLOCKS: codegen refuses it, but the optimizer itself must not break
        InstrSequence s = new InstrSequence();
        Location l = new Location(1, 1, 0, 1);
        int depth = 40;
        int[] handlers = new int[depth];
        s.addOp(Op.RESUME, 0, l);
        for (int i = 0; i < depth; i++) {
            handlers[i] = s.newLabel();
            s.addOp(Op.SETUP_FINALLY, handlers[i], l);
        }
        s.addOp(Op.NOP, 0, l);
        for (int i = depth - 1; i >= 0; i--) s.addOp(Op.POP_BLOCK, 0, l);
        s.addOp(Op.RETURN_CONST, 0, l);
        for (int i = depth - 1; i >= 0; i--) {
            s.useLabel(handlers[i]);
            s.addOp(Op.PUSH_EXC_INFO, 0, l);
            s.addOp(Op.RERAISE, 0, l);
        }
        List<PyObject> consts = new ArrayList<>(List.of(PyConst.NONE));
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.firstlineno = 1;
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(V, s, umd, consts, x -> x, 0, 0, 0, 1);
        assertTrue(r.instrs().size() > depth);
    }
}
