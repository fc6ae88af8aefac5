package org.jpyc.marshal;

import java.util.Objects;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * What a marshal reader or writer needs to know about its CPython: the marshal format version
 * ({@code marshal.version}, 0-5), the code object layout, and whether {@code str} is Unicode (Python 3)
 * or bytes (Python 2, where {@code 't'} is an interned byte string and {@code 'R'} refers back to one).
 *
 * <p>The format version gates type codes: refs and {@code FLAG_REF} need 3, short ASCII strings and
 * small tuples 4, slices 5, frozendicts 6; text floats are written below 2. A reader accepts every code up to its
 * format version (a 3.13 interpreter loads format 3 and 4 data alike but rejects {@code ':'}).
 *
 * @param version  marshal format version, 0 to 6
 * @param layout   code object layout
 * @param unicodeStr true for Python 3 string semantics
 * @param sortsSets  the writer orders set and frozenset items by their own marshal bytes (bpo-37596, 3.11+);
 *                   applied only to sets built in Java ({@code refFlag() == null}), loaded sets keep their order
 * @param setKeyItemHeld while it dumps a set item's sort key, the writer holds a reference to the item of its
 *                   own, so the key's type byte is flagged ({@link Feature#MARSHAL_SET_KEY_ITEM_HELD}, 3.13+)
 */
public record MarshalFormat(int version, CodeLayout layout, boolean unicodeStr, boolean sortsSets, boolean setKeyItemHeld) {
    public MarshalFormat {
        if (version < 0 || version > 6) throw new IllegalArgumentException("marshal format version " + version);
        Objects.requireNonNull(layout, "layout");
    }

    /** A format whose set keys are dumped as 3.13's are (the item held) when it sorts sets. */
    public MarshalFormat(int version, CodeLayout layout, boolean unicodeStr, boolean sortsSets) {
        this(version, layout, unicodeStr, sortsSets, sortsSets);
    }

    /** The format CPython {@code v}'s {@code marshal.dumps} and {@code py_compile} write: 2 up to 3.3, 4 for 3.4-3.13, 5 for 3.14, 6 from 3.15. */
    public static MarshalFormat forVersion(PyVersion v) {
        MarshalFormat f = BY_VERSION.get(v);
        if (f == null) {
            f = compute(v);
            BY_VERSION.putIfAbsent(v, f);
        }
        return f;
    }

    /** Formats by version, computed once (every load and dump asks). */
    private static final java.util.concurrent.ConcurrentHashMap<PyVersion, MarshalFormat> BY_VERSION =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static MarshalFormat compute(PyVersion v) {
        int version = v.has(Feature.MARSHAL_FROZENDICT) ? 6
                : v.has(Feature.MARSHAL_SLICE) ? 5
                : v.has(Feature.MARSHAL_SHORT_FORMS) ? 4
                : v.has(Feature.MARSHAL_REFS) ? 3
                : 2;
        return new MarshalFormat(version, CodeLayout.forVersion(v), v.has(Feature.UNICODE_STR),
                v.has(Feature.MARSHAL_SORTS_FROZENSET), v.has(Feature.MARSHAL_SET_KEY_ITEM_HELD));
    }

    /** The same interpreter writing an older format (as {@code marshal.dumps(x, version)} does). */
    public MarshalFormat withVersion(int newVersion) {
        return new MarshalFormat(newVersion, layout, unicodeStr, sortsSets, setKeyItemHeld);
    }

    boolean refs() {
        return version >= 3 && unicodeStr;
    }

    boolean shortForms() {
        return version >= 4 && unicodeStr;
    }

    boolean binaryFloats() {
        return version >= 2;
    }

    boolean slices() {
        return version >= 5;
    }

    boolean frozendicts() {
        return version >= 6;
    }

    /** Python 2's interned strings and string references (format 1 and 2). */
    boolean stringRefs() {
        return version >= 1 && !unicodeStr;
    }
}
