package org.jpyc.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code co_code} decoded into instructions, as {@code dis._unpack_opargs} walks it.
 *
 * <p>Layout (wordcode, 3.6+): a sequence of 2-byte code units {@code (opcode, oparg)}. An opcode
 * without an argument (below {@code HAVE_ARGUMENT}, or outside {@code hasarg} from 3.12) ignores
 * its oparg byte. {@code EXTENDED_ARG n} prefixes shift {@code n} into the high bits of the next
 * argument: {@code arg = oparg | (prefix << 8)}. From 3.11 (PEP 659) a specializable instruction is
 * followed by a fixed number of inline {@code CACHE} code units (zero in {@code co_code} as
 * marshalled), which are not instructions; and dis treats the folded argument as a C int: a
 * prefix value reaching 2^31 wraps negative once ({@link Feature#OPARG_INT32_WRAP}).
 */
public final class Bytecode {
    private static final long INT_OVERFLOW = 1L << 31;

    private final List<Instruction> instructions;
    private final int length;

    private Bytecode(List<Instruction> instructions, int length) {
        this.instructions = instructions;
        this.length = length;
    }

    /** Decodes {@code code} with {@code version}'s opcode table. */
    public static Bytecode decode(byte[] code, PyVersion version) {
        return decode(code, OpcodeTable.forVersion(version), version);
    }

    public static Bytecode decode(byte[] code, OpcodeTable table, PyVersion version) {
        boolean wrap = version.has(Feature.OPARG_INT32_WRAP);
        int extOp = table.extendedArg();
        List<Instruction> out = new ArrayList<>(code.length / 2);
        long extended = 0;
        int prefixes = 0;
        int caches = 0;
        for (int i = 0; i < code.length; i += 2) {
            if (caches > 0) {
                caches--;
                continue;
            }
            int op = code[i] & 0xff;
            int deop = table.deopt(op);
            caches = table.cacheEntries(deop);
            boolean hasArg = table.hasArg(op);
            long arg = 0;
            if (hasArg) {
                if (i + 1 >= code.length) {
                    throw new CodeFormatException("co_code", i, "odd length: opcode " + op + " has no argument byte");
                }
                arg = (code[i + 1] & 0xff) | extended;
                extended = deop == extOp ? arg << 8 : 0;
                if (wrap && extended >= INT_OVERFLOW) extended -= 2 * INT_OVERFLOW;
                if (arg != (int) arg || extended != (extended << 1 >> 1)) {
                    throw new CodeFormatException("co_code", i, "EXTENDED_ARG chain overflows");
                }
            } else {
                extended = 0;
            }
            int start;
            if (deop == extOp) {
                prefixes++;
                start = i;
            } else {
                start = i - 2 * prefixes;
                prefixes = 0;
            }
            out.add(new Instruction(i, start, op, (int) arg, hasArg, table.cacheEntries(deop)));
        }
        return new Bytecode(Collections.unmodifiableList(out), code.length);
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** Length of {@code co_code} in bytes. */
    public int length() {
        return length;
    }

    /**
     * The byte offset instruction {@code in} jumps to, as dis computes it, or -1 if it is not a jump.
     * Relative jumps count from the next instruction (3.12+: from after its inline caches,
     * {@link Feature#JUMP_AFTER_CACHES}); backward jumps (3.11+) subtract; arguments count code
     * units from 3.10 ({@link Feature#JUMP_ARGS_IN_UNITS}), bytes before.
     */
    public static int jumpTarget(Instruction in, OpcodeTable table, PyVersion version) {
        if (!in.hasArg()) return -1;
        int deop = table.deopt(in.opcode());
        long unit = version.has(Feature.JUMP_ARGS_IN_UNITS) ? 2 : 1;
        long target;
        if (table.is(deop, OpcodeTable.Kind.JREL)) {
            long arg = table.is(deop, OpcodeTable.Kind.BACKWARD) ? -(long) in.arg() : in.arg();
            target = in.offset() + 2 + arg * unit;
            if (version.has(Feature.JUMP_AFTER_CACHES)) target += 2L * table.cacheEntries(deop);
        } else if (table.is(deop, OpcodeTable.Kind.JABS)) {
            target = in.arg() * unit;
        } else {
            return -1;
        }
        return (int) target;
    }
}
