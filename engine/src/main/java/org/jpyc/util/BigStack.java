package org.jpyc.util;

import java.util.function.Supplier;

/**
 * Runs work on a thread of its own whose stack is large enough for CPython's recursion limits, and
 * waits for it. jpyc's stages follow CPython's recursive structure (the AST optimizer, the symbol
 * table, codegen, the object model's hash and repr); each runs in place while nesting is shallow and
 * moves here when it is not, so that deep input ends in CPython's own error, never a
 * {@link StackOverflowError}. Exceptions and errors are rethrown to the caller; everything the work
 * did is visible to the caller afterwards (thread start and join order it).
 */
public final class BigStack {
    private BigStack() {}

    /** Stack size for walks bounded by CPython's C recursion limit (10000 levels of a few frames each). */
    public static final long DEFAULT_BYTES = 1L << 30;

    /** Runs {@code work} on a thread named {@code name} with {@link #DEFAULT_BYTES} of stack. */
    public static <T> T run(String name, Supplier<T> work) {
        return run(name, DEFAULT_BYTES, work);
    }

    /** Runs {@code work} on a thread named {@code name} with {@code stackBytes} of stack (reserved, not committed). */
    public static <T> T run(String name, long stackBytes, Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name, stackBytes);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error er) throw er;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
