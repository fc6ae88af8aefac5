package org.jpyc.codediff;

import java.util.Arrays;
import java.util.List;
import org.jpyc.marshal.CodeField;
import org.jpyc.marshal.CodeLayout;
import org.jpyc.object.PyBytes;
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
 * Whether two marshal objects hold the same value, strictly: same type, same value, items in the same
 * order; floats by their bits (so {@code 0.0} and {@code -0.0} differ, as they do to the compiler's
 * constant cache). What marshal's encoding alone decides is ignored: FLAG_REF bits, back-references,
 * and forms (interned or not, short or long string codes, small tuples, int32 or long, text or binary
 * floats). Loaded data nests at most {@link org.jpyc.marshal.MarshalReader#MAX_DEPTH} levels, which
 * bounds the recursion.
 */
final class ValueCompare {
    private final CodeLayout layout;

    ValueCompare(CodeLayout layout) {
        this.layout = layout;
    }

    boolean same(PyObject a, PyObject b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a.getClass() != b.getClass()) return false;
        if (a instanceof PyConst) return false; // singletons: equal only if identical
        if (a instanceof PyInt x) return x.value().equals(((PyInt) b).value());
        if (a instanceof PyFloat x) return bits(x.value()) == bits(((PyFloat) b).value());
        if (a instanceof PyComplex x) {
            PyComplex y = (PyComplex) b;
            return bits(x.real()) == bits(y.real()) && bits(x.imag()) == bits(y.imag());
        }
        if (a instanceof PyStr x) return x.sameText((PyStr) b);
        if (a instanceof PyBytes x) return Arrays.equals(x.value(), ((PyBytes) b).value());
        if (a instanceof PyTuple x) return firstDifferentItem(x.items(), ((PyTuple) b).items()) < 0;
        if (a instanceof PyList x) return firstDifferentItem(x.items(), ((PyList) b).items()) < 0;
        if (a instanceof PySet x) {
            PySet y = (PySet) b;
            return x.frozen() == y.frozen() && firstDifferentItem(x.items(), y.items()) < 0;
        }
        if (a instanceof PySlice x) {
            PySlice y = (PySlice) b;
            return same(x.start(), y.start()) && same(x.stop(), y.stop()) && same(x.step(), y.step());
        }
        if (a instanceof PyDict x) {
            List<PyDict.Entry> ex = x.entries();
            List<PyDict.Entry> ey = ((PyDict) b).entries();
            if (ex.size() != ey.size()) return false;
            for (int i = 0; i < ex.size(); i++) {
                if (!same(ex.get(i).key(), ey.get(i).key()) || !same(ex.get(i).value(), ey.get(i).value())) return false;
            }
            return true;
        }
        if (a instanceof PyCode x) return sameCode(x, (PyCode) b);
        return false;
    }

    /** Every field of the layout equal (nested code objects included). */
    boolean sameCode(PyCode a, PyCode b) {
        for (CodeField f : layout.fields()) {
            if (f.isInt ? f.getInt(a) != f.getInt(b) : !same(f.get(a), f.get(b))) return false;
        }
        return true;
    }

    /** The first index where the lists differ (a missing item counts), or -1. */
    int firstDifferentItem(List<PyObject> a, List<PyObject> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) if (!same(a.get(i), b.get(i))) return i;
        return a.size() == b.size() ? -1 : n;
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }
}
