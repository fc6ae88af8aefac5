package org.jpyc.pyc;

import org.jpyc.object.PyObject;

/** STUB (owned by the pyc work): a .pyc file, header plus marshalled code object. */
public final class PycFile {
    /** Reads a whole .pyc (header and marshal data); the version comes from the magic number. */
    public static PycFile read(byte[] data) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes this file again, byte-for-byte as it was read. */
    public byte[] toBytes() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The version the magic number names. */
    public org.jpyc.version.PyVersion version() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The top-level code object. */
    public PyObject code() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
