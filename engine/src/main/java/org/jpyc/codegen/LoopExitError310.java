package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.AsyncFor;
import org.jpyc.ast.AsyncWith;
import org.jpyc.ast.AugAssign;
import org.jpyc.ast.ExceptHandler;
import org.jpyc.ast.ExcepthandlerNode;
import org.jpyc.ast.For;
import org.jpyc.ast.If;
import org.jpyc.ast.Match;
import org.jpyc.ast.MatchAs;
import org.jpyc.ast.MatchCase;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Try;
import org.jpyc.ast.While;
import org.jpyc.ast.With;
import org.jpyc.instrseq.Location;

/**
 * Where 3.10.8 places "'break' outside loop" and "'continue' not properly in loop"
 * ({@link org.jpyc.version.Feature#LOOP_EXIT_ERROR_AT_STATEMENT} is off). Its {@code compiler_break} and
 * {@code compiler_continue} unwind the frame blocks first and raise the error afterwards with
 * {@code compiler_error}, which takes the unit's current location ({@code u_lineno}, {@code u_col_offset},
 * {@code u_end_lineno}, {@code u_end_col_offset}). Unwinding changes it in two blocks:
 * <ul>
 *   <li>a {@code try}'s finally body ({@code FINALLY_TRY}) is compiled inline, each statement setting the location
 *       ({@code SET_LOC} in {@code compiler_visit_stmt}), then the line is made -1;</li>
 *   <li>a {@code with} ({@code WITH}, {@code ASYNC_WITH}) sets the with statement's location, then the line -1.</li>
 * </ul>
 * The others (loops, handlers, finally ends, popped values) emit at the location they find. What a compound
 * statement leaves as the location ({@link #after}) was measured statement kind by statement kind against
 * 3.10.8 (an expression's visit puts the location back as it was, a nested unit's code does not touch it).
 */
final class LoopExitError310 {
    private LoopExitError310() {}

    /** The error's location for a break or continue at {@code stmtLoc} that found no loop, the frame blocks being {@code blocks}. */
    static Location errorLocation(List<FBlock> blocks, Location stmtLoc) {
        Location state = stmtLoc;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            FBlock b = blocks.get(i);
            switch (b.type()) {
                case FINALLY_TRY -> {
                    @SuppressWarnings("unchecked")
                    List<StmtNode> finalbody = (List<StmtNode>) b.datum();
                    state = after(finalbody, state).withLineno(-1);
                }
                case WITH, ASYNC_WITH -> state = b.loc().withLineno(-1);
                default -> { }
            }
        }
        return state;
    }

    /** The location after compiling {@code body} from {@code state}. */
    private static Location after(List<StmtNode> body, Location state) {
        if (body != null) for (StmtNode s : body) state = after(s);
        return state;
    }

    /** The location after compiling {@code s} (only the columns and the end matter here: the line becomes -1). */
    private static Location after(StmtNode s) {
        Location own = Location.of(s);
        if (s instanceof AugAssign a) return Location.of(a.target()); // compiler_augassign: SET_LOC(target) for the store
        if (s instanceof If f) return after(f.orelse(), after(f.body(), own));
        if (s instanceof For f) return after(f.orelse(), after(f.body(), own)); // the jump back: line -1, same columns
        if (s instanceof AsyncFor f) return after(f.orelse(), Location.of(f.iter())); // END_ASYNC_FOR at the iterable
        if (s instanceof While w) return after(w.orelse(), own); // after the body, the test again at the while statement
        if (s instanceof With || s instanceof AsyncWith) return own; // the exit call, at the with statement
        if (s instanceof Try t) {
            if (t.finalbody() != null && !t.finalbody().isEmpty()) return after(t.finalbody(), own);
            Location l = after(t.body(), own);
            for (ExcepthandlerNode h : t.handlers()) l = after(((ExceptHandler) h).body(), l);
            return after(t.orelse(), l);
        }
        if (s instanceof Match m) {
            List<MatchCase> cases = m.cases();
            Location l = own;
            for (int i = 0; i < cases.size(); i++) {
                MatchCase c = cases.get(i);
                l = after(c.body(), l);
                // compiler_match_inner: a case that is not the final wildcard ends at its pattern
                boolean wildcardDefault = i == cases.size() - 1 && cases.size() > 1
                        && c.pattern() instanceof MatchAs as && as.pattern() == null && as.name() == null;
                if (!wildcardDefault) l = Location.of(c.pattern());
            }
            return l;
        }
        return own;
    }
}
