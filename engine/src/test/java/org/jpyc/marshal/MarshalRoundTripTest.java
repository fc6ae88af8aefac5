package org.jpyc.marshal;

import static org.jpyc.marshal.Graphs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import java.util.TreeSet;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyDict;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyList;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** write → read → write symmetry for graphs built in Java, covering every type code. */
class MarshalRoundTripTest {

    /** Dumps, loads and dumps again; asserts both dumps are equal and returns the type codes seen. */
    static Set<Character> roundTrip(PyObject graph, MarshalFormat f) {
        byte[] first = Marshal.dump(graph, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
        MarshalReader r = new MarshalReader(first, 0, first.length, f);
        Set<Character> seen = new TreeSet<>();
        r.listener = new MarshalListener() {
            @Override public void begin(int offset, int code) {
                seen.add((char) (f.refs() ? code & 0x7f : code));
                if (f.refs() && (code & 0x80) != 0) seen.add('\u0080');
            }
            @Override public void payload(int offset) {}
            @Override public void codeField(CodeField field, int offset) {}
            @Override public void end(int offset, PyObject value) {}
        };
        PyObject loaded = r.readObject();
        assertEquals(first.length, r.position(), "whole blob consumed");
        byte[] second = Marshal.dump(loaded, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
        assertArrayEquals(first, second, "dump(load(dump(g))) == dump(g)");
        // loading the second dump gives the same again
        assertArrayEquals(second, Marshal.dump(new MarshalReader(second, 0, second.length, f).readObject(), f, RefPolicy.PRESERVE_ELSE_CPYTHON));
        return seen;
    }

    private static Set<Character> chars(String s) {
        Set<Character> out = new TreeSet<>();
        for (char c : s.toCharArray()) out.add(c);
        return out;
    }

    @Test
    void format5CoversEveryPython3TypeCode() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V3_14);
        assertEquals(5, f.version());
        Set<Character> seen = roundTrip(everyPy3Type(CodeLayout.PY311, 5), f);
        Set<Character> want = chars("NTF.Sil" + "Igfyx" + "stuaAzZ" + "()[{0<>c:r\u0080");
        assertTrue(seen.containsAll(want), "missing " + diff(want, seen));
    }

    @Test
    void format4AllLayouts() {
        for (CodeLayout layout : new CodeLayout[] {CodeLayout.PY30, CodeLayout.PY38, CodeLayout.PY310, CodeLayout.PY311}) {
            MarshalFormat f = new MarshalFormat(4, layout, true, false);
            Set<Character> seen = roundTrip(everyPy3Type(layout, 4), f);
            assertTrue(seen.contains('c') && seen.contains('r') && seen.contains('z'));
        }
    }

