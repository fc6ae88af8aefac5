package org.jpyc.flowgraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * One code unit as {@code dump_units.py} writes it from CPython 3.13 or 3.14: the codegen output
 * ({@code _testinternalcapi.compiler_codegen}), what {@code optimize_cfg} makes of it, and the real
 * code object's instructions (jump args as instruction indices, with each instruction's handler).
 */
final class UnitDump {
    /** An instruction tuple: op number, oparg, lineno, end_lineno, col, end_col, and for FINAL the handler (index, depth, lasti). */
    record Ins(int op, int arg, int l, int el, int c, int ec, int hTarget, int hDepth, int hLasti) {}

    String label;
    int nlocals, nparams, firstlineno, flags, stacksize, nlocalsplus;
    boolean exactConsts;
    /** The unit's input is not known: its annotations' code went in at ANNOTATIONS_PLACEHOLDER (3.14+). */
    boolean stashed;
    List<String> varnames, cellvars, freevars;
    List<PyObject> consts;
    List<Ins> code;
    List<Ins> opt;
    String optError;
    String optConsts;
    List<Ins> fin;
    String finalConsts;

    static List<UnitDump> read(Path p) throws IOException {
        List<UnitDump> units = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            UnitDump u = null;
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.split(" ", -1);
                switch (t[0]) {
                    case "UNIT" -> {
                        u = new UnitDump();
                        u.label = text(t[1]);
                    }
                    case "META" -> {
                        u.nlocals = Integer.parseInt(t[1]);
                        u.nparams = Integer.parseInt(t[2]);
                        u.firstlineno = Integer.parseInt(t[3]);
                        u.flags = Integer.parseInt(t[4]);
                        u.exactConsts = t[5].equals("1");
                    }
                    case "VARNAMES" -> u.varnames = names(t);
                    case "CELLVARS" -> u.cellvars = names(t);
                    case "FREEVARS" -> u.freevars = names(t);
                    case "CONSTS" -> u.consts = consts(line.substring(7));
                    case "CODE" -> u.code = ins(r, Integer.parseInt(t[1]));
                    case "OPT" -> u.opt = ins(r, Integer.parseInt(t[1]));
                    case "OPTERR" -> u.optError = text(t[1]);
                    case "OPTCONSTS" -> u.optConsts = encode(consts(line.substring(10)));
                    case "FINAL" -> {
                        u.stacksize = Integer.parseInt(t[2]);
                        u.nlocalsplus = Integer.parseInt(t[3]);
                        u.fin = ins(r, Integer.parseInt(t[1]));
                    }
                    case "FINALCONSTS" -> u.finalConsts = encode(consts(line.substring(12)));
                    case "STASH" -> u.stashed = true;
                    case "END" -> units.add(u);
                    default -> throw new IOException("bad dump line: " + line);
                }
            }
        }
        return units;
    }

    private static String text(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    private static List<String> names(String[] t) {
        int n = Integer.parseInt(t[1]);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(text(t[2 + i]));
        return l;
    }

    private static List<Ins> ins(BufferedReader r, int n) throws IOException {
        List<Ins> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] t = r.readLine().split(" ");
            int[] v = new int[9];
            v[6] = -1;
            for (int k = 0; k < t.length; k++) v[k] = Integer.parseInt(t[k]);
            l.add(new Ins(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        }
        return l;
    }

    // ---- constants: a prefix token stream (see dump_units.py enc_const)

    static List<PyObject> consts(String s) {
        String[] t = s.trim().split(" ");
        int n = Integer.parseInt(t[0]);
        int[] pos = {1};
        List<PyObject> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(decode(t, pos));
        return l;
    }

    private static PyObject decode(String[] t, int[] pos) {
        String tok = t[pos[0]++];
        String rest = tok.substring(1);
        return switch (tok.charAt(0)) {
            case 'N' -> PyConst.NONE;
            case 'T' -> PyConst.TRUE;
            case 'F' -> PyConst.FALSE;
            case 'E' -> PyConst.ELLIPSIS;
            case 'I' -> new PyInt(new BigInteger(rest));
            case 'D' -> new PyFloat(Double.longBitsToDouble(Long.parseUnsignedLong(rest, 16)));
            case 'J' -> {
                String[] p = rest.split(",");
                yield new PyComplex(Double.longBitsToDouble(Long.parseUnsignedLong(p[0], 16)),
                        Double.longBitsToDouble(Long.parseUnsignedLong(p[1], 16)));
            }
            case 'S' -> PyStr.ofCodePoints(PyStr.decodeSurrogatePass(HexFormat.of().parseHex(rest)), false);
            case 'B' -> new PyBytes(HexFormat.of().parseHex(rest));
            case 'U', 'Z' -> {
                int n = Integer.parseInt(rest);
                List<PyObject> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(decode(t, pos));
                yield tok.charAt(0) == 'U' ? new PyTuple(items) : new PySet(items, true);
            }
            case 'L' -> new PySlice(decode(t, pos), decode(t, pos), decode(t, pos));
            case 'C' -> {
                PyCode c = new PyCode();
                c.qualname = PyStr.of(text(rest), false);
                yield c;
            }
            case 'P' -> PyStr.of("<" + text(rest) + ">", false);
            default -> throw new IllegalArgumentException("bad const token " + tok);
        };
    }

    static String encode(List<PyObject> l) {
        StringBuilder sb = new StringBuilder().append(l.size());
        for (PyObject o : l) encode(o, sb);
        return sb.toString();
    }

    private static void encode(PyObject o, StringBuilder sb) {
        sb.append(' ');
        HexFormat h = HexFormat.of();
        if (o instanceof PyConst c) {
            sb.append(switch (c.kind()) {
                case NONE -> "N";
                case TRUE -> "T";
                case FALSE -> "F";
                case ELLIPSIS -> "E";
                default -> "?";
            });
        } else if (o instanceof PyInt i) {
            sb.append('I').append(i.value());
        } else if (o instanceof PyFloat f) {
            sb.append('D').append(String.format("%016x", Double.doubleToRawLongBits(f.value())));
        } else if (o instanceof PyComplex z) {
            sb.append('J').append(String.format("%016x,%016x", Double.doubleToRawLongBits(z.real()), Double.doubleToRawLongBits(z.imag())));
        } else if (o instanceof PyStr s) {
            sb.append('S').append(h.formatHex(PyStr.encodeSurrogatePass(s.codePoints())));
        } else if (o instanceof PyBytes b) {
            sb.append('B').append(h.formatHex(b.value()));
        } else if (o instanceof PyTuple t) {
            sb.append('U').append(t.size());
            for (PyObject x : t.items()) encode(x, sb);
        } else if (o instanceof PySet s) {
            // frozenset items in a canonical order: CPython's iteration order is not the optimizer's business
            sb.append('Z').append(s.items().size());
            List<String> items = new ArrayList<>();
            for (PyObject x : s.items()) {
                StringBuilder one = new StringBuilder();
                encode(x, one);
                items.add(one.toString());
            }
            java.util.Collections.sort(items);
            for (String x : items) sb.append(x);
        } else if (o instanceof PySlice s) {
            sb.append('L');
            encode(s.start(), sb);
            encode(s.stop(), sb);
            encode(s.step(), sb);
        } else if (o instanceof PyCode c) {
            sb.append('C').append(h.formatHex(((PyStr) c.qualname).value().getBytes(StandardCharsets.UTF_8)));
        } else {
            sb.append("?" + o);
        }
    }

    // ---- building inputs

    /**
     * The codegen output as an InstrSequence whose label i is instruction i (jump opargs are indices already),
     * bound only where a jump or block push goes: the dump has no other labels (3.12's instr_sequence_to_cfg
     * starts a block at every bound label).
     */
    InstrSequence sequence(OpTable table) {
        InstrSequence seq = new InstrSequence();
        boolean[] target = new boolean[code.size() + 1];
        for (Ins in : code) {
            Op op = table.op(in.op());
            if (op != null && table.hasJump(op) || op == Op.SETUP_FINALLY || op == Op.SETUP_WITH || op == Op.SETUP_CLEANUP) {
                if (in.arg() >= 0 && in.arg() < target.length) target[in.arg()] = true;
            }
        }
        for (int i = 0; i < code.size(); i++) seq.newLabel();
        for (int i = 0; i < code.size(); i++) {
            Ins in = code.get(i);
            if (target[i]) seq.useLabel(i);
            Op op = table.op(in.op());
            if (op == null) throw new IllegalArgumentException("unknown opcode " + in.op());
            seq.addOp(op, in.arg(), new Location(in.l(), in.el(), in.c(), in.ec()));
        }
        return seq;
    }

    CodeUnitMetadata metadata() {
        CodeUnitMetadata m = new CodeUnitMetadata();
        m.firstlineno = firstlineno;
        for (String v : varnames) m.varnames.add(v);
        for (String v : cellvars) m.cellvars.add(v);
        int off = cellvars.size();
        for (String v : freevars) m.freevars.put(v, off + m.freevars.size());
        return m;
    }

    /** A stand-in for the module's const cache ({@code _PyCompile_ConstCacheMergeOne}), keyed structurally. */
    static final class MergeStandIn implements java.util.function.UnaryOperator<PyObject> {
        final java.util.Map<String, PyObject> map = new java.util.HashMap<>();

        /**
         * A fresh cache as {@code _PyCompile_OptimizeCfg} makes one, except that CPython's empty tuple is
         * a singleton: a folded {@code ()} is the very {@code ()} already in the list.
         */
        MergeStandIn registerSingletons(List<PyObject> l, int maxSmallInt) {
            for (PyObject o : l) {
                if (o instanceof PyTuple t && t.size() == 0) map.putIfAbsent(key(o), o);
                // so are the small ints (-5..256; 3.15: -5..1024): a folded -1 is the very -1 already in the list
                if (o instanceof PyInt i && i.fitsLong() && i.longValue() >= -5 && i.longValue() <= maxSmallInt) map.putIfAbsent(key(o), o);
            }
            return this;
        }

        MergeStandIn register(List<PyObject> l) {
            for (PyObject o : l) map.putIfAbsent(key(o), o);
            return this;
        }

        @Override
        public PyObject apply(PyObject o) {
            if (o instanceof PyCode) return o;
            return map.computeIfAbsent(key(o), k -> o);
        }

        static String key(PyObject o) {
            if (o instanceof PyCode) return "code@" + System.identityHashCode(o);
            if (o instanceof PyConst c && (c.kind() == PyConst.Kind.TRUE || c.kind() == PyConst.Kind.FALSE)) return "bool" + c;
            if (o instanceof PySet s) {
                List<String> ks = new ArrayList<>();
                for (PyObject x : s.items()) ks.add(key(x));
                java.util.Collections.sort(ks);
                return "fs" + ks;
            }
            if (o instanceof PyTuple t) {
                List<String> ks = new ArrayList<>();
                for (PyObject x : t.items()) ks.add(key(x));
                return "tuple" + ks;
            }
            return encode(List.of(o));
        }
    }

}
