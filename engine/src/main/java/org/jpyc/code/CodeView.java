package org.jpyc.code;

import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * All decoded views of one code object in one version: its instructions, line table, exception
 * table (3.11+) and local variable slots. Decoding happens once, at construction; a field that
 * cannot be decoded throws {@link CodeFormatException}.
 */
public final class CodeView {
    private final PyCode code;
    private final PyVersion version;
    private final OpcodeTable table;
    private final Bytecode bytecode;
    private final LineTable lineTable;
    private final List<ExceptionTable.Entry> exceptions;
    private final LocalsPlus locals;

    private CodeView(PyCode code, PyVersion version) {
        this.code = code;
        this.version = version;
        this.table = OpcodeTable.forVersion(version);
        if (!(code.code instanceof PyBytes b)) {
            throw new CodeFormatException("co_code", 0, "co_code is a " + (code.code == null ? "null" : code.code.typeName()) + ", not bytes");
        }
        this.bytecode = Bytecode.decode(b.value(), table, version);
        this.lineTable = LineTable.of(code, version);
        this.exceptions = version.has(Feature.EXCEPTION_TABLE) && code.exceptiontable instanceof PyBytes e
                ? ExceptionTable.parse(e.value())
                : List.of();
        this.locals = LocalsPlus.of(code, version);
    }

    public static CodeView of(PyCode code, PyVersion version) {
        return new CodeView(code, version);
    }

    public PyCode code() {
        return code;
    }

    public PyVersion version() {
        return version;
    }

    public OpcodeTable table() {
        return table;
    }

    public Bytecode bytecode() {
        return bytecode;
    }

    public LineTable lineTable() {
        return lineTable;
    }

    /** Exception table entries (empty before 3.11). */
    public List<ExceptionTable.Entry> exceptions() {
        return exceptions;
    }

    public LocalsPlus locals() {
        return locals;
    }

    /** The byte offset {@code in} jumps to, or -1 (see {@link Bytecode#jumpTarget}). */
    public int jumpTarget(Instruction in) {
        return Bytecode.jumpTarget(in, table, version);
    }
}
