package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.StmtNode;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;

/** Frame-block unwinding for break, continue and return ({@code compiler_unwind_fblock}, {@code compiler_unwind_fblock_stack}). */
final class FBlockUnwinder {
    private FBlockUnwinder() {}

    /** {@code compiler_unwind_fblock_stack}; the C recursion is a loop that pops, then pushes the blocks back. */
    static FBlock unwindStack(Codegen c, Location[] ploc, boolean preserveTos, boolean stopAtLoop) {
        List<FBlock> blocks = c.unit().fblocks;
        if (blocks.isEmpty()) return null;
        FBlock top = blocks.get(blocks.size() - 1);
        if (top.type() == FBlockType.EXCEPTION_GROUP_HANDLER) {
            throw c.error(ploc[0], "'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if (stopAtLoop && (top.type() == FBlockType.WHILE_LOOP || top.type() == FBlockType.FOR_LOOP)) {
            return top;
        }
        blocks.remove(blocks.size() - 1);
        FBlock loop;
        try {
            unwind(c, ploc, top, preserveTos);
            loop = unwindStack(c, ploc, preserveTos, stopAtLoop);
        } finally {
            blocks.add(top);
        }
        return loop;
    }

    /** {@code compiler_unwind_fblock}. */
    @SuppressWarnings("unchecked")
    static void unwind(Codegen c, Location[] ploc, FBlock info, boolean preserveTos) {
        // 3.10: the blocks that hold exception values or a bound __exit__ unwind otherwise
        if (!c.version.has(org.jpyc.version.Feature.ZERO_COST_EXCEPTIONS) && TryCodegen310.unwind(c, ploc, info, preserveTos)) {
            return;
        }
        switch (info.type()) {
            case WHILE_LOOP, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION -> { }
            case FOR_LOOP -> {
                // 3.15 (virtual iterators): the iterator is two stack items
                boolean twoItems = c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS)
                        && info.datum() != FBlock.ASYNC_ITERATOR;
                if (preserveTos) c.addOpI(Op.SWAP, twoItems ? 3 : 2, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
                if (twoItems) c.addOp(Op.POP_TOP, ploc[0]);
            }
            case TRY_EXCEPT -> c.addOp(Op.POP_BLOCK, ploc[0]);
            case FINALLY_TRY -> {
                c.addOp(Op.POP_BLOCK, ploc[0]);
                if (preserveTos) c.pushFBlock(ploc[0], FBlockType.POP_VALUE, -1, -1, null);
                c.visitStmts((List<StmtNode>) info.datum());
                if (preserveTos) c.popFBlock(FBlockType.POP_VALUE, -1);
                ploc[0] = Location.NO_LOCATION;
                c.unit().locInForce = Location.NO_LOCATION; // 3.10/3.11: UNSET_LOC, in force after the unwinding
            }
            case FINALLY_END -> {
                if (preserveTos) c.addOpI(Op.SWAP, 2, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
                if (preserveTos) c.addOpI(Op.SWAP, 2, ploc[0]);
                c.addOp(Op.POP_BLOCK, ploc[0]);
                c.addOp(Op.POP_EXCEPT, ploc[0]);
            }
            case WITH, ASYNC_WITH -> {
                ploc[0] = info.loc();
                c.addOp(Op.POP_BLOCK, ploc[0]);
                if (preserveTos) {
                    // 3.14: the exit method and self are two items under the value
                    if (c.version.has(org.jpyc.version.Feature.WITH_LOAD_SPECIAL)) c.addOpI(Op.SWAP, 3, ploc[0]);
                    c.addOpI(Op.SWAP, 2, ploc[0]);
                }
                c.callExitWithNones(ploc[0]);
                if (info.type() == FBlockType.ASYNC_WITH) {
                    c.addOpI(Op.GET_AWAITABLE, 2, ploc[0]);
                    c.addSendNullSlot(ploc[0]);
                    c.loadConst(PyConst.NONE, ploc[0]);
                    c.addYieldFrom(ploc[0], true);
                }
                c.addOp(Op.POP_TOP, ploc[0]);
                ploc[0] = Location.NO_LOCATION;
                c.unit().locInForce = Location.NO_LOCATION; // 3.11: UNSET_LOC, in force after the unwinding
            }
            case HANDLER_CLEANUP -> {
                String name = (String) info.datum();
                if (name != null) c.addOp(Op.POP_BLOCK, ploc[0]);
                if (preserveTos) c.addOpI(Op.SWAP, 2, ploc[0]);
                c.addOp(Op.POP_BLOCK, ploc[0]);
                c.addOp(Op.POP_EXCEPT, ploc[0]);
                if (name != null) {
                    c.loadConst(PyConst.NONE, ploc[0]);
                    c.nameOp(ploc[0], name, ExprContextNode.Store);
                    c.nameOp(ploc[0], name, ExprContextNode.Del);
                }
            }
            case POP_VALUE -> {
                if (preserveTos) c.addOpI(Op.SWAP, 2, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
            }
        }
    }
}
