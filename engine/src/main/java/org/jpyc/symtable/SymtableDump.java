package org.jpyc.symtable;

import org.jpyc.version.PyVersion;

/**
 * A text dump of a symbol table, the same text helper "conformance" prints on the CPython side from
 * {@code _symtable.symtable(source, filename, "exec")}: per scope its type number, name, line and nested
 * flag, its varnames, its symbols with their raw flags (in {@code ste_symbols} order), then its children.
 */
public final class SymtableDump {
    private SymtableDump() {}

    public static String dump(SymbolTable st) {
        StringBuilder out = new StringBuilder();
        dump(st.top, "", out, st.version);
        return out.toString();
    }

    /** The dump of one scope and its subtree, each line prefixed by {@code indent} (3.13 numbering). */
    public static void dump(Scope s, String indent, StringBuilder out) {
        dump(s, indent, out, PyVersion.V3_13);
    }

    /**
     * The block type number {@code _symtable} shows: the {@code _Py_block_ty} value, whose order of the
     * type-parameter kinds changed in 3.13 (3.12: TypeVarBoundBlock 4, TypeAliasBlock 5, TypeParamBlock 6).
     */
    static int typeNumber(BlockType t, PyVersion version) {
        if (!version.has(org.jpyc.version.Feature.SYMTABLE_BLOCK_NUMBERING_313)) {
            switch (t) {
                case TYPE_VARIABLE: return 4;
                case TYPE_ALIAS: return 5;
                case TYPE_PARAMETERS: return 6;
                default: break;
            }
        }
        return t.ordinal();
    }

    /** The raw flags as {@code version} stores them: up to 3.11 the scope sits at bit 11 ({@code SCOPE_OFFSET}). */
    static int flagsNumber(int flags, PyVersion version) {
        if (version.has(org.jpyc.version.Feature.SYMTABLE_SCOPE_OFFSET_12)) return flags;
        int low = flags & ((1 << Symbols.SCOPE_OFFSET) - 1);
        return low | (Symbols.scopeOf(flags) << 11);
    }

    /** The dump of one scope and its subtree as {@code version}'s {@code _symtable} shows it. */
    public static void dump(Scope s, String indent, StringBuilder out, PyVersion version) {
        // iterative over the tree: scopes can nest as deep as the parser allows
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {s, indent});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Scope sc = (Scope) item[0];
            String ind = (String) item[1];
            out.append(ind).append("scope ").append(typeNumber(sc.type, version)).append(' ').append(sc.name)
                    .append(" line ").append(sc.lineno).append(" nested ").append(sc.nested ? 1 : 0).append('\n');
            out.append(ind).append("  varnames ").append(String.join(",", sc.varnames)).append('\n');
            SymbolMap symbols = sc.symbols;
            for (int e = 0, n = symbols.entryCount(); e < n; e++) {
                String k = symbols.keyAt(e);
                if (k == null) continue;
                out.append(ind).append("  sym ").append(k).append(' ').append(flagsNumber(symbols.valueAt(e), version)).append('\n');
            }
            for (int i = sc.children.size() - 1; i >= 0; i--) {
                todo.push(new Object[] {sc.children.get(i), ind + "  "});
            }
        }
    }
}
