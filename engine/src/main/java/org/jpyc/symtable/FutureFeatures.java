package org.jpyc.symtable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpyc.ast.Alias;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Expr;
import org.jpyc.ast.ImportFrom;
import org.jpyc.ast.Interactive;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Module;
import org.jpyc.ast.StmtNode;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.Location;
import org.jpyc.object.PyStr;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/** {@code _PyFutureFeatures}: the {@code CO_FUTURE_*} flags set by {@code from __future__ import}s, and where the last one is. */
public final class FutureFeatures {
    public int features;
    public Location location = Location.NO_LOCATION;

    /**
     * {@code _PyFuture_FromAST} (Python/future.c): the features of the leading {@code from __future__ import}
     * statements of a module (after an optional docstring). Raises CPython's SyntaxError for an unknown
     * feature or for {@code braces}. Misplaced future imports are the code generator's error, not this one's.
     * The version has no default: up to 3.12 the errors point at the whole {@code from __future__} statement's
     * start ({@code PyErr_SyntaxLocationObject}: no end column), from 3.13 at the offending name's range. (3.14 also raises "from __future__ imports must occur at the beginning
     * of the file" while building the symbol table; not modelled yet.)
     */
    public static FutureFeatures fromAst(ModNode mod, String filename, PyVersion version) throws PyCompileError {
        FutureFeatures ff = new FutureFeatures();
        ff.errorsAtName = version.has(org.jpyc.version.Feature.FUTURE_ERROR_AT_ALIAS);
        List<StmtNode> body;
        if (mod instanceof Module m) {
            body = m.body();
        } else if (mod instanceof Interactive i) {
            body = i.body();
        } else {
            return ff;
        }
        if (body == null || body.isEmpty()) return ff;
        int i = isDocString(body.get(0)) ? 1 : 0;
        boolean sameLineScan = version.has(org.jpyc.version.Feature.FUTURE_SAME_LINE_SCAN);
        for (; i < body.size(); i++) {
            // 3.12 takes "from .__future__ import" too
            if (!(body.get(i) instanceof ImportFrom s) || (s.level() != null && s.level() != 0
                    && version.has(org.jpyc.version.Feature.FUTURE_IMPORT_LEVEL_CHECKED))
                    || !"__future__".equals(s.module())) {
                if (sameLineScan) lateFutureOnSameLine(body, i);
                break;
            }
            ff.checkFeatures(s);
            ff.location = Location.of(s);
        }
        return ff;
    }

    /**
     * {@code future_parse} up to 3.11 ({@link org.jpyc.version.Feature#FUTURE_SAME_LINE_SCAN}): after the first statement
     * that is not a future import ({@code body[first]}), the statements on its line are still read, and a future import
     * among them is "from __future__ imports must occur at the beginning of the file", at the statement's start
     * (its 0-based column given as the offset, as future.c does there).
     */
    private static void lateFutureOnSameLine(List<StmtNode> body, int first) throws PyCompileError {
        int line = body.get(first).lineno();
        for (int k = first + 1; k < body.size() && body.get(k).lineno() <= line; k++) {
            if (body.get(k) instanceof ImportFrom s && "__future__".equals(s.module())) {
                // PyErr_SyntaxLocationObject(filename, s->lineno, s->col_offset): the column as the offset, no +1
                throw new PyCompileError("SyntaxError", "from __future__ imports must occur at the beginning of the file",
                        s.lineno(), s.colOffset(), s.lineno(), null, -1);
            }
        }
    }

    /** {@code _PyAST_GetDocString} != NULL: the first statement is an expression that is a str constant. */
    private static boolean isDocString(StmtNode s) {
        return s instanceof Expr e && e.value() instanceof Constant c && c.value() instanceof PyStr;
    }

    /** {@code future_check_features}. */
    private void checkFeatures(ImportFrom s) {
        for (Alias a : s.names()) {
            String f = a.name();
            switch (f) {
                case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                     "print_function", "unicode_literals", "generator_stop" -> { }
                case "barry_as_FLUFL" -> features |= CodeFlags.CO_FUTURE_BARRY_AS_BDFL;
                case "annotations" -> features |= CodeFlags.CO_FUTURE_ANNOTATIONS;
                case "braces" -> throw error("not a chance", s, a);
                default -> throw error("future feature " + truncateUtf8(f, 100) + " is not defined", s, a);
            }
        }
    }

    /** Whether errors point at the alias (3.13+) or at the statement's start (up to 3.12). */
    private boolean errorsAtName = true;

    private PyCompileError error(String message, ImportFrom s, Alias a) {
        if (errorsAtName) return SymtableErrors.syntaxError(message, a);
        return new PyCompileError("SyntaxError", message, s.lineno(), s.colOffset() + 1, s.lineno(), null, -1);
    }

    /** {@code %.100s} of a UTF-8 string: at most that many bytes, a cut character decoded as U+FFFD. */
    static String truncateUtf8(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) return s;
        return new String(b, 0, maxBytes, StandardCharsets.UTF_8);
    }
}
