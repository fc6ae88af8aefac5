package org.jpyc.object;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;

/**
 * {@code repr()} of a constant exactly as a given CPython prints it (what {@code dis} shows), with
 * {@code PYTHONHASHSEED=0} for set order.
 *
 * <ul>
 *   <li>int: decimal; more than 4300 digits is CPython's {@code ValueError} (the int max str digits
 *       limit, {@code Feature.INT_MAX_STR_DIGITS}: every reference interpreter from 3.10; the 3.9 reference predates the 3.9.14 backport).
 *   <li>float: shortest round-trip digits ({@link FloatRepr}); complex: {@code complex_repr}'s layout.
 *   <li>str: {@code unicode_repr}: single quotes unless the text has {@code '} and no {@code "};
 *       {@code \t \n \r}, backslash and the quote escaped; other code points below 0x20 and 0x7f as
 *       {@code \xNN}; non-ASCII kept when {@code str.isprintable()} says so for the version's Unicode
 *       database, else {@code \xNN}, {@code \\uNNNN} or {@code \UNNNNNNNN} (lone surrogates included).
 *   <li>bytes: {@code b'...'} with the same quote rule, {@code \xNN} outside 0x20..0x7e.
 *   <li>tuple, list, dict (insertion order, first key and last value kept), set and frozenset (in
 *       {@link SetLayout} iteration order), slice, code ({@code <code object NAME at 0x..., file
 *       "FILE", line N>} with a fixed fake address), None, True, False, Ellipsis,
 *       {@code <class 'StopIteration'>}.
 *   <li>A container that contains itself prints as {@code (...)}, {@code [...]}, {@code {...}}
 *       ({@code Py_ReprEnter}).
 * </ul>
 */
public final class PyRepr {
    /** {@code sys.int_info.default_max_str_digits}. */
    public static final int INT_MAX_STR_DIGITS = 4300;
    /** Above this many bits an int certainly has more than 4300 decimal digits. */
    private static final int INT_MAX_STR_BITS = 14286;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final PyVersion version;
    private final UnicodePrintable printable;
    /** Containers being printed (for self-reference). */
    private final Map<PyObject, Boolean> active = new IdentityHashMap<>();

    private PyRepr(PyVersion version) {
        this.version = version;
        this.printable = UnicodePrintable.forVersion(version);
    }

    /**
     * {@code repr(obj)} under {@code version}.
     *
     * @throws PyObjectException where CPython raises: ValueError (int too long), TypeError (unhashable
     *     set item or dict key), RecursionError (nesting beyond {@link PyHash#MAX_DEPTH})
     */
    public static String repr(PyObject obj, PyVersion version) {
        return Deep.run(obj, () -> {
            StringBuilder sb = new StringBuilder();
            new PyRepr(version).append(sb, obj, 0);
            return sb.toString();
        });
    }

