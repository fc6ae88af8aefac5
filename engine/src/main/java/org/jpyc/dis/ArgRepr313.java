package org.jpyc.dis;

import org.jpyc.code.Instruction;
import org.jpyc.code.OpcodeTable.Kind;

/**
 * 3.13 dis: name suffixes ({@code name + NULL}, {@code name + NULL|self}), label jumps, paired
 * fast-local superinstructions, {@code COMPARE_OP} with {@code arg >> 5} and {@code bool(...)}
 * for bit 4, {@code CONVERT_VALUE}, {@code SET_FUNCTION_ATTRIBUTE}.
 */
class ArgRepr313 extends ArgRepr {
    /** The superinstructions whose argument packs two local indices, 4 bits each. */
    String[] pairOps() {
        return new String[] {"LOAD_FAST_LOAD_FAST", "STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"};
    }

    @Override
    String argrepr(CodeContext c, Instruction in, Targets targets) {
        int op = deop(c, in);
        int arg = in.arg();
        var t = c.table;
        if (has(t, op, Kind.CONST)) return constRepr(c, in, arg);
        if (has(t, op, Kind.NAME)) return nameRepr(c, in, op, arg);
        if (has(t, op, Kind.JUMP) || has(t, op, Kind.EXC)) return jumpPreposition(c, op) + " " + jump(c, in, targets);
        for (String pair : pairOps()) {
            if (is(c, op, pair)) return c.local(in.offset(), arg >> 4) + ", " + c.local(in.offset(), arg & 15);
        }
        if (has(t, op, Kind.LOCAL) || has(t, op, Kind.FREE)) return c.local(in.offset(), arg);
        if (has(t, op, Kind.COMPARE)) {
            String r = listItem(c, in, "cmp_op", arg >> 5);
            return (arg & 16) != 0 ? "bool(" + r + ")" : r;
        }
        if (is(c, op, "CONVERT_VALUE")) return listItem(c, in, "convert_value_names", arg);
        if (is(c, op, "SET_FUNCTION_ATTRIBUTE")) return flags(c, arg);
        if (is(c, op, "BINARY_OP")) return listItem(c, in, "nb_ops", arg);
        if (is(c, op, "CALL_INTRINSIC_1")) return listItem(c, in, "intrinsic1", arg);
        if (is(c, op, "CALL_INTRINSIC_2")) return listItem(c, in, "intrinsic2", arg);
        return more(c, in, op, arg);
    }

    /** A {@code hasname} argument: the name, with the flag suffixes of some opcodes. */
    String nameRepr(CodeContext c, Instruction in, int op, int arg) {
        if (is(c, op, "LOAD_GLOBAL")) {
            String n = c.name(in.offset(), arg >> 1);
            return (arg & 1) != 0 ? n + " + NULL" : n;
        }
        if (is(c, op, "LOAD_ATTR")) {
            String n = c.name(in.offset(), arg >> 1);
            return (arg & 1) != 0 ? n + " + NULL|self" : n;
        }
        if (is(c, op, "LOAD_SUPER_ATTR")) {
            String n = c.name(in.offset(), arg >> 2);
            return (arg & 1) != 0 ? n + " + NULL|self" : n;
        }
        return c.name(in.offset(), arg);
    }

    /** {@code to} ({@code from} for 3.14's {@code END_ASYNC_FOR}). */
    String jumpPreposition(CodeContext c, int op) {
        return "to";
    }

    /** Rules later versions add after the 3.13 ones. */
    String more(CodeContext c, Instruction in, int op, int arg) {
        return "";
    }
}
