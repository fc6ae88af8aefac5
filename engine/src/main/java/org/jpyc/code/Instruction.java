package org.jpyc.code;

/**
 * One decoded instruction: a code unit ({@code opcode}, {@code oparg} byte) with the
 * {@code EXTENDED_ARG} prefixes before it folded into {@link #arg()}.
 *
 * @param offset byte offset of the opcode byte in {@code co_code}
 * @param startOffset offset of the first {@code EXTENDED_ARG} prefix of this instruction (3.13's
 *     {@code start_offset}), or {@code offset} if there is none. An {@code EXTENDED_ARG} itself is
 *     its own instruction with {@code startOffset == offset}.
 * @param opcode the opcode byte as stored (may be a specialized opcode)
 * @param arg the folded argument; meaningless unless {@link #hasArg()}
 * @param hasArg whether dis reads an argument for this opcode
 * @param cacheUnits inline cache code units (2 bytes each) that follow (3.11+)
 */
public record Instruction(int offset, int startOffset, int opcode, int arg, boolean hasArg, int cacheUnits) {
    /** Byte offset just past this instruction's inline caches. */
    public int endOffset() {
        return offset + 2 + 2 * cacheUnits;
    }
}
