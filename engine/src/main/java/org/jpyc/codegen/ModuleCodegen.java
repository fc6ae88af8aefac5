package org.jpyc.codegen;

import java.util.Arrays;
import java.util.List;
import org.jpyc.ast.AnnAssign;
import org.jpyc.ast.AsyncFor;
import org.jpyc.ast.AsyncWith;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExceptHandler;
import org.jpyc.ast.ExcepthandlerNode;
import org.jpyc.ast.Expr;
import org.jpyc.ast.Expression;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.For;
import org.jpyc.ast.If;
import org.jpyc.ast.Interactive;
import org.jpyc.ast.Match;
import org.jpyc.ast.MatchCase;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Module;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Try;
import org.jpyc.ast.TryStar;
import org.jpyc.ast.While;
import org.jpyc.ast.With;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyStr;

/** Module and class bodies: {@code compiler_codegen}, {@code compiler_body}, {@code find_ann}, docstrings ({@code _PyAST_GetDocString}, {@code _PyCompile_CleanDoc}). */
public final class ModuleCodegen {
    private ModuleCodegen() {}

    /** {@code compiler_codegen}. */
    static void codegen(Codegen c, ModNode mod) {
        Location loc = new Location(1, 1, 0, 0);
        if (mod instanceof Module m) {
            if (AnnotateFunctions.on(c)) {
                AnnotateFunctions.moduleStart(c, m.body().isEmpty() ? loc : Location.of(m.body().get(0)));
            }
            body(c, loc, m.body());
        } else if (mod instanceof Interactive m) {
            if (findAnn(m.body())) c.addOp(Op.SETUP_ANNOTATIONS, loc);
            throw new UnsupportedOperationException("interactive mode is not supported");
        } else if (mod instanceof Expression m) {
            c.visitExpr(m.body());
        } else {
            throw new IllegalStateException("module kind " + mod.nodeName() + " should not be possible");
        }
    }

    /** {@code compiler_body}: SETUP_ANNOTATIONS if needed, the docstring into {@code __doc__}, the statements. */
    public static void body(Codegen c, Location loc, List<StmtNode> stmts) {
        if (c.unit().scopeType == ScopeType.MODULE && !stmts.isEmpty()) {
            loc = Location.of(stmts.get(0));
        }
        if (AnnotateFunctions.on(c)) {
            AnnotateFunctions.bodyStart(c, loc);
        } else if (findAnn(stmts)) {
            c.addOp(Op.SETUP_ANNOTATIONS, loc);
        }
        if (stmts.isEmpty()) return;
        int first = 0;
        PyStr doc = docString(stmts);
        // 3.12 (compiler_body): under -OO the docstring is an ordinary expression statement
        if (doc != null && c.optimize >= 2 && !c.version.has(org.jpyc.version.Feature.OO_DOCSTRING_SKIPPED)) doc = null;
        if (doc != null) {
            first = 1;
            if (c.optimize < 2) {
                Expr st = (Expr) stmts.get(0);
                c.loadConst(docConst(c, doc), Location.of(st.value()));
                c.nameOp(Location.NO_LOCATION, "__doc__", ExprContextNode.Store);
            }
        }
        for (int i = first; i < stmts.size(); i++) c.visitStmt(stmts.get(i));
        if (AnnotateFunctions.on(c)) AnnotateFunctions.bodyEnd(c, loc);
    }

    /** {@code _PyAST_GetDocString}: the str constant of a leading expression statement, or null. */
    public static PyStr docString(List<StmtNode> body) {
        if (body == null || body.isEmpty()) return null;
        if (body.get(0) instanceof Expr e && e.value() instanceof Constant k && k.value() instanceof PyStr s) return s;
        return null;
    }

    /** {@code find_ann}: whether a block holds an annotated assignment, not looking into nested scopes. */
    public static boolean findAnn(List<StmtNode> stmts) {
        if (stmts == null) return false;
        for (int i = 0, n = stmts.size(); i < n; i++) {
            StmtNode st = stmts.get(i);
            boolean res;
            if (st instanceof AnnAssign) {
                return true;
            } else if (st instanceof For s) {
                res = findAnn(s.body()) || findAnn(s.orelse());
            } else if (st instanceof AsyncFor s) {
                res = findAnn(s.body()) || findAnn(s.orelse());
            } else if (st instanceof While s) {
                res = findAnn(s.body()) || findAnn(s.orelse());
            } else if (st instanceof If s) {
                res = findAnn(s.body()) || findAnn(s.orelse());
            } else if (st instanceof With s) {
                res = findAnn(s.body());
            } else if (st instanceof AsyncWith s) {
                res = findAnn(s.body());
            } else if (st instanceof Try s) {
                if (handlersHaveAnn(s.handlers())) return true;
                res = findAnn(s.body()) || findAnn(s.finalbody()) || findAnn(s.orelse());
            } else if (st instanceof TryStar s) {
                if (handlersHaveAnn(s.handlers())) return true;
                res = findAnn(s.body()) || findAnn(s.finalbody()) || findAnn(s.orelse());
            } else if (st instanceof Match s) {
                for (MatchCase mc : s.cases()) if (findAnn(mc.body())) return true;
                res = false;
            } else {
                res = false;
            }
            if (res) return true;
        }
        return false;
    }

