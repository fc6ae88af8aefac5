package org.jpyc.symtable;

import static org.jpyc.symtable.Symbols.DEF_COMP_ITER;
import static org.jpyc.symtable.Symbols.DEF_GLOBAL;
import static org.jpyc.symtable.Symbols.DEF_IMPORT;
import static org.jpyc.symtable.Symbols.DEF_LOCAL;
import static org.jpyc.symtable.Symbols.DEF_NONLOCAL;
import static org.jpyc.symtable.Symbols.DEF_PARAM;
import static org.jpyc.symtable.Symbols.DEF_TYPE_PARAM;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jpyc.ast.Keyword;
import org.jpyc.ast.Located;
import org.jpyc.ast.Node;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.CompilerLimits;
import org.jpyc.version.PyVersion;

/**
 * The state of the first pass of {@code _PySymtable_Build} (Python/symtable.c): the block stack, the
 * class name used for mangling, the recursion counter, and the primitives the visitors share
 * ({@code symtable_enter_block}, {@code symtable_exit_block}, {@code symtable_add_def}, ...).
 */
final class SymtableBuilder {
    final SymbolTable table;
    final PyVersion version;
    final FutureFeatures future;
    /** {@code st_stack}. */
    final List<Scope> stack = new ArrayList<>();
    /** {@code st_cur}. */
    Scope cur;
    /** {@code st_global}: the module scope's symbols. */
    SymbolMap global;
    /** {@code st_private}: the name of the innermost class, for mangling. */
    String privateName;
    /** {@code st->recursion_depth}, from the depth py_compile's {@code compile()} call has used ({@link CompilerLimits}). */
    int recursionDepth;
    /** {@code st->recursion_limit}. */
    final int recursionLimit;

    final StmtVisitor stmts;
    final ExprVisitor exprs;
    /** 3.14's annotation scopes (PEP 649). */
    final AnnotationScopes annotationScopes;

    SymtableBuilder(SymbolTable table, FutureFeatures future, PyVersion version) {
        this.table = table;
        this.future = future;
        this.version = version;
        this.recursionDepth = CompilerLimits.startingDepth(version);
        this.recursionLimit = CompilerLimits.recursionLimit(version);
        this.checksDebugName = version.has(org.jpyc.version.Feature.SYMTABLE_CHECKS_DEBUG_NAME);
        this.stmts = new StmtVisitor(this);
        this.exprs = new ExprVisitor(this);
        this.annotationScopes = new AnnotationScopes(this);
    }

    /** The {@code ++st->recursion_depth > st->recursion_limit} check at the top of each visitor. */
    void enterRecursion() {
        if (++recursionDepth > recursionLimit) {
            throw SymtableErrors.recursion();
        }
    }

    void leaveRecursion() {
        --recursionDepth;
    }

    boolean futureAnnotations() {
        return (future.features & org.jpyc.instrseq.CodeFlags.CO_FUTURE_ANNOTATIONS) != 0;
    }

    /** {@code ste_new}: a new scope, registered in {@code st_blocks} under {@code key} (unless key is null). */
    private Scope newScope(String name, BlockType type, Node key, int lineno, int colOffset, int endLineno, int endColOffset) {
        Scope ste = new Scope();
        ste.name = name;
        ste.type = type;
        ste.node = key;
        ste.lineno = lineno;
        ste.colOffset = colOffset;
        ste.endLineno = endLineno;
        ste.endColOffset = endColOffset;
        ste.annotationIsFunctionLike = annotationIsFunctionLike();
        if (cur != null && (cur.nested || cur.isFunctionLike())) {
            ste.nested = true;
        }
        if (type == BlockType.FUNCTION && cur != null && cur.type == BlockType.CLASS) {
            ste.method = true;
        }
        if (type == BlockType.FUNCTION && key instanceof org.jpyc.ast.FunctionDef f) {
            ste.hasDocstring = hasDocString(f.body());
        } else if (type == BlockType.FUNCTION && key instanceof org.jpyc.ast.AsyncFunctionDef f) {
            ste.hasDocstring = hasDocString(f.body());
        }
        return ste;
    }

