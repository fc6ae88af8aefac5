package org.jpyc.codegen;

import org.jpyc.object.PyCode;

/**
 * What becomes of a finished code unit ({@code optimize_and_assemble_code_unit}): the default sink
 * optimizes and assembles it; a test sink may record the unit's instruction sequence and return a
 * stub code object. Called with the return at the end already added.
 */
@FunctionalInterface
public interface UnitSink {
    PyCode finish(CodegenUnit u, int codeFlags);
}
