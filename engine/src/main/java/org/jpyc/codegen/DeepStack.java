package org.jpyc.codegen;

import java.util.function.Supplier;

/**
 * Runs code generation on a thread with a large stack. CPython's code generator has no depth limit of
 * its own (the symbol table's recursion limit bounds nesting); jpyc's recursion follows CPython's, so
 * an AST the symbol table accepted is compiled again here when the caller's stack runs out.
 */
final class DeepStack {
    private DeepStack() {}

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
        }, "jpyc-codegen", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating code", e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error er) throw er;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        @SuppressWarnings("unchecked") T r = (T) result[0];
        return r;
    }
}
