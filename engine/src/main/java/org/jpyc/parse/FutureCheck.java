package org.jpyc.parse;

import java.util.List;
import java.util.Set;
import org.jpyc.ast.Alias;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Expr;
import org.jpyc.ast.ImportFrom;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Module;
import org.jpyc.ast.StmtNode;
import org.jpyc.object.PyStr;
import org.jpyc.source.PyCompileError;

/**
 * The {@code __future__} feature names of a module's leading future imports, checked as CPython's
 * {@code Python/future.c} does. From 3.14 {@code ast.parse} runs this (the AST preprocessing step that
 * needs the future flags), so an unknown feature is an error of {@code ast.parse} itself; before, only
 * the compiler raised it. Only the leading run of statements is read: an optional docstring, then
 * {@code from __future__ import ...} statements (misplaced ones are the compiler's error, not this one).
 */
final class FutureCheck {
    /** Features every supported version accepts (all are mandatory or no-ops by now). */
    private static final Set<String> KNOWN = Set.of("nested_scopes", "generators", "division", "absolute_import",
            "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
            "annotations");

    private FutureCheck() {
    }

    static void check(ModNode mod) {
        if (!(mod instanceof Module m)) return;
        List<StmtNode> body = m.body();
        int i = 0;
        if (!body.isEmpty() && body.get(0) instanceof Expr e && e.value() instanceof Constant c
                && c.value() instanceof PyStr) {
            i++;
        }
        for (; i < body.size(); i++) {
            if (!(body.get(i) instanceof ImportFrom f) || f.level() == null || f.level() != 0
                    || !"__future__".equals(f.module())) {
                return;
            }
            for (Alias a : f.names()) {
                if (KNOWN.contains(a.name())) continue;
                String msg = a.name().equals("braces") ? "not a chance"
                        : "future feature " + a.name() + " is not defined";
                // The compiler's location: byte columns + 1 (identical to characters for ASCII names).
                throw new PyCompileError("SyntaxError", msg, a.lineno(), a.colOffset() + 1, a.endLineno(),
                        a.endColOffset() == null ? null : a.endColOffset() + 1, -1);
            }
        }
    }
}
