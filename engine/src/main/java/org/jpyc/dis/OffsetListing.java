package org.jpyc.dis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jpyc.code.Bytecode;
import org.jpyc.code.ExceptionTable;
import org.jpyc.code.Instruction;

/**
 * The 3.10-3.12 layout: {@code LINE  -->  >>  OFFSET  OPNAME  ARG  (ARGREPR)}.
 *
 * <ul>
 *   <li>line column: width 3, or the digits of the largest line from 1000 on; absent if the code
 *       has no line starts; printed only where a line starts, preceded by a blank line unless at
 *       offset 0;
 *   <li>{@code -->} current-instruction column: always blank here;
 *   <li>{@code >>}: the offset is a jump target (3.11+: or an exception handler);
 *   <li>offset right-aligned to width 4, or the digits of the last offset from 10000 on;
 *   <li>opname left-aligned to 20, argument right-aligned to 5, argrepr in parentheses.
 * </ul>
 * 3.11+ ends with an {@code ExceptionTable:} section, one {@code start to last -> target [depth]}
 * line per entry, {@code last} being the offset of the last covered code unit.
 */
final class OffsetListing extends Listing {
    @Override
    void disassemble(CodeContext c, StringBuilder out) {
        Map<Integer, Integer> starts = new HashMap<>();
        int maxLine = Integer.MIN_VALUE;
        for (int[] s : c.lineTable.lineStarts()) {
            starts.put(s[0], s[1]);
            maxLine = Math.max(maxLine, s[1]);
        }
        boolean showLineno = !starts.isEmpty();
        int linenoWidth = !showLineno ? 0 : maxLine >= 1000 ? String.valueOf(maxLine).length() : 3;
        int maxOffset = c.bytecode.length() - 2;
        int offsetWidth = maxOffset >= 10000 ? String.valueOf(maxOffset).length() : 4;

        Set<Integer> labels = new HashSet<>();
        for (Instruction in : c.bytecode.instructions()) {
            int target = Bytecode.jumpTarget(in, c.table, c.version);
            if (target != -1) labels.add(target);
        }
        for (ExceptionTable.Entry e : c.exceptions) {
            if (e.start() < e.end()) labels.add(e.target());
        }
        ArgRepr argRepr = ArgRepr.forVersion(c.version);
        ArgRepr.Targets targets = String::valueOf;

        for (Instruction in : c.bytecode.instructions()) {
            Integer line = starts.get(in.offset());
            if (showLineno && line != null && in.offset() > 0) out.append('\n');
            StringBuilder f = new StringBuilder();
            if (linenoWidth > 0) {
                f.append(line != null ? rjust(String.valueOf(line), linenoWidth) : " ".repeat(linenoWidth)).append(' ');
            }
            f.append("   ").append(' ');
            f.append(labels.contains(in.offset()) ? ">>" : "  ").append(' ');
            f.append(rjust(String.valueOf(in.offset()), offsetWidth)).append(' ');
            String opname = c.table.name(in.opcode());
            f.append(ljust(opname, OPNAME_WIDTH));
            if (in.hasArg()) {
                f.append(' ').append(rjust(String.valueOf(in.arg()), OPARG_WIDTH));
                String r = argRepr.argrepr(c, in, targets);
                if (!r.isEmpty()) f.append(" (").append(r).append(')');
            }
            out.append(rstrip(f.toString())).append('\n');
        }
        if (!c.exceptions.isEmpty()) {
            out.append("ExceptionTable:\n");
            for (ExceptionTable.Entry e : c.exceptions) {
                out.append("  ").append(e.start()).append(" to ").append(e.end() - 2).append(" -> ")
                        .append(e.target()).append(" [").append(e.depth()).append(']')
                        .append(e.lasti() ? " lasti" : "").append('\n');
            }
        }
    }
}
