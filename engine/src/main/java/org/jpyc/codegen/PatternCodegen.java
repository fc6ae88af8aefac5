package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Match;
import org.jpyc.ast.MatchAs;
import org.jpyc.ast.MatchCase;
import org.jpyc.ast.MatchClass;
import org.jpyc.ast.MatchMapping;
import org.jpyc.ast.MatchOr;
import org.jpyc.ast.MatchSequence;
import org.jpyc.ast.MatchSingleton;
import org.jpyc.ast.MatchStar;
import org.jpyc.ast.MatchValue;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.PatternNode;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyObjectException;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.object.SetLayout;

/**
 * match statements (PEP 634), Python/compile.c of 3.13: {@code compiler_match} and every
 * {@code compiler_pattern_*}. Each pattern routine consumes the subject on top of the stack and, on
 * no match, jumps to the fail-pop label that pops exactly what is on the stack at that point
 * ({@link Context#onTop} items plus the captures made so far). Captured values stay on the stack,
 * under the items in use, until the whole pattern has matched; then they are stored in order.
 */
public final class PatternCodegen {
    private PatternCodegen() {}

    /** {@code pattern_context}. */
    static final class Context {
        /** {@code stores}: the names captured so far, in stack order. */
        List<String> stores = new ArrayList<>();
        /** {@code allow_irrefutable}: whether an irrefutable pattern may appear here. */
        boolean allowIrrefutable;
        /** {@code fail_pop}: label {@code i} pops {@code i} items, then falls to label {@code i - 1}. */
        List<Integer> failPop = new ArrayList<>();
        /** {@code on_top}: items above the captures that a failure must pop. */
        int onTop;
        /** 3.11: the location in force ({@code c->u->u_lineno}...), which each pattern sets to its own and leaves set
         *  ({@code Feature.MATCH_PATTERN_OWN_LOCATION}); not part of the saved state. */
        Location cur;

        Context copy() {
            Context k = new Context();
            k.stores = stores;
            k.allowIrrefutable = allowIrrefutable;
            k.failPop = failPop;
            k.onTop = onTop;
            return k;
        }
    }

    /** {@code compiler_match} ({@code compiler_match_inner}). */
    public static void visitMatch(Codegen c, Match s) {
        Context pc = new Context();
        c.visitExpr(s.subject());
        int end = c.newLabel();
        List<MatchCase> cases = s.cases();
        int ncases = cases.size();
        MatchCase last = cases.get(ncases - 1);
        // a trailing "case _:" needs no copy of the subject nor any matching code
        int hasDefault = isWildcard(last.pattern()) && ncases > 1 ? 1 : 0;
        for (int i = 0; i < ncases - hasDefault; i++) {
            MatchCase m = cases.get(i);
            Location ploc = Location.of(m.pattern());
            boolean lastMatching = i == ncases - hasDefault - 1;
            if (!lastMatching) c.addOpI(Op.COPY, 1, ploc);
            pc.stores = new ArrayList<>();
            // an irrefutable case must be guarded, last, or both
            pc.allowIrrefutable = m.guard() != null || i == ncases - 1;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            pattern(c, m.pattern(), pc);
            for (String name : pc.stores) c.nameOp(at(c, pc, ploc), name, ExprContextNode.Store);
            if (m.guard() != null) {
                ensureFailPop(c, pc, 0);
                pc.cur = c.jumpIf(at(c, pc, ploc), m.guard(), pc.failPop.get(0), false);
            }
            if (!lastMatching) {
                // 3.14: the next location, for better branch events
                boolean next = c.version.has(org.jpyc.version.Feature.MATCH_POP_NEXT_LOCATION);
                c.addOp(Op.POP_TOP, next ? Location.NEXT_LOCATION : at(c, pc, ploc));
            }
            c.visitStmts(m.body());
            // 3.11: at the location the body left in force
            c.addJump(Op.JUMP, end, c.version.has(org.jpyc.version.Feature.MATCH_CASE_JUMP_UNLOCATED)
                    ? Location.NO_LOCATION : c.unit().locInForce);
            // a failed match cleans up on the pattern's line, not the body's last one
            emitAndResetFailPop(c, ploc, pc);
            c.unit().locInForce = ploc; // 3.11: the SET_LOC(c, m->pattern) before the failure cleanup stays in force
        }
        if (hasDefault == 1) {
            Location ploc = Location.of(last.pattern());
            if (ncases == 1) c.addOp(Op.POP_TOP, ploc);
            else c.addOp(Op.NOP, ploc); // the default case's line shows as covered
            if (last.guard() != null) c.jumpIf(ploc, last.guard(), end, false);
            c.visitStmts(last.body());
        }
        c.useLabel(end);
    }

