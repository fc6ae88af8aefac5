package org.jpyc.instrseq;

import org.jpyc.object.PyObject;

/**
 * The module-wide constant cache ({@code c_const_cache}): equal constants, by
 * {@code _PyCode_ConstantKey} (Objects/codeobject.c), are one object across every code unit of a
 * module. Its identities are what marshal's {@code FLAG_REF} bits and back-references reproduce.
 *
 * <p>OWNER: the assemble/marshal-identity work. The API below is a contract the other stages code
 * against; the bodies are to be written.
 */
public final class ConstCache {
    public ConstCache() {}

    /**
     * {@code _PyCode_ConstantKey(o)}: a Java value with {@code equals}/{@code hashCode} such that two
     * constants have equal keys exactly when CPython's keys compare equal (type-sensitive: 1, 1.0,
     * True differ; 0.0 and -0.0 differ; tuples and frozensets by their items' keys; code objects by
     * identity as {@code code_richcompare} would judge them in the version at hand).
     */
    public static Object key(PyObject o) {
        throw new UnsupportedOperationException("ConstCache.key: to be written");
    }

    /**
     * {@code merge_consts_recursive}: the cached object equal to {@code o}, registering {@code o} (and,
     * for tuples and frozensets, its items, recursively) when new. Tuples whose items were replaced by
     * cached ones are rebuilt.
     */
    public PyObject merge(PyObject o) {
        throw new UnsupportedOperationException("ConstCache.merge: to be written");
    }

    /** {@code _PyCompile_ConstCacheMergeOne}: as {@link #merge} without recursing into items. */
    public PyObject mergeOne(PyObject o) {
        throw new UnsupportedOperationException("ConstCache.mergeOne: to be written");
    }
}
