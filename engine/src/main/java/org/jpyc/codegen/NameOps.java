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

    /** {@code compiler_nameop}. */
    static void nameOp(Codegen c, Location loc, String name, ExprContextNode ctx) {
        CodegenUnit u = c.unit();
        c.checkForbiddenName(loc, name, ctx);
        String mangled = maybeMangle(u.privateName, u.ste, name);
        java.util.LinkedHashMap<String, Integer> dict = u.metadata.names;
        OpType optype = OpType.NAME;
        int scope = u.ste.scope(mangled);
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
        switch (optype) {
            case DEREF -> {
                switch (ctx) {
                    case Load -> {
                        if (u.ste.type == BlockType.CLASS && u.inInlinedComp == 0) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOp(Op.LOAD_LOCALS, loc);
                        } else if (u.ste.canSeeClassScope) {
                            op = Op.LOAD_FROM_DICT_OR_DEREF;
                            c.addOpI(Op.LOAD_DEREF, CodeUnitMetadata.addName(u.metadata.freevars, "__classdict__"), loc);
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
                c.addOpI(op, CodeUnitMetadata.addName(u.metadata.varnames, mangled), loc);
                return;
            }
            case GLOBAL -> {
                switch (ctx) {
                    case Load -> {
                        if (u.ste.canSeeClassScope && scope == Symbols.GLOBAL_IMPLICIT) {
                            op = Op.LOAD_FROM_DICT_OR_GLOBALS;
                            c.addOpI(Op.LOAD_DEREF, CodeUnitMetadata.addName(u.metadata.freevars, "__classdict__"), loc);
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
