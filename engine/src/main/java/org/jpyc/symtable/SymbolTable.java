package org.jpyc.symtable;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.ast.Expression;
import org.jpyc.ast.FunctionType;
import org.jpyc.ast.Interactive;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Module;
import org.jpyc.ast.Node;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.TypeParamNode;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * A module's symbol table ({@code struct symtable}, Python/symtable.c): every scope, keyed by the AST
 * node that opens it. OWNER: the symtable work; {@link #build} is the contract.
 */
public final class SymbolTable {
    /** {@code st_top}. */
    public Scope top;
    /** {@code st_blocks}, by node identity. */
    private final NodeScopeMap blocks = new NodeScopeMap();
    /** {@code st_blocks} entries keyed in C by a generic's {@code type_params} list: here by the def/class/type statement. */
    public final Map<Node, Scope> typeParamBlocks = new IdentityHashMap<>();
    /** {@code st_blocks} entries keyed in C by {@code (uintptr_t)typevar + 1}: the scope of a TypeVar's default. */
    public final Map<Node, Scope> typeVarDefaultBlocks = new IdentityHashMap<>();
    /** 3.14: {@code st_blocks} entries keyed in C by {@code ste_id + 1}: the {@code __annotate__} scope of a scope's annotated assignments, by that scope's node. */
    public final Map<Node, Scope> annotationBlocks = new IdentityHashMap<>();
    public String filename;
    public FutureFeatures future;
    /** The CPython version whose symbol table this is. */
    public PyVersion version = PyVersion.V3_13;

    /**
     * {@code _PySymtable_Build}: the symbol table of a module, or the SyntaxError CPython raises while
     * building it (type, message and position as CPython gives them).
     */
    public static SymbolTable build(ModNode mod, String filename, FutureFeatures future, PyVersion version) throws PyCompileError {
        try {
            return buildHere(mod, filename, future, version);
        } catch (StackOverflowError e) {
            // a very deep AST: the pass has no side effects on it, so start again with room for
            // CPython's own limit (recursion_limit) to be reached first
            return org.jpyc.util.BigStack.run("jpyc-symtable", () -> buildHere(mod, filename, future, version));
        }
    }

    private static SymbolTable buildHere(ModNode mod, String filename, FutureFeatures future, PyVersion version) {
        SymbolTable st = new SymbolTable();
        st.filename = filename;
        st.version = version;
        st.future = future == null ? new FutureFeatures() : future;
        SymtableBuilder b = new SymtableBuilder(st, st.future, version);
        b.enterBlock("top", BlockType.MODULE, SymtableBuilder.BlockKey.of(mod), 0, 0, 0, 0);
        st.top = b.cur;
        if (mod instanceof Module m) {
            b.stmts.visitAll(m.body());
        } else if (mod instanceof Expression e) {
            b.exprs.visit(e.body());
        } else if (mod instanceof Interactive i) {
            b.stmts.visitAll(i.body());
        } else if (mod instanceof FunctionType) {
            throw new PyCompileError("RuntimeError", "this compiler does not handle FunctionTypes", null, null, null, null, -1);
        }
        b.exitBlock();
        Analyzer.analyze(st.top, version);
        return st;
    }

    /** Files a new scope under its key (the C {@code PyDict_SetItem(st_blocks, key, ste)}). */
    void register(SymtableBuilder.BlockKey key, Scope ste) {
        switch (key.kind()) {
            case NODE -> blocks.put(key.node(), ste);
            case TYPE_PARAMS -> typeParamBlocks.put(key.node(), ste);
            case TYPEVAR_DEFAULT -> typeVarDefaultBlocks.put(key.node(), ste);
            case ANNOTATIONS -> annotationBlocks.put(key.node(), ste);
        }
    }

    /** {@code _PySymtable_Lookup}: the scope opened by {@code node}, or null. A TypeVar's key gives its bound's scope. */
    public Scope lookup(Node node) {
        return blocks.get(node);
    }

    /** The TYPE_PARAMETERS scope of a generic function, class or type alias statement, or null. */
    public Scope lookupTypeParams(StmtNode genericDef) {
        return typeParamBlocks.get(genericDef);
    }

    /** The scope of a TypeVar's default ({@code (void *)((uintptr_t)typeparam + 1)} in compile.c), or null. */
    public Scope lookupTypeVarDefault(TypeParamNode typeVar) {
        return typeVarDefaultBlocks.get(typeVar);
    }

    /** All scopes of the tree under {@link #top}, depth first (what {@code _symtable} shows as children). */
    public List<Scope> scopes() {
        List<Scope> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Scope> todo = new java.util.ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            Scope s = todo.pop();
            out.add(s);
            for (int i = s.children.size() - 1; i >= 0; i--) todo.push(s.children.get(i));
        }
        return out;
    }
}