    @Test
    void python2CoversStringRefsAndInt64() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V2_7);
        assertEquals(2, f.version());
        assertFalse(f.unicodeStr());
        Set<Character> seen = roundTrip(everyPy2Type(), f);
        Set<Character> want = chars("NTF.SiIlgfyxstRu([{0<>c");
        assertTrue(seen.containsAll(want), "missing " + diff(want, seen));
    }

    @Test
    void oldFormatsWriteTextFloats() {
        for (int version = 0; version <= 1; version++) {
            MarshalFormat f = new MarshalFormat(version, CodeLayout.PY27, false, false);
            Set<Character> seen = roundTrip(everyPy2Type(), f);
            assertTrue(seen.contains('f') && seen.contains('x'));
            assertFalse(seen.contains('g') || seen.contains('y'));
        }
        byte[] b = Marshal.dump(new org.jpyc.object.PyFloat(0.1), new MarshalFormat(1, CodeLayout.PY27, false, false), RefPolicy.NEVER);
        assertEquals("f\u00130.10000000000000001", new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void floatTextIsPercent17g() {
        assertEquals("1", FloatText.format(1.0));
        assertEquals("-0", FloatText.format(-0.0));
        assertEquals("1e+100", FloatText.format(1e100));
        assertEquals("1.0000000000000001e-05", FloatText.format(1e-5));
        assertEquals("0.0001", FloatText.format(1e-4));
        assertEquals("12345678901234568", FloatText.format(12345678901234567.0));
        assertEquals("1.2345678901234568e+17", FloatText.format(123456789012345678.0));
        assertEquals("inf", FloatText.format(Double.POSITIVE_INFINITY));
        assertEquals("nan", FloatText.format(Double.NaN));
        assertEquals(0.1, FloatText.parse("0.10000000000000001"));
        assertNull(FloatText.parse("0x10"));
        assertNull(FloatText.parse("1_0"));
    }

    @Test
    void loadedGraphKeepsIdentityFormsAndFlags() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V3_12);
        PyStr s = str("shared string");
        PyTuple t = tuple(s, s, PyInt.of(1), PyInt.of(100000), tuple(), new PyTuple(new java.util.ArrayList<>(java.util.List.of(PyConst.NONE)), false));
        byte[] data = Marshal.dump(t, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
        PyTuple back = (PyTuple) Marshal.load(data, PyVersion.V3_12);
        assertSame(back.get(0), back.get(1), "'r' resolves to the same instance");
        assertEquals(Boolean.TRUE, back.get(0).refFlag());
        assertEquals(Boolean.TRUE, back.get(2).refFlag(), "small int is a cached singleton");
        assertEquals(Boolean.FALSE, back.get(3).refFlag());
        assertEquals(Boolean.TRUE, back.get(4).refFlag(), "empty tuple is a singleton");
        assertFalse(((PyTuple) back.get(5)).small());
        assertEquals(PyStr.Form.SHORT_ASCII, ((PyStr) back.get(0)).form());
    }

    @Test
    void recursiveListRoundTrips() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V3_13);
        java.util.List<PyObject> items = new java.util.ArrayList<>();
        PyList l = new PyList(items);
        items.add(PyInt.of(5000));
        items.add(l);
        byte[] data = Marshal.dump(l, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
        // '[' | FLAG_REF, 2 items, int, ref 0
        assertEquals(0xdb, data[0] & 0xff);
        PyList back = (PyList) Marshal.load(data, PyVersion.V3_13);
        assertSame(back, back.items().get(1));
        assertArrayEquals(data, Marshal.dump(back, PyVersion.V3_13));
    }

    @Test
    void codeLayoutsPerVersion() {
        assertSame(CodeLayout.PY27, CodeLayout.forVersion(PyVersion.V2_7));
        assertSame(CodeLayout.PY30, CodeLayout.forVersion(PyVersion.of(3, 7)));
        assertSame(CodeLayout.PY38, CodeLayout.forVersion(PyVersion.V3_9));
        assertSame(CodeLayout.PY310, CodeLayout.forVersion(PyVersion.V3_10));
        for (PyVersion v : new PyVersion[] {PyVersion.V3_11, PyVersion.V3_12, PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15}) {
            assertSame(CodeLayout.PY311, CodeLayout.forVersion(v));
        }
        assertEquals(4, MarshalFormat.forVersion(PyVersion.V3_13).version());
        assertEquals(5, MarshalFormat.forVersion(PyVersion.V3_14).version());
        assertEquals(6, MarshalFormat.forVersion(PyVersion.V3_15).version()); // marshal.version of CPython 3.15.2
        assertEquals(2, MarshalFormat.forVersion(PyVersion.of(3, 3)).version());
        assertEquals(4, MarshalFormat.forVersion(PyVersion.of(3, 4)).version());
    }

    @Test
    void codeFieldsRoundTrip() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V3_11);
        PyCode c = code(CodeLayout.PY311, "g", PyInt.of(3));
        PyCode back = (PyCode) Marshal.load(Marshal.dump(c, f, RefPolicy.PRESERVE_ELSE_CPYTHON), PyVersion.V3_11);
        assertEquals(c.argcount, back.argcount);
        assertEquals(c.kwonlyargcount, back.kwonlyargcount);
        assertEquals(c.stacksize, back.stacksize);
        assertEquals(c.firstlineno, back.firstlineno);
        assertEquals("g", back.nameText());
        assertEquals(0, back.nlocals, "3.11 has no co_nlocals");
        assertNotNull(back.exceptiontable);
        PyCode missing = code(CodeLayout.PY311, "h", PyInt.of(3));
        missing.qualname = null;
        assertThrows(IllegalArgumentException.class, () -> Marshal.dump(missing, f, RefPolicy.PRESERVE_ELSE_CPYTHON));
    }

    /**
     * The writer has unrolled code-object writers for the 3.10 and 3.11+ layouts and a loop over
     * {@link CodeLayout#fields()} for the others, and below its recursion depth a resumable loop on the
     * frame stack for all: each field written must be the one the layout puts there. Every field gets
     * a value of its own, object fields a tuple (on the frame stack, the writer resumes after each),
     * and the reader, which follows the layout, must find them, at the top and nested 60 deep.
     */
    @Test
    void codeWritersFollowTheLayout() {
        for (PyVersion v : new PyVersion[] {PyVersion.V3_9, PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_14, PyVersion.V3_15}) {
            for (int depth : new int[] {0, 60}) {
                MarshalFormat f = MarshalFormat.forVersion(v);
                PyCode c = new PyCode();
                int n = 0;
                for (CodeField field : f.layout().fields()) {
                    n++;
                    if (field.isInt) field.setInt(c, 1000 + n);
                    else field.set(c, tuple(str(field.pyName), PyInt.of(n)));
                }
                PyCode inner = code(f.layout(), "inner", PyInt.of(7));
                ((PyTuple) c.consts).array()[1] = inner;
                PyObject back = Marshal.load(Marshal.dump(nest(c, depth), f, RefPolicy.PRESERVE_ELSE_CPYTHON), v);
                for (int i = 0; i < depth; i++) back = ((PyTuple) back).items().get(0);
                PyCode code = (PyCode) back;
                String where = v + " at depth " + depth + ": ";
                for (CodeField field : f.layout().fields()) {
                    if (field.isInt) {
                        assertEquals(field.getInt(c), field.getInt(code), where + field.pyName);
                    } else {
                        PyTuple t = (PyTuple) field.get(code);
                        assertEquals(field.pyName, ((PyStr) t.items().get(0)).value(), where + field.pyName);
                    }
                }
                assertEquals("inner", ((PyCode) ((PyTuple) code.consts).items().get(1)).nameText(), where + "nested code object");
            }
        }
    }

    /**
     * The recursive walk and the frame stack write the same bytes: a graph nested in n one-item
     * tuples (not shared, so never flagged) is written as n two-byte tuple heads and then the bytes
     * of the graph alone, whichever walk reaches it.
     */
    @Test
    void recursionAndFrameStackWriteTheSameBytes() {
        for (PyVersion v : new PyVersion[] {PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_14}) {
            MarshalFormat f = MarshalFormat.forVersion(v);
            PyObject graph = everyPy3Type(f.layout(), f.version());
            byte[] alone = Marshal.dump(graph, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
            for (int n : new int[] {1, 38, 39, 40, 41, 100}) {
                byte[] nested = Marshal.dump(nest(graph, n), f, RefPolicy.PRESERVE_ELSE_CPYTHON);
                assertArrayEquals(alone, java.util.Arrays.copyOfRange(nested, 2 * n, nested.length), v + " nested " + n);
            }
        }
    }

    /**
     * CPython's limit, across the recursion and the frame stack: measured with 3.10.8's
     * {@code marshal.dumps}, None in 1999 nested tuples is written and in 2000 is "object too deeply
     * nested to marshal".
     */
    @Test
    void nestingLimitIsCPythons() {
        MarshalFormat f = MarshalFormat.forVersion(PyVersion.V3_10);
        assertEquals(2 * 1999 + 1, Marshal.dump(nest(PyConst.NONE, 1999), f, RefPolicy.PRESERVE_ELSE_CPYTHON).length);
        assertThrows(IllegalArgumentException.class, () -> Marshal.dump(nest(PyConst.NONE, 2000), f, RefPolicy.PRESERVE_ELSE_CPYTHON));
    }

    /** {@code o} in {@code depth} nested one-item tuples. */
    private static PyObject nest(PyObject o, int depth) {
        for (int i = 0; i < depth; i++) o = tuple(o);
        return o;
    }

    @Test
    void sliceNeedsFormat5() {
        PyObject s = new org.jpyc.object.PySlice(PyConst.NONE, PyConst.NONE, PyConst.NONE);
        assertThrows(IllegalArgumentException.class, () -> Marshal.dump(s, PyVersion.V3_13));
        byte[] b = Marshal.dump(s, PyVersion.V3_14);
        assertThrows(MarshalFormatException.class, () -> Marshal.load(b, PyVersion.V3_13));
    }

    @Test
    void frozendictNeedsFormat6AndRoundTrips() {
        PyStr key = PyStr.of("a", true);
        PyDict fd = new PyDict(new java.util.ArrayList<>(java.util.List.of(new PyDict.Entry(key, PyInt.of(1)))), true);
        // shared twice: flagged, then written again as a back-reference to its reserved slot
        PyObject pair = new org.jpyc.object.PyTuple(java.util.List.of(fd, fd));
        assertThrows(IllegalArgumentException.class, () -> Marshal.dump(fd, PyVersion.V3_14));
        byte[] b = Marshal.dump(pair, PyVersion.V3_15);
        assertEquals('}' | 0x80, b[2] & 0xff);
        assertThrows(MarshalFormatException.class, () -> Marshal.load(b, PyVersion.V3_14));
        org.jpyc.object.PyTuple back = (org.jpyc.object.PyTuple) Marshal.load(b, PyVersion.V3_15);
        assertSame(back.get(0), back.get(1));
        assertTrue(((PyDict) back.get(0)).frozen());
        assertArrayEquals(b, Marshal.dump(back, PyVersion.V3_15));
    }

    @Test
    void dictKeepsOrder() {
        PyDict d = new PyDict(new java.util.ArrayList<>(java.util.List.of(
                new PyDict.Entry(str("b"), PyInt.of(1)), new PyDict.Entry(str("a"), PyInt.of(2)))));
        PyDict back = (PyDict) Marshal.load(Marshal.dump(d, PyVersion.V3_12), PyVersion.V3_12);
        assertEquals("b", ((PyStr) back.entries().get(0).key()).value());
        assertEquals("a", ((PyStr) back.entries().get(1).key()).value());
    }

    @Test
    void graphsLoadedFromSeveralStreamsAreRenumbered() {
        // each stream: ')' | FLAG_REF, 2 items: 'Z' | FLAG_REF "abc" (ref 1), 'r' 1; the tuple is ref 0
        byte[] a = {(byte) 0xa9, 2, (byte) 0xda, 3, 'a', 'b', 'c', 'r', 1, 0, 0, 0};
        byte[] b = {(byte) 0xa9, 2, (byte) 0xda, 3, 'x', 'y', 'z', 'r', 1, 0, 0, 0};
        PyObject la = Marshal.load(a, PyVersion.V3_12);
        PyObject lb = Marshal.load(b, PyVersion.V3_12);
        // both use reference numbers 0 and 1: the writer numbers b's objects 2 and 3 (leaving the
        // loaded-index lookup for the hashed one), and still finds a's by identity afterwards
        byte[] want = {')', 4,
                (byte) 0xa9, 2, (byte) 0xda, 3, 'a', 'b', 'c', 'r', 1, 0, 0, 0,
                (byte) 0xa9, 2, (byte) 0xda, 3, 'x', 'y', 'z', 'r', 3, 0, 0, 0,
                'r', 0, 0, 0, 0,
                'r', 3, 0, 0, 0};
        PyTuple root = new PyTuple(java.util.List.of(la, lb, la, ((PyTuple) lb).get(0)));
        for (int i = 0; i < 2; i++) assertArrayEquals(want, Marshal.dump(root, PyVersion.V3_12), "dump " + i);
        // a stream written back alone keeps its numbering
        assertArrayEquals(b, Marshal.dump(lb, PyVersion.V3_12));
    }

    private static Set<Character> diff(Set<Character> want, Set<Character> seen) {
        Set<Character> d = new TreeSet<>(want);
        d.removeAll(seen);
        return d;
    }
}
