package org.jpyc.astopt;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.JoinedStr;
import org.jpyc.object.PyStr;

/**
 * {@code optimize_format} of ast_opt.c: {@code 'fmt' % (a, b)} with only {@code %s}, {@code %r},
 * {@code %a} units (optionally {@code -}, a width and a precision of up to two digits) becomes the
 * f-string {@code f'{a!s:...}...'}. Literal pieces and format specs get position -1 as in C.
 */
final class FormatFold {
    private FormatFold() {}

    /** {@code MAXDIGITS}. */
    private static final int MAX_DIGITS = 3;
    private static final int F_LJUST = 1;

    /** {@code optimize_format}: the JoinedStr replacing {@code node}, or {@code node} unchanged. */
    static ExprNode optimizeFormat(BinOp node, PyStr fmtStr, List<ExprNode> elts) {
        int[] fmt = fmtStr.codePoints();
        int[] pos = {0};
        int cnt = 0;
        List<ExprNode> seq = new ArrayList<>(elts.size() * 2 + 1);
        while (true) {
            ExprNode lit = parseLiteral(fmt, pos);
            if (lit != null) seq.add(lit);
            if (pos[0] >= fmt.length) break;
            if (cnt >= elts.size()) return node; // more format units than items
            pos[0]++; // the '%'
            ExprNode expr = parseFormat(fmt, pos, elts.get(cnt));
            cnt++;
            if (expr == null) return node;
            seq.add(expr);
        }
        if (cnt < elts.size()) return node; // more items than format units
        JoinedStr res = new JoinedStr(seq);
        Folds.copyPosition(res, node);
        return res;
    }

    private static Constant strConst(int[] cps, int from, int to) {
        int[] part = java.util.Arrays.copyOfRange(cps, from, to);
        Constant c = new Constant(PyStr.ofCodePoints(part, false), null);
        c.setPosition(-1, -1, -1, -1);
        return c;
    }

    /** {@code parse_literal}: the text up to the next lone {@code %}, with {@code %%} made {@code %}. */
    private static ExprNode parseLiteral(int[] fmt, int[] ppos) {
        int start = ppos[0];
        int pos = start;
        boolean hasPercents = false;
        while (pos < fmt.length) {
            if (fmt[pos] != '%') {
                pos++;
            } else if (pos + 1 < fmt.length && fmt[pos + 1] == '%') {
                hasPercents = true;
                pos += 2;
            } else {
                break;
            }
        }
        ppos[0] = pos;
        if (pos == start) return null;
        if (!hasPercents) return strConst(fmt, start, pos);
        int[] out = new int[pos - start];
        int n = 0;
        for (int i = start; i < pos; i++) {
            out[n++] = fmt[i];
            if (fmt[i] == '%' && i + 1 < pos && fmt[i + 1] == '%') i++;
        }
        // PyUnicode_Replace allocates its result: a lone '%' here is not the runtime's '%' singleton
        Constant c = strConst(out, 0, n);
        ((PyStr) c.value()).markFresh();
        return c;
    }

    /** The parsed unit of {@code simple_format_arg_parse}. */
    private static final class Unit {
        int spec;
        int flags;
        int width = -1;
        int prec = -1;
    }

    /** {@code simple_format_arg_parse}: false for a unit it does not support. */
    private static boolean simpleFormatArgParse(int[] fmt, int[] ppos, Unit u) {
        int pos = ppos[0];
        int len = fmt.length;
        int ch;
        u.flags = 0;
        while (true) {
            if (pos >= len) return false;
            ch = fmt[pos++];
            if (ch == '-') {
                u.flags |= F_LJUST;
            } else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
                u.flags |= 2; // F_SIGN, F_BLANK, F_ALT, F_ZERO: not used for s/r/a
            } else {
                break;
            }
        }
        if ('0' <= ch && ch <= '9') {
            u.width = 0;
            int digits = 0;
            while ('0' <= ch && ch <= '9') {
                u.width = u.width * 10 + (ch - '0');
                if (pos >= len) return false;
                ch = fmt[pos++];
                if (++digits >= MAX_DIGITS) return false;
            }
        }
        if (ch == '.') {
            if (pos >= len) return false;
            ch = fmt[pos++];
            u.prec = 0;
            if ('0' <= ch && ch <= '9') {
                int digits = 0;
                while ('0' <= ch && ch <= '9') {
                    u.prec = u.prec * 10 + (ch - '0');
                    if (pos >= len) return false;
                    ch = fmt[pos++];
                    if (++digits >= MAX_DIGITS) return false;
                }
            }
        }
        u.spec = ch;
        ppos[0] = pos;
        return true;
    }

    /** {@code parse_format}: a FormattedValue for {@code %s}/{@code %r}/{@code %a}, else null. */
    private static ExprNode parseFormat(int[] fmt, int[] ppos, ExprNode arg) {
        Unit u = new Unit();
        if (!simpleFormatArgParse(fmt, ppos, u)) return null;
        if (u.spec != 's' && u.spec != 'r' && u.spec != 'a') return null;
        StringBuilder buf = new StringBuilder();
        if ((u.flags & F_LJUST) == 0 && u.width > 0) buf.append('>');
        if (u.width >= 0) buf.append(u.width);
        if (u.prec >= 0) buf.append('.').append(u.prec);
        ExprNode formatSpec = null;
        if (buf.length() > 0) {
            Constant c = new Constant(PyStr.of(buf.toString(), false), null);
            c.setPosition(-1, -1, -1, -1);
            formatSpec = c;
        }
        FormattedValue fv = new FormattedValue(arg, u.spec, formatSpec);
        Folds.copyPosition(fv, arg);
        return fv;
    }
}
