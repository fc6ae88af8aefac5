package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structure of repr output; text equality with CPython is checked in conformance. */
class PyReprTest {
    private static final PyVersion V = PyVersion.V3_12;

    @Test
    void strReprIsPureQuotedAndUnescapesBack() {
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            int[] cps = new int[r.nextInt(12)];
            for (int k = 0; k < cps.length; k++) cps[k] = r.nextInt(4) == 0 ? r.nextInt(0x110000) : r.nextInt(0x80);
            for (PyVersion v : PyVersion.TARGETS) {
                String s = PyRepr.reprStr(PyStr.ofCodePoints(cps, false), v);
                char q = s.charAt(0);
                assertTrue(q == '\'' || q == '"');
                assertEquals(q, s.charAt(s.length() - 1));
                assertFalse(s.codePoints().anyMatch(c -> c >= 0xd800 && c < 0xe000), "no raw surrogates: " + s);
                assertTrue(java.util.Arrays.equals(cps, unescape(s)), s);
            }
        }
    }

    /** Reads a str repr back (the escapes unicode_repr uses). */
    private static int[] unescape(String s) {
        List<Integer> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 1; i < cps.length - 1; i++) {
            int c = cps[i];
            if (c != '\\') {
                out.add(c);
                continue;
            }
            int e = cps[++i];
            int width = switch (e) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (width == 0) {
                out.add(switch (e) {
                    case 't' -> (int) '\t';
                    case 'n' -> (int) '\n';
                    case 'r' -> (int) '\r';
                    default -> e;
                });
            } else {
                out.add(Integer.parseInt(new String(cps, i + 1, width), 16));
                i += width;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void intDigitLimit() {
        BigInteger limit = BigInteger.TEN.pow(PyRepr.INT_MAX_STR_DIGITS);
        assertEquals(PyRepr.INT_MAX_STR_DIGITS, PyRepr.repr(new PyInt(limit.subtract(BigInteger.ONE)), V).length());
        assertEquals(PyRepr.INT_MAX_STR_DIGITS + 1, PyRepr.repr(new PyInt(limit.negate().add(BigInteger.ONE)), V).length());
        PyObjectException e = assertThrows(PyObjectException.class, () -> PyRepr.repr(new PyInt(limit), V));
        assertEquals("ValueError", e.pythonType());
        assertThrows(PyObjectException.class, () -> PyRepr.repr(new PyInt(BigInteger.ONE.shiftLeft(1 << 20)), V));
    }

    @Test
    void containersJoinTheirItems() {
        PyObject a = PyInt.of(1);
        PyObject b = PyStr.of("x", false);
        String ra = PyRepr.repr(a, V);
        String rb = PyRepr.repr(b, V);
        assertEquals("(" + ra + ", " + rb + ")", PyRepr.repr(new PyTuple(List.of(a, b)), V));
        assertEquals("(" + ra + ",)", PyRepr.repr(new PyTuple(List.of(a)), V));
        assertEquals("[" + ra + ", " + rb + "]", PyRepr.repr(new PyList(List.of(a, b)), V));
        assertEquals("{" + rb + ": " + ra + "}", PyRepr.repr(new PyDict(List.of(new PyDict.Entry(b, a))), V));
    }

    @Test
    void dictKeepsFirstKeyAndLastValue() {
        PyObject one = PyInt.of(1);
        PyDict d = new PyDict(List.of(new PyDict.Entry(one, PyStr.of("a", false)),
                new PyDict.Entry(PyConst.TRUE, PyStr.of("b", false))));
        assertEquals("{" + PyRepr.repr(one, V) + ": " + PyRepr.repr(PyStr.of("b", false), V) + "}", PyRepr.repr(d, V));
    }

    @Test
    void selfReferenceIsCut() {
        List<PyObject> items = new ArrayList<>();
        PyList l = new PyList(items);
        items.add(l);
        String s = PyRepr.repr(l, V);
        assertTrue(s.startsWith("[[") && s.endsWith("]]") && s.length() < 20, s);
    }

    @Test
    void setsPrintInLayoutOrder() {
        List<PyObject> items = List.of(PyInt.of(3), PyInt.of(1), PyInt.of(2), PyInt.of(1));
        StringBuilder expect = new StringBuilder("frozenset({");
        List<PyObject> order = SetLayout.iterationOrder(items, V);
        for (int i = 0; i < order.size(); i++) expect.append(i > 0 ? ", " : "").append(PyRepr.repr(order.get(i), V));
        assertEquals(expect + "})", PyRepr.repr(new PySet(items, true), V));
    }

    @Test
    void everyTargetVersionHasAPrintableTable() {
        for (PyVersion v : PyVersion.TARGETS) {
            UnicodePrintable t = UnicodePrintable.forVersion(v);
            assertTrue(t.isPrintable('a') && t.isPrintable(0xe9) && !t.isPrintable(0xd800) && !t.isPrintable(0x7f));
        }
    }
}
