package org.jpyc.marshal;

import org.jpyc.object.PyBytes;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * Decides which objects the writer marks with {@code FLAG_REF} (formats 3+): the seam where jpyc
 * reproduces CPython's reference counts.
 *
 * <p><b>CPython's rule</b> ({@code w_object}/{@code w_ref} in Python/marshal.c, 3.4+). Singletons
 * (None, True, False, Ellipsis, StopIteration, NULL) are written as one byte, never flagged. Any other
 * object is looked up in the writer's table by identity: if it was flagged before, {@code 'r'} and its
 * index are written instead. Otherwise it is flagged, and given the next index, unless
 * {@code Py_REFCNT(v) == 1}: an object nobody else holds cannot occur twice. So the flag means "someone
 * else also holds a reference", which for compiled code happens when
 * <ul>
 *   <li>the same object occurs more than once in the graph being written, or</li>
 *   <li>it is a cached singleton: a small int (-5..256), the empty tuple, the empty {@code bytes} and
 *       one-byte {@code bytes}, the empty {@code str}, one-character Latin-1 {@code str}, or an
 *       interned {@code str} (held by the interning table). From 3.12 these are immortal, whose
 *       reference count is never 1, so they stay flagged; or</li>
 *   <li>the writer itself holds an extra reference: from 3.11 set items are written from a sorted list
 *       of (dump, item) pairs ({@link Sharing#extraReference()}).</li>
 * </ul>
 * Other holders (the compiler's constant caches, a module's globals) are not visible to jpyc; exact
 * parity for compiler output is tuned by supplying another policy.
 *
 * <p>Policies are only asked about objects not yet in the table, and only for format 3 and later.
 */
@FunctionalInterface
public interface RefPolicy {
    /** Whether {@code v}, written in full for the first time, gets {@code FLAG_REF}. */
    boolean flag(PyObject v, Sharing sharing);

    /**
     * Whether this policy flags, at its first sight, every object that the graph holds more than once
     * (as CPython's rule does: such an object's reference count is above one). Then an object it leaves
     * unflagged is never met again, so the writer asks the policy first and looks in its table only for
     * flagged objects (one lookup that finds or enters them) instead of looking up every object. False
     * unless a policy says so.
     */
    default boolean flagsEveryRepeat() {
        return false;
    }

    /** What a policy may ask about the graph being written. */
    interface Sharing {
        /** How many times {@code v} (by identity) occurs in the graph being written, counting each reference once. */
        int occurrences(PyObject v);

        /** True while the writer itself holds a temporary reference to the object being written (set items, 3.11+). */
        boolean extraReference();

        /** The target format. */
        MarshalFormat format();
    }

    /** The default: keep the flag an object was loaded with; for objects built in Java apply {@link #CPYTHON}. */
    RefPolicy PRESERVE_ELSE_CPYTHON = (v, s) -> v.refFlag() != null ? v.refFlag() : RefPolicy.cpythonShared(v, s);

    /** CPython's rule for every object, ignoring loaded flags. */
    RefPolicy CPYTHON = RefPolicy::cpythonShared;

    /** Never flag (as marshal format 2 and earlier behave): shared objects are written in full each time. */
    RefPolicy NEVER = (v, s) -> false;

    /** CPython's rule (see the class comment). */
    static boolean cpythonShared(PyObject v, Sharing s) {
        return s.extraReference() || isCachedSingleton(v) || s.occurrences(v) > 1;
    }

    /** Whether CPython keeps {@code v}'s value as a shared (cached, interned or immortal) object. */
    static boolean isCachedSingleton(PyObject v) {
        if (v instanceof PyInt i) {
            return i.fitsLong() && i.longValue() >= -5 && i.longValue() <= 256;
        }
        if (v instanceof PyStr s) {
            if (s.interned()) return true;
            if (s.raw().length == 0) return true;
            if (s.form().oneByte) return s.raw().length == 1;
            int[] cps = s.codePoints();
            return cps.length == 1 && cps[0] < 256;
        }
        if (v instanceof PyBytes b) return b.value().length <= 1;
        if (v instanceof PyTuple t) return t.size() == 0;
        return false;
    }
}
