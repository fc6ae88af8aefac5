package org.jpyc.symtable;

import static org.jpyc.symtable.Symbols.CELL;
import static org.jpyc.symtable.Symbols.DEF_BOUND;
import static org.jpyc.symtable.Symbols.DEF_COMP_CELL;
import static org.jpyc.symtable.Symbols.DEF_FREE_CLASS;
import static org.jpyc.symtable.Symbols.DEF_GLOBAL;
import static org.jpyc.symtable.Symbols.DEF_NONLOCAL;
import static org.jpyc.symtable.Symbols.DEF_PARAM;
import static org.jpyc.symtable.Symbols.DEF_TYPE_PARAM;
import static org.jpyc.symtable.Symbols.FREE;
import static org.jpyc.symtable.Symbols.GLOBAL_EXPLICIT;
import static org.jpyc.symtable.Symbols.GLOBAL_IMPLICIT;
import static org.jpyc.symtable.Symbols.LOCAL;
import static org.jpyc.symtable.Symbols.SCOPE_OFFSET;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.source.PyCompileError;

/**
 * The second pass of {@code _PySymtable_Build}: {@code symtable_analyze} and its helpers
 * ({@code analyze_block}, {@code analyze_child_block}, {@code analyze_name}, {@code inline_comprehension},
 * {@code analyze_cells}, {@code drop_class_free}, {@code update_symbols}), Python/symtable.c of 3.13.
 */
final class Analyzer {
    private final StrHasher hasher;
    /** PEP 709 (3.12+): list, set and dict comprehensions are inlined; {@code __classdict__} exists. */
    private final boolean pep709;
    /** 3.15: {@code inline_comprehension} handles all of a class's implicit cells and keeps them free for a nested scope. */
    private final boolean classCompImplicitCells;
    /** 3.12+: each child starts from the free names of the siblings before it ({@code SYMTABLE_CHILD_FREE_SHARED}). */
    private final boolean childFreeShared;
    /** 3.15: {@code inline_comprehension} adds USE to the enclosing function's symbol the comprehension reads. */
    private final boolean inlinedUseMarksParent;
    /** PEP 649 (3.14): a class's {@code __conditional_annotations__} is an implicit cell like {@code __classdict__}. */
    private final boolean pep649;

    private Analyzer(StrHasher hasher, org.jpyc.version.PyVersion version) {
        this.hasher = hasher;
        this.pep709 = version.has(org.jpyc.version.Feature.INLINED_COMPREHENSIONS);
        this.pep649 = version.has(org.jpyc.version.Feature.ANNOTATION_SCOPES);
        this.classCompImplicitCells = version.has(org.jpyc.version.Feature.CLASS_COMP_IMPLICIT_CELLS);
        this.inlinedUseMarksParent = version.has(org.jpyc.version.Feature.INLINED_COMP_USE_MARKS_PARENT);
        this.childFreeShared = version.has(org.jpyc.version.Feature.SYMTABLE_CHILD_FREE_SHARED);
    }

    /** {@code symtable_analyze}. */
    static void analyze(Scope top, org.jpyc.version.PyVersion version) {
        Analyzer a = new Analyzer(new StrHasher(version), version);
        a.analyzeBlock(top, null, a.newSet(), new BindingSet(), new BindingSet(), null);
    }

    private NameSet newSet() {
        return new NameSet(hasher);
    }

    /** {@code analyze_block}: decide every name of {@code ste}, then of its children. */
    private void analyzeBlock(Scope ste, BindingSet bound, NameSet free, BindingSet global, BindingSet typeParams,
                                     Scope classEntry) {
        // the bound, global, type-parameter and local sets are passed on to the children only: a block without
        // children skips updating them (its own names are each decided once, by their flags and the parent's sets)
        boolean passOn = !ste.children.isEmpty();
        SymbolMap symbols = ste.symbols;
        // the scope of each symbol, by its entry number in ste.symbols (C's "scopes" dict has the same keys)
        Scopes scopes = new Scopes(symbols.entryCount());
        if (!passOn) {
            analyzeLeafBlock(ste, symbols, scopes, bound, free, global, typeParams, classEntry);
            return;
        }
        // only a function-like block's locals reach its children (as bound names): a module or class skips the set
        BindingSet local = ste.isFunctionLike() ? new BindingSet() : null;
        BindingSet newGlobal = new BindingSet();
        NameSet newFree = newSet();
        BindingSet newBound = new BindingSet();
        BindingSet inlinedCells = new BindingSet();

        if (ste.type == BlockType.CLASS) {
            newGlobal.update(global);
            if (bound != null) newBound.update(bound);
        }
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            String name = symbols.keyAt(e);
            if (name == null) continue;
            scopes.set(e, analyzeName(ste, name, symbols.valueAt(e), bound, local, free, global, typeParams,
                    classEntry, true));
        }
        if (ste.type != BlockType.CLASS) {
            if (ste.isFunctionLike()) newBound.update(local);
            if (bound != null) newBound.update(bound);
            newGlobal.update(global);
        } else {
            newBound.add("__class__");
            if (pep709) newBound.add("__classdict__");
            if (pep649) newBound.add("__conditional_annotations__");
        }

