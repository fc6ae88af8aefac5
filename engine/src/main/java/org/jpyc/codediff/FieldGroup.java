package org.jpyc.codediff;

import org.jpyc.marshal.CodeField;

/**
 * The parts of a code object whose agreement is counted separately: the conformance report sums them
 * over cases, so progress shows before whole files match. {@link #REFERENCES} is the marshal encoding
 * (FLAG_REF bits, back-references and type-code forms) rather than a field; {@link #OTHER} collects the
 * argument counts, first line and the names.
 */
public enum FieldGroup {
    CODE("co_code"),
    CONSTS("co_consts"),
    NAMES("co_names"),
    LOCALSPLUS("localsplus"),
    LINETABLE("co_linetable"),
    EXCEPTIONTABLE("co_exceptiontable"),
    STACKSIZE("co_stacksize"),
    FLAGS("co_flags"),
    OTHER("other"),
    REFERENCES("references");

    /** The name used in reports. */
    public final String label;

    FieldGroup(String label) {
        this.label = label;
    }

    /** The group a code object field belongs to. */
    public static FieldGroup of(CodeField f) {
        return switch (f) {
            case CODE -> CODE;
            case CONSTS -> CONSTS;
            case NAMES -> NAMES;
            case VARNAMES, FREEVARS, CELLVARS, LOCALSPLUSNAMES, LOCALSPLUSKINDS, NLOCALS -> LOCALSPLUS;
            case LNOTAB, LINETABLE -> LINETABLE;
            case EXCEPTIONTABLE -> EXCEPTIONTABLE;
            case STACKSIZE -> STACKSIZE;
            case FLAGS -> FLAGS;
            default -> OTHER;
        };
    }
}
