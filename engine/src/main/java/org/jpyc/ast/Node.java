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

    @Override
    public String toString() {
        return nodeName();
    }
}
