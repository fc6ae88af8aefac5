package org.jpyc.instrseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameTableTest {
    @Test
    void addIsDictAddO() {
        NameTable t = new NameTable();
        assertTrue(t.isEmpty());
        assertEquals(-1, t.get("x"));
        assertEquals(0, t.add("x"));
        assertEquals(1, t.add("y"));
        assertEquals(0, t.add("x"));
        assertEquals(2, t.size());
        assertEquals(List.of("x", "y"), t.names());
        assertEquals(List.of("x", "y"), t.namesByIndex());
        assertTrue(t.contains("y"));
        assertFalse(t.contains("z"));
    }

    @Test
    void putNumbersFromAnOffsetAndKeepsPlace() {
        // dictbytype's free variables: numbered after the cells, sorted
        NameTable t = new NameTable();
        t.put("b", 3);
        t.put("a", 2);
        assertEquals(List.of("b", "a"), t.names());
        // dict_keys_inorder(u_freevars, ncells)
        assertEquals(List.of("a", "b"), t.namesByIndex(2));
        assertEquals(3, t.get("b"));
        assertEquals(2, t.add("a"));
        // a later dict_add_o numbers by size, as CPython's does
        assertEquals(2, t.add("c"));
        t.put("b", 7);
        assertEquals(List.of("b", "a", "c"), t.names());
        assertEquals(7, t.indexAt(0));
    }

    @Test
    void agreesWithALinkedHashMapOverManyNames() {
        Random r = new Random(42);
        NameTable t = new NameTable();
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            // names with equal hashes too ("Aa" and "BB")
            String k = r.nextInt(4) == 0 ? (r.nextBoolean() ? "Aa" : "BB") + r.nextInt(50) : "n" + r.nextInt(3000);
            if (r.nextInt(5) == 0) {
                int v = r.nextInt(100000);
                t.put(k, v);
                m.put(k, v);
            } else {
                int n = m.size();
                Integer old = m.putIfAbsent(k, n);
                assertEquals(old != null ? old : n, t.add(k));
            }
        }
        assertEquals(m.size(), t.size());
        List<String> keys = new ArrayList<>(m.keySet());
        assertEquals(keys, t.names());
        for (int p = 0; p < keys.size(); p++) {
            assertEquals(keys.get(p), t.nameAt(p));
            assertEquals((int) m.get(keys.get(p)), t.indexAt(p));
            assertEquals((int) m.get(keys.get(p)), t.get(keys.get(p)));
        }
        assertEquals(-1, t.get("absent"));
    }
}
