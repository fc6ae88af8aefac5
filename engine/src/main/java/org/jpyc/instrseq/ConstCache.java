package org.jpyc.instrseq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.SetLayout;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The module-wide constant cache ({@code c_const_cache}): equal constants, by
 * {@code _PyCode_ConstantKey} (Objects/codeobject.c), are one object across every code unit of a
 * module. Its identities are what marshal's {@code FLAG_REF} bits and back-references reproduce.
 * It also carries the {@link InternTable} the compilation's code objects intern their strings into.
 *
 * <p>Tuples are merged in place, as CPython does ({@code PyTuple_SET_ITEM} on the registered tuple):
 * whoever holds the tuple sees its items replaced by the cached equal ones.
 */
public final class ConstCache {
    /** Sized for a module of some hundred code objects' constants and tables without growing. */
    private final Map<Object, PyObject> cache = new HashMap<>(2048);
    /**
     * The strs of the cache (most constants and every name are strs), by text in a table of their own:
     * a str's key ({@code ConstantKey.Str}) equals no other type's key, so this is the same dict split by type.
     */
    private final StrTable strs = new StrTable(1024);
    /** The non-empty tuples of strs (every code object's names tuples), by texts: the same dict split by type again. */
    private final StrTupleTable strTuples = new StrTupleTable(512);
    private final InternTable interned = new InternTable();

    /** The target: what the runtime keeps as interned singletons, and what {@code init_code} interns, depend on it. */
    private final PyVersion target;
    private final boolean latin1SingletonsInterned;

    /** The cache of a 3.13 compilation (the base version's rules). */
    public ConstCache() {
        this(PyVersion.V3_13);
    }

    public ConstCache(PyVersion target) {
        this.target = target;
        this.latin1SingletonsInterned = target.has(Feature.LATIN1_SINGLETONS_INTERNED);
    }

    /** The compilation's target. */
    public PyVersion target() {
        return target;
    }

    /** See {@link #callerFilename}. */
    private PyStr callerFilename;
    /** See {@link #staticName}. */
    private final Map<String, PyStr> staticNames = new HashMap<>(8);

    /**
     * The str the caller passed to {@code compile()} as the filename, as one object: the compiler keeps it
     * ({@code c_filename}) and every code object of the module refers to it. Where {@code init_code} does not
     * intern it (before 3.13), that object is what marshal writes; the caller still holds it while it dumps.
     */
    public PyStr callerFilename(String text) {
        if (callerFilename == null) callerFilename = PyStr.of(text, false);
        return callerFilename;
    }

    /**
     * A code unit's name that CPython takes from its statically allocated strs ({@code _Py_STR(anon_module)}
     * and the like: {@code <module>}, {@code <lambda>}, {@code <genexpr>}, {@code <listcomp>}, {@code <setcomp>},
     * {@code <dictcomp>}): one immortal object per text ({@link PyStr#markRuntimeHeld()}).
     */
    public PyStr staticName(String text) {
        return staticNames.computeIfAbsent(text, t -> PyStr.of(t, false).markRuntimeHeld());
    }

    /**
     * {@code _PyCode_ConstantKey(o)}: a Java value with {@code equals}/{@code hashCode} such that two
     * constants have equal keys exactly when CPython's keys compare equal (type-sensitive: 1, 1.0,
     * True differ; 0.0 and -0.0 differ; tuples and frozensets by their items' keys; code objects as
     * {@code code_richcompare} judges them). See {@link ConstantKey}.
     */
    public static Object key(PyObject o) {
        return ConstantKey.of(o);
    }

    /** The interned strings of this compilation. */
    public InternTable interned() {
        return interned;
    }

