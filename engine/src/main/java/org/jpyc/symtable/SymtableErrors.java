package org.jpyc.symtable;

import org.jpyc.ast.Located;
import org.jpyc.source.PyCompileError;

/**
 * The errors the symbol table raises. Positions follow {@code PyErr_RangedSyntaxLocationObject} as
 * symtable.c calls it: the AST's 0-based UTF-8 byte columns plus one, not converted to characters.
 */
final class SymtableErrors {
    private SymtableErrors() {}

    static final String RECURSION_MESSAGE = "maximum recursion depth exceeded during compilation";

    static PyCompileError syntaxError(String message, int lineno, int colOffset, int endLineno, int endColOffset) {
        return new PyCompileError("SyntaxError", message, lineno, colOffset + 1, endLineno, endColOffset + 1, -1);
    }

    /** A SyntaxError at {@code LOCATION(node)}. */
    static PyCompileError syntaxError(String message, Located node) {
        return syntaxError(message, node.lineno(), node.colOffset(), end(node.rawEndLineno()), end(node.rawEndColOffset()));
    }

    /** {@code PyExc_RecursionError} as the visitors raise it past {@code recursion_limit}. */
    static PyCompileError recursion() {
        return new PyCompileError("RecursionError", RECURSION_MESSAGE, null, null, null, null, -1);
    }

    private static int end(int raw) {
        return raw == Integer.MIN_VALUE ? -1 : raw;
    }
}
