package org.jpyc.code;

/**
 * One entry of {@code co_positions()} (3.11+, PEP 657): the source span of a code unit. Each part
 * is {@code null} when unknown, as in Python.
 */
public record Positions(Integer line, Integer endLine, Integer col, Integer endCol) {
    public static final Positions NONE = new Positions(null, null, null, null);
}
