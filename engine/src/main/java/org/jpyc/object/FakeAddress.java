package org.jpyc.object;

/**
 * Stand-ins for object addresses. CPython shows addresses in some reprs ({@code <code object f at
 * 0x7f...>}) and derives some hashes from them ({@code _Py_HashPointer}: None before 3.12,
 * Ellipsis, StopIteration, nan, code objects). Real addresses change from run to run (ASLR), so no
 * output that depends on them is reproducible even in CPython; jpyc picks one fixed, 16-byte aligned
 * fake address per kind of object so that its own output is deterministic.
 */
final class FakeAddress {
    /** Where the fake "heap" starts; looks like a typical 64-bit Linux mmap address. */
    static final long BASE = 0x7f0000000000L;

    private FakeAddress() {}

    static long of(PyObject o) {
        if (o instanceof PyConst c) {
            return BASE + 0x100 + 0x10L * c.kind().ordinal();
        }
        if (o instanceof PyCode) return BASE;
        if (o instanceof PyFloat) return BASE + 0x1000;
        if (o instanceof PyComplex) return BASE + 0x2000;
        return BASE + 0x3000;
    }
}
