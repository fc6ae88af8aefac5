package org.jpyc.dis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jpyc.code.Bytecode;
import org.jpyc.code.ExceptionTable;
import org.jpyc.code.Instruction;
import org.jpyc.code.LineRange;

/**
 * The 3.13+ layout: {@code LINE  LABEL:  -->  OPNAME  ARG  (ARGREPR)}, offsets hidden.
 *
 * <ul>
 *   <li>line column: width {@code max(3, digits of the largest non-zero line)}, at least 4 when
 *       some line start has no line ({@code --}); absent without any non-zero line; printed only
 *       where {@code co_lines()} starts an entry, preceded by a blank line unless at offset 0;
 *   <li>label column: {@code L<n>:} right-aligned to {@code 4 + digits of the label count}; labels
 *       number, in offset order, all jump targets and exception table starts, ends and targets;
 *   <li>{@code -->} column: always blank here;
 *   <li>opname left-aligned to 20; argument right-aligned to 5 minus any opname overflow.
 * </ul>
 * Ends with {@code ExceptionTable:} lines {@code L<start> to L<end> -> L<target> [depth]}.
 */
final class LabelListing extends Listing {
    private static final String NO_LINENO = "  --";

    @Override
    void disassemble(CodeContext c, StringBuilder out) {
        // findlinestarts (3.13+): every co_lines() entry starts a line, None included.
        Map<Integer, Integer> starts = new HashMap<>();
        boolean anyNone = false;
        for (LineRange r : c.lineTable.lines()) {
            starts.put(r.start(), r.line());
        }
        int maxLine = -1;
        boolean anyTruthy = false;
        for (Integer l : starts.values()) {
            if (l == null) {
                anyNone = true;
            } else if (l != 0) {
                maxLine = anyTruthy ? Math.max(maxLine, l) : l;
                anyTruthy = true;
            }
        }
        int linenoWidth;
        if (!anyTruthy || maxLine == -1) {
            linenoWidth = 0;
        } else {
            linenoWidth = Math.max(3, String.valueOf(maxLine).length());
            if (linenoWidth < NO_LINENO.length() && anyNone) linenoWidth = NO_LINENO.length();
        }

        TreeSet<Integer> labelOffsets = new TreeSet<>();
        for (Instruction in : c.bytecode.instructions()) {
            int target = Bytecode.jumpTarget(in, c.table, c.version);
            if (target != -1) labelOffsets.add(target);
        }
        for (ExceptionTable.Entry e : c.exceptions) {
            labelOffsets.add(e.start());
            labelOffsets.add(e.end());
            labelOffsets.add(e.target());
        }
        Map<Integer, Integer> labels = new HashMap<>();
        List<Integer> sorted = new ArrayList<>(labelOffsets);
        for (int i = 0; i < sorted.size(); i++) labels.put(sorted.get(i), i + 1);
        int labelWidth = 4 + String.valueOf(labels.size()).length();

        ArgRepr argRepr = ArgRepr.forVersion(c.version);
        ArgRepr.Targets targets = offset -> "L" + labels.get(offset);

        for (Instruction in : c.bytecode.instructions()) {
            boolean startsLine = starts.containsKey(in.offset());
            if (linenoWidth > 0 && startsLine && in.offset() > 0) out.append('\n');
            List<String> fields = new ArrayList<>();
            if (linenoWidth > 0) {
                if (startsLine) {
                    Integer line = starts.get(in.offset());
                    fields.add(rjust(line == null ? NO_LINENO : String.valueOf(line), linenoWidth));
                } else {
                    fields.add(" ".repeat(linenoWidth));
                }
            }
            Integer label = labels.get(in.offset());
            fields.add(label != null ? rjust("L" + label + ":", labelWidth) : " ".repeat(labelWidth));
            fields.add("   ");
            String opname = c.table.name(in.opcode());
            fields.add(ljust(opname, OPNAME_WIDTH));
            if (in.hasArg()) {
                int excess = Math.max(0, opname.length() - OPNAME_WIDTH);
                fields.add(rjust(String.valueOf(in.arg()), OPARG_WIDTH - excess));
                String r = argRepr.argrepr(c, in, targets);
                if (!r.isEmpty()) fields.add("(" + r + ")");
            }
            out.append(rstrip(String.join(" ", fields))).append('\n');
        }
        if (!c.exceptions.isEmpty()) {
            out.append("ExceptionTable:\n");
            for (ExceptionTable.Entry e : c.exceptions) {
                out.append("  L").append(labels.get(e.start())).append(" to L").append(labels.get(e.end()))
                        .append(" -> L").append(labels.get(e.target())).append(" [").append(e.depth()).append(']')
                        .append(e.lasti() ? " lasti" : "").append('\n');
            }
        }
    }
}
