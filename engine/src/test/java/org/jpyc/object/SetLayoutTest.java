package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class SetLayoutTest {
    private static final PyVersion V = PyVersion.V3_13;

    @Test
    void smallIntsLandInTheirOwnSlots() {
        // hash(i) == i, so without collisions slot order is numeric order whatever the insertion order
        List<PyObject> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) items.add(PyInt.of(i));
        List<PyObject> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(5));
        assertEquals(items, SetLayout.iterationOrder(shuffled, V));
    }

    @Test
    void equalItemsKeepTheFirstInserted() {
        PyObject one = PyInt.of(1);
        List<PyObject> order = SetLayout.iterationOrder(
                List.of(new PyFloat(1.0), one, PyConst.TRUE, new PyComplex(1, 0), PyStr.of("a", false), PyStr.of("a", true)), V);
        assertEquals(2, order.size());
        assertTrue(order.get(0) instanceof PyFloat || order.get(1) instanceof PyFloat);
    }

    @Test
    void resultIsAPermutationOfTheDistinctItems() {
        Random r = new Random(9);
        for (int round = 0; round < 50; round++) {
            List<PyObject> items = new ArrayList<>();
            int n = r.nextInt(2000);
            for (int i = 0; i < n; i++) {
                items.add(switch (r.nextInt(4)) {
                    case 0 -> PyInt.of(r.nextInt(64) * 8L);
                    case 1 -> PyStr.of("k" + r.nextInt(500), false);
                    case 2 -> new PyFloat(r.nextInt(100) / 4.0);
                    default -> new PyTuple(List.of(PyInt.of(r.nextInt(10))));
                });
            }
            List<PyObject> order = SetLayout.iterationOrder(items, V);
            IdentityHashMap<PyObject, Boolean> seen = new IdentityHashMap<>();
            for (PyObject o : order) {
                assertTrue(seen.put(o, true) == null);
                assertTrue(items.stream().anyMatch(x -> x == o));
            }
            // every input item equals some kept item
            SetLayout.Table t = SetLayout.build(order, V, 0);
            for (PyObject x : items) assertTrue(t.contains(x, V, 0));
            assertEquals(order.size(), t.size());
        }
    }

    @Test
    void nanIsOnlyEqualToItself() {
        PyFloat nan = new PyFloat(Double.NaN);
        assertEquals(1, SetLayout.iterationOrder(List.of(nan, nan), V).size());
        assertEquals(2, SetLayout.iterationOrder(List.of(nan, new PyFloat(Double.NaN)), V).size());
        assertSame(nan, SetLayout.iterationOrder(List.of(nan), V).get(0));
    }

    @Test
    void unhashableItemIsATypeError() {
        assertThrows(PyObjectException.class,
                () -> SetLayout.iterationOrder(List.of(PyInt.of(1), new PyList(List.of())), V));
    }
}
