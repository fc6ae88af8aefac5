package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Name;
import org.jpyc.ast.ParamSpec;
import org.jpyc.ast.Starred;
import org.jpyc.ast.Tuple;
import org.jpyc.ast.TypeAlias;
import org.jpyc.ast.TypeParamNode;
import org.jpyc.ast.TypeVar;
import org.jpyc.ast.TypeVarTuple;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyStr;
import org.jpyc.symtable.Scope;

/** PEP 695 (Python/compile.c of 3.13): {@code compiler_type_params}, bounds and defaults, {@code compiler_typealias}. */
final class TypeParamsCodegen {
    private TypeParamsCodegen() {}

    /** {@code compiler_type_param_bound_or_default}: a lazily evaluated bound or default, as a closure. */
    private static void boundOrDefault(Codegen c, ExprNode e, String name, Scope key, boolean allowStarred, Location paramLoc) {
        // 3.12 (compiler_type_params): the evaluator's return and closure have the type parameter's location
        Location loc = c.version.has(org.jpyc.version.Feature.TYPE_PARAM_BOUND_AT_EXPR) ? Location.of(e) : paramLoc;
        if (AnnotateFunctions.on(c)) {
            // 3.14: an evaluator taking the format, whose default is 1 (VALUE)
            c.loadConst(oneTuple(), Location.of(e));
            AnnotateFunctions.setupAnnotationsScope(c, Location.of(e), key, name);
        } else {
            c.enterScope(name, ScopeType.TYPEPARAMS, key, e.lineno(), Codegen.CodeUnitSetup.NONE);
        }
        if (allowStarred && e instanceof Starred st) {
            c.visitExpr(st.value());
            c.addOpI(Op.UNPACK_SEQUENCE, 1, Location.of(e));
        } else {
            c.visitExpr(e);
        }
        c.addOp(Op.RETURN_VALUE, loc);
        PyCode co = c.exitScope(true);
        c.makeClosure(loc, co, AnnotateFunctions.on(c) ? Codegen.MAKE_FUNCTION_DEFAULTS : 0);
    }

    /** {@code PyTuple_Pack(1, _PyLong_GetOne())} (3.14): the defaults of an evaluator's format parameter, a new tuple each time. */
    private static org.jpyc.object.PyTuple oneTuple() {
        return new org.jpyc.object.PyTuple(List.of(org.jpyc.object.PyInt.of(1)));
    }

    private static org.jpyc.source.PyCompileError nonDefaultAfterDefault(Codegen c, Location loc, String name) {
        return c.error(loc, "non-default type parameter '" + name + "' follows default type parameter");
    }

