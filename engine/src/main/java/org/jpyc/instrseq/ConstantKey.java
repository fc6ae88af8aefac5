package org.jpyc.instrseq;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * {@code _PyCode_ConstantKey} (Objects/codeobject.c, 3.13): the dictionary key under which the
 * compiler files a constant, as a Java value whose {@code equals} is CPython's key comparison.
 * Ints, strs and code objects are their own key (so they never meet other types); bools, bytes,
 * floats and complexes are tagged with their type, and the signed zeros are told apart; tuples and
 * frozensets are keyed by their items' keys; anything else by identity.
 */
public final class ConstantKey {
    private ConstantKey() {}

    /** {@code _PyCode_ConstantKey(o)}. */
    public static Object of(PyObject o) {
        if (o instanceof PyConst c) {
            return switch (c.kind()) {
                case TRUE -> Bool.TRUE;
                case FALSE -> Bool.FALSE;
                default -> c; // None, Ellipsis: singletons, their own key
            };
        }
        if (o instanceof PyInt i) return i.fitsLong() ? intKey(i.longValue()) : new BigInt(i.value());
        if (o instanceof PyStr s) return new Str(s);
        if (o instanceof PyBytes b) return new Bytes(b);
        if (o instanceof PyFloat f) {
            // (float, x) compares x with ==: the same double (only -0.0 set apart); a NaN only equals itself
            return Double.isNaN(f.value()) ? new Identity(o) : new Bits(Double.doubleToLongBits(f.value()), FLOAT_SALT);
        }
        if (o instanceof PyComplex z) {
            if (Double.isNaN(z.real()) || Double.isNaN(z.imag())) return new Identity(o);
            return new Complex(Double.doubleToLongBits(z.real()), Double.doubleToLongBits(z.imag()));
        }
        if (o instanceof PyTuple t) {
            PyObject[] items = t.array();
            Object[] keys = new Object[items.length];
            for (int i = 0; i < keys.length; i++) keys[i] = of(items[i]);
            return new Tuple(keys);
        }
        if (o instanceof PySet s && s.frozen()) {
            Set<Object> keys = new HashSet<>();
            for (PyObject item : s.items()) keys.add(of(item));
            return new FrozenSet(Set.copyOf(keys));
        }
        if (o instanceof PyCode c) return new Code(c);
        if (o instanceof org.jpyc.object.PySlice sl) {
            // 3.14 (constant slices): (slice, start key, stop key, step key)
            return new Slice(of(sl.start()), of(sl.stop()), of(sl.step()));
        }
        return new Identity(o);
    }

    enum Bool { TRUE, FALSE }

    // The keys are plain classes with their own equals and hashCode, not records: a record's are
    // reached through an invokedynamic method handle, which showed in the profile of a compile. Their
    // hashes are mixed, with a salt per type: the raw ones (0 and -1 alike for a long, powers of two,
    // the bits of 1.0, 1 for b'' and '') crowded the const cache's buckets into trees.

    /** A 64-bit mix (the multiply-xorshift of SplitMix64's finalizer) of {@code x} with a type's salt. */
    static int mix(long x, long salt) {
        x = (x ^ salt) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
        return (int) (x ^ (x >>> 32));
    }

    private static final long INT_SALT = 0x1000, FLOAT_SALT = 0x2000, COMPLEX_SALT = 0x3000, TUPLE_SALT = 0x4000,
            STR_SALT = 0x5000, BYTES_SALT = 0x6000;

    /** The key of an int held as a long: shared for the small ones (keys are immutable values), which most int constants are. */
    private static Bits intKey(long v) {
        return v >= SMALL_INT_MIN && v <= SMALL_INT_MAX ? SMALL_INT_KEYS[(int) (v - SMALL_INT_MIN)] : new Bits(v, INT_SALT);
    }

    private static final int SMALL_INT_MIN = -5, SMALL_INT_MAX = 256;
    private static final Bits[] SMALL_INT_KEYS = new Bits[SMALL_INT_MAX - SMALL_INT_MIN + 1];

    static {
        for (int v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) SMALL_INT_KEYS[v - SMALL_INT_MIN] = new Bits(v, INT_SALT);
    }

    /**
     * A value held in one long, tagged by its kind's salt: an int that fits in a long (a value is held as
     * a long whenever it fits, see {@link PyInt}; {@link #INT_SALT}) or a float by its bits
     * ({@link Double#doubleToLongBits}: -0.0 apart from 0.0; {@link #FLOAT_SALT}), so that 1 and 1.0 stay
     * apart as {@code _PyCode_ConstantKey} keeps them apart by type.
     */
    static final class Bits {
        final long value;
        final long salt;

        Bits(long value, long salt) {
            this.value = value;
            this.salt = salt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits k && k.value == value && k.salt == salt;
        }

        @Override
        public int hashCode() {
            return mix(value, salt);
        }
    }

    /** An int beyond a long. */
    static final class BigInt {
        final BigInteger value;

