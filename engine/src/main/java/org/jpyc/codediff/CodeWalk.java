package org.jpyc.codediff;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jpyc.marshal.CodeField;
import org.jpyc.marshal.CodeLayout;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;

/**
 * Walks two code object trees in parallel, in marshal order (fields in layout order, nested code
 * objects where {@code co_consts} holds them), comparing values with {@link ValueCompare}. Records the
 * first value difference and, per {@link FieldGroup}, whether the trees agree. Nested code objects are
 * paired by their order among the constants; a code object the other side lacks shows as a
 * {@code co_consts} difference of its parent.
 */
final class CodeWalk {
    private static final int MAX_TEXT = 160;

    private final PyVersion version;
    private final CodeLayout layout;
    private final ValueCompare values;
    private final Map<FieldGroup, Boolean> agree = new EnumMap<>(FieldGroup.class);
    private Difference first;
    private int pairs;

    CodeWalk(PyVersion version) {
        this.version = version;
        this.layout = CodeLayout.forVersion(version);
        this.values = new ValueCompare(layout);
        for (FieldGroup g : FieldGroup.values()) if (g != FieldGroup.REFERENCES) agree.put(g, true);
    }

    /** Compares the trees under two root code objects. */
    void run(PyCode expected, PyCode actual) {
        walk(expected, actual, label(expected), 0);
    }

    Difference first() {
        return first;
    }

    /** Agreement per group (all but {@link FieldGroup#REFERENCES}). */
    Map<FieldGroup, Boolean> agreement() {
        return agree;
    }

    /** How many code object pairs were compared. */
    int pairs() {
        return pairs;
    }

    private void walk(PyCode a, PyCode b, String path, int depth) {
        pairs++;
        for (CodeField f : layout.fields()) {
            FieldGroup g = FieldGroup.of(f);
            if (f.isInt) {
                int x = f.getInt(a);
                int y = f.getInt(b);
                if (x != y) mismatch(g, a, b, path + "." + f.pyName, f.pyName, intText(f, x), intText(f, y));
            } else if (f == CodeField.CONSTS) {
                consts(a, b, path, depth);
            } else {
                PyObject x = f.get(a);
                PyObject y = f.get(b);
                if (!values.same(x, y)) {
                    int at = firstIndex(x, y);
                    String where = path + "." + f.pyName + (at >= 0 ? "[" + at + "]" : "");
                    mismatch(g, a, b, where, f.pyName, itemText(x, at), itemText(y, at));
                }
            }
        }
    }

    /** co_consts item by item; code objects found in the same place on both sides are walked in place. */
    private void consts(PyCode a, PyCode b, String path, int depth) {
        String field = CodeField.CONSTS.pyName;
        if (!(a.consts instanceof PyTuple ta) || !(b.consts instanceof PyTuple tb)) {
            if (!values.same(a.consts, b.consts)) {
                mismatch(FieldGroup.CONSTS, a, b, path + "." + field, field, text(a.consts), text(b.consts));
            }
            return;
        }
        List<PyObject> x = ta.items();
        List<PyObject> y = tb.items();
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            PyObject p = x.get(i);
            PyObject q = y.get(i);
            String where = path + "." + field + "[" + i + "]";
            if (p instanceof PyCode cp && q instanceof PyCode cq) {
                if (depth < org.jpyc.marshal.MarshalReader.MAX_DEPTH) walk(cp, cq, where + " " + label(cp), depth + 1);
            } else if (!values.same(p, q)) {
                mismatch(FieldGroup.CONSTS, a, b, where, field, text(p), text(q));
            }
        }
        if (x.size() != y.size()) {
            mismatch(FieldGroup.CONSTS, a, b, path + "." + field + "[" + n + "]", field,
                    n < x.size() ? text(x.get(n)) : "(no item: " + x.size() + " constants)",
                    n < y.size() ? text(y.get(n)) : "(no item: " + y.size() + " constants)");
        }
    }

    private void mismatch(FieldGroup g, PyCode a, PyCode b, String path, String field, String x, String y) {
        agree.put(g, false);
        if (first == null) first = new Difference(DiffKind.VALUES, path, field, x, y, -1, a, b);
    }

    /** The first differing byte of two bytes objects or item of two tuples, else -1. */
    private int firstIndex(PyObject x, PyObject y) {
        if (x instanceof PyBytes p && y instanceof PyBytes q) {
            byte[] u = p.value();
            byte[] v = q.value();
            int n = Math.min(u.length, v.length);
            for (int i = 0; i < n; i++) if (u[i] != v[i]) return i;
            return n;
        }
        if (x instanceof PyTuple p && y instanceof PyTuple q) return values.firstDifferentItem(p.items(), q.items());
        return -1;
    }

    private String itemText(PyObject o, int at) {
        if (at < 0) return text(o);
        if (o instanceof PyBytes b) {
            byte[] v = b.value();
            return at < v.length ? String.format("byte 0x%02x of %d", v[at] & 0xff, v.length) : "(ends: " + v.length + " bytes)";
        }
        if (o instanceof PyTuple t) return at < t.size() ? text(t.get(at)) : "(ends: " + t.size() + " items)";
        return text(o);
    }

    private static String intText(CodeField f, int v) {
        return f == CodeField.FLAGS ? String.format("0x%x", v) : Integer.toString(v);
    }

    String text(PyObject o) {
        return shorten(o);
    }

    /** A short repr: {@code <code f>} for code objects, else Python's repr cut to a line. */
    String shorten(PyObject o) {
        if (o == null) return "(missing)";
        if (o instanceof PyCode c) return label(c);
        String s;
        try {
            s = o.typeName() + " " + PyRepr.repr(o, version);
        } catch (RuntimeException e) {
            s = o.typeName() + " (no repr: " + e.getMessage() + ")";
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 3) + "..." : s;
    }

    /** {@code <module>} or {@code <code NAME>}, as {@link org.jpyc.marshal.MarshalTrace} names code objects. */
    static String label(PyCode c) {
        String name = c.name == null ? "?" : c.nameText();
        return "<module>".equals(name) ? "<module>" : "<code " + name + ">";
    }
}