    /** {@code _PyAST_GetDocString} is not null: the body opens with a str constant expression statement. */
    private static boolean hasDocString(java.util.List<org.jpyc.ast.StmtNode> body) {
        return body != null && !body.isEmpty() && body.get(0) instanceof org.jpyc.ast.Expr e
                && e.value() instanceof org.jpyc.ast.Constant c && c.value() instanceof org.jpyc.object.PyStr;
    }

    /** Whether the symbol table raises the code generator's async and future-placement errors (3.14+). */
    boolean checksAsyncContext() {
        return version.has(org.jpyc.version.Feature.SYMTABLE_ASYNC_AND_FUTURE_ERRORS);
    }

    /** {@code IS_ASYNC_DEF}: the current block is an {@code async def} (or a function made a coroutine). */
    boolean isAsyncDef() {
        return cur.type == BlockType.FUNCTION && cur.coroutine;
    }

    /** {@code symtable_raise_if_not_coroutine} (3.14): {@code async with} / {@code async for} outside an async def. */
    void raiseIfNotCoroutine(String message, org.jpyc.ast.Located s) {
        if (checksAsyncContext() && !isAsyncDef()) throw SymtableErrors.syntaxError(message, s);
    }

    /** {@code check_import_from} (3.14): a {@code from __future__ import} after the leading ones. */
    void checkImportFrom(org.jpyc.ast.ImportFrom s) {
        if (!checksAsyncContext() || s.module() == null || (s.level() != null && s.level() != 0)
                || !"__future__".equals(s.module())) {
            return;
        }
        org.jpyc.instrseq.Location fut = future.location;
        if (s.lineno() > fut.endLineno() || (s.lineno() == fut.endLineno() && s.colOffset() > fut.endColOffset())) {
            throw SymtableErrors.syntaxError("from __future__ imports must occur at the beginning of the file", s);
        }
    }

    /** Whether annotation scopes are function-like (3.14+). */
    boolean annotationIsFunctionLike() {
        return version.has(org.jpyc.version.Feature.ANNOTATION_SCOPES);
    }

    /**
     * {@code symtable_enter_block}. The key's registration in {@code st_blocks} is done by {@code register}
     * since some keys are not AST nodes (a generic's type-parameter list, a TypeVar's default).
     */
    Scope enterBlock(String name, BlockType type, BlockKey key, int lineno, int colOffset, int endLineno, int endColOffset) {
        Scope ste = newScope(name, type, key.node(), lineno, colOffset, endLineno, endColOffset);
        table.register(key, ste);
        enterExistingBlock(ste, true);
        if (annotationIsFunctionLike()
                && (type == BlockType.ANNOTATION || type == BlockType.TYPE_VARIABLE || type == BlockType.TYPE_ALIAS)) {
            // 3.14: these scopes compile to functions taking the annotation format as their one parameter
            addDef(".format", DEF_PARAM, lineno, colOffset, endLineno, endColOffset);
            addDef(".format", Symbols.USE, lineno, colOffset, endLineno, endColOffset);
        }
        return ste;
    }

    /**
     * {@code symtable_enter_existing_block}: push {@code ste} (new, or 3.14's annotation scope entered again
     * for a later annotated assignment, then without adding it to the parent's children again).
     */
    void enterExistingBlock(Scope ste, boolean addToChildren) {
        stack.add(ste);
        Scope prev = cur;
        if (prev != null) {
            ste.compIterExpr = prev.compIterExpr;
        }
        if (prev != null && prev.mangledNames != null && ste.type != BlockType.CLASS) {
            ste.mangledNames = prev.mangledNames;
        }
        cur = ste;
        if (ste.type == BlockType.ANNOTATION && (!annotationIsFunctionLike() || futureAnnotations())) {
            // annotation blocks stay out of the tree under PEP 563 (they become strings), and always in 3.13
            return;
        }
        if (ste.type == BlockType.MODULE) {
            global = ste.symbols;
        }
        if (prev != null && addToChildren) {
            prev.children.add(ste);
            ste.parent = prev;
        }
    }