        BigInt(BigInteger value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BigInt k && k.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    static final class Complex {
        final long realBits, imagBits;

        Complex(long realBits, long imagBits) {
            this.realBits = realBits;
            this.imagBits = imagBits;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Complex k && k.realBits == realBits && k.imagBits == imagBits;
        }

        @Override
        public int hashCode() {
            return mix(realBits * 31 + imagBits, COMPLEX_SALT);
        }
    }

    /** A tuple by its items' keys, in order. */
    static final class Tuple {
        final Object[] itemKeys;
        private final int hash;

        Tuple(Object[] itemKeys) {
            this.itemKeys = itemKeys;
            this.hash = mix(Arrays.hashCode(itemKeys), TUPLE_SALT);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple k && k.hash == hash && Arrays.equals(k.itemKeys, itemKeys);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static final class Slice {
        final Object startKey, stopKey, stepKey;

        Slice(Object startKey, Object stopKey, Object stepKey) {
            this.startKey = startKey;
            this.stopKey = stopKey;
            this.stepKey = stepKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Slice k && k.startKey.equals(startKey) && k.stopKey.equals(stopKey)
                    && k.stepKey.equals(stepKey);
        }

        @Override
        public int hashCode() {
            return (startKey.hashCode() * 31 + stopKey.hashCode()) * 31 + stepKey.hashCode();
        }
    }

    /** A frozenset by the set of its items' keys (order does not matter). */
    static final class FrozenSet {
        final Set<Object> itemKeys;

        FrozenSet(Set<Object> itemKeys) {
            this.itemKeys = itemKeys;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FrozenSet k && k.itemKeys.equals(itemKeys);
        }

        @Override
        public int hashCode() {
            return itemKeys.hashCode() + 11;
        }
    }

    /** A str by its text (code points: lone surrogates included, which Java text would conflate with pairs). */
    static final class Str {
        final PyStr s;

        Str(PyStr s) {
            this.s = s;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str k && s.sameText(k.s);
        }

        @Override
        public int hashCode() {
            return mix(s.textHash(), STR_SALT);
        }
    }

    static final class Bytes {
        final PyBytes b;

        Bytes(PyBytes b) {
            this.b = b;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Bytes k)) return false;
            return k.b == b || (k.b.contentHash() == b.contentHash() && Arrays.equals(b.value(), k.b.value()));
        }

        @Override
        public int hashCode() {
            return mix(b.contentHash(), BYTES_SALT);
        }
    }

    /** {@code (id(o), o)}: only the object itself. */
    static final class Identity {
        final PyObject o;

        Identity(PyObject o) {
            this.o = o;
        }

        @Override
        public boolean equals(Object x) {
            return x instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return o.identityHash();
        }
    }

    /**
     * A code object is its own key, and the dictionary compares code objects with
     * {@code code_richcompare}: name, argument counts, flags, first line, bytecode, the constants'
     * keys, names, localsplus names (3.10: varnames, freevars, cellvars), location and exception tables (not
     * qualname, filename, kinds).
     */
    static final class Code {
        final PyCode c;

        Code(PyCode c) {
            this.c = c;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Code k)) return false;
            PyCode a = c, b = k.c;
            if (a == b) return true;
            // the nested constants last: they recurse into inner code objects (nested lambdas on one
            // line share names and lines, and would compare level against level)
            if (a.varnames != null) {
                // 3.10's layout (co_varnames, co_freevars, co_cellvars): its code_richcompare also compares co_nlocals
                // and not the line table, so code objects differing only in lines are equal (two generator
                // expressions of one line whose elements are on different lines)
                return same(a.name, b.name) && a.argcount == b.argcount && a.posonlyargcount == b.posonlyargcount
                        && a.kwonlyargcount == b.kwonlyargcount && a.nlocals == b.nlocals && a.flags == b.flags
                        && a.firstlineno == b.firstlineno && same(a.code, b.code) && same(a.names, b.names)
                        && same(a.varnames, b.varnames) && same(a.freevars, b.freevars) && same(a.cellvars, b.cellvars)
                        && ConstantKey.of(a.consts).equals(ConstantKey.of(b.consts));
            }
            return same(a.name, b.name) && a.argcount == b.argcount && a.posonlyargcount == b.posonlyargcount
                    && a.kwonlyargcount == b.kwonlyargcount && a.flags == b.flags && a.firstlineno == b.firstlineno
                    && same(a.code, b.code) && same(a.names, b.names) && same(a.localsplusnames, b.localsplusnames)
                    && same(a.linetable, b.linetable) && same(a.exceptiontable, b.exceptiontable)
                    && ConstantKey.of(a.consts).equals(ConstantKey.of(b.consts));
        }

        /** {@code PyObject_RichCompareBool(x, y, Py_EQ)} for the str, bytes and tuple-of-str fields. */
        private static boolean same(PyObject x, PyObject y) {
            if (x == y) return true;
            if (x == null || y == null) return false;
            return ConstantKey.of(x).equals(ConstantKey.of(y));
        }

        @Override
        public int hashCode() {
            int h = c.firstlineno * 31 + c.argcount;
            if (c.name instanceof PyStr s) h = h * 31 + s.textHash();
            // the location table too: code objects of one name on one line (lambdas) rarely share it
            if (c.varnames == null && c.linetable instanceof PyBytes t) h = h * 31 + t.contentHash(); // 3.10: not compared
            return h;
        }
    }
}
