package org.jpyc.symtable;

import static org.jpyc.symtable.Symbols.USE;

import java.util.List;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.StmtNode;
import org.jpyc.symtable.SymtableBuilder.BlockKey;

/**
 * PEP 649 annotation scopes in the symbol table's first pass (Python/symtable.c of 3.14:
 * {@code symtable_visit_annotation}, {@code symtable_visit_annotations}), used when
 * {@link org.jpyc.version.Feature#ANNOTATION_SCOPES} is on. Every annotation is visited in an
 * {@code __annotate__} scope: one per function for its parameters and return, one per module, class or
 * function for its annotated assignments (entered again for each). Under {@code from __future__ import
 * annotations} these scopes stay out of the tree ({@link SymtableBuilder#enterExistingBlock}).
 */
final class AnnotationScopes {
    private final SymtableBuilder b;

    AnnotationScopes(SymtableBuilder b) {
        this.b = b;
    }

    /**
     * {@code symtable_visit_annotation} (3.14): an annotated assignment's annotation, in the
     * {@code __annotate__} scope of the current scope. A module, or a class in a conditional block, marks
     * its first such annotation with a use of {@code __conditional_annotations__}; a local variable's
     * annotation is never evaluated, so its names are not recorded.
     */
    void annotation(ExprNode annotation) {
        Scope parent = b.cur;
        boolean unevaluated = parent.type == BlockType.FUNCTION;
        if (((parent.type == BlockType.CLASS && parent.inConditionalBlock) || parent.type == BlockType.MODULE)
                && !parent.hasConditionalAnnotations) {
            parent.hasConditionalAnnotations = true;
            b.addDef("__conditional_annotations__", USE, annotation);
        }
        if (parent.annotationBlock == null) {
            b.enterBlock("__annotate__", BlockType.ANNOTATION, new BlockKey(parent.node, BlockKey.Kind.ANNOTATIONS),
                    annotation);
            parent.annotationBlock = b.cur;
            if (parent.type == BlockType.CLASS && !b.futureAnnotations()) {
                b.cur.canSeeClassScope = true;
                b.addDef("__classdict__", USE, annotation);
            }
        } else {
            b.enterExistingBlock(parent.annotationBlock, false);
        }
        if (unevaluated) b.cur.inUnevaluatedAnnotation = true;
        b.exprs.visit(annotation);
        if (unevaluated) b.cur.inUnevaluatedAnnotation = false;
        b.exitBlock();
    }

    /**
     * {@code symtable_visit_annotations} (3.14): a function's parameter and return annotations, in the
     * {@code __annotate__} scope keyed by its {@code arguments} node (which sees the class namespace when the
     * function is a method or inside one's type parameters).
     */
    void functionAnnotations(StmtNode o, Arguments a, ExprNode returns) {
        boolean inClass = b.cur.canSeeClassScope;
        BlockType currentType = b.cur.type;
        b.enterBlock("__annotate__", BlockType.ANNOTATION, BlockKey.of(a), o);
        if (inClass || currentType == BlockType.CLASS) {
            b.cur.canSeeClassScope = true;
            b.addDef("__classdict__", USE, o);
        }
        argAnnotations(a.posonlyargs());
        argAnnotations(a.args());
        if (a.vararg() != null && a.vararg().annotation() != null) used(a.vararg().annotation());
        if (a.kwarg() != null && a.kwarg().annotation() != null) used(a.kwarg().annotation());
        argAnnotations(a.kwonlyargs());
        if (returns != null) used(returns);
        b.exitBlock();
    }

    /** {@code symtable_visit_argannotations} (3.14). */
    private void argAnnotations(List<Arg> args) {
        if (args == null) return;
        for (int i = 0, n = args.size(); i < n; i++) {
            ExprNode annotation = args.get(i).annotation();
            if (annotation != null) used(annotation);
        }
    }

    /** Visits one annotation of the current annotation scope, marking it used ({@code ste_annotations_used}). */
    private void used(ExprNode annotation) {
        b.cur.annotationsUsed = true;
        b.exprs.visit(annotation);
    }
}
