package org.jpyc.dis;

import org.jpyc.code.Instruction;
import org.jpyc.code.OpcodeTable.Kind;

/**
 * 3.11 dis: only {@code LOAD_CONST} shows its constant ({@code KW_NAMES} shows nothing),
 * {@code LOAD_GLOBAL}'s low bit ({@code NULL + name}), localsplus names, {@code BINARY_OP}.
 */
final class ArgRepr311 extends ArgRepr {
    @Override
    String argrepr(CodeContext c, Instruction in, Targets targets) {
        int op = deop(c, in);
        int arg = in.arg();
        var t = c.table;
        if (has(t, op, Kind.CONST)) return is(c, op, "LOAD_CONST") ? constRepr(c, in, arg) : "";
        if (has(t, op, Kind.NAME)) {
            if (is(c, op, "LOAD_GLOBAL")) {
                String n = c.name(in.offset(), arg >> 1);
                return (arg & 1) != 0 ? "NULL + " + n : n;
            }
            return c.name(in.offset(), arg);
        }
        if (has(t, op, Kind.JABS) || has(t, op, Kind.JREL)) return "to " + jump(c, in, targets);
        if (has(t, op, Kind.LOCAL) || has(t, op, Kind.FREE)) return c.local(in.offset(), arg);
        if (has(t, op, Kind.COMPARE)) return listItem(c, in, "cmp_op", arg);
        if (is(c, op, "FORMAT_VALUE")) return formatValue(c, in);
        if (is(c, op, "MAKE_FUNCTION")) return flags(c, arg);
        if (is(c, op, "BINARY_OP")) return listItem(c, in, "nb_ops", arg);
        return "";
    }
}
