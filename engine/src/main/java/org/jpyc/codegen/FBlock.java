package org.jpyc.codegen;

import org.jpyc.instrseq.Location;

/**
 * {@code struct fblockinfo}: one frame block. {@code datum} is what unwinding needs: the
 * {@code finalbody} statements of a FINALLY_TRY, the handler's name of a HANDLER_CLEANUP, ...
 */
public record FBlock(FBlockType type, int block, Location loc, int exit, Object datum) {
    /** The datum of an {@code async for} loop's FOR_LOOP block: its iterator is one stack item (3.15: a sync one, two). */
    public static final Object ASYNC_ITERATOR = "async for";
}
