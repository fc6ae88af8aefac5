package org.jpyc.dis;

import java.util.List;
import org.jpyc.code.Bytecode;
import org.jpyc.code.CodeFormatException;
import org.jpyc.code.CodeView;
import org.jpyc.code.ExceptionTable;
import org.jpyc.code.LineTable;
import org.jpyc.code.LocalsPlus;
import org.jpyc.code.OpcodeTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;

/** One code object decoded for disassembly in one version. */
final class CodeContext {
    final PyCode code;
    final PyVersion version;
    final OpcodeTable table;
    final Bytecode bytecode;
    final List<PyObject> consts;
    final List<PyObject> names;
    final LocalsPlus locals;
    final LineTable lineTable;
    final List<ExceptionTable.Entry> exceptions;

    CodeContext(PyCode code, PyVersion version) {
        CodeView view = CodeView.of(code, version);
        this.code = code;
        this.version = version;
        this.table = view.table();
        this.bytecode = view.bytecode();
        this.consts = code.consts instanceof PyTuple t ? t.items() : List.of();
        this.names = code.names instanceof PyTuple t ? t.items() : List.of();
        this.locals = view.locals();
        this.lineTable = view.lineTable();
        this.exceptions = view.exceptions();
    }

    PyObject constant(int offset, int i) {
        if (i < 0 || i >= consts.size()) {
            throw new CodeFormatException("co_code", offset, "constant index " + i + " out of range (" + consts.size() + " constants)");
        }
        return consts.get(i);
    }

    String name(int offset, int i) {
        if (i < 0 || i >= names.size()) {
            throw new CodeFormatException("co_code", offset, "name index " + i + " out of range (" + names.size() + " names)");
        }
        PyObject n = names.get(i);
        return n instanceof PyStr s ? s.value() : String.valueOf(n);
    }

    String local(int offset, int i) {
        try {
            return locals.localName(i);
        } catch (IndexOutOfBoundsException e) {
            throw new CodeFormatException("co_code", offset, e.getMessage());
        }
    }

    String free(int offset, int i) {
        try {
            return locals.freeName(i);
        } catch (IndexOutOfBoundsException e) {
            throw new CodeFormatException("co_code", offset, e.getMessage());
        }
    }
}
