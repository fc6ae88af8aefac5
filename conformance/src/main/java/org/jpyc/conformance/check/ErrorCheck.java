package org.jpyc.conformance.check;

import java.util.Set;
import org.jpyc.parse.Parser;

/**
 * {@code error}: for a source CPython rejects, jpyc must raise the same exception: type, message and
 * positions ({@code lineno}, {@code offset}, {@code end_lineno}, {@code end_offset}), as
 * {@code ast.parse(source_bytes, filename=F)} raises it.
 */
final class ErrorCheck implements Check {
    @Override
    public String name() {
        return "error";
    }

    @Override
    public Needs needs() {
        return new Needs(Set.of(), true, false);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        if (!Parser.supports(ctx.version())) {
            return CheckResult.skipped("jpyc has no parser for CPython " + ctx.version() + " yet");
        }
        if (ctx.answer().astError() == null) {
            return CheckResult.skipped("CPython " + ctx.version() + " parses the source; the ast check compares the tree");
        }
        FrontendCall mine;
        try {
            mine = FrontendCall.run(ctx.kase().source(), ctx.version());
        } catch (EngineCall.Failure f) {
            return CheckResult.failed(f.summary, f.trace);
        }
        String expected = FrontendCall.line(ctx.answer().astError(), ctx.version());
        if (mine.error() == null) return CheckResult.failed("jpyc parses a source CPython rejects with " + expected, "");
        String actual = FrontendCall.line(mine.error(), ctx.version());
        if (expected.equals(actual)) return CheckResult.passed(expected);
        return CheckResult.failed("a different error", UnifiedDiff.diff("CPython " + ctx.version(), expected + "\n", "jpyc", actual + "\n"));
    }
}
