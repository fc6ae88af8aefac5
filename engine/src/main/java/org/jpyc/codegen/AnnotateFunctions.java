package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.AnnAssign;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.AsyncFor;
import org.jpyc.ast.AsyncWith;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.For;
import org.jpyc.ast.If;
import org.jpyc.ast.Match;
import org.jpyc.ast.Name;
import org.jpyc.ast.Starred;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Try;
import org.jpyc.ast.TryStar;
import org.jpyc.ast.While;
import org.jpyc.ast.With;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.symtable.Scope;

/**
 * PEP 649/749 {@code __annotate__} functions (Python/codegen.c of 3.14: {@code codegen_setup_annotations_scope},
 * {@code codegen_leave_annotations_scope}, {@code codegen_deferred_annotations_body},
 * {@code codegen_process_deferred_annotations}, {@code codegen_function_annotations}, the deferred case of
 * {@code codegen_annassign}; Python/compile.c of 3.14: {@code _PyCompile_AddDeferredAnnotation},
 * {@code _PyCompile_StartAnnotationSetup}, {@code _PyCompile_EndAnnotationSetup}, the conditional-block
 * counter). Used only when {@link org.jpyc.version.Feature#ANNOTATE_FUNCTIONS} is on.
 */
final class AnnotateFunctions {
    private AnnotateFunctions() {}

    /** {@code _Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS} (Include/internal/pycore_object.h, 3.14). */
    static final int VALUE_WITH_FAKE_GLOBALS = 2;

    /** Whether this target compiles annotations into {@code __annotate__} functions. */
    static boolean on(Codegen c) {
        return c.version.has(org.jpyc.version.Feature.ANNOTATE_FUNCTIONS);
    }

    private static boolean futureAnnotations(Codegen c) {
        return (c.future.features & CodeFlags.CO_FUTURE_ANNOTATIONS) != 0;
    }

    /**
     * {@code codegen_setup_annotations_scope}: a new unit taking the format as its one positional-only
     * parameter, which raises NotImplementedError for a format above VALUE_WITH_FAKE_GLOBALS.
     */
    static void setupAnnotationsScope(Codegen c, Location loc, Scope key, String name) {
        c.enterScope(name, ScopeType.TYPEPARAMS, key, loc.lineno(), new Codegen.CodeUnitSetup(0, 1, 0));
        c.addOpI(Op.LOAD_FAST, 0, loc);
        c.loadConst(PyInt.of(VALUE_WITH_FAKE_GLOBALS), loc);
        BranchCodegen.addCompare(c, loc, CmpopNode.Gt);
        int body = c.newLabel();
        c.addJump(Op.POP_JUMP_IF_FALSE, body, loc);
        c.addOpI(Op.LOAD_COMMON_CONSTANT, c.ops.indexIn("common_constants", "NotImplementedError"), loc);
        c.addOpI(Op.RAISE_VARARGS, 1, loc);
        c.useLabel(body);
    }

    /**
     * {@code codegen_leave_annotations_scope}: return the value on the stack, then the closure; the
     * code object's first local is renamed {@code format} (the symbol table calls it {@code .format} so
     * that an annotation may use the name {@code format}).
     */
    static void leaveAnnotationsScope(Codegen c, Location loc) {
        c.addOp(Op.RETURN_VALUE, loc);
        PyCode co = c.exitScope(true);
        if (co.localsplusnames instanceof PyTuple names && names.size() > 0) {
            List<PyObject> renamed = new ArrayList<>(names.items());
            renamed.set(0, c.identifier("format"));
            co.localsplusnames = new PyTuple(renamed);
        }
        c.makeClosure(loc, co, 0);
    }

    // ---- functions: codegen_function_annotations ----

    /**
     * {@code codegen_function_annotations}: when the function has parameter or return annotations, its
     * {@code __annotate__} (a dict of name to annotation, strings under {@code from __future__ import
     * annotations}; 3.15: its qualname names {@code function}); returns the MAKE_FUNCTION flag to add (0 or {@link Codegen#MAKE_FUNCTION_ANNOTATE}).
     */
    static int functionAnnotations(Codegen c, Location loc, String function, Arguments args, ExprNode returns) {
        Scope ste = c.st.lookup(args);
        if (ste == null || !ste.annotationsUsed) return 0;
        setupAnnotationsScope(c, loc, ste, ste.name);
        if (c.version.has(org.jpyc.version.Feature.ANNOTATE_QUALNAME_NAMES_FUNCTION)) c.qualifyAnnotateWith(function);
        // 3.15: positional-only parameters first, in signature order (3.14: after the others)
        boolean posonlyFirst = c.version.has(org.jpyc.version.Feature.POSONLY_ANNOTATIONS_FIRST);
        int len = posonlyFirst ? argAnnotations(c, args.posonlyargs(), loc) : 0;
        len += argAnnotations(c, args.args(), loc);
        if (!posonlyFirst) len += argAnnotations(c, args.posonlyargs(), loc);
        if (args.vararg() != null) len += argAnnotation(c, args.vararg().arg(), args.vararg().annotation(), loc);
        len += argAnnotations(c, args.kwonlyargs(), loc);
        if (args.kwarg() != null) len += argAnnotation(c, args.kwarg().arg(), args.kwarg().annotation(), loc);
        len += argAnnotation(c, "return", returns, loc);
        c.addOpI(Op.BUILD_MAP, len, loc);
        leaveAnnotationsScope(c, loc);
        return Codegen.MAKE_FUNCTION_ANNOTATE;
    }

