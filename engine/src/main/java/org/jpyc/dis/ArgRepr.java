package org.jpyc.dis;

import java.util.List;
import org.jpyc.code.Bytecode;
import org.jpyc.code.CodeFormatException;
import org.jpyc.code.Instruction;
import org.jpyc.code.OpcodeTable;
import org.jpyc.code.OpcodeTable.Kind;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.version.PyVersion;

/**
 * The argument description dis prints in parentheses after an instruction's argument
 * ({@code argrepr}). One subclass per version whose rules changed; each follows the order of the
 * branches in that version's {@code dis.py}, so the first matching rule wins.
 */
abstract class ArgRepr {
    /** Jump-target rendering: an offset ({@code to 24}) before 3.13, a label ({@code to L3}) after. */
    interface Targets {
        String describe(int targetOffset);
    }

    static ArgRepr forVersion(PyVersion v) {
        if (v.atLeast(3, 15)) return new ArgRepr315();
        if (v.atLeast(3, 14)) return new ArgRepr314();
        if (v.atLeast(3, 13)) return new ArgRepr313();
        if (v.atLeast(3, 12)) return new ArgRepr312();
        if (v.atLeast(3, 11)) return new ArgRepr311();
        if (v.atLeast(3, 10)) return new ArgRepr310();
        return new ArgRepr39();
    }

    abstract String argrepr(CodeContext c, Instruction in, Targets targets);

    // ---- helpers shared by the versions ----

    static int deop(CodeContext c, Instruction in) {
        return c.table.deopt(in.opcode());
    }

    static boolean is(CodeContext c, int deop, String name) {
        int op = c.table.opcode(name);
        return op >= 0 && op == deop;
    }

    static String constRepr(CodeContext c, Instruction in, int index) {
        PyObject o = c.constant(in.offset(), index);
        return PyRepr.repr(o, c.version);
    }

    static String listItem(CodeContext c, Instruction in, String list, int index) {
        List<String> items = c.table.list(list);
        if (index < 0 || index >= items.size()) {
            throw new CodeFormatException("co_code", in.offset(), list + " index " + index + " out of range");
        }
        return items.get(index);
    }

    /** dis's jump target: offset for {@code to N} / label lookup. */
    static String jump(CodeContext c, Instruction in, Targets targets) {
        return targets.describe(Bytecode.jumpTarget(in, c.table, c.version));
    }

    /** {@code MAKE_FUNCTION} / {@code SET_FUNCTION_ATTRIBUTE} flag names joined by {@code ", "}. */
    static String flags(CodeContext c, int arg) {
        List<String> names = c.table.list("function_flags");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if ((arg & (1 << i)) != 0) {
                if (b.length() > 0) b.append(", ");
                b.append(names.get(i));
            }
        }
        return b.toString();
    }

    /** 3.10-3.12 {@code FORMAT_VALUE}: converter name, then {@code with format} if bit 2 is set. */
    static String formatValue(CodeContext c, Instruction in) {
        String r = listItem(c, in, "format_value_converters", in.arg() & 3);
        if ((in.arg() & 4) != 0) {
            r = r.isEmpty() ? "with format" : r + ", with format";
        }
        return r;
    }

    static boolean has(OpcodeTable t, int deop, Kind k) {
        return t.is(deop, k);
    }
}
