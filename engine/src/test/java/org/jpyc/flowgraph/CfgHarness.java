package org.jpyc.flowgraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * Compares this package with CPython (3.12-3.15) on dumps written by {@code dump_units.py}: (A) the CFG
 * optimization alone against {@code _testinternalcapi.optimize_cfg} on the same codegen output and
 * constants; (B) the whole of {@link FlowGraph#optimizeAndConvert} against the real code object
 * (instructions, jump targets, locations, handlers, stack size, nlocalsplus, constants).
 * {@code main([--version=3.14] [--max=N] [--show=LABEL-SUFFIX] [--inexact] dump...)} prints figures and the
 * first differences ({@code --show}: a unit's whole final sequence, ours | CPython's; {@code --inexact}: also
 * the final differences of units whose input constants are guessed).
 */
public final class CfgHarness {
    private final PyVersion V;

    int optOk, optBad, optSkipped, optTruncated, finOk, finBad, finBadInexact, finConstsOnly, crashes, stashed;
    final List<String> reports = new ArrayList<>();
    int maxReports = 30;
    /** Units whose label ends with this get their whole final sequence printed (ours | CPython's). */
    String show;
    /** Also report final differences of units whose input constants are guessed. */
    boolean reportInexact;

    CfgHarness(PyVersion version) {
        this.V = version;
    }

    CfgHarness() {
        this(PyVersion.V3_13);
    }

    public static void main(String[] args) throws Exception {
        CfgHarness h = new CfgHarness();
        for (String a : args) {
            if (a.startsWith("--max=")) h.maxReports = Integer.parseInt(a.substring(6));
            else if (a.startsWith("--version=")) h = new CfgHarness(PyVersion.of(3, Integer.parseInt(a.substring(12))));
            else if (a.startsWith("--show=")) h.show = a.substring(7);
            else if (a.equals("--inexact")) h.reportInexact = true;
            else for (UnitDump u : UnitDump.read(Path.of(a))) h.check(u);
        }
        for (String r : h.reports) System.out.println(r);
        System.out.println(h.summary());
    }

    String summary() {
        return String.format("optimize_cfg: %d same, %d same but for the cold blocks 3.12.1's drops, %d differ, %d skipped; final: %d same, %d differ (%d only in consts), %d differ with guessed input consts; crashes %d; %d units with unknown input (annotations stash)",
                optOk, optTruncated, optBad, optSkipped, finOk, finBad, finConstsOnly, finBadInexact, crashes, stashed);
    }

    private void report(String s) {
        if (reports.size() < maxReports) reports.add(s);
    }

    void check(UnitDump u) {
        OpTable t = OpTable.of(V);
        if (u.stashed) {
            stashed++;
            return;
        }
        if (u.opt == null) {
            optSkipped++;
        } else {
            try {
                List<PyObject> consts = new ArrayList<>(u.consts);
                InstrSequence out = FlowGraph.optimizeCfg(V, u.sequence(t), consts, new UnitDump.MergeStandIn().registerSingletons(consts, V.has(org.jpyc.version.Feature.SMALL_INTS_TO_1024) ? 1024 : 256), u.nlocals);
                String diff = compareOpt(t, out, u.opt);
                String cs = UnitDump.encode(consts);
                if (diff == null && !cs.equals(u.optConsts)) diff = "consts: ours " + cs + " cpython " + u.optConsts;
                if (diff == null && out.size() > u.opt.size()) {
                    // 3.12.1's optimize_cfg returns some units without their cold blocks (the exception handlers
                    // push_cold_blocks_to_end moved last; the block pushes aim at garbage): ours agrees up to there
                    optTruncated++;
                } else if (diff == null) optOk++;
                else {
                    optBad++;
                    report("OPT " + u.label + ": " + diff);
                }
            } catch (RuntimeException e) {
                crashes++;
                report("OPT CRASH " + u.label + ": " + e);
                if (reports.size() < 5) e.printStackTrace();
            }
        }
        try {
            List<PyObject> consts = new ArrayList<>(u.consts);
            FlowGraph.Result r = FlowGraph.optimizeAndConvert(V, u.sequence(t), u.metadata(), consts,
                    new UnitDump.MergeStandIn().register(consts), u.flags, u.nlocals, u.nparams, u.firstlineno);
            if (V.has(org.jpyc.version.Feature.MATCH_POP_NEXT_LOCATION)) org.jpyc.assemble.Assembler.resolveNextLocations(V, r.instrs());
            String diff = compareFinal(t, r, u);
            if (show != null && u.label.endsWith(show)) System.out.println("SHOW " + u.label + finalContext(t, r.instrs(), u.fin, -1000));
            String cs = UnitDump.encode(consts);
            if (diff == null && !cs.equals(u.finalConsts)) {
                if (u.exactConsts) finConstsOnly++;
                diff = "consts" + (u.exactConsts ? "" : " (inexact input)") + ": ours " + cs + " cpython " + u.finalConsts;
            }
            if (diff == null) finOk++;
            else {
                if (u.exactConsts) {
                    finBad++;
                    report("FINAL " + u.label + ": " + diff);
                } else {
                    finBadInexact++;
                    if (reportInexact) report("FINAL (inexact input consts) " + u.label + ": " + diff);
                }
            }
        } catch (RuntimeException e) {
            crashes++;
            report("FINAL CRASH " + u.label + ": " + e);
            if (reports.size() < 5) e.printStackTrace();
        }
    }

    private static String fmt(OpTable t, UnitDump.Ins e) {
        return t.op(e.op()) + " " + e.arg() + " @" + e.l() + "," + e.el() + "," + e.c() + "," + e.ec();
    }

    private static String fmt(Instr i) {
        return i.op + " " + i.oparg + " @" + i.loc.lineno() + "," + i.loc.endLineno() + "," + i.loc.colOffset() + "," + i.loc.endColOffset();
    }

    static String compareOpt(OpTable t, InstrSequence out, List<UnitDump.Ins> exp) {
        int n = Math.min(out.size(), exp.size());
        for (int k = 0; k < n; k++) {
            Instr i = out.get(k);
            UnitDump.Ins e = exp.get(k);
            // 3.12.1's optimize_cfg sometimes writes a block push's target as a garbage number (out of range; the
            // same API crashes on other units: a memory error of its own, the real compile agrees): not compared
            boolean danglingPush = (i.op == Op.SETUP_FINALLY || i.op == Op.SETUP_CLEANUP || i.op == Op.SETUP_WITH)
                    && (e.arg() < 0 || e.arg() >= exp.size());
            if (t.op(e.op()) != i.op || (e.arg() != i.oparg && !danglingPush) || e.l() != i.loc.lineno() || e.el() != i.loc.endLineno()
                    || e.c() != i.loc.colOffset() || e.ec() != i.loc.endColOffset()) {
                return "at " + k + ": ours " + fmt(i) + " cpython " + fmt(t, e) + context(t, out, exp, k);
            }
        }
        if (out.size() > exp.size() && lostColdBlocks(out, exp.size())) return null; // see check()
        if (out.size() != exp.size()) return "length ours " + out.size() + " cpython " + exp.size() + context(t, out, exp, n);
        return null;
    }

    /** Whether ours from {@code from} on is what 3.12.1's optimize_cfg can leave out: blocks after a scope exit. */
    private static boolean lostColdBlocks(InstrSequence out, int from) {
        if (from == 0) return false;
        Op last = out.get(from - 1).op;
        return last == Op.RETURN_VALUE || last == Op.RETURN_CONST || last == Op.RERAISE || last == Op.RAISE_VARARGS
                || last == Op.JUMP || last == Op.JUMP_NO_INTERRUPT;
    }

    private static String context(OpTable t, InstrSequence out, List<UnitDump.Ins> exp, int k) {
        StringBuilder sb = new StringBuilder("\n");
        for (int j = Math.max(0, k - 4); j < Math.min(Math.max(out.size(), exp.size()), k + 5); j++) {
            sb.append(String.format("   %3d %-44s | %s%n", j, j < out.size() ? fmt(out.get(j)) : "", j < exp.size() ? fmt(t, exp.get(j)) : ""));
        }
        return sb.toString();
    }

    /** Whether our op stands for CPython's final op: the pseudo jumps resolve in the assembler. */
    private static boolean sameOp(Op ours, Op real) {
        if (ours == real) return true;
        if (ours == Op.JUMP) return real == Op.JUMP_FORWARD || real == Op.JUMP_BACKWARD;
        if (ours == Op.JUMP_NO_INTERRUPT) return real == Op.JUMP_FORWARD || real == Op.JUMP_BACKWARD_NO_INTERRUPT;
        return false;
    }

    static String compareFinal(OpTable t, FlowGraph.Result r, UnitDump u) {
        InstrSequence out = r.instrs();
        List<UnitDump.Ins> exp = u.fin;
        int n = Math.min(out.size(), exp.size());
        for (int k = 0; k < n; k++) {
            Instr i = out.get(k);
            UnitDump.Ins e = exp.get(k);
            int arg = i.oparg;
            if (i.op == Op.END_ASYNC_FOR && arg >= 0 && arg < out.size() && out.get(arg).op == Op.SEND) {
                arg += 4; // the assembler aims 3.14's END_ASYNC_FOR past its SEND loop (JumpResolution.END_SEND_OFFSET)
            }
            boolean same = sameOp(i.op, t.op(e.op())) && e.arg() == arg && e.l() == i.loc.lineno()
                    && e.el() == i.loc.endLineno() && e.c() == i.loc.colOffset() && e.ec() == i.loc.endColOffset();
            if (same) {
                int hTarget = i.handlerLabel;
                int hDepth = hTarget < 0 ? 0 : i.handlerStartDepth - 1 - (i.handlerPreserveLasti ? 1 : 0);
                int hLasti = hTarget >= 0 && i.handlerPreserveLasti ? 1 : 0;
                if (hTarget != e.hTarget() || (hTarget >= 0 && (hDepth != e.hDepth() || hLasti != e.hLasti()))) {
                    return "handler at " + k + ": ours " + hTarget + "/" + hDepth + "/" + hLasti + " cpython " + e.hTarget() + "/" + e.hDepth() + "/" + e.hLasti();
                }
            } else {
                return "at " + k + ": ours " + fmt(i) + " cpython " + fmt(t, e) + finalContext(t, out, exp, k);
            }
        }
        if (out.size() != exp.size()) return "length ours " + out.size() + " cpython " + exp.size() + finalContext(t, out, exp, n);
        // init_code (Objects/codeobject.c, 3.13+) makes a stack size of 0 into 1
        if (r.stackdepth() != u.stacksize && Math.max(1, r.stackdepth()) != u.stacksize) return "stacksize ours " + r.stackdepth() + " cpython " + u.stacksize;
        if (r.nlocalsplus() != u.nlocalsplus) return "nlocalsplus ours " + r.nlocalsplus() + " cpython " + u.nlocalsplus;
        return null;
    }

    private static String finalContext(OpTable t, InstrSequence out, List<UnitDump.Ins> exp, int k) {
        StringBuilder sb = new StringBuilder("\n");
        int from = k == -1000 ? 0 : Math.max(0, k - 4);
        int to = k == -1000 ? Math.max(out.size(), exp.size()) : Math.min(Math.max(out.size(), exp.size()), k + 5);
        for (int j = from; j < to; j++) {
            sb.append(String.format("   %3d %-44s | %s%n", j, j < out.size() ? fmt(out.get(j)) : "", j < exp.size() ? fmt(t, exp.get(j)) : ""));
        }
        return sb.toString();
    }
}
