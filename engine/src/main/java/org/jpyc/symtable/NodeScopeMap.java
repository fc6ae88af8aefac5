package org.jpyc.symtable;

import java.util.List;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.Located;
import org.jpyc.ast.Node;

/**
 * {@code st_blocks} for the scopes keyed by the node that opens them: node (by identity) to scope. An
 * {@link java.util.IdentityHashMap} would take each node's identity hash, which under C1 is a call into
 * the VM (and the first one for an object sets its header); the nodes' source positions hash as well, so
 * the index hashes those (an {@code arguments} by its first parameter's position; a node without positions,
 * such as a parameterless {@code arguments}, by identity). Keys are
 * still compared by identity; a later put for the same node replaces the scope, as in the C dict.
 */
final class NodeScopeMap {
    private Node[] keys = new Node[16];
    private Scope[] values = new Scope[16];
    private int size;

    private static int hash(Node n) {
        int h;
        Arg first;
        if (n instanceof Located l) {
            h = positionHash(l);
        } else if (n instanceof Arguments a && (first = firstParameter(a)) != null) {
            // 3.14+ keys every function's __annotate__ scope by its arguments node: hashed by its first
            // parameter's position (no other arguments node has that parameter)
            h = ~positionHash(first);
        } else {
            h = System.identityHashCode(n);
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int positionHash(Located l) {
        return ((l.lineno() * 31 + l.colOffset()) * 31 + l.rawEndLineno()) * 31 + l.rawEndColOffset();
    }

    /** The first of a signature's parameters, or null if it has none. */
    private static Arg firstParameter(Arguments a) {
        Arg first = first(a.posonlyargs());
        if (first == null) first = first(a.args());
        if (first == null) first = a.vararg();
        if (first == null) first = first(a.kwonlyargs());
        return first != null ? first : a.kwarg();
    }

    private static Arg first(List<Arg> args) {
        return args == null || args.isEmpty() ? null : args.get(0);
    }

    Scope get(Node n) {
        Node[] ks = keys;
        int mask = ks.length - 1;
        for (int i = hash(n) & mask; ; i = (i + 1) & mask) {
            Node k = ks[i];
            if (k == n) return values[i];
            if (k == null) return null;
        }
    }

    void put(Node n, Scope s) {
        if (2 * (size + 1) > keys.length) grow();
        insert(keys, values, n, s);
    }

    /** Puts into the given arrays; counts a new key. */
    private void insert(Node[] ks, Scope[] vs, Node n, Scope s) {
        int mask = ks.length - 1;
        int i = hash(n) & mask;
        while (ks[i] != null && ks[i] != n) i = (i + 1) & mask;
        if (ks[i] == null) size++;
        ks[i] = n;
        vs[i] = s;
    }

    private void grow() {
        Node[] oldKeys = keys;
        Scope[] oldValues = values;
        keys = new Node[oldKeys.length * 2];
        values = new Scope[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) insert(keys, values, oldKeys[i], oldValues[i]);
        }
    }
}
