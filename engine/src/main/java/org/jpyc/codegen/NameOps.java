package org.jpyc.codegen;

import org.jpyc.ast.ExprContextNode;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.Location;
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
     * {@code compiler_nameop}. What it resolves for a symbol (the opcode and the index in a name table) is
     * the same at each occurrence while the symbol's flags are, so a unit keeps it per symbol entry and
     * context ({@link CodegenUnit#nameOpCache}) and emits a known name's instruction from there; the first
     * occurrence takes the full path below, which adds the name to its table (first-use order). Resolutions
     * made inside an inlined comprehension, whose push changes the unit's symbols and fast-hidden names for
     * its duration, and those that emit more than one instruction are not kept.
     */
    static void nameOp(Codegen c, Location loc, String name, ExprContextNode ctx) {
        CodegenUnit u = c.unit();
        c.checkForbiddenName(loc, name, ctx);
        String mangled = maybeMangle(u.privateName, u.ste, name);
        int entry = u.ste.symbols.find(mangled);
        if (u.inInlinedComp == 0 && entry >= 0) {
            Op[] ops = u.nameOpCache;
            int slot = entry * 3 + ctx.ordinal();
            if (ops != null && slot < ops.length && ops[slot] != null) {
                c.addOpI(ops[slot], u.nameOpArgs[slot], loc);
                return;
            }
        }
        resolve(c, u, loc, mangled, entry, ctx);
    }

    /** The body of {@code compiler_nameop} for a name met first in this unit (or while a comprehension is inlined). */
    private static void resolve(Codegen c, CodegenUnit u, Location loc, String mangled, int entry, ExprContextNode ctx) {
        java.util.LinkedHashMap<String, Integer> dict = u.metadata.names;
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
        Op op;
        // whether an instruction was emitted before the name's own (LOAD_LOCALS, the __classdict__ load)
        boolean extra = false;
        switch (optype) {
            case DEREF -> {
                switch (ctx) {
                    case Load -> {
                        if (u.ste.type == BlockType.CLASS && u.inInlinedComp == 0) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOp(Op.LOAD_LOCALS, loc);
                            extra = true;
                        } else if (u.ste.canSeeClassScope) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOpI(Op.LOAD_DEREF, CodeUnitMetadata.addName(u.metadata.freevars, "__classdict__"), loc);
                            extra = true;
                        } else {
                            op = Op.LOAD_DEREF;
                        }
                    }
                    case Store -> op = Op.STORE_DEREF;
                    default -> op = Op.DELETE_DEREF;
                }
            }
            case FAST -> {
                op = switch (ctx) {
                    case Load -> Op.LOAD_FAST;
                    case Store -> Op.STORE_FAST;
                    case Del -> Op.DELETE_FAST;
                };
                int arg = CodeUnitMetadata.addName(u.metadata.varnames, mangled);
                c.addOpI(op, arg, loc);
                remember(u, entry, ctx, op, arg);
                return;
            }
            case GLOBAL -> {
                switch (ctx) {
                    case Load -> {
                        if (u.ste.canSeeClassScope && scope == Symbols.GLOBAL_IMPLICIT) {
                            op = Op.LOAD_FROM_DICT_OR_GLOBALS;
                            c.addOpI(Op.LOAD_DEREF, CodeUnitMetadata.addName(u.metadata.freevars, "__classdict__"), loc);
                            extra = true;
                        } else {
                            op = Op.LOAD_GLOBAL;
                        }
                    }
                    case Store -> op = Op.STORE_GLOBAL;
                    default -> op = Op.DELETE_GLOBAL;
                }
            }
            default -> {
                op = switch (ctx) {
                    case Load -> u.ste.type == BlockType.CLASS && u.inInlinedComp != 0 ? Op.LOAD_GLOBAL : Op.LOAD_NAME;
                    case Store -> Op.STORE_NAME;
                    case Del -> Op.DELETE_NAME;
                };
            }
        }
        int arg = CodeUnitMetadata.addName(dict, mangled);
        if (op == Op.LOAD_GLOBAL) arg <<= 1;
        c.addOpI(op, arg, loc);
        if (!extra) remember(u, entry, ctx, op, arg);
    }

    /** Keeps a one-instruction resolution of symbol {@code entry} in {@code ctx}, outside inlined comprehensions. */
    private static void remember(CodegenUnit u, int entry, ExprContextNode ctx, Op op, int arg) {
        if (u.inInlinedComp != 0 || entry < 0) return;
        int slot = entry * 3 + ctx.ordinal();
        Op[] ops = u.nameOpCache;
        if (ops == null || slot >= ops.length) {
            int n = Math.max(slot + 1, u.ste.symbols.entryCount() * 3);
            Op[] nops = new Op[n];
            int[] nargs = new int[n];
            if (ops != null) {
                System.arraycopy(ops, 0, nops, 0, ops.length);
                System.arraycopy(u.nameOpArgs, 0, nargs, 0, ops.length);
            }
            u.nameOpCache = ops = nops;
            u.nameOpArgs = nargs;
        }
        ops[slot] = op;
        u.nameOpArgs[slot] = arg;
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