    Scope enterBlock(String name, BlockType type, BlockKey key, Located loc) {
        return enterBlock(name, type, key, loc.lineno(), loc.colOffset(), loc.rawEndLineno(), loc.rawEndColOffset());
    }

    /** {@code symtable_exit_block}. */
    void exitBlock() {
        cur = null;
        int size = stack.size();
        if (size > 0) {
            stack.remove(size - 1);
            if (--size > 0) {
                cur = stack.get(size - 1);
            }
        }
    }

    /** {@code symtable_lookup_entry}: the raw flags of a (maybe mangled) name in a scope. */
    int lookupEntry(Scope ste, String name) {
        return ste.symbol(Mangler.maybeMangle(privateName, ste, name));
    }

    /** {@code symtable_lookup}. */
    int lookup(String name) {
        return lookupEntry(cur, name);
    }

    /** {@code symtable_add_def}: {@link #addDefCtx} in the context its flag implies (a use loads, anything else stores). */
    void addDef(String name, int flag, int lineno, int colOffset, int endLineno, int endColOffset) {
        addDefCtx(name, flag, lineno, colOffset, endLineno, endColOffset, false);
    }

    /**
     * {@code symtable_add_def_ctx}: from 3.14 a binding ({@code DEF_PARAM}, {@code DEF_LOCAL}, {@code DEF_IMPORT})
     * is first checked by {@code check_name}, as a store, or as a delete if {@code delete} (a Name in Del context).
     */
    void addDefCtx(String name, int flag, int lineno, int colOffset, int endLineno, int endColOffset, boolean delete) {
        if ((flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT)) != 0 && checksDebugName) {
            checkName(name, delete, lineno, colOffset, endLineno, endColOffset);
        }
        if ((flag & DEF_TYPE_PARAM) != 0 && cur.mangledNames != null) {
            cur.mangledNames.add(name);
        }
        addDefHelper(name, flag, cur, lineno, colOffset, endLineno, endColOffset);
    }

    void addDef(String name, int flag, Located loc) {
        addDef(name, flag, loc.lineno(), loc.colOffset(), loc.rawEndLineno(), loc.rawEndColOffset());
    }

    /** {@link #addDefCtx} at {@code LOCATION(loc)}. */
    void addDefCtx(String name, int flag, Located loc, boolean delete) {
        addDefCtx(name, flag, loc.lineno(), loc.colOffset(), loc.rawEndLineno(), loc.rawEndColOffset(), delete);
    }

    /** {@code check_keywords} (3.14+): each keyword argument's name, at the keyword. */
    void checkKeywords(List<Keyword> keywords) {
        if (!checksDebugName) return;
        for (int i = 0, n = keywords.size(); i < n; i++) {
            Keyword k = keywords.get(i);
            if (k != null && k.arg() != null) checkName(k.arg(), false, k);
        }
    }

    /** Whether this version's symbol table checks bindings of {@code __debug__} ({@link #checkName}). */
    final boolean checksDebugName;

    /**
     * {@code check_name} (3.14+): a store to or delete of {@code __debug__} (the name as written, before mangling) is a
     * SyntaxError at the binding's location.
     */
    void checkName(String name, boolean delete, int lineno, int colOffset, int endLineno, int endColOffset) {
        if (isDebugName(name)) throw SymtableErrors.syntaxError(debugNameMessage(delete), lineno, colOffset, endLineno, endColOffset);
    }

    /** {@link #checkName} at {@code LOCATION(loc)}, if this version checks. */
    void checkName(String name, boolean delete, Located loc) {
        if (checksDebugName && isDebugName(name)) throw SymtableErrors.syntaxError(debugNameMessage(delete), loc);
    }

    private static boolean isDebugName(String name) {
        return name.length() == 9 && name.equals("__debug__");
    }

    private static String debugNameMessage(boolean delete) {
        return delete ? "cannot delete __debug__" : "cannot assign to __debug__";
    }

    /** {@code symtable_add_def_helper}: record {@code flag} for {@code name} in {@code ste}. */
    void addDefHelper(String name, int flag, Scope ste, int lineno, int colOffset, int endLineno, int endColOffset) {
        String mangled = Mangler.maybeMangle(privateName, cur, name);
        SymbolMap symbols = ste.symbols;
        int entry = symbols.find(mangled);
        int old = entry < 0 ? 0 : symbols.valueAt(entry);
        int val;
        if (entry >= 0) {
            val = old;
            if ((flag & DEF_PARAM) != 0 && (val & DEF_PARAM) != 0) {
                String what = version.has(org.jpyc.version.Feature.DUPLICATE_PARAMETER_MESSAGE) ? "parameter" : "argument";
                throw SymtableErrors.syntaxError("duplicate " + what + " '" + name + "' in function definition",
                        lineno, colOffset, endLineno, endColOffset);
            }
            if ((flag & DEF_TYPE_PARAM) != 0 && (val & DEF_TYPE_PARAM) != 0) {
                throw SymtableErrors.syntaxError("duplicate type parameter '" + name + "'",
                        lineno, colOffset, endLineno, endColOffset);
            }
            val |= flag;
        } else {
            val = flag;
        }
        if (ste.compIterTarget) {
            if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
                throw SymtableErrors.syntaxError("comprehension inner loop cannot rebind assignment expression target '"
                        + name + "'", lineno, colOffset, endLineno, endColOffset);
            }
            val |= DEF_COMP_ITER;
        }
        // a repeated use adds no new flag: the symbol stays as it is, without a second lookup to store it
        if (entry < 0) {
            symbols.put(mangled, val);
        } else if (old != val) {
            symbols.setValueAt(entry, val);
        }
        if ((flag & DEF_PARAM) != 0) {
            ste.varnames.add(mangled);
        } else if ((flag & DEF_GLOBAL) != 0) {
            global.put(mangled, flag | global.get(mangled));
        }
    }

    void addDefHelper(String name, int flag, Scope ste, Located loc) {
        addDefHelper(name, flag, ste, loc.lineno(), loc.colOffset(), loc.rawEndLineno(), loc.rawEndColOffset());
    }

    /** {@code symtable_record_directive}. */
    void recordDirective(String name, int lineno, int colOffset, int endLineno, int endColOffset) {
        if (cur.directives == null) cur.directives = new ArrayList<>();
        String mangled = Mangler.maybeMangle(privateName, cur, name);
        cur.directives.add(new Scope.Directive(mangled, lineno, colOffset, endLineno, endColOffset));
    }

    void recordDirective(String name, Located loc) {
        recordDirective(name, loc.lineno(), loc.colOffset(), loc.rawEndLineno(), loc.rawEndColOffset());
    }

    /** A fresh {@code ste_mangled_names} set. */
    static java.util.Set<String> newMangledSet() {
        return new HashSet<>();
    }

    /** The key under which a scope is found again by codegen ({@code st_blocks}' void* key). */
    record BlockKey(Node node, Kind kind) {
        enum Kind {
            /** The scope opened by this node (function, class, lambda, comprehension, type alias, annotation). */
            NODE,
            /** The TYPE_PARAMETERS scope of a generic def/class/type alias (C keys it by the type_params list). */
            TYPE_PARAMS,
            /** The scope of a TypeVar's default ({@code tp + 1} in C; a TypeVar's bound is keyed by the TypeVar). */
            TYPEVAR_DEFAULT,
            /** 3.14: the {@code __annotate__} scope of the annotated assignments of the scope opened by this node ({@code ste_id + 1} in C). */
            ANNOTATIONS
        }

        static BlockKey of(Node n) {
            return new BlockKey(n, Kind.NODE);
        }
    }

    PyCompileError error(String message, Located at) {
        return SymtableErrors.syntaxError(message, at);
    }
}
