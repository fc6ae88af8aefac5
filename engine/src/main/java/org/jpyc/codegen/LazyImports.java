package org.jpyc.codegen;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.version.Feature;

/**
 * PEP 810 explicit lazy imports (Python/codegen.c 3.15, {@code codegen_import} and {@code codegen_from_import}):
 * IMPORT_NAME's oparg carries the name index shifted left by two and two flags, observed on 3.15.2: bit 0 for a
 * {@code lazy} import, bit 1 for one that must stay eager whatever the lazy-imports mode (any scope but the module's,
 * inside a try body, a handler or the exceptional copy of a finally body, or a {@code from ... import *}).
 */
final class LazyImports {
    private LazyImports() {}

    static final int LAZY = 1;
    static final int EAGER = 2;

    /** Whether IMPORT_NAME carries the flags ({@link Feature#LAZY_IMPORT_FLAGS}). */
    static boolean on(Codegen c) {
        return c.version.has(Feature.LAZY_IMPORT_FLAGS);
    }

    /** IMPORT_NAME of {@code module} for an import statement whose {@code is_lazy} is {@code isLazy}. */
    static void importName(Codegen c, String module, Integer isLazy, boolean star, Location loc) {
        if (!on(c)) {
            c.addOpName(Op.IMPORT_NAME, module, loc);
            return;
        }
        int index = c.unit().metadata.names.add(c.mangle(module));
        int flags;
        if (isLazy != null && isLazy != 0) flags = LAZY;
        else flags = star || mustBeEager(c) ? EAGER : 0;
        c.addOpI(Op.IMPORT_NAME, (index << 2) | flags, loc);
    }

    /** Outside the module scope, or inside a frame block that handles exceptions. */
    private static boolean mustBeEager(Codegen c) {
        if (c.unit().scopeType != ScopeType.MODULE) return true;
        for (FBlock b : c.unit().fblocks) {
            switch (b.type()) {
                case TRY_EXCEPT, FINALLY_TRY, FINALLY_END, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, HANDLER_CLEANUP -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }
}
