package org.jpyc.codegen;

import org.jpyc.ast.Attribute;
import org.jpyc.ast.Await;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.BoolOp;
import org.jpyc.ast.Call;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Dict;
import org.jpyc.ast.DictComp;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.GeneratorExp;
import org.jpyc.ast.IfExp;
import org.jpyc.ast.Interpolation;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Lambda;
import org.jpyc.ast.ListComp;
import org.jpyc.ast.Name;
import org.jpyc.ast.NamedExpr;
import org.jpyc.ast.SetComp;
import org.jpyc.ast.Slice;
import org.jpyc.ast.Starred;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.TemplateStr;
import org.jpyc.ast.UnaryOp;
import org.jpyc.ast.Yield;
import org.jpyc.ast.YieldFrom;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.version.Feature;

/**
 * {@code compiler_visit_expr} (Python/compile.c of 3.13): the dispatch over every expression kind,
 * and the simple ones (named expression, binary and unary operators, yield, await, attribute,
 * subscript, slice, name, constant). Boolean operators, comparisons and conditional jumps are in
 * {@link BranchCodegen}, displays in {@link CollectionCodegen}, calls in {@link CallCodegen},
 * f-strings in {@link FStringCodegen}; comprehensions and lambdas belong to their own classes.
 */
public final class ExprCodegen {
    private ExprCodegen() {}

    /**
     * {@code STACK_USE_GUIDELINE}: past this many items a display or call is built incrementally
     * rather than all on the stack.
     */
    static final int STACK_USE_GUIDELINE = 30;

    /** {@code compiler_visit_expr}: {@link #visit1}, moved to a large stack when deeply nested ({@link DeepExpr}). */
    public static void visit(Codegen c, ExprNode e) {
        // the leaves (most expressions) nest nothing: no depth bookkeeping for them
        if (e instanceof Name n) {
            c.nameOp(Location.of(e), n.id(), n.ctx());
            return;
        }
        if (e instanceof Constant k) {
            c.loadConst(k.value(), Location.of(e));
            return;
        }
        int[] depth = DeepExpr.depth(c);
        if (DeepExpr.mustHop(depth[0])) {
            DeepExpr.run(() -> visit(c, e));
            return;
        }
        depth[0]++;
        try {
            visit1(c, e);
        } finally {
            depth[0]--;
        }
    }

    /** {@code compiler_visit_expr1}, but for names and constants, which {@link #visit} compiles. */
    private static void visit1(Codegen c, ExprNode e) {
        // the cases that need the location make it: calls, displays, comparisons and the rest make their own
        if (e instanceof Attribute a) {
            attribute(c, a, Location.of(e));
        } else if (e instanceof Call call) {
            CallCodegen.call(c, call);
        } else if (e instanceof BinOp b) {
            c.visitExpr(b.left());
            c.visitExpr(b.right());
            c.addBinary(b.op(), false, Location.of(e));
        } else if (e instanceof Subscript s) {
            subscript(c, s, Location.of(e));
        } else if (e instanceof Compare cmp) {
            BranchCodegen.compare(c, cmp);
        } else if (e instanceof org.jpyc.ast.Tuple t) {
            CollectionCodegen.tuple(c, t);
        } else if (e instanceof org.jpyc.ast.List l) {
            CollectionCodegen.list(c, l);
        } else if (e instanceof Dict d) {
            CollectionCodegen.dict(c, d);
        } else if (e instanceof org.jpyc.ast.Set s) {
            CollectionCodegen.set(c, s);
        } else if (e instanceof UnaryOp u) {
            unaryOp(c, u, Location.of(e));
        } else if (e instanceof BoolOp b) {
            BranchCodegen.boolOp(c, b);
        } else if (e instanceof IfExp i) {
            BranchCodegen.ifExp(c, i);
        } else if (e instanceof JoinedStr j) {
            FStringCodegen.joinedStr(c, j);
        } else if (e instanceof FormattedValue f) {
            FStringCodegen.formattedValue(c, f);
        } else if (e instanceof NamedExpr n) {
            c.visitExpr(n.value());
            c.addOpI(Op.COPY, 1, Location.of(e));
            c.visitExpr(n.target());
        } else if (e instanceof Lambda l) {
            FunctionCodegen.visitLambda(c, l);
        } else if (e instanceof GeneratorExp g) {
            ComprehensionCodegen.visitGeneratorExp(c, g);
        } else if (e instanceof ListComp l) {
            ComprehensionCodegen.visitListComp(c, l);
        } else if (e instanceof SetComp s) {
            ComprehensionCodegen.visitSetComp(c, s);
        } else if (e instanceof DictComp d) {
            ComprehensionCodegen.visitDictComp(c, d);
        } else if (e instanceof Yield y) {
            visitYield(c, y, Location.of(e));
        } else if (e instanceof YieldFrom y) {
            visitYieldFrom(c, y, Location.of(e));
        } else if (e instanceof Await a) {
            visitAwait(c, a, Location.of(e));
        } else if (e instanceof Starred s) {
            throw c.error(Location.of(e), s.ctx() == ExprContextNode.Store
                    ? "starred assignment target must be in a list or tuple"
                    : "can't use starred expression here");
        } else if (e instanceof Slice s) {
            if (isConstantSlice(c, s)) {
                c.loadConst(new org.jpyc.object.PySlice(constOrNone(s.lower()), constOrNone(s.upper()),
                        constOrNone(s.step())), Location.of(e));
            } else {
                c.addOpI(Op.BUILD_SLICE, slice(c, s), Location.of(e));
            }
        } else if (e instanceof TemplateStr t && c.version.has(Feature.TEMPLATE_STRINGS)) {
            TemplateStrCodegen.templateStr(c, t);
        } else if (e instanceof Interpolation i && c.version.has(Feature.TEMPLATE_STRINGS)) {
            TemplateStrCodegen.interpolation(c, i);
        } else {
            throw unsupported(c, e);
        }
    }

