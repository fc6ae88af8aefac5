package org.jpyc.codediff;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpyc.marshal.CodeField;
import org.jpyc.marshal.CodeLayout;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyDict;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyList;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * Whether two loaded graphs agree on marshal's encoding object by object: the FLAG_REF bit, whether the
 * object is shared (occurs more than once, hence written once and then referenced), and its form
 * (string type code, small tuple, int32/long, text/binary float). Objects are paired by walking both
 * graphs in parallel in marshal order; where their shapes part (other types or sizes) the walk does not
 * descend, so value differences elsewhere do not count as reference differences. Records the first
 * disagreement and the innermost code objects around it.
 */
final class RefShape {
    private final CodeLayout layout;
    private final Map<PyObject, Integer> countsA;
    private final Map<PyObject, Integer> countsB;
    private final Set<PyObject> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private String firstProblem;
    private PyCode codeA;
    private PyCode codeB;

    RefShape(CodeLayout layout, PyCode a, PyCode b) {
        this.layout = layout;
        this.countsA = occurrences(a);
        this.countsB = occurrences(b);
    }

    /** Walks both graphs; true if they agree everywhere compared. */
    boolean agree(PyCode a, PyCode b) {
        Deque<PyObject[]> work = new ArrayDeque<>();
        Deque<PyCode[]> codes = new ArrayDeque<>();
        work.push(new PyObject[] {a, b});
        codes.push(new PyCode[] {a, b});
        while (!work.isEmpty()) {
            PyObject[] pair = work.pop();
            PyCode[] around = codes.pop();
            PyObject x = pair[0];
            PyObject y = pair[1];
            if (x == null || y == null || x instanceof PyConst || y instanceof PyConst) continue;
            if (x.getClass() != y.getClass()) continue; // a value difference, not an encoding one
            String problem = compare(x, y);
            if (problem != null) {
                firstProblem = problem;
                codeA = x instanceof PyCode cx ? cx : around[0];
                codeB = y instanceof PyCode cy ? cy : around[1];
                return false;
            }
            if (!visited.add(x)) continue;
            List<PyObject> kx = children(x);
            List<PyObject> ky = children(y);
            if (kx.size() != ky.size()) continue;
            PyCode[] inner = x instanceof PyCode cx ? new PyCode[] {cx, (PyCode) y} : around;
            for (int i = kx.size() - 1; i >= 0; i--) {
                work.push(new PyObject[] {kx.get(i), ky.get(i)});
                codes.push(inner);
            }
        }
        return true;
    }

    /** What differs in the encoding of two objects of the same class, or null. */
    private String compare(PyObject x, PyObject y) {
        boolean sharedX = countsA.getOrDefault(x, 0) > 1;
        boolean sharedY = countsB.getOrDefault(y, 0) > 1;
        if (sharedX != sharedY) {
            return "a " + x.typeName() + (sharedX ? " CPython shares (back-referenced) is not shared by the other side"
                    : " is shared (back-referenced) only on the other side");
        }
        if (x.loadedFlagged() != y.loadedFlagged()) {
            return "a " + x.typeName() + " has FLAG_REF " + (x.loadedFlagged() ? "on the expected side only" : "on the actual side only");
        }
        if (x instanceof PyStr s && s.form() != ((PyStr) y).form()) {
            return "str form " + s.form() + " vs " + ((PyStr) y).form();
        }
        if (x instanceof PyTuple t && t.small() != ((PyTuple) y).small()) return "small-tuple form differs";
        if (x instanceof PyInt i && i.form() != ((PyInt) y).form()) return "int form " + i.form() + " vs " + ((PyInt) y).form();
        if (x instanceof PyFloat f && f.isBinary() != ((PyFloat) y).isBinary()) return "float form (binary/text) differs";
        if (x instanceof PyComplex c && c.isBinary() != ((PyComplex) y).isBinary()) return "complex form (binary/text) differs";
        return null;
    }

    String firstProblem() {
        return firstProblem;
    }

    PyCode codeA() {
        return codeA;
    }

    PyCode codeB() {
        return codeB;
    }

    private List<PyObject> children(PyObject x) {
        if (x instanceof PyTuple t) return t.items();
        if (x instanceof PyList l) return l.items();
        if (x instanceof PySet s) return s.items();
        if (x instanceof PySlice s) return java.util.Arrays.asList(s.start(), s.stop(), s.step());
        if (x instanceof PyDict d) {
            java.util.ArrayList<PyObject> out = new java.util.ArrayList<>();
            for (PyDict.Entry e : d.entries()) {
                out.add(e.key());
                out.add(e.value());
            }
            return out;
        }
        if (x instanceof PyCode c) {
            java.util.ArrayList<PyObject> out = new java.util.ArrayList<>();
            for (CodeField f : layout.fields()) if (!f.isInt) out.add(f.get(c));
            return out;
        }
        return List.of();
    }

    /** How many times each object (by identity) is reached from the root, counting each reference. */
    private Map<PyObject, Integer> occurrences(PyCode root) {
        Map<PyObject, Integer> counts = new IdentityHashMap<>();
        Deque<PyObject> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            PyObject o = work.pop();
            if (o == null || o instanceof PyConst) continue;
            if (counts.merge(o, 1, Integer::sum) > 1) continue;
            for (PyObject k : children(o)) work.push(k);
        }
        return counts;
    }
}
