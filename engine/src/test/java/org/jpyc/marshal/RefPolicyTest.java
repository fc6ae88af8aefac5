package org.jpyc.marshal;

import static org.jpyc.marshal.Graphs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** The writer's FLAG_REF decisions for graphs built in Java. */
class RefPolicyTest {
    private static PyTuple load(byte[] b, PyVersion v) {
        return (PyTuple) Marshal.load(b, v);
    }

    @Test
    void cpythonRuleForJavaGraphs() {
        PyObject shared = new PyInt(BigInteger.valueOf(70000));
        PyTuple t = tuple(shared, shared, PyInt.of(256), PyInt.of(257), PyInt.of(-5), PyInt.of(-6),
                str("ab"), str("a"), str(""), interned("ab"), tuple(), tuple(PyInt.of(1000)),
                new PyBytes(new byte[0]), new PyBytes(new byte[] {1}), new PyBytes(new byte[] {1, 2}));
        byte[] data = Marshal.dump(t, PyVersion.V3_12);
        assertEquals(')', data[0] & 0xff, "the root occurs once");
        PyTuple back = load(data, PyVersion.V3_12);
        assertSame(back.get(0), back.get(1));
        Boolean[] want = {true, true, true, false, true, false, false, true, true, true, true, false, true, true, false};
        for (int i = 0; i < want.length; i++) assertEquals(want[i], back.get(i).refFlag(), "item " + i);
    }

    @Test
    void neverPolicyWritesSharedObjectsTwice() {
        PyObject shared = str("twice");
        PyTuple t = tuple(shared, shared);
        byte[] data = Marshal.dump(t, MarshalFormat.forVersion(PyVersion.V3_12), RefPolicy.NEVER);
        PyTuple back = load(data, PyVersion.V3_12);
        assertNotSame(back.get(0), back.get(1));
        assertEquals(Boolean.FALSE, back.get(0).refFlag());
    }

    @Test
    void preserveKeepsLoadedFlags() {
        // a loaded small int without FLAG_REF stays unflagged, a loaded big int with it stays flagged
        byte[] data = {')', 2, 'i', 1, 0, 0, 0, (byte) 0xe9, 0x70, 0x11, 0x01, 0};
        PyTuple t = load(data, PyVersion.V3_12);
        assertArrayEquals(data, Marshal.dump(t, PyVersion.V3_12));
        byte[] cp = Marshal.dump(t, MarshalFormat.forVersion(PyVersion.V3_12), RefPolicy.CPYTHON);
        assertEquals(0xe9, cp[2] & 0xff, "CPython's rule flags the small int");
        assertEquals('i', cp[7] & 0xff, "and not the big one");
    }

    @Test
    void noRefsBeforeFormat3() {
        PyObject shared = str("x");
        byte[] data = Marshal.dump(tuple(shared, shared), PyVersion.of(3, 3));
        assertEquals('(', data[0]);
        for (byte b : data) assertNotEquals('r', b);
    }

    @Test
    void javaBuiltSetsAreSortedByTheirDumpsFrom311() {
        List<PyObject> items = new ArrayList<>(List.of(PyInt.of(3), str("b"), str("a"), tuple(PyInt.of(1))));
        PySet fs = new PySet(items, true);
        for (PyVersion v : new PyVersion[] {PyVersion.V3_11, PyVersion.V3_14}) {
            MarshalFormat f = MarshalFormat.forVersion(v);
            PySet back = (PySet) Marshal.load(Marshal.dump(fs, v), v);
            List<byte[]> keys = new ArrayList<>();
            for (PyObject o : back.items()) {
                keys.add(Marshal.dump(o, f, RefPolicy.PRESERVE_ELSE_CPYTHON));
                assertEquals(Boolean.TRUE, o.refFlag(), "set items are held by the writer's pair list");
            }
            for (int i = 1; i < keys.size(); i++) {
                assertTrue(Arrays.compareUnsigned(keys.get(i - 1), keys.get(i)) <= 0, v + " sorted");
            }
            // a loaded set keeps its (here: unsorted) order
            byte[] again = Marshal.dump(back, v);
            assertArrayEquals(again, Marshal.dump(Marshal.load(again, v), v));
        }
        // 3.10 writes items in the order given
        PySet back = (PySet) Marshal.load(Marshal.dump(fs, PyVersion.V3_10), PyVersion.V3_10);
        assertEquals(3, ((PyInt) back.items().get(0)).value().intValue());
    }

    @Test
    void customPolicyIsConsulted() {
        PyObject big = new PyInt(BigInteger.valueOf(123456));
        RefPolicy always = (v, s) -> true;
        byte[] data = Marshal.dump(tuple(big), MarshalFormat.forVersion(PyVersion.V3_13), always);
        assertEquals(0xa9, data[0] & 0xff);
        assertEquals(0xe9, data[2] & 0xff);
    }
}
