package org.jpyc.assemble;

import java.util.List;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;

/**
 * Everything {@code makecode} turns into a code object, as plain values: the assembled tables, the
 * unit's names, its constants (already merged through the const cache, nested code objects included),
 * and the counts. Strings are Java text; the code object's str objects come from the compilation's
 * intern table.
 *
 * @param argcount positional parameters, positional-only included ({@code co_argcount})
 * @param qualnameObject the unit's {@code u_qualname} str object if codegen used it (a class body's
 *     {@code __qualname__} constant), else null
 */
public record CodeParts(String filename, String name, String qualname, int flags, int firstlineno,
        int argcount, int posonlyargcount, int kwonlyargcount, int stacksize,
        byte[] bytecode, byte[] linetable, byte[] exceptiontable,
        List<String> names, List<PyObject> consts, List<String> localsplusnames, byte[] localspluskinds,
        PyStr qualnameObject) {}
