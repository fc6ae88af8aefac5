package org.jpyc.symtable;

/** {@code _Py_comprehension_ty}. */
public enum ComprehensionType { NONE, LIST, DICT, SET, GENERATOR }
