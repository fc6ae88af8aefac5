package org.jpyc.conformance.check;

import java.util.Set;
import org.jpyc.ast.ModNode;
import org.jpyc.conformance.oracle.PyError;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.symtable.FutureFeatures;
import org.jpyc.symtable.SymbolTable;
import org.jpyc.symtable.SymtableDump;
import org.jpyc.version.PyVersion;

/**
 * {@code symtable}: jpyc's symbol table, dumped by {@link SymtableDump#dump}, must print the text the
 * driver prints from {@code _symtable.symtable(source, dfile, "exec")} (per block: type number, name,
 * line, nested flag, varnames, each symbol with its raw flags, then the children indented); a source
 * CPython rejects there must raise the same exception. 3.13 only for now.
 */
final class SymtableCheck implements Check {
    static final Set<PyVersion> TARGETS = CompilerVersions.MEASURED;

    @Override
    public String name() {
        return "symtable";
    }

    @Override
    public Needs needs() {
        return new Needs(Set.of(), false, false, true);
    }

    /** jpyc's dump or error. */
    record Mine(String dump, PyCompileError error) {}

    @Override
    public CheckResult run(CheckContext ctx) {
        PyVersion v = ctx.version();
        if (!TARGETS.contains(v)) return CheckResult.skipped("jpyc's symbol table does not target CPython " + v + " yet");
        String expected = ctx.answer().symtable();
        PyError expectedError = ctx.answer().symtableError();
        if (expected == null && expectedError == null) return CheckResult.skipped("the oracle gave no symbol table");
        String dfile = ctx.kase().dfile();
        Mine mine;
        try {
            mine = EngineCall.call("SymbolTable.build + SymtableDump.dump", () -> {
                try {
                    ModNode mod = Parser.parse(ctx.kase().source(), v);
                    FutureFeatures ff = FutureFeatures.fromAst(mod, dfile, v);
                    return new Mine(SymtableDump.dump(SymbolTable.build(mod, dfile, ff, v)), null);
                } catch (PyCompileError e) {
                    return new Mine(null, e);
                }
            });
        } catch (EngineCall.Failure f) {
            if (f.getCause() instanceof UnsupportedOperationException) {
                return CheckResult.skipped("jpyc's symbol table is not available yet (" + f.summary + ")");
            }
            return CheckResult.failed(f.summary, f.trace);
        }
        if (expectedError != null) {
            String want = FrontendCall.line(expectedError, v);
            if (mine.error() == null) return CheckResult.failed("jpyc builds a symbol table where CPython raises " + want, "");
            String got = line(mine.error(), v);
            if (want.equals(got)) return CheckResult.passed(want);
            return CheckResult.failed("a different error", UnifiedDiff.diff("CPython " + v, want + "\n", "jpyc", got + "\n"));
        }
        if (mine.error() != null) {
            return CheckResult.failed("jpyc raises " + line(mine.error(), v) + " where CPython builds a symbol table", "");
        }
        String diff = UnifiedDiff.diff("CPython " + v + " _symtable.symtable", expected, "jpyc SymtableDump.dump", mine.dump());
        return diff.isEmpty() ? CheckResult.passed("identical") : CheckResult.failed("symbol table dump differs", diff);
    }

    private static String line(PyCompileError e, PyVersion v) {
        return FrontendCall.line(new PyError(e.pythonType(), e.pythonMessage(), e.lineno(), e.offset(), e.endLineno(), e.endOffset()), v);
    }
}