    /** 3.14's template strings: not in 3.13's AST. */
    private static UnsupportedOperationException unsupported(Codegen c, ExprNode e) {
        return new UnsupportedOperationException(e.nodeName() + " is not compiled for CPython " + c.version);
    }

    /** {@code compiler_jump_if}: see {@link BranchCodegen#jumpIf}. */
    public static Location jumpIf(Codegen c, Location loc, ExprNode e, int label, boolean cond) {
        return BranchCodegen.jumpIf(c, loc, e, label, cond);
    }

    /** {@code ADDOP_COMPARE} ({@code compiler_addcompare}): see {@link BranchCodegen#addCompare}. */
    public static void addCompare(Codegen c, Location loc, CmpopNode op) {
        BranchCodegen.addCompare(c, loc, op);
    }

    /** The {@code UnaryOp} case of {@code compiler_visit_expr1} (with {@code unaryop}). */
    private static void unaryOp(Codegen c, UnaryOp u, Location loc) {
        c.visitExpr(u.operand());
        switch (u.op()) {
            case UAdd -> c.addIntrinsic1("INTRINSIC_UNARY_POSITIVE", Op.UNARY_POSITIVE, loc);
            case Not -> {
                BranchCodegen.toBool(c, loc);
                c.addOp(Op.UNARY_NOT, loc);
            }
            case Invert -> c.addOp(Op.UNARY_INVERT, loc);
            case USub -> c.addOp(Op.UNARY_NEGATIVE, loc);
        }
    }

    /** The {@code Yield} case of {@code compiler_visit_expr1}. */
    private static void visitYield(Codegen c, Yield y, Location loc) {
        if (!c.scope().isFunctionLike()) throw c.error(loc, "'yield' outside function");
        if (y.value() != null) {
            c.visitExpr(y.value());
        } else {
            c.loadConst(PyConst.NONE, loc);
        }
        c.addYield(loc);
    }

    /** The {@code YieldFrom} case of {@code compiler_visit_expr1}. */
    private static void visitYieldFrom(Codegen c, YieldFrom y, Location loc) {
        if (!c.scope().isFunctionLike()) {
            throw c.error(loc, c.version.has(org.jpyc.version.Feature.YIELD_FROM_OUTSIDE_FUNCTION_MESSAGE)
                    ? "'yield from' outside function" : "'yield' outside function");
        }
        if (c.unit().scopeType == ScopeType.ASYNC_FUNCTION) throw c.error(loc, "'yield from' inside async function");
        c.visitExpr(y.value());
        // 3.15: GET_YIELD_FROM_ITER merged into GET_ITER (oparg 1)
        if (c.version.has(org.jpyc.version.Feature.SEND_NULL_SLOT)) c.addOpI(Op.GET_ITER, 1, loc);
        else c.addOp(Op.GET_YIELD_FROM_ITER, loc);
        c.loadConst(PyConst.NONE, loc);
        c.addYieldFrom(loc, false);
    }

    /** The {@code Await} case of {@code compiler_visit_expr1}. */
    private static void visitAwait(Codegen c, Await a, Location loc) {
        if (!c.isTopLevelAwait()) {
            if (!c.scope().isFunctionLike()) throw c.error(loc, "'await' outside function");
            ScopeType st = c.unit().scopeType;
            if (st != ScopeType.ASYNC_FUNCTION && st != ScopeType.COMPREHENSION) {
                throw c.error(loc, "'await' outside async function");
            }
        }
        c.visitExpr(a.value());
        c.addOpI(Op.GET_AWAITABLE, 0, loc);
        c.addSendNullSlot(loc);
        c.loadConst(PyConst.NONE, loc);
        c.addYieldFrom(loc, true);
    }

