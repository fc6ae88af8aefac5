package org.jpyc.instrseq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;

/**
 * One target version's compiler-side opcode facts: number, argument, dis lists, inline caches and
 * stack effect of every {@link Op} the version has, real or pseudo. Generated, never typed:
 * {@code tools/gen_compiler_tables.py}, run with each interpreter, writes
 * {@code org/jpyc/instrseq/compiler-X.Y.tsv} (the stack effect as coefficients over oparg features,
 * checked against {@code dis.stack_effect} for opargs 0..599 when generated).
 */
public final class OpTable {
    private static final org.jpyc.version.PerVersion<OpTable> TABLES = new org.jpyc.version.PerVersion<>(OpTable::load);
    private static final int F_ARG = 1, F_CONST = 2, F_NAME = 4, F_JUMP = 8, F_FREE = 16, F_LOCAL = 32, F_EXC = 64, F_PSEUDO = 128, F_JABS = 256;
    private static final int NFEAT = 8;

    private final PyVersion version;
    private String interpreterVersion;
    private int haveArgument;
    private final int[] number = new int[Op.values().length];
    private final int[] flags = new int[Op.values().length];
    private final int[] caches = new int[Op.values().length];
    /** Per op: 2 x NFEAT coefficients (jump=false, then jump=true); null if the interpreter refuses. */
    private final int[][] effects = new int[Op.values().length][];
    /** Per op, jump=false then jump=true: the effect when it does not depend on the oparg, else {@link #VARIES}. */
    private final int[] fixedEffects = new int[2 * Op.values().length];
    private static final int VARIES = Integer.MIN_VALUE;
    private final Op[] byNumber = new Op[512];
    private final Map<String, List<String>> lists = new HashMap<>();
    /** Each list's item to index ({@link #indexIn} is asked per binary operator and per code unit). */
    private final Map<String, Map<String, Integer>> listIndex = new HashMap<>();

    private OpTable(PyVersion version) {
        this.version = version;
        Arrays.fill(number, -1);
    }

    /** The table of a target version; throws if jpyc has none. */
    public static OpTable of(PyVersion v) {
        return TABLES.get(v); // asked once per code unit by the assembler
    }

    public PyVersion version() {
        return version;
    }

    /** The interpreter the table was generated from, e.g. {@code 3.13.5}. */
    public String interpreterVersion() {
        return interpreterVersion;
    }

    public int haveArgument() {
        return haveArgument;
    }

    public boolean has(Op op) {
        return number[op.ordinal()] >= 0;
    }

    /** The opcode number; throws if the version has no such opcode. */
    public int number(Op op) {
        int n = number[op.ordinal()];
        if (n < 0) throw new IllegalArgumentException("CPython " + version + " has no opcode " + op);
        return n;
    }

    /** The op with this number (real or pseudo), or null. */
    public Op op(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }

    public boolean hasArg(Op op) {
        return (flags[op.ordinal()] & F_ARG) != 0;
    }

    public boolean hasConst(Op op) {
        return (flags[op.ordinal()] & F_CONST) != 0;
    }

    public boolean hasName(Op op) {
        return (flags[op.ordinal()] & F_NAME) != 0;
    }

    /** {@code OPCODE_HAS_JUMP}. */
    public boolean hasJump(Op op) {
        return (flags[op.ordinal()] & F_JUMP) != 0;
    }

    /** {@code hasjabs} (up to 3.10): a jump whose oparg is its target's offset, not a distance. */
    public boolean isAbsoluteJump(Op op) {
        return (flags[op.ordinal()] & F_JABS) != 0;
    }

    public boolean hasFree(Op op) {
        return (flags[op.ordinal()] & F_FREE) != 0;
    }

    public boolean hasLocal(Op op) {
        return (flags[op.ordinal()] & F_LOCAL) != 0;
    }

    /** {@code OPCODE_HAS_EXC}: the block-push pseudo ops. */
    public boolean hasExc(Op op) {
        return (flags[op.ordinal()] & F_EXC) != 0;
    }

    public boolean isPseudo(Op op) {
        return (flags[op.ordinal()] & F_PSEUDO) != 0;
    }

    /** {@code IS_BLOCK_PUSH_OPCODE}: SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH. */
    public boolean isBlockPush(Op op) {
        return op == Op.SETUP_FINALLY || op == Op.SETUP_CLEANUP || op == Op.SETUP_WITH;
    }

    /** {@code HAS_TARGET}: a jump, or a block push whose oparg is its handler. */
    public boolean hasTarget(Op op) {
        return hasJump(op) || isBlockPush(op);
    }

    /** Inline cache code units after the instruction ({@code _PyOpcode_Caches}). */
    public int caches(Op op) {
        return caches[op.ordinal()];
    }

    /** Whether the interpreter gives this op a stack effect at all. */
    public boolean hasStackEffect(Op op) {
        return effects[op.ordinal()] != null;
    }

