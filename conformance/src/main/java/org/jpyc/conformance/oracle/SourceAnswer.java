package org.jpyc.conformance.oracle;

import java.util.Map;

/**
 * What CPython made of one {@link SourceRequest}. Exactly one of {@code compileError} and
 * {@code pycs} is meaningful: a source that does not compile has no pycs.
 *
 * @param compileError  the exception {@code compile(source, dfile, 'exec')} raised, or {@code null}
 * @param pycs          the bytes {@code py_compile} wrote, per requested variant
 * @param variantErrors variants for which py_compile failed although compile() did not (rare)
 * @param ast           {@code ast.dump} text, or {@code null}
 * @param astError      what {@code ast.parse} raised, or {@code null}
 * @param dis           {@code dis.dis} text of the optimize-0 pyc, or {@code null}
 * @param disError      what loading or disassembling raised, or {@code null}
 * @param disOpt2       {@code dis.dis} text of the optimize-2 timestamp pyc, when that pyc was requested, or {@code null}
 * @param disOpt2Error  what loading or disassembling that pyc raised, or {@code null}
 * @param symtable      the driver's dump of {@code _symtable.symtable(source, dfile, "exec")}, or {@code null}
 * @param symtableError what {@code _symtable.symtable} raised, or {@code null}
 */
public record SourceAnswer(PyError compileError, Map<PycVariant, byte[]> pycs,
                           Map<PycVariant, PyError> variantErrors, String ast, PyError astError,
                           String dis, PyError disError, String disOpt2, PyError disOpt2Error,
                           String symtable, PyError symtableError) {
    public SourceAnswer {
        pycs = pycs == null ? Map.of() : Map.copyOf(pycs);
        variantErrors = variantErrors == null ? Map.of() : Map.copyOf(variantErrors);
    }

    /** Without the symbol table. */
    public SourceAnswer(PyError compileError, Map<PycVariant, byte[]> pycs, Map<PycVariant, PyError> variantErrors,
                        String ast, PyError astError, String dis, PyError disError, String disOpt2, PyError disOpt2Error) {
        this(compileError, pycs, variantErrors, ast, astError, dis, disError, disOpt2, disOpt2Error, null, null);
    }
}
