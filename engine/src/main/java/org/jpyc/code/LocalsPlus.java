package org.jpyc.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * A code object's local variable slots and how instruction arguments name them.
 *
 * <p>Up to 3.10 there are three name tuples: {@code co_varnames} (indexed by {@code haslocal}
 * arguments), and {@code co_cellvars + co_freevars} (indexed by {@code hasfree} arguments). From
 * 3.11 one tuple {@code co_localsplusnames} holds all of them and {@code co_localspluskinds} has
 * one kind byte per name; both kinds of argument index it directly.
 */
public final class LocalsPlus {
    /** The bits of a 3.11+ kind byte ({@code CO_FAST_*} in Include/internal/pycore_code.h). */
    public enum Kind {
        /** 0x02 {@code CO_FAST_ARG_POS}: a positional parameter or {@code *args} (3.14). */
        ARG_POS(0x02),
        /** 0x04 {@code CO_FAST_ARG_KW}: a keyword parameter or {@code **kwargs} (3.14). */
        ARG_KW(0x04),
        /** 0x08 {@code CO_FAST_ARG_VAR}: {@code *args} or {@code **kwargs} (3.14). */
        ARG_VAR(0x08),
        /** 0x10 {@code CO_FAST_HIDDEN}: an inlined comprehension's variable (3.12, PEP 709). */
        HIDDEN(0x10),
        /** 0x20 {@code CO_FAST_LOCAL}: a plain local (3.11). */
        LOCAL(0x20),
        /** 0x40 {@code CO_FAST_CELL}: a local captured by an inner scope (3.11). */
        CELL(0x40),
        /** 0x80 {@code CO_FAST_FREE}: a variable from an enclosing scope (3.11). */
        FREE(0x80);

        public final int bit;

        Kind(int bit) {
            this.bit = bit;
        }

        /** The kinds set in {@code kindByte}. */
        public static Set<Kind> of(int kindByte) {
            EnumSet<Kind> s = EnumSet.noneOf(Kind.class);
            for (Kind k : values()) if ((kindByte & k.bit) != 0) s.add(k);
            return s;
        }
    }

    private final List<String> localNames;
    private final List<String> freeNames;
    private final byte[] kinds;

    private LocalsPlus(List<String> localNames, List<String> freeNames, byte[] kinds) {
        this.localNames = localNames;
        this.freeNames = freeNames;
        this.kinds = kinds;
    }

    public static LocalsPlus of(PyCode code, PyVersion version) {
        if (version.has(Feature.LOCALSPLUS)) {
            List<String> names = names(code.localsplusnames);
            byte[] k = code.localspluskinds instanceof PyBytes b ? b.value() : new byte[0];
            return new LocalsPlus(names, names, k);
        }
        List<String> cells = new ArrayList<>(names(code.cellvars));
        cells.addAll(names(code.freevars));
        return new LocalsPlus(names(code.varnames), Collections.unmodifiableList(cells), null);
    }

    private static List<String> names(PyObject t) {
        List<String> out = new ArrayList<>();
        if (t instanceof PyTuple tup) {
            for (PyObject o : tup.items()) out.add(o instanceof PyStr s ? s.value() : String.valueOf(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** The name a {@code haslocal} argument refers to. */
    public String localName(int arg) {
        return pick(localNames, arg, "local");
    }

    /** The name a {@code hasfree} argument refers to. */
    public String freeName(int arg) {
        return pick(freeNames, arg, "free");
    }

    private static String pick(List<String> names, int arg, String what) {
        if (arg < 0 || arg >= names.size()) {
            throw new IndexOutOfBoundsException(what + " variable index " + arg + " out of range (" + names.size() + " names)");
        }
        return names.get(arg);
    }

    /** The 3.11+ kinds of slot {@code i}; empty before 3.11. */
    public Set<Kind> kinds(int i) {
        if (kinds == null || i < 0 || i >= kinds.length) return Set.of();
        return Kind.of(kinds[i] & 0xff);
    }

    /** Number of slots ({@code co_nlocalsplus} from 3.11, {@code co_varnames} before). */
    public int size() {
        return localNames.size();
    }
}
