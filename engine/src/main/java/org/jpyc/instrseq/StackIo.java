package org.jpyc.instrseq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.version.PyVersion;

/**
 * How many stack items each opcode pops and pushes ({@code _PyOpcode_num_popped},
 * {@code _PyOpcode_num_pushed}), for the passes that need both counts rather than the net effect
 * ({@code optimize_load_fast}, Python/flowgraph.c 3.14). Generated, never typed:
 * {@code tools/gen_stack_io.py}, run with each interpreter (3.14+), writes
 * {@code org/jpyc/instrseq/stack-io-X.Y.tsv} from the interpreter's own opcode metadata header.
 */
public final class StackIo {
    private static final Map<PyVersion, StackIo> CACHE = new ConcurrentHashMap<>();
    private static final int NFEAT = 8;

    private final PyVersion version;
    /** Per op: NFEAT coefficients for popped, then NFEAT for pushed; null if the version has no count. */
    private final int[][] counts = new int[Op.values().length][];
    /** Per op: the popped (pushed) count when it does not depend on the oparg, else -1 ({@link #eval} computes it). */
    private final int[] fixedPopped = new int[Op.values().length], fixedPushed = new int[Op.values().length];

    private StackIo(PyVersion version) {
        this.version = version;
    }

    /** The counts of a target version; throws if jpyc has none. */
    public static StackIo of(PyVersion v) {
        return CACHE.computeIfAbsent(v, StackIo::load);
    }

    /** {@code _PyOpcode_num_popped(op, oparg)}. */
    public int popped(Op op, int oparg) {
        int n = fixedPopped[op.ordinal()];
        return n >= 0 ? n : eval(op, oparg, 0);
    }

    /** {@code _PyOpcode_num_pushed(op, oparg)}. */
    public int pushed(Op op, int oparg) {
        int n = fixedPushed[op.ordinal()];
        return n >= 0 ? n : eval(op, oparg, NFEAT);
    }

    /** The constant term of the {@code o}th count of {@code c} if its oparg coefficients are all 0, else -1. */
    private static int fixed(int[] c, int o) {
        if (c == null) return -1;
        for (int k = 1; k < NFEAT; k++) if (c[o + k] != 0) return -1;
        return c[o] >= 0 ? c[o] : -1;
    }

    private int eval(Op op, int oparg, int o) {
        int[] c = counts[op.ordinal()];
        if (c == null) throw new IllegalArgumentException("no stack counts for " + op + " in CPython " + version);
        return c[o] + c[o + 1] * oparg + c[o + 2] * (oparg & 1) + c[o + 3] * ((oparg >> 1) & 1)
                + c[o + 4] * ((oparg >> 2) & 1) + c[o + 5] * ((oparg >> 3) & 1) + c[o + 6] * (oparg >> 8)
                + c[o + 7] * (oparg == 3 ? 1 : 0);
    }

    private static StackIo load(PyVersion v) {
        String res = "stack-io-" + v + ".tsv";
        StackIo t = new StackIo(v);
        try (InputStream in = StackIo.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalArgumentException("jpyc has no stack counts for CPython " + v);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Op> byName = new HashMap<>();
            for (Op op : Op.values()) byName.put(op.name(), op);
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("version\t")) continue;
                String[] p = line.split("\t", -1);
                if (!p[0].equals("op")) throw new IllegalStateException(res + ": unknown record " + p[0]);
                Op op = byName.get(p[1]);
                if (op == null) continue; // an opcode the compiler never emits (Op lists the compiler's)
                int[] c = new int[2 * NFEAT];
                String[] a = p[2].split(","), b = p[3].split(",");
                for (int i = 0; i < NFEAT; i++) {
                    c[i] = Integer.parseInt(a[i]);
                    c[NFEAT + i] = Integer.parseInt(b[i]);
                }
                t.counts[op.ordinal()] = c;
            }
            for (int i = 0; i < t.counts.length; i++) {
                t.fixedPopped[i] = fixed(t.counts[i], 0);
                t.fixedPushed[i] = fixed(t.counts[i], NFEAT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }
}
