package org.jpyc.conformance.check;

import java.util.Set;
import org.jpyc.parse.Parser;

/**
 * {@code ast}: for a source CPython parses, jpyc's {@code AstDump.dump(Parser.parse(...))} must print
 * exactly {@code ast.dump(ast.parse(source_bytes, filename=F), include_attributes=True)}.
 */
final class AstCheck implements Check {
    @Override
    public String name() {
        return "ast";
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
        if (ctx.answer().astError() != null) {
            return CheckResult.skipped("CPython " + ctx.version() + " rejects the source (" + ctx.answer().astError() + "); the error check compares that");
        }
        FrontendCall mine;
        try {
            mine = FrontendCall.run(ctx.kase().source(), ctx.version());
        } catch (EngineCall.Failure f) {
            return CheckResult.failed(f.summary, f.trace);
        }
        if (mine.error() != null) {
            return CheckResult.failed("jpyc rejects a source CPython parses: " + FrontendCall.line(mine.error(), ctx.version()), "");
        }
        String diff = UnifiedDiff.diff("CPython " + ctx.version() + " ast.dump", ctx.answer().ast(), "jpyc AstDump.dump", mine.dump());
        return diff.isEmpty() ? CheckResult.passed("identical") : CheckResult.failed("ast.dump text differs", diff);
    }
}
