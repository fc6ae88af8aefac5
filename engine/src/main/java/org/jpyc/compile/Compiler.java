package org.jpyc.compile;

import org.jpyc.object.PyCode;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * The compiler's public entry point: Python source to the code object and to the pyc bytes that
 * CPython's {@code py_compile} writes for a target version. The pipeline, in order (each stage its
 * own package): parse, future, astopt, symtable, codegen (with flowgraph and assemble per code unit),
 * then marshal. OWNER: the driver work; these signatures are the contract.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * {@code compile(source, filename, "exec", dont_inherit=True, optimize=optimize)}.
     * @throws PyCompileError what CPython raises (SyntaxError and friends), with its position
     */
    public static PyCode compile(byte[] source, String filename, PyVersion target, int optimize) {
        throw new UnsupportedOperationException("Compiler.compile: to be written");
    }

    /** {@code marshal.dumps(code)} as CPython writes it right after compiling (FLAG_REF bits and references). */
    public static byte[] marshal(PyCode code, PyVersion target) {
        throw new UnsupportedOperationException("Compiler.marshal: to be written");
    }
}
