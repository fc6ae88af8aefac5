package org.jpyc.code;

/**
 * One entry of {@code co_lines()}: bytecode bytes {@code [start, end)} belong to {@code line}
 * ({@code null}: no line, e.g. artificial instructions).
 */
public record LineRange(int start, int end, Integer line) {}
