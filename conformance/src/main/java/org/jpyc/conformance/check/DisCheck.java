package org.jpyc.conformance.check;

import java.util.Set;
import java.util.regex.Pattern;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.dis.Dis;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.pyc.PycFile;

/**
 * {@code dis}: jpyc's {@link Dis#dis} of CPython's optimize-0 pyc must print exactly what CPython's
 * {@code dis.dis(marshal.loads(pyc[16:]))} printed, for the optimize-0 pyc and (when the oracle wrote
 * one) the optimize-2 pyc. The only normalisation is object addresses
 * ({@code at 0x7f...}), which differ between any two processes.
 */
final class DisCheck implements Check {
    /** The -OO pyc: docstrings and asserts gone, so its code differs from the default one. */
    static final PycVariant OPTIMIZE_2 = new PycVariant(2, PycVariant.Invalidation.TIMESTAMP);

    private static final Pattern ADDRESS = Pattern.compile("at 0x[0-9a-f]+");

    @Override
    public String name() {
        return "dis";
    }

    @Override
    public Needs needs() {
        return new Needs(Set.of(PycVariant.DEFAULT, OPTIMIZE_2), false, true);
    }

    static String normalise(String text) {
        return ADDRESS.matcher(text).replaceAll("at 0x?");
    }

    /**
     * The repr of the first frozenset constant (anywhere in the code tree) with two or more items of
     * which one is hashed by address in this version, or null if there is none.
     */
    static String addressOrderedSet(PyObject root, CheckContext ctx) {
        java.util.ArrayDeque<PyObject> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            PyObject o = todo.pop();
            if (o instanceof PyCode c && c.consts instanceof org.jpyc.object.PyTuple t) {
                t.items().forEach(todo::push);
            } else if (o instanceof org.jpyc.object.PyTuple t) {
                t.items().forEach(todo::push);
            } else if (o instanceof org.jpyc.object.PySet s && s.items().size() > 1
                    && s.items().stream().anyMatch(i -> org.jpyc.object.PyHash.dependsOnAddress(i, ctx.version()))) {
                return "a frozenset holding " + s.items().size() + " items, one hashed by address";
            }
        }
        return null;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        if (ctx.answer().compileError() != null) {
            return CheckResult.skipped("CPython " + ctx.version() + " rejects the source (" + ctx.answer().compileError() + "); nothing to disassemble");
        }
        if (ctx.answer().dis() == null) return CheckResult.skipped("CPython could not disassemble it: " + ctx.answer().disError());
        CheckResult o0 = compare(ctx, PycVariant.DEFAULT, ctx.answer().dis());
        if (o0.status() != Status.PASSED || ctx.answer().disOpt2() == null) return o0;
        CheckResult o2 = compare(ctx, OPTIMIZE_2, ctx.answer().disOpt2());
        return o2.status() == Status.PASSED ? CheckResult.passed("identical at optimize 0 and 2") : o2;
    }

    /** jpyc's disassembly of CPython's pyc for {@code variant} against CPython's own {@code expected}. */
    private static CheckResult compare(CheckContext ctx, PycVariant variant, String expected) {
        byte[] pyc = ctx.answer().pycs().get(variant);
        String actual;
        try {
            actual = EngineCall.call("PycFile.read + Dis.dis", () -> {
                PyObject code = PycFile.read(pyc).code();
                if (!(code instanceof PyCode c)) throw new IllegalStateException("top-level object is " + code.typeName() + ", not code");
                return Dis.dis(c, ctx.version());
            });
        } catch (EngineCall.Failure f) {
            return CheckResult.failed("optimize " + variant.optimize() + ": " + f.summary, f.trace);
        }
        String diff = UnifiedDiff.diff("CPython " + ctx.version() + " dis (optimize " + variant.optimize() + ")", normalise(expected),
                "jpyc Dis.dis", normalise(actual));
        if (diff.isEmpty()) return CheckResult.passed("identical");
        String unknowable = addressOrderedSet(PycFile.read(pyc).code(), ctx);
        if (unknowable != null) {
            return CheckResult.skipped("CPython " + ctx.version() + " prints " + unknowable + " in an order that depends on object"
                    + " addresses in that interpreter process (hash by address), so no tool can predict it; the rest of the text"
                    + " is compared by the other cases. Diff:\n" + diff);
        }
        return CheckResult.failed("optimize " + variant.optimize() + ": dis text differs", diff);
    }
}
