package org.jpyc.symtable;

import java.util.function.Supplier;

/** Runs a deep recursive pass on a thread whose stack outlasts CPython's recursion limits. */
final class BigStack {
    private BigStack() {}

    static final long STACK_BYTES = 1L << 30;

    static <T> T run(Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "jpyc-symtable", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the symbol table", e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error er) throw er;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        @SuppressWarnings("unchecked") T r = (T) result[0];
        return r;
    }
}