        // 3.11: the children start from the still empty newfree and add to allfree, merged into newfree after them
        NameSet allFree = childFreeShared ? null : newSet();
        List<Scope> children = ste.children;
        for (int i = 0, n = children.size(); i < n; i++) {
            Scope entry = children.get(i);
            Scope newClassEntry = null;
            if (entry.canSeeClassScope) {
                if (ste.type == BlockType.CLASS) {
                    newClassEntry = ste;
                } else if (classEntry != null) {
                    newClassEntry = classEntry;
                }
            }
            boolean inlineComp = pep709 && entry.comprehension != ComprehensionType.NONE && !entry.generator
                    && !ste.canSeeClassScope;
            NameSet childFree = analyzeChildBlock(entry, newBound, newFree, newGlobal, typeParams, newClassEntry);
            if (inlineComp) {
                inlineComprehension(ste, entry, scopes, childFree, inlinedCells, classCompImplicitCells,
                        inlinedUseMarksParent);
                entry.compInlined = true;
            }
            (childFreeShared ? newFree : allFree).update(childFree);
            if (entry.free || entry.childFree) ste.childFree = true;
        }
        if (!childFreeShared) newFree.update(allFree);

        // splice the children of inlined comprehensions in their place
        if (hasInlined(ste.children)) {
            List<Scope> spliced = new ArrayList<>();
            for (Scope c : ste.children) {
                if (c.compInlined) spliced.addAll(c.children);
                else spliced.add(c);
            }
            ste.children.clear();
            ste.children.addAll(spliced);
        }

