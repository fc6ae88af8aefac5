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
 * nodes ({@code Load}, {@code Add}) and lists do not count. Walked through {@link Node#forEachChild}:
 * by recursion near the root, with an explicit stack below
 * {@value #RECURSION_DEPTH} (a parse that gets here runs on the caller's stack).
 */
final class AstDepth {
    /**
     * Deepest node (the module is 1) that 3.13.5's {@code ast.parse} converts when called from a
     * script's top level: measured with {@code x = a+a+...+a}, 9995 terms pass and 9996 fail.
     */
    static final int MAX_DEPTH_313 = 9997;

    /** Subtrees below this depth are walked with an explicit stack instead of by recursion. */
    private static final int RECURSION_DEPTH = 128;

    private Node[] nodes = new Node[64];
    private int[] depths = new int[64];
    private int size;
    /** The depth of the nodes {@link #child} receives. */
    private int childDepth;
    private final Node.ChildSink recurse = this::child;
    private final Node.ChildSink push = this::push;

    private AstDepth() {
    }

    private static PyCompileError tooDeep() {
        return new PyCompileError("RecursionError", "maximum recursion depth exceeded during ast construction",
                null, null, null, null, -1);
    }

    static void check(Node root, PyVersion version) {
        AstDepth a = new AstDepth();
        a.childDepth = 1;
        a.child(root);
    }

    /** A node at {@link #childDepth}: its children are visited by recursion while shallow. */
    private void child(Node n) {
        if (n instanceof Name || n instanceof Constant) {
            // No node children (they are most of the nodes).
            if (childDepth > MAX_DEPTH_313) throw tooDeep();
            return;
        }
        if (childDepth >= RECURSION_DEPTH) {
            walk(n);
            return;
        }
        childDepth++;
        n.forEachChild(recurse);
        childDepth--;
    }

    /** The subtree of {@code n} (at {@link #childDepth}), with an explicit stack. */
    private void walk(Node n) {
        int base = childDepth;
        push(n);
        while (size > 0) {
            size--;
            Node m = nodes[size];
            int d = depths[size];
            nodes[size] = null;
            if (d > MAX_DEPTH_313) throw tooDeep();
            childDepth = d + 1;
            m.forEachChild(push);
        }
        childDepth = base;
    }

    private void push(Node n) {
        if (n instanceof Name || n instanceof Constant) {
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
