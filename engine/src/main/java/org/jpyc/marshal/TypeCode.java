package org.jpyc.marshal;

/**
 * Marshal's type codes: the first byte of every object in marshal data (Python/marshal.c).
 *
 * <p>Marshal data is a pre-order walk of an object graph. Each object starts with one type byte; the
 * bytes that follow depend on the type. All integers are little-endian. "int32" is a signed 32-bit
 * value, "size32" an int32 that must lie in 0..2^31-1, "size8" one unsigned byte.
 *
 * <p>The format version ({@code marshal.version}) that introduced each code is noted as "format N",
 * with the first CPython release that wrote it:
 * <ul>
 *   <li>format 0: every Python 2 release before 2.4 (and the base of all later formats);</li>
 *   <li>format 1 (2.4): interned byte strings, {@code 't'} and {@code 'R'};</li>
 *   <li>format 2 (2.5, and 3.0-3.3): binary floats {@code 'g'} and {@code 'y'};</li>
 *   <li>format 3 (3.4): {@link #FLAG_REF} and {@link #REF}: sharing and recursion;</li>
 *   <li>format 4 (3.4, the default of 3.4-3.13): short ASCII strings and small tuples;</li>
 *   <li>format 5 (3.14): {@link #SLICE}.</li>
 *   <li>format 6 (3.15): {@link #FROZENDICT}.</li>
 * </ul>
 */
public final class TypeCode {
    private TypeCode() {}

    // ---- singletons: the type byte is the whole object ----

    /** {@code '0'} TYPE_NULL (format 0): no object. Ends a dict; anywhere else it is an error on load. */
    public static final int NULL = '0';
    /** {@code 'N'} TYPE_NONE (format 0): {@code None}. */
    public static final int NONE = 'N';
    /** {@code 'F'} TYPE_FALSE (format 0; Python 2.3). */
    public static final int FALSE = 'F';
    /** {@code 'T'} TYPE_TRUE (format 0; Python 2.3). */
    public static final int TRUE = 'T';
    /** {@code 'S'} TYPE_STOPITER (format 0): the {@code StopIteration} class. */
    public static final int STOPITER = 'S';
    /** {@code '.'} TYPE_ELLIPSIS (format 0): {@code Ellipsis}. */
    public static final int ELLIPSIS = '.';

    // ---- numbers ----

    /** {@code 'i'} TYPE_INT (format 0): int32 value. */
    public static final int INT = 'i';
    /**
     * {@code 'I'} TYPE_INT64 (format 0, 64-bit builds of Python 2 only): int64 value. Python 2.7 still
     * wrote it for {@code int} values outside int32; Python 3 only reads it.
     */
    public static final int INT64 = 'I';
    /**
     * {@code 'l'} TYPE_LONG (format 0): int32 n, then |n| uint16 digits in base 2^15, least
     * significant first; the sign of n is the sign of the value (n = 0 is zero). Each digit must be
     * below 2^15 and the last one non-zero.
     */
    public static final int LONG = 'l';
    /** {@code 'f'} TYPE_FLOAT (format 0): size8 n, then n ASCII bytes of {@code repr}-like text ({@code %.17g}). */
    public static final int FLOAT = 'f';
    /** {@code 'g'} TYPE_BINARY_FLOAT (format 2; Python 2.5): 8 bytes, IEEE 754 double. */
    public static final int BINARY_FLOAT = 'g';
    /** {@code 'x'} TYPE_COMPLEX (format 0): real then imaginary part, each as in {@link #FLOAT}. */
    public static final int COMPLEX = 'x';
    /** {@code 'y'} TYPE_BINARY_COMPLEX (format 2; Python 2.5): real then imaginary part, 8 bytes each. */
    public static final int BINARY_COMPLEX = 'y';

    // ---- strings ----

