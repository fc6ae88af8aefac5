package org.jpyc.marshal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Bad input: always a MarshalFormatException with an offset, never another exception. */
class MarshalErrorTest {
    private static final MarshalFormat F314 = MarshalFormat.forVersion(PyVersion.V3_14);

    private static MarshalFormatException fails(byte[] data, MarshalFormat f) {
        return assertThrows(MarshalFormatException.class, () -> new MarshalReader(data, 0, data.length, f).readObject());
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void truncationAtEveryOffsetThrowsTyped() {
        for (Object[] c : new Object[][] {
                {Graphs.everyPy3Type(CodeLayout.PY311, 5), F314},
                {Graphs.everyPy2Type(), MarshalFormat.forVersion(PyVersion.V2_7)},
                {Graphs.everyPy3Type(CodeLayout.PY38, 4), new MarshalFormat(4, CodeLayout.PY38, true, false)}}) {
            MarshalFormat f = (MarshalFormat) c[1];
            byte[] blob = Marshal.dump((PyObject) c[0], f, RefPolicy.PRESERVE_ELSE_CPYTHON);
            for (int cut = 0; cut < blob.length; cut++) {
                final int end = cut;
                MarshalFormatException e = assertThrows(MarshalFormatException.class,
                        () -> new MarshalReader(blob, 0, end, f).readObject(), "cut at " + cut);
                assertTrue(e.offset() >= 0 && e.offset() <= end, "offset " + e.offset() + " within data, cut " + cut);
            }
        }
    }

    @Test
    void hugeDeclaredSizesDoNotAllocate() {
        int[][] cases = {
                {'s', 0xff, 0xff, 0xff, 0x7f},
                {'u', 0xff, 0xff, 0xff, 0x7f},
                {'a', 0xff, 0xff, 0xff, 0x7f},
                {'(', 0xff, 0xff, 0xff, 0x7f},
                {'[', 0xff, 0xff, 0xff, 0x7f},
                {'<', 0xff, 0xff, 0xff, 0x7f},
                {'>', 0xff, 0xff, 0xff, 0x7f},
                {'l', 0xff, 0xff, 0xff, 0x7f},
                {'l', 0x01, 0x00, 0x00, 0x80},
                {'s', 0xff, 0xff, 0xff, 0xff},
                {'r', 0x00, 0x00, 0x00, 0x00},
                {'r', 0xff, 0xff, 0xff, 0xff},
        };
        for (int[] c : cases) {
            MarshalFormatException e = fails(bytes(c), F314);
            assertTrue(e.offset() <= 5, e.getMessage());
        }
    }

    @Test
    void unknownCodesAndVersionGating() {
        assertEquals(0, fails(bytes('?'), F314).offset());
        assertEquals(0, fails(bytes('R', 0, 0, 0, 0), F314).offset(), "'R' is Python 2 only");
        MarshalFormat py2 = MarshalFormat.forVersion(PyVersion.V2_7);
        fails(bytes('z', 1, 'a'), py2);
        fails(bytes(')', 0), py2);
        fails(bytes('r', 0, 0, 0, 0), py2);
        fails(bytes(0x80 | 'N'), py2);
        fails(bytes(':', 'N', 'N', 'N'), MarshalFormat.forVersion(PyVersion.V3_13));
        fails(bytes('R', 0, 0, 0, 0), py2); // no interned strings yet
    }

    @Test
    void badReferences() {
        // ref to an index never assigned
        fails(bytes(')', 2, 0xe9, 1, 0, 0, 0, 'r', 1, 0, 0, 0), F314);
        // a code object cannot refer to itself: its slot is reserved until complete
        byte[] self = bytes(0xe3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'r', 0, 0, 0, 0);
        MarshalFormatException e = fails(self, F314);
        assertEquals(21, e.offset());
        // a frozenset neither
        fails(bytes(0xbe, 1, 0, 0, 0, 'r', 0, 0, 0, 0), F314);
        // a tuple can (CPython registers it at creation)
        PyTuple t = (PyTuple) Marshal.load(bytes(0xa9, 1, 'r', 0, 0, 0, 0), PyVersion.V3_14);
        assertSame(t, t.get(0));
    }

    @Test
    void nullObjects() {
        fails(bytes('0'), F314);
        fails(bytes(')', 1, '0'), F314);
        fails(bytes('{', 'N', '0'), F314);
        assertEquals(0, ((org.jpyc.object.PyDict) Marshal.load(bytes('{', '0'), PyVersion.V3_14)).entries().size());
    }

    @Test
    void badNumbersAndText() {
        fails(bytes('l', 1, 0, 0, 0, 0, 0), F314); // unnormalized: top digit zero
        fails(bytes('l', 1, 0, 0, 0, 0, 0x80), F314); // digit out of range
        fails(bytes('f', 3, 'a', 'b', 'c'), F314);
        fails(bytes('u', 2, 0, 0, 0, 0xc3, 0x28), F314); // invalid UTF-8
        fails(bytes('u', 1, 0, 0, 0, 0xff), F314);
        assertEquals(0.5, ((org.jpyc.object.PyFloat) Marshal.load(bytes('f', 3, '0', '.', '5'), PyVersion.V3_14)).value());
    }

    @Test
    void depthLimitMatchesCPython() {
        // CPython 3.10-3.14 load 1999 nested tuples around None (depth 2000) and reject one more
        assertDoesNotThrow(() -> Marshal.load(nested(1999), PyVersion.V3_12));
        MarshalFormatException e = assertThrows(MarshalFormatException.class, () -> Marshal.load(nested(2000), PyVersion.V3_12));
        assertEquals(2 * 2000, e.offset());
        // and write the same
        assertDoesNotThrow(() -> Marshal.dump(nestedGraph(1999), PyVersion.V3_12));
        assertThrows(IllegalArgumentException.class, () -> Marshal.dump(nestedGraph(2000), PyVersion.V3_12));
    }

    @Test
    void deepNestingIsTypedErrorNotStackOverflow() throws Exception {
        byte[] deep = nested(10000);
        assertThrows(MarshalFormatException.class, () -> Marshal.load(deep, PyVersion.V3_14));
        // depth 2000 works in a thread with a small stack
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                PyObject o = Marshal.load(nested(1999), PyVersion.V3_14);
                Marshal.dump(o, PyVersion.V3_14);
                Marshal.load(deep, PyVersion.V3_14);
                failure.set(new AssertionError("no error at depth 10000"));
            } catch (MarshalFormatException expected) {
                // ok
            } catch (Throwable x) {
                failure.set(x);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
    }

    /** n small tuples of one item nested around None. */
    static byte[] nested(int n) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            o.write(')');
            o.write(1);
        }
        o.write('N');
        return o.toByteArray();
    }

    static PyObject nestedGraph(int n) {
        PyObject o = PyConst.NONE;
        for (int i = 0; i < n; i++) o = Graphs.tuple(o);
        return o;
    }
}
