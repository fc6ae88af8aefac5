package org.jpyc.flowgraph;

/**
 * The work stack of a graph traversal ({@code make_cfg_traversal_stack}'s array of block pointers, with
 * its {@code sp}): push, pop and an emptiness test on a plain array. Passes run it once per code unit on
 * every compile, so it is a final class rather than a {@code List}, whose calls the batch JVM's C1
 * compiler cannot bind statically.
 */
final class BlockStack {
    private BasicBlock[] items = new BasicBlock[8];
    private int size;

    void push(BasicBlock b) {
        if (size == items.length) grow(); // apart, so that push is small enough for C1 to inline
        items[size++] = b;
    }

    private void grow() {
        BasicBlock[] grown = new BasicBlock[size * 2]; // not Arrays.copyOf, reflective for a typed array
        System.arraycopy(items, 0, grown, 0, size);
        items = grown;
    }

    BasicBlock pop() {
        BasicBlock b = items[--size];
        items[size] = null;
        return b;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
