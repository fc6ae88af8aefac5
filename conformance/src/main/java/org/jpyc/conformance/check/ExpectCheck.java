package org.jpyc.conformance.check;

import org.jpyc.conformance.corpus.CaseHeader;
import org.jpyc.conformance.oracle.PyError;

/**
 * {@code expect}: the case's own header against CPython. On the versions the case is meant for,
 * CPython must raise the declared exception type ({@code # jpyc: expect ...}) or, without one,
 * compile the case. Keeps the corpus honest; needs no engine.
 */
final class ExpectCheck implements Check {
    @Override
    public String name() {
        return "expect";
    }

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CaseHeader h = ctx.kase().header();
        if (h.problem() != null) return CheckResult.failed("bad # jpyc: header: " + h.problem(), "");
        PyError err = ctx.answer().compileError();
        String outcome = err == null ? "CPython compiles it" : "CPython raises " + err;
        if (!h.versions().contains(ctx.version())) {
            return CheckResult.skipped("not meant for " + ctx.version() + " (versions " + h.versions() + "); " + outcome);
        }
        if (h.expect() == null) {
            return err == null ? CheckResult.passed("compiles, as declared")
                    : CheckResult.failed("declared valid on " + ctx.version() + " but " + outcome, "");
        }
        if (err == null) return CheckResult.failed("declared to raise " + h.expect() + " but CPython compiles it", "");
        if (!err.type().equals(h.expect())) {
            return CheckResult.failed("declared to raise " + h.expect() + " but " + outcome, "");
        }
        return CheckResult.passed("raises " + err.type() + ", as declared");
    }
}