    /**
     * {@code merge_consts_recursive}: the cached object equal to {@code o}, registering {@code o} (and,
     * for tuples and frozensets, its items, recursively) when new. A new tuple's items are replaced
     * in place by the cached ones; a new non-empty frozenset is rebuilt from the cached items (the
     * rebuilt set is what is cached and returned).
     */
    public PyObject merge(PyObject o) {
        if (o == PyConst.NONE || o == PyConst.ELLIPSIS) return o;
        if (o instanceof PyBytes b) o = runtimeBytes(b);
        if (o instanceof PySlice sl) o = runtimeSlice(sl);
        if (o instanceof PyStr str) return mergeStr(str);
        if (o instanceof PyTuple t && StrTupleTable.holds(t)) {
            PyTuple cached = strTuples.putIfAbsent(t);
            if (cached != null) return cached;
            PyObject[] items = t.array();
            for (int i = 0; i < items.length; i++) {
                PyStr u = mergeStr((PyStr) items[i]);
                if (u != items[i]) items[i] = u;
            }
            return t;
        }
        Object key = ConstantKey.of(o);
        PyObject cached = cache.putIfAbsent(key, o);
        if (cached != null) return cached;
        if (o instanceof PyTuple t) {
            PyObject[] items = t.array();
            for (int i = 0; i < items.length; i++) {
                PyObject u = merge(items[i]);
                if (u != items[i]) items[i] = u;
            }
        } else if (o instanceof PySet s && s.frozen() && !s.items().isEmpty()) {
            List<PyObject> items = new ArrayList<>(s.items().size());
            for (PyObject item : s.items()) items.add(merge(item));
            PySet rebuilt = SetLayout.frozensetNew(items, target);
            cache.put(key, rebuilt);
            return rebuilt;
        }
        return o;
    }

    /**
     * {@link #merge} of a str (which has no items): the cached str with its text, else {@code s}, made
     * the cached one. A str the runtime keeps as a singleton is that (interned) object, whoever made it.
     */
    private PyStr mergeStr(PyStr s) {
        if (InternTable.isRuntimeSingleton(s)) s = runtimeSingleton(s);
        PyStr cached = strs.putIfAbsent(s);
        return cached != null ? cached : s;
    }

    /**
     * The runtime's empty bytes ({@code bytes_get_empty}): one object for the compilation, which every empty
     * bytes is (a {@code b''} literal, an empty line or exception table after {@code _PyBytes_Resize}, the
     * {@code co_localspluskinds} of a unit without locals), but one allocated as a new object
     * ({@link PyBytes#markFresh()}, as {@code b'a' * 0} makes). The constant cache holds whichever empty bytes
     * it met first: after a fresh one, the tables it merges are that fresh object, not this one.
     */
    public PyBytes emptyBytes() {
        if (emptyBytes == null) emptyBytes = new PyBytes(new byte[0]);
        return emptyBytes;
    }

    private PyBytes emptyBytes;

    /** {@code b} as the runtime has it: {@link #emptyBytes()} for an empty bytes not made fresh, else {@code b}. */
    private PyBytes runtimeBytes(PyBytes b) {
        return b.value().length == 0 && !b.isFresh() ? emptyBytes() : b;
    }

    /**
     * A 3.14 constant slice with its bounds as the runtime has them. CPython merges no slice's items into the
     * constant cache and {@code intern_constants} does not enter slices, so a bound keeps the object the parser
     * made: for a str the runtime keeps as a singleton ({@code s[:'c']}, {@code s['':]}) that is the interned
     * singleton, which marshal writes in its interned form; for an empty bytes the runtime's one.
     */
    private PySlice runtimeSlice(PySlice sl) {
        PyObject a = runtimeBound(sl.start()), b = runtimeBound(sl.stop()), c = runtimeBound(sl.step());
        return a == sl.start() && b == sl.stop() && c == sl.step() ? sl : new PySlice(a, b, c);
    }

    private PyObject runtimeBound(PyObject o) {
        if (o instanceof PyStr s && InternTable.isRuntimeSingleton(s)) return runtimeSingleton(s);
        if (o instanceof PyBytes b) return runtimeBytes(b);
        return o;
    }

    /**
     * The runtime's object for an empty or one-character Latin-1 str: interned from the start where the runtime
     * interns them ({@link Feature#LATIN1_SINGLETONS_INTERNED}), else the plain singleton, interned only once
     * something interns its text ({@link InternTable#singleton}).
     */
    private PyStr runtimeSingleton(PyStr s) {
        return latin1SingletonsInterned ? interned.intern(s) : interned.singleton(s);
    }

    /** {@code _PyCompile_ConstCacheMergeOne}: as {@link #merge} without recursing into items. */
    public PyObject mergeOne(PyObject o) {
        if (o instanceof PyStr str) return mergeStr(str);
        if (o instanceof PyBytes b) o = runtimeBytes(b);
        if (o instanceof PyTuple t && StrTupleTable.holds(t)) {
            PyTuple cached = strTuples.putIfAbsent(t);
            return cached != null ? cached : t;
        }
        PyObject cached = cache.putIfAbsent(ConstantKey.of(o), o);
        return cached != null ? cached : o;
    }
}
