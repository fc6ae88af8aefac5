package org.jpyc.codegen;

/**
 * Keeps deep expressions off the caller's stack. CPython's own limits (the parser's and the symbol
 * table's recursion limits) let through expressions some thousands of levels deep, e.g. a long
 * {@code a + b + c + ...} chain or {@code x.a.b.c...}; code generation recurses once per level. Past
 * {@link #HOP_DEPTH} nested expressions the rest of the walk continues on a thread with a large stack,
 * so that such sources compile rather than overflow.
 */
final class DeepExpr {
    private DeepExpr() {}

    /** Nesting of expression visits after which the walk moves to a large stack. */
    static final int HOP_DEPTH = 100;
    /** The large stack: reserved address space, touched only as deep as the walk goes. */
    private static final long STACK_BYTES = 1L << 30;


    /** A thread running a deep walk; no further hop is needed on it. */
    private static final class DeepThread extends Thread {
        DeepThread(Runnable r) {
            super(null, r, "jpyc-codegen-deep", STACK_BYTES);
        }
    }

    /**
     * The expression visit depth counter of {@code c}'s walk (one per compilation, which runs on one
     * thread at a time: its caller's, or a large-stack thread it hopped to).
     */
    static int[] depth(Codegen c) {
        return c.exprVisitDepth;
    }

    /** Whether a visit at {@code depth} must move to a large stack. */
    static boolean mustHop(int depth) {
        return depth >= HOP_DEPTH && !(Thread.currentThread() instanceof DeepThread);
    }

    /** Runs {@code work} on a large-stack thread and waits for it; its exceptions are rethrown here. */
    static void run(Runnable work) {
        Throwable[] failure = new Throwable[1];
        Thread t = new DeepThread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling a deep expression", e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error er) throw er;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
    }
}
