package org.jpyc.ast;

/** A node with fields (generated from an ASDL constructor or product type). */
public abstract class Node implements AstNode {
    Node() {
    }

    /**
     * The value of the field with this ASDL name: a {@link String} (identifier, string), an
     * {@link Integer}, a {@link org.jpyc.object.PyObject} (constant), an {@link AstNode}, a
     * {@link java.util.List} of those, or null for an absent optional field.
     *
     * @throws IllegalArgumentException if no version's ASDL gives this node such a field
     */
    public abstract Object field(String name);

    /** Receives child nodes, see {@link #forEachChild}. */
    @FunctionalInterface
    public interface ChildSink {
        void child(Node child);
    }

    /**
     * Passes each direct child that is a node with fields to {@code sink}, in field order: the values of
     * node-typed fields and the non-null items of node-list fields (enum-like nodes such as {@code Load}
     * or {@code Add} are not passed). A walk without field names, for passes that visit every node.
     */
    public abstract void forEachChild(ChildSink sink);

    @Override
    public String toString() {
        return nodeName();
    }
}
