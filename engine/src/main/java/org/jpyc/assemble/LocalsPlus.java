package org.jpyc.assemble;

import org.jpyc.instrseq.CodeUnitMetadata;

/**
 * {@code compute_localsplus_info} (Python/assemble.c): {@code co_localsplusnames} and
 * {@code co_localspluskinds}: the locals (parameters first), then the cells that are not also locals,
 * then the free variables, each with its kind bits.
 */
final class LocalsPlus {
    /** {@code _PyLocals_Kind} bits (Include/internal/pycore_code.h, 3.11+). */
    static final int CO_FAST_HIDDEN = 0x10, CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80;

    final String[] names;
    final byte[] kinds;

    private LocalsPlus(int nlocalsplus) {
        names = new String[nlocalsplus];
        kinds = new byte[nlocalsplus];
    }

    /** {@code _PyLocals_Kind} argument bits (3.14+). */
    static final int CO_FAST_ARG_POS = 0x02, CO_FAST_ARG_KW = 0x04, CO_FAST_ARG_VAR = 0x08;
    /** {@code CO_VARARGS}, {@code CO_VARKEYWORDS}. */
    private static final int CO_VARARGS = 0x04, CO_VARKEYWORDS = 0x08;

    /**
     * The argument kind bits of the first locals, in varnames order ({@code argvarkinds} of
     * {@code compute_localsplus_info}, 3.14): positional-only, positional-or-keyword, keyword-only,
     * {@code *args}, {@code **kwargs}; zero for the other locals and before 3.14.
     */
    private static int[] argKinds(CodeUnitMetadata umd, int codeFlags, boolean argKinds) {
        int[] kinds = new int[umd.varnames.size()];
        if (!argKinds) return kinds;
        int[][] runs = {
            {umd.posonlyargcount, CO_FAST_ARG_POS},
            {umd.argcount, CO_FAST_ARG_POS | CO_FAST_ARG_KW},
            {umd.kwonlyargcount, CO_FAST_ARG_KW},
            {(codeFlags & CO_VARARGS) != 0 ? 1 : 0, CO_FAST_ARG_VAR | CO_FAST_ARG_POS},
            {(codeFlags & CO_VARKEYWORDS) != 0 ? 1 : 0, CO_FAST_ARG_VAR | CO_FAST_ARG_KW},
        };
        int pos = 0;
        for (int[] run : runs) {
            for (int n = 0; n < run[0] && pos < kinds.length; n++) kinds[pos++] = run[1];
        }
        return kinds;
    }

    /** {@code compute_localsplus_info(umd, nlocalsplus, code_flags, names, kinds)}. */
    static LocalsPlus compute(CodeUnitMetadata umd, int nlocalsplus, int codeFlags, boolean argKindBits) {
        LocalsPlus lp = new LocalsPlus(nlocalsplus);
        int[] argKinds = argKinds(umd, codeFlags, argKindBits);
        for (int p = 0; p < umd.varnames.size(); p++) {
            String k = umd.varnames.nameAt(p);
            int kind = CO_FAST_LOCAL | argKinds[p];
            if (umd.fasthidden.containsKey(k)) kind |= CO_FAST_HIDDEN;
            if (umd.cellvars.contains(k)) kind |= CO_FAST_CELL;
            lp.set(umd.varnames.indexAt(p), k, kind);
        }
        int nlocals = umd.varnames.size();
        // cells that are also locals live in the local's slot (as fix_cell_offsets arranges)
        int numdropped = 0;
        for (int p = 0; p < umd.cellvars.size(); p++) {
            String k = umd.cellvars.nameAt(p);
            if (umd.varnames.contains(k)) {
                numdropped++;
                continue;
            }
            lp.set(umd.cellvars.indexAt(p) + nlocals - numdropped, k, CO_FAST_CELL);
        }
        for (int p = 0; p < umd.freevars.size(); p++) {
            lp.set(umd.freevars.indexAt(p) + nlocals - numdropped, umd.freevars.nameAt(p), CO_FAST_FREE);
        }
        for (int i = 0; i < nlocalsplus; i++) {
            if (lp.names[i] == null) throw new IllegalStateException("localsplus slot " + i + " of " + umd.name + " left empty");
        }
        return lp;
    }

    /** {@code _Py_set_localsplus_info}. */
    private void set(int offset, String name, int kind) {
        if (offset < 0 || offset >= names.length) {
            throw new IllegalStateException("localsplus offset " + offset + " of " + name + " outside 0.." + (names.length - 1));
        }
        names[offset] = name;
        kinds[offset] = (byte) kind;
    }
}