        if (ste.isFunctionLike()) {
            analyzeCells(symbols, scopes, newFree, inlinedCells);
        } else if (ste.type == BlockType.CLASS) {
            dropClassFree(ste, newFree, pep709, pep649);
        }
        updateSymbols(symbols, scopes, bound, newFree, inlinedCells,
                ste.type == BlockType.CLASS || ste.canSeeClassScope, pep709);
        free.update(newFree);
    }

    /**
     * {@link #analyzeBlock} for a block without children: its bound, global and type-parameter sets reach no
     * one, its new free set stays empty and no comprehension is inlined into it, so only its own names are
     * decided (each once, by its flags and the enclosing sets), their scopes stored, and the free ones added
     * to {@code free}. {@code analyze_cells} and {@code drop_class_free} find nothing to change (no child uses
     * a name freely).
     */
    private void analyzeLeafBlock(Scope ste, SymbolMap symbols, Scopes scopes, BindingSet bound, NameSet free,
                                  BindingSet global, BindingSet typeParams, Scope classEntry) {
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            String name = symbols.keyAt(e);
            if (name == null) continue;
            scopes.set(e, analyzeName(ste, name, symbols.valueAt(e), bound, null, free, global, typeParams,
                    classEntry, false));
        }
        // update_symbols: no inlined cells and no children's free names to pass through
        storeScopes(symbols, scopes, null);
    }

    private static boolean hasInlined(List<Scope> children) {
        for (int i = 0, n = children.size(); i < n; i++) {
            if (children.get(i).compInlined) return true;
        }
        return false;
    }

    /**
     * {@code analyze_child_block}: analyze a child on copies of the sets; returns the child's free set. A child
     * without children of its own only reads the bound, global and type-parameter sets, so it gets them uncopied.
     */
    private NameSet analyzeChildBlock(Scope entry, BindingSet bound, NameSet free, BindingSet global,
                                             BindingSet typeParams, Scope classEntry) {
        if (entry.children.isEmpty()) {
            NameSet tempFree = new NameSet(free);
            analyzeBlock(entry, bound, tempFree, global, typeParams, classEntry);
            return tempFree;
        }
        BindingSet tempBound = new BindingSet(bound);
        NameSet tempFree = new NameSet(free);
        BindingSet tempGlobal = new BindingSet(global);
        BindingSet tempTypeParams = new BindingSet(typeParams);
        analyzeBlock(entry, tempBound, tempFree, tempGlobal, tempTypeParams, classEntry);
        return tempFree;
    }

    /** {@code analyze_name}: the scope of one name from its flags and the enclosing bindings (C stores it in {@code scopes}). */
    private static int analyzeName(Scope ste, String name, int flags, BindingSet bound,
                                    BindingSet local, NameSet free, BindingSet global, BindingSet typeParams,
                                    Scope classEntry, boolean passOn) {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_NONLOCAL) != 0) {
                throw errorAtDirective(ste, name, "name '" + name + "' is nonlocal and global");
            }
            if (passOn) {
                global.add(name);
                if (bound != null) bound.discard(name);
            }
            return GLOBAL_EXPLICIT;
        }
        if ((flags & DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
            }
            if (!bound.contains(name)) {
                throw errorAtDirective(ste, name, "no binding for nonlocal '" + name + "' found");
            }
            if (typeParams.contains(name)) {
                throw errorAtDirective(ste, name, "nonlocal binding not allowed for type parameter '" + name + "'");
            }
            ste.free = true;
            free.add(name);
            return FREE;
        }
        if ((flags & DEF_BOUND) != 0) {
            if (passOn) {
                if (local != null) local.add(name);
                global.discard(name);
                if ((flags & DEF_TYPE_PARAM) != 0) {
                    typeParams.add(name);
                } else {
                    typeParams.discard(name);
                }
            }
            return LOCAL;
        }
        if (classEntry != null) {
            int classFlags = classEntry.symbol(name);
            if ((classFlags & DEF_GLOBAL) != 0) {
                return GLOBAL_EXPLICIT;
            } else if ((classFlags & DEF_BOUND) != 0 && (classFlags & DEF_NONLOCAL) == 0) {
                return GLOBAL_IMPLICIT;
            }
        }
        if (bound != null && bound.contains(name)) {
            ste.free = true;
            free.add(name);
            return FREE;
        }
        if (global != null && global.contains(name)) {
            return GLOBAL_IMPLICIT;
        }
        if (ste.nested) ste.free = true;
        return GLOBAL_IMPLICIT;
    }

    /** {@code error_at_directive}: the SyntaxError at the global/nonlocal statement that declared {@code name}. */
    private static PyCompileError errorAtDirective(Scope ste, String name, String message) {
        if (ste.directives != null) {
            for (Scope.Directive d : ste.directives) {
                if (d.name().equals(name)) {
                    return SymtableErrors.syntaxError(message, d.lineno(), d.colOffset(), d.endLineno(), d.endColOffset());
                }
            }
        }
        return new PyCompileError("RuntimeError", "BUG: internal directive bookkeeping broken", null, null, null, null, -1);
    }

    /** {@code is_free_in_any_child}. */
    private static boolean isFreeInAnyChild(Scope entry, String key) {
        for (Scope child : entry.children) {
            if (child.scope(key) == FREE) return true;
        }
        return false;
    }

    /** {@code inline_comprehension} (PEP 709): merge an inlined comprehension's symbols into {@code ste}. */
    private static void inlineComprehension(Scope ste, Scope comp, Scopes scopes, NameSet compFree,
                                            BindingSet inlinedCells, boolean classImplicitCells, boolean mergeUse) {
        boolean removeDunderClass = false;
        List<String> removed = new ArrayList<>();
        SymbolMap compSymbols = comp.symbols;
        SymbolMap symbols = ste.symbols;
        for (int e = 0, n = compSymbols.entryCount(); e < n; e++) {
            String k = compSymbols.keyAt(e);
            if (k == null) continue;
            int compFlags = compSymbols.valueAt(e);
            if ((compFlags & DEF_PARAM) != 0) continue; // the ".0" argument
            int scope = Symbols.scopeOf(compFlags);
            int onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
            if (scope == CELL || (onlyFlags & DEF_COMP_CELL) != 0) {
                inlinedCells.add(k);
            }
            int existingEntry = symbols.find(k);
            if (classImplicitCells) {
                // 3.15 (gh-145701, gh-150700): __classdict__ and __conditional_annotations__ too, and the name stays
                // free when a scope nested in the comprehension captures it (the class then makes the cell)
                if (scope == FREE && ste.type == BlockType.CLASS && isClassImplicitCell(k)) {
                    scope = GLOBAL_IMPLICIT;
                    if (!isFreeInAnyChild(comp, k)) compFree.discard(k);
                    removed.add(k);
                }
            } else if (scope == FREE && ste.type == BlockType.CLASS && k.equals("__class__")) {
                scope = GLOBAL_IMPLICIT;
                compFree.discard(k);
                removeDunderClass = true;
            }
            if (existingEntry < 0) {
                scopes.set(symbols.put(k, onlyFlags), scope);
            } else {
                if ((symbols.valueAt(existingEntry) & DEF_BOUND) != 0 && !isFreeInAnyChild(comp, k) && ste.type != BlockType.CLASS) {
                    compFree.discard(k);
                }
                // 3.15: the enclosing function's symbol is marked used when the comprehension reads it as a free
                // variable: a binding there (local, parameter, import) or a nonlocal declaration
                if (mergeUse && scope == FREE && (compFlags & Symbols.USE) != 0 && ste.type != BlockType.CLASS) {
                    symbols.setValueAt(existingEntry, symbols.valueAt(existingEntry) | Symbols.USE);
                }
            }
        }
        comp.free = compFree.size() > 0;
        if (removeDunderClass) compSymbols.remove("__class__");
        for (String k : removed) compSymbols.remove(k);
    }

    /** The implicit cells of a class body ({@code drop_class_free}). */
    private static boolean isClassImplicitCell(String name) {
        return name.equals("__class__") || name.equals("__classdict__") || name.equals("__conditional_annotations__");
    }

    /** {@code analyze_cells}: locals that children use freely become cells. */
    private static void analyzeCells(SymbolMap symbols, Scopes scopes, NameSet free, BindingSet inlinedCells) {
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            if (scopes.get(e) != LOCAL) continue;
            String name = symbols.keyAt(e);
            if (!free.contains(name) && !inlinedCells.contains(name)) continue;
            scopes.set(e, CELL);
            free.discard(name);
        }
    }

    /** {@code drop_class_free}: {@code __class__}/{@code __classdict__} used below a class become its implicit cells. */
    private static void dropClassFree(Scope ste, NameSet free, boolean classdict, boolean conditionalAnnotations) {
        if (free.discard("__class__")) ste.needsClassClosure = true;
        if (classdict && free.discard("__classdict__")) ste.needsClassdict = true;
        if (conditionalAnnotations && free.discard("__conditional_annotations__")) ste.hasConditionalAnnotations = true;
    }

    /** {@code update_symbols}: store the scopes in the flags, and add the children's free names that pass through. */
    private static void updateSymbols(SymbolMap symbols, Scopes scopes, BindingSet bound,
                                      NameSet free, BindingSet inlinedCells, boolean classFlag,
                                      boolean anyClassSymbol) {
        storeScopes(symbols, scopes, inlinedCells);
        if (free.size() == 0) return;
        int freeValue = FREE << SCOPE_OFFSET;
        for (String name : free) {
            int e = symbols.find(name);
            if (e >= 0) {
                int v = symbols.valueAt(e);
                // up to 3.11 only a class symbol that is bound or global there was marked
                if (classFlag && (anyClassSymbol || (v & (DEF_BOUND | DEF_GLOBAL)) != 0)) {
                    symbols.setValueAt(e, v | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) continue;
            symbols.put(name, freeValue);
        }
    }

    /** {@code update_symbols}' first loop: each symbol's scope into its flags, and DEF_COMP_CELL for an inlined cell (none when null). */
    private static void storeScopes(SymbolMap symbols, Scopes scopes, BindingSet inlinedCells) {
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            String name = symbols.keyAt(e);
            if (name == null) continue;
            int flags = symbols.valueAt(e);
            if (inlinedCells != null && inlinedCells.contains(name)) flags |= DEF_COMP_CELL;
            symbols.setValueAt(e, flags | scopes.get(e) << SCOPE_OFFSET);
        }
    }

    /** {@code analyze_block}'s {@code scopes} dict: a scope per symbol, by the symbol's entry number. */
    private static final class Scopes {
        private int[] byEntry;

        Scopes(int entries) {
            byEntry = new int[Math.max(entries, 4)];
        }

        int get(int entry) {
            return entry < byEntry.length ? byEntry[entry] : 0;
        }

        void set(int entry, int scope) {
            if (entry >= byEntry.length) {
                int[] a = new int[Math.max(entry + 1, byEntry.length * 2)];
                System.arraycopy(byEntry, 0, a, 0, byEntry.length);
                byEntry = a;
            }
            byEntry[entry] = scope;
        }
    }
}