    private static boolean handlersHaveAnn(List<ExcepthandlerNode> handlers) {
        for (ExcepthandlerNode h : handlers) if (findAnn(((ExceptHandler) h).body())) return true;
        return false;
    }

    /**
     * {@code _PyCompile_CleanDoc}: {@code inspect.cleandoc} without dropping leading and trailing blank
     * lines: tabs expanded, the first line's leading spaces and the common margin of the others removed.
     * {@code doc} itself when that changes nothing. An ASCII str (most docstrings) is read from its one-byte
     * payload and made again from bytes, without decoding to code points and re-encoding them.
     */
    /** The docstring's constant: cleaned ({@code _PyCompile_CleanDoc}, 3.13+) or as written (3.12). */
    static PyStr docConst(Codegen c, PyStr doc) {
        return c.version.has(org.jpyc.version.Feature.DOCSTRING_CLEANED) ? cleanDoc(doc) : doc;
    }

    public static PyStr cleanDoc(PyStr doc) {
        boolean ascii = doc.form().oneByte && doc.isAscii();
        int[] cps = ascii ? widen(doc.raw()) : doc.codePoints();
        int[] out = removeMargins(expandTabs(cps));
        if (out == cps) return doc;
        return ascii ? asciiStr(out) : PyStr.ofCodePoints(out, false);
    }

    /** The first line's leading spaces and the other lines' common margin removed from {@code s}; {@code s} itself when there are none. */
    private static int[] removeMargins(int[] s) {
        int n = s.length;
        int p = 0;
        while (p < n && s[p++] != '\n') { }
        int margin = Integer.MAX_VALUE;
        while (p < n) {
            int start = p;
            while (p < n && s[p] == ' ') p++;
            if (p < n && s[p] != '\n') margin = Math.min(margin, p - start);
            while (p < n && s[p++] != '\n') { }
        }
        if (margin == Integer.MAX_VALUE) margin = 0;
        p = 0;
        while (p < n && s[p] == ' ') p++;
        if (p == 0 && margin == 0) return s;
        int[] out = new int[n];
        int w = 0;
        while (p < n) {
            int ch = out[w++] = s[p++];
            if (ch == '\n') break;
        }
        while (p < n) {
            for (int i = 0; i < margin; i++, p++) {
                if (p >= n || s[p] != ' ') break;
            }
            while (p < n) {
                int ch = out[w++] = s[p++];
                if (ch == '\n') break;
            }
        }
        return Arrays.copyOf(out, w);
    }

    private static int[] widen(byte[] ascii) {
        int[] out = new int[ascii.length];
        for (int i = 0; i < ascii.length; i++) out[i] = ascii[i];
        return out;
    }

    /** A new (not interned) str of ASCII code points, in the form {@link PyStr#ofCodePoints} gives it. */
    private static PyStr asciiStr(int[] cps) {
        byte[] b = new byte[cps.length];
        for (int i = 0; i < cps.length; i++) b[i] = (byte) cps[i];
        return new PyStr(b, b.length < 256 ? PyStr.Form.SHORT_ASCII : PyStr.Form.ASCII);
    }

    /** {@code str.expandtabs()} with the default tab size 8. */
    static int[] expandTabs(int[] s) {
        boolean any = false;
        for (int ch : s) if (ch == '\t') { any = true; break; }
        if (!any) return s;
        int[] out = new int[s.length * 8];
        int w = 0, col = 0;
        for (int ch : s) {
            if (ch == '\t') {
                int incr = 8 - (col % 8);
                col += incr;
                if (w + incr > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, w + incr));
                for (int k = 0; k < incr; k++) out[w++] = ' ';
            } else {
                if (w + 1 > out.length) out = Arrays.copyOf(out, out.length * 2 + 1);
                out[w++] = ch;
                col++;
                if (ch == '\n' || ch == '\r') col = 0;
            }
        }
        return Arrays.copyOf(out, w);
    }
}
