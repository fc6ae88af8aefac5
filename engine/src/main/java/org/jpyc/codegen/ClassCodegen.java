package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.ClassDef;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Name;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.NameTable;
import org.jpyc.instrseq.Op;
import org.jpyc.version.Feature;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.symtable.Scope;

/** Class definitions (Python/compile.c of 3.13: {@code compiler_class}, {@code compiler_class_body}). */
final class ClassCodegen {
    private ClassCodegen() {}

    /** {@code compiler_class}. */
    static void visitClass(Codegen c, ClassDef s) {
        List<ExprNode> decos = s.decoratorList();
        FunctionCodegen.decorators(c, decos);
        int firstlineno = FunctionCodegen.firstLineno(s, decos);
        Location loc = Location.of(s);
        boolean generic = s.typeParams() != null && !s.typeParams().isEmpty();
        // 3.12: the generic parameters function's NULL is pushed before it
        boolean nullFirst = generic && !c.version.has(Feature.PUSH_NULL_AFTER_CALLABLE);
        if (nullFirst) c.addOp(Op.PUSH_NULL, loc);
        if (generic) {
            Scope tps = c.st.lookupTypeParams(s);
            // 3.12.1 sets the class name as the enclosing unit's private name (kept after the class); the
            // type-parameters unit inherits it
            boolean leak = c.version.has(Feature.GENERIC_CLASS_PRIVATE_NAME_LEAK);
            if (leak) c.unit().privateName = s.name();
            c.enterScope("<generic parameters of " + s.name() + ">", ScopeType.TYPEPARAMS, tps, firstlineno,
                    Codegen.CodeUnitSetup.NONE);
            if (!leak) c.unit().privateName = s.name();
            TypeParamsCodegen.typeParams(c, s.typeParams());
            c.nameOp(loc, ".type_params", ExprContextNode.Store);
        }
        classBody(c, s, firstlineno);
        if (generic) {
            c.nameOp(loc, ".type_params", ExprContextNode.Load);
            c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1("INTRINSIC_SUBSCRIPT_GENERIC"), loc);
            c.nameOp(loc, ".generic_base", ExprContextNode.Store);
            List<ExprNode> bases = new ArrayList<>(s.bases() == null ? List.of() : s.bases());
            bases.add(new Name(".generic_base", ExprContextNode.Load, loc.lineno(), loc.colOffset(), loc.endLineno(),
                    loc.endColOffset()));
            CallCodegen.callHelper(c, loc, 2, bases, s.keywords());
            PyCode co = c.exitScope(false);
            c.makeClosure(loc, co, 0);
            if (!nullFirst) c.addOp(Op.PUSH_NULL, loc);
            c.addCall(0, loc);
        } else {
            CallCodegen.callHelper(c, loc, 2, s.bases(), s.keywords());
        }
        FunctionCodegen.applyDecorators(c, decos, loc);
        c.nameOp(loc, s.name(), ExprContextNode.Store);
    }

    /** {@code compiler_class_body}: the class body's unit, then LOAD_BUILD_CLASS, the closure and the name. */
    static void classBody(Codegen c, ClassDef s, int firstlineno) {
        c.enterScope(s.name(), ScopeType.CLASS, s, firstlineno, Codegen.CodeUnitSetup.NONE);
        CodegenUnit u = c.unit();
        Location loc = new Location(firstlineno, firstlineno, 0, 0);
        u.privateName = s.name();
        c.nameOp(loc, "__name__", ExprContextNode.Load);
        c.nameOp(loc, "__module__", ExprContextNode.Store);
        c.loadConst(qualnameConst(c, u), loc);
        c.nameOp(loc, "__qualname__", ExprContextNode.Store);
        if (c.version.has(Feature.CLASS_FIRSTLINENO_STATIC_ATTRIBUTES)) {
            c.loadConst(PyInt.of(u.metadata.firstlineno), loc);
            c.nameOp(loc, "__firstlineno__", ExprContextNode.Store);
        }
        if (s.typeParams() != null && !s.typeParams().isEmpty()) {
            c.nameOp(loc, ".type_params", ExprContextNode.Load);
            c.nameOp(loc, "__type_params__", ExprContextNode.Store);
        }
        if (u.ste.needsClassdict) {
            c.addOp(Op.LOAD_LOCALS, loc);
            c.addOpI(Op.STORE_DEREF, u.metadata.cellvars.add("__classdict__"), loc);
        }
        if (AnnotateFunctions.on(c)) AnnotateFunctions.classStart(c, loc);
        ModuleCodegen.body(c, loc, s.body());
        if (c.version.has(Feature.CLASS_FIRSTLINENO_STATIC_ATTRIBUTES)) {
            List<String> attrs = new ArrayList<>(u.staticAttributes);
            attrs.sort(Codegen::comparePyStr);
            List<PyObject> items = new ArrayList<>();
            for (String a : attrs) items.add(c.identifier(a));
            c.loadConst(new PyTuple(items), Location.NO_LOCATION);
            c.nameOp(Location.NO_LOCATION, "__static_attributes__", ExprContextNode.Store);
        }
        if (u.ste.needsClassdict) {
            c.addOpI(Op.LOAD_CLOSURE, lookupArg(u.metadata.cellvars, "__classdict__"), Location.NO_LOCATION);
            c.nameOp(Location.NO_LOCATION, "__classdictcell__", ExprContextNode.Store);
        }
        if (u.ste.needsClassClosure) {
            c.addOpI(Op.LOAD_CLOSURE, lookupArg(u.metadata.cellvars, "__class__"), Location.NO_LOCATION);
            c.addOpI(Op.COPY, 1, Location.NO_LOCATION);
            c.nameOp(Location.NO_LOCATION, "__classcell__", ExprContextNode.Store);
        } else {
            c.loadConst(PyConst.NONE, Location.NO_LOCATION);
        }
        c.addOp(Op.RETURN_VALUE, Location.NO_LOCATION);
        PyCode co = c.exitScope(true);
        loc = Location.of(s);
        if (c.version.has(Feature.PUSH_NULL_AFTER_CALLABLE)) {
            c.addOp(Op.LOAD_BUILD_CLASS, loc);
            c.addPushNull(loc);
        } else {
            c.addPushNull(loc);
            c.addOp(Op.LOAD_BUILD_CLASS, loc);
        }
        c.makeClosure(loc, co, 0);
        c.loadConst(c.identifier(s.name()), loc);
    }

    /** The unit's qualified name as a constant: the plain (interned) name, or a string built by concatenation. */
    /**
     * The {@code __qualname__} constant of a class body: {@code u_qualname} itself. A unit that is not
     * nested takes {@code u_name}, the parser's interned identifier, as its qualname
     * ({@code compiler_set_qualname}); a nested one gets a new str ({@code "%U.%U"}), which only
     * {@code _PyCode_New} interns later, as {@code co_qualname}, so a constant of the same text cached
     * earlier stays a separate, plain string.
     */
    static PyStr qualnameConst(Codegen c, CodegenUnit u) {
        if (u.metadata.qualname.equals(u.metadata.name)) return c.constCache.interned().intern(u.metadata.name);
        return u.metadata.qualnameObject();
    }

    /** {@code compiler_lookup_arg}. */
    static int lookupArg(NameTable dict, String name) {
        int i = dict.get(name);
        if (i < 0) throw new IllegalStateException("compiler_lookup_arg(" + name + ") failed");
        return i;
    }
}
