package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Internal consistency of hash(); values are checked against CPython in conformance. */
class PyHashTest {
    private static final List<PyVersion> VERSIONS =
            List.of(PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_12, PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15);

    @Test
    void equalNumbersHashEqual() {
        Random r = new Random(1);
        for (PyVersion v : VERSIONS) {
            for (int i = 0; i < 2000; i++) {
                long n = i % 2 == 0 ? r.nextInt() : (r.nextLong() >> r.nextInt(64)) & ~0x3FFL; // exact in a double
                PyInt pi = PyInt.of(n);
                assertEquals(PyHash.hash(pi, v), PyHash.hash(new PyFloat((double) n), v), "n=" + n);
                assertEquals(PyHash.hash(pi, v), PyHash.hash(new PyComplex((double) n, 0.0), v), "n=" + n);
            }
            assertEquals(PyHash.hash(PyInt.of(1), v), PyHash.hash(PyConst.TRUE, v));
            assertEquals(PyHash.hash(PyInt.of(0), v), PyHash.hash(PyConst.FALSE, v));
            assertEquals(PyHash.hash(new PyFloat(0.0), v), PyHash.hash(new PyFloat(-0.0), v));
        }
    }

    @Test
    void minusOneIsReserved() {
        for (PyVersion v : VERSIONS) {
            assertEquals(PyHash.hash(PyInt.of(-2), v), PyHash.hash(PyInt.of(-1), v));
            assertEquals(PyHash.hash(PyInt.of(-1), v), PyHash.hash(new PyFloat(-1.0), v));
        }
    }

    @Test
    void intHashIsResidueModulo2p61m1() {
        BigInteger m = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
        Random r = new Random(2);
        for (int i = 0; i < 500; i++) {
            BigInteger x = new BigInteger(1 + r.nextInt(400), r);
            assertEquals(x.mod(m).longValue(), PyHash.hashInt(x));
            long neg = PyHash.hashInt(x.negate());
            assertEquals(x.mod(m).signum() == 0 ? 0 : -x.mod(m).longValue() == -1 ? -2 : -x.mod(m).longValue(), neg);
        }
    }

    @Test
    void strHashDoesNotDependOnMarshalForm() {
        for (PyVersion v : VERSIONS) {
            byte[] ascii = "hello world".getBytes();
            PyStr a = new PyStr(ascii, PyStr.Form.SHORT_ASCII);
            PyStr u = new PyStr(ascii, PyStr.Form.UNICODE);
            PyStr t = new PyStr(ascii, PyStr.Form.ASCII_INTERNED);
            assertEquals(PyHash.hash(a, v), PyHash.hash(u, v));
            assertEquals(PyHash.hash(a, v), PyHash.hash(t, v));
            assertEquals(0, PyHash.hash(PyStr.of("", false), v));
            assertEquals(0, PyHash.hash(new PyBytes(new byte[0]), v));
            // str of Latin-1 text hashes its one-byte-per-char storage, like the equal bytes
            assertEquals(PyHash.hash(new PyBytes(new byte[] {(byte) 0xe9}), v), PyHash.hash(PyStr.of("\u00e9", false), v));
        }
        assertNotEquals(PyHash.hash(PyStr.of("abc", false), PyVersion.V3_10), PyHash.hash(PyStr.of("abc", false), PyVersion.V3_11));
    }

    @Test
    void frozensetHashIgnoresOrderAndDuplicates() {
        List<PyObject> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) items.add(PyStr.of("s" + i, false));
        items.add(PyInt.of(7));
        items.add(new PyFloat(7.0));
        List<PyObject> shuffled = new ArrayList<>(items.subList(0, 51));
        Collections.shuffle(shuffled, new Random(3));
        for (PyVersion v : VERSIONS) {
            assertEquals(PyHash.hash(new PySet(items, true), v), PyHash.hash(new PySet(shuffled, true), v));
        }
    }

    @Test
    void unhashableAndTooDeepAreTypedErrors() {
        PyVersion v = PyVersion.V3_12;
        PyObjectException e = assertThrows(PyObjectException.class, () -> PyHash.hash(new PyList(List.of()), v));
        assertEquals("TypeError", e.pythonType());
        assertThrows(PyObjectException.class, () -> PyHash.hash(new PySet(List.of(), false), v));
        PySlice slice = new PySlice(PyConst.NONE, PyInt.of(1), PyConst.NONE);
        assertThrows(PyObjectException.class, () -> PyHash.hash(slice, PyVersion.V3_11));
        PyHash.hash(slice, PyVersion.V3_12);

        PyObject deep = PyInt.of(1);
        for (int i = 0; i < 100_000; i++) deep = new PyTuple(List.of(deep));
        PyObject d = deep;
        assertEquals("RecursionError", assertThrows(PyObjectException.class, () -> PyHash.hash(d, v)).pythonType());
        assertThrows(PyObjectException.class, () -> PyRepr.repr(d, v));
    }
}
