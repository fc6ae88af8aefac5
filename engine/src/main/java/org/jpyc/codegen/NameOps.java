package org.jpyc.codegen;

import org.jpyc.ast.ExprContextNode;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.NameTable;
import org.jpyc.instrseq.Op;
import org.jpyc.symtable.BlockType;
import org.jpyc.symtable.Mangler;
import org.jpyc.symtable.Scope;
import org.jpyc.symtable.Symbols;

/** Names: {@code compiler_nameop} (Python/compile.c of 3.13) and private-name mangling ({@code _Py_Mangle}, Python/symtable.c). */
final class NameOps {
    private NameOps() {}

    private enum OpType { FAST, GLOBAL, DEREF, NAME }

    /**
     * The instructions of a resolved name by its kind (a {@link CodegenUnit#nameKinds} code: 1 fast, 2 global,
     * 3 deref, 4 name) and context ordinal (load, store, delete).
     */
    private static final Op[][] KIND_OPS = {
        null,
        {Op.LOAD_FAST, Op.STORE_FAST, Op.DELETE_FAST},
        {Op.LOAD_GLOBAL, Op.STORE_GLOBAL, Op.DELETE_GLOBAL},
        {Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF},
        {Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME},
    };
    /** In a {@link CodegenUnit#nameKinds} code: a load takes the full path (it emits an instruction first). */
    private static final int LOAD_VIA_RESOLVE = 8;
    private static final int KIND_MASK = 7;
    private static final int INDEX_SHIFT = 4;

    /**
     * {@code compiler_nameop}. Which table a symbol's name goes to, at which index, and which opcode family
     * it takes are the same at each occurrence while the symbol's flags are, so a unit keeps them per symbol
     * entry ({@link CodegenUnit#nameKinds}) and emits a known name's instruction from there; the first
     * occurrence takes the full path ({@link #resolve}), which adds the name to its table (first-use order).
     * Resolutions made inside an inlined comprehension, whose push changes the unit's symbols and
     * fast-hidden names for its duration, are not kept, and a load that emits an instruction before its own
     * (LOAD_LOCALS, the {@code __classdict__} cell) always takes the full path.
     */
    static void nameOp(Codegen c, Location loc, String name, ExprContextNode ctx) {
        CodegenUnit u = c.unit();
        c.checkForbiddenName(loc, name, ctx);
        String mangled = maybeMangle(u.privateName, u.ste, name);
        int entry = u.ste.symbols.find(mangled);
        int[] kinds = u.nameKinds;
        if (kinds != null && entry >= 0 && entry < kinds.length && u.inInlinedComp == 0) {
            int v = kinds[entry];
            int kind = v & KIND_MASK;
            if (kind != 0 && (ctx != ExprContextNode.Load || (v & LOAD_VIA_RESOLVE) == 0)) {
                Op op = KIND_OPS[kind][ctx.ordinal()];
                int arg = v >>> INDEX_SHIFT;
                c.addOpI(op, op == Op.LOAD_GLOBAL ? arg << c.loadGlobalShift : arg, loc);
                return;
            }
        }
        resolve(c, u, loc, mangled, entry, ctx);
    }

