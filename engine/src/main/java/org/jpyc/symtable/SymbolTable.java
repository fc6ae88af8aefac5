package org.jpyc.symtable;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Node;
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
    public final Map<Node, Scope> blocks = new IdentityHashMap<>();
    public String filename;
    public FutureFeatures future;

    /**
     * {@code _PySymtable_Build}: the symbol table of a module, or the SyntaxError CPython raises while
     * building it (type, message and position as CPython gives them).
     */
    public static SymbolTable build(ModNode mod, String filename, FutureFeatures future, PyVersion version) throws PyCompileError {
        throw new UnsupportedOperationException("SymbolTable.build: to be written");
    }

    /** {@code _PySymtable_Lookup}: the scope opened by {@code node}, or null. */
    public Scope lookup(Node node) {
        return blocks.get(node);
    }
}