    /** The {@code Attribute} case of {@code compiler_visit_expr1}. */
    private static void attribute(Codegen c, Attribute a, Location loc) {
        if (a.ctx() == ExprContextNode.Load && CallCodegen.canOptimizeSuperCall(c, a)) {
            Call sup = (Call) a.value();
            CallCodegen.loadArgsForSuper(c, sup);
            Op op = sup.args().isEmpty() ? Op.LOAD_ZERO_SUPER_ATTR : Op.LOAD_SUPER_ATTR;
            c.addOpName(op, a.attr(), loc);
            c.addOp(Op.NOP, updateStartLocationToMatchAttr(c, loc, a));
            return;
        }
        c.maybeAddStaticAttributeToClass(a);
        c.visitExpr(a.value());
        loc = updateStartLocationToMatchAttr(c, loc, a);
        switch (a.ctx()) {
            case Load -> c.addOpName(Op.LOAD_ATTR, a.attr(), loc);
            case Store -> {
                c.checkForbiddenName(loc, a.attr(), ExprContextNode.Store);
                c.addOpName(Op.STORE_ATTR, a.attr(), loc);
            }
            case Del -> c.addOpName(Op.DELETE_ATTR, a.attr(), loc);
        }
    }

    /**
     * {@code update_start_location_to_match_attr}: when an attribute access spans lines, its
     * instructions start at the attribute name. The name's length is counted in code points, as
     * CPython does, though the columns are UTF-8 bytes.
     */
    public static Location updateStartLocationToMatchAttr(Codegen c, Location loc, Attribute attr) {
        int attrEndLine = attr.rawEndLineno() == Integer.MIN_VALUE ? -1 : attr.rawEndLineno();
        int attrEndCol = attr.rawEndColOffset() == Integer.MIN_VALUE ? -1 : attr.rawEndColOffset();
        if (loc.lineno() == attrEndLine) return loc;
        int lineno = attrEndLine;
        int col = loc.colOffset();
        int endCol = loc.endColOffset();
        int len = attr.attr().codePointCount(0, attr.attr().length());
        if (len <= attrEndCol) {
            col = attrEndCol - len;
        } else {
            col = -1;
            endCol = -1;
        }
        int endLine = Math.max(lineno, loc.endLineno());
        if (lineno == endLine) endCol = Math.max(col, endCol);
        return new Location(lineno, endLine, col, endCol);
    }

    /** {@code compiler_subscript}. Version seam: 3.14 subscripts with BINARY_OP {@code NB_SUBSCR}. */
    private static void subscript(Codegen c, Subscript s, Location loc) {
        ExprContextNode ctx = s.ctx();
        if (ctx == ExprContextNode.Load) {
            Warnings.checkSubscripter(c, s.value());
            Warnings.checkIndex(c, s.value(), s.slice());
        }
        c.visitExpr(s.value());
        if (isTwoElementSlice(c, s.slice()) && ctx != ExprContextNode.Del) {
            slice(c, (Slice) s.slice());
            c.addOp(ctx == ExprContextNode.Load ? Op.BINARY_SLICE : Op.STORE_SLICE, loc);
        } else {
            c.visitExpr(s.slice());
            switch (ctx) {
                case Load -> c.addSubscr(loc);
                case Store -> c.addOp(Op.STORE_SUBSCR, loc);
                case Del -> c.addOp(Op.DELETE_SUBSCR, loc);
            }
        }
    }

    /**
     * {@code is_two_element_slice} ({@code should_apply_two_element_slice_optimization} in 3.14, which leaves
     * constant slices to LOAD_CONST): a slice without a step, compiled as BINARY_SLICE/STORE_SLICE.
     */
    public static boolean isTwoElementSlice(Codegen c, ExprNode s) {
        // 3.11: no BINARY_SLICE / STORE_SLICE (Feature.BINARY_SLICE)
        return c.version.has(Feature.BINARY_SLICE) && s instanceof Slice sl && sl.step() == null && !isConstantSlice(c, sl);
    }

    /** {@code is_constant_slice} (Python/codegen.c 3.14): every bound absent or a Constant; loaded as a slice constant. */
    static boolean isConstantSlice(Codegen c, ExprNode s) {
        return c.version.has(Feature.CONSTANT_SLICES) && s instanceof Slice sl && isConstOrAbsent(sl.lower())
                && isConstOrAbsent(sl.upper()) && isConstOrAbsent(sl.step());
    }

    private static boolean isConstOrAbsent(ExprNode e) {
        return e == null || e instanceof Constant;
    }

    private static org.jpyc.object.PyObject constOrNone(ExprNode e) {
        return e == null ? PyConst.NONE : ((Constant) e).value();
    }

    /**
     * {@code compiler_slice}: pushes the bounds (None for a missing one) and the step if any;
     * returns how many values were pushed (BUILD_SLICE's oparg).
     */
    public static int slice(Codegen c, Slice s) {
        Location loc = Location.of(s);
        int n = 2;
        if (s.lower() != null) {
            c.visitExpr(s.lower());
        } else {
            c.loadConst(PyConst.NONE, loc);
        }
        if (s.upper() != null) {
            c.visitExpr(s.upper());
        } else {
            c.loadConst(PyConst.NONE, loc);
        }
        if (s.step() != null) {
            n++;
            c.visitExpr(s.step());
        }
        return n;
    }
}
