package org.jpyc.dis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;

/**
 * TEMPORARY fallback for {@code repr()} of constants until {@code org.jpyc.object.PyRepr} lands:
 * covers the common constant types; frozensets print in stored order.
 */
final class ConstRepr {
    private ConstRepr() {}

    static String repr(PyObject o, PyVersion v) {
        if (o instanceof PyConst c) return c.toString();
        if (o instanceof PyInt i) return i.value().toString();
        if (o instanceof PyFloat f) return floatRepr(f.value(), true);
        if (o instanceof PyComplex c) return complexRepr(c.real(), c.imag());
        if (o instanceof PyStr s) return strRepr(s.codePoints());
        if (o instanceof PyBytes b) return bytesRepr(b.value());
        if (o instanceof PyTuple t) {
            if (t.size() == 1) return "(" + repr(t.get(0), v) + ",)";
            return "(" + join(t.items(), v) + ")";
        }
        if (o instanceof PySet s) {
            if (s.items().isEmpty()) return s.frozen() ? "frozenset()" : "set()";
            String inner = "{" + join(s.items(), v) + "}";
            return s.frozen() ? "frozenset(" + inner + ")" : inner;
        }
        if (o instanceof PySlice s) {
            return "slice(" + repr(s.start(), v) + ", " + repr(s.stop(), v) + ", " + repr(s.step(), v) + ")";
        }
        if (o instanceof PyCode c) return codeRepr(c);
        return String.valueOf(o);
    }

    static String codeRepr(PyCode c) {
        int line = c.firstlineno != 0 ? c.firstlineno : -1;
        String addr = "0x" + Long.toHexString(0x7f0000000000L + (System.identityHashCode(c) & 0xffffffffL) * 16);
        if (c.filename instanceof PyStr f) {
            return "<code object " + c.nameText() + " at " + addr + ", file \"" + f.value() + "\", line " + line + ">";
        }
        return "<code object " + c.nameText() + " at " + addr + ", file ???, line " + line + ">";
    }

    private static String join(List<PyObject> items, PyVersion v) {
        StringBuilder b = new StringBuilder();
        for (PyObject o : items) {
            if (b.length() > 0) b.append(", ");
            b.append(repr(o, v));
        }
        return b.toString();
    }

    static String floatRepr(double x, boolean addDot0) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return (1 / x < 0 ? "-" : "") + (addDot0 ? "0.0" : "0");
        BigDecimal exact = new BigDecimal(x);
        BigDecimal best = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                best = r;
                break;
            }
        }
        BigDecimal d = best.stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int decpt = digits.length() - d.scale();
        StringBuilder sb = new StringBuilder();
        if (x < 0) sb.append('-');
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            int e = decpt - 1;
            sb.append('e').append(e < 0 ? '-' : '+');
            String es = String.valueOf(Math.abs(e));
            if (es.length() < 2) sb.append('0');
            sb.append(es);
        } else if (decpt <= 0) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length()));
            if (addDot0) sb.append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    static String complexRepr(double re, double im) {
        String ims = floatRepr(im, false);
        if (re == 0 && 1 / re > 0) return ims + "j";
        String res = floatRepr(re, false);
        String sign = (im < 0 || (im == 0 && 1 / im < 0) || Double.isNaN(im) && false) ? "" : "+";
        if (Double.isNaN(im)) sign = "+";
        return "(" + res + sign + ims + "j)";
    }

    static String strRepr(int[] cps) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int cp : cps) {
            if (cp == '\'') hasSingle = true;
            if (cp == '"') hasDouble = true;
        }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (int cp : cps) {
            if (cp == q || cp == '\\') b.append('\\').appendCodePoint(cp);
            else if (cp == '\t') b.append("\\t");
            else if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (cp < 0x20 || cp == 0x7f) b.append(String.format("\\x%02x", cp));
            else if (cp < 0x7f) b.appendCodePoint(cp);
            else if (printable(cp)) b.appendCodePoint(cp);
            else if (cp <= 0xff) b.append(String.format("\\x%02x", cp));
            else if (cp <= 0xffff) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        }
        return b.append(q).toString();
    }

    private static boolean printable(int cp) {
        int t = Character.getType(cp);
        return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                || t == Character.PRIVATE_USE || t == Character.UNASSIGNED || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || t == Character.SPACE_SEPARATOR);
    }

    static String bytesRepr(byte[] v) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : v) {
            if (x == '\'') hasSingle = true;
            if (x == '"') hasDouble = true;
        }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder("b").append(q);
        for (byte x : v) {
            int c = x & 0xff;
            if (c == q || c == '\\') b.append('\\').append((char) c);
            else if (c == '\t') b.append("\\t");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c >= 0x7f) b.append(String.format("\\x%02x", c));
            else b.append((char) c);
        }
        return b.append(q).toString();
    }
}
