package org.jpyc.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.code.ExceptionTable.Entry;
import org.jpyc.code.Positions;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Instr;
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
 * Checks the assembler on CPython's own code objects: each code object's bytecode, location table and
 * exception table are decoded back into an instruction sequence (EXTENDED_ARG folded into opargs, jump
 * opargs as target instruction indices, each instruction with its location and handler), and its
 * localsplus names and kinds back into unit metadata; {@link Assembler#makeCodeObject} must then give
 * the same co_code, co_linetable, co_exceptiontable, localsplus names and kinds.
 *
 * <p>Run as a program over a directory of pycs: {@code AssembleReplay DIR [max-diffs]}.
 */
public final class AssembleReplay {
    private AssembleReplay() {}

    /** The mismatching field of the first code object that differs, or null if all match. */
    public static String check(byte[] pyc) {
        PycHeader h = PycHeader.read(pyc);
        PyVersion v = h.version();
        PyCode root = (PyCode) Marshal.load(Arrays.copyOfRange(pyc, h.length(), pyc.length), v);
        return check(root, v, new ConstCache());
    }

    static String check(PyCode c, PyVersion v, ConstCache cache) {
        for (PyObject k : ((PyTuple) c.consts).items()) {
            if (k instanceof PyCode nested) {
                String d = check(nested, v, cache);
                if (d != null) return d;
            }
        }
        PyCode out = reassemble(c, v, cache);
        String where = ((PyStr) c.qualname).value() + ": ";
        if (!Arrays.equals(c.codeBytes(), out.codeBytes())) return where + "co_code";
        if (!Arrays.equals(bytes(c.linetable), bytes(out.linetable))) return where + "co_linetable";
        if (!Arrays.equals(bytes(c.exceptiontable), bytes(out.exceptiontable))) return where + "co_exceptiontable";
        if (!Arrays.equals(bytes(c.localspluskinds), bytes(out.localspluskinds))) return where + "co_localspluskinds";
        if (!texts(c.localsplusnames).equals(texts(out.localsplusnames))) return where + "co_localsplusnames";
        if (!texts(c.names).equals(texts(out.names))) return where + "co_names";
        return null;
    }

    /** Decodes {@code c} into what the assembler gets and assembles it again. */
    static PyCode reassemble(PyCode c, PyVersion v, ConstCache cache) {
        OpTable ops = OpTable.of(v);
        byte[] code = c.codeBytes();
        int units = code.length / 2;
        List<Positions> pos = new org.jpyc.code.LocationTable(bytes(c.linetable), c.firstlineno, code.length, true).positions();
        DecodedCode d = DecodedCode.decode(code, ops, false, u -> location(u < pos.size() ? pos.get(u) : Positions.NONE));
        InstrSequence seq = new InstrSequence();
        for (int i = 0; i < d.size(); i++) seq.addOp(d.ops.get(i), d.args.get(i), d.locs.get(i));
        int[] indexOfUnit = d.indexOfUnit;
        List<int[]> starts = d.spans; // {first unit, next unit}
        for (int i = 0; i < seq.size(); i++) {
            Instr in = seq.get(i);
            if (!ops.hasJump(in.op)) continue;
            int next = starts.get(i)[1];
            boolean back = in.op == Op.JUMP_BACKWARD || in.op == Op.JUMP_BACKWARD_NO_INTERRUPT || in.op == Op.END_ASYNC_FOR
                    || in.op == Op.POP_JUMP_BACKWARD_IF_FALSE || in.op == Op.POP_JUMP_BACKWARD_IF_TRUE // 3.11
                    || in.op == Op.POP_JUMP_BACKWARD_IF_NONE || in.op == Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
            int target = back ? next - in.oparg : next + in.oparg;
            // 3.14's END_ASYNC_FOR points past its SEND loop; the assembler is given the SEND
            if (in.op == Op.END_ASYNC_FOR) target -= JumpResolution.endSendOffset(ops);
            in.oparg = indexOfUnit[target];
        }
        for (Entry e : org.jpyc.code.ExceptionTable.parse(bytes(c.exceptiontable))) {
            for (int i = 0; i < seq.size(); i++) {
                int s = starts.get(i)[0] * 2;
                if (s >= e.start() && s < e.end()) {
                    Instr in = seq.get(i);
                    in.handlerLabel = indexOfUnit[e.target() / 2];
                    in.handlerStartDepth = e.depth() + 1 + (e.lasti() ? 1 : 0);
                    in.handlerPreserveLasti = e.lasti();
                }
            }
        }
        CodeUnitMetadata umd = metadata(c);
        List<PyObject> consts = new ArrayList<>(((PyTuple) c.consts).items());
        return Assembler.makeCodeObject(v, umd, cache, consts, c.stacksize, seq,
                ((PyTuple) c.localsplusnames).size(), c.flags, ((PyStr) c.filename).value());
    }

    private static Location location(Positions p) {
        if (p.line() == null) return Location.NO_LOCATION;
        return new Location(p.line(), p.endLine() == null ? -1 : p.endLine(), p.col() == null ? -1 : p.col(),
                p.endCol() == null ? -1 : p.endCol());
    }

    /** The unit metadata {@code compute_localsplus_info} would have read for {@code c}'s localsplus. */
    static CodeUnitMetadata metadata(PyCode c) {
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.name = ((PyStr) c.name).value();
        umd.qualname = ((PyStr) c.qualname).value();
        umd.firstlineno = c.firstlineno;
        umd.posonlyargcount = c.posonlyargcount;
        umd.argcount = c.argcount - c.posonlyargcount;
        umd.kwonlyargcount = c.kwonlyargcount;
        for (String n : texts(c.names)) umd.names.add(n);
        List<String> lp = texts(c.localsplusnames);
        byte[] kinds = bytes(c.localspluskinds);
        List<String> pureCells = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (int i = 0; i < lp.size(); i++) {
            int k = kinds[i] & 0xff;
            String n = lp.get(i);
            if ((k & LocalsPlus.CO_FAST_LOCAL) != 0) {
                umd.varnames.add(n);
                if ((k & LocalsPlus.CO_FAST_HIDDEN) != 0) umd.fasthidden.put(n, Boolean.TRUE);
                if ((k & LocalsPlus.CO_FAST_CELL) != 0) umd.cellvars.add(n);
            } else if ((k & LocalsPlus.CO_FAST_CELL) != 0) {
                pureCells.add(n);
            } else if ((k & LocalsPlus.CO_FAST_FREE) != 0) {
                free.add(n);
            }
        }
        for (String n : pureCells) umd.cellvars.add(n);
        int ncells = umd.cellvars.size();
        for (int i = 0; i < free.size(); i++) umd.freevars.put(free.get(i), ncells + i);
        return umd;
    }

    private static byte[] bytes(PyObject o) {
        return ((PyBytes) o).value();
    }

    private static List<String> texts(PyObject tuple) {
        List<String> out = new ArrayList<>();
        for (PyObject x : ((PyTuple) tuple).items()) out.add(((PyStr) x).value());
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int maxDiffs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> files = org.jpyc.testing.PycTree.list(dir);
        int same = 0, diff = 0, err = 0;
        for (Path p : files) {
            try {
                String d = check(Files.readAllBytes(p));
                if (d == null) {
                    same++;
                } else if (++diff <= maxDiffs) {
                    System.out.println("DIFF " + dir.relativize(p) + " " + d);
                }
            } catch (RuntimeException e) {
                if (++err <= maxDiffs) System.out.println("ERR " + dir.relativize(p) + ": " + e);
            }
        }
        System.out.println("same " + same + " diff " + diff + " error " + err + " of " + files.size());
    }
}