    /** {@code 's'} TYPE_STRING (format 0): size32 n, then n bytes. Python 3 {@code bytes}; Python 2 {@code str}. */
    public static final int STRING = 's';
    /**
     * {@code 't'} TYPE_INTERNED: size32 n, then n bytes. Python 2 (format 1; 2.4): an interned byte
     * string, which also gets the next index in the string-reference list read by {@link #STRINGREF}.
     * Python 3 (written from format 3): an interned {@code str}, UTF-8 with {@code surrogatepass}.
     */
    public static final int INTERNED = 't';
    /** {@code 'R'} TYPE_STRINGREF (format 1, Python 2 only): int32 index into the list of {@code 't'} strings read so far. */
    public static final int STRINGREF = 'R';
    /** {@code 'u'} TYPE_UNICODE (format 0; Python 2.0): size32 n, then n bytes of UTF-8 ({@code surrogatepass}). */
    public static final int UNICODE = 'u';
    /** {@code 'a'} TYPE_ASCII (format 4; 3.4): size32 n, then n one-byte code points. */
    public static final int ASCII = 'a';
    /** {@code 'A'} TYPE_ASCII_INTERNED (format 4; 3.4): as {@link #ASCII}, interned on load. */
    public static final int ASCII_INTERNED = 'A';
    /** {@code 'z'} TYPE_SHORT_ASCII (format 4; 3.4): size8 n, then n one-byte code points. */
    public static final int SHORT_ASCII = 'z';
    /** {@code 'Z'} TYPE_SHORT_ASCII_INTERNED (format 4; 3.4): as {@link #SHORT_ASCII}, interned on load. */
    public static final int SHORT_ASCII_INTERNED = 'Z';

    // ---- containers ----

    /** {@code '('} TYPE_TUPLE (format 0): size32 n, then n objects. */
    public static final int TUPLE = '(';
    /** {@code ')'} TYPE_SMALL_TUPLE (format 4; 3.4): size8 n, then n objects. */
    public static final int SMALL_TUPLE = ')';
    /** {@code '['} TYPE_LIST (format 0): size32 n, then n objects. */
    public static final int LIST = '[';
    /** {@code '{'} TYPE_DICT (format 0): key, value, key, value, ... then {@link #NULL} in place of a key. */
    public static final int DICT = '{';
    /**
     * {@code '}'} TYPE_FROZENDICT (format 6; 3.15): as {@link #DICT}. The object is referable once
     * complete (its reference slot is reserved before the items, like a frozenset's).
     */
    public static final int FROZENDICT = '}';
    /** {@code '<'} TYPE_SET (format 2; Python 2.5): size32 n, then n objects. */
    public static final int SET = '<';
    /** {@code '>'} TYPE_FROZENSET (format 2; Python 2.5): size32 n, then n objects. */
    public static final int FROZENSET = '>';
    /**
     * {@code 'c'} TYPE_CODE (format 0): a code object; int32 fields and objects in the order
     * {@link CodeLayout} lists for the CPython version.
     */
    public static final int CODE = 'c';
    /** {@code ':'} TYPE_SLICE (format 5; 3.14): start, stop, step objects. */
    public static final int SLICE = ':';

    // ---- sharing ----

    /**
     * {@code 'r'} TYPE_REF (format 3; 3.4): int32 index into the list of objects that carried
     * {@link #FLAG_REF}, numbered in the order their type bytes were read.
     */
    public static final int REF = 'r';
    /**
     * FLAG_REF, 0x80 (format 3; 3.4): or-ed into a type byte, appends the object to the reference
     * list. Containers (tuple, list, dict, set) take their index before their items are read and can
     * be referenced from inside themselves; code objects, frozensets and slices also take their index
     * first but only become referable once complete. The flag is ignored on singletons and refs.
     */
    public static final int FLAG_REF = 0x80;

    /** {@code '?'} TYPE_UNKNOWN: written by CPython in front of an unmarshallable object; never loadable. */
    public static final int UNKNOWN = '?';

    /** The type code as a printable character, e.g. {@code 'c'} or {@code 0x9f}. */
    public static String describe(int code) {
        return code >= 0x20 && code < 0x7f ? "'" + (char) code + "'" : String.format("0x%02x", code);
    }
}
