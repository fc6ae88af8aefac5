package org.jpyc.marshal;

import org.jpyc.object.PyObject;

/**
 * Observes a {@link MarshalReader} object by object (used by {@link MarshalTrace}). The reader makes
 * one null check per event when no listener is set.
 */
interface MarshalListener {
    /** An object starts: its type byte is at {@code offset}. */
    void begin(int offset, int code);

    /** The payload (the bytes after the length) of the string or bytes object just begun starts at {@code offset}. */
    void payload(int offset);

    /** A field of the innermost code object starts at {@code offset}. */
    void codeField(CodeField field, int offset);

    /** The innermost open object ends just before {@code offset}; {@code value} is what it loaded as. */
    void end(int offset, PyObject value);
}