    /** {@code stack_effect(opcode, oparg, jump)}, as the compiler computes it. */
    public int stackEffect(Op op, int oparg, boolean jump) {
        int fixed = fixedEffects[2 * op.ordinal() + (jump ? 1 : 0)];
        return fixed != VARIES ? fixed : computedStackEffect(op, oparg, jump);
    }

    /** {@link #stackEffect} from the coefficients. */
    private int computedStackEffect(Op op, int oparg, boolean jump) {
        int[] c = effects[op.ordinal()];
        if (c == null) throw new IllegalArgumentException("no stack effect for " + op + " in CPython " + version);
        int o = jump ? NFEAT : 0;
        return c[o] + c[o + 1] * oparg + c[o + 2] * (oparg & 1) + c[o + 3] * ((oparg >> 1) & 1)
                + c[o + 4] * ((oparg >> 2) & 1) + c[o + 5] * ((oparg >> 3) & 1) + c[o + 6] * (oparg >> 8)
                + c[o + 7] * (oparg == 3 ? 1 : 0);
    }

    /** A named list: {@code nb_ops}, {@code intrinsic1}, {@code intrinsic2}, {@code cmp_op}. */
    public List<String> list(String name) {
        List<String> l = lists.get(name);
        if (l == null) throw new IllegalArgumentException("CPython " + version + " has no list " + name);
        return l;
    }

    /** Index of {@code item} in list {@code name} (e.g. {@code indexIn("nb_ops", "NB_ADD")}); throws if absent. */
    public int indexIn(String name, String item) {
        Map<String, Integer> index = listIndex.get(name);
        if (index == null) list(name); // throws
        Integer i = index.get(item);
        if (i == null) throw new IllegalArgumentException("CPython " + version + ": " + item + " not in " + name);
        return i;
    }

    private static OpTable load(PyVersion v) {
        String res = "compiler-" + v + ".tsv";
        OpTable t = new OpTable(v);
        try (InputStream in = OpTable.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalArgumentException("jpyc has no compiler tables for CPython " + v);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Op> byName = new HashMap<>();
            for (Op op : Op.values()) byName.put(op.name(), op);
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] p = line.split("\t", -1);
                switch (p[0]) {
                    case "version" -> t.interpreterVersion = p[1];
                    case "HAVE_ARGUMENT" -> t.haveArgument = Integer.parseInt(p[1]);
                    case "op" -> {
                        Op op = byName.get(p[1]);
                        if (op == null) throw new IllegalStateException(res + ": opcode " + p[1] + " missing from Op (regenerate Op.java)");
                        int num = Integer.parseInt(p[2]);
                        t.number[op.ordinal()] = num;
                        t.byNumber[num] = op;
                        int f = 0;
                        if (!p[3].equals("-")) {
                            for (String s : p[3].split(",")) {
                                f |= switch (s) {
                                    case "arg" -> F_ARG;
                                    case "const" -> F_CONST;
                                    case "name" -> F_NAME;
                                    case "jump" -> F_JUMP;
                                    case "free" -> F_FREE;
                                    case "local" -> F_LOCAL;
                                    case "exc" -> F_EXC;
                                    case "pseudo" -> F_PSEUDO;
                                    case "jabs" -> F_JABS;
                                    default -> throw new IllegalStateException(res + ": unknown flag " + s);
                                };
                            }
                        }
                        t.flags[op.ordinal()] = f;
                        t.caches[op.ordinal()] = Integer.parseInt(p[4]);
                        if (!p[5].equals("-") && !p[6].equals("-")) {
                            int[] c = new int[2 * NFEAT];
                            String[] a = p[5].split(","), b = p[6].split(",");
                            for (int i = 0; i < NFEAT; i++) {
                                c[i] = Integer.parseInt(a[i]);
                                c[NFEAT + i] = Integer.parseInt(b[i]);
                            }
                            t.effects[op.ordinal()] = c;
                        }
                    }
                    case "list" -> {
                        List<String> items = List.of(Arrays.copyOfRange(p, 2, p.length));
                        t.lists.put(p[1], items);
                        Map<String, Integer> index = new HashMap<>();
                        for (int i = items.size() - 1; i >= 0; i--) index.put(items.get(i), i); // the first of equal items
                        t.listIndex.put(p[1], index);
                    }
                    default -> throw new IllegalStateException(res + ": unknown record " + p[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int op = 0; op < t.effects.length; op++) {
            for (int j = 0; j < 2; j++) t.fixedEffects[2 * op + j] = fixedEffect(t.effects[op], j * NFEAT);
        }
        return t;
    }

    /** The constant term of the effect at {@code o} in {@code c} if no oparg feature counts, else {@link #VARIES}. */
    private static int fixedEffect(int[] c, int o) {
        if (c == null) return VARIES;
        for (int k = 1; k < NFEAT; k++) if (c[o + k] != 0) return VARIES;
        return c[o];
    }

    /** Unused-op guard for tests: every op of the table by number. */
    public Map<Op, Integer> numbers() {
        Map<Op, Integer> m = new EnumMap<>(Op.class);
        for (Op op : Op.values()) if (has(op)) m.put(op, number(op));
        return m;
    }
}
