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
 * {@code dis.dis(marshal.loads(pyc[16:]))} printed. The only normalisation is object addresses
 * ({@code at 0x7f...}), which differ between any two processes.
 */
final class DisCheck implements Check {
    private static final Pattern ADDRESS = Pattern.compile("at 0x[0-9a-f]+");

    @Override
    public String name() {
        return "dis";
    }

    @Override
    public Needs needs() {
        return new Needs(Set.of(PycVariant.DEFAULT), false, true);
    }

    static String normalise(String text) {
        return ADDRESS.matcher(text).replaceAll("at 0x?");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        if (ctx.answer().compileError() != null) {
            return CheckResult.skipped("CPython " + ctx.version() + " rejects the source (" + ctx.answer().compileError() + "); nothing to disassemble");
        }
        String expected = ctx.answer().dis();
        if (expected == null) return CheckResult.skipped("CPython could not disassemble it: " + ctx.answer().disError());
        byte[] pyc = ctx.answer().pycs().get(PycVariant.DEFAULT);
        String actual;
        try {
            actual = EngineCall.call("PycFile.read + Dis.dis", () -> {
                PyObject code = PycFile.read(pyc).code();
                if (!(code instanceof PyCode c)) throw new IllegalStateException("top-level object is " + code.typeName() + ", not code");
                return Dis.dis(c, ctx.version());
            });
        } catch (EngineCall.Failure f) {
            return CheckResult.failed(f.summary, f.trace);
        }
        String diff = UnifiedDiff.diff("CPython " + ctx.version() + " dis", normalise(expected), "jpyc Dis.dis", normalise(actual));
        if (diff.isEmpty()) return CheckResult.passed("identical");
        return CheckResult.failed("dis text differs", diff);
    }
}