    /** {@code compiler_type_params}: each TypeVar/TypeVarTuple/ParamSpec made and stored; a tuple of them left on the stack. */
    static void typeParams(Codegen c, List<TypeParamNode> typeParams) {
        if (typeParams == null) return;
        boolean seenDefault = false;
        for (TypeParamNode tp : typeParams) {
            Location loc = Location.of(tp);
            String name;
            if (tp instanceof TypeVar tv) {
                name = tv.name();
                c.loadConst(c.identifier(name), loc);
                if (tv.bound() != null) {
                    ExprNode bound = tv.bound();
                    boundOrDefault(c, bound, name, c.st.lookup(tp), false, loc);
                    c.addOpI(Op.CALL_INTRINSIC_2, c.intrinsic2(bound instanceof Tuple
                            ? "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS" : "INTRINSIC_TYPEVAR_WITH_BOUND"), loc);
                } else {
                    c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1("INTRINSIC_TYPEVAR"), loc);
                }
                if (tv.defaultValue() != null) {
                    seenDefault = true;
                    boundOrDefault(c, tv.defaultValue(), name, c.st.lookupTypeVarDefault(tp), false, loc);
                    c.addOpI(Op.CALL_INTRINSIC_2, c.intrinsic2("INTRINSIC_SET_TYPEPARAM_DEFAULT"), loc);
                } else if (seenDefault) {
                    throw nonDefaultAfterDefault(c, loc, name);
                }
            } else {
                ExprNode dflt;
                boolean tuple = tp instanceof TypeVarTuple;
                if (tuple) {
                    TypeVarTuple t = (TypeVarTuple) tp;
                    name = t.name();
                    dflt = t.defaultValue();
                } else {
                    ParamSpec p = (ParamSpec) tp;
                    name = p.name();
                    dflt = p.defaultValue();
                }
                c.loadConst(c.identifier(name), loc);
                c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1(tuple ? "INTRINSIC_TYPEVARTUPLE" : "INTRINSIC_PARAMSPEC"), loc);
                if (dflt != null) {
                    boundOrDefault(c, dflt, name, c.st.lookup(tp), tuple, loc);
                    c.addOpI(Op.CALL_INTRINSIC_2, c.intrinsic2("INTRINSIC_SET_TYPEPARAM_DEFAULT"), loc);
                    seenDefault = true;
                } else if (seenDefault) {
                    throw nonDefaultAfterDefault(c, loc, name);
                }
            }
            c.addOpI(Op.COPY, 1, loc);
            c.nameOp(loc, name, ExprContextNode.Store);
        }
        c.addOpI(Op.BUILD_TUPLE, typeParams.size(), Location.of(typeParams.get(0)));
    }

    /** {@code compiler_typealias_body}: the value's lazily evaluated function, then the TypeAliasType. */
    private static void typeAliasBody(Codegen c, TypeAlias s) {
        Location loc = Location.of(s);
        String name = ((Name) s.name()).id();
        boolean evaluator = AnnotateFunctions.on(c);
        if (evaluator) {
            // 3.14 (codegen_typealias_body): an evaluator taking the format, whose default is 1 (VALUE)
            c.loadConst(oneTuple(), loc);
            AnnotateFunctions.setupAnnotationsScope(c, loc, c.st.lookup(s), name);
        } else {
            c.enterScope(name, ScopeType.FUNCTION, s, loc.lineno(), Codegen.CodeUnitSetup.NONE);
            c.addConst(PyConst.NONE);
        }
        c.visitExpr(s.value());
        c.addOp(Op.RETURN_VALUE, loc);
        PyCode co = c.exitScope(false);
        c.makeClosure(loc, co, evaluator ? Codegen.MAKE_FUNCTION_DEFAULTS : 0);
        c.addOpI(Op.BUILD_TUPLE, 3, loc);
        c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1("INTRINSIC_TYPEALIAS"), loc);
    }

    /** {@code compiler_typealias}. */
    static void visitTypeAlias(Codegen c, TypeAlias s) {
        Location loc = Location.of(s);
        String name = ((Name) s.name()).id();
        boolean generic = s.typeParams() != null && !s.typeParams().isEmpty();
        // 3.12: the generic parameters function's NULL is pushed before it
        boolean nullFirst = generic && !c.version.has(org.jpyc.version.Feature.PUSH_NULL_AFTER_CALLABLE);
        if (nullFirst) c.addOp(Op.PUSH_NULL, loc);
        if (generic) {
            c.enterScope("<generic parameters of " + name + ">", ScopeType.TYPEPARAMS, c.st.lookupTypeParams(s),
                    loc.lineno(), Codegen.CodeUnitSetup.NONE);
            c.loadConst(c.identifier(name), loc);
            typeParams(c, s.typeParams());
        } else {
            c.loadConst(c.identifier(name), loc);
            c.loadConst(PyConst.NONE, loc);
        }
        typeAliasBody(c, s);
        if (generic) {
            PyCode co = c.exitScope(false);
            c.makeClosure(loc, co, 0);
            if (!nullFirst) c.addOp(Op.PUSH_NULL, loc);
            c.addOpI(Op.CALL, 0, loc);
        }
        c.nameOp(loc, name, ExprContextNode.Store);
    }
}
