package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Dict;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Starred;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyTuple;
import org.jpyc.object.SetLayout;

/**
 * Displays and unpacking targets (Python/compile.c of 3.13): {@code compiler_list},
 * {@code compiler_tuple}, {@code compiler_set}, {@code starunpack_helper}, {@code unpack_helper},
 * {@code assignment_helper}, {@code compiler_dict} and {@code compiler_subdict}.
 */
public final class CollectionCodegen {
    private CollectionCodegen() {}

    private static final int STACK_USE_GUIDELINE = ExprCodegen.STACK_USE_GUIDELINE;

    /** The ops {@link #starUnpack} builds a display with: build, add one, extend by an iterable. */
    enum Kind {
        LIST(Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND),
        SET(Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE);

        final Op build, add, extend;

        Kind(Op build, Op add, Op extend) {
            this.build = build;
            this.add = add;
            this.extend = extend;
        }
    }

    /** {@code compiler_list}. */
    static void list(Codegen c, org.jpyc.ast.List e) {
        Location loc = Location.of(e);
        switch (e.ctx()) {
            case Store -> assignmentHelper(c, loc, e.elts());
            case Load -> starUnpack(c, loc, e.elts(), 0, Kind.LIST, false);
            case Del -> visitAll(c, e.elts());
        }
    }

    /** {@code compiler_tuple}. */
    static void tuple(Codegen c, org.jpyc.ast.Tuple e) {
        Location loc = Location.of(e);
        switch (e.ctx()) {
            case Store -> assignmentHelper(c, loc, e.elts());
            case Load -> starUnpack(c, loc, e.elts(), 0, Kind.LIST, true);
            case Del -> visitAll(c, e.elts());
        }
    }

    /** {@code compiler_set}. */
    static void set(Codegen c, org.jpyc.ast.Set e) {
        starUnpack(c, Location.of(e), e.elts(), 0, Kind.SET, false);
    }

    private static void visitAll(Codegen c, List<ExprNode> elts) {
        for (int i = 0, n = elts.size(); i < n; i++) c.visitExpr(elts.get(i));
    }

