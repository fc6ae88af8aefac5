package org.jpyc.astopt;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Located;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.Set;
import org.jpyc.ast.Starred;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.Tuple;
import org.jpyc.ast.UnaryOp;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;

/**
 * The node rewrites of ast_opt.c: {@code fold_binop}, {@code fold_unaryop}, {@code fold_tuple},
 * {@code fold_subscr}, {@code fold_iter}, {@code fold_compare}, with {@code make_const}. Each takes
 * a node whose children are already folded and returns the node that takes its place.
 */
class Folds {
    final PyVersion version;

    Folds(PyVersion version) {
        this.version = version;
    }

    /**
     * The folds of a version. 3.10-3.13 fold in the AST as here; 3.14's {@code ast_preprocess.c} keeps
     * only {@code optimize_format}, {@code __debug__} and the folding of match values ({@code -1},
     * {@code 1+2j}), the rest moving to the CFG: a subclass overriding these methods is the seam.
     */
    static Folds of(PyVersion version) {
        return version.has(org.jpyc.version.Feature.AST_PREPROCESS_ONLY) ? new PreprocessFolds(version) : new Folds(version);
    }

    /** Whether a MatchValue's value and a MatchMapping's keys go through the expression walk (ast_opt.c, to 3.13). */
    boolean walksMatchValues() {
        return true;
    }

    /** A match value or mapping key when {@link #walksMatchValues} is false ({@code fold_const_match_patterns}). */
    ExprNode foldMatchValue(ExprNode node) {
        return node;
    }

    static void copyPosition(Located to, Located from) {
        to.setPosition(from.lineno(), from.colOffset(), from.rawEndLineno(), from.rawEndColOffset());
    }

    /** {@code make_const}: a Constant with the node's position and no kind. */
    static Constant makeConst(ExprNode node, PyObject value) {
        Constant c = new Constant(value, null);
        copyPosition(c, node);
        return c;
    }

    /** {@code has_starred}. */
    static boolean hasStarred(List<ExprNode> elts) {
        for (ExprNode e : elts) {
            if (e instanceof Starred) return true;
        }
        return false;
    }

    /** {@code fold_unaryop}, with {@code not} of a single {@code is}/{@code in} comparison inverted. */
    ExprNode foldUnaryop(UnaryOp node) {
        ExprNode arg = node.operand();
        if (!(arg instanceof Constant c)) {
            if (node.op() == UnaryopNode.Not && arg instanceof Compare cmp && cmp.ops().size() == 1) {
                CmpopNode inverted = switch (cmp.ops().get(0)) {
                    case Is -> CmpopNode.IsNot;
                    case IsNot -> CmpopNode.Is;
                    case In -> CmpopNode.NotIn;
                    case NotIn -> CmpopNode.In;
                    default -> null;
                };
                if (inverted != null) {
                    List<CmpopNode> ops = new ArrayList<>(1);
                    ops.add(inverted);
                    cmp.setOps(ops);
                    return cmp; // COPY_NODE: the comparison, position and all, replaces the not
                }
            }
            return node;
        }
        try {
            return makeConst(node, ConstantOps.unary(node.op(), c.value(), version));
        } catch (NotFoldable | ArithmeticException e) { // a Python exception: make_const clears it
            return node;
        }
    }

    /** {@code fold_binop}. */
    ExprNode foldBinop(BinOp node) {
        if (!(node.left() instanceof Constant lc)) return node;
        PyObject lv = lc.value();
        ExprNode rhs = node.right();
        if (node.op() == OperatorNode.Mod && rhs instanceof Tuple t && lv instanceof PyStr fmt
                && !hasStarred(t.elts()) && version.has(org.jpyc.version.Feature.OPTIMIZE_FORMAT)) {
            return FormatFold.optimizeFormat(node, fmt, t.elts());
        }
        if (!(rhs instanceof Constant rc)) return node;
        PyObject rv = rc.value();
        try {
            PyObject v = switch (node.op()) {
                case Mult -> SafeOps.multiply(lv, rv);
                case Mod -> SafeOps.mod(lv, rv);
                case Pow -> SafeOps.power(lv, rv);
                case LShift -> SafeOps.lshift(lv, rv);
                case MatMult -> null;
                default -> ConstantOps.binary(node.op(), lv, rv);
            };
            return v == null ? node : makeConst(node, v);
        } catch (NotFoldable | ArithmeticException e) { // a Python exception: make_const clears it
            return node;
        }
    }

    /** {@code make_const_tuple}: the tuple of the items' values if every item is a Constant, else null. */
    static PyTuple makeConstTuple(List<ExprNode> elts) {
        for (ExprNode e : elts) {
            if (!(e instanceof Constant)) return null;
        }
        List<PyObject> items = new ArrayList<>(elts.size());
        for (ExprNode e : elts) items.add(((Constant) e).value());
        return new PyTuple(items);
    }

    /** {@code fold_tuple}. */
    ExprNode foldTuple(Tuple node) {
        if (node.ctx() != ExprContextNode.Load) return node;
        PyTuple t = makeConstTuple(node.elts());
        return t == null ? node : makeConst(node, t);
    }

    /** {@code fold_subscr}. */
    ExprNode foldSubscr(Subscript node) {
        if (node.ctx() != ExprContextNode.Load || !(node.value() instanceof Constant arg)
                || !(node.slice() instanceof Constant idx)) {
            return node;
        }
        try {
            return makeConst(node, ConstantOps.getItem(arg.value(), idx.value()));
        } catch (NotFoldable | ArithmeticException e) { // a Python exception: make_const clears it
            return node;
        }
    }

    /**
     * {@code fold_iter}: a list display becomes a tuple (a constant one if it can), a set display of
     * constants a frozenset constant. For the iterable of {@code for} and comprehensions and the right
     * operand of {@code in}.
     */
    ExprNode foldIter(ExprNode arg) {
        if (arg instanceof org.jpyc.ast.List l) {
            List<ExprNode> elts = l.elts();
            if (hasStarred(elts)) return arg;
            Tuple t = new Tuple(elts, l.ctx());
            copyPosition(t, l);
            PyTuple v = makeConstTuple(elts);
            return v == null ? t : makeConst(t, v);
        }
        if (arg instanceof Set s) {
            PyTuple v = makeConstTuple(s.elts());
            if (v == null) return arg;
            try {
                return makeConst(s, ConstantOps.frozenset(v, version));
            } catch (RuntimeException e) {
                return arg; // unhashable
            }
        }
        return arg;
    }

    /** {@code fold_compare}: {@code fold_iter} on the last comparator when the last operator is in / not in. */
    void foldCompare(Compare node) {
        int i = node.ops().size() - 1;
        CmpopNode op = node.ops().get(i);
        if (op == CmpopNode.In || op == CmpopNode.NotIn) {
            List<ExprNode> args = node.comparators();
            ExprNode r = foldIter(args.get(i));
            if (r != args.get(i)) {
                if (!(args instanceof ArrayList)) {
                    args = new ArrayList<>(args);
                    node.setComparators(args);
                }
                args.set(i, r);
            }
        }
    }
}