    /** {@code repr()} of a str; {@code version} selects the Unicode database. */
    public static String reprStr(PyStr s, PyVersion version) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        new PyRepr(version).appendStr(sb, s.codePoints());
        return sb.toString();
    }

    private void append(StringBuilder sb, PyObject o, int depth) {
        if (depth > PyHash.MAX_DEPTH) throw PyObjectException.tooDeep();
        if (o instanceof PyStr s) {
            appendStr(sb, s.codePoints());
        } else if (o instanceof PyInt i) {
            appendInt(sb, i.value());
        } else if (o instanceof PyConst c) {
            sb.append(switch (c.kind()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "Ellipsis";
                case STOP_ITERATION -> "<class 'StopIteration'>";
                case NULL -> "<NULL>";
            });
        } else if (o instanceof PyFloat f) {
            sb.append(FloatRepr.repr(f.value()));
        } else if (o instanceof PyComplex c) {
            appendComplex(sb, c.real(), c.imag());
        } else if (o instanceof PyBytes b) {
            appendBytes(sb, b.value());
        } else if (o instanceof PyTuple t) {
            if (enter(o)) {
                sb.append('(');
                appendItems(sb, t.items(), depth);
                if (t.size() == 1) sb.append(',');
                sb.append(')');
                leave(o);
            } else {
                sb.append("(...)");
            }
        } else if (o instanceof PyList l) {
            if (enter(o)) {
                sb.append('[');
                appendItems(sb, l.items(), depth);
                sb.append(']');
                leave(o);
            } else {
                sb.append("[...]");
            }
        } else if (o instanceof PyDict d) {
            if (enter(o)) {
                appendDict(sb, d, depth);
                leave(o);
            } else {
                sb.append("{...}");
            }
        } else if (o instanceof PySet s) {
            appendSet(sb, s, depth);
        } else if (o instanceof PySlice sl) {
            sb.append("slice(");
            append(sb, sl.start(), depth + 1);
            sb.append(", ");
            append(sb, sl.stop(), depth + 1);
            sb.append(", ");
            append(sb, sl.step(), depth + 1);
            sb.append(')');
        } else if (o instanceof PyCode c) {
            appendCode(sb, c);
        }
    }

    private boolean enter(PyObject o) {
        return active.put(o, Boolean.TRUE) == null;
    }

    private void leave(PyObject o) {
        active.remove(o);
    }

    private void appendItems(StringBuilder sb, List<PyObject> items, int depth) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            append(sb, items.get(i), depth + 1);
        }
    }

    private void appendInt(StringBuilder sb, BigInteger v) {
        if (v.bitLength() < 64) {
            sb.append(v.longValue());
            return;
        }
        if (!version.has(org.jpyc.version.Feature.INT_MAX_STR_DIGITS)) {
            sb.append(v);
            return;
        }
        String s = v.bitLength() > INT_MAX_STR_BITS ? null : v.toString();
        int digits = s == null ? Integer.MAX_VALUE : s.length() - (v.signum() < 0 ? 1 : 0);
        if (digits > INT_MAX_STR_DIGITS) {
            throw new PyObjectException("ValueError", "Exceeds the limit (" + INT_MAX_STR_DIGITS
                    + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        sb.append(s);
    }

    /** {@code complex_repr}: a bare imaginary part when the real part is +0.0, else {@code (re±imj)}. */
    private static void appendComplex(StringBuilder sb, double re, double im) {
        if (re == 0 && Double.doubleToRawLongBits(re) == 0) {
            sb.append(FloatRepr.format(im, false, false)).append('j');
        } else {
            sb.append('(').append(FloatRepr.format(re, false, false))
                    .append(FloatRepr.format(im, false, true)).append("j)");
        }
    }

    private void appendStr(StringBuilder sb, int[] cps) {
        boolean single = false;
        boolean dbl = false;
        for (int cp : cps) {
            if (cp == '\'') single = true;
            else if (cp == '"') dbl = true;
        }
        char quote = single && !dbl ? '"' : '\'';
        sb.append(quote);
        for (int cp : cps) {
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < 0x7f || cp == 0x7f) {
                hex(sb.append("\\x"), cp, 2);
            } else if (printable.isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(sb.append("\\x"), cp, 2);
            } else if (cp <= 0xffff) {
                hex(sb.append("\\u"), cp, 4);
            } else {
                hex(sb.append("\\U"), cp, 8);
            }
        }
        sb.append(quote);
    }

    private static void appendBytes(StringBuilder sb, byte[] b) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : b) {
            if (x == '\'') single = true;
            else if (x == '"') dbl = true;
        }
        char quote = single && !dbl ? '"' : '\'';
        sb.append('b').append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) hex(sb.append("\\x"), c, 2);
            else sb.append((char) c);
        }
        sb.append(quote);
    }

    private static void hex(StringBuilder sb, int v, int width) {
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) sb.append(HEX[(v >>> shift) & 0xf]);
    }

    /** A dict built by inserting the pairs in order: first key object, last value, first position. */
    private void appendDict(StringBuilder sb, PyDict d, int depth) {
        List<PyObject> keys = new ArrayList<>();
        List<PyObject> values = new ArrayList<>();
        SetLayout.Table seen = new SetLayout.Table();
        for (PyDict.Entry e : d.entries()) {
            PyObject k = e.key();
            int at = -1;
            if (seen.contains(k, version, depth)) {
                for (int i = 0; i < keys.size(); i++) {
                    if (PyEquality.equal(keys.get(i), k, version, depth + 1)) {
                        at = i;
                        break;
                    }
                }
            }
            if (at >= 0) {
                values.set(at, e.value());
            } else {
                seen.add(k, PyHash.hash(k, version, depth + 1), version, depth);
                keys.add(k);
                values.add(e.value());
            }
        }
        if (d.frozen()) {
            // frozendict (3.15): frozendict({...}), or frozendict() when empty
            sb.append("frozendict(");
            if (keys.isEmpty()) {
                sb.append(')');
                return;
            }
        }
        sb.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sb.append(", ");
            append(sb, keys.get(i), depth + 1);
            sb.append(": ");
            append(sb, values.get(i), depth + 1);
        }
        sb.append('}');
        if (d.frozen()) sb.append(')');
    }

    private void appendSet(StringBuilder sb, PySet s, int depth) {
        List<PyObject> order = SetLayout.build(s.items(), version, depth + 1).order();
        if (order.isEmpty()) {
            sb.append(s.frozen() ? "frozenset()" : "set()");
            return;
        }
        if (s.frozen()) sb.append("frozenset(");
        sb.append('{');
        appendItems(sb, order, depth);
        sb.append('}');
        if (s.frozen()) sb.append(')');
    }

    /** {@code code_repr}; a first line number of 0 prints as -1. */
    private static void appendCode(StringBuilder sb, PyCode c) {
        sb.append("<code object ").append(c.nameText()).append(" at 0x")
                .append(Long.toHexString(FakeAddress.of(c)));
        if (c.filename instanceof PyStr f) {
            sb.append(", file \"").append(f.value()).append('"');
        } else {
            sb.append(", file ???");
        }
        sb.append(", line ").append(c.firstlineno != 0 ? c.firstlineno : -1).append('>');
    }
}