    /** {@code are_all_items_const}: every item of {@code seq[begin:end]} is a Constant (a dict's {@code **} key is null). */
    static boolean allConstant(List<ExprNode> seq, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (!(seq.get(i) instanceof Constant)) return false;
        }
        return true;
    }

    /**
     * {@code starunpack_helper}: a list, set or tuple display (or a call's positional arguments,
     * {@code pushed} items being already on the stack). More than two constants become one constant
     * tuple (frozenset); a display without starred items that fits the stack guideline is built in
     * one instruction; otherwise the container is built early and grown item by item, and a tuple
     * is converted from the list at the end.
     */
    public static void starUnpack(Codegen c, Location loc, List<ExprNode> elts, int pushed, Kind kind, boolean tuple) {
        int n = elts.size();
        if (n > 2 && allConstant(elts, 0, n) && !c.version.has(org.jpyc.version.Feature.NO_CODEGEN_CONST_SEQUENCES)) {
            List<PyObject> items = new ArrayList<>(n);
            for (ExprNode x : elts) items.add(((Constant) x).value());
            if (tuple && pushed == 0) {
                c.loadConst(new PyTuple(items), loc);
                return;
            }
            PyObject folded = kind == Kind.SET ? frozenset(c, items) : new PyTuple(items);
            c.addOpI(kind.build, pushed, loc);
            c.loadConst(folded, loc);
            c.addOpI(kind.extend, 1, loc);
            if (tuple) listToTuple(c, loc);
            return;
        }
        boolean big = n + pushed > STACK_USE_GUIDELINE;
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (elts.get(i) instanceof Starred) {
                seenStar = true;
                break;
            }
        }
        if (!seenStar && !big) {
            visitAll(c, elts);
            c.addOpI(tuple ? Op.BUILD_TUPLE : kind.build, n + pushed, loc);
            return;
        }
        boolean built = false;
        if (big) {
            c.addOpI(kind.build, pushed, loc);
            built = true;
        }
        for (int i = 0; i < n; i++) {
            ExprNode elt = elts.get(i);
            if (elt instanceof Starred s) {
                if (!built) {
                    c.addOpI(kind.build, i + pushed, loc);
                    built = true;
                }
                c.visitExpr(s.value());
                c.addOpI(kind.extend, 1, loc);
            } else {
                c.visitExpr(elt);
                if (built) c.addOpI(kind.add, 1, loc);
            }
        }
        if (tuple) listToTuple(c, loc);
    }

    /** {@code PyFrozenSet_New(tuple)} ({@link SetLayout#frozensetNew}). */
    private static PySet frozenset(Codegen c, List<PyObject> items) {
        return SetLayout.frozensetNew(items, c.version);
    }

    private static void listToTuple(Codegen c, Location loc) {
        c.addIntrinsic1("INTRINSIC_LIST_TO_TUPLE", Op.LIST_TO_TUPLE, loc);
    }

    /**
     * {@code unpack_helper}: UNPACK_SEQUENCE, or UNPACK_EX with the counts before and after the one
     * starred target.
     */
    static void unpackHelper(Codegen c, Location loc, List<ExprNode> elts) {
        int n = elts.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (!(elts.get(i) instanceof Starred)) continue;
            if (seenStar) throw c.error(loc, "multiple starred expressions in assignment");
            if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                throw c.error(loc, "too many expressions in star-unpacking assignment");
            }
            c.addOpI(Op.UNPACK_EX, i + ((n - i - 1) << 8), loc);
            seenStar = true;
        }
        if (!seenStar) c.addOpI(Op.UNPACK_SEQUENCE, n, loc);
    }

    /** {@code assignment_helper}: unpack, then store into each target (a starred one's inner target). */
    static void assignmentHelper(Codegen c, Location loc, List<ExprNode> elts) {
        unpackHelper(c, loc, elts);
        for (int i = 0, n = elts.size(); i < n; i++) {
            ExprNode elt = elts.get(i);
            c.visitExpr(elt instanceof Starred s ? s.value() : elt);
        }
    }

    /**
     * {@code compiler_dict}: runs of {@code key: value} items are built by {@link #subdict} (a run
     * is cut past the stack guideline), {@code **mapping} items merged with DICT_UPDATE.
     */
    static void dict(Codegen c, Dict e) {
        Location loc = Location.of(e);
        List<ExprNode> keys = e.keys();
        int n = e.values().size();
        boolean haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (keys.get(i) == null) {
                if (elements > 0) {
                    subdict(c, e, i - elements, i);
                    if (haveDict) c.addOpI(Op.DICT_UPDATE, 1, loc);
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) {
                    c.addOpI(Op.BUILD_MAP, 0, loc);
                    haveDict = true;
                }
                c.visitExpr(e.values().get(i));
                c.addOpI(Op.DICT_UPDATE, 1, loc);
            } else if (elements * 2 > STACK_USE_GUIDELINE) {
                subdict(c, e, i - elements, i + 1);
                if (haveDict) c.addOpI(Op.DICT_UPDATE, 1, loc);
                haveDict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) {
            subdict(c, e, n - elements, n);
            if (haveDict) c.addOpI(Op.DICT_UPDATE, 1, loc);
            haveDict = true;
        }
        if (!haveDict) c.addOpI(Op.BUILD_MAP, 0, loc);
    }

    /**
     * {@code compiler_subdict}: items {@code begin..end} of a dict display: BUILD_CONST_KEY_MAP when
     * there are several constant keys and few items, else BUILD_MAP on the stack or, past the
     * guideline, MAP_ADD one by one. Version seam: 3.14 has no BUILD_CONST_KEY_MAP.
     */
    private static void subdict(Codegen c, Dict e, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        Location loc = Location.of(e);
        List<ExprNode> keys = e.keys();
        List<ExprNode> values = e.values();
        if (n > 1 && !big && allConstant(keys, begin, end) && !c.version.has(org.jpyc.version.Feature.NO_CONST_KEY_MAP)) {
            for (int i = begin; i < end; i++) c.visitExpr(values.get(i));
            List<PyObject> k = new ArrayList<>(n);
            for (int i = begin; i < end; i++) k.add(((Constant) keys.get(i)).value());
            c.loadConst(new PyTuple(k), loc);
            c.addOpI(Op.BUILD_CONST_KEY_MAP, n, loc);
            return;
        }
        if (big) c.addOpI(Op.BUILD_MAP, 0, loc);
        for (int i = begin; i < end; i++) {
            c.visitExpr(keys.get(i));
            c.visitExpr(values.get(i));
            if (big) c.addOpI(Op.MAP_ADD, 1, loc);
        }
        if (!big) c.addOpI(Op.BUILD_MAP, n, loc);
    }
}
