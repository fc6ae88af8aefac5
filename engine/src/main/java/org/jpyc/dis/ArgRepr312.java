package org.jpyc.dis;

import org.jpyc.code.Instruction;
import org.jpyc.code.OpcodeTable.Kind;

/**
 * 3.12 dis: every {@code hasconst} shows its constant; {@code LOAD_ATTR} / {@code LOAD_SUPER_ATTR}
 * low bits ({@code NULL|self + name}); {@code COMPARE_OP} uses {@code arg >> 4}; intrinsics.
 */
final class ArgRepr312 extends ArgRepr {
    @Override
    String argrepr(CodeContext c, Instruction in, Targets targets) {
        int op = deop(c, in);
        int arg = in.arg();
        var t = c.table;
        if (has(t, op, Kind.CONST)) return constRepr(c, in, arg);
        if (has(t, op, Kind.NAME)) {
            if (is(c, op, "LOAD_GLOBAL")) {
                String n = c.name(in.offset(), arg >> 1);
                return (arg & 1) != 0 ? "NULL + " + n : n;
            }
            if (is(c, op, "LOAD_ATTR")) {
                String n = c.name(in.offset(), arg >> 1);
                return (arg & 1) != 0 ? "NULL|self + " + n : n;
            }
            if (is(c, op, "LOAD_SUPER_ATTR")) {
                String n = c.name(in.offset(), arg >> 2);
                return (arg & 1) != 0 ? "NULL|self + " + n : n;
            }
            return c.name(in.offset(), arg);
        }
        if (has(t, op, Kind.JABS) || has(t, op, Kind.JREL)) return "to " + jump(c, in, targets);
        if (has(t, op, Kind.LOCAL) || has(t, op, Kind.FREE)) return c.local(in.offset(), arg);
        if (has(t, op, Kind.COMPARE)) return listItem(c, in, "cmp_op", arg >> 4);
        if (is(c, op, "FORMAT_VALUE")) return formatValue(c, in);
        if (is(c, op, "MAKE_FUNCTION")) return flags(c, arg);
        if (is(c, op, "BINARY_OP")) return listItem(c, in, "nb_ops", arg);
        if (is(c, op, "CALL_INTRINSIC_1")) return listItem(c, in, "intrinsic1", arg);
        if (is(c, op, "CALL_INTRINSIC_2")) return listItem(c, in, "intrinsic2", arg);
        return "";
    }
}
