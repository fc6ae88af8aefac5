package org.jpyc.parse;

import java.util.Arrays;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Name;
import org.jpyc.ast.Node;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * The depth limit of CPython's AST-to-Python conversion ({@code ast2obj_*} in Python/Python-ast.c,
 * which {@code ast.parse} runs after parsing): nodes with fields nested deeper than the limit raise
 * {@code RecursionError('maximum recursion depth exceeded during ast construction')}. Field-less
 * nodes ({@code Load}, {@code Add}) and lists do not count. Walked with an explicit stack, through
 * {@link Node#forEachChild}.
 */
final class AstDepth {
    /**
     * Deepest node (the module is 1) that 3.13.5's {@code ast.parse} converts when called from a
     * script's top level: measured with {@code x = a+a+...+a}, 9995 terms pass and 9996 fail.
     */
    static final int MAX_DEPTH_313 = 9997;

    private Node[] nodes = new Node[64];
    private int[] depths = new int[64];
    private int size;
    private int childDepth;
    private final Node.ChildSink push = this::push;

    private AstDepth() {
    }

    private static PyCompileError tooDeep() {
        return new PyCompileError("RecursionError", "maximum recursion depth exceeded during ast construction",
                null, null, null, null, -1);
    }

    static void check(Node root, PyVersion version) {
        new AstDepth().walk(root);
    }

    private void walk(Node root) {
        childDepth = 1;
        push(root);
        while (size > 0) {
            size--;
            Node n = nodes[size];
            int d = depths[size];
            nodes[size] = null;
            if (d > MAX_DEPTH_313) throw tooDeep();
            childDepth = d + 1;
            n.forEachChild(push);
        }
    }

    private void push(Node n) {
        if (n instanceof Name || n instanceof Constant) {
            // No node children: checked here rather than pushed (they are most of the nodes).
            if (childDepth > MAX_DEPTH_313) throw tooDeep();
            return;
        }
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            depths = Arrays.copyOf(depths, size * 2);
        }
        nodes[size] = n;
        depths[size++] = childDepth;
    }
}