    /** {@code codegen_argannotations}. */
    private static int argAnnotations(Codegen c, List<Arg> args, Location loc) {
        int n = 0;
        if (args != null) for (Arg a : args) n += argAnnotation(c, a.arg(), a.annotation(), loc);
        return n;
    }

    /** {@code codegen_argannotation}: the (maybe mangled) name and its annotation; how many pairs (0 or 1). */
    private static int argAnnotation(Codegen c, String id, ExprNode annotation, Location loc) {
        if (annotation == null) return 0;
        c.loadConst(c.mangledNameConst(id), loc);
        if (futureAnnotations(c)) {
            FunctionCodegen.visitAnnExpr(c, annotation);
        } else if (annotation instanceof Starred st) {
            // *args: *Ts, as [annotation_value] = [*Ts]
            c.visitExpr(st.value());
            c.addOpI(Op.UNPACK_SEQUENCE, 1, loc);
        } else {
            c.visitExpr(annotation);
        }
        return 1;
    }

    // ---- module and class bodies ----

    /** {@code _PyCodegen_Module} (3.14): a module with conditional annotations starts with an empty {@code __conditional_annotations__}. */
    static void moduleStart(Codegen c, Location loc) {
        if (c.scope().hasConditionalAnnotations) {
            c.addOpI(Op.BUILD_SET, 0, loc);
            c.addOpNameUnmangled(Op.STORE_NAME, "__conditional_annotations__", loc);
        }
    }

    /** The part of {@code codegen_class_body} (3.14) that starts a class's {@code __conditional_annotations__} cell. */
    static void classStart(Codegen c, Location loc) {
        if (c.scope().hasConditionalAnnotations) {
            c.addOpI(Op.BUILD_SET, 0, loc);
            c.addOpI(Op.STORE_DEREF, c.unit().metadata.cellvars.add("__conditional_annotations__"), loc);
        }
    }

    /** The part of {@code codegen_body} (3.14) before the docstring: SETUP_ANNOTATIONS only for PEP 563's {@code __annotations__}. */
    static void bodyStart(Codegen c, Location loc) {
        if (futureAnnotations(c) && c.scope().annotationsUsed) c.addOp(Op.SETUP_ANNOTATIONS, loc);
    }

    /** The end of {@code codegen_body} (3.14): the body's {@code __annotate__} unless annotations are strings. */
    static void bodyEnd(Codegen c, Location loc) {
        if (!futureAnnotations(c)) processDeferredAnnotations(c, loc);
    }

    /**
     * The simple-name case of {@code codegen_annassign} in a module or class (3.14): the annotation is
     * deferred to {@code __annotate__}; one that may not run (any in a module, those under a conditional
     * statement in a class) records its index in {@code __conditional_annotations__}.
     */
    static void deferAnnotation(Codegen c, AnnAssign s, Location loc) {
        Integer index = addDeferredAnnotation(c, s);
        if (index == null) return;
        if (c.unit().scopeType == ScopeType.CLASS) {
            c.addOpI(Op.LOAD_DEREF, c.unit().metadata.cellvars.add("__conditional_annotations__"), loc);
        } else {
            c.addOpName(Op.LOAD_NAME, "__conditional_annotations__", loc);
        }
        c.loadConst(PyInt.of(index), loc);
        c.addOpI(Op.SET_ADD, 1, loc);
        c.addOp(Op.POP_TOP, loc);
    }

