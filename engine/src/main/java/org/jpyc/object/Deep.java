package org.jpyc.object;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the recursive algorithms of this package (hash, equality, repr, set layout) clear of
 * {@link StackOverflowError}. They follow CPython's own structure and stop at its nesting limit
 * ({@link PyHash#MAX_DEPTH}), but a few thousand Java frames may not fit the caller's thread stack.
 * A graph nested deeper than {@link #SHALLOW} levels is therefore processed on a thread of its own
 * with a stack large enough for the limit; everything else runs in place at no extra cost.
 */
final class Deep {
    /** Nesting depth up to which the caller's stack is always enough. */
    static final int SHALLOW = 100;
    /** Enough for {@link PyHash#MAX_DEPTH} levels of the deepest-framed algorithm, with room to spare. */
    private static final long BIG_STACK = 256L << 20;

    private Deep() {}

    /** Runs {@code work} on a large stack when {@code o} nests deeper than {@link #SHALLOW}. */
    static <T> T run(PyObject o, Supplier<T> work) {
        return deeperThan(o, SHALLOW) ? onBigStack(work) : work.get();
    }

    /** Whether containers nest more than {@code limit} levels deep in {@code o} (iterative). */
    static boolean deeperThan(PyObject o, int limit) {
        ArrayDeque<PyObject> objs = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        objs.push(o);
        depths.push(0);
        while (!objs.isEmpty()) {
            PyObject x = objs.pop();
            int d = depths.pop();
            if (d > limit) return true;
            List<PyObject> kids = children(x);
            for (PyObject k : kids) {
                objs.push(k);
                depths.push(d + 1);
            }
        }
        return false;
    }

    /** The items a container holds (tuple, list, set, slice, dict keys and values); none for the rest. */
    static List<PyObject> children(PyObject x) {
        if (x instanceof PyTuple t) return t.items();
        if (x instanceof PyList l) return l.items();
        if (x instanceof PySet s) return s.items();
        if (x instanceof PySlice s) return List.of(s.start(), s.stop(), s.step());
        if (x instanceof PyDict d) {
            java.util.ArrayList<PyObject> out = new java.util.ArrayList<>(d.entries().size() * 2);
            for (PyDict.Entry e : d.entries()) {
                out.add(e.key());
                out.add(e.value());
            }
            return out;
        }
        return List.of();
    }

    private static <T> T onBigStack(Supplier<T> work) {
        return org.jpyc.util.BigStack.run("jpyc-deep-object", BIG_STACK, work);
    }
}
