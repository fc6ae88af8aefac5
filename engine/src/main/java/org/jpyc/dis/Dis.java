package org.jpyc.dis;

import org.jpyc.object.PyCode;
import org.jpyc.version.PyVersion;

/** STUB (owned by the dis work): what {@code dis.dis(code)} of a given CPython version prints. */
public final class Dis {
    private Dis() {}

    /** The text {@code dis.dis(code)} prints in CPython {@code version}, nested code objects included. */
    public static String dis(PyCode code, PyVersion version) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
