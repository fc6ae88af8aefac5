package org.jpyc.conformance.check;

import org.jpyc.compile.Compiler;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.version.PyVersion;

/**
 * jpyc's side of the {@code compile} check: the pyc {@code py_compile} would write for one variant, or
 * the {@link org.jpyc.source.PyCompileError} CPython would raise. The default is {@link Compiler#pyc};
 * tests inject stand-ins (CPython's own pyc, or a mutated one).
 */
@FunctionalInterface
public interface PycCompiler {
    byte[] pyc(byte[] source, String dfile, PyVersion target, int optimize, InvalidationMode mode, long mtime);

    PycCompiler JPYC = Compiler::pyc;
}