    /** A pattern level costs several Java frames: it counts as this many expression levels towards {@link DeepExpr#HOP_DEPTH}. */
    private static final int DEPTH_WEIGHT = 4;

    /** {@code compiler_pattern}: {@link #pattern1}, moved to a large stack when deeply nested ({@link DeepExpr}). */
    static void pattern(Codegen c, PatternNode p, Context pc) {
        int[] depth = DeepExpr.depth(c);
        if (DeepExpr.mustHop(depth[0])) {
            DeepExpr.run(() -> pattern(c, p, pc));
            return;
        }
        depth[0] += DEPTH_WEIGHT;
        try {
            pattern1(c, p, pc);
        } finally {
            depth[0] -= DEPTH_WEIGHT;
        }
    }

    /** Where a pattern's instruction goes: its own pattern's location, in 3.11 the location in force. */
    private static Location at(Codegen c, Context pc, Location own) {
        return c.version.has(org.jpyc.version.Feature.MATCH_PATTERN_OWN_LOCATION) ? own : pc.cur;
    }

    /** {@code compiler_pattern} itself: dispatch on the pattern kind. */
    private static void pattern1(Codegen c, PatternNode p, Context pc) {
        pc.cur = Location.of(p); // 3.11's SET_LOC(c, p), never restored
        if (p instanceof MatchValue v) value(c, v, pc);
        else if (p instanceof MatchSingleton v) singleton(c, v, pc);
        else if (p instanceof MatchSequence v) sequence(c, v, pc);
        else if (p instanceof MatchMapping v) mapping(c, v, pc);
        else if (p instanceof MatchClass v) classPattern(c, v, pc);
        else if (p instanceof MatchStar v) storeName(c, Location.of(v), v.name(), pc);
        else if (p instanceof MatchAs v) as(c, v, pc);
        else if (p instanceof MatchOr v) or(c, v, pc);
        else throw c.error(Location.of(p), "invalid match pattern node in AST (kind=" + p.nodeName() + ")");
    }

    /** {@code compiler_pattern_subpattern}: a pattern nested in another may be irrefutable. */
    private static void subpattern(Codegen c, PatternNode p, Context pc) {
        boolean allow = pc.allowIrrefutable;
        pc.allowIrrefutable = true;
        pattern(c, p, pc);
        pc.allowIrrefutable = allow;
    }

    /** {@code WILDCARD_CHECK}. */
    private static boolean isWildcard(PatternNode p) {
        return p instanceof MatchAs a && a.name() == null;
    }

    /** {@code WILDCARD_STAR_CHECK}. */
    private static boolean isStarWildcard(PatternNode p) {
        return p instanceof MatchStar s && s.name() == null;
    }

    // ---- fail-pop labels ----

    /** {@code ensure_fail_pop}: labels for popping up to {@code n} items. */
    private static void ensureFailPop(Codegen c, Context pc, int n) {
        while (pc.failPop.size() < n + 1) pc.failPop.add(c.newLabel());
    }

    /** {@code jump_to_fail_pop}: {@code op} to the label that pops the items in use and the captures. */
    private static void jumpToFailPop(Codegen c, Location loc, Context pc, Op op) {
        int pops = pc.onTop + pc.stores.size();
        ensureFailPop(c, pc, pops);
        c.addJump(op, pc.failPop.get(pops), loc);
    }

