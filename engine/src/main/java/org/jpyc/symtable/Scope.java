package org.jpyc.symtable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpyc.ast.Node;

/**
 * One symbol table entry ({@code PySTEntryObject}): a scope with its symbols. Fields mirror the C
 * struct's {@code ste_*} members; the builder ({@link SymbolTable#build}) fills them, codegen reads them.
 */
public final class Scope {
    /** {@code ste_name}. */
    public String name;
    /** {@code ste_type}. */
    public BlockType type;
    /** The AST node the scope belongs to (the key of {@code st_blocks}). */
    public Node node;
    /** {@code ste_symbols}: name to flags, in insertion order (as the C dict). */
    public final SymbolMap symbols = new SymbolMap();
    /** {@code ste_varnames}: parameters, in order. */
    public final ArrayList<String> varnames = new ArrayList<>();
    /** {@code ste_children}. */
    public final List<Scope> children = new ArrayList<>();
    /** {@code ste_mangled_names}: null unless set (3.13: type params of a class). */
    public Set<String> mangledNames;
    public boolean nested;
    public boolean free;
    public boolean childFree;
    public boolean generator;
    public boolean coroutine;
    public ComprehensionType comprehension = ComprehensionType.NONE;
    public boolean varargs;
    public boolean varkeywords;
    public boolean returnsValue;
    public boolean needsClassClosure;
    public boolean needsClassdict;
    public boolean compInlined;
    public boolean compIterTarget;
    public boolean canSeeClassScope;
    /** {@code ste_has_docstring} (3.14): the function's body opens with a docstring (gives CO_HAS_DOCSTRING). */
    public boolean hasDocstring;
    /** {@code ste_method} (3.14): a function block (def, lambda, generator expression) directly in a class body (CO_METHOD). */
    public boolean method;
    public int compIterExpr;
    public int lineno;
    public int colOffset;
    public int endLineno;
    public int endColOffset;
    /** The enclosing scope (null for the module). */
    public Scope parent;
    /** {@code ste_scope_info}: what a TypeVariable scope holds ("a TypeVar bound", ...), for error messages. */
    public String scopeInfo;
    /** {@code ste_annotations_used} (3.14): an annotated assignment here, or (annotation scope) an annotation visited in it. */
    public boolean annotationsUsed;
    /** {@code ste_has_conditional_annotations} (3.14): the module or class keeps {@code __conditional_annotations__}. */
    public boolean hasConditionalAnnotations;
    /** {@code ste_in_conditional_block} (3.14, first pass only): visiting the body of an if/for/while/try/with/match. */
    boolean inConditionalBlock;
    /** {@code ste_in_unevaluated_annotation} (3.14, first pass only): visiting a local variable's annotation. */
    boolean inUnevaluatedAnnotation;
    /** {@code ste_annotation_block} (3.14): the {@code __annotate__} scope of this module's, class's or function's annotated assignments, or null. */
    public Scope annotationBlock;
    /** {@code ste_directives}: the global/nonlocal declarations, for error positions; null if none. */
    List<Directive> directives;

    /** One {@code global}/{@code nonlocal} declaration (or the implicit one of a walrus in a comprehension). */
    record Directive(String name, int lineno, int colOffset, int endLineno, int endColOffset) {}

    /** {@code _PyST_GetSymbol}: the flags of {@code name}, 0 if absent. */
    public int symbol(String name) {
        return symbols.get(name);
    }

    /** {@code _PyST_GetScope}: {@link Symbols#LOCAL} .. {@link Symbols#CELL}, or 0. */
    public int scope(String name) {
        return Symbols.scopeOf(symbol(name));
    }

    /**
     * {@code _PyST_IsFunctionLike} of 3.13: FUNCTION, TYPE_VARIABLE, TYPE_ALIAS, TYPE_PARAMETERS (3.13's
     * annotation blocks, met only under {@code from __future__ import annotations}, are not function-like;
     * 3.14 makes ANNOTATION function-like: see {@link #annotationIsFunctionLike}).
     */
    public boolean isFunctionLike() {
        return type == BlockType.FUNCTION || type == BlockType.TYPE_VARIABLE
                || type == BlockType.TYPE_ALIAS || type == BlockType.TYPE_PARAMETERS
                || (type == BlockType.ANNOTATION && annotationIsFunctionLike);
    }

    /** Set by the builder for versions (3.14+) whose annotation scopes are function-like. */
    boolean annotationIsFunctionLike;

    public void addMangled(String name) {
        if (mangledNames == null) mangledNames = new HashSet<>();
        mangledNames.add(name);
    }

    @Override
    public String toString() {
        return "<symtable entry " + name + "(" + type + ")>";
    }
}
