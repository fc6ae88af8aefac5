package org.jpyc.instrseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.junit.jupiter.api.Test;

/** {@code _PyCode_ConstantKey}, {@code merge_consts_recursive}, {@code _PyCompile_ConstCacheMergeOne}, interning. */
class ConstCacheTest {
    private static PyStr s(String t) {
        return PyStr.of(t, false);
    }

    private static PyTuple tuple(PyObject... items) {
        return new PyTuple(new ArrayList<>(List.of(items)));
    }

    private static Object key(PyObject o) {
        return ConstCache.key(o);
    }

    @Test
    void keysAreTypeSensitive() {
        assertNotEquals(key(PyInt.of(1)), key(new PyFloat(1.0)));
        assertNotEquals(key(PyInt.of(1)), key(PyConst.TRUE));
        assertNotEquals(key(PyInt.of(0)), key(PyConst.FALSE));
        assertNotEquals(key(new PyFloat(1.0)), key(new PyComplex(1.0, 0.0)));
        assertNotEquals(key(s("a")), key(new PyBytes(new byte[] {'a'})));
        assertEquals(key(PyInt.of(7)), key(PyInt.of(7)));
        assertEquals(key(s("abc")), key(PyStr.of("abc", true)));
        assertNotEquals(key(tuple(PyInt.of(1))), key(tuple(PyConst.TRUE)));
        assertNotEquals(key(tuple(PyInt.of(1))), key(tuple(new PyFloat(1.0))));
        assertEquals(key(tuple(PyInt.of(1), s("x"))), key(tuple(PyInt.of(1), s("x"))));
    }

    @Test
    void signedZerosDiffer() {
        assertNotEquals(key(new PyFloat(0.0)), key(new PyFloat(-0.0)));
        assertEquals(key(new PyFloat(-0.0)), key(new PyFloat(-0.0)));
        PyComplex[] zs = {new PyComplex(0.0, 0.0), new PyComplex(-0.0, 0.0), new PyComplex(0.0, -0.0), new PyComplex(-0.0, -0.0)};
        for (int i = 0; i < zs.length; i++) {
            for (int j = 0; j < zs.length; j++) {
                assertEquals(i == j, key(zs[i]).equals(key(zs[j])), i + " " + j);
            }
        }
        PyFloat nan = new PyFloat(Double.NaN);
        assertEquals(key(nan), key(nan));
        assertNotEquals(key(nan), key(new PyFloat(Double.NaN)));
    }

    @Test
    void frozensetKeyIgnoresOrderAndStrsKeepLoneSurrogates() {
        PySet a = new PySet(List.of(s("x"), PyInt.of(1)), true);
        PySet b = new PySet(List.of(PyInt.of(1), s("x")), true);
        assertEquals(key(a), key(b));
        assertNotEquals(key(a), key(new PySet(List.of(PyConst.TRUE, s("x")), true)));
        PyStr pair = PyStr.ofCodePoints(new int[] {0xD800, 0xDC00}, false);
        PyStr astral = PyStr.ofCodePoints(new int[] {0x10000}, false);
        assertNotEquals(key(pair), key(astral));
    }

    @Test
    void codeObjectsCompareByContents() {
        PyCode a = code("f", 3), b = code("f", 3), c = code("f", 4);
        assertEquals(key(a), key(b));
        assertNotEquals(key(a), key(c));
    }

    private static PyCode code(String name, int line) {
        PyCode c = new PyCode();
        c.name = s(name);
        c.qualname = s(name);
        c.firstlineno = line;
        c.code = new PyBytes(new byte[] {(byte) 149, 0});
        c.consts = tuple(PyConst.NONE);
        c.names = tuple();
        c.localsplusnames = tuple();
        c.linetable = new PyBytes(new byte[] {1});
        c.exceptiontable = new PyBytes(new byte[0]);
        return c;
    }

    @Test
    void mergeSharesEqualConstantsAndRewritesTuplesInPlace() {
        ConstCache cache = new ConstCache();
        PyStr ab = s("a b");
        assertSame(ab, cache.merge(ab));
        assertSame(ab, cache.merge(s("a b")));
        PyStr inner = s("a b");
        PyTuple t = tuple(inner, PyInt.of(1000));
        assertSame(t, cache.merge(t));
        assertSame(ab, t.get(0), "items replaced in place by the cached ones");
        PyTuple t2 = tuple(s("a b"), PyInt.of(1000));
        assertSame(t, cache.merge(t2));
        assertSame(t, cache.mergeOne(tuple(s("a b"), PyInt.of(1000))));
        PyTuple fresh = tuple(s("zz"));
        assertSame(fresh, cache.mergeOne(fresh));
        assertNotSame(cache.merge(new PyFloat(0.0)), cache.merge(new PyFloat(-0.0)));
        assertSame(PyConst.NONE, cache.merge(PyConst.NONE));
    }

    @Test
    void mergeRebuildsFrozensets() {
        ConstCache cache = new ConstCache();
        PyStr x = s("x y");
        cache.merge(x);
        PySet fs = new PySet(List.of(s("x y"), PyInt.of(5000)), true);
        PyObject merged = cache.merge(fs);
        assertNotSame(fs, merged, "a new frozenset of the cached items");
        assertSame(x, ((PySet) merged).items().get(0));
        assertSame(merged, cache.merge(new PySet(List.of(PyInt.of(5000), s("x y")), true)));
        PySet empty = new PySet(List.of(), true);
        assertSame(empty, cache.merge(empty));
    }

    @Test
    void internTable() {
        ConstCache cache = new ConstCache();
        InternTable t = cache.interned();
        PyStr a = s("name");
        assertSame(a, t.intern(a));
        assertTrue(a.interned(), "interned in place");
        assertSame(a, t.intern("name"));
        t.preIntern("other");
        PyStr o = s("other");
        PyStr io = t.intern(o);
        assertNotSame(o, io, "a text interned by someone else is another object");
        assertFalse(o.interned());
        assertTrue(io.interned());
        PyStr e1 = s("\u00e9");
        assertSame(cache.merge(e1), cache.merge(s("\u00e9")));
        assertTrue(((PyStr) cache.merge(s("q"))).interned(), "one-character strs are the runtime's interned singletons");
        assertTrue(InternTable.isRuntimeSingleton(s("")));
        assertFalse(InternTable.isRuntimeSingleton(s("\u0100")));
    }
}
