package org.jpyc.astopt;

/**
 * A Python exception raised while evaluating an operation on constants (ZeroDivisionError,
 * OverflowError, TypeError, ValueError, IndexError, ...). {@code make_const} swallows every such
 * error, so the only consequence is that the node is left as it was; no message or stack is kept.
 */
final class NotFoldable extends RuntimeException {
    static final NotFoldable INSTANCE = new NotFoldable();

    private NotFoldable() {
        super(null, null, false, false);
    }
}
