package org.jpyc.ast;

/**
 * Any node of a Python abstract syntax tree: a {@link Node} with fields, or a constant of one of the
 * field-less sum types ({@link ExprContextNode#Load}, {@link OperatorNode#Add}, ...).
 *
 * <p>The classes cover the union of the ASDL of every supported CPython version; which nodes and
 * fields a given version has, and in which order, is in {@link AstSchema}.
 */
public interface AstNode {
    /** The Python class name ({@code BinOp}, {@code Load}, {@code arguments}). */
    String nodeName();
}
