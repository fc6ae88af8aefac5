package org.jpyc.flowgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.assemble.Assembler;
import org.jpyc.code.LineRange;
import org.jpyc.code.LineTable310;
import org.jpyc.instrseq.CodeFlags;
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
 * Checks of 3.10's flowgraph ({@link Optimizer310}) and assembler on CPython 3.10's own code objects, while 3.10's
 * codegen is not there to feed them. Each code object is decoded back into an instruction sequence (EXTENDED_ARG
 * folded, jump opargs as target instruction indices, each instruction with its line) and unit metadata (names,
 * varnames, cellvars, freevars). With {@code --assemble}, the sequence goes to the assembler alone with CPython's
 * stack size, which must give the same co_code, co_linetable, co_flags (CO_NOFREE), co_nlocals and name tuples;
 * otherwise it goes through {@code assemble()}'s passes first (GEN_START removed, as {@code insert_generator_prefix}
 * adds it; a backward jump without a line, as codegen's loops make it), which must leave CPython's optimized code as
 * it is and find the same co_stacksize and co_consts.
 *
 * <p>Run as a program over a directory of 3.10 pycs: {@code FlowGraphReplay310 [--assemble] DIR [max-diffs]}.
 */
public final class FlowGraphReplay310 {
    private FlowGraphReplay310() {}

    static int checked, codeSame, allSame;
    static boolean assembleOnly;
    static final boolean VERBOSE = System.getenv("FG_VERBOSE") != null;
    static final boolean NOLINE_BACK_EDGES = System.getenv("FG_LINED_BACK_EDGES") == null;
    static final boolean NOLINE_FORWARD_JUMPS = System.getenv("FG_NOLINE_FORWARD_JUMPS") != null;
    static final boolean LAST_JUMP = System.getenv("FG_LAST_JUMP_BACK_EDGE") != null;

    /** The first differing unit and field, or null. */
    static String check(PyCode c, PyVersion v, ConstCache cache) {
        for (PyObject k : ((PyTuple) c.consts).items()) {
            if (k instanceof PyCode nested) {
                String d = check(nested, v, cache);
                if (d != null) return d;
            }
        }
        checked++;
        PyCode out = replay(c, v, cache);
        boolean code = Arrays.equals(c.codeBytes(), out.codeBytes()) && c.stacksize == out.stacksize;
        boolean lines = Arrays.equals(bytes(c.linetable), bytes(out.linetable));
        if (code) codeSame++;
        if (code && lines) allSame++;
        String where = c.nameText() + " (line " + c.firstlineno + "): ";
        if (!Arrays.equals(c.codeBytes(), out.codeBytes())) {
            return where + "co_code" + (VERBOSE ? "\n" + listing(v, c) + "  ---\n" + listing(v, out) : "");
        }
        if (!lines) return where + "co_linetable " + hex(bytes(c.linetable)) + " vs " + hex(bytes(out.linetable));
        if (c.stacksize != out.stacksize) return where + "co_stacksize " + c.stacksize + " vs " + out.stacksize;
        if (c.flags != out.flags) return where + "co_flags " + Integer.toHexString(c.flags) + " vs " + Integer.toHexString(out.flags);
        if (c.nlocals != out.nlocals) return where + "co_nlocals";
        if (((PyTuple) c.consts).size() != ((PyTuple) out.consts).size()) {
            return where + "co_consts size " + ((PyTuple) c.consts).size() + " vs " + ((PyTuple) out.consts).size();
        }
        for (String f : new String[] {"names", "varnames", "cellvars", "freevars"}) {
            if (!texts(field(c, f)).equals(texts(field(out, f)))) return where + "co_" + f;
        }
        return null;
    }

