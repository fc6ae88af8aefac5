package org.jpyc.conformance.check;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.jpyc.conformance.oracle.PyError;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.pyc.PycFile;

/**
 * {@code roundtrip}: every pyc CPython wrote for the case (3 optimization levels x 3 invalidation
 * modes), read by {@link PycFile#read} and written again with {@link PycFile#toBytes}, must give
 * the same bytes.
 */
final class RoundtripCheck implements Check {
    @Override
    public String name() {
        return "roundtrip";
    }

    @Override
    public Needs needs() {
        return new Needs(Set.copyOf(PycVariant.all()), false, false);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        PyError err = ctx.answer().compileError();
        if (err != null) {
            return CheckResult.skipped("CPython " + ctx.version() + " rejects the source (" + err + "); no pyc to round-trip");
        }
        Map<PycVariant, byte[]> pycs = ctx.answer().pycs();
        if (pycs.isEmpty()) return CheckResult.skipped("CPython wrote no pyc: " + ctx.answer().variantErrors());
        for (PycVariant v : needs().orderedVariants()) {
            byte[] expected = pycs.get(v);
            if (expected == null) continue;
            byte[] actual;
            try {
                actual = EngineCall.call("PycFile.read/toBytes", () -> PycFile.read(expected).toBytes());
            } catch (EngineCall.Failure f) {
                return CheckResult.failed("variant " + v + ": " + f.summary, f.trace);
            }
            if (!Arrays.equals(expected, actual)) {
                int at = PycMismatch.firstDifference(expected, actual);
                return CheckResult.failed("variant " + v + ": bytes differ at offset " + at,
                        PycMismatch.explain(expected, actual, ctx.version(), ctx.oracle()));
            }
        }
        return CheckResult.passed(pycs.size() + " pyc variants identical");
    }
}