    /** The body of {@code compiler_nameop}, for a name met first in this unit (or while a comprehension is inlined). */
    private static void resolve(Codegen c, CodegenUnit u, Location loc, String mangled, int entry, ExprContextNode ctx) {
        NameTable dict = u.metadata.names;
        OpType optype = OpType.NAME;
        int scope = entry < 0 ? 0 : Symbols.scopeOf(u.ste.symbols.valueAt(entry));
        switch (scope) {
            case Symbols.FREE -> {
                dict = u.metadata.freevars;
                optype = OpType.DEREF;
            }
            case Symbols.CELL -> {
                dict = u.metadata.cellvars;
                optype = OpType.DEREF;
            }
            case Symbols.LOCAL -> {
                if (u.ste.isFunctionLike() || Boolean.TRUE.equals(u.metadata.fasthidden.get(mangled))) optype = OpType.FAST;
            }
            case Symbols.GLOBAL_IMPLICIT -> {
                if (u.ste.isFunctionLike()) optype = OpType.GLOBAL;
            }
            case Symbols.GLOBAL_EXPLICIT -> optype = OpType.GLOBAL;
            default -> { }
        }
        // a class body loads a cell through its locals first; a scope that sees the class's names
        // loads __classdict__ first for a free or implicitly global name
        boolean derefLoadFirst = u.ste.type == BlockType.CLASS && u.inInlinedComp == 0;
        boolean classdictFirst = u.ste.canSeeClassScope && (optype == OpType.DEREF || scope == Symbols.GLOBAL_IMPLICIT);
        Op op;
        int kind;
        switch (optype) {
            case DEREF -> {
                kind = 3;
                switch (ctx) {
                    case Load -> {
                        if (derefLoadFirst && !c.version.has(org.jpyc.version.Feature.LOAD_FROM_DICT_OR_DEREF)) {
                            op = Op.LOAD_CLASSDEREF;
                        } else if (derefLoadFirst) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOp(Op.LOAD_LOCALS, loc);
                        } else if (classdictFirst) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOpI(Op.LOAD_DEREF, u.metadata.freevars.add("__classdict__"), loc);
                        } else {
                            op = Op.LOAD_DEREF;
                        }
                    }
                    case Store -> op = Op.STORE_DEREF;
                    default -> op = Op.DELETE_DEREF;
                }
            }
            case FAST -> {
                kind = 1;
                dict = u.metadata.varnames;
                op = switch (ctx) {
                    case Load -> Op.LOAD_FAST;
                    case Store -> Op.STORE_FAST;
                    case Del -> Op.DELETE_FAST;
                };
            }
            case GLOBAL -> {
                kind = 2;
                switch (ctx) {
                    case Load -> {
                        if (classdictFirst) {
                            op = Op.LOAD_FROM_DICT_OR_GLOBALS;
                            c.addOpI(Op.LOAD_DEREF, u.metadata.freevars.add("__classdict__"), loc);
                        } else {
                            op = Op.LOAD_GLOBAL;
                        }
                    }
                    case Store -> op = Op.STORE_GLOBAL;
                    default -> op = Op.DELETE_GLOBAL;
                }
            }
            default -> {
                kind = 4;
                op = switch (ctx) {
                    case Load -> u.ste.type == BlockType.CLASS && u.inInlinedComp != 0 ? Op.LOAD_GLOBAL : Op.LOAD_NAME;
                    case Store -> Op.STORE_NAME;
                    case Del -> Op.DELETE_NAME;
                };
            }
        }
        int index = dict.add(mangled);
        c.addOpI(op, op == Op.LOAD_GLOBAL ? index << c.loadGlobalShift : index, loc);
        if (u.inInlinedComp == 0 && entry >= 0) {
            boolean loadViaResolve = kind == 3 ? derefLoadFirst || classdictFirst : kind == 2 && classdictFirst;
            remember(u, entry, (index << INDEX_SHIFT) | (loadViaResolve ? LOAD_VIA_RESOLVE : 0) | kind);
        }
    }

    /** Keeps symbol {@code entry}'s resolution code (see {@link CodegenUnit#nameKinds}). */
    private static void remember(CodegenUnit u, int entry, int code) {
        int[] kinds = u.nameKinds;
        if (kinds == null || entry >= kinds.length) {
            int[] nk = new int[Math.max(entry + 1, u.ste.symbols.entryCount())];
            if (kinds != null) System.arraycopy(kinds, 0, nk, 0, kinds.length);
            u.nameKinds = kinds = nk;
        }
        kinds[entry] = code;
    }

    /** {@code _Py_MaybeMangle} (symtable's {@link Mangler}). */
    static String maybeMangle(String privateName, Scope ste, String name) {
        return Mangler.maybeMangle(privateName, ste, name);
    }

    /** {@code _Py_Mangle} (symtable's {@link Mangler}). */
    static String mangle(String privateName, String ident) {
        return Mangler.mangle(privateName, ident);
    }
}