    private static PyObject field(PyCode c, String f) {
        return switch (f) {
            case "names" -> c.names;
            case "varnames" -> c.varnames;
            case "cellvars" -> c.cellvars;
            default -> c.freevars;
        };
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xff));
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }

    private static String listing(PyVersion v, PyCode c) {
        OpTable ops = OpTable.of(v);
        byte[] code = c.codeBytes();
        List<LineRange> lines = new LineTable310(bytes(c.linetable), c.firstlineno, code.length).lines();
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < code.length / 2; u++) {
            Op op = ops.op(code[2 * u] & 0xff);
            sb.append("  ").append(2 * u).append(' ').append(op).append(' ').append(code[2 * u + 1] & 0xff)
                    .append("  @").append(lineAt(lines, 2 * u)).append('\n');
        }
        return sb.toString();
    }

    private static Integer lineAt(List<LineRange> lines, int byteOffset) {
        for (LineRange r : lines) if (byteOffset >= r.start() && byteOffset < r.end()) return r.line();
        return null;
    }

    static PyCode replay(PyCode c, PyVersion v, ConstCache cache) {
        OpTable ops = OpTable.of(v);
        byte[] code = c.codeBytes();
        int units = code.length / 2;
        List<LineRange> lines = new LineTable310(bytes(c.linetable), c.firstlineno, code.length).lines();
        // 3.10 writes an op's oparg even when it takes none
        DecodedCode d = DecodedCode.decode(code, ops, true, u -> {
            Integer line = lineAt(lines, 2 * u);
            return line == null ? Location.NO_LOCATION : new Location(line, line, -1, -1);
        });
        List<Op> opl = d.ops;
        List<Integer> args = d.args;
        List<Location> locs = d.locs;
        List<int[]> spans = d.spans;
        int[] indexOfUnit = d.indexOfUnit;
        int n = opl.size();
        boolean generator = (c.flags & (CodeFlags.CO_GENERATOR | CodeFlags.CO_COROUTINE | CodeFlags.CO_ASYNC_GENERATOR)) != 0;
        boolean comprehension = c.nameText().startsWith("<") && !c.nameText().equals("<module>") && !c.nameText().equals("<lambda>");
        int skip = !assembleOnly && generator && n > 0 && opl.get(0) == Op.GEN_START ? 1 : 0;
        int[] lastJumpTo = new int[n];
        for (int i = 0; i < n; i++) {
            if (opl.get(i) == Op.JUMP_ABSOLUTE && args.get(i) < units) lastJumpTo[Math.max(0, indexOfUnit[args.get(i)])] = i;
        }
        InstrSequence seq = new InstrSequence();
        for (int i = skip; i < n; i++) {
            Op op = opl.get(i);
            int arg = args.get(i);
            Location loc = locs.get(i);
            if (ops.hasJump(op)) {
                int targetUnit = ops.isAbsoluteJump(op) ? arg : spans.get(i)[1] + arg;
                int t = indexOfUnit[targetUnit];
                if (t < 0) throw new IllegalStateException("jump into an instruction at unit " + targetUnit);
                // a for statement's back edge is codegen's without a line (propagate_line_numbers gave it one); a while
                // loop's has the while's, a comprehension's the line in force
                // (the back edge is the last jump to the FOR_ITER; a continue's, before it, keeps its line)
                if (!assembleOnly && t <= i && op == Op.JUMP_ABSOLUTE && NOLINE_BACK_EDGES && opl.get(t) == Op.FOR_ITER
                        && !comprehension && (indexOfUnit[spans.get(t)[1] + args.get(t)] == i + 1 || (LAST_JUMP && lastJumpTo[t] == i))) {
                    loc = Location.NO_LOCATION;
                }
                // (FG_NOLINE_FORWARD_JUMPS: every JUMP_FORWARD too, as an if's jump over its else is made)
                // (and one after a return or raise: an if's jump over its else, reached only by a jump whose line
                // propagate_line_numbers gave it)
                if (!assembleOnly && op == Op.JUMP_FORWARD && (NOLINE_FORWARD_JUMPS
                        || (i > 0 && (opl.get(i - 1) == Op.RETURN_VALUE || opl.get(i - 1) == Op.RAISE_VARARGS
                                || opl.get(i - 1) == Op.RERAISE || opl.get(i - 1) == Op.JUMP_ABSOLUTE
                                || opl.get(i - 1) == Op.JUMP_FORWARD)))) {
                    loc = Location.NO_LOCATION;
                }
                arg = t - skip;
            }
            seq.addOp(op, arg, loc);
        }
        seq.markLabelsApplied();
        CodeUnitMetadata umd = metadata(c);
        List<PyObject> consts = new ArrayList<>(((PyTuple) c.consts).items());
        int flags = c.flags & ~CodeFlags.CO_NOFREE;
        String filename = ((PyStr) c.filename).value();
        if (assembleOnly) {
            return Assembler.makeCodeObject(v, umd, cache, consts, c.stacksize, seq, 0, flags, filename);
        }
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(v, seq, umd, consts, cache::mergeOne, flags,
                umd.varnames.size(), c.argcount + c.kwonlyargcount, c.firstlineno);
        return Assembler.makeCodeObject(v, umd, cache, consts, r.stackdepth(), r.instrs(), r.nlocalsplus(), flags, filename);
    }

    /** The unit metadata codegen would hand over for {@code c}: names, varnames, cellvars, freevars (after the cells). */
    static CodeUnitMetadata metadata(PyCode c) {
        CodeUnitMetadata umd = new CodeUnitMetadata();
        umd.name = c.nameText();
        umd.firstlineno = c.firstlineno;
        umd.posonlyargcount = c.posonlyargcount;
        umd.argcount = c.argcount - c.posonlyargcount;
        umd.kwonlyargcount = c.kwonlyargcount;
        for (String s : texts(c.names)) umd.names.add(s);
        for (String s : texts(c.varnames)) umd.varnames.add(s);
        for (String s : texts(c.cellvars)) umd.cellvars.add(s);
        int ncells = umd.cellvars.size();
        List<String> free = texts(c.freevars);
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
        int a = 0;
        if (args[a].equals("--assemble")) {
            assembleOnly = true;
            a++;
        }
        Path dir = Path.of(args[a]);
        int maxDiffs = args.length > a + 1 ? Integer.parseInt(args[a + 1]) : 20;
        List<Path> files = org.jpyc.testing.PycTree.list(dir);
        int same = 0, diff = 0, err = 0;
        for (Path p : files) {
            try {
                byte[] pyc = Files.readAllBytes(p);
                PycHeader h = PycHeader.read(pyc);
                PyCode root = (PyCode) Marshal.load(Arrays.copyOfRange(pyc, h.length(), pyc.length), h.version());
                String d = check(root, h.version(), new ConstCache(h.version()));
                if (d == null) same++;
                else if (++diff <= maxDiffs) System.out.println("DIFF " + dir.relativize(p) + " " + d);
            } catch (RuntimeException e) {
                if (++err <= maxDiffs) System.out.println("ERR " + dir.relativize(p) + ": " + e);
                if (VERBOSE) e.printStackTrace(System.out);
            }
        }
        System.out.println("files same " + same + " diff " + diff + " error " + err + " of " + files.size()
                + "; units checked " + checked + " (co_code and co_stacksize same " + codeSame + ", co_linetable too "
                + allSame + ")");
    }
}
