package org.jpyc.object;

/**
 * A code object's raw fields: the union of every CPython version's layout. Which fields a version
 * has, and the order marshal stores them in, is {@code org.jpyc.marshal.CodeLayout}'s business;
 * decoded views (instructions, line and location tables, exception table, localsplus kinds) live in
 * {@code org.jpyc.code}.
 *
 * <p>Integer fields are stored by marshal as raw int32 (never flagged, never shared); object fields
 * are marshal objects in their own right and may be back-references.
 */
public final class PyCode extends PyObject {
    // int32 fields
    public int argcount;
    /** 3.8+. */
    public int posonlyargcount;
    /** 3.0+. */
    public int kwonlyargcount;
    /** Up to 3.10. */
    public int nlocals;
    public int stacksize;
    public int flags;
    public int firstlineno;

    // object fields
    /** {@code co_code}: bytes. */
    public PyObject code;
    public PyObject consts;
    public PyObject names;
    /** Up to 3.10. */
    public PyObject varnames;
    /** Up to 3.10. */
    public PyObject freevars;
    /** Up to 3.10. */
    public PyObject cellvars;
    /** 3.11+: tuple of str. */
    public PyObject localsplusnames;
    /** 3.11+: bytes, one kind byte per local. */
    public PyObject localspluskinds;
    public PyObject filename;
    public PyObject name;
    /** 3.11+. */
    public PyObject qualname;
    /** {@code co_lnotab} up to 3.9, {@code co_linetable} in 3.10, the location table from 3.11. */
    public PyObject linetable;
    /** 3.11+. */
    public PyObject exceptiontable;

    @Override
    public String typeName() {
        return "code";
    }

    /** {@code co_name} as Java text, or {@code "?"}. */
    public String nameText() {
        return name instanceof PyStr s ? s.value() : "?";
    }

    /** {@code co_filename} as Java text, or {@code "?"}. */
    public String filenameText() {
        return filename instanceof PyStr s ? s.value() : filename instanceof PyBytes b ? new String(b.value(), java.nio.charset.StandardCharsets.ISO_8859_1) : "?";
    }

    /** {@code co_code} bytes. */
    public byte[] codeBytes() {
        return ((PyBytes) code).value();
    }

    @Override
    public String toString() {
        return "<code " + nameText() + ">";
    }
}
