package org.jpyc.assemble;

import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * {@code _PyAssemble_MakeCodeObject} (Python/assemble.c of 3.13): jump offsets and EXTENDED_ARG, the
 * bytecode with zeroed inline caches, the location table, the exception table, localsplus names and
 * kinds, and the code object with every field merged through the const cache and interned as
 * {@code _PyCode_New} does. OWNER: the assemble work; this signature is the contract.
 */
public final class Assembler {
    private Assembler() {}

    public static PyCode makeCodeObject(PyVersion version, CodeUnitMetadata umd, ConstCache constCache,
            List<PyObject> consts, int stackdepth, InstrSequence instrs, int nlocalsplus, int codeFlags, String filename) {
        throw new UnsupportedOperationException("Assembler.makeCodeObject: to be written");
    }
}
