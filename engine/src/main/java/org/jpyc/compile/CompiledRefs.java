package org.jpyc.compile;

import org.jpyc.instrseq.InternTable;
import org.jpyc.marshal.RefPolicy;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.util.IdentityIntMap;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * Which objects of a freshly compiled code object graph CPython 3.13's {@code marshal.dumps} flags
 * with {@code FLAG_REF} ({@code w_ref}, Python/marshal.c: flagged unless the reference count is 1 and
 * it is not an interned str). After {@code compile()} returns, the compiler's caches are gone, so an
 * object's references are the graph's own, plus:
 * <ul>
 *   <li>the caller's reference to the top-level code object ({@code py_compile} holds it; 3.15's is a
 *       borrowed stack reference, so there the root counts once: {@code rootHeld} false);</li>
 *   <li>each code object's cached {@code co_code} copy ({@code _PyCode_GetCode} keeps it in
 *       {@code _co_cached}, and marshal holds the one it got): always 2 (3.11+; 3.10's co_code is the code
 *       object's own, {@link Feature#CODE_BYTES_CACHED_COPY});</li>
 *   <li>runtime singletons: small ints -5..256 ({@code _PyLong_SMALL_INTS}; 3.15: -5..1024), the empty str and
 *       one-character Latin-1 strs, the empty bytes, the empty tuple; one-byte bytes only when made by
 *       {@code PyBytes_FromStringAndSize} with data, which is how constants are made, while
 *       {@code makecode}'s localsplus kinds and the resized location table are fresh objects
 *       (so a one-byte bytes counts as a singleton only where it is reachable from co_consts);</li>
 *   <li>interned strs (flagged by the rule itself from 3.11; 3.10's only when held: {@link
 *       Feature#INTERNED_STRS_ALWAYS_FLAGGED}, its startup strings {@link PyStr#isRuntimeHeld() held by the runtime}),
 *       and 3.12's statically allocated names ({@code <module>}:
 *       immortal, {@link PyStr#isRuntimeHeld()});</li>
 *   <li>the caller's filename str, which it still holds while it dumps: before 3.13 every code object's
 *       {@code co_filename} is that object, not an interned one;</li>
 *   <li>the writer's own reference to set items while writing a set (3.11+,
 *       {@link RefPolicy.Sharing#extraReference()}).</li>
 * </ul>
 */
final class CompiledRefs implements RefPolicy {
    /** Marks per object: referenced once, more than once (within the graph), and where it was met. */
    private static final int ONCE = 1, SHARED = 2, CODE_BYTES = 4, CONST_BYTES = 8;

    private final PyCode root;
    private final boolean rootHeld;
    private final int maxSmallInt;
    /** {@link Feature#INTERNED_STRS_ALWAYS_FLAGGED}: else an interned str is counted as any object is. */
    private final boolean internedFlagged;
    /** {@link Feature#CODE_BYTES_CACHED_COPY}: every co_code flagged. */
    private final boolean codeBytesCached;
    private final IdentityIntMap marks = new IdentityIntMap(1024);

    CompiledRefs(PyCode root, PyVersion target) {
        this.root = root;
        this.rootHeld = !target.has(Feature.ROOT_CODE_UNFLAGGED);
        this.maxSmallInt = SmallInts.maxSmall(target);
        this.internedFlagged = target.has(Feature.INTERNED_STRS_ALWAYS_FLAGGED);
        this.codeBytesCached = target.has(Feature.CODE_BYTES_CACHED_COPY);
        collect(root);
    }

    /** Every object the graph holds more than once is marked shared, hence flagged (see {@link #flag}). */
    @Override
    public boolean flagsEveryRepeat() {
        return true;
    }

    /**
     * Asks nothing of {@code s} but its extra reference: the occurrences are this policy's own count
     * (what {@link RefPolicy.Sharing#occurrences} would count, made in the walk that finds the bytes).
     */
    @Override
    public boolean flag(PyObject v, Sharing s) {
        if (s.extraReference()) return true;
        // flagged however often they occur, so not counted (see visit): interned strs and small ints
        if (v instanceof PyStr str && ((internedFlagged && str.interned()) || str.isRuntimeHeld() || str == root.filename)) return true;
        if (v instanceof PyInt && SmallInts.isSmall(v, maxSmallInt)) return true;
        int m = marks.get(v);
        if ((m & SHARED) != 0 || (v == root && rootHeld)) return true;
        if (v instanceof PyStr str) return latin1Singleton(str);
        if (v instanceof PyInt) return SmallInts.isSmall(v, maxSmallInt);
        if (v instanceof PyTuple t) return t.size() == 0;
        if (v instanceof PyBytes b) {
            if ((m & CODE_BYTES) != 0 && codeBytesCached) return true;
            int n = b.value().length;
            // the runtime's empty and one-byte bytes (immortal), but a bytes allocated as a new object
            return !b.isFresh() && (n == 0 || (n == 1 && (m & CONST_BYTES) != 0));
        }
        return false;
    }

    /** {@code unicode_get_empty} / {@code get_latin1_char}: shared by the runtime whoever made them
     *  (but for a str allocated as a new object, {@link PyStr#markFresh()}). */
    private static boolean latin1Singleton(PyStr s) {
        return InternTable.isRuntimeSingleton(s);
    }

    /**
     * Counts each reference to each object of the graph (descending into an object on its first
     * visit only, as the writer's occurrence count does: every object field of a code object, the
     * items of tuples, frozensets and slices), and marks every code object's co_code and every bytes
     * reachable from constants (the items of tuples, frozensets and slices: names tuples hold strs only).
     */
    private void collect(PyCode top) {
        PyObject[] stack = new PyObject[64];
        int sp = 0;
        marks.put(top, ONCE);
        stack[sp++] = top;
        while (sp > 0) {
            PyObject o = stack[--sp];
            if (stack.length - sp < 16) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            if (o instanceof PyCode c) {
                sp = visit(c.code, CODE_BYTES, stack, sp);
                sp = visit(c.consts, 0, stack, sp);
                sp = visit(c.names, 0, stack, sp);
                sp = visit(c.varnames, 0, stack, sp);
                sp = visit(c.freevars, 0, stack, sp);
                sp = visit(c.cellvars, 0, stack, sp);
                sp = visit(c.localsplusnames, 0, stack, sp);
                sp = visit(c.localspluskinds, 0, stack, sp);
                sp = visit(c.filename, 0, stack, sp);
                sp = visit(c.name, 0, stack, sp);
                sp = visit(c.qualname, 0, stack, sp);
                sp = visit(c.linetable, 0, stack, sp);
                sp = visit(c.exceptiontable, 0, stack, sp);
            } else if (o instanceof PyTuple t) {
                PyObject[] items = t.array();
                if (stack.length - sp < items.length) stack = java.util.Arrays.copyOf(stack, sp + items.length + 16);
                for (PyObject x : items) sp = visit(x, x instanceof PyBytes ? CONST_BYTES : 0, stack, sp);
            } else if (o instanceof PySet fs) {
                java.util.List<PyObject> items = fs.items();
                if (stack.length - sp < items.size()) stack = java.util.Arrays.copyOf(stack, sp + items.size() + 16);
                for (PyObject x : items) sp = visit(x, x instanceof PyBytes ? CONST_BYTES : 0, stack, sp);
            } else if (o instanceof PySlice sl) {
                // a 3.14 constant slice's bounds are constants too (b'x' in s[b'x':] is the one-byte singleton)
                for (PyObject x : new PyObject[] {sl.start(), sl.stop(), sl.step()}) {
                    sp = visit(x, x instanceof PyBytes ? CONST_BYTES : 0, stack, sp);
                }
            }
        }
    }

    /**
     * Counts one reference to {@code x} (with {@code bits}); pushes it if it is a container met for the first
     * time. An interned str or a small int, which {@link #flag} flags however often it occurs (most of the
     * names), is not counted.
     */
    private int visit(PyObject x, int bits, PyObject[] stack, int sp) {
        if (x == null || x instanceof PyConst) return sp;
        if (x instanceof PyStr str && ((internedFlagged && str.interned()) || str.isRuntimeHeld())) return sp;
        if (x instanceof PyInt && SmallInts.isSmall(x, maxSmallInt)) return sp;
        int old = marks.orSeen(x, ONCE | bits, ONCE, SHARED);
        // met for the first time (a later meeting marks it shared): a container is pushed to be walked
        if ((old & ONCE) == 0 && (x instanceof PyCode || x instanceof PyTuple || x instanceof PySet || x instanceof PySlice)) {
            stack[sp++] = x;
        }
        return sp;
    }
}
