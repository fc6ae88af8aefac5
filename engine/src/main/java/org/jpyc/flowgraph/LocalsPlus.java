package org.jpyc.flowgraph;

import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * {@code prepare_localsplus} and its helpers (Python/flowgraph.c): the generator prefix, MAKE_CELL and
 * COPY_FREE_VARS, and cell/free opargs turned into localsplus offsets (cells that are also arguments
 * share the argument's slot).
 */
final class LocalsPlus {
    private LocalsPlus() {}

    /** {@code IS_GENERATOR}. */
    static boolean isGenerator(int codeFlags) {
        return (codeFlags & (CodeFlags.CO_GENERATOR | CodeFlags.CO_COROUTINE | CodeFlags.CO_ASYNC_GENERATOR)) != 0;
    }

    /** {@code build_cellfixedoffsets}: each cell/free index to its localsplus offset. */
    static int[] buildCellfixedoffsets(CodeUnitMetadata umd) {
        int nlocals = umd.varnames.size();
        int noffsets = umd.cellvars.size() + umd.freevars.size();
        int[] fixed = new int[noffsets];
        for (int i = 0; i < noffsets; i++) fixed[i] = nlocals + i;
        for (int p = 0; p < umd.cellvars.size(); p++) {
            int varindex = umd.varnames.get(umd.cellvars.nameAt(p));
            if (varindex < 0) continue;
            fixed[umd.cellvars.indexAt(p)] = varindex;
        }
        return fixed;
    }

    /**
     * {@code insert_prefix_instructions} (3.15: the generator preamble is codegen's, {@code preambleInCodegen}; 3.12:
     * its POP_TOP has no location, {@code popTopLocated} false).
     */
    static void insertPrefixInstructions(CodeUnitMetadata umd, BasicBlock entry, int[] fixed, int nfreevars, int codeFlags,
            boolean preambleInCodegen, boolean popTopLocated) {
        if (isGenerator(codeFlags) && !preambleInCodegen) {
            Location loc = new Location(umd.firstlineno, umd.firstlineno, -1, -1);
            entry.insert(0, new CfgInstr(Op.RETURN_GENERATOR, 0, loc));
            entry.insert(1, new CfgInstr(Op.POP_TOP, 0, popTopLocated ? loc : Location.NO_LOCATION));
        }
        int ncellvars = umd.cellvars.size();
        if (ncellvars > 0) {
            int nvars = ncellvars + umd.varnames.size();
            int[] sorted = new int[nvars];
            for (int i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
            for (int i = 0, ncellsused = 0; ncellsused < ncellvars; i++) {
                int oldindex = sorted[i] - 1;
                if (oldindex == -1) continue;
                entry.insert(ncellsused, new CfgInstr(Op.MAKE_CELL, oldindex, Location.NO_LOCATION));
                ncellsused++;
            }
        }
        if (nfreevars > 0) {
            entry.insert(0, new CfgInstr(Op.COPY_FREE_VARS, nfreevars, Location.NO_LOCATION));
        }
    }

    /** {@code fix_cell_offsets}: rewrites cell and free opargs; returns how many cells were argument cells. */
    static int fixCellOffsets(CodeUnitMetadata umd, Cfg g, int[] fixedmap) {
        int nlocals = umd.varnames.size();
        int noffsets = umd.cellvars.size() + umd.freevars.size();
        int numdropped = 0;
        for (int i = 0; i < noffsets; i++) {
            if (fixedmap[i] == i + nlocals) fixedmap[i] -= numdropped;
            else numdropped++;
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                switch (in.op) {
                    case MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF,
                            LOAD_CLASSDEREF -> // 3.11
                        in.oparg = fixedmap[in.oparg];
                    default -> { }
                }
            }
        }
        return numdropped;
    }

    /** {@code prepare_localsplus}: returns nlocalsplus. */
    static int prepareLocalsplus(CodeUnitMetadata umd, Cfg g, int codeFlags) {
        int nlocals = umd.varnames.size();
        int ncellvars = umd.cellvars.size();
        int nfreevars = umd.freevars.size();
        int nlocalsplus = nlocals + ncellvars + nfreevars;
        int[] fixed = buildCellfixedoffsets(umd);
        insertPrefixInstructions(umd, g.entry, fixed, nfreevars, codeFlags, g.facts.generatorPreambleInCodegen,
                g.facts.generatorPrefixPopTopLocated);
        int numdropped = fixCellOffsets(umd, g, fixed);
        return nlocalsplus - numdropped;
    }
}
