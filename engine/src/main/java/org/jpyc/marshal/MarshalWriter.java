package org.jpyc.marshal;

import java.lang.ref.SoftReference;
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
 * <p>Two walks share the leaf writers. Tuples and code objects, the containers of compiled code, are
 * written by recursion ({@link #write}) down to {@value #RECURSE_MAX} levels; below that, and for the
 * other containers at any level, an explicit frame stack takes over ({@link #emit}, {@link #drain}),
 * so that no input can overflow the Java stack. Nesting deeper than {@value MarshalReader#MAX_DEPTH}
 * objects, counted across both, is an {@link IllegalArgumentException} (CPython: "object too deeply
 * nested to marshal"), as is an object a format cannot hold (a slice before format 5, a code object
 * with a missing field).
 */
public final class MarshalWriter {
    private static final byte K_SEQ = 0, K_DICT = 1, K_CODE = 2, K_SLICE = 3, K_SORTED_SET = 4, K_TUPLE = 5;

    /** The type byte of each {@link PyConst.Kind}, by ordinal. */
    private static final byte[] CONST_CODES = new byte[PyConst.Kind.values().length];

    static {
        for (PyConst.Kind k : PyConst.Kind.values()) {
            CONST_CODES[k.ordinal()] = (byte) switch (k) {
                case NONE -> TypeCode.NONE;
                case TRUE -> TypeCode.TRUE;
                case FALSE -> TypeCode.FALSE;
                case ELLIPSIS -> TypeCode.ELLIPSIS;
                case STOP_ITERATION -> TypeCode.STOPITER;
                case NULL -> TypeCode.NULL;
            };
        }
    }

    /**
     * What a thread keeps between {@link Marshal#dump} calls: its output buffer and reference table, so
     * that dumping many objects does not allocate and grow fresh ones each time (measured: a fresh
     * table per dump is about 20% slower, and growing a buffer of some megabytes by doubling it costs
     * more than writing the data). Held softly, so that a large buffer is kept only while memory
     * allows; taken while in use, so that a nested dump on the same thread gets fresh ones.
     */
    private static final class Scratch {
        byte[] buf = new byte[8192];
        final RefTable table = new RefTable();
    }

    /** Little-endian int32 stores into the byte buffer (one bounds check, one store). */
    private static final java.lang.invoke.VarHandle INT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static final ThreadLocal<SoftReference<Scratch>> SCRATCH = new ThreadLocal<>();
    /** Larger buffers than this are not kept for the next dump. */
    private static final int SCRATCH_MAX = 1 << 26;

    private final MarshalFormat format;
    private final RefPolicy policy;
    private final boolean preserving;
    /** {@link RefPolicy#flagsEveryRepeat()} of the policy. */
    private final boolean flagsEveryRepeat;
    private final boolean refs;
    private final boolean shortForms;
    private final boolean sortsSets;
    /** The target's code-object layout: {@link #code310}, {@link #code311} or the loop over {@link #codeFields} writes it. */
    private final CodeLayout codeLayout;
    private final CodeField[] codeFields;
    /** By {@link PyStr.Form} ordinal: whether the target format has that string type code. */
    private final boolean[] keepsForm;
    private byte[] buf;
    private int len;

    /** FLAG_REF objects written so far, by identity, with their index (formats 3+). */
    private final RefTable refTable;
    /** Python 2: interned strings written so far, by value, with their {@code 'R'} index. */
    private Map<String, Integer> stringTable;
    private final Counts counts;
    private RefPolicy.Sharing sharing;
    private boolean extraRef;

    /**
     * Tuples and code objects nested up to this depth are written by {@link #write}'s recursion,
     * deeper ones on the frame stack. The recursion keeps a container's position in locals where the
     * frame stack stores and reloads it per item: {@code MarshalBench.dump} on 3.10 went up 14%
     * (alternated JMH forks, {@code jpyc ab --forks 4}). Compiled code nests far less deep than this.
     */
    private static final int RECURSE_MAX = 40;
    /** While the frame stack is drained for a container met by {@link #write}: the depth it was met at. */
    private int outer;

    // frame stack
    private int sp;
    private byte[] fKind = new byte[16];
    private PyObject[] fObj = new PyObject[16];
    /** A frame's items: the tuple's array for {@code K_TUPLE}, otherwise a list. */
    private Object[] fItems = new Object[16];
    private int[] fIdx = new int[16];

    public MarshalWriter(MarshalFormat format) {
        this(format, RefPolicy.PRESERVE_ELSE_CPYTHON);
    }

    public MarshalWriter(MarshalFormat format, RefPolicy policy) {
        this(format, policy, new Counts(), new byte[256], new RefTable());
    }

    private MarshalWriter(MarshalFormat format, RefPolicy policy, Counts counts, byte[] buf, RefTable refTable) {
        this.format = format;
        this.policy = policy;
        this.preserving = policy == RefPolicy.PRESERVE_ELSE_CPYTHON;
        this.flagsEveryRepeat = policy.flagsEveryRepeat();
        this.refs = format.refs();
        this.shortForms = format.shortForms();
        this.sortsSets = format.sortsSets();
        this.codeLayout = format.layout();
        this.codeFields = codeLayout.fieldArray();
        this.keepsForm = keptStringForms(format);
        this.counts = counts;
        this.buf = buf;
        this.refTable = refTable;
    }

    /**
     * {@code marshal.dumps(root)}: one root, written with the calling thread's scratch buffer and table, preceded by
     * {@code prefix} (a pyc's header, or {@link Marshal#NO_PREFIX}) in the same buffer.
     */
    static byte[] dumpOne(PyObject root, MarshalFormat format, RefPolicy policy, byte[] prefix) {
        SoftReference<Scratch> ref = SCRATCH.get();
        Scratch scratch = ref == null ? null : ref.get();
        if (scratch == null) {
            scratch = new Scratch();
            ref = new SoftReference<>(scratch);
        } else {
            SCRATCH.set(null);
        }
        MarshalWriter w = new MarshalWriter(format, policy, new Counts(), scratch.buf, scratch.table);
        w.bytes(prefix);
        w.writeObject(root);
        byte[] out = w.toByteArray();
        // (a dump that throws leaves its scratch to the garbage collector: the table is not cleared)
        scratch.table.clear();
        if (w.buf.length <= SCRATCH_MAX) scratch.buf = w.buf;
        SCRATCH.set(ref);
        return out;
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
        extraRef = false;
        write(root, 0);
    }

    // ---------------------------------------------------------------- the recursive walk

    /**
     * Writes {@code v}, nested in {@code d} containers, and its contents: tuples and code objects by
     * recursion, other containers (and anything at depth {@link #RECURSE_MAX}) on the frame stack.
     * Each item is written as {@link #drain()} writes it: same reference decision, same bytes.
     */
    private void write(PyObject v, int d) {
        if (d >= RECURSE_MAX) {
            writeFramed(v, d, UNDECIDED);
            return;
        }
        final int flag = begin(v);
        if (flag == DONE) return;
        if (v instanceof PyStr s) {
            writeStr(s, flag);
        } else if (v instanceof PyTuple t) {
            writeTupleHead(t, flag);
            final PyObject[] items = t.array();
            final int e = d + 1;
            for (PyObject item : items) {
                extraRef = false;
                write(item, e);
            }
        } else if (v instanceof PyBytes b) {
            writeBytes(b, flag);
        } else if (v instanceof PyCode c) {
            byte1(TypeCode.CODE | flag);
            if (codeLayout == CodeLayout.PY310) code310(c, d + 1);
            else if (codeLayout == CodeLayout.PY311) code311(c, d + 1);
            else codeFields(c, d + 1);
        } else {
            writeFramed(v, d, flag);
        }
    }

    /** {@link #writeFramed}'s flag for an object whose reference decision is still to be made. */
    private static final int UNDECIDED = -1;

    /**
     * {@link #write} of {@code v} on the frame stack: all of it if {@code flag} is {@link #UNDECIDED},
     * otherwise one of {@link #emitOther}'s kinds, with the {@code FLAG_REF} bit {@link #write} decided.
     */
    private void writeFramed(PyObject v, int d, int flag) {
        final int base = sp;
        final int saved = outer;
        outer = d;
        if (flag == UNDECIDED ? emit(v) : emitOther(v, flag)) drain(base);
        outer = saved;
    }

    /** A field of a code object nested in {@code d} containers. */
    private void codeField(PyCode c, PyObject v, CodeField field, int d) {
        extraRef = false;
        write(requireField(c, v, field), d);
    }

    /** {@code v}, the value of {@code c}'s object field {@code field}, if it is set. */
    private static PyObject requireField(PyCode c, PyObject v, CodeField field) {
        if (v == null) throw new IllegalArgumentException(field.pyName + " of " + c + " is not set");
        return v;
    }

    /** The fields of {@code c} as {@link CodeLayout#fields()} lists them (fields nested in {@code d} containers). */
    private void codeFields(PyCode c, int d) {
        for (CodeField field : codeFields) {
            if (field.isInt) int32(field.getInt(c));
            else codeField(c, field.get(c), field, d);
        }
    }

    /**
     * {@link #codeFields} unrolled for {@link CodeLayout#PY310}, the layout jpyc compiles 3.10 for.
     * Reading each field through {@link CodeField}'s switch cost more than writing it; unrolled,
     * {@code MarshalBench.dump} went up 4-7% on 3.10 and 13% on 3.11 (alternated JMH forks,
     * {@code jpyc ab --forks 4}). {@code MarshalRoundTripTest.codeWritersFollowTheLayout} checks the
     * order against the layout.
     */
    private void code310(PyCode c, int d) {
        ensure(24);
        putInt(c.argcount);
        putInt(c.posonlyargcount);
        putInt(c.kwonlyargcount);
        putInt(c.nlocals);
        putInt(c.stacksize);
        putInt(c.flags);
        codeField(c, c.code, CodeField.CODE, d);
        codeField(c, c.consts, CodeField.CONSTS, d);
        codeField(c, c.names, CodeField.NAMES, d);
        codeField(c, c.varnames, CodeField.VARNAMES, d);
        codeField(c, c.freevars, CodeField.FREEVARS, d);
        codeField(c, c.cellvars, CodeField.CELLVARS, d);
        codeField(c, c.filename, CodeField.FILENAME, d);
        codeField(c, c.name, CodeField.NAME, d);
        int32(c.firstlineno);
        codeField(c, c.linetable, CodeField.LINETABLE, d);
    }

    /** {@link #code310} for {@link CodeLayout#PY311}. */
    private void code311(PyCode c, int d) {
        ensure(20);
        putInt(c.argcount);
        putInt(c.posonlyargcount);
        putInt(c.kwonlyargcount);
        putInt(c.stacksize);
        putInt(c.flags);
        codeField(c, c.code, CodeField.CODE, d);
        codeField(c, c.consts, CodeField.CONSTS, d);
        codeField(c, c.names, CodeField.NAMES, d);
        codeField(c, c.localsplusnames, CodeField.LOCALSPLUSNAMES, d);
        codeField(c, c.localspluskinds, CodeField.LOCALSPLUSKINDS, d);
        codeField(c, c.filename, CodeField.FILENAME, d);
        codeField(c, c.name, CodeField.NAME, d);
        codeField(c, c.qualname, CodeField.QUALNAME, d);
        int32(c.firstlineno);
        codeField(c, c.linetable, CodeField.LINETABLE, d);
        codeField(c, c.exceptiontable, CodeField.EXCEPTIONTABLE, d);
    }

    // ---------------------------------------------------------------- the frame stack

    private void drain() {
        drain(0);
    }

    /**
     * Writes the contents of the frames above {@code base} until none is left: the items of the frame
     * on top are written in a loop until one of them opens a frame of its own.
     */
    private void drain(int base) {
        frames:
        while (sp > base) {
            final int f = sp - 1;
            switch (fKind[f]) {
                case K_TUPLE -> {
                    final PyObject[] items = (PyObject[]) fItems[f];
                    final int n = items.length;
                    int i = fIdx[f];
                    while (i < n) {
                        PyObject child = items[i++];
                        extraRef = false;
                        if (emit(child)) {
                            fIdx[f] = i;
                            continue frames;
                        }
                    }
                    pop();
                }
                case K_SEQ, K_SLICE, K_SORTED_SET -> {
                    final List<?> items = (List<?>) fItems[f];
                    // from 3.11, CPython writes set items out of a list of (dump, item) pairs that holds them
                    final boolean held = fKind[f] == K_SORTED_SET;
                    final int n = items.size();
                    int i = fIdx[f];
                    while (i < n) {
                        PyObject child = (PyObject) items.get(i++);
                        extraRef = held;
                        if (emit(child)) {
                            fIdx[f] = i;
                            continue frames;
                        }
                    }
                    pop();
                }
                case K_DICT -> {
                    final List<?> entries = (List<?>) fItems[f];
                    final int n = entries.size() * 2;
                    int i = fIdx[f];
                    while (i < n) {
                        PyDict.Entry e = (PyDict.Entry) entries.get(i >> 1);
                        PyObject child = (i & 1) == 0 ? e.key() : e.value();
                        i++;
                        extraRef = false;
                        if (emit(child)) {
                            fIdx[f] = i;
                            continue frames;
                        }
                    }
                    // the NULL that ends a dict is an object of its own (w_object(NULL), depth included)
                    extraRef = false;
                    emit(PyConst.NULL);
                    pop();
                }
                default -> { // K_CODE: raw int32 fields written in place, object fields as objects
                    final PyCode c = (PyCode) fObj[f];
                    final int next = codeFieldsFrom(c, fIdx[f]);
                    if (next >= 0) {
                        fIdx[f] = next;
                        continue frames;
                    }
                    pop();
                }
            }
        }
    }

    /**
     * The fields of {@code c} from position {@code from} of the layout, as {@link CodeLayout#fields()}
     * lists them; returns the position to resume at once a field opened a frame, or -1 when all are
     * written. (Code objects this deep are rare: the generic loop serves every layout.)
     */
    private int codeFieldsFrom(PyCode c, int from) {
        final CodeField[] fields = codeFields;
        int i = from;
        while (i < fields.length) {
            CodeField field = fields[i++];
            if (field.isInt) {
                int32(field.getInt(c));
                continue;
            }
            PyObject v = requireField(c, field.get(c), field);
            extraRef = false;
            if (emit(v)) return i;
        }
        return -1;
    }

    private RefPolicy.Sharing sharing() {
        if (sharing == null) sharing = counts.view(this);
        return sharing;
    }

    // ---------------------------------------------------------------- one object

    /**
     * The frame stack's {@link #write}: writes {@code v}, or its head if it has contents; returns true
     * if it opened a frame for them. Kept small (the common kinds first, the rest in
     * {@link #emitOther}) so that the JIT compiles the reference lookup and the str and tuple writers
     * into it (checked with -XX:+PrintInlining on JDK 17).
     */
    private boolean emit(PyObject v) {
        if (sp + outer >= MarshalReader.MAX_DEPTH) throw tooDeep();
        final int flag = begin(v);
        if (flag == DONE) return false;
        if (v instanceof PyStr s) {
            writeStr(s, flag);
            return false;
        }
        if (v instanceof PyTuple t) return writeTuple(t, flag);
        if (v instanceof PyBytes b) {
            writeBytes(b, flag);
            return false;
        }
        return emitOther(v, flag);
    }

    /** {@link #begin}'s answer when it wrote {@code v} in full. */
    private static final int DONE = -1;

    /**
     * The start of writing {@code v} in either walk: a constant is written in full, as is a
     * back-reference to an object written before (both return {@link #DONE}); otherwise returns the
     * {@code FLAG_REF} bit for its type byte (entering it in the reference table if set), or 0.
     */
    private int begin(PyObject v) {
        if (v instanceof PyConst c) {
            byte1(CONST_CODES[c.kind().ordinal()]);
            return DONE;
        }
        if (v == null) throw new IllegalArgumentException("null object in graph (use PyConst.NULL for marshal's NULL)");
        int flag = 0;
        if (refs) {
            flag = refFlagOrRef(v);
            if (flag < 0) return DONE;
        }
        extraRef = false;
        return flag;
    }

    private static IllegalArgumentException tooDeep() {
        return new IllegalArgumentException("object too deeply nested to marshal (more than " + MarshalReader.MAX_DEPTH + " levels)");
    }

    /**
     * Formats 3+: writes {@code 'r'} and returns -1 if {@code v} was flagged before; otherwise returns
     * the {@code FLAG_REF} bit to or into its type byte (entering it in the table if set) or 0.
     */
    private int refFlagOrRef(PyObject v) {
        if (preserving) {
            // The default policy keeps loaded flags, so an object loaded without FLAG_REF is never
            // in the table (no lookup), and one loaded with it is entered on first sight.
            if (v.loadedUnflagged()) return 0;
            if (v.loadedFlagged()) return refLoadedFlagged(v);
        }
        if (flagsEveryRepeat) {
            // an object the policy does not flag occurs once; a flagged one is found or entered in one lookup
            if (!policy.flag(v, sharing())) return 0;
            int idx = refTable.putIfAbsent(v);
            if (idx >= 0) {
                writeRef(idx);
                return -1;
            }
            return TypeCode.FLAG_REF;
        }
        int idx = refTable.get(v);
        if (idx >= 0) {
            writeRef(idx);
            return -1;
        }
        if (policy.flag(v, sharing())) {
            refTable.putIfAbsent(v);
            return TypeCode.FLAG_REF;
        }
        return 0;
    }

    /** {@link #refFlagOrRef} for an object loaded with {@code FLAG_REF}, under the default policy. */
    private int refLoadedFlagged(PyObject v) {
        int idx = refTable.putIfAbsent(v);
        if (idx >= 0) {
            writeRef(idx);
            return -1;
        }
        return TypeCode.FLAG_REF;
    }

    private boolean writeTuple(PyTuple t, int flag) {
        writeTupleHead(t, flag);
        return t.size() > 0 && push(K_TUPLE, t, t.array());
    }

    /** A tuple's type byte and size. */
    private void writeTupleHead(PyTuple t, int flag) {
        int n = t.size();
        ensure(5);
        if (t.small() && shortForms && n < 256) {
            buf[len++] = (byte) (TypeCode.SMALL_TUPLE | flag);
            buf[len++] = (byte) n;
        } else {
            buf[len++] = (byte) (TypeCode.TUPLE | flag);
            putInt(n);
        }
    }

    /** {@link #emit} for the less common kinds. */
    private boolean emitOther(PyObject v, int flag) {
        if (v instanceof PyInt i) {
            writeInt(i, flag);
        } else if (v instanceof PyCode c) {
            byte1(TypeCode.CODE | flag);
            return push(K_CODE, c, null);
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
            if (!l.items().isEmpty()) return push(K_SEQ, l, l.items());
        } else if (v instanceof PySet s) {
            byte1((s.frozen() ? TypeCode.FROZENSET : TypeCode.SET) | flag);
            int32(s.items().size());
            if (!s.items().isEmpty()) return push(sortsSets ? K_SORTED_SET : K_SEQ, s, setOrder(s));
        } else if (v instanceof PyDict d) {
            if (d.frozen() && !format.frozendicts()) {
                throw new IllegalArgumentException("unmarshallable object: frozendict needs marshal format 6 (3.15), target is " + format.version());
            }
            byte1((d.frozen() ? TypeCode.FROZENDICT : TypeCode.DICT) | flag);
            return push(K_DICT, d, d.entries());
        } else if (v instanceof PySlice s) {
            if (!format.slices()) {
                throw new IllegalArgumentException("unmarshallable object: slice needs marshal format 5 (3.14), target is " + format.version());
            }
            byte1(TypeCode.SLICE | flag);
            return push(K_SLICE, s, Arrays.asList(s.start(), s.stop(), s.step()));
        } else {
            throw new IllegalArgumentException("unmarshallable object " + v.typeName());
        }
        return false;
    }

    private void writeRef(int idx) {
        ensure(5);
        buf[len++] = (byte) TypeCode.REF;
        putInt(idx);
    }

    private boolean push(byte kind, PyObject obj, Object items) {
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
        return true;
    }

    private void pop() {
        sp--;
        fObj[sp] = null;
        fItems[sp] = null;
    }

    // ---------------------------------------------------------------- leaves

    private void writeInt(PyInt i, int flag) {
        PyInt.Form form = i.form();
        if (i.fitsLong()) {
            long x = i.longValue();
            if (form == PyInt.Form.INT32 && x == (int) x) {
                ensure(5);
                buf[len++] = (byte) (TypeCode.INT | flag);
                int32((int) x);
            } else if (form == PyInt.Form.INT64) {
                byte1(TypeCode.INT64 | flag);
                int64(x);
            } else {
                byte1(TypeCode.LONG | flag);
                writeLongDigits(x);
            }
        } else {
            // more than 63 bits: only TYPE_LONG can hold it
            byte1(TypeCode.LONG | flag);
            writeLongDigits(i.value());
        }
    }

    /** int32 signed digit count, then base-2^15 digits of |x|, least significant first (x fits in a long). */
    private void writeLongDigits(long x) {
        if (x == Long.MIN_VALUE) {
            writeLongDigits(BigInteger.valueOf(x));
            return;
        }
        long a = Math.abs(x);
        int count = (64 - Long.numberOfLeadingZeros(a) + 14) / 15;
        int32(x < 0 ? -count : count);
        ensure(2 * count);
        for (int k = 0; k < count; k++) {
            buf[len++] = (byte) a;
            buf[len++] = (byte) ((a >>> 8) & 0x7f);
            a >>>= 15;
        }
    }

    /** int32 signed digit count, then base-2^15 digits of |x|, least significant first. */
    private void writeLongDigits(BigInteger x) {
        int sign = x.signum();
        BigInteger abs = x.abs();
        int count = (abs.bitLength() + 14) / 15;
        int32(sign < 0 ? -count : count);
        byte[] be = abs.toByteArray(); // big-endian, maybe a leading zero byte
        int nb = be.length;
        ensure(2 * count);
        for (int k = 0; k < count; k++) {
            // digit k is bits [15k, 15k + 15): within the 3 bytes from bit 15k rounded down to a byte
            int bit = 15 * k;
            int lo = bit >>> 3;
            int window = 0;
            for (int j = 0; j < 3; j++) {
                int bi = lo + j;
                if (bi < nb) window |= (be[nb - 1 - bi] & 0xff) << (8 * j);
            }
            int digit = (window >>> (bit & 7)) & 0x7fff;
            buf[len++] = (byte) digit;
            buf[len++] = (byte) (digit >>> 8);
        }
    }

    private void writeBytes(PyBytes b, int flag) {
        byte[] value = b.value();
        if (b.interned() && format.stringRefs()) {
            // Python 2: the first occurrence of an interned string's value is 't', later ones 'R' + index
            if (stringTable == null) stringTable = new HashMap<>();
            String key = new String(value, StandardCharsets.ISO_8859_1);
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
        ensure(4 + value.length);
        int32(value.length);
        System.arraycopy(value, 0, buf, len, value.length);
        len += value.length;
    }

    private void writeStr(PyStr s, int flag) {
        PyStr.Form form = s.form();
        byte[] raw = s.raw();
        if (!keepsForm[form.ordinal()]) {
            writeStrConverted(s, flag);
            return;
        }
        int n = raw.length;
        boolean shortLength = form == PyStr.Form.SHORT_ASCII || form == PyStr.Form.SHORT_ASCII_INTERNED;
        if (shortLength && n >= 256) {
            writeStrConverted(s, flag);
            return;
        }
        ensure(5 + n);
        byte[] b = buf;
        b[len++] = (byte) (form.code | flag);
        if (shortLength) b[len++] = (byte) n;
        else putInt(n);
        System.arraycopy(raw, 0, b, len, n);
        len += n;
    }

    /** A string whose form the target format does not have (or cannot hold): the form CPython would use. */
    private void writeStrConverted(PyStr s, int flag) {
        PyStr.Form form = s.form();
        byte[] raw;
        boolean interned = form.interned && format.unicodeStr();
        if (shortForms && s.isAscii()) {
            raw = asciiBytes(s);
            form = raw.length < 256
                    ? (interned ? PyStr.Form.SHORT_ASCII_INTERNED : PyStr.Form.SHORT_ASCII)
                    : (interned ? PyStr.Form.ASCII_INTERNED : PyStr.Form.ASCII);
        } else {
            form = interned && format.version() >= 3 ? PyStr.Form.INTERNED : PyStr.Form.UNICODE;
            raw = s.form().oneByte ? PyStr.encodeSurrogatePass(s.codePoints()) : s.raw();
        }
        int n = raw.length;
        ensure(5 + n);
        buf[len++] = (byte) (form.code | flag);
        if (form == PyStr.Form.SHORT_ASCII || form == PyStr.Form.SHORT_ASCII_INTERNED) buf[len++] = (byte) n;
        else int32(n);
        System.arraycopy(raw, 0, buf, len, n);
        len += n;
    }

    private static boolean[] keptStringForms(MarshalFormat format) {
        PyStr.Form[] forms = PyStr.Form.values();
        boolean[] keep = new boolean[forms.length];
        for (PyStr.Form f : forms) {
            keep[f.ordinal()] = switch (f) {
                case UNICODE -> true;
                case INTERNED -> format.version() >= 3 && format.unicodeStr();
                case ASCII, ASCII_INTERNED, SHORT_ASCII, SHORT_ASCII_INTERNED -> format.shortForms();
            };
        }
        return keep;
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
     * key dumped by a fresh writer (own reference table), from 3.13 with the item held by the writer.
     */
    private List<PyObject> setOrder(PySet s) {
        List<PyObject> items = s.items();
        if (!format.sortsSets() || s.refFlag() != null || items.size() < 2) return items;
        record Keyed(byte[] key, PyObject item) {}
        List<Keyed> keyed = new ArrayList<>(items.size());
        for (PyObject item : items) {
            MarshalWriter w = new MarshalWriter(format, policy, counts, new byte[64], new RefTable());
            w.emitKeyRoot(item);
            keyed.add(new Keyed(w.toByteArray(), item));
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
        List<PyObject> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.item);
        return out;
    }

    /** Writes a set item standalone (its sort key), held by the writer where the format says so. */
    private void emitKeyRoot(PyObject item) {
        extraRef = format.setKeyItemHeld();
        emit(item);
        drain();
    }

    // ---------------------------------------------------------------- bytes

    private void ensure(int n) {
        if (buf.length - len < n) grow(n);
    }

    private void grow(int n) {
        long need = (long) len + n;
        if (need > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("marshal data larger than 2 GiB");
        buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
    }

    private void byte1(int b) {
        if (len == buf.length) grow(1);
        buf[len++] = (byte) b;
    }

    private void int32(int x) {
        ensure(4);
        putInt(x);
    }

    /** {@link #int32} where the caller has ensured room for it. */
    private void putInt(int x) {
        INT_LE.set(buf, len, x);
        len += 4;
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

    // ---------------------------------------------------------------- reference table

    /**
     * Objects by identity with their reference index (0, 1, 2, ... in insertion order), in one of two
     * modes.
     *
     * <p><b>By loaded index</b> (the start of every dump): as long as each object entered has a
     * {@linkplain PyObject#loadedRefIndex() loaded reference index} equal to the index it gets here,
     * which is the case when a graph is written back as it was read (the reader numbers flagged
     * objects in the order the writer meets them), the table is just the entries by index. An object
     * is then found at its loaded index or not at all (had it been entered, it would be there), so no
     * hashing is needed, and entering one is appending it.
     *
     * <p><b>Hashed</b>: the first object entered with another index (built in Java, loaded from another
     * stream, or met in another order) moves the entries into open addressing with linear probing over
     * {@link PyObject#identityHash}, at most half full, which does what an
     * {@code IdentityHashMap<PyObject, Integer>} would without boxing and with one probe sequence for
     * "look up, else insert". The table stays hashed until {@link #clear()}.
     */
    private static final class RefTable {
        private static final int INITIAL = 256;
        /** Larger arrays than this are not kept for the next dump. */
        private static final int KEEP_MAX = 1 << 20;

        /** The entries by index. */
        private PyObject[] byIndex = new PyObject[INITIAL];
        private int size;
        private boolean hashed;
        // the hashed mode's arrays (null until first needed)
        private Object[] keys;
        private int[] vals;
        /** The slot of each entry, by index: lets {@link #clear()} and rehashing visit the entries only. */
        private int[] slots;
        private int shift;

        private int slot(PyObject k) {
            return (k.identityHash() * 0x9E3779B9) >>> shift;
        }

        /** The index of {@code k}, or -1. */
        int get(PyObject k) {
            if (!hashed) {
                int h = k.loadedRefIndex();
                return h >= 0 && h < size && byIndex[h] == k ? h : -1;
            }
            final Object[] ks = keys;
            final int mask = ks.length - 1;
            for (int i = slot(k);; i = (i + 1) & mask) {
                Object o = ks[i];
                if (o == k) return vals[i];
                if (o == null) return -1;
            }
        }

        /** The index of {@code k} if present; otherwise enters it with the next index and returns -1. */
        int putIfAbsent(PyObject k) {
            if (!hashed) {
                int h = k.loadedRefIndex();
                if (h == size) {
                    append(k);
                    return -1;
                }
                if (h >= 0 && h < size && byIndex[h] == k) return h;
                startHashing();
            }
            final Object[] ks = keys;
            final int mask = ks.length - 1;
            int i = slot(k);
            for (;; i = (i + 1) & mask) {
                Object o = ks[i];
                if (o == k) return vals[i];
                if (o == null) break;
            }
            ks[i] = k;
            vals[i] = size;
            slots[size] = i;
            append(k);
            if (size == slots.length) rehash(ks.length * 2);
            return -1;
        }

        private void append(PyObject k) {
            if (size == byIndex.length) byIndex = Arrays.copyOf(byIndex, size * 2);
            byIndex[size++] = k;
        }

        /** Leaves the by-index mode: enters the entries so far into the hash arrays. */
        private void startHashing() {
            hashed = true;
            int capacity = INITIAL;
            while (capacity / 2 <= size) capacity *= 2;
            if (keys == null || keys.length < capacity) {
                keys = new Object[capacity];
                vals = new int[capacity];
                slots = new int[capacity / 2];
                shift = 32 - Integer.numberOfTrailingZeros(capacity);
            }
            enterAll();
        }

        /** Puts entries 0 .. size-1 into the (empty) hash arrays. */
        private void enterAll() {
            final Object[] ks = keys;
            final int mask = ks.length - 1;
            for (int idx = 0; idx < size; idx++) {
                PyObject k = byIndex[idx];
                int i = slot(k);
                while (ks[i] != null) i = (i + 1) & mask;
                ks[i] = k;
                vals[i] = idx;
                slots[idx] = i;
            }
        }

        /** Empties the table for reuse (visiting only its entries), dropping arrays grown very large. */
        void clear() {
            if (hashed) {
                if (keys.length > KEEP_MAX) {
                    keys = null;
                    vals = null;
                    slots = null;
                } else {
                    final Object[] ks = keys;
                    final int[] sl = slots;
                    for (int idx = 0; idx < size; idx++) ks[sl[idx]] = null;
                }
                hashed = false;
            }
            if (byIndex.length > KEEP_MAX) byIndex = new PyObject[INITIAL];
            else Arrays.fill(byIndex, 0, size, null);
            size = 0;
        }

        /** Moves the entries to hash arrays of {@code capacity} slots (kept at most half full). */
        private void rehash(int capacity) {
            keys = new Object[capacity];
            vals = new int[capacity];
            slots = new int[capacity / 2];
            shift = 32 - Integer.numberOfTrailingZeros(capacity);
            enterAll();
        }
    }
}
