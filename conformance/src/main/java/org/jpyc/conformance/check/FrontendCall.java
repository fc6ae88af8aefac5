package org.jpyc.conformance.check;

import org.jpyc.ast.AstDump;
import org.jpyc.conformance.oracle.PyError;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/** What jpyc's frontend makes of a case: {@code ast.dump} text or the exception, as the checks compare them. */
record FrontendCall(String dump, PyError error) {

    /** Parses with jpyc; a {@link PyCompileError} is an answer (the source is bad), anything else is an engine failure. */
    static FrontendCall run(byte[] source, PyVersion v) throws EngineCall.Failure {
        return EngineCall.call("Parser.parse + AstDump.dump", () -> {
            try {
                return new FrontendCall(AstDump.dump(Parser.parse(source, v), v), null);
            } catch (PyCompileError e) {
                return new FrontendCall(null, new PyError(e.pythonType(), e.pythonMessage(), e.lineno(), e.offset(),
                        e.endLineno(), e.endOffset()));
            }
        });
    }

    /**
     * The one line {@code jpyc ast} prints for an error ({@link PyCompileError#pythonLine(String, String,
     * Integer, Integer, Integer, Integer, PyVersion)}): {@code Type('msg', lineno=L, offset=O,
     * end_lineno=EL, end_offset=EO)} for a SyntaxError, {@code ValueError('msg')} (3.10's and 3.11's
     * null bytes) for types without positions. Both sides of the {@code error} check are printed by this one function.
     */
    static String line(PyError e, PyVersion v) {
        return PyCompileError.pythonLine(e.type(), e.message(), e.lineno(), e.offset(), e.endLineno(), e.endOffset(), v);
    }
}
