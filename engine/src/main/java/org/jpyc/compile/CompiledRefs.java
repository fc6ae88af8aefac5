package org.jpyc.compile;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jpyc.marshal.RefPolicy;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * Which objects of a freshly compiled code object graph CPython 3.13's {@code marshal.dumps} flags
 * with {@code FLAG_REF} ({@code w_ref}, Python/marshal.c: flagged unless the reference count is 1 and
 * it is not an interned str). After {@code compile()} returns, the compiler's caches are gone, so an
 * object's references are the graph's own, plus:
 * <ul>
 *   <li>the caller's reference to the top-level code object ({@code py_compile} holds it; 3.15's is a
 *       borrowed stack reference, so there the root counts once: {@code rootHeld} false);</li>
 *   <li>each code object's cached {@code co_code} copy ({@code _PyCode_GetCode} keeps it in
 *       {@code _co_cached}, and marshal holds the one it got): always 2;</li>
 *   <li>runtime singletons: small ints -5..256 ({@code _PyLong_SMALL_INTS}; 3.15: -5..1024), the empty str and
 *       one-character Latin-1 strs, the empty bytes, the empty tuple; one-byte bytes only when made by
 *       {@code PyBytes_FromStringAndSize} with data, which is how constants are made, while
 *       {@code makecode}'s localsplus kinds and the resized location table are fresh objects
 *       (so a one-byte bytes counts as a singleton only where it is reachable from co_consts);</li>
 *   <li>interned strs (flagged by the rule itself);</li>
 *   <li>the writer's own reference to set items while writing a set (3.11+,
 *       {@link RefPolicy.Sharing#extraReference()}).</li>
 * </ul>
 */
final class CompiledRefs implements RefPolicy {
    private final PyCode root;
    private final boolean rootHeld;
    private final int maxSmallInt;
    private final Set<PyObject> codeBytes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<PyObject> constBytes = Collections.newSetFromMap(new IdentityHashMap<>());

    CompiledRefs(PyCode root, boolean rootHeld, int maxSmallInt) {
        this.root = root;
        this.rootHeld = rootHeld;
        this.maxSmallInt = maxSmallInt;
        collect(root);
    }

    @Override
    public boolean flag(PyObject v, Sharing s) {
        if (s.extraReference() || s.occurrences(v) > 1 || (v == root && rootHeld)) return true;
        if (v instanceof PyStr str) return str.interned() || latin1Singleton(str);
        if (v instanceof PyInt) return SmallInts.isSmall(v, maxSmallInt);
        if (v instanceof PyTuple t) return t.size() == 0;
        if (v instanceof PyBytes b) {
            if (codeBytes.contains(v)) return true;
            int n = b.value().length;
            return n == 0 || (n == 1 && constBytes.contains(v));
        }
        return false;
    }

    /** {@code unicode_get_empty} / {@code get_latin1_char}: shared by the runtime whoever made them
     *  (but for a str allocated as a new object, {@link PyStr#markFresh()}). */
    private static boolean latin1Singleton(PyStr s) {
        return org.jpyc.instrseq.InternTable.isRuntimeSingleton(s);
    }

    /** Finds every code object's co_code and every bytes reachable from constants. */
    private void collect(PyCode top) {
        ArrayDeque<PyObject> todo = new ArrayDeque<>();
        Set<PyObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.push(top);
        while (!todo.isEmpty()) {
            PyObject o = todo.pop();
            if (!seen.add(o)) continue;
            if (o instanceof PyCode c) {
                if (c.code != null) codeBytes.add(c.code);
                if (c.consts != null) todo.push(c.consts);
            } else if (o instanceof PyTuple t) {
                for (PyObject x : t.array()) todo.push(x);
            } else if (o instanceof PySet fs) {
                for (PyObject x : fs.items()) todo.push(x);
            } else if (o instanceof PyBytes) {
                constBytes.add(o);
            }
        }
    }
}
