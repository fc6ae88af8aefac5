package org.jpyc.marshal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Loads marshal data from a byte array, as CPython's {@code marshal.loads} does, keeping everything
 * needed to write the same bytes again: one Java instance per object written in full, {@code 'r'}
 * references resolved to that instance, {@link PyObject#refFlag()} set on every non-singleton,
 * string forms, small/large tuples, int forms and text/binary floats.
 *
 * <p>The reader is iterative: containers and code objects are frames on an explicit stack, so the
 * Java stack depth does not grow with the nesting of the data. Nesting is limited to
 * {@value #MAX_DEPTH} objects like CPython's {@code MAX_MARSHAL_STACK_DEPTH} (an object at depth 2000 is
 * allowed, one at 2001 is not). Every declared size is checked against the bytes left before
 * anything is allocated. Every problem is a {@link MarshalFormatException} naming the byte offset.
 *
 * <p>Reference numbering follows CPython's {@code r_object}: an object with {@code FLAG_REF} gets the
 * next index when its type byte is read (containers before their items, via {@code R_REF} for
 * tuple/list/dict/set and {@code r_ref_reserve} for code, frozenset and slice). Reserved slots are not
 * referable until the object is complete, so a code object cannot contain a reference to itself,
 * while a list can.
 */
public final class MarshalReader {
    /** CPython's {@code MAX_MARSHAL_STACK_DEPTH} on non-Windows builds (2.7 and all 3.x). */
    public static final int MAX_DEPTH = 2000;

    private static final byte K_TUPLE = 0, K_LIST = 1, K_SET = 2, K_FROZENSET = 3, K_DICT = 4, K_CODE = 5, K_SLICE = 6;
    private static final String[] KIND_NAMES = {"tuple", "list", "set", "frozenset", "dict", "code", "slice"};

    private final byte[] data;
    private final int end;
    private int pos;
    private final MarshalFormat format;
    private final CodeField[] codeFields;
    private final boolean refsEnabled;
    private final boolean shortForms;
    private final boolean unicodeStr;
    MarshalListener listener;

    /** FLAG_REF objects by index; null marks a slot reserved by an object still being read. */
    private PyObject[] refs = new PyObject[32];
    private int nrefs;
    /** Python 2: interned strings by {@code 'R'} index. */
    private PyBytes[] strings;
    private int nstrings;

    // The frame stack, as parallel arrays (sp = number of open frames).
    private int sp;
    private byte[] fKind = new byte[16];
    private PyObject[] fObj = new PyObject[16];
    private PyObject[][] fItems = new PyObject[16][];
    private int[] fIdx = new int[16];
    private int[] fRef = new int[16];
    private PyObject[] fKey = new PyObject[16];

    /** A reader of {@code data[offset, end)}. */
    public MarshalReader(byte[] data, int offset, int end, MarshalFormat format) {
        if (offset < 0 || end > data.length || offset > end) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + end + ") of " + data.length);
        }
        this.data = data;
        this.pos = offset;
        this.end = end;
        this.format = format;
        this.codeFields = format.layout().fieldArray();
        this.refsEnabled = format.refs();
        this.shortForms = format.shortForms();
        this.unicodeStr = format.unicodeStr();
    }

    /** The offset just after the last object read. */
    public int position() {
        return pos;
    }

    /** Reads one complete object (as {@code marshal.loads} does; trailing bytes are left alone). */
    public PyObject readObject() {
        PyObject v;
        read:
        for (;;) {
            // ---------- read the head of one object ----------
            final int start = pos;
            if (start >= end) throw fail("EOF where an object was expected", start);
            final int code = data[pos++] & 0xff;
            if (sp >= MAX_DEPTH) throw fail("nesting deeper than " + MAX_DEPTH + " objects", start);
            if (listener != null) listener.begin(start, code);
            final boolean flag = refsEnabled && (code & TypeCode.FLAG_REF) != 0;
            final int type = refsEnabled ? code & ~TypeCode.FLAG_REF : code;
            switch (type) {
                case TypeCode.NULL -> v = PyConst.NULL;
                case TypeCode.NONE -> v = PyConst.NONE;
                case TypeCode.TRUE -> v = PyConst.TRUE;
                case TypeCode.FALSE -> v = PyConst.FALSE;
                case TypeCode.ELLIPSIS -> v = PyConst.ELLIPSIS;
                case TypeCode.STOPITER -> v = PyConst.STOP_ITERATION;
                case TypeCode.INT -> v = leaf(new PyInt(int32(), PyInt.Form.INT32), flag);
                case TypeCode.INT64 -> v = leaf(new PyInt(int64(), PyInt.Form.INT64), flag);
                case TypeCode.LONG -> v = leaf(readLong(), flag);
                case TypeCode.BINARY_FLOAT -> v = leaf(new PyFloat(Double.longBitsToDouble(int64())), flag);
                case TypeCode.BINARY_COMPLEX -> {
                    double re = Double.longBitsToDouble(int64());
                    v = leaf(new PyComplex(re, Double.longBitsToDouble(int64())), flag);
                }
                case TypeCode.FLOAT -> {
                    String t = floatText();
                    v = leaf(new PyFloat(parseFloat(t), t), flag);
                }
                case TypeCode.COMPLEX -> {
                    String rt = floatText();
                    String it = floatText();
                    v = leaf(new PyComplex(parseFloat(rt), parseFloat(it), rt, it), flag);
                }
                case TypeCode.STRING -> v = leaf(new PyBytes(payload(size32())), flag);
                case TypeCode.INTERNED -> {
                    if (unicodeStr) {
                        v = leaf(new PyStr(utf8Payload(size32()), PyStr.Form.INTERNED), flag);
                    } else if (format.stringRefs()) {
                        PyBytes b = new PyBytes(payload(size32()), true);
                        b.setRefFlag(Boolean.FALSE);
                        addString(b);
                        v = b;
                    } else {
                        throw unknown(code, start);
                    }
                }
                case TypeCode.STRINGREF -> {
                    if (!format.stringRefs()) throw unknown(code, start);
                    int i = int32();
                    if (i < 0 || i >= nstrings) throw fail("bad string reference " + i + " (" + nstrings + " interned strings)", start);
                    v = strings[i];
                }
                case TypeCode.UNICODE -> v = leaf(new PyStr(utf8Payload(size32()), PyStr.Form.UNICODE), flag);
                case TypeCode.ASCII, TypeCode.ASCII_INTERNED, TypeCode.SHORT_ASCII, TypeCode.SHORT_ASCII_INTERNED -> {
                    if (!shortForms) throw unknown(code, start);
                    int n = (type == TypeCode.ASCII || type == TypeCode.ASCII_INTERNED) ? size32() : u8();
                    PyStr.Form f = switch (type) {
                        case TypeCode.ASCII -> PyStr.Form.ASCII;
                        case TypeCode.ASCII_INTERNED -> PyStr.Form.ASCII_INTERNED;
                        case TypeCode.SHORT_ASCII -> PyStr.Form.SHORT_ASCII;
                        default -> PyStr.Form.SHORT_ASCII_INTERNED;
                    };
                    v = leaf(new PyStr(payload(n), f), flag);
                }
                case TypeCode.REF -> {
                    if (!refsEnabled) throw unknown(code, start);
                    int i = int32();
                    if (i < 0 || i >= nrefs || refs[i] == null) {
                        throw fail("bad reference " + i + (i >= 0 && i < nrefs ? " (object not complete yet)" : " (" + nrefs + " objects)"), start);
                    }
                    v = refs[i];
                }
                case TypeCode.TUPLE, TypeCode.SMALL_TUPLE, TypeCode.LIST, TypeCode.SET, TypeCode.FROZENSET -> {
                    int n;
                    byte kind;
                    if (type == TypeCode.SMALL_TUPLE) {
                        if (!shortForms) throw unknown(code, start);
                        n = u8();
                        kind = K_TUPLE;
                    } else {
                        n = size32();
                        kind = type == TypeCode.TUPLE ? K_TUPLE : type == TypeCode.LIST ? K_LIST
                                : type == TypeCode.SET ? K_SET : K_FROZENSET;
                    }
                    // every item takes at least one byte: a larger count cannot be valid
                    if (n > end - pos) throw fail(KIND_NAMES[kind] + " of " + n + " items but only " + (end - pos) + " bytes left", start);
                    PyObject[] items = new PyObject[n];
                    PyObject obj = switch (kind) {
                        case K_TUPLE -> PyTuple.over(items, type == TypeCode.SMALL_TUPLE);
                        case K_LIST -> new PyList(Arrays.asList(items));
                        default -> new PySet(Arrays.asList(items), kind == K_FROZENSET);
                    };
                    obj.setRefFlag(flag);
                    int ref = -1;
                    if (flag) {
                        // R_REF at creation for tuple/list/set (referable while incomplete);
                        // r_ref_reserve for a non-empty frozenset (referable once complete)
                        if (kind == K_FROZENSET && n > 0) obj.setLoadedRef(ref = reserve());
                        else register(obj);
                    }
                    if (n == 0) {
                        v = obj;
                    } else {
                        push(kind, obj, items, ref);
                        continue read;
                    }
                }
                case TypeCode.DICT -> {
                    PyDict d = new PyDict(new ArrayList<>());
                    d.setRefFlag(flag);
                    if (flag) register(d);
                    push(K_DICT, d, null, -1);
                    continue read;
                }
                case TypeCode.FROZENDICT -> {
                    if (!format.frozendicts()) throw unknown(code, start);
                    PyDict d = new PyDict(new ArrayList<>(), true);
                    d.setRefFlag(flag);
                    int ref = flag ? reserve() : -1;
                    if (flag) d.setLoadedRef(ref);
                    push(K_DICT, d, null, ref);
                    continue read;
                }
                case TypeCode.SLICE -> {
                    if (!format.slices()) throw unknown(code, start);
                    int ref = flag ? reserve() : -1;
                    push(K_SLICE, null, new PyObject[3], ref);
                    continue read;
                }
                case TypeCode.CODE -> {
                    PyCode c = new PyCode();
                    c.setRefFlag(flag);
                    int ref = flag ? reserve() : -1;
                    if (flag) c.setLoadedRef(ref);
                    push(K_CODE, c, null, ref);
                    if (codeInts(c)) continue read;
                    v = completeCode();
                }
                default -> throw unknown(code, start);
            }

            // ---------- hand the finished object v to the open frames ----------
            for (;;) {
                if (listener != null) listener.end(pos, v);
                if (sp == 0) {
                    if (v == PyConst.NULL) throw fail("NULL object in marshal data", pos - 1);
                    return v;
                }
                final int f = sp - 1;
                switch (fKind[f]) {
                    case K_TUPLE, K_LIST, K_SET, K_FROZENSET, K_SLICE -> {
                        if (v == PyConst.NULL) throw fail("NULL object in marshal data for " + KIND_NAMES[fKind[f]], pos - 1);
                        PyObject[] items = fItems[f];
                        items[fIdx[f]++] = v;
                        if (fIdx[f] < items.length) continue read;
                        v = fKind[f] == K_SLICE ? completeSlice(items) : fObj[f];
                        if (fRef[f] >= 0) refs[fRef[f]] = v;
                        pop();
                    }
                    case K_DICT -> {
                        if ((fIdx[f] & 1) == 0) {
                            if (v != PyConst.NULL) {
                                fKey[f] = v;
                                fIdx[f]++;
                                continue read;
                            }
                            v = fObj[f];
                            if (fRef[f] >= 0) refs[fRef[f]] = v;
                            pop();
                        } else {
                            if (v == PyConst.NULL) throw fail("NULL object in marshal data for dict value", pos - 1);
                            ((PyDict) fObj[f]).entries().add(new PyDict.Entry(fKey[f], v));
                            fKey[f] = null;
                            fIdx[f]++;
                            continue read;
                        }
                    }
                    default -> { // K_CODE
                        if (v == PyConst.NULL) throw fail("NULL object in marshal data for code", pos - 1);
                        PyCode c = (PyCode) fObj[f];
                        codeFields[fIdx[f]++].set(c, v);
                        if (codeInts(c)) continue read;
                        v = completeCode();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- frames

    private void push(byte kind, PyObject obj, PyObject[] items, int ref) {
        if (sp == fKind.length) growFrames();
        fKind[sp] = kind;
        fObj[sp] = obj;
        fItems[sp] = items;
        fIdx[sp] = 0;
        fRef[sp] = ref;
        sp++;
    }

    private void pop() {
        sp--;
        fObj[sp] = null;
        fItems[sp] = null;
        fKey[sp] = null;
    }

    private void growFrames() {
        int n = sp * 2;
        fKind = Arrays.copyOf(fKind, n);
        fObj = Arrays.copyOf(fObj, n);
        fItems = Arrays.copyOf(fItems, n);
        fIdx = Arrays.copyOf(fIdx, n);
        fRef = Arrays.copyOf(fRef, n);
        fKey = Arrays.copyOf(fKey, n);
    }

    /**
     * Reads the int32 fields of the code object on top of the stack up to its next object field.
     * Returns true if an object field follows, false if the code object is complete.
     */
    private boolean codeInts(PyCode c) {
        final int f = sp - 1;
        final CodeField[] fields = codeFields;
        int i = fIdx[f];
        while (i < fields.length && fields[i].isInt) {
            if (listener != null) listener.codeField(fields[i], pos);
            fields[i].setInt(c, int32());
            i++;
        }
        fIdx[f] = i;
        if (i < fields.length) {
            if (listener != null) listener.codeField(fields[i], pos);
            return true;
        }
        return false;
    }

    private PyObject completeCode() {
        final int f = sp - 1;
        PyObject c = fObj[f];
        if (fRef[f] >= 0) refs[fRef[f]] = c;
        pop();
        return c;
    }

    private PySlice completeSlice(PyObject[] items) {
        PySlice s = new PySlice(items[0], items[1], items[2]);
        int ref = fRef[sp - 1];
        if (ref >= 0) s.setLoadedRef(ref);
        else s.setRefFlag(false);
        return s;
    }

    // ---------------------------------------------------------------- references

    private PyObject leaf(PyObject v, boolean flag) {
        if (flag) register(v);
        else v.setRefFlag(false);
        return v;
    }

    /** Gives {@code v} (flagged, complete or referable while incomplete) the next reference index. */
    private void register(PyObject v) {
        if (nrefs == refs.length) refs = Arrays.copyOf(refs, nrefs * 2);
        v.setLoadedRef(nrefs);
        refs[nrefs++] = v;
    }

    private int reserve() {
        if (nrefs == refs.length) refs = Arrays.copyOf(refs, nrefs * 2);
        refs[nrefs] = null;
        return nrefs++;
    }

    private void addString(PyBytes b) {
        if (strings == null) strings = new PyBytes[16];
        if (nstrings == strings.length) strings = Arrays.copyOf(strings, nstrings * 2);
        strings[nstrings++] = b;
    }

    // ---------------------------------------------------------------- primitives

    private int u8() {
        if (pos >= end) throw truncated(1);
        return data[pos++] & 0xff;
    }

    private int int32() {
        int p = pos;
        if (end - p < 4) throw truncated(4);
        pos = p + 4;
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | data[p + 3] << 24;
    }

    private long int64() {
        int p = pos;
        if (end - p < 8) throw truncated(8);
        long lo = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (long) (data[p + 3] & 0xff) << 24;
        long hi = (data[p + 4] & 0xff) | (data[p + 5] & 0xff) << 8 | (data[p + 6] & 0xff) << 16 | (long) data[p + 7] << 24;
        pos = p + 8;
        return lo | hi << 32;
    }

    /** A size32: a non-negative int32 (CPython: "size out of range" otherwise). */
    private int size32() {
        int at = pos;
        int n = int32();
        if (n < 0) throw fail("negative size " + n, at);
        return n;
    }

    private byte[] payload(int n) {
        if (listener != null) listener.payload(pos);
        int p = pos;
        if (n > end - p) throw truncated(n);
        pos = p + n;
        return Arrays.copyOfRange(data, p, p + n);
    }

    /** A UTF-8 payload, checked as CPython's {@code surrogatepass} decoder would. */
    private byte[] utf8Payload(int n) {
        int p = pos;
        byte[] b = payload(n);
        for (byte x : b) {
            if (x < 0) {
                try {
                    PyStr.checkSurrogatePass(b, 0, b.length);
                } catch (IllegalArgumentException e) {
                    throw fail("bad UTF-8 in string: " + e.getMessage(), p);
                }
                break;
            }
        }
        return b;
    }

    private String floatText() {
        int n = u8();
        int p = pos;
        if (n > end - p) throw truncated(n);
        pos = p + n;
        return new String(data, p, n, StandardCharsets.ISO_8859_1);
    }

    private double parseFloat(String t) {
        Double d = FloatText.parse(t);
        if (d == null) throw fail("bad float text '" + t + "'", pos - t.length());
        return d;
    }

    /** A {@code 'l'} TYPE_LONG: int32 n (signed digit count), then |n| base-2^15 digits. */
    private PyInt readLong() {
        int at = pos;
        int n = int32();
        if (n == 0) return new PyInt(0L, PyInt.Form.LONG);
        if (n == Integer.MIN_VALUE) throw fail("long size out of range", at);
        int count = Math.abs(n);
        if ((long) count * 2 > end - pos) throw fail("long of " + count + " digits but only " + (end - pos) + " bytes left", at);
        final byte[] d = data;
        int p = pos;
        if (count <= 4) {
            // at most 60 bits: a long
            long acc = 0;
            for (int i = 0; i < count; i++) {
                int digit = (d[p] & 0xff) | (d[p + 1] & 0xff) << 8;
                checkDigit(digit, i == count - 1, p);
                acc |= (long) digit << (15 * i);
                p += 2;
            }
            pos = p;
            return new PyInt(n < 0 ? -acc : acc, PyInt.Form.LONG);
        }
        // pack the 15-bit digits into little-endian 32-bit words, then into BigInteger's big-endian bytes
        int words = (count * 15 + 31) >>> 5;
        int[] mag = new int[words + 1];
        for (int i = 0; i < count; i++) {
            int digit = (d[p] & 0xff) | (d[p + 1] & 0xff) << 8;
            checkDigit(digit, i == count - 1, p);
            int bit = 15 * i;
            int w = bit >>> 5, s = bit & 31;
            mag[w] |= digit << s;
            if (s > 17) mag[w + 1] |= digit >>> (32 - s);
            p += 2;
        }
        byte[] be = new byte[words * 4];
        for (int w = 0; w < words; w++) {
            int x = mag[w];
            int o = be.length - 4 * w;
            be[o - 1] = (byte) x;
            be[o - 2] = (byte) (x >>> 8);
            be[o - 3] = (byte) (x >>> 16);
            be[o - 4] = (byte) (x >>> 24);
        }
        BigInteger result = new BigInteger(1, be);
        pos = p;
        return new PyInt(n < 0 ? result.negate() : result, PyInt.Form.LONG);
    }

    private void checkDigit(int digit, boolean top, int at) {
        if (digit > 0x7fff) throw fail("digit out of range in long", at);
        if (top && digit == 0) throw fail("unnormalized long data (top digit is zero)", at);
    }

    // ---------------------------------------------------------------- errors

    private MarshalFormatException truncated(int need) {
        return fail("data too short: need " + need + " bytes, " + (end - pos) + " left", pos);
    }

    private static MarshalFormatException unknown(int code, int at) {
        return new MarshalFormatException("unknown type code " + TypeCode.describe(code), at);
    }

    private static MarshalFormatException fail(String message, int at) {
        return new MarshalFormatException(message, at);
    }
}
