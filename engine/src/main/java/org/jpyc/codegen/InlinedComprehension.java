package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.NameTable;
import org.jpyc.instrseq.Op;
import org.jpyc.symtable.BlockType;
import org.jpyc.symtable.Scope;
import org.jpyc.symtable.SymbolMap;
import org.jpyc.symtable.Symbols;

/**
 * The state of one comprehension inlined into its enclosing unit (PEP 709;
 * {@code inlined_comprehension_state} of Python/compile.c, 3.13). While the comprehension is being
 * compiled, names it binds shadow the enclosing scope's: their outer values are saved on the stack
 * (LOAD_FAST_AND_CLEAR) and restored afterwards, also when the comprehension raises; names whose
 * scope differs inside get their inner symbol flags for the time being; in a module or class body
 * they are fast locals ({@code u_fasthidden}).
 */
final class InlinedComprehension {
    /** {@code pushed_locals}: names whose outer value is saved on the stack, in push order. */
    private List<String> pushedLocals;
    /** {@code temp_symbols}: outer symbol flags to put back. */
    private Map<String, Integer> tempSymbols;
    /** {@code fast_hidden}: names this comprehension made fast-hidden. */
    private Set<String> fastHidden;
    private int cleanup = InstrSequence.NO_LABEL;
    private int end = InstrSequence.NO_LABEL;

    private InlinedComprehension() {}

    /**
     * {@code push_inlined_comprehension_state}: called with the outermost iterator on the stack; leaves
     * it on top, with the saved outer values under it and a SETUP_FINALLY to the restoring handler.
     */
    static InlinedComprehension push(Codegen c, Location loc, Scope entry) {
        InlinedComprehension st = new InlinedComprehension();
        CodegenUnit u = c.unit();
        Scope outer = u.ste;
        boolean inClassBlock = outer.type == BlockType.CLASS && u.inInlinedComp == 0;
        u.inInlinedComp++;
        SymbolMap symbols = entry.symbols;
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            String k = symbols.keyAt(e);
            if (k == null) continue;
            int symbol = symbols.valueAt(e);
            int scope = Symbols.scopeOf(symbol);
            int outerFlags = outer.symbols.get(k);
            int outsc = Symbols.scopeOf(outerFlags);
            boolean boundHere = (symbol & Symbols.DEF_LOCAL) != 0 && (symbol & Symbols.DEF_NONLOCAL) == 0;
            // a free name inside needs nothing; cell inside, free outside stays free (DEREF either way)
            boolean differs;
            if (c.version.has(org.jpyc.version.Feature.INLINED_COMP_SWAPS_UNBOUND_NAMES)) {
                differs = scope != outsc && scope != Symbols.FREE && !(scope == Symbols.CELL && outsc == Symbols.FREE);
            } else {
                // 3.12: only the names the comprehension binds (every name in a class body) take the inner flags
                differs = (boundHere || inClassBlock) && scope != outsc && !(scope == Symbols.CELL && outsc == Symbols.FREE);
            }
            if (differs || inClassBlock) {
                if (st.tempSymbols == null) st.tempSymbols = new LinkedHashMap<>();
                outer.symbols.put(k, symbol);
                st.tempSymbols.put(k, outerFlags);
            }
            // a name bound in the comprehension (an assignment expression to a nonlocal excepted);
            // in a class body every name, .0 included (3.14 saves only the names bound in it)
            if (boundHere || inClassBlock) {
                if (!outer.isFunctionLike()) {
                    Boolean orig = u.metadata.fasthidden.get(k);
                    if (orig == null || !orig) {
                        u.metadata.fasthidden.put(k, Boolean.TRUE);
                        if (st.fastHidden == null) st.fastHidden = new LinkedHashSet<>();
                        st.fastHidden.add(k);
                    }
                }
            }
            // 3.14 (codegen_push_inlined_comprehension_locals) tests "in a class block" after the scope tweak
            // counted this comprehension, so it saves only the names bound in it
            boolean push = boundHere
                    || (inClassBlock && !c.version.has(org.jpyc.version.Feature.INLINED_CLASS_COMP_SAVES_BOUND_ONLY));
            if (push) {
                if (st.pushedLocals == null) st.pushedLocals = new ArrayList<>();
                // for a cell this saves the cell itself; the comprehension gets a new one
                addOpIn(c, Op.LOAD_FAST_AND_CLEAR, k, u.metadata.varnames, loc);
                if (scope == Symbols.CELL) {
                    addOpIn(c, Op.MAKE_CELL, k, outsc == Symbols.FREE ? u.metadata.freevars : u.metadata.cellvars, loc);
                }
                st.pushedLocals.add(k);
            }
        }
        if (st.pushedLocals != null) {
            // the iterator back on top (this reverses the saved values; pop reverses them again)
            c.addOpI(Op.SWAP, st.pushedLocals.size() + 1, loc);
            st.cleanup = c.newLabel();
            st.end = c.newLabel();
            // a virtual try/finally without a frame block: nothing in a comprehension can unwind it
            c.addJump(Op.SETUP_FINALLY, st.cleanup, loc);
        }
        return st;
    }

    /** {@code pop_inlined_comprehension_state}: restores symbols, saved values and fast-hidden marks. */
    void pop(Codegen c, Location loc) {
        CodegenUnit u = c.unit();
        u.inInlinedComp--;
        if (tempSymbols != null) {
            for (Map.Entry<String, Integer> t : tempSymbols.entrySet()) u.ste.symbols.put(t.getKey(), t.getValue());
            tempSymbols = null;
        }
        if (pushedLocals != null) {
            Location none = Location.NO_LOCATION;
            c.addOp(Op.POP_BLOCK, none);
            c.addForwardJumpNoInterrupt(end, none);

            // on an exception: drop the partial result (under the exception), restore, re-raise
            c.useLabel(cleanup);
            c.addOpI(Op.SWAP, 2, none);
            c.addOp(Op.POP_TOP, none);
            restoreLocals(c, loc);
            c.addOpI(Op.RERAISE, 0, none);

            c.useLabel(end);
            restoreLocals(c, loc);
            pushedLocals = null;
        }
        if (fastHidden != null) {
            // FALSE, not removed: the name was a hidden fast local (CO_FAST_HIDDEN)
            for (String k : fastHidden) u.metadata.fasthidden.put(k, Boolean.FALSE);
            fastHidden = null;
        }
    }

    /** {@code restore_inlined_comprehension_locals}: the result (or exception) stays on top. */
    private void restoreLocals(Codegen c, Location loc) {
        int npops = pushedLocals.size();
        c.addOpI(Op.SWAP, npops + 1, loc);
        for (int i = npops - 1; i >= 0; i--) {
            addOpIn(c, Op.STORE_FAST_MAYBE_NULL, pushedLocals.get(i), c.unit().metadata.varnames, loc);
        }
    }

    /** {@code ADDOP_NAME} on a table other than {@code u_names}: the mangled name's index there. */
    private static void addOpIn(Codegen c, Op op, String name, NameTable table, Location loc) {
        c.addOpI(op, table.add(c.mangle(name)), loc);
    }
}
