package org.jpyc.flowgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.assemble.Assembler;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.PycHeader;
import org.jpyc.testing.DecodedCode;
import org.jpyc.version.PyVersion;

/**
 * A fixpoint check of 3.11's flowgraph ({@link Optimizer311}) on CPython 3.11's own code objects, while 3.11's codegen
 * is not there to feed it: each code object without an exception table is decoded back into what codegen would hand
 * over (jumps without direction, the prefix instructions removed, cell and free opargs as cell indices), run through
 * {@code assemble()}'s passes and the assembler, and must come out as it went in (co_code, co_linetable,
 * co_stacksize). CPython's output is optimized already, so the passes should leave it as it is; a difference points
 * at a pass that does something 3.11's does not (or misses a case where it would have acted again).
 *
 * <p>Run as a program over a directory of 3.11 pycs: {@code FlowGraphReplay311 DIR [max-diffs]}.
 */
public final class FlowGraphReplay311 {
    private FlowGraphReplay311() {}

    static int checked, skipped, codeSame, allSame;

    /** The first differing unit and field, or null. */
    static String check(PyCode c, PyVersion v) {
        for (PyObject k : ((PyTuple) c.consts).items()) {
            if (k instanceof PyCode nested) {
                String d = check(nested, v);
                if (d != null) return d;
            }
        }
        if (((PyBytes) c.exceptiontable).value().length > 0) {
            skipped++;
            return null;
        }
        checked++;
        PyCode out = replay(c, v);
        if (Arrays.equals(c.codeBytes(), out.codeBytes()) && c.stacksize == out.stacksize) {
            codeSame++;
            if (Arrays.equals(((PyBytes) c.linetable).value(), ((PyBytes) out.linetable).value())) allSame++;
        }
        String where = ((PyStr) c.qualname).value() + ": ";
        if (!Arrays.equals(c.codeBytes(), out.codeBytes())) return where + "co_code" + (VERBOSE ? "\n" + listing(v, c) + "  ---\n" + listing(v, out) : "");
        if (!Arrays.equals(((PyBytes) c.linetable).value(), ((PyBytes) out.linetable).value())) return where + "co_linetable";
        if (c.stacksize != out.stacksize) return where + "co_stacksize " + c.stacksize + " vs " + out.stacksize;
        return null;
    }

    static final boolean VERBOSE = System.getenv("FG_VERBOSE") != null;
    static final boolean NOLINE_BACK_EDGES = System.getenv("FG_LINED_BACK_EDGES") == null;
    static final boolean NOLINE_ALL_JUMPS = System.getenv("FG_NOLINE_FORWARD_JUMPS") != null;

