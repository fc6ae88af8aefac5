package org.jpyc.marshal;

import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;

/**
 * One field of a marshalled code object: either a raw int32 or a nested marshal object. Which fields
 * a CPython version writes, and in what order, is {@link CodeLayout}'s business.
 */
public enum CodeField {
    ARGCOUNT("co_argcount", true),
    /** 3.8+ (PEP 570). */
    POSONLYARGCOUNT("co_posonlyargcount", true),
    /** 3.0+ (PEP 3102). */
    KWONLYARGCOUNT("co_kwonlyargcount", true),
    /** Up to 3.10. */
    NLOCALS("co_nlocals", true),
    STACKSIZE("co_stacksize", true),
    FLAGS("co_flags", true),
    CODE("co_code", false),
    CONSTS("co_consts", false),
    NAMES("co_names", false),
    /** Up to 3.10. */
    VARNAMES("co_varnames", false),
    /** Up to 3.10. */
    FREEVARS("co_freevars", false),
    /** Up to 3.10. */
    CELLVARS("co_cellvars", false),
    /** 3.11+. */
    LOCALSPLUSNAMES("co_localsplusnames", false),
    /** 3.11+. */
    LOCALSPLUSKINDS("co_localspluskinds", false),
    FILENAME("co_filename", false),
    NAME("co_name", false),
    /** 3.11+. */
    QUALNAME("co_qualname", false),
    FIRSTLINENO("co_firstlineno", true),
    /** Up to 3.9: {@code co_lnotab}. Stored in {@link PyCode#linetable}. */
    LNOTAB("co_lnotab", false),
    /** 3.10+: {@code co_linetable} (3.10's line table, 3.11's location table). */
    LINETABLE("co_linetable", false),
    /** 3.11+. */
    EXCEPTIONTABLE("co_exceptiontable", false);

    /** The attribute name Python uses ({@code co_consts}). */
    public final String pyName;
    /** Whether marshal stores the field as a raw int32 rather than as an object. */
    public final boolean isInt;

    CodeField(String pyName, boolean isInt) {
        this.pyName = pyName;
        this.isInt = isInt;
    }

    /** Reads an int field of {@code c}. */
    public int getInt(PyCode c) {
        return switch (this) {
            case ARGCOUNT -> c.argcount;
            case POSONLYARGCOUNT -> c.posonlyargcount;
            case KWONLYARGCOUNT -> c.kwonlyargcount;
            case NLOCALS -> c.nlocals;
            case STACKSIZE -> c.stacksize;
            case FLAGS -> c.flags;
            case FIRSTLINENO -> c.firstlineno;
            default -> throw new IllegalStateException(pyName + " is not an int field");
        };
    }

    /** Sets an int field of {@code c}. */
    public void setInt(PyCode c, int v) {
        switch (this) {
            case ARGCOUNT -> c.argcount = v;
            case POSONLYARGCOUNT -> c.posonlyargcount = v;
            case KWONLYARGCOUNT -> c.kwonlyargcount = v;
            case NLOCALS -> c.nlocals = v;
            case STACKSIZE -> c.stacksize = v;
            case FLAGS -> c.flags = v;
            case FIRSTLINENO -> c.firstlineno = v;
            default -> throw new IllegalStateException(pyName + " is not an int field");
        }
    }

    /** Reads an object field of {@code c} (null if unset). */
    public PyObject get(PyCode c) {
        return switch (this) {
            case CODE -> c.code;
            case CONSTS -> c.consts;
            case NAMES -> c.names;
            case VARNAMES -> c.varnames;
            case FREEVARS -> c.freevars;
            case CELLVARS -> c.cellvars;
            case LOCALSPLUSNAMES -> c.localsplusnames;
            case LOCALSPLUSKINDS -> c.localspluskinds;
            case FILENAME -> c.filename;
            case NAME -> c.name;
            case QUALNAME -> c.qualname;
            case LNOTAB, LINETABLE -> c.linetable;
            case EXCEPTIONTABLE -> c.exceptiontable;
            default -> throw new IllegalStateException(pyName + " is an int field");
        };
    }

    /** Sets an object field of {@code c}. */
    public void set(PyCode c, PyObject v) {
        switch (this) {
            case CODE -> c.code = v;
            case CONSTS -> c.consts = v;
            case NAMES -> c.names = v;
            case VARNAMES -> c.varnames = v;
            case FREEVARS -> c.freevars = v;
            case CELLVARS -> c.cellvars = v;
            case LOCALSPLUSNAMES -> c.localsplusnames = v;
            case LOCALSPLUSKINDS -> c.localspluskinds = v;
            case FILENAME -> c.filename = v;
            case NAME -> c.name = v;
            case QUALNAME -> c.qualname = v;
            case LNOTAB, LINETABLE -> c.linetable = v;
            case EXCEPTIONTABLE -> c.exceptiontable = v;
            default -> throw new IllegalStateException(pyName + " is an int field");
        }
    }
}
