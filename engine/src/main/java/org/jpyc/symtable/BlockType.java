package org.jpyc.symtable;

/** {@code _Py_block_ty} (Include/internal/pycore_symtable.h): the kind of a scope. */
public enum BlockType {
    FUNCTION, CLASS, MODULE,
    /** 3.12+: annotation scopes (PEP 649 in 3.14; in 3.13 only for type-param bounds and defaults? see symtable.c). */
    ANNOTATION,
    /** 3.12+: the value of a {@code type} statement. */
    TYPE_ALIAS,
    /** 3.12+: the scope holding a generic definition's type parameters. */
    TYPE_PARAMETERS,
    /** 3.12+: a TypeVar's bound or default. */
    TYPE_VARIABLE
}
