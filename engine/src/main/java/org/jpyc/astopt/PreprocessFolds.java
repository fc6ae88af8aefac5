package org.jpyc.astopt;

import org.jpyc.ast.BinOp;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.Tuple;
import org.jpyc.ast.UnaryOp;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;

/**
 * The folds of {@code ast_preprocess.c} (CPython 3.14, which renamed ast_opt.c): constant folding, tuple and
 * subscript folding, list-to-tuple for iterables and {@code not} of {@code is}/{@code in} moved to the CFG, so
 * the only rewrite left in expressions is {@code optimize_format} ({@code fold_binop}); match patterns get
 * {@code fold_const_match_patterns} instead of the expression walk.
 */
final class PreprocessFolds extends Folds {
    PreprocessFolds(PyVersion version) {
        super(version);
    }

    @Override
    ExprNode foldUnaryop(UnaryOp node) {
        return node;
    }

    /** {@code fold_binop} (3.14): only {@code "..." % (args,)} becomes an f-string. */
    @Override
    ExprNode foldBinop(BinOp node) {
        if (node.left() instanceof Constant lc && lc.value() instanceof PyStr fmt && node.op() == OperatorNode.Mod
                && node.right() instanceof Tuple t && !hasStarred(t.elts())) {
            return FormatFold.optimizeFormat(node, fmt, t.elts());
        }
        return node;
    }

    @Override
    ExprNode foldTuple(Tuple node) {
        return node;
    }

    @Override
    ExprNode foldSubscr(Subscript node) {
        return node;
    }

    @Override
    ExprNode foldIter(ExprNode arg) {
        return arg;
    }

    @Override
    void foldCompare(Compare node) {
    }

    @Override
    boolean walksMatchValues() {
        return false;
    }

    /**
     * {@code fold_const_match_patterns} (Python/ast_preprocess.c 3.14): {@code -constant} (3.15: {@code +constant}), and {@code left + constant}
     * / {@code left - constant} whose left side folds to a constant (complex literals such as {@code -1+2j}).
     */
    @Override
    ExprNode foldMatchValue(ExprNode node) {
        try {
            if (node instanceof UnaryOp u && u.operand() instanceof Constant c && (u.op() == UnaryopNode.USub
                    || u.op() == UnaryopNode.UAdd && version.has(org.jpyc.version.Feature.MATCH_UNARY_PLUS))) {
                return makeConst(node, ConstantOps.unary(u.op(), c.value(), version));
            }
            if (node instanceof BinOp b && (b.op() == OperatorNode.Add || b.op() == OperatorNode.Sub)
                    && b.right() instanceof Constant r) {
                b.setLeft(foldMatchValue(b.left()));
                if (b.left() instanceof Constant l) {
                    return makeConst(node, ConstantOps.binary(b.op(), l.value(), r.value(), version));
                }
            }
        } catch (NotFoldable | ArithmeticException e) { // a Python exception: make_const clears it
            return node;
        }
        return node;
    }
}
