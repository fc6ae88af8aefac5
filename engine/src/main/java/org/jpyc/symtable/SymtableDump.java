package org.jpyc.symtable;

import java.util.Map;

/**
 * A text dump of a symbol table, the same text helper "conformance" prints on the CPython side from
 * {@code _symtable.symtable(source, filename, "exec")}: per scope its type number, name, line and nested
 * flag, its varnames, its symbols with their raw flags (in {@code ste_symbols} order), then its children.
 */
public final class SymtableDump {
    private SymtableDump() {}

    public static String dump(SymbolTable st) {
        StringBuilder out = new StringBuilder();
        dump(st.top, "", out);
        return out.toString();
    }

    /** The dump of one scope and its subtree, each line prefixed by {@code indent}. */
    public static void dump(Scope s, String indent, StringBuilder out) {
        // iterative over the tree: scopes can nest as deep as the parser allows
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {s, indent});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Scope sc = (Scope) item[0];
            String ind = (String) item[1];
            out.append(ind).append("scope ").append(sc.type.ordinal()).append(' ').append(sc.name)
                    .append(" line ").append(sc.lineno).append(" nested ").append(sc.nested ? 1 : 0).append('\n');
            out.append(ind).append("  varnames ").append(String.join(",", sc.varnames)).append('\n');
            for (Map.Entry<String, Integer> e : sc.symbols.entrySet()) {
                out.append(ind).append("  sym ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
            }
            for (int i = sc.children.size() - 1; i >= 0; i--) {
                todo.push(new Object[] {sc.children.get(i), ind + "  "});
            }
        }
    }
}
