package org.jpyc.assemble;

import java.util.List;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InternTable;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;

/**
 * The tail of Python/compile.c 3.10's {@code assemble()} and its {@code makecode}, with the parts of
 * {@code PyCode_NewWithPosOnlyArgs} that decide fields and identity. The line table and the bytecode are merged
 * through the module's const cache ({@code merge_const_one}) and the code object keeps the merged objects (3.11+
 * write a fresh copy of the bytecode: {@code _PyCode_GetCode}), so equal tables of two units are one object; then
 * names, varnames, cellvars, freevars and consts are merged, in that order. {@code PyCode_New} interns the strs of
 * the name tuples and the name-like str constants, and sets {@code CO_NOFREE} when the unit has neither cells nor
 * free variables.
 */
public final class CodeMaker310 {
    private CodeMaker310() {}

    /** What {@code makecode} (3.10) turns into a code object; {@code argcount} counts positional-only parameters too. */
    public record Parts(String filename, String name, int flags, int firstlineno, int argcount, int posonlyargcount,
            int kwonlyargcount, int stacksize, byte[] bytecode, byte[] linetable, List<String> names,
            List<PyObject> consts, List<String> varnames, List<String> cellvars, List<String> freevars) {}

    public static PyCode make(ConstCache cache, Parts p) {
        InternTable interned = cache.interned();
        // assemble(): a_lnotab, then a_bytecode, through merge_const_one
        PyObject linetable = cache.mergeOne(new PyBytes(p.linetable()));
        PyObject bytecode = cache.mergeOne(new PyBytes(p.bytecode()));
        // makecode
        PyTuple namesMade = strTuple(interned, p.names());
        PyObject names = cache.mergeOne(namesMade);
        PyTuple varnamesMade = strTuple(interned, p.varnames());
        PyObject varnames = cache.mergeOne(varnamesMade);
        PyTuple cellvarsMade = strTuple(interned, p.cellvars());
        PyObject cellvars = cache.mergeOne(cellvarsMade);
        PyTuple freevarsMade = strTuple(interned, p.freevars());
        PyObject freevars = cache.mergeOne(freevarsMade);
        PyObject consts = cache.mergeOne(new PyTuple(p.consts()));

        // PyCode_NewWithPosOnlyArgs: intern_strings of the name tuples (a tuple made here holds interned strs
        // already), intern_string_constants
        if (names != namesMade) CodeInterning.internStrings(interned, (PyTuple) names);
        if (varnames != varnamesMade) CodeInterning.internStrings(interned, (PyTuple) varnames);
        if (freevars != freevarsMade) CodeInterning.internStrings(interned, (PyTuple) freevars);
        if (cellvars != cellvarsMade) CodeInterning.internStrings(interned, (PyTuple) cellvars);
        CodeInterning.internConstants(interned, (PyTuple) consts, cache.target());

        PyCode co = new PyCode();
        co.argcount = p.argcount();
        co.posonlyargcount = p.posonlyargcount();
        co.kwonlyargcount = p.kwonlyargcount();
        co.nlocals = p.varnames().size();
        co.stacksize = p.stacksize();
        int flags = p.flags();
        if (p.cellvars().isEmpty() && p.freevars().isEmpty()) flags |= CodeFlags.CO_NOFREE;
        else flags &= ~CodeFlags.CO_NOFREE;
        co.flags = flags;
        co.firstlineno = p.firstlineno();
        co.code = bytecode;
        co.consts = consts;
        co.names = names;
        co.varnames = varnames;
        co.freevars = freevars;
        co.cellvars = cellvars;
        co.filename = cache.callerFilename(p.filename());
        // u_name: the parser's identifier for a function or class, PyUnicode_InternFromString for <module>,
        // <lambda> and the comprehensions
        co.name = interned.intern(p.name());
        co.linetable = linetable;
        return co;
    }

    /** A new tuple of strs: the unit's name-table keys, which are identifiers (interned by the parser). */
    private static PyTuple strTuple(InternTable interned, List<String> names) {
        PyObject[] items = new PyObject[names.size()];
        for (int i = 0; i < items.length; i++) items[i] = interned.intern(names.get(i));
        return PyTuple.ofFresh(items);
    }
}
