package org.jpyc.conformance.check;

import org.jpyc.ast.AstDump;
import org.jpyc.conformance.oracle.PyError;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
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
     * The one line {@code jpyc ast} prints for an error: {@code Type('msg', lineno=L, offset=O,
     * end_lineno=EL, end_offset=EO)}, or {@code ValueError('msg')} (3.10's null bytes). Both sides of
     * the {@code error} check are printed by this one function.
     */
    static String line(PyError e, PyVersion v) {
        String msg = PyRepr.reprStr(PyStr.of(e.message(), false), v);
        if (!"SyntaxError".equals(e.type()) && !"IndentationError".equals(e.type()) && !"TabError".equals(e.type())) {
            return e.type() + "(" + msg + ")";
        }
        return e.type() + "(" + msg + ", lineno=" + py(e.lineno()) + ", offset=" + py(e.offset())
                + ", end_lineno=" + py(e.endLineno()) + ", end_offset=" + py(e.endOffset()) + ")";
    }

    private static String py(Integer i) {
        return i == null ? "None" : i.toString();
    }
}