    /** {@code emit_and_reset_fail_pop}: the chain of POP_TOPs the fail-pop labels point into. */
    private static void emitAndResetFailPop(Codegen c, Location loc, Context pc) {
        if (pc.failPop.isEmpty()) return;
        for (int i = pc.failPop.size() - 1; i > 0; i--) {
            c.useLabel(pc.failPop.get(i));
            c.addOp(Op.POP_TOP, loc);
        }
        c.useLabel(pc.failPop.get(0));
        pc.failPop = new ArrayList<>();
    }

    // ---- captures ----

    /** {@code pattern_helper_rotate}: 3.10's ROT_N (the optimizer folds it into ROT_TWO ... ROT_FOUR), from 3.11 as SWAPs. */
    private static void rotate(Codegen c, Location loc, int count) {
        if (!c.version.has(org.jpyc.version.Feature.SWAP_COPY)) {
            if (count > 1) c.addOpI(Op.ROT_N, count, loc);
            return;
        }
        while (count > 1) c.addOpI(Op.SWAP, count--, loc);
    }

    /** {@code pattern_helper_store_name}: moves the captured value under the items in use. */
    private static void storeName(Codegen c, Location loc, String name, Context pc) {
        if (name == null) {
            c.addOp(Op.POP_TOP, loc);
            return;
        }
        c.checkForbiddenName(loc, name, ExprContextNode.Store);
        if (pc.stores.contains(name)) throw duplicateStore(c, loc, name);
        rotate(c, loc, pc.onTop + pc.stores.size() + 1);
        pc.stores.add(name);
    }

    /** {@code compiler_error_duplicate_store}. */
    private static RuntimeException duplicateStore(Codegen c, Location loc, String name) {
        return c.error(loc, "multiple assignments to name " + repr(c, name) + " in pattern");
    }

    // ---- the patterns ----

    /** {@code compiler_pattern_as}: a capture, a wildcard, or {@code P as name}. */
    private static void as(Codegen c, MatchAs p, Context pc) {
        Location loc = Location.of(p);
        if (p.pattern() == null) {
            if (!pc.allowIrrefutable) {
                if (p.name() != null) {
                    throw c.error(loc, "name capture " + repr(c, p.name()) + " makes remaining patterns unreachable");
                }
                throw c.error(loc, "wildcard makes remaining patterns unreachable");
            }
            storeName(c, at(c, pc, loc), p.name(), pc);
            return;
        }
        // keep a copy to store if the inner pattern matches
        pc.onTop++;
        c.addOpI(Op.COPY, 1, at(c, pc, loc));
        pattern(c, p.pattern(), pc);
        pc.onTop--;
        storeName(c, at(c, pc, loc), p.name(), pc);
    }

    /** {@code compiler_pattern_value}: {@code subject == value}. */
    private static void value(Codegen c, MatchValue p, Context pc) {
        Location loc = Location.of(p);
        ExprNode value = p.value();
        if (!(value instanceof Constant || value instanceof Attribute)) {
            throw c.error(loc, "patterns may only match literals and attribute lookups");
        }
        c.visitExpr(value);
        ExprCodegen.addCompare(c, at(c, pc, loc), CmpopNode.Eq);
        BranchCodegen.toBool(c, at(c, pc, loc));
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
    }

    /** {@code compiler_pattern_singleton}: {@code subject is None/True/False}. */
    private static void singleton(Codegen c, MatchSingleton p, Context pc) {
        Location loc = Location.of(p);
        c.loadConst(p.value(), at(c, pc, loc));
        ExprCodegen.addCompare(c, at(c, pc, loc), CmpopNode.Is);
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
    }

