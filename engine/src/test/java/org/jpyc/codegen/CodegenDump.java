package org.jpyc.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.OpTable;
import org.jpyc.version.PyVersion;

/**
 * Prints jpyc's unoptimized code generator output, unit by unit, for a target without a
 * {@code compiler_codegen} hook to compare with (3.10): {@code CodegenDump 3.10 FILE...}. Each line is
 * {@code index line OP oparg}, jump opargs as labels ({@code L<n>}), bound labels on lines of their own.
 */
public final class CodegenDump {
    private CodegenDump() {}

    public static void main(String[] args) throws Exception {
        PyVersion v = PyVersion.of(3, Integer.parseInt(args[0].substring(2)));
        for (int a = 1; a < args.length; a++) {
            byte[] src = Files.readAllBytes(Path.of(args[a]));
            CodegenCompare.Setup s = CodegenCompare.setup(v, src, args[a], Integer.getInteger("jpyc.opt", 0), true);
            CodegenCompare.Recorder rec = new CodegenCompare.Recorder(v);
            s.codegen().setUnitSink(rec);
            s.codegen().compileModule(s.mod());
            print(rec.last, rec, OpTable.of(v), "");
        }
    }

    private static void print(CodegenUnit u, CodegenCompare.Recorder rec, OpTable ops, String indent) {
        System.out.println(indent + "== " + u.metadata.qualname + " consts=" + u.metadata.consts().size());
        for (InstrSequence nested : u.instrs.nested()) {
            CodegenUnit n = rec.units.get(nested);
            if (n != null) print(n, rec, ops, indent + "  ");
        }
        InstrSequence seq = u.instrs;
        for (int i = 0; i < seq.size(); i++) {
            for (int l = 0; l < seq.labelCount(); l++) if (seq.labelTarget(l) == i) System.out.println(indent + "L" + l + ":");
            Location loc = seq.locAt(i);
            String op = seq.opAt(i).name();
            boolean jump = isJump(op);
            System.out.println(indent + "  " + i + "\t" + loc.lineno() + "\t" + op + (ops.has(seq.opAt(i)) ? "" : "(!)") + "\t"
                    + (jump ? "L" : "") + seq.opargAt(i));
        }
        for (int l = 0; l < seq.labelCount(); l++) if (seq.labelTarget(l) == seq.size()) System.out.println(indent + "L" + l + ":");
    }

    private static boolean isJump(String op) {
        return op.startsWith("JUMP") || op.startsWith("POP_JUMP") || op.startsWith("SETUP_") || op.equals("FOR_ITER")
                || op.equals("SEND");
    }
}
