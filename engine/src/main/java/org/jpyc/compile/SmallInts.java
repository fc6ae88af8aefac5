package org.jpyc.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyTuple;
import org.jpyc.util.IdentityIntMap;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * CPython's small ints ({@code _PyLong_SMALL_INTS}, -5..256; 3.15: -5..1024) are one object per value in the whole
 * process, so marshal writes every occurrence after the first as a back-reference. Up to 3.13 the
 * module's constant cache made every equal constant one object anyway; from 3.14 constants folded in
 * the CFG ({@code get_const_value} of LOAD_SMALL_INT, tuples of folded items) and the items of constant
 * slices are made outside it. This makes each small int of a compiled code object graph one object per
 * value: in constants, tuples, frozensets and slices, recursively.
 */
final class SmallInts {
    private final int maxSmall;
    private final PyInt[] canonical;
    private final IdentityIntMap seen = new IdentityIntMap(256);
    /** Slices are immutable: each rebuilt once, so that a shared slice stays shared. */
    private final IdentityHashMap<PySlice, PySlice> slices = new IdentityHashMap<>();
    /** Frozensets likewise (their item lists are not ours to change). */
    private final IdentityHashMap<PySet, PySet> sets = new IdentityHashMap<>();

    private SmallInts(int maxSmall) {
        this.maxSmall = maxSmall;
        this.canonical = new PyInt[maxSmall + 6];
    }

    /** The largest cached small int of {@code v} ({@code _PY_NSMALLPOSINTS - 1}); the smallest is -5. */
    static int maxSmall(PyVersion v) {
        return v.has(Feature.SMALL_INTS_TO_1024) ? 1024 : 256;
    }

    /** Whether {@code o} is one of the runtime's cached small ints (-5..{@code maxSmall}). */
    static boolean isSmall(PyObject o, int maxSmall) {
        return o instanceof PyInt i && i.fitsLong() && i.longValue() >= -5 && i.longValue() <= maxSmall;
    }

    /** Shares the small ints of {@code root}'s graph, in place. */
    static void share(PyCode root, PyVersion v) {
        new SmallInts(maxSmall(v)).visit(root);
    }

    private boolean isSmall(PyObject o) {
        return isSmall(o, maxSmall);
    }

    /** The graph's object for {@code o}'s value (the first one met), or {@code o} itself. */
    private PyObject canon(PyObject o) {
        if (!isSmall(o)) return o;
        int k = (int) ((PyInt) o).longValue() + 5;
        if (canonical[k] == null) canonical[k] = (PyInt) o;
        return canonical[k];
    }

    /** Visits {@code o}'s items and returns the object to keep in its place. */
    private PyObject visit(PyObject o) {
        if (isSmall(o)) return canon(o);
        if (o instanceof PySlice s) {
            return slices.computeIfAbsent(s, x -> {
                PyObject a = visit(x.start()), b = visit(x.stop()), c = visit(x.step());
                return a == x.start() && b == x.stop() && c == x.step() ? x : new PySlice(a, b, c);
            });
        }
        if (o instanceof PySet s) {
            return sets.computeIfAbsent(s, x -> {
                List<PyObject> out = new ArrayList<>(x.items().size());
                boolean changed = false;
                for (PyObject item : x.items()) {
                    PyObject y = visit(item);
                    changed |= y != item;
                    out.add(y);
                }
                return changed ? new PySet(out, x.frozen()) : x;
            });
        }
        if (!(o instanceof PyCode || o instanceof PyTuple)) return o; // holds no object to share: not entered in seen
        if (seen.put(o, 1) != 0) return o;
        if (o instanceof PyCode c) {
            if (c.consts != null) c.consts = visit(c.consts);
        } else if (o instanceof PyTuple t) {
            PyObject[] items = t.array();
            for (int i = 0; i < items.length; i++) items[i] = visit(items[i]);
        }
        return o;
    }
}