    /** {@code compiler_pattern_sequence}. */
    private static void sequence(Codegen c, MatchSequence p, Context pc) {
        Location loc = Location.of(p);
        List<PatternNode> patterns = p.patterns();
        int size = patterns.size();
        int star = -1;
        boolean onlyWildcard = true;
        boolean starWildcard = false;
        for (int i = 0; i < size; i++) {
            PatternNode q = patterns.get(i);
            if (q instanceof MatchStar) {
                if (star >= 0) throw c.error(loc, "multiple starred names in sequence pattern");
                starWildcard = isStarWildcard(q);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= isWildcard(q);
        }
        // the subject stays on top through the type and length checks
        pc.onTop++;
        c.addOp(Op.MATCH_SEQUENCE, at(c, pc, loc));
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
        if (star < 0) {
            lengthCheck(c, at(c, pc, loc), pc, size, CmpopNode.Eq);
        } else if (size > 1) {
            lengthCheck(c, at(c, pc, loc), pc, size - 1, CmpopNode.GtE);
        }
        pc.onTop--;
        if (onlyWildcard) {
            c.addOp(Op.POP_TOP, at(c, pc, loc));
        } else if (starWildcard) {
            sequenceSubscr(c, at(c, pc, loc), patterns, star, pc);
        } else {
            sequenceUnpack(c, at(c, pc, loc), patterns, pc);
        }
    }

    /** {@code GET_LEN; LOAD_CONST n; COMPARE_OP op} and the jump to fail. */
    private static void lengthCheck(Codegen c, Location loc, Context pc, int n, CmpopNode op) {
        c.addOp(Op.GET_LEN, at(c, pc, loc));
        c.loadConst(PyInt.of(n), at(c, pc, loc));
        ExprCodegen.addCompare(c, at(c, pc, loc), op);
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
    }

    /** {@code pattern_unpack_helper}: UNPACK_SEQUENCE, or UNPACK_EX around the star. */
    private static void unpack(Codegen c, Location loc, List<PatternNode> elts) {
        int n = elts.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (!(elts.get(i) instanceof MatchStar)) continue;
            if (seenStar) throw c.error(loc, "multiple starred expressions in sequence pattern");
            if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                throw c.error(loc, "too many expressions in star-unpacking sequence pattern");
            }
            c.addOpI(Op.UNPACK_EX, i + ((n - i - 1) << 8), loc);
            seenStar = true;
        }
        if (!seenStar) c.addOpI(Op.UNPACK_SEQUENCE, n, loc);
    }

    /** {@code pattern_helper_sequence_unpack}: every item unpacked, then matched in order. */
    private static void sequenceUnpack(Codegen c, Location loc, List<PatternNode> patterns, Context pc) {
        unpack(c, at(c, pc, loc), patterns);
        int size = patterns.size();
        pc.onTop += size;
        for (PatternNode q : patterns) {
            pc.onTop--;
            subpattern(c, q, pc);
        }
    }

    /**
     * {@code pattern_helper_sequence_subscr}: with a {@code *_} only the items matched against are
     * fetched, by index (counted from the end past the star: the subject may not take negative ones).
     */
    private static void sequenceSubscr(Codegen c, Location loc, List<PatternNode> patterns, int star, Context pc) {
        pc.onTop++;
        int size = patterns.size();
        for (int i = 0; i < size; i++) {
            PatternNode q = patterns.get(i);
            if (isWildcard(q) || i == star) continue;
            c.addOpI(Op.COPY, 1, at(c, pc, loc));
            if (i < star) {
                c.loadConst(PyInt.of(i), at(c, pc, loc));
            } else {
                c.addOp(Op.GET_LEN, at(c, pc, loc));
                c.loadConst(PyInt.of(size - i), at(c, pc, loc));
                c.addBinary(OperatorNode.Sub, false, at(c, pc, loc));
            }
            c.addSubscr(at(c, pc, loc));
            subpattern(c, q, pc);
        }
        pc.onTop--;
        c.addOp(Op.POP_TOP, at(c, pc, loc));
    }

    /** {@code compiler_pattern_mapping}. */
    private static void mapping(Codegen c, MatchMapping p, Context pc) {
        Location loc = Location.of(p);
        List<ExprNode> keys = p.keys();
        List<PatternNode> patterns = p.patterns();
        int size = keys.size();
        if (size != patterns.size()) {
            throw c.error(loc, "keys (" + size + ") / patterns (" + patterns.size()
                    + ") length mismatch in mapping pattern");
        }
        String starTarget = p.rest();
        pc.onTop++;
        c.addOp(Op.MATCH_MAPPING, at(c, pc, loc));
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
        if (size == 0 && starTarget == null) {
            // "{}": any mapping matches
            pc.onTop--;
            c.addOp(Op.POP_TOP, at(c, pc, loc));
            return;
        }
        if (size > 0) lengthCheck(c, at(c, pc, loc), pc, size, CmpopNode.GtE);
        // the keys: literals (no two equal) or attribute lookups
        List<PyObject> seen = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ExprNode key = keys.get(i);
            if (key == null) {
                throw c.error(Location.of(patterns.get(i)),
                        "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
            }
            if (key instanceof Constant k) {
                if (containsEqual(c, seen, k.value())) {
                    throw c.error(loc, "mapping pattern checks duplicate key (" + repr(c, k.value()) + ")");
                }
                seen.add(k.value());
            } else if (!(key instanceof Attribute)) {
                throw c.error(loc, "mapping pattern keys may only match literals and attribute lookups");
            }
            c.visitExpr(key);
        }
        c.addOpI(Op.BUILD_TUPLE, size, at(c, pc, loc));
        c.addOp(Op.MATCH_KEYS, at(c, pc, loc));
        // a tuple of keys and a tuple of values (or None) now sit on the subject
        pc.onTop += 2;
        if (c.version.has(org.jpyc.version.Feature.MATCH_OPS_PUSH_BOOL)) {
            mappingValues310(c, loc, patterns, starTarget, pc);
            return;
        }
        c.addOpI(Op.COPY, 1, at(c, pc, loc));
        c.loadConst(PyConst.NONE, at(c, pc, loc));
        c.addOpI(Op.IS_OP, 1, at(c, pc, loc));
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
        c.addOpI(Op.UNPACK_SEQUENCE, size, at(c, pc, loc));
        pc.onTop += size - 1;
        for (PatternNode q : patterns) {
            pc.onTop--;
            subpattern(c, q, pc);
        }
        // matched: what follows consumes the keys tuple and the subject
        pc.onTop -= 2;
        if (starTarget != null) {
            // rest = dict(subject); del rest[key] for each key
            c.addOpI(Op.BUILD_MAP, 0, at(c, pc, loc));
            c.addOpI(Op.SWAP, 3, at(c, pc, loc));
            c.addOpI(Op.DICT_UPDATE, 2, at(c, pc, loc));
            c.addOpI(Op.UNPACK_SEQUENCE, size, at(c, pc, loc));
            for (int n = size; n > 0; n--) {
                c.addOpI(Op.COPY, 1 + n, at(c, pc, loc));
                c.addOpI(Op.SWAP, 2, at(c, pc, loc));
                c.addOp(Op.DELETE_SUBSCR, at(c, pc, loc));
            }
            storeName(c, at(c, pc, loc), starTarget, pc);
        } else {
            c.addOp(Op.POP_TOP, at(c, pc, loc));
            c.addOp(Op.POP_TOP, at(c, pc, loc));
        }
    }

    /** 3.10's {@code compiler_pattern_mapping} after MATCH_KEYS: its bool decides, each value is taken from the tuple by
     *  index, and the rest of the mapping is COPY_DICT_WITHOUT_KEYS. */
    private static void mappingValues310(Codegen c, Location loc, List<PatternNode> patterns, String starTarget, Context pc) {
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
        subscriptSubpatterns310(c, loc, patterns, null, pc);
        // matched: done with the values; what follows consumes the keys tuple
        pc.onTop -= 2;
        c.addOp(Op.POP_TOP, at(c, pc, loc));
        if (starTarget != null) {
            c.addOp(Op.COPY_DICT_WITHOUT_KEYS, at(c, pc, loc));
            storeName(c, at(c, pc, loc), starTarget, pc);
        } else {
            c.addOp(Op.POP_TOP, at(c, pc, loc));
        }
        // the subject
        pc.onTop--;
        c.addOp(Op.POP_TOP, at(c, pc, loc));
    }

    /** 3.10: each sub-pattern that is not a wildcard matched against {@code tuple[i]} (DUP_TOP, LOAD_CONST i,
     *  BINARY_SUBSCR), the tuple kept on top; {@code more} continues {@code patterns}' numbering (a class pattern's
     *  keyword patterns after its positional ones). */
    private static void subscriptSubpatterns310(Codegen c, Location loc, List<PatternNode> patterns, List<PatternNode> more,
                                                Context pc) {
        int n = patterns.size();
        int total = n + (more == null ? 0 : more.size());
        for (int i = 0; i < total; i++) {
            PatternNode q = i < n ? patterns.get(i) : more.get(i - n);
            if (isWildcard(q)) continue;
            c.addOp(Op.DUP_TOP, at(c, pc, loc));
            c.loadConst(PyInt.of(i), at(c, pc, loc));
            c.addSubscr(at(c, pc, loc));
            subpattern(c, q, pc);
        }
    }

    /** {@code PySet_Contains} on the keys seen so far: Python equality ({@code 1 == 1.0 == True}). */
    private static boolean containsEqual(Codegen c, List<PyObject> seen, PyObject key) {
        if (seen.isEmpty()) return false;
        List<PyObject> all = new ArrayList<>(seen);
        all.add(key);
        try {
            return SetLayout.iterationOrder(all, c.version).size() == seen.size();
        } catch (PyObjectException unhashable) {
            return false;
        }
    }

    /** {@code compiler_pattern_class}. */
    private static void classPattern(Codegen c, MatchClass p, Context pc) {
        Location loc = Location.of(p);
        List<PatternNode> patterns = p.patterns();
        List<String> kwdAttrs = p.kwdAttrs();
        List<PatternNode> kwdPatterns = p.kwdPatterns();
        int nargs = patterns.size();
        int nattrs = kwdAttrs.size();
        if (nattrs != kwdPatterns.size()) {
            throw c.error(loc, "kwd_attrs (" + nattrs + ") / kwd_patterns (" + kwdPatterns.size()
                    + ") length mismatch in class pattern");
        }
        if (nattrs > 0) validateKwdAttrs(c, kwdAttrs, kwdPatterns);
        c.visitExpr(p.cls());
        List<PyObject> names = new ArrayList<>(nattrs);
        for (String a : kwdAttrs) names.add(c.identifier(a));
        c.loadConst(new PyTuple(names), at(c, pc, loc));
        c.addOpI(Op.MATCH_CLASS, nargs, at(c, pc, loc));
        if (c.version.has(org.jpyc.version.Feature.MATCH_OPS_PUSH_BOOL)) {
            // 3.10: the attributes tuple (or None) and a bool; the attributes taken by index
            pc.onTop++;
            jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
            subscriptSubpatterns310(c, loc, patterns, kwdPatterns, pc);
            pc.onTop--;
            c.addOp(Op.POP_TOP, at(c, pc, loc));
            return;
        }
        c.addOpI(Op.COPY, 1, at(c, pc, loc));
        c.loadConst(PyConst.NONE, at(c, pc, loc));
        c.addOpI(Op.IS_OP, 1, at(c, pc, loc));
        // a tuple of nargs + nattrs attributes (or None) is on top
        pc.onTop++;
        jumpToFailPop(c, at(c, pc, loc), pc, Op.POP_JUMP_IF_FALSE);
        c.addOpI(Op.UNPACK_SEQUENCE, nargs + nattrs, at(c, pc, loc));
        pc.onTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++) {
            pc.onTop--;
            PatternNode q = i < nargs ? patterns.get(i) : kwdPatterns.get(i - nargs);
            if (isWildcard(q)) {
                c.addOp(Op.POP_TOP, at(c, pc, loc));
                continue;
            }
            subpattern(c, q, pc);
        }
    }

    /** {@code validate_kwd_attrs}: errors point at the pattern, the parser gives no position for the name. */
    private static void validateKwdAttrs(Codegen c, List<String> attrs, List<PatternNode> patterns) {
        int n = attrs.size();
        for (int i = 0; i < n; i++) {
            String attr = attrs.get(i);
            c.checkForbiddenName(Location.of(patterns.get(i)), attr, ExprContextNode.Store);
            for (int j = i + 1; j < n; j++) {
                if (attr.equals(attrs.get(j))) {
                    throw c.error(Location.of(patterns.get(j)), "attribute name repeated in class pattern: " + attr);
                }
            }
        }
    }

    /**
     * {@code compiler_pattern_or}: each alternative matches against its own copy of the subject with
     * fresh captures and fail-pops; all must bind the same names, reordered on the stack to the
     * first alternative's order. On success the captures are rotated under what the outer pattern
     * keeps on the stack.
     */
    private static void or(Codegen c, MatchOr p, Context pc) {
        Location loc = Location.of(p);
        int end = c.newLabel();
        List<PatternNode> alts = p.patterns();
        int size = alts.size();
        Context old = pc.copy();
        List<String> control = null;
        for (int i = 0; i < size; i++) {
            PatternNode alt = alts.get(i);
            Location altLoc = Location.of(alt);
            pc.stores = new ArrayList<>();
            // only the last alternative may be irrefutable, and only if the whole may be
            pc.allowIrrefutable = i == size - 1 && old.allowIrrefutable;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            pc.cur = altLoc;
            c.addOpI(Op.COPY, 1, at(c, pc, altLoc));
            pattern(c, alt, pc);
            int nstores = pc.stores.size();
            if (i == 0) {
                control = pc.stores;
            } else if (nstores != control.size()) {
                throw c.error(loc, "alternative patterns bind different names");
            } else if (nstores > 0) {
                for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                    String name = control.get(icontrol);
                    int istores = pc.stores.indexOf(name);
                    if (istores < 0) throw c.error(loc, "alternative patterns bind different names");
                    if (icontrol != istores) {
                        // move stores[:istores + 1] to just before position icontrol, on the stack as in the list
                        int rotations = istores + 1;
                        List<String> rotated = new ArrayList<>(pc.stores.subList(0, rotations));
                        pc.stores.subList(0, rotations).clear();
                        pc.stores.addAll(icontrol - istores, rotated);
                        while (rotations-- > 0) rotate(c, at(c, pc, altLoc), icontrol + 1);
                    }
                }
            }
            c.addJump(Op.JUMP, end, at(c, pc, altLoc));
            emitAndResetFailPop(c, at(c, pc, altLoc), pc);
        }
        pc.stores = old.stores;
        pc.allowIrrefutable = old.allowIrrefutable;
        pc.failPop = old.failPop;
        pc.onTop = old.onTop;
        // no alternative matched: drop the subject copy and fail
        c.addOp(Op.POP_TOP, at(c, pc, loc));
        jumpToFailPop(c, at(c, pc, loc), pc, Op.JUMP);

        c.useLabel(end);
        int nstores = control.size();
        // between the new captures and their place: the other captures, the subject copy, the
        // items in use and the earlier captures
        int nrots = nstores + 1 + pc.onTop + pc.stores.size();
        for (int i = 0; i < nstores; i++) {
            rotate(c, at(c, pc, loc), nrots);
            String name = control.get(i);
            if (pc.stores.contains(name)) throw duplicateStore(c, at(c, pc, loc), name);
            pc.stores.add(name);
        }
        c.addOp(Op.POP_TOP, at(c, pc, loc));
    }

    // ---- helpers ----

    /** {@code %R} of a name in an error message. */
    private static String repr(Codegen c, String name) {
        return PyRepr.reprStr(PyStr.of(name, false), c.version);
    }

    /** {@code %R} of a constant in an error message. */
    private static String repr(Codegen c, PyObject o) {
        return PyRepr.repr(o, c.version);
    }
}
