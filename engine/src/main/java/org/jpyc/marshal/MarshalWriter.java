package org.jpyc.marshal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * Writes marshal data as CPython's {@code marshal.dumps} does, into a growable byte array.
 *
 * <p>Objects keep the form they were loaded in (string type code, small tuple, int form, text float)
 * whenever the target format has it, so that loading and writing again reproduces the input; objects
 * built in Java carry the forms CPython would choose. {@code FLAG_REF} and back-references follow the
 * {@link RefPolicy} (default {@link RefPolicy#PRESERVE_ELSE_CPYTHON}).
 *
 * <p>Iterative, like the reader: nesting deeper than {@value MarshalReader#MAX_DEPTH} objects is an
 * {@link IllegalArgumentException} (CPython: "object too deeply nested to marshal"), as is an object a
 * format cannot hold (a slice before format 5, a code object with a missing field).
 */
public final class MarshalWriter {
    private static final byte K_SEQ = 0, K_DICT = 1, K_CODE = 2, K_SLICE = 3;

    private final MarshalFormat format;
    private final RefPolicy policy;
    private final boolean preserving;
    private final CodeField[] codeFields;
    private byte[] buf = new byte[256];
    private int len;

    /** FLAG_REF objects written so far, by identity, with their index (formats 3+). */
    private final IdentityHashMap<PyObject, Integer> refTable = new IdentityHashMap<>();
    /** Python 2: interned strings written so far, by value, with their {@code 'R'} index. */
    private final Map<String, Integer> stringTable = new HashMap<>();
    private final Counts counts;
    private RefPolicy.Sharing sharing;
    private boolean extraRef;

    // frame stack
    private int sp;
    private byte[] fKind = new byte[16];
    private PyObject[] fObj = new PyObject[16];
    private List<?>[] fItems = new List<?>[16];
    private int[] fIdx = new int[16];

    public MarshalWriter(MarshalFormat format) {
        this(format, RefPolicy.PRESERVE_ELSE_CPYTHON);
    }

    public MarshalWriter(MarshalFormat format, RefPolicy policy) {
        this(format, policy, new Counts());
    }

    private MarshalWriter(MarshalFormat format, RefPolicy policy, Counts counts) {
        this.format = format;
        this.policy = policy;
        this.preserving = policy == RefPolicy.PRESERVE_ELSE_CPYTHON;
        this.codeFields = format.layout().fieldArray();
        this.counts = counts;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Number of bytes written so far. */
    public int size() {
        return len;
    }

    /** Appends {@code root} and everything it contains. */
    public void writeObject(PyObject root) {
        counts.addRoot(root);
        emit(root);
        while (sp > 0) {
            PyObject child = nextChild();
            if (child == null) {
                pop();
            } else {
                emit(child);
            }
        }
    }

    private RefPolicy.Sharing sharing() {
        if (sharing == null) sharing = counts.view(this);
        return sharing;
    }

    // ---------------------------------------------------------------- one object

    private void emit(PyObject v) {
        if (sp + 1 > MarshalReader.MAX_DEPTH) {
            throw new IllegalArgumentException("object too deeply nested to marshal (more than " + MarshalReader.MAX_DEPTH + " levels)");
        }
        if (v == null) throw new IllegalArgumentException("null object in graph (use PyConst.NULL for marshal's NULL)");
        if (v instanceof PyConst c) {
            byte1(switch (c.kind()) {
                case NONE -> TypeCode.NONE;
                case TRUE -> TypeCode.TRUE;
                case FALSE -> TypeCode.FALSE;
                case ELLIPSIS -> TypeCode.ELLIPSIS;
                case STOP_ITERATION -> TypeCode.STOPITER;
                case NULL -> TypeCode.NULL;
            });
            return;
        }
        int flag = 0;
        // With the default policy an object loaded without FLAG_REF was never entered in the table:
        // skip the identity lookup for it (the common case in loaded graphs).
        if (format.refs() && !(preserving && v.refFlag() == Boolean.FALSE)) {
            Integer idx = refTable.get(v);
            if (idx != null) {
                byte1(TypeCode.REF);
                int32(idx);
                return;
            }
            if (policy.flag(v, sharing())) {
                refTable.put(v, refTable.size());
                flag = TypeCode.FLAG_REF;
            }
        }
        extraRef = false;
        if (v instanceof PyInt i) {
            writeInt(i, flag);
        } else if (v instanceof PyStr s) {
            writeStr(s, flag);
        } else if (v instanceof PyTuple t) {
            int n = t.size();
            if (t.small() && format.shortForms() && n < 256) {
                byte1(TypeCode.SMALL_TUPLE | flag);
                byte1(n);
            } else {
                byte1(TypeCode.TUPLE | flag);
                int32(n);
            }
            if (n > 0) push(K_SEQ, t, t.items());
        } else if (v instanceof PyBytes b) {
            writeBytes(b, flag);
        } else if (v instanceof PyCode c) {
            byte1(TypeCode.CODE | flag);
            push(K_CODE, c, null);
        } else if (v instanceof PyFloat f) {
            if (f.text() != null) {
                byte1(TypeCode.FLOAT | flag);
                floatText(f.text());
            } else if (format.binaryFloats()) {
                byte1(TypeCode.BINARY_FLOAT | flag);
                int64(Double.doubleToRawLongBits(f.value()));
            } else {
                byte1(TypeCode.FLOAT | flag);
                floatText(FloatText.format(f.value()));
            }
        } else if (v instanceof PyComplex c) {
            if (c.realText() != null && c.imagText() != null) {
                byte1(TypeCode.COMPLEX | flag);
                floatText(c.realText());
                floatText(c.imagText());
            } else if (format.binaryFloats()) {
                byte1(TypeCode.BINARY_COMPLEX | flag);
                int64(Double.doubleToRawLongBits(c.real()));
                int64(Double.doubleToRawLongBits(c.imag()));
            } else {
                byte1(TypeCode.COMPLEX | flag);
                floatText(FloatText.format(c.real()));
                floatText(FloatText.format(c.imag()));
            }
        } else if (v instanceof PyList l) {
            byte1(TypeCode.LIST | flag);
            int32(l.items().size());
            if (!l.items().isEmpty()) push(K_SEQ, l, l.items());
        } else if (v instanceof PySet s) {
            byte1((s.frozen() ? TypeCode.FROZENSET : TypeCode.SET) | flag);
            int32(s.items().size());
            if (!s.items().isEmpty()) push(K_SEQ, s, setOrder(s));
        } else if (v instanceof PyDict d) {
            byte1(TypeCode.DICT | flag);
            push(K_DICT, d, d.entries());
        } else if (v instanceof PySlice s) {
            if (!format.slices()) {
                throw new IllegalArgumentException("unmarshallable object: slice needs marshal format 5 (3.14), target is " + format.version());
            }
            byte1(TypeCode.SLICE | flag);
            push(K_SLICE, s, Arrays.asList(s.start(), s.stop(), s.step()));
        } else {
            throw new IllegalArgumentException("unmarshallable object " + v.typeName());
        }
    }

    /** The next object to write inside the frame on top of the stack, or null when the frame is done. */
    private PyObject nextChild() {
        final int f = sp - 1;
        extraRef = false;
        switch (fKind[f]) {
            case K_SEQ, K_SLICE -> {
                List<?> items = fItems[f];
                int i = fIdx[f];
                if (i == items.size()) return null;
                fIdx[f] = i + 1;
                // from 3.11, CPython writes set items out of a list of (dump, item) pairs that holds them
                extraRef = format.sortsSets() && fObj[f] instanceof PySet;
                return (PyObject) items.get(i);
            }
            case K_DICT -> {
                List<?> entries = fItems[f];
                int i = fIdx[f]++;
                int n = entries.size() * 2;
                if (i < n) {
                    PyDict.Entry e = (PyDict.Entry) entries.get(i >> 1);
                    return (i & 1) == 0 ? e.key() : e.value();
                }
                return i == n ? PyConst.NULL : null;
            }
            default -> {
                PyCode c = (PyCode) fObj[f];
                final CodeField[] fields = codeFields;
                int i = fIdx[f];
                while (i < fields.length && fields[i].isInt) {
                    int32(fields[i].getInt(c));
                    i++;
                }
                if (i == fields.length) {
                    fIdx[f] = i;
                    return null;
                }
                fIdx[f] = i + 1;
                PyObject v = fields[i].get(c);
                if (v == null) throw new IllegalArgumentException(fields[i].pyName + " of " + c + " is not set");
                return v;
            }
        }
    }

    private void push(byte kind, PyObject obj, List<?> items) {
        if (sp == fKind.length) {
            int n = sp * 2;
            fKind = Arrays.copyOf(fKind, n);
            fObj = Arrays.copyOf(fObj, n);
            fItems = Arrays.copyOf(fItems, n);
            fIdx = Arrays.copyOf(fIdx, n);
        }
        fKind[sp] = kind;
        fObj[sp] = obj;
        fItems[sp] = items;
        fIdx[sp] = 0;
        sp++;
    }

    private void pop() {
        sp--;
        fObj[sp] = null;
        fItems[sp] = null;
    }

    // ---------------------------------------------------------------- leaves

    private void writeInt(PyInt i, int flag) {
        BigInteger x = i.value();
        int bits = x.bitLength();
        if (i.form() == PyInt.Form.INT32 && bits < 32) {
            byte1(TypeCode.INT | flag);
            int32(x.intValue());
        } else if (i.form() == PyInt.Form.INT64 && bits < 64) {
            byte1(TypeCode.INT64 | flag);
            int64(x.longValue());
        } else {
            byte1(TypeCode.LONG | flag);
            writeLongDigits(x);
        }
    }

    /** int32 signed digit count, then base-2^15 digits of |x|, least significant first. */
    private void writeLongDigits(BigInteger x) {
        int sign = x.signum();
        BigInteger abs = x.abs();
        int count = (abs.bitLength() + 14) / 15;
        int32(sign < 0 ? -count : count);
        if (abs.bitLength() <= 63) {
            long a = abs.longValue();
            for (int k = 0; k < count; k++) {
                int16((int) (a & 0x7fff));
                a >>>= 15;
            }
        } else {
            byte[] be = abs.toByteArray(); // big-endian, maybe a leading zero byte
            for (int k = 0; k < count; k++) {
                int bit = 15 * k;
                int digit = 0;
                for (int b = 0; b < 15; b++) {
                    int pos = bit + b;
                    int byteIdx = be.length - 1 - (pos >>> 3);
                    if (byteIdx >= 0 && (be[byteIdx] >> (pos & 7) & 1) != 0) digit |= 1 << b;
                }
                int16(digit);
            }
        }
    }

    private void writeBytes(PyBytes b, int flag) {
        if (b.interned() && format.stringRefs()) {
            // Python 2: the first occurrence of an interned string's value is 't', later ones 'R' + index
            String key = new String(b.value(), StandardCharsets.ISO_8859_1);
            Integer idx = stringTable.get(key);
            if (idx != null) {
                byte1(TypeCode.STRINGREF);
                int32(idx);
                return;
            }
            stringTable.put(key, stringTable.size());
            byte1(TypeCode.INTERNED);
        } else {
            byte1(TypeCode.STRING | flag);
        }
        int32(b.value().length);
        bytes(b.value());
    }

    private void writeStr(PyStr s, int flag) {
        PyStr.Form form = s.form();
        byte[] raw = s.raw();
        boolean keep = switch (form) {
            case UNICODE -> true;
            case INTERNED -> format.version() >= 3 && format.unicodeStr();
            case ASCII, ASCII_INTERNED -> format.shortForms();
            case SHORT_ASCII, SHORT_ASCII_INTERNED -> format.shortForms() && raw.length < 256;
        };
        if (!keep) {
            // the form CPython would use for this text at the target format
            boolean interned = form.interned && format.unicodeStr();
            if (format.shortForms() && s.isAscii()) {
                form = raw.length < 256
                        ? (interned ? PyStr.Form.SHORT_ASCII_INTERNED : PyStr.Form.SHORT_ASCII)
                        : (interned ? PyStr.Form.ASCII_INTERNED : PyStr.Form.ASCII);
                raw = asciiBytes(s);
            } else {
                form = interned && format.version() >= 3 ? PyStr.Form.INTERNED : PyStr.Form.UNICODE;
                if (s.form().oneByte) raw = PyStr.encodeSurrogatePass(s.codePoints());
            }
        }
        byte1(form.code | flag);
        if (form == PyStr.Form.SHORT_ASCII || form == PyStr.Form.SHORT_ASCII_INTERNED) byte1(raw.length);
        else int32(raw.length);
        bytes(raw);
    }

    private static byte[] asciiBytes(PyStr s) {
        int[] cps = s.codePoints();
        byte[] b = new byte[cps.length];
        for (int i = 0; i < cps.length; i++) b[i] = (byte) cps[i];
        return b;
    }

    private void floatText(String t) {
        byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length > 255) throw new IllegalArgumentException("float text longer than 255 bytes: " + t);
        byte1(b.length);
        bytes(b);
    }

    // ---------------------------------------------------------------- set order (3.11+)

    /**
     * Items of a set in the order to write them. Loaded sets keep their order. For sets built in Java
     * and formats that sort (3.11+), CPython's order: {@code sorted(items, key=marshal.dumps)}, each
     * key dumped by a fresh writer (own reference table) with the item held by the writer's pair list.
     */
    private List<PyObject> setOrder(PySet s) {
        List<PyObject> items = s.items();
        if (!format.sortsSets() || s.refFlag() != null || items.size() < 2) return items;
        record Keyed(byte[] key, PyObject item) {}
        List<Keyed> keyed = new ArrayList<>(items.size());
        for (PyObject item : items) {
            MarshalWriter w = new MarshalWriter(format, policy, counts);
            w.emitKeyRoot(item);
            keyed.add(new Keyed(w.toByteArray(), item));
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
        List<PyObject> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.item);
        return out;
    }

    /** Writes a set item standalone (its sort key), as held by the writer. */
    private void emitKeyRoot(PyObject item) {
        extraRef = true;
        emit(item);
        while (sp > 0) {
            PyObject child = nextChild();
            if (child == null) pop();
            else emit(child);
        }
    }

    // ---------------------------------------------------------------- bytes

    private void ensure(int n) {
        if (buf.length - len < n) {
            long need = (long) len + n;
            if (need > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("marshal data larger than 2 GiB");
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
        }
    }

    private void byte1(int b) {
        if (len == buf.length) ensure(1);
        buf[len++] = (byte) b;
    }

    private void int16(int x) {
        ensure(2);
        buf[len++] = (byte) x;
        buf[len++] = (byte) (x >>> 8);
    }

    private void int32(int x) {
        ensure(4);
        byte[] b = buf;
        int p = len;
        b[p] = (byte) x;
        b[p + 1] = (byte) (x >>> 8);
        b[p + 2] = (byte) (x >>> 16);
        b[p + 3] = (byte) (x >>> 24);
        len = p + 4;
    }

    private void int64(long x) {
        int32((int) x);
        int32((int) (x >>> 32));
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    // ---------------------------------------------------------------- sharing information for policies

    /** Identity occurrence counts over the graphs written, computed only if a policy asks. */
    private static final class Counts {
        private final List<PyObject> roots = new ArrayList<>();
        private IdentityHashMap<PyObject, Integer> counts;

        void addRoot(PyObject root) {
            roots.add(root);
            counts = null;
        }

        int get(PyObject v) {
            if (counts == null) compute();
            Integer n = counts.get(v);
            return n == null ? 0 : n;
        }

        /** Counts each reference to each object; descends into an object on its first visit only. */
        private void compute() {
            counts = new IdentityHashMap<>();
            ArrayDeque<PyObject> todo = new ArrayDeque<>();
            for (PyObject r : roots) todo.push(r);
            while (!todo.isEmpty()) {
                PyObject v = todo.pop();
                if (v instanceof PyConst) continue;
                Integer n = counts.get(v);
                counts.put(v, n == null ? 1 : n + 1);
                if (n != null) continue;
                if (v instanceof PyTuple t) {
                    pushAll(todo, t.items());
                } else if (v instanceof PyList l) {
                    pushAll(todo, l.items());
                } else if (v instanceof PySet s) {
                    pushAll(todo, s.items());
                } else if (v instanceof PyDict d) {
                    for (PyDict.Entry e : d.entries()) {
                        push(todo, e.key());
                        push(todo, e.value());
                    }
                } else if (v instanceof PySlice s) {
                    push(todo, s.start());
                    push(todo, s.stop());
                    push(todo, s.step());
                } else if (v instanceof PyCode c) {
                    for (CodeField f : CodeField.values()) {
                        if (!f.isInt && f != CodeField.LNOTAB) push(todo, f.get(c));
                    }
                }
            }
        }

        private static void pushAll(ArrayDeque<PyObject> todo, List<PyObject> items) {
            for (PyObject o : items) push(todo, o);
        }

        private static void push(ArrayDeque<PyObject> todo, PyObject o) {
            if (o != null) todo.push(o);
        }

        RefPolicy.Sharing view(MarshalWriter w) {
            return new RefPolicy.Sharing() {
                @Override
                public int occurrences(PyObject v) {
                    return get(v);
                }

                @Override
                public boolean extraReference() {
                    return w.extraRef;
                }

                @Override
                public MarshalFormat format() {
                    return w.format;
                }
            };
        }
    }
}
