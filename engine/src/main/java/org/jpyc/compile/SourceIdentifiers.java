package org.jpyc.compile;

import java.util.ArrayDeque;
import java.util.List;
import org.jpyc.ast.AstSchema;
import org.jpyc.ast.Node;
import org.jpyc.instrseq.InternTable;
import org.jpyc.version.PyVersion;

/**
 * The parser interns every identifier of the source as it builds the AST ({@code _PyPegen_new_identifier},
 * {@code _PyPegen_join_names_with_dot}), before any code object exists: so a constant equal to a name
 * used anywhere in the module meets an interned str when its code object is made. This walks the AST
 * (iteratively) and pre-interns every {@code identifier} field's text.
 */
final class SourceIdentifiers {
    private SourceIdentifiers() {}

    static void addTo(InternTable table, Node mod, PyVersion v) {
        AstSchema schema = AstSchema.of(v);
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(mod);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            AstSchema.Shape shape = schema.shape(n.nodeName());
            if (shape != null) {
                for (AstSchema.Field f : shape.fields()) {
                    if (!f.type().equals("identifier")) continue;
                    Object value = n.field(f.name());
                    if (value instanceof String s) {
                        table.preIntern(s);
                    } else if (value instanceof List<?> list) {
                        for (Object o : list) if (o instanceof String s) table.preIntern(s);
                    }
                }
            }
            n.forEachChild(todo::push);
        }
    }
}
