package org.jpyc.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jpyc.ast.AstSchema;
import org.jpyc.ast.Node;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * The depth limit of CPython's AST-to-Python conversion ({@code ast2obj_*} in Python/Python-ast.c,
 * which {@code ast.parse} runs after parsing): nodes with fields nested deeper than the limit raise
 * {@code RecursionError('maximum recursion depth exceeded during ast construction')}. Field-less
 * nodes ({@code Load}, {@code Add}) and lists do not count. Walked with an explicit stack.
 */
final class AstDepth {
    /**
     * Deepest node (the module is 1) that 3.13.5's {@code ast.parse} converts when called from a
     * script's top level: measured with {@code x = a+a+...+a}, 9995 terms pass and 9996 fail.
     */
    static final int MAX_DEPTH_313 = 9997;

    private AstDepth() {
    }

    static void check(Node root, PyVersion version) {
        AstSchema schema = AstSchema.of(version);
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {root, 1});
        while (!work.isEmpty()) {
            Object[] e = work.pop();
            Node n = (Node) e[0];
            int d = (Integer) e[1];
            if (d > MAX_DEPTH_313) {
                throw new PyCompileError("RecursionError", "maximum recursion depth exceeded during ast construction",
                        null, null, null, null, -1);
            }
            AstSchema.Shape shape = schema.shape(n.nodeName());
            if (shape == null) continue;
            for (AstSchema.Field f : shape.fields()) {
                Object v = n.field(f.name());
                if (v instanceof Node c) {
                    work.push(new Object[] {c, d + 1});
                } else if (v instanceof List<?> l) {
                    for (Object x : l) if (x instanceof Node c) work.push(new Object[] {c, d + 1});
                }
            }
        }
    }
}