    /** {@code _PyCompile_AddDeferredAnnotation}: records {@code s}; its conditional index, or null when it always runs. */
    private static Integer addDeferredAnnotation(Codegen c, AnnAssign s) {
        CodegenUnit u = c.unit();
        if (u.deferredAnnotations == null) u.deferredAnnotations = new ArrayList<>();
        if (u.conditionalAnnotationIndices == null) u.conditionalAnnotationIndices = new ArrayList<>();
        u.deferredAnnotations.add(s);
        if (u.scopeType == ScopeType.MODULE || u.inConditionalBlock > 0) {
            int index = u.nextConditionalAnnotationIndex++;
            u.conditionalAnnotationIndices.add(index);
            return index;
        }
        u.conditionalAnnotationIndices.add(-1);
        return null;
    }

    /**
     * {@code codegen_process_deferred_annotations}: the body's {@code __annotate__}, stored as
     * {@code __annotate__} (module) or {@code __annotate_func__} (class). A module's is emitted into a
     * separate sequence that takes the place of its ANNOTATIONS_PLACEHOLDER, so that it runs first.
     */
    private static void processDeferredAnnotations(Codegen c, Location loc) {
        CodegenUnit u = c.unit();
        List<AnnAssign> deferred = u.deferredAnnotations;
        if (deferred == null) return;
        List<Integer> indices = u.conditionalAnnotationIndices;
        ScopeType scopeType = u.scopeType;
        boolean separate = scopeType == ScopeType.MODULE;
        if (separate) startAnnotationSetup(u);
        Scope ste = u.ste;
        setupAnnotationsScope(c, loc, ste.annotationBlock, ste.annotationBlock.name);
        deferredAnnotationsBody(c, loc, deferred, indices, scopeType);
        leaveAnnotationsScope(c, loc);
        c.nameOp(loc, ste.type == org.jpyc.symtable.BlockType.CLASS ? "__annotate_func__" : "__annotate__",
                ExprContextNode.Store);
        if (separate) endAnnotationSetup(u);
    }

    /**
     * {@code codegen_deferred_annotations_body}: a dict filled with each annotation under its mangled name,
     * skipping the conditional ones whose index is not in {@code __conditional_annotations__}.
     */
    private static void deferredAnnotationsBody(Codegen c, Location loc, List<AnnAssign> deferred,
                                                 List<Integer> indices, ScopeType scopeType) {
        c.addOpI(Op.BUILD_MAP, 0, loc);
        for (int i = 0; i < deferred.size(); i++) {
            AnnAssign st = deferred.get(i);
            Location stLoc = Location.of(st);
            String id = ((Name) st.target()).id();
            String mangledText = NameOps.mangle(c.unit().privateName, id);
            // _Py_Mangle returns the identifier itself when it leaves it alone
            PyObject mangled = mangledText.equals(id) ? c.identifier(id) : PyStr.of(mangledText, false);
            int idx = indices.get(i);
            int notSet = c.newLabel();
            if (idx != -1) {
                c.loadConst(PyInt.of(idx), stLoc);
                if (scopeType == ScopeType.CLASS) {
                    c.addOpI(Op.LOAD_DEREF,
                            c.unit().metadata.freevars.add("__conditional_annotations__"), stLoc);
                } else {
                    c.addOpName(Op.LOAD_GLOBAL, "__conditional_annotations__", stLoc);
                }
                c.addOpI(Op.CONTAINS_OP, 0, stLoc);
                c.addJump(Op.POP_JUMP_IF_FALSE, notSet, stLoc);
            }
            c.visitExpr(st.annotation());
            c.addOpI(Op.COPY, 2, stLoc);
            c.loadConst(mangled, stLoc);
            c.addOp(Op.STORE_SUBSCR, loc);
            c.useLabel(notSet);
        }
    }

    /** {@code _PyCompile_StartAnnotationSetup}: emit into a fresh sequence, the unit's own one stashed. */
    private static void startAnnotationSetup(CodegenUnit u) {
        u.stashedInstrs = u.instrs;
        u.instrs = new InstrSequence();
    }

    /** {@code _PyCompile_EndAnnotationSetup}: the setup becomes the stashed sequence's {@code s_annotations_code}. */
    private static void endAnnotationSetup(CodegenUnit u) {
        InstrSequence annotations = u.instrs;
        u.instrs = u.stashedInstrs;
        u.stashedInstrs = null;
        u.instrs.annotationsCode = annotations;
    }

    // ---- codegen_visit_stmt: CODEGEN_COND_BLOCK ----

    /** Whether {@code codegen_visit_stmt} (3.14) compiles {@code s} inside {@code _PyCompile_EnterConditionalBlock}. */
    static boolean conditionalBlock(Codegen c, StmtNode s) {
        return on(c) && (s instanceof For || s instanceof While || s instanceof If || s instanceof Match || s instanceof Try
                || s instanceof TryStar || s instanceof With || s instanceof AsyncWith || s instanceof AsyncFor);
    }
}
