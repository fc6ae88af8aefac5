package org.jpyc.astopt;

import java.util.function.Supplier;

/**
 * Runs work on a thread with a stack large enough for CPython's recursion limit of Java frames, and
 * waits for it: the deep part of a tree walk that follows C's recursion. Exceptions are rethrown to
 * the caller; the caller sees every change the work made (thread start and join order them).
 */
final class BigStack {
    private BigStack() {}

    /** Enough for {@link AstFold#C_RECURSION_LIMIT} levels of the walk, with room to spare. */
    private static final long STACK_BYTES = 256L << 20;

    static <T> T run(Supplier<T> work) {
        Object[] out = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = work.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "jpyc-astopt", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while optimizing a deep tree", e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        @SuppressWarnings("unchecked")
        T r = (T) out[0];
        return r;
    }
}