    private static String listing(PyVersion v, PyCode c) {
        OpTable ops = OpTable.of(v);
        byte[] code = c.codeBytes();
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < code.length / 2; u++) {
            Op op = ops.op(code[2 * u] & 0xff);
            if (op == Op.CACHE) continue;
            sb.append("  ").append(2 * u).append(' ').append(op).append(' ').append(code[2 * u + 1] & 0xff).append('\n');
        }
        return sb.toString();
    }

    private static Op undirected(Op op) {
        return switch (op) {
            case JUMP_FORWARD, JUMP_BACKWARD -> Op.JUMP;
            case JUMP_BACKWARD_NO_INTERRUPT -> Op.JUMP_NO_INTERRUPT;
            case POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_FALSE -> Op.POP_JUMP_IF_FALSE;
            case POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_TRUE -> Op.POP_JUMP_IF_TRUE;
            case POP_JUMP_FORWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NONE -> Op.POP_JUMP_IF_NONE;
            case POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE -> Op.POP_JUMP_IF_NOT_NONE;
            default -> op;
        };
    }

    static PyCode replay(PyCode c, PyVersion v) {
        OpTable ops = OpTable.of(v);
        byte[] code = c.codeBytes();
        int units = code.length / 2;
        List<org.jpyc.code.Positions> pos =
                new org.jpyc.code.LocationTable(((PyBytes) c.linetable).value(), c.firstlineno, code.length, true).positions();
        DecodedCode d = DecodedCode.decode(code, ops, false, u -> {
            org.jpyc.code.Positions p = u < pos.size() ? pos.get(u) : org.jpyc.code.Positions.NONE;
            return p.line() == null ? Location.NO_LOCATION : new Location(p.line(), p.endLine() == null ? -1 : p.endLine(),
                    p.col() == null ? -1 : p.col(), p.endCol() == null ? -1 : p.endCol());
        });
        List<Op> opl = d.ops;
        List<Integer> args = d.args;
        List<Location> locs = d.locs;
        List<int[]> spans = d.spans;
        int[] indexOfUnit = d.indexOfUnit;
        int n = opl.size();
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            Op op = opl.get(i);
            if (!ops.hasJump(op)) continue;
            boolean back = op.name().contains("BACKWARD");
            int nextUnit = spans.get(i)[1];
            target[i] = indexOfUnit[back ? nextUnit - args.get(i) : nextUnit + args.get(i)];
        }
        // the prefix: COPY_FREE_VARS, MAKE_CELLs, RETURN_GENERATOR and POP_TOP go (insert_prefix_instructions adds them)
        int skip = 0;
        while (skip < n && (opl.get(skip) == Op.COPY_FREE_VARS || opl.get(skip) == Op.MAKE_CELL)) skip++;
        if (LocalsPlus.isGenerator(c.flags) && skip + 1 < n && opl.get(skip) == Op.RETURN_GENERATOR) skip += 2;
        CodeUnitMetadata umd = org.jpyc.assemble.AssembleReplayAccess.metadata(c);
        // cell and free opargs back to cell indices: the inverse of fix_cell_offsets
        int[] fixed = LocalsPlus.buildCellfixedoffsets(umd);
        int nlocals = umd.varnames.size();
        int numdropped = 0;
        for (int i = 0; i < fixed.length; i++) {
            if (fixed[i] == i + nlocals) fixed[i] -= numdropped;
            else numdropped++;
        }
        InstrSequence seq = new InstrSequence();
        for (int i = skip; i < n; i++) {
            Op op = opl.get(i);
            int arg = args.get(i);
            switch (op) {
                case LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF -> {
                    for (int k = 0; k < fixed.length; k++) if (fixed[k] == arg) { arg = k; break; }
                }
                default -> { }
            }
            if (ops.hasJump(op)) arg = target[i] - skip;
            // a loop's back edge is UNSET_LOC's (no line while the passes run; propagate_line_numbers gave it one)
            Location loc = NOLINE_BACK_EDGES && (op == Op.JUMP_BACKWARD || (NOLINE_ALL_JUMPS && op == Op.JUMP_FORWARD)) ? Location.NO_LOCATION : locs.get(i);
            seq.addOp(undirected(op), arg, loc);
        }
        seq.markLabelsApplied();
        ConstCache cache = new ConstCache(v);
        List<PyObject> consts = new ArrayList<>(((PyTuple) c.consts).items());
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(v, seq, umd, consts, cache::mergeOne, c.flags, nlocals,
                c.argcount + c.kwonlyargcount, c.firstlineno);
        return Assembler.makeCodeObject(v, umd, cache, consts, r.stackdepth(), r.instrs(), r.nlocalsplus(), c.flags,
                ((PyStr) c.filename).value());
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int maxDiffs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> files = org.jpyc.testing.PycTree.list(dir);
        int same = 0, diff = 0, err = 0;
        for (Path p : files) {
            try {
                byte[] pyc = Files.readAllBytes(p);
                PycHeader h = PycHeader.read(pyc);
                PyCode root = (PyCode) Marshal.load(Arrays.copyOfRange(pyc, h.length(), pyc.length), h.version());
                String d = check(root, h.version());
                if (d == null) same++;
                else if (++diff <= maxDiffs) System.out.println("DIFF " + dir.relativize(p) + " " + d);
            } catch (RuntimeException e) {
                if (++err <= maxDiffs) System.out.println("ERR " + dir.relativize(p) + ": " + e);
                if (VERBOSE) e.printStackTrace(System.out);
            }
        }
        System.out.println("files same " + same + " diff " + diff + " error " + err + " of " + files.size()
                + "; units checked " + checked + " (co_code and co_stacksize same " + codeSame + ", co_linetable too " + allSame
                + "), skipped (exception table) " + skipped);
    }
}
