package org.jpyc.dis;

import org.jpyc.code.Instruction;
import org.jpyc.code.OpcodeTable.Kind;

/**
 * 3.9 dis: constants, names, {@code varnames} and cell/free names; relative jumps show
 * {@code to N} (byte offsets), absolute jumps ({@code hasjabs}) show nothing.
 */
class ArgRepr39 extends ArgRepr {
    @Override
    String argrepr(CodeContext c, Instruction in, Targets targets) {
        int op = in.opcode();
        int arg = in.arg();
        var t = c.table;
        if (has(t, op, Kind.CONST)) return constRepr(c, in, arg);
        if (has(t, op, Kind.NAME)) return c.name(in.offset(), arg);
        if (has(t, op, Kind.JREL)) return "to " + jump(c, in, targets);
        if (has(t, op, Kind.JABS)) return absoluteJump(c, in, targets);
        if (has(t, op, Kind.LOCAL)) return c.local(in.offset(), arg);
        if (has(t, op, Kind.COMPARE)) return listItem(c, in, "cmp_op", arg);
        if (has(t, op, Kind.FREE)) return c.free(in.offset(), arg);
        if (is(c, op, "FORMAT_VALUE")) return formatValue(c, in);
        if (is(c, op, "MAKE_FUNCTION")) return flags(c, arg);
        return "";
    }

    /**
     * An absolute jump's description: none in 3.9 (its dis has no {@code hasjabs} branch, and no
     * later branch matches a jump opcode).
     */
    String absoluteJump(CodeContext c, Instruction in, Targets targets) {
        return "";
    }
}
