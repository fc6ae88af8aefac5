package org.jpyc.codegen;

/** {@code enum fblocktype} (Python/compile.c): the frame blocks that break, continue and return unwind. */
public enum FBlockType {
    WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE,
    EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION
}
